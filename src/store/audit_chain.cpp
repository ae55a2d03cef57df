#include "store/audit_chain.hpp"

#include "core/error.hpp"

#include <boost/json.hpp>
#include <openssl/evp.h>

namespace rectify::store {

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1)
        throw core::Error(core::Errc::internal, "SHA-256 failed");
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

std::string event_hash(const AuditRow &e) {
    auto opt = [](const std::optional<std::string> &s) { return s ? boost::json::value(*s) : boost::json::value(nullptr); };
    boost::json::array content{e.id, e.at, e.actor, e.action, e.kind, e.record_id, opt(e.before), opt(e.after), e.prev_hash};
    return sha256_hex(boost::json::serialize(content));
}

} // namespace rectify::store
