#include "store/audit_chain.hpp"

#include "core/error.hpp"

#include <boost/json.hpp>
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

std::string event_hash(const AuditRow &e) {
    auto opt = [](const std::optional<std::string> &s) { return s ? boost::json::value(*s) : boost::json::value(nullptr); };
    boost::json::array content{e.id, e.at, e.actor, e.action, e.kind, e.record_id, opt(e.before), opt(e.after), e.prev_hash};
    // The serialised array is hashed as it is written, piece by piece: the same bytes as
    // boost::json::serialize(content), without holding the whole text.
    Sha256 sha;
    boost::json::serializer writer;
    writer.reset(&content);
    char buffer[4096];
    while (!writer.done()) sha.update(writer.read(buffer));
    return sha.hex();
}

} // namespace rectify::store
