// The close-out (销号) that stands for an issue, as every report shows it: the ledger's 销号日期
// and 备注, the notice's closed_on, the POA&M's risk log. One rule, so that no output calls an
// issue closed out that another shows reopened.
#pragma once

#include "core/date.hpp"
#include "io/report.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace rectify::io {

struct CloseOutStanding {
    // The close-out that stands: the issue's own latest while it is closed, else that of its
    // nearest ancestor still closed; empty while none stands.
    std::optional<core::Date> closed_on;
    // True when the issue itself is closed and closed_on is its own close-out.
    bool own = false;
    // The issue (or, with by_ancestor, the nearest ancestor not closed) was closed out once and
    // is open again, or is marked reopened.
    bool reopened = false;
    bool by_ancestor = false;
    // That reopened issue's latest close-out, which no longer stands; empty when none is recorded.
    std::optional<core::Date> former;
};

// A close-out covers the issue and its sub-issues. So the date that stands for an issue is its
// own while it is closed, else that of the nearest ancestor still closed. An issue closed out
// once and open again (reopened, a relapse found by a look-back, or back in progress since) is not
// closed out: it and every sub-issue below it have none standing, and `former` keeps the old one.
class CloseOuts {
public:
    // Over every issue of the report's document; the report must outlive this.
    explicit CloseOuts(const Report &r);

    CloseOutStanding of(const core::Issue &issue) const;

private:
    const core::Issue *parent(const core::Issue &i) const;

    const Report &r_;
    std::map<std::int64_t, const core::Issue *> by_id_;
};

// What a report says of a close-out that no longer stands: 重新整改（曾于2019年2月1日销号） for the
// reopened issue itself, 所属问题重新整改（…） below it; empty when nothing was reopened.
std::string reopened_remark(const CloseOutStanding &c);

} // namespace rectify::io
