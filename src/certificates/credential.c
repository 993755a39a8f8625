#include "credential.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "jws_compact.h"
#include "signing_key.h"
#include "status_list.h"
#include "../core/buf.h"
#include "../core/banned.h"

#define OB3_CONTEXT "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
#define VC2_CONTEXT "https://www.w3.org/ns/credentials/v2"

void credential_url(const char *public_url, const char *path, char *out, size_t size)
{
    size_t length = strlen(public_url);
    while (length > 0 && public_url[length - 1] == '/') {
        length--;
    }
    snprintf(out, size, "%.*s/%s", (int)length, public_url, path[0] == '/' ? path + 1 : path);
}

void credential_verify_url(const char *public_url, const char *code, char *out, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "verify/%s", code);
    credential_url(public_url, path, out, size);
}

void credential_key_id(const char *public_url, const json_t *key, char *out, size_t size)
{
    const char *thumbprint = json_string_value(json_object_get(key, "kid"));
    char path[128];
    snprintf(path, sizeof path, "keys/%s", thumbprint != NULL ? thumbprint : "");
    credential_url(public_url, path, out, size);
}

bool credential_subject_uuid_valid(const char *uuid)
{
    if (uuid == NULL || strlen(uuid) != 36) {
        return false;
    }
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        bool ok = dash ? uuid[i] == '-'
                       : (uuid[i] >= '0' && uuid[i] <= '9') || (uuid[i] >= 'a' && uuid[i] <= 'f');
        if (!ok) {
            return false;
        }
    }
    return true;
}

void credential_date_time(struct civil_date date, char *out, size_t size)
{
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, day);
    snprintf(out, size, "%sT00:00:00Z", day);
}

/* Credits as JSON: whole credits as an integer, a half as a real (exact in binary). */
static json_t *credits_value(int64_t halves)
{
    return halves % 2 == 0 ? json_integer(halves / 2) : json_real((double)halves / 2.0);
}

static json_int_t unix_seconds(struct civil_date date)
{
    return (json_int_t)date.days * 86400;
}

json_t *credential_achievement(const struct credential_facts *facts)
{
    char id[1024], path[256], criteria[768];
    snprintf(path, sizeof path, "achievements/%s", facts->program_id);
    credential_url(facts->public_url, path, id, sizeof id);
    char credits[32];
    int64_t halves = facts->credits_required_halves;
    snprintf(credits, sizeof credits, "%lld%s", (long long)(halves / 2), halves % 2 ? ".5" : "");
    snprintf(criteria, sizeof criteria,
             "Earn %s continuing-education credits within the program's window, under the"
             " rules of the %s, as certtrack evaluates them.",
             credits, facts->program_name);
    const char *description =
        facts->program_description != NULL && facts->program_description[0] != '\0'
            ? facts->program_description
            : facts->program_name;
    return json_pack("{s:s, s:[s], s:s, s:s, s:s, s:{s:s}, s:o}", "id", id, "type", "Achievement",
                     "achievementType", "Certification", "name", facts->program_name, "description",
                     description, "criteria", "narrative", criteria, "creditsAvailable",
                     credits_value(facts->credits_required_halves));
}

/* The Strategic Track's alignment as a Markdown list: each plan goal, then the library
 * goals it served. */
static json_t *alignment_narrative(const struct credential_facts *facts)
{
    struct buf text;
    buf_init(&text, 256 * 1024);
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < facts->alignment_count && status == CT_OK; i++) {
        const struct credential_alignment *goal = &facts->alignment[i];
        status = buf_printf(&text, "- Plan goal: %s\n", goal->plan_goal);
        const char *line = goal->library_goals != NULL ? goal->library_goals : "";
        while (status == CT_OK && *line != '\0') {
            size_t length = strcspn(line, "\n");
            if (length > 0) {
                status = buf_printf(&text, "  - Library goal served: %.*s\n", (int)length, line);
            }
            line += length + (line[length] == '\n');
        }
    }
    json_t *narrative = status == CT_OK ? json_string(buf_str(&text)) : NULL;
    buf_release(&text);
    return narrative;
}

static json_t *evidence(const struct credential_facts *facts, const char *credential_id)
{
    json_t *list = json_array();
    if (list == NULL) {
        return NULL;
    }
    char id[1100];
    if (civil_date_is_set(facts->report_accepted)) {
        char accepted[CIVIL_DATE_TEXT_SIZE], description[96];
        civil_date_format(facts->report_accepted, accepted);
        snprintf(description, sizeof description,
                 "The learner's final report, accepted by the State Library on %s.", accepted);
        snprintf(id, sizeof id, "%s#final-report", credential_id);
        if (json_array_append_new(list, json_pack("{s:s, s:[s], s:s, s:s}", "id", id, "type",
                                                  "Evidence", "name", "Final report", "description",
                                                  description)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    if (facts->alignment_count > 0) {
        snprintf(id, sizeof id, "%s#plan-alignment", credential_id);
        json_t *item = json_pack(
            "{s:s, s:[s], s:s, s:s, s:o}", "id", id, "type", "Evidence", "name",
            "Professional Development Plan aligned to library goals", "description",
            "The signed plan's goals and the goals of the library's strategic plan each served.",
            "narrative", alignment_narrative(facts));
        if (json_array_append_new(list, item) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* The issuer's key as a verification method of its profile: a JsonWebKey whose id is the
 * JWT header's kid, controlled by the issuer. */
static json_t *verification_method(const char *public_url, const char *issuer_id, const json_t *key)
{
    char key_id[1024];
    credential_key_id(public_url, key, key_id, sizeof key_id);
    return json_pack("{s:s, s:s, s:s, s:o}", "id", key_id, "type", "JsonWebKey", "controller",
                     issuer_id, "publicKeyJwk", signing_key_public(key, key_id));
}

json_t *credential_issuer_profile(const char *public_url, const char *issuer_name,
                                  const json_t *key)
{
    char id[1024];
    credential_url(public_url, "issuer", id, sizeof id);
    json_t *profile =
        json_pack("{s:[s,s], s:s, s:[s], s:s, s:s}", "@context", VC2_CONTEXT, OB3_CONTEXT, "id", id,
                  "type", "Profile", "name", issuer_name, "url", public_url);
    if (profile == NULL || key == NULL) {
        return profile;
    }
    json_t *method = verification_method(public_url, id, key);
    const char *method_id = json_string_value(json_object_get(method, "id"));
    if (method_id == NULL ||
        json_object_set_new(profile, "assertionMethod", json_pack("[s]", method_id)) != 0 ||
        json_object_set_new(profile, "verificationMethod", json_pack("[O]", method)) != 0) {
        json_decref(profile);
        profile = NULL;
    }
    json_decref(method);
    return profile;
}

/* "sha256$" and the hex SHA-256 of the e-mail address in lower case followed by salt,
 * as Open Badges hashes an identity, into out (72 bytes or more). */
static void email_hash(const char *email, const char *salt, char *out, size_t size)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (const char *c = email; *c != '\0'; c++) {
        unsigned char lower = (unsigned char)tolower((unsigned char)*c);
        crypto_hash_sha256_update(&state, &lower, 1);
    }
    crypto_hash_sha256_update(&state, (const unsigned char *)salt, strlen(salt));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    snprintf(out, size, "sha256$%s", hex);
}

/* The learner's identities: the name as it is, and the e-mail address hashed. */
static json_t *identifiers(const struct credential_facts *facts)
{
    json_t *list = json_pack("[{s:s, s:s, s:s, s:b}]", "type", "IdentityObject", "identityHash",
                             facts->learner_name, "identityType", "name", "hashed", 0);
    if (list != NULL && facts->learner_email != NULL && facts->learner_email[0] != '\0') {
        char hash[80];
        email_hash(facts->learner_email, facts->verification_code, hash, sizeof hash);
        if (json_array_append_new(list,
                                  json_pack("{s:s, s:s, s:s, s:b, s:s}", "type", "IdentityObject",
                                            "identityHash", hash, "identityType", "emailAddress",
                                            "hashed", 1, "salt", facts->verification_code)) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

static json_t *credential_status(const struct credential_facts *facts)
{
    char list_url[1024], entry_id[1100], index[24];
    credential_url(facts->public_url, "status/revocation", list_url, sizeof list_url);
    snprintf(index, sizeof index, "%lld", (long long)facts->status_index);
    snprintf(entry_id, sizeof entry_id, "%s#%s", list_url, index);
    return json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", entry_id, "type",
                     "BitstringStatusListEntry", "statusPurpose", "revocation", "statusListIndex",
                     index, "statusListCredential", list_url);
}

json_t *credential_build(const struct credential_facts *facts)
{
    char id[1024], issuer_id[1024], valid_from[32], valid_until[32], awarded[32], name[512];
    credential_verify_url(facts->public_url, facts->verification_code, id, sizeof id);
    credential_url(facts->public_url, "issuer", issuer_id, sizeof issuer_id);
    /* A reissue's day; never before the award (an unset or zeroed valid_from is the award). */
    struct civil_date from = civil_date_is_set(facts->valid_from) &&
                                     civil_date_compare(facts->valid_from, facts->issued) > 0
                                 ? facts->valid_from
                                 : facts->issued;
    credential_date_time(from, valid_from, sizeof valid_from);
    credential_date_time(facts->issued, awarded, sizeof awarded);
    credential_date_time(facts->valid_until, valid_until, sizeof valid_until);
    snprintf(name, sizeof name, "%s, certificate %s", facts->program_name, facts->number);
    char subject_id[48];
    snprintf(subject_id, sizeof subject_id, "urn:uuid:%s",
             facts->subject_uuid != NULL ? facts->subject_uuid : "");
    json_t *subject =
        json_pack("{s:s, s:[s], s:o, s:o, s:o}", "id", subject_id, "type", "AchievementSubject",
                  "identifier", identifiers(facts), "achievement", credential_achievement(facts),
                  "creditsEarned", credits_value(facts->credits_earned_halves));
    json_t *issuer = json_pack("{s:s, s:[s], s:s}", "id", issuer_id, "type", "Profile", "name",
                               facts->issuer_name);
    json_t *credential =
        json_pack("{s:[s,s], s:s, s:[s,s], s:s, s:o, s:s, s:s, s:s, s:o, s:o, s:o}", "@context",
                  VC2_CONTEXT, OB3_CONTEXT, "id", id, "type", "VerifiableCredential",
                  "OpenBadgeCredential", "name", name, "issuer", issuer, "awardedDate", awarded,
                  "validFrom", valid_from, "validUntil", valid_until, "credentialSubject", subject,
                  "credentialStatus", credential_status(facts), "evidence", evidence(facts, id));
    if (credential == NULL) {
        return NULL;
    }
    json_t *claims = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "iss", issuer_id, "jti", id, "sub",
                               subject_id, "nbf", unix_seconds(from), "iat", unix_seconds(from),
                               "exp", unix_seconds(facts->valid_until));
    if (claims == NULL || json_object_update(credential, claims) != 0) {
        json_decref(claims);
        json_decref(credential);
        return NULL;
    }
    json_decref(claims);
    return credential;
}

enum ct_status credential_issue(const json_t *key, const struct credential_facts *facts, char **jwt,
                                struct ct_err *err)
{
    *jwt = NULL;
    if (!credential_subject_uuid_valid(facts->subject_uuid)) {
        return ct_err_set(err, CT_ERR_INPUT, "credential",
                          "the holder has no subject id (a UUID in lower case)");
    }
    json_t *credential = credential_build(facts);
    if (credential == NULL) {
        return ct_err_nomem(err);
    }
    char key_id[1024];
    credential_key_id(facts->public_url, key, key_id, sizeof key_id);
    enum ct_status status = jws_compact_sign(key, key_id, "JWT", credential, jwt, err);
    json_decref(credential);
    return status;
}
