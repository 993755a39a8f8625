#include "credential_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jws_compact.h"
#include "status_list.h"
#include "../core/banned.h"

const char *credential_verdict_word(enum credential_verdict verdict)
{
    switch (verdict) {
    case CREDENTIAL_VALID:
        return "valid";
    case CREDENTIAL_EXPIRED:
        return "expired";
    case CREDENTIAL_NOT_YET_VALID:
        return "not yet valid";
    case CREDENTIAL_REVOKED:
        return "revoked";
    case CREDENTIAL_TAMPERED:
        return "tampered";
    case CREDENTIAL_MALFORMED:
        break;
    }
    return "malformed";
}

/* Whether the array or string types holds name. */
static bool has_type(const json_t *types, const char *name)
{
    if (json_is_string(types)) {
        return strcmp(json_string_value(types), name) == 0;
    }
    size_t index;
    const json_t *type;
    json_array_foreach(types, index, type)
    {
        if (json_is_string(type) && strcmp(json_string_value(type), name) == 0) {
            return true;
        }
    }
    return false;
}

/* The civil date that a "YYYY-MM-DDThh:mm:ssZ" text starts with. */
static bool date_of(const char *text, struct civil_date *date)
{
    char day[11];
    if (text == NULL || strlen(text) < 10) {
        return false;
    }
    memcpy(day, text, 10);
    day[10] = '\0';
    return civil_date_parse(day, date);
}

static void copy_claim(const json_t *object, const char *name, char *out, size_t size)
{
    const char *value = json_string_value(json_object_get(object, name));
    snprintf(out, size, "%s", value != NULL ? value : "");
}

static void read_claims(const json_t *payload, struct credential_check_result *result)
{
    copy_claim(payload, "name", result->name, sizeof result->name);
    copy_claim(payload, "validFrom", result->valid_from, sizeof result->valid_from);
    copy_claim(payload, "validUntil", result->valid_until, sizeof result->valid_until);
    const json_t *identifiers =
        json_object_get(json_object_get(payload, "credentialSubject"), "identifier");
    size_t index;
    const json_t *identifier;
    json_array_foreach(identifiers, index, identifier)
    {
        const char *type = json_string_value(json_object_get(identifier, "identityType"));
        if (type != NULL && strcmp(type, "name") == 0) {
            copy_claim(identifier, "identityHash", result->holder, sizeof result->holder);
        }
    }
}

static void set_verdict(struct credential_check_result *result, enum credential_verdict verdict,
                        const char *reason)
{
    result->verdict = verdict;
    snprintf(result->reason, sizeof result->reason, "%s", reason);
}

/* The status list credential's JSON from its text: a signed compact JWS (checked against
 * key_set) or plain JSON. Caller json_decrefs. */
static enum ct_status load_status_list(const char *text, const json_t *key_set, json_t **list,
                                       struct ct_err *err)
{
    *list = NULL;
    const char *start = text + strspn(text, " \t\r\n");
    if (*start == '{') {
        json_error_t parse_error;
        *list = json_loads(start, JSON_REJECT_DUPLICATES, &parse_error);
        if (*list == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, "status list", "not JSON: %s", parse_error.text);
        }
        return CT_OK;
    }
    enum jws_check check = JWS_CHECK_MALFORMED;
    struct ct_err check_err = {0};
    enum ct_status status = jws_compact_check(start, key_set, &check, list, &check_err);
    if (status == CT_OK && check != JWS_CHECK_SIGNED) {
        json_decref(*list);
        *list = NULL;
        return ct_err_set(err, CT_ERR_INPUT, "status list", "%s", check_err.message);
    }
    return status == CT_OK ? CT_OK : ct_err_nomem(err);
}

/* Looks up the credential's bit in the status list; *revoked when set. */
static enum ct_status check_status(const json_t *payload, const char *status_list,
                                   const json_t *key_set, bool *revoked, struct ct_err *err)
{
    *revoked = false;
    const json_t *entry = json_object_get(payload, "credentialStatus");
    const char *list_url = json_string_value(json_object_get(entry, "statusListCredential"));
    const char *index_text = json_string_value(json_object_get(entry, "statusListIndex"));
    char *end = NULL;
    long long index = index_text != NULL ? strtoll(index_text, &end, 10) : -1;
    if (list_url == NULL || index_text == NULL || end == index_text || *end != '\0' || index < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "credentialStatus",
                          "the credential names no place in a status list");
    }
    json_t *list = NULL;
    enum ct_status status = load_status_list(status_list, key_set, &list, err);
    if (status != CT_OK) {
        return status;
    }
    const char *list_id = json_string_value(json_object_get(list, "id"));
    if (!has_type(json_object_get(list, "type"), "BitstringStatusListCredential") ||
        list_id == NULL || strcmp(list_id, list_url) != 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "status list",
                            "this is not the status list the credential names (%s)", list_url);
    } else {
        status = status_list_bit(status_list_credential_list(list), index, revoked, err);
    }
    json_decref(list);
    return status;
}

/* A JWT NumericDate (whole seconds since 1970, up to the year 9999) as
 * "YYYY-MM-DDThh:mm:ssZ" into out (32 bytes or more); false when claim is not one. */
static bool numeric_date_text(const json_t *claim, char *out, size_t size)
{
    if (!json_is_integer(claim) || json_integer_value(claim) < 0 ||
        json_integer_value(claim) >= (json_int_t)2932897 * 86400) {
        return false;
    }
    json_int_t seconds = json_integer_value(claim);
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format((struct civil_date){.days = (int32_t)(seconds / 86400)}, day);
    int in_day = (int)(seconds % 86400);
    snprintf(out, size, "%sT%02d:%02d:%02dZ", day, in_day / 3600, in_day / 60 % 60, in_day % 60);
    return true;
}

/* Whether the payload's claim is the string value (NULL: the credential has none, and
 * then no claim matches it). */
static bool claim_is(const json_t *payload, const char *claim, const char *value)
{
    const char *text = json_string_value(json_object_get(payload, claim));
    return text != NULL && value != NULL && strcmp(text, value) == 0;
}

/* Whether the payload's NumericDate claim is the DateTime value (NULL when the credential
 * has none): required, it must be there; else it must be there exactly when value is. */
static bool date_claim_is(const json_t *payload, const char *claim, const char *value,
                          bool required)
{
    const json_t *date = json_object_get(payload, claim);
    if (date == NULL) {
        return !required && value == NULL;
    }
    char text[32];
    return numeric_date_text(date, text, sizeof text) && value != NULL && strcmp(text, value) == 0;
}

/* The credential's issuer.id (the issuer may be an object or its id). */
static const char *issuer_id(const json_t *payload)
{
    const json_t *issuer = json_object_get(payload, "issuer");
    return json_is_string(issuer) ? json_string_value(issuer)
                                  : json_string_value(json_object_get(issuer, "id"));
}

/* What Open Badges 3.0 (8.2, "Verify a Credential VC-JWT Signature") requires of the
 * JWT claims against the credential they carry: NULL when all hold, else why not. */
static const char *claims_mismatch(const json_t *payload)
{
    const json_t *subject = json_object_get(payload, "credentialSubject");
    const char *valid_from = json_string_value(json_object_get(payload, "validFrom"));
    const char *valid_until = json_string_value(json_object_get(payload, "validUntil"));
    if (!claim_is(payload, "iss", issuer_id(payload))) {
        return "the JWT claim iss is not the credential's issuer.id";
    }
    if (!claim_is(payload, "jti", json_string_value(json_object_get(payload, "id")))) {
        return "the JWT claim jti is not the credential's id";
    }
    if (!claim_is(payload, "sub", json_string_value(json_object_get(subject, "id")))) {
        return "the JWT claim sub is not the credential's credentialSubject.id";
    }
    if (!date_claim_is(payload, "nbf", valid_from, true)) {
        return "the JWT claim nbf is not the credential's validFrom";
    }
    if (!date_claim_is(payload, "exp", valid_until, false)) {
        return "the JWT claim exp is not the credential's validUntil";
    }
    return NULL;
}

/* The verdict from the claims' dates, as of day. */
static void check_dates(const json_t *payload, struct civil_date day,
                        struct credential_check_result *result)
{
    struct civil_date from, until;
    if (!date_of(json_string_value(json_object_get(payload, "validFrom")), &from) ||
        !date_of(json_string_value(json_object_get(payload, "validUntil")), &until)) {
        set_verdict(result, CREDENTIAL_MALFORMED, "validFrom or validUntil is not a date");
    } else if (civil_date_compare(day, until) >= 0) {
        char reason[128];
        snprintf(reason, sizeof reason, "it was valid until %.10s", result->valid_until);
        set_verdict(result, CREDENTIAL_EXPIRED, reason);
    } else if (civil_date_compare(day, from) < 0) {
        char reason[128];
        snprintf(reason, sizeof reason, "it is valid from %.10s", result->valid_from);
        set_verdict(result, CREDENTIAL_NOT_YET_VALID, reason);
    } else {
        set_verdict(result, CREDENTIAL_VALID, "");
    }
}

/* The verdict on a payload whose signature is good: what it is, whether its claims agree
 * with it, then revocation, then the dates. */
static enum ct_status check_signed(const json_t *payload, const json_t *key_set,
                                   const char *status_list, struct civil_date day,
                                   struct credential_check_result *result, struct ct_err *err)
{
    if (!has_type(json_object_get(payload, "type"), "OpenBadgeCredential")) {
        set_verdict(result, CREDENTIAL_MALFORMED, "the token is not an OpenBadgeCredential");
        return CT_OK;
    }
    const char *mismatch = claims_mismatch(payload);
    if (mismatch != NULL) {
        set_verdict(result, CREDENTIAL_MALFORMED, mismatch);
        return CT_OK;
    }
    bool revoked = false;
    enum ct_status status = CT_OK;
    if (status_list != NULL) {
        status = check_status(payload, status_list, key_set, &revoked, err);
    }
    if (status == CT_OK && revoked) {
        set_verdict(result, CREDENTIAL_REVOKED, "the issuer's status list says revoked");
    } else if (status == CT_OK) {
        check_dates(payload, day, result);
    }
    return status;
}

enum ct_status credential_check(const char *jwt, const json_t *key_set, const char *status_list,
                                struct civil_date day, struct credential_check_result *result,
                                struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    enum jws_check check = JWS_CHECK_MALFORMED;
    json_t *payload = NULL;
    struct ct_err check_err = {0};
    enum ct_status status = jws_compact_check(jwt, key_set, &check, &payload, &check_err);
    if (status != CT_OK) {
        return ct_err_nomem(err);
    }
    if (payload != NULL) {
        read_claims(payload, result);
    }
    if (check == JWS_CHECK_MALFORMED) {
        set_verdict(result, CREDENTIAL_MALFORMED, check_err.message);
    } else if (check != JWS_CHECK_SIGNED) {
        set_verdict(result, CREDENTIAL_TAMPERED, check_err.message);
    } else {
        status = check_signed(payload, key_set, status_list, day, result, err);
    }
    json_decref(payload);
    return status;
}
