// rectify/audit.h: the audit log, its verification, signed heads and proofs, backups.
#include "capi/guard.hpp"

using namespace rectify;
using capi::guarded;

extern "C" {

int rectify_audit_log(char **out_json, rectify_db *db, int kind, int64_t record_id, int64_t offset, int64_t limit) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        std::string kind_name;
        if (kind != 0) {
            kind_name = std::string(core::name(capi::kind_arg(kind)));
            if (record_id <= 0) capi::bad_argument("record_id must be positive, got " + std::to_string(record_id));
        } else if (record_id != 0) {
            capi::bad_argument("record_id must be 0 when kind is 0 (the whole log)");
        }
        if (offset < 0 || limit < 0) capi::bad_argument("offset and limit must not be negative");
        *out_json = capi::copy_out(svc.audit_log_json(kind_name, record_id, offset, limit));
    });
}

int rectify_audit_verify(char **out_report, rectify_db *db) {
    if (out_report) *out_report = nullptr;
    service::Service::Verification v;
    int rc = guarded([&] {
        v = capi::service_of(db).verify_audit();
        if (out_report) *out_report = capi::copy_out(v.report_json);
    });
    if (rc != RECTIFY_OK) return rc;
    return v.intact ? RECTIFY_OK : capi::set_error(RECTIFY_E_TAMPERED, v.problem.c_str());
}

int rectify_audit_head(char **out_head_json, rectify_db *db, const char *private_key_pem) {
    if (out_head_json) *out_head_json = nullptr;
    return guarded([&] {
        capi::require(out_head_json, "out_head_json");
        auto &svc = capi::service_of(db);
        capi::require(private_key_pem, "private_key_pem");
        *out_head_json = capi::copy_out(svc.audit_head(private_key_pem));
    });
}

int rectify_audit_prove_consistency(char **out_proof_json, rectify_db *db, const char *from_head_json,
                                    const char *to_head_json) {
    if (out_proof_json) *out_proof_json = nullptr;
    return guarded([&] {
        capi::require(out_proof_json, "out_proof_json");
        auto &svc = capi::service_of(db);
        capi::require(from_head_json, "from_head_json");
        *out_proof_json = capi::copy_out(svc.audit_prove_consistency(from_head_json, to_head_json ? to_head_json : ""));
    });
}

int rectify_audit_prove_inclusion(char **out_proof_json, rectify_db *db, int64_t event_id, const char *head_json) {
    if (out_proof_json) *out_proof_json = nullptr;
    return guarded([&] {
        capi::require(out_proof_json, "out_proof_json");
        auto &svc = capi::service_of(db);
        capi::require(head_json, "head_json");
        *out_proof_json = capi::copy_out(svc.audit_prove_inclusion(event_id, head_json));
    });
}

int rectify_audit_verify_head(char **out_report, rectify_db *db, const char *head_json, const char *public_key_pem) {
    if (out_report) *out_report = nullptr;
    service::Service::Verification v;
    int rc = guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(head_json, "head_json");
        capi::require(public_key_pem, "public_key_pem");
        v = svc.audit_verify_head(head_json, public_key_pem);
        if (out_report) *out_report = capi::copy_out(v.report_json);
    });
    if (rc != RECTIFY_OK) return rc;
    return v.intact ? RECTIFY_OK : capi::set_error(RECTIFY_E_TAMPERED, v.problem.c_str());
}

int rectify_backup(rectify_db *db, const char *dest_path) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(dest_path, "dest_path");
        svc.backup(dest_path);
    });
}

} // extern "C"
