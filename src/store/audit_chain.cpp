#include "store/audit_chain.hpp"

#include "core/error.hpp"
#include "store/columns.hpp"
#include "store/store.hpp"
#include "store/json_string.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <cstring>
#include <memory>

namespace rectify::store {

namespace {

// SHA-256 looked up once for the process. EVP_Digest with EVP_sha256() looks the algorithm up in
// the provider again on every call, which cost more than hashing an event. Kept until exit.
const EVP_MD *sha256_algorithm() {
    static const EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md) throw core::Error(core::Errc::internal, "SHA-256 is not available from OpenSSL");
    return md;
}

// One SHA-256 computation fed in pieces.
class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
        if (!ctx_) throw core::Error(core::Errc::nomem, "SHA-256 failed to start: out of memory");
        restart();
    }
    // Starts a new digest in the same context, which saves allocating one for each event.
    void restart() {
        if (EVP_DigestInit_ex2(ctx_.get(), sha256_algorithm(), nullptr) != 1)
            throw core::Error(core::Errc::internal, "SHA-256 failed to start");
    }
    void update(std::string_view data) {
        if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1) throw core::Error(core::Errc::internal, "SHA-256 failed");
    }
    // The digest in lower-case hex into out, which holds 64 characters.
    void hex_into(char *out) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), digest, &len) != 1 || len != 32) throw core::Error(core::Errc::internal, "SHA-256 failed");
        static const char digits[] = "0123456789abcdef";
        for (unsigned int i = 0; i < len; ++i) {
            out[2 * i] = digits[digest[i] >> 4];
            out[2 * i + 1] = digits[digest[i] & 0xF];
        }
    }
    std::string hex() {
        std::string out(64, '0');
        hex_into(out.data());
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

} // namespace

std::string sha256_hex(std::string_view data) {
    Sha256 sha;
    sha.update(data);
    return sha.hex();
}

namespace {

// Feeds a Sha256 through a buffer, so that the many short pieces of an escaped text (a quote, a
// run of bytes, a quote) cost one digest update per few kilobytes instead of one each.
class HashWriter {
public:
    explicit HashWriter(Sha256 &sha) : sha_(sha) {}
    HashWriter(const HashWriter &) = delete;
    HashWriter &operator=(const HashWriter &) = delete;
    void put(std::string_view s) {
        // A long text (an image) goes to the digest as it is, not copied first.
        if (s.size() >= kDirect || s.size() > sizeof buffer_ - used_) {
            flush();
            if (s.size() >= kDirect) {
                sha_.update(s);
                return;
            }
        }
        std::memcpy(buffer_ + used_, s.data(), s.size());
        used_ += s.size();
    }
    void put(char c) {
        if (used_ == sizeof buffer_) flush();
        buffer_[used_++] = c;
    }
    void flush() {
        sha_.update(std::string_view(buffer_, used_));
        used_ = 0;
    }

private:
    static constexpr std::size_t kDirect = 256;
    Sha256 &sha_;
    char buffer_[4096];
    std::size_t used_ = 0;
};

void put_json_optional(HashWriter &out, const std::optional<std::string_view> &s) {
    if (s) put_json_string(out, *s);
    else out.put("null");
}

void put_json_integer(HashWriter &out, std::int64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

// Format 1: [id, at, actor, action, kind, record_id, before, after, prev_hash] as compact JSON.
void put_json_event(HashWriter &out, const EventView &e) {
    out.put('[');
    put_json_integer(out, e.id);
    for (const std::string_view text : {e.at, e.actor, e.action, e.kind}) {
        out.put(',');
        put_json_string(out, text);
    }
    out.put(',');
    put_json_integer(out, e.record_id);
    out.put(',');
    put_json_optional(out, e.before);
    out.put(',');
    put_json_optional(out, e.after);
    out.put(',');
    put_json_string(out, e.prev_hash);
    out.put(']');
}

void put_big_endian(HashWriter &out, std::uint64_t n) {
    char bytes[8];
    for (int i = 7; i >= 0; --i, n >>= 8) bytes[i] = static_cast<char>(n & 0xFF);
    out.put(std::string_view(bytes, sizeof bytes));
}

void put_binary_integer(HashWriter &out, std::int64_t n) {
    out.put('i');
    put_big_endian(out, static_cast<std::uint64_t>(n));
}

void put_binary_text(HashWriter &out, std::string_view s) {
    out.put('t');
    put_big_endian(out, s.size());
    out.put(s);
}

void put_binary_optional(HashWriter &out, const std::optional<std::string_view> &s) {
    if (s) put_binary_text(out, *s);
    else out.put('n');
}

// Format 2: the same fields, each tagged with its type and texts with their length.
void put_binary_event(HashWriter &out, const EventView &e) {
    out.put(kEventHashTag);
    put_binary_integer(out, e.id);
    for (const std::string_view text : {e.at, e.actor, e.action, e.kind}) put_binary_text(out, text);
    put_binary_integer(out, e.record_id);
    put_binary_optional(out, e.before);
    put_binary_optional(out, e.after);
    put_binary_text(out, e.prev_hash);
}

} // namespace

EventView view_of(const AuditRow &e) {
    EventView v;
    v.id = e.id;
    v.at = e.at;
    v.actor = e.actor;
    v.action = e.action;
    v.kind = e.kind;
    v.record_id = e.record_id;
    if (e.before) v.before = *e.before;
    if (e.after) v.after = *e.after;
    v.prev_hash = e.prev_hash;
    v.format = e.format;
    return v;
}

namespace {

void put_event(Sha256 &sha, const EventView &e) {
    HashWriter out(sha);
    if (e.format == kEventFormatJson) put_json_event(out, e);
    else put_binary_event(out, e);
    out.flush();
}

} // namespace

std::string event_hash(const EventView &e) {
    Sha256 sha;
    put_event(sha, e);
    return sha.hex();
}

struct EventHasher::State {
    Sha256 sha;
};

EventHasher::EventHasher() : state_(std::make_unique<State>()) {}
EventHasher::~EventHasher() = default;

bool EventHasher::matches(const EventView &e, std::string_view hash) {
    state_->sha.restart();
    put_event(state_->sha, e);
    char hex[64];
    state_->sha.hex_into(hex);
    return hash == std::string_view(hex, sizeof hex);
}

void insert_event(SQLite::Statement &insert, AuditRow &row) {
    row.hash = event_hash(row);
    detail::ResetOnExit reset(insert);
    Binder b(insert);
    b << row.id << row.at << row.actor << row.action << row.kind << row.record_id << row.before << row.after
      << row.prev_hash << row.hash;
    if (row.format != kEventFormatJson) b << std::int64_t{row.format};
    insert.exec();
}

} // namespace rectify::store
