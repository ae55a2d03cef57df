// One audit event per changed record: who, when (UTC), what, and the record before and after.
#pragma once

#include "io/json_text.hpp"
#include "io/record_json.hpp"
#include "store/store.hpp"

#include <boost/json/monotonic_resource.hpp>

#include <optional>
#include <string>

namespace rectify::service {

// A record's image as its events keep it. Built in a buffer on the stack: an import makes one
// per record, and the object is dropped as soon as it is written out.
template <class R> std::string audit_image(const R &r) {
    unsigned char buffer[4096];
    boost::json::monotonic_resource memory(buffer, sizeof buffer);
    return io::to_compact_json(io::record_json(r, &memory));
}

inline void audit(store::Store &store, const std::string &actor, const std::string &now, const char *action,
                  const std::string &kind, std::int64_t id, std::optional<std::string> before,
                  std::optional<std::string> after) {
    store.append_audit({now, actor, action, kind, id, std::move(before), std::move(after)});
}

inline void audit(store::Store &store, const std::string &actor, const std::string &now, const char *action,
                  core::Kind kind, std::int64_t id, std::optional<std::string> before, std::optional<std::string> after) {
    audit(store, actor, now, action, std::string(core::name(kind)), id, std::move(before), std::move(after));
}

} // namespace rectify::service
