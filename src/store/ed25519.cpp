#include "store/ed25519.hpp"

#include "core/error.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace rectify::store::ed25519 {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using core::Errc;
using core::Error;

Key read_pem(std::string_view pem, bool is_private, const std::string &what) {
    const char *const expected = is_private ? "an Ed25519 private key in PEM (as `openssl genpkey -algorithm ed25519` writes it)"
                                            : "an Ed25519 public key in PEM (as `openssl pkey -pubout` writes it)";
    if (pem.size() > 64 * 1024) throw Error(Errc::argument, what + ": is not " + expected);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    if (!bio) throw Error(Errc::nomem, "out of memory reading " + what);
    EVP_PKEY *raw = is_private ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                               : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    ERR_clear_error(); // OpenSSL's own queue is not reported: the message below says what was wrong
    Key key(raw, &EVP_PKEY_free);
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) throw Error(Errc::argument, what + ": is not " + expected);
    return key;
}

std::string raw_public(const EVP_PKEY *key, const std::string &what) {
    std::string out(32, '\0');
    std::size_t len = out.size();
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(out.data()), &len) != 1 || len != 32) {
        ERR_clear_error();
        throw Error(Errc::argument, what + ": its Ed25519 public key cannot be read");
    }
    return out;
}

} // namespace

std::string public_key_of_private(std::string_view private_pem, const std::string &what) {
    return raw_public(read_pem(private_pem, true, what).get(), what);
}

std::string public_key_of_public(std::string_view public_pem, const std::string &what) {
    return raw_public(read_pem(public_pem, false, what).get(), what);
}

std::string sign(std::string_view private_pem, std::string_view message, const std::string &what) {
    Key key = read_pem(private_pem, true, what);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::string sig(64, '\0');
    std::size_t len = sig.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(message.data()), message.size()) != 1 ||
        len != 64) {
        ERR_clear_error();
        throw Error(Errc::internal, "signing with " + what + " failed");
    }
    return sig;
}

bool verify(std::string_view public_key, std::string_view message, std::string_view signature) {
    if (public_key.size() != 32 || signature.size() != 64) return false;
    Key key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char *>(public_key.data()), public_key.size()),
            &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool ok = key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                    EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()), signature.size(),
                                     reinterpret_cast<const unsigned char *>(message.data()), message.size()) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace rectify::store::ed25519
