#include "store/columns.hpp"

#include <boost/json.hpp>

namespace rectify::store {

Binder &Binder::operator<<(const core::Closing &v) {
    boost::json::array paragraphs;
    for (const auto &p : v.paragraphs) paragraphs.emplace_back(p);
    boost::json::object o;
    o["heading"] = v.heading;
    o["paragraphs"] = std::move(paragraphs);
    st_.bind(i_++, boost::json::serialize(o));
    return *this;
}

Reader &Reader::operator>>(core::Closing &v) {
    auto text = st_.getColumn(i_++).getString();
    boost::system::error_code ec;
    auto parsed = boost::json::parse(text, ec);
    if (ec || !parsed.is_object()) throw core::Error(core::Errc::db, "stored closing section is not a JSON object");
    const auto &o = parsed.as_object();
    v = core::Closing{};
    if (auto *h = o.if_contains("heading"); h && h->is_string()) v.heading = std::string(h->as_string());
    if (auto *ps = o.if_contains("paragraphs"); ps && ps->is_array())
        for (const auto &p : ps->as_array())
            if (p.is_string()) v.paragraphs.emplace_back(p.as_string());
    return *this;
}

} // namespace rectify::store
