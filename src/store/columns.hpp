// Moving values between model fields and SQLite columns: NULL for absent values, text for dates
// and enums, 0/1 for flags.
#pragma once

#include "core/date.hpp"
#include "core/enums.hpp"
#include "core/error.hpp"
#include "core/model.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace rectify::store {

class Binder {
public:
    explicit Binder(SQLite::Statement &st, int first = 1) : st_(st), i_(first) {}
    Binder &operator<<(const std::string &v) { st_.bind(i_++, v); return *this; }
    Binder &operator<<(std::int64_t v) { st_.bind(i_++, static_cast<std::int64_t>(v)); return *this; }
    Binder &operator<<(bool v) { st_.bind(i_++, v ? 1 : 0); return *this; }
    Binder &operator<<(const core::Date &v) { st_.bind(i_++, core::format_date(v)); return *this; }
    Binder &operator<<(const core::Closing &v); // stored as a JSON object
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>> Binder &operator<<(E v) {
        st_.bind(i_++, std::string(core::name(v)));
        return *this;
    }
    template <class T> Binder &operator<<(const std::optional<T> &v) {
        if (v) return *this << *v;
        st_.bind(i_++);
        return *this;
    }
    int next() const { return i_; }

private:
    SQLite::Statement &st_;
    int i_;
};

class Reader {
public:
    explicit Reader(SQLite::Statement &st, int first = 0) : st_(st), i_(first) {}
    Reader &operator>>(std::string &v) { v = st_.getColumn(i_++).getString(); return *this; }
    Reader &operator>>(std::int64_t &v) { v = st_.getColumn(i_++).getInt64(); return *this; }
    Reader &operator>>(bool &v) { v = st_.getColumn(i_++).getInt() != 0; return *this; }
    Reader &operator>>(core::Date &v) { v = date_at(i_++); return *this; }
    Reader &operator>>(core::Closing &v);
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>> Reader &operator>>(E &v) {
        v = enum_at<E>(i_++);
        return *this;
    }
    template <class T> Reader &operator>>(std::optional<T> &v) {
        if (st_.getColumn(i_).isNull()) {
            v.reset();
            ++i_;
            return *this;
        }
        T t{};
        *this >> t;
        v = std::move(t);
        return *this;
    }

private:
    core::Date date_at(int i) {
        auto text = st_.getColumn(i).getString();
        auto d = core::parse_date(text);
        if (!d) throw core::Error(core::Errc::db, "stored date '" + text + "' in column " + st_.getColumnName(i) + " is not a date");
        return *d;
    }
    template <class E> E enum_at(int i);

    SQLite::Statement &st_;
    int i_;
};

#define RECTIFY_READ_ENUM(Type, parse_fn)                                                          \
    template <> inline core::Type Reader::enum_at<core::Type>(int i) {                             \
        auto text = st_.getColumn(i).getString();                                                  \
        auto v = core::parse_fn(text);                                                             \
        if (!v) throw core::Error(core::Errc::db, "stored value '" + text + "' in column " + st_.getColumnName(i) + " is unknown"); \
        return *v;                                                                                 \
    }
RECTIFY_READ_ENUM(Status, parse_status)
RECTIFY_READ_ENUM(InspectionKind, parse_inspection_kind)
RECTIFY_READ_ENUM(MeasureCategory, parse_measure_category)
RECTIFY_READ_ENUM(OutcomeType, parse_outcome_type)
RECTIFY_READ_ENUM(RuleAction, parse_rule_action)
RECTIFY_READ_ENUM(MoneyCategory, parse_money_category)
RECTIFY_READ_ENUM(AccountabilityForm, parse_accountability_form)
#undef RECTIFY_READ_ENUM

} // namespace rectify::store
