#include "io/close_outs.hpp"

#include "core/enums.hpp"

namespace rectify::io {

CloseOuts::CloseOuts(const Report &r) : r_(r) {
    for (const auto *i : all_issues(r.doc)) by_id_.emplace(i->record.meta.id, &i->record);
}

CloseOutStanding CloseOuts::of(const core::Issue &issue) const {
    for (const core::Issue *i = &issue; i;) {
        std::optional<core::Date> last;
        if (auto f = r_.issues.find(i->meta.id); f != r_.issues.end()) last = f->second.closed_on;
        CloseOutStanding c;
        if (i->status == core::Status::closed) {
            c.closed_on = last;
            c.own = i == &issue && last.has_value();
            return c;
        }
        if (last || i->status == core::Status::reopened) {
            c.reopened = true;
            c.by_ancestor = i != &issue;
            c.former = last;
            return c;
        }
        i = parent(*i);
    }
    return {};
}

const core::Issue *CloseOuts::parent(const core::Issue &i) const {
    if (!i.parent_id) return nullptr;
    auto it = by_id_.find(*i.parent_id);
    return it == by_id_.end() ? nullptr : it->second;
}

std::string reopened_remark(const CloseOutStanding &c) {
    if (!c.reopened) return {};
    std::string remark = c.by_ancestor ? "所属问题重新整改" : "重新整改";
    if (c.former) remark += "（曾于" + core::format_date_chinese(*c.former) + "销号）";
    return remark;
}

} // namespace rectify::io
