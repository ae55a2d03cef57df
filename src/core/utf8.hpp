// UTF-8 validation at the boundary: every text that enters the library passes through here.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace rectify::core {

// The byte offset of the first byte that does not start or continue a well-formed UTF-8
// sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or nullopt if the
// whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

} // namespace rectify::core
