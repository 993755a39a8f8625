#include "second_factor.h"

#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store_profile.h"
#include "../store/store_settings.h"
#include "coordinator.h"
#include "../core/banned.h"

enum ct_status second_factor_totp_code(const unsigned char *secret, size_t length, int64_t now,
                                       unsigned digits, char *out, struct ct_err *err)
{
    if (oath_init() != OATH_OK ||
        oath_totp_generate((const char *)secret, length, (time_t)now, TOTP_STEP_SECONDS,
                           OATH_TOTP_DEFAULT_START_TIME, digits, out) != OATH_OK) {
        return ct_err_set(err, CT_ERR_INPUT, "code", "liboath cannot make a code");
    }
    return CT_OK;
}

static bool is_totp_code(const char *code)
{
    if (code == NULL || strlen(code) != TOTP_DIGITS) {
        return false;
    }
    for (const char *c = code; *c != '\0'; c++) {
        if (*c < '0' || *c > '9') {
            return false;
        }
    }
    return true;
}

bool second_factor_totp_match(const unsigned char *secret, size_t length, int64_t now,
                              const char *code, int64_t *step)
{
    *step = 0;
    if (!is_totp_code(code) || oath_init() != OATH_OK) {
        return false;
    }
    int position = 0;
    uint64_t counter = 0;
    int found = oath_totp_validate3((const char *)secret, length, (time_t)now, TOTP_STEP_SECONDS,
                                    OATH_TOTP_DEFAULT_START_TIME, SECOND_FACTOR_SKEW_STEPS,
                                    &position, &counter, code);
    if (found < 0) {
        return false;
    }
    *step = (int64_t)counter;
    return true;
}

/* Writes text into out percent-encoded (all but unreserved characters), cut to fit. */
static void uri_encode(const char *text, char *out, size_t size)
{
    size_t at = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0' && at + 4 < size; c++) {
        bool plain = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
                     (*c >= '0' && *c <= '9') || strchr("-._~", *c) != NULL;
        at += (size_t)snprintf(out + at, size - at, plain ? "%c" : "%%%02X", *c);
    }
    out[at] = '\0';
}

static enum ct_status setup_text(struct store *store, const struct actor *actor,
                                 const unsigned char secret[SECOND_FACTOR_SECRET_BYTES],
                                 struct second_factor_setup *result, struct ct_err *err)
{
    char *base32 = NULL;
    size_t length = 0;
    if (oath_init() != OATH_OK ||
        oath_base32_encode((const char *)secret, SECOND_FACTOR_SECRET_BYTES, &base32, &length) !=
            OATH_OK) {
        return ct_err_nomem(err);
    }
    snprintf(result->secret_base32, sizeof result->secret_base32, "%.*s", (int)length, base32);
    free(base32);
    char email[256] = "", issuer[STORE_SETTING_SIZE] = "";
    bool found = false;
    enum ct_status status =
        store_person_email(store, actor->person_id, email, sizeof email, &found, err);
    if (status == CT_OK) {
        status = store_setting_get(store, "issuer-name", issuer, err);
    }
    char label[800], issuer_encoded[800];
    uri_encode(email, label, sizeof label);
    uri_encode(issuer, issuer_encoded, sizeof issuer_encoded);
    snprintf(result->uri, sizeof result->uri,
             "otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=%d&period=%d",
             issuer_encoded, label, result->secret_base32, issuer_encoded, TOTP_DIGITS,
             TOTP_STEP_SECONDS);
    return status;
}

static enum ct_status may_have_factor(const struct actor *actor, struct action_outcome *outcome)
{
    if (actor->person_id == 0 || (actor->roles & SECOND_FACTOR_ROLES) == 0) {
        return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                             "A second factor is for the CE coordinator's and the consultants'"
                             " accounts.");
    }
    return CT_OK;
}

enum ct_status action_second_factor_begin(struct store *store, const struct actor *actor,
                                          struct second_factor_setup *result,
                                          struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    struct store_second_factor factor;
    enum ct_status status = may_have_factor(actor, outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    status = store_second_factor_get(store, actor->person_id, &factor, &outcome->err);
    if (status == CT_OK && factor.confirmed) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "second_factor",
                               "You have a second factor already: remove it first.");
    }
    if (status == CT_OK && !factor.exists) {
        randombytes_buf(factor.secret, sizeof factor.secret);
        status = store_second_factor_begin(store, actor->person_id, actor->person_id, factor.secret,
                                           actor->now, &outcome->err);
    }
    if (status == CT_OK) {
        status = setup_text(store, actor, factor.secret, result, &outcome->err);
    }
    sodium_memzero(&factor, sizeof factor);
    return action_end(store, action_from_store(outcome, status, ACTION_WRONG_STATE, NULL), outcome);
}

/* Draws a recovery code: 16 of the base32 letters and digits, in groups of four. */
static void recovery_code_draw(char out[RECOVERY_CODE_SIZE])
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    size_t at = 0;
    for (size_t i = 0; i < 16; i++) {
        if (i > 0 && i % 4 == 0) {
            out[at++] = '-';
        }
        out[at++] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
    }
    out[at] = '\0';
}

/* Checks code against factor at now and uses its step up: a fault of "code" when it is
 * not a current code or its step was used already (a replay). */
static enum ct_status use_code(struct store *store, int64_t person_id,
                               const struct store_second_factor *factor, const char *code,
                               int64_t now, int64_t *step, struct action_outcome *outcome)
{
    bool accepted = false;
    enum ct_status status = CT_OK;
    if (second_factor_totp_match(factor->secret, sizeof factor->secret, now, code, step)) {
        status = store_second_factor_use_step(store, person_id, *step, &accepted, &outcome->err);
    }
    if (status == CT_OK && !accepted) {
        action_fault(outcome, "code", "This is not a current code, or it was used already.");
        status = action_checked(outcome);
    }
    return status;
}

enum ct_status action_second_factor_confirm(struct store *store, const struct actor *actor,
                                            const struct second_factor_code_input *input,
                                            struct second_factor_confirm_result *result,
                                            struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    struct store_second_factor factor;
    enum ct_status status = may_have_factor(actor, outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    status = store_second_factor_get(store, actor->person_id, &factor, &outcome->err);
    if (status == CT_OK && (!factor.exists || factor.confirmed)) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "second_factor",
                               factor.exists ? "Your second factor is confirmed already."
                                             : "Start setting up a second factor first.");
    }
    int64_t step = 0;
    if (status == CT_OK) {
        status =
            use_code(store, actor->person_id, &factor, input->code, actor->now, &step, outcome);
    }
    const char *codes[RECOVERY_CODE_COUNT];
    for (size_t i = 0; i < RECOVERY_CODE_COUNT; i++) {
        recovery_code_draw(result->recovery_codes[i]);
        codes[i] = result->recovery_codes[i];
    }
    if (status == CT_OK) {
        status = store_second_factor_confirm(store, actor->person_id, step, codes, actor->now,
                                             &outcome->err);
    }
    sodium_memzero(&factor, sizeof factor);
    if (status != CT_OK) {
        sodium_memzero(result, sizeof *result);
    }
    return action_end(store, action_from_store(outcome, status, ACTION_WRONG_STATE, NULL), outcome);
}

/* Checks code as the second step: a TOTP code (not replayed) or an unused recovery code. */
static enum ct_status code_or_recovery(struct store *store, int64_t person_id,
                                       const struct store_second_factor *factor, const char *code,
                                       int64_t now, bool *accepted, struct ct_err *err)
{
    *accepted = false;
    int64_t step = 0;
    if (code == NULL || code[0] == '\0') {
        return CT_OK;
    }
    if (second_factor_totp_match(factor->secret, sizeof factor->secret, now, code, &step)) {
        return store_second_factor_use_step(store, person_id, step, accepted, err);
    }
    if (is_totp_code(code)) {
        return CT_OK;
    }
    return store_recovery_code_use(store, person_id, code, now, accepted, err);
}

enum ct_status action_second_factor_remove(struct store *store, const struct actor *actor,
                                           const struct second_factor_code_input *input,
                                           struct action_outcome *outcome)
{
    struct store_second_factor factor;
    enum ct_status status = action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    status = store_second_factor_get(store, actor->person_id, &factor, &outcome->err);
    if (status == CT_OK && !factor.confirmed) {
        status = action_refuse(outcome, ACTION_WRONG_STATE, "second_factor",
                               "You have no second factor to remove.");
    }
    bool accepted = false;
    if (status == CT_OK) {
        status = code_or_recovery(store, actor->person_id, &factor, input->code, actor->now,
                                  &accepted, &outcome->err);
    }
    if (status == CT_OK && !accepted) {
        action_fault(outcome, "code", "This is not a current code, or it was used already.");
        status = action_checked(outcome);
    }
    if (status == CT_OK) {
        status = store_second_factor_delete(store, actor->person_id, actor->person_id,
                                            "second-factor-remove", &outcome->err);
    }
    sodium_memzero(&factor, sizeof factor);
    return action_end(store, status, outcome);
}

enum ct_status action_second_factor_reset(struct store *store, const struct actor *actor,
                                          const struct second_factor_reset_input *input,
                                          struct action_outcome *outcome)
{
    if (input->person_id <= 0) {
        action_fault(outcome, "person", "Name the person whose second factor to reset.");
    }
    enum ct_status status =
        coordinator_begin(store, actor, "resets another person's second factor", outcome);
    if (status != CT_OK) {
        return status;
    }
    struct store_second_factor factor;
    status = store_second_factor_get(store, input->person_id, &factor, &outcome->err);
    sodium_memzero(factor.secret, sizeof factor.secret);
    if (status == CT_OK && !factor.exists) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "person",
                               "Person %lld has no second factor.", (long long)input->person_id);
    }
    if (status == CT_OK) {
        status = store_second_factor_delete(store, actor->person_id, input->person_id,
                                            "second-factor-reset", &outcome->err);
    }
    return action_end(store, status, outcome);
}

enum ct_status second_factor_confirmed(struct store *store, int64_t person_id, bool *confirmed,
                                       struct ct_err *err)
{
    struct store_second_factor factor;
    enum ct_status status = store_second_factor_get(store, person_id, &factor, err);
    *confirmed = status == CT_OK && factor.confirmed;
    sodium_memzero(&factor, sizeof factor);
    return status;
}

enum ct_status second_factor_verify(struct store *store, int64_t person_id, const char *code,
                                    int64_t now, bool *accepted, struct ct_err *err)
{
    *accepted = false;
    struct store_second_factor factor;
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = store_second_factor_get(store, person_id, &factor, err);
    if (status == CT_OK && factor.confirmed) {
        status = code_or_recovery(store, person_id, &factor, code, now, accepted, err);
    }
    sodium_memzero(&factor, sizeof factor);
    return store_finish(store, status, err);
}

enum ct_status second_factor_setup_required(struct store *store, int64_t person_id, unsigned roles,
                                            bool *required, struct ct_err *err)
{
    *required = false;
    if ((roles & SECOND_FACTOR_ROLES) == 0) {
        return CT_OK;
    }
    char value[STORE_SETTING_SIZE] = "";
    enum ct_status status = store_setting_get(store, "require-second-factor", value, err);
    if (status != CT_OK || strcmp(value, "on") != 0) {
        return status;
    }
    bool confirmed = false;
    status = second_factor_confirmed(store, person_id, &confirmed, err);
    *required = status == CT_OK && !confirmed;
    return status;
}
