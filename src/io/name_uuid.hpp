// Name-based UUIDs (RFC 4122 §4.3, version 5: SHA-1) under rectify's own namespace, so that an
// export names the same record with the same UUID every time it is made, on any machine.
#pragma once

#include <string>
#include <string_view>

namespace rectify::io {

// The namespace every rectify name-based UUID is made in; fixed forever, since changing it
// would rename every exported record.
constexpr std::string_view kRectifyUuidNamespace = "66955f8c-345d-4c08-9fa2-19b0e61fc576";

// The version 5 UUID of `name` in kRectifyUuidNamespace, lower-case 8-4-4-4-12 hex.
std::string name_uuid(std::string_view name);

// The version 5 UUID of `name` in any namespace (given as 8-4-4-4-12 hex): for checking against
// RFC 4122's published examples.
std::string name_uuid(std::string_view namespace_uuid, std::string_view name);

} // namespace rectify::io
