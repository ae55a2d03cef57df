// An inspection as an OSCAL 1.0.6 plan of action and milestones (POA&M), for systems that speak
// OSCAL: each issue a poam-item with its risk, each measure a remediation of that risk with its
// deadline as a milestone. The mapping is written out in docs/reports.md.
#pragma once

#include "io/report.hpp"

#include <string>
#include <string_view>

namespace rectify::io {

constexpr std::string_view kOscalVersion = "1.0.6";
// The namespace of the props OSCAL itself does not define.
constexpr std::string_view kOscalPropNamespace = "urn:rectify:oscal";

// The POA&M as JSON text (the export layout: two-space indentation, final newline). Every UUID is
// name-based (io/name_uuid.hpp) on the records' refs, so repeated exports are identical; no date
// comes from the clock.
std::string render_oscal_poam(const Report &r);

} // namespace rectify::io
