// Transactions and input checks shared by the operations.
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "store/store.hpp"

#include <SQLiteCpp/Transaction.h>

#include <string>
#include <string_view>

namespace rectify::service {

// A write transaction that takes the write lock at once (BEGIN IMMEDIATE), so two writers
// queue on the busy timeout instead of failing half-way with a lock upgrade. Rolled back unless
// committed.
class WriteTransaction {
public:
    explicit WriteTransaction(store::Store &s) try : store_(s), tx_(s.database(), SQLite::TransactionBehavior::IMMEDIATE) {
        store_.write_lock_taken();
    } catch (const SQLite::Exception &e) {
        store::rethrow_sqlite(e, "starting a transaction");
    }
    ~WriteTransaction() { store_.write_lock_released(); } // before tx_ rolls back, if it does
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;
    void commit() {
        store_.audit_row_changes();
        try {
            tx_.commit();
        } catch (const SQLite::Exception &e) {
            store::rethrow_sqlite(e, "committing");
        }
    }

private:
    store::Store &store_;
    SQLite::Transaction tx_;
};

// Several reads as one snapshot, so an export never mixes two versions of the data.
class ReadTransaction {
public:
    explicit ReadTransaction(store::Store &s) try : tx_(s.database()) {
    } catch (const SQLite::Exception &e) {
        store::rethrow_sqlite(e, "starting a read");
    }

private:
    SQLite::Transaction tx_; // rolled back on destruction: nothing was written
};

inline void check_text(std::string_view what, std::string_view text) {
    if (auto bad = core::find_invalid_utf8(text))
        throw core::Error(core::Errc::utf8, std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad));
}

// A date argument: valid UTF-8, YYYY-MM-DD, a real day; the error names the argument.
inline core::Date date_arg(std::string_view what, std::string_view text) {
    check_text(what, text);
    auto d = core::parse_date(text);
    if (!d) throw core::Error(core::Errc::argument, std::string(what) + ": " + std::string(text) + " " + core::describe_bad_date(text));
    return *d;
}

inline bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

inline std::string record_label(core::Kind kind, std::int64_t id) {
    return std::string(core::name(kind)) + " " + std::to_string(id);
}

} // namespace rectify::service
