#include "store/audit_chain.hpp"

#include "core/error.hpp"

#include <openssl/evp.h>

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
        if (!ctx_ || EVP_DigestInit_ex2(ctx_.get(), sha256_algorithm(), nullptr) != 1)
            throw core::Error(core::Errc::internal, "SHA-256 failed to start");
    }
    void update(std::string_view data) {
        if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1) throw core::Error(core::Errc::internal, "SHA-256 failed");
    }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), digest, &len) != 1) throw core::Error(core::Errc::internal, "SHA-256 failed");
        static const char digits[] = "0123456789abcdef";
        std::string out(static_cast<std::size_t>(len) * 2, '0');
        for (unsigned int i = 0; i < len; ++i) {
            out[2 * i] = digits[digest[i] >> 4];
            out[2 * i + 1] = digits[digest[i] & 0xF];
        }
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

// Feeds the hash the text boost::json::serialize writes for these values, without building a
// JSON array of copies first: a string in quotes with '"', '\\' and control characters escaped
// (\b \t \n \f \r, others \u00xx), everything else byte for byte; an integer in decimal;
// null. The test of event_hash pins the bytes against digests computed independently.
void hash_json_string(Sha256 &sha, std::string_view s) {
    static const char short_escape[32] = {'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
                                          'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u'};
    static const char hex[] = "0123456789abcdef";
    sha.update("\"");
    std::size_t run = 0; // start of the bytes not yet hashed, which need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sha.update(s.substr(run, i - run));
        run = i + 1;
        if (c == '"') sha.update("\\\"");
        else if (c == '\\') sha.update("\\\\");
        else if (short_escape[c] != 'u') {
            const char escaped[2] = {'\\', short_escape[c]};
            sha.update(std::string_view(escaped, 2));
        } else {
            const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            sha.update(std::string_view(escaped, 6));
        }
    }
    sha.update(s.substr(run));
    sha.update("\"");
}

void hash_json_optional(Sha256 &sha, const std::optional<std::string> &s) {
    if (s) hash_json_string(sha, *s);
    else sha.update("null");
}

void hash_json_integer(Sha256 &sha, std::int64_t n) { sha.update(std::to_string(n)); }

} // namespace

std::string event_hash(const AuditRow &e) {
    // The content is the JSON array [id, at, actor, action, kind, record_id, before, after,
    // prev_hash], compact, as every earlier release hashed it.
    Sha256 sha;
    sha.update("[");
    hash_json_integer(sha, e.id);
    for (const std::string *text : {&e.at, &e.actor, &e.action, &e.kind}) {
        sha.update(",");
        hash_json_string(sha, *text);
    }
    sha.update(",");
    hash_json_integer(sha, e.record_id);
    sha.update(",");
    hash_json_optional(sha, e.before);
    sha.update(",");
    hash_json_optional(sha, e.after);
    sha.update(",");
    hash_json_string(sha, e.prev_hash);
    sha.update("]");
    return sha.hex();
}

} // namespace rectify::store
