#include "service/access_control.hpp"

#include "service/dispatch.hpp"

#include <algorithm>
#include <type_traits>

namespace rectify::service {

using core::Errc;
using core::Error;

std::vector<core::Grant> AccessControl::grants(const std::optional<std::string> &actor) {
    if (!actor) return {};
    if (pinned_ && kept_ && kept_->first == *actor) return kept_->second;
    auto user = store_.user(*actor);
    std::vector<core::Grant> out = user ? store_.grants_of(user->id) : std::vector<core::Grant>{};
    if (pinned_) kept_.emplace(*actor, out);
    return out;
}

void AccessControl::deny(const std::optional<std::string> &actor, const std::vector<core::Grant> &grants,
                         core::Permission p, const std::string &what) {
    require_user(actor, what);
    throw Error(Errc::denied, "denied: " + what + " needs permission " + std::string(core::name(p)) + "; '" + *actor +
                                  "' has " + core::describe(grants));
}

void AccessControl::require(const std::optional<std::string> &actor, core::Permission p,
                            const core::RecordScope &where, const std::string &what) {
    auto g = grants(actor);
    if (!core::permits(g, p, where)) deny(actor, g, p, what);
}

void AccessControl::require_user(const std::optional<std::string> &actor, const std::string &what) {
    if (!actor) throw Error(Errc::denied, "denied: " + what + " needs an actor; none is set on this handle");
    if (!store_.user(*actor))
        throw Error(Errc::denied, "denied: " + what + ": '" + *actor + "' is not a user of this database");
}

bool AccessControl::allows(const std::optional<std::string> &actor, core::Permission p, const core::RecordScope &where) {
    return core::permits(grants(actor), p, where);
}

core::Visibility AccessControl::visibility(const std::optional<std::string> &actor, core::Permission p,
                                           const std::string &what) {
    auto g = grants(actor);
    auto v = core::visible_with(g, p);
    if (!v.everything && v.unit_ids.empty() && v.round_ids.empty()) deny(actor, g, p, what);
    return v;
}

void AccessControl::require_read(const std::optional<std::string> &actor, core::Kind kind, std::int64_t id,
                                 const std::string &what) {
    if (kind != core::Kind::unit && kind != core::Kind::round) {
        require(actor, core::Permission::read, scope_of(kind, id), what);
        return;
    }
    scope_of(kind, id); // not_found first
    auto g = grants(actor);
    auto v = core::visible_with(g, core::Permission::read);
    auto has = [](const std::vector<std::int64_t> &ids, std::int64_t x) { return std::find(ids.begin(), ids.end(), x) != ids.end(); };
    const bool readable = v.everything ||
                          (kind == core::Kind::unit ? has(v.unit_ids, id) || store_.unit_in_rounds(id, v.round_ids)
                                                    : has(v.round_ids, id) || store_.round_has_units(id, v.unit_ids));
    if (!readable) deny(actor, g, core::Permission::read, what);
}

void AccessControl::require_scope(const std::optional<std::string> &actor, core::Permission p,
                                  std::int64_t inspection_id, std::int64_t unit_id, std::int64_t round_id,
                                  const std::string &what) {
    if (inspection_id)
        require(actor, p, scope_of(core::Kind::inspection, inspection_id),
                what + " of inspection " + std::to_string(inspection_id));
    if (!unit_id && !round_id) return;
    core::RecordScope where;
    if (unit_id) where.unit_id = scope_of(core::Kind::unit, unit_id).unit_id;
    if (round_id) where.round_id = scope_of(core::Kind::round, round_id).round_id;
    require(actor, p, where,
            what + (round_id ? " of round " + std::to_string(round_id) : "") +
                (unit_id ? " of unit " + std::to_string(unit_id) : ""));
}

core::RecordScope AccessControl::scope_of(core::Kind kind, std::int64_t id) {
    return dispatch(kind, [&](auto t) -> core::RecordScope {
        using R = typename decltype(t)::type;
        auto r = store_.get<R>(id);
        if (!r) throw Error(Errc::not_found, "no " + std::string(core::name(kind)) + " " + std::to_string(id));
        if constexpr (std::is_same_v<R, core::Round>) return core::RecordScope{std::nullopt, id};
        else if constexpr (std::is_same_v<R, core::Unit>) return core::RecordScope{id, std::nullopt};
        else if constexpr (std::is_same_v<R, core::Inspection>) return core::RecordScope{r->unit_id, r->round_id};
        else return store_.scope_of_inspection(r->inspection_id);
    });
}

} // namespace rectify::service
