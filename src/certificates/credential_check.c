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
    } else if (!has_type(json_object_get(payload, "type"), "OpenBadgeCredential")) {
        set_verdict(result, CREDENTIAL_MALFORMED, "the token is not an OpenBadgeCredential");
    } else {
        bool revoked = false;
        if (status_list != NULL) {
            status = check_status(payload, status_list, key_set, &revoked, err);
        }
        if (status == CT_OK && revoked) {
            set_verdict(result, CREDENTIAL_REVOKED, "the issuer's status list says revoked");
        } else if (status == CT_OK) {
            check_dates(payload, day, result);
        }
    }
    json_decref(payload);
    return status;
}
