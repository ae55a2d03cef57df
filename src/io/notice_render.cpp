#include "io/notice_render.hpp"

#include "core/error.hpp"
#include "io/markdown_escape.hpp"
#include "io/notice_templates.hpp"
#include "io/notice_view.hpp"
#include "io/provisional_note.hpp"

#include <kainjow/mustache.hpp>

namespace rectify::io {

namespace {

[[noreturn]] void bad_template(const std::string &message) {
    throw core::Error(core::Errc::invalid, "template: " + message);
}

} // namespace

NoticeParts notice_parts(Format format, const std::optional<std::string> &template_text) {
    if (template_text) return notice_parts_of(*template_text);
    if (format != Format::text && format != Format::markdown) return {};
    return notice_parts_of(bundled_notice_template(format));
}

std::string render_notice(const Report &report, Format format, const std::optional<std::string> &template_text) {
    if (format != Format::text && format != Format::markdown)
        throw core::Error(core::Errc::argument, "the notice renders as text or markdown only");
    const std::string source = template_text ? *template_text : std::string(bundled_notice_template(format));
    kainjow::mustache::mustache tmpl(source);
    if (!tmpl.is_valid()) bad_template(tmpl.error_message());
    // Mustache escapes {{name}} for HTML by default; a plain-text notice wants every character
    // as it was entered, and Markdown only its own markup escaped.
    if (format == Format::text) tmpl.set_custom_escape([](const std::string &s) { return s; });
    else tmpl.set_custom_escape(markdown_escape);
    std::string out = tmpl.render(notice_view(report, notice_parts_of(source)));
    // Some errors (an unclosed section inside a partial, say) only show while rendering.
    if (!tmpl.is_valid()) bad_template(tmpl.error_message());
    // Whatever the template, a notice whose deadlines were counted provisionally says so last.
    if (const std::string note = provisional_note(report.provisional_years); !note.empty()) {
        if (!out.empty() && out.back() != '\n') out += '\n';
        if (format == Format::markdown) out += '\n';
        out += (format == Format::markdown ? markdown_escape(note) : note) + '\n';
    }
    return out;
}

} // namespace rectify::io
