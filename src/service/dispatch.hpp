// Calls f with a value of the model type a Kind names, so that one generic body serves every
// kind of record.
#pragma once

#include "core/error.hpp"
#include "core/model.hpp"

#include <string>

namespace rectify::service {

template <class R> struct Type { using type = R; };

template <class F> decltype(auto) dispatch(core::Kind kind, F &&f) {
    switch (kind) {
    case core::Kind::round: return f(Type<core::Round>{});
    case core::Kind::unit: return f(Type<core::Unit>{});
    case core::Kind::inspection: return f(Type<core::Inspection>{});
    case core::Kind::aspect: return f(Type<core::Aspect>{});
    case core::Kind::issue: return f(Type<core::Issue>{});
    case core::Kind::measure: return f(Type<core::Measure>{});
    case core::Kind::progress: return f(Type<core::Progress>{});
    case core::Kind::outcome: return f(Type<core::Outcome>{});
    }
    throw core::Error(core::Errc::argument, "unknown record kind " + std::to_string(static_cast<int>(kind)));
}

} // namespace rectify::service
