/*
 * second_factor: a second factor for signing in (TOTP, RFC 6238, through liboath: HMAC-SHA1,
 * 6 digits, 30-second steps) and its recovery codes, for the CE coordinator's and the
 * consultants' accounts.
 *
 * Setting one up: action_second_factor_begin draws a 20-byte secret (kept encrypted,
 * store_second_factor.h) and gives it as base32 and as an otpauth:// URI; the person
 * confirms it with a current code (action_second_factor_confirm) and is given
 * RECOVERY_CODE_COUNT recovery codes, shown once. At sign-in second_factor_verify takes a
 * current code or an unused recovery code. A code is accepted one step early or late
 * (SECOND_FACTOR_SKEW_STEPS), and only once: a code of a step already used is refused.
 *
 * The setting require-second-factor ("on"/"off", store_settings.h) makes a factor
 * necessary for those roles: second_factor_setup_required says when a person must set
 * one up before anything else.
 */
#ifndef CERTTRACK_ACTIONS_SECOND_FACTOR_H
#define CERTTRACK_ACTIONS_SECOND_FACTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../store/store_second_factor.h"
#include "action.h"

#define TOTP_DIGITS              6
#define TOTP_STEP_SECONDS        30
#define SECOND_FACTOR_SKEW_STEPS 1

/* The secret as base32 (32 letters and digits, no padding) and its NUL. */
#define SECOND_FACTOR_BASE32_SIZE 33
#define SECOND_FACTOR_URI_SIZE    512
/* "XXXX-XXXX-XXXX-XXXX" and the NUL. */
#define RECOVERY_CODE_SIZE 20

/* The roles whose accounts can have a second factor. */
#define SECOND_FACTOR_ROLES (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)

/* The TOTP code (digits of them, 6 to 8) of secret (length bytes, borrowed) at now (Unix
 * seconds) into out (digits + 1 bytes). CT_ERR_INPUT when liboath refuses. */
enum ct_status second_factor_totp_code(const unsigned char *secret, size_t length, int64_t now,
                                       unsigned digits, char *out,
                                       struct ct_err *err) CT_MUST_CHECK;

/* True when code (borrowed: TOTP_DIGITS digits) is secret's code at now or one step
 * before or after; *step receives the time step it is of. */
bool second_factor_totp_match(const unsigned char *secret, size_t length, int64_t now,
                              const char *code, int64_t *step);

struct second_factor_setup {
    char secret_base32[SECOND_FACTOR_BASE32_SIZE];
    char uri[SECOND_FACTOR_URI_SIZE]; /* otpauth://totp/... for an authenticator app */
};

/* Starts (or, when one is being set up already, shows again) the actor's factor. Refused
 * for a role without factors (ACTION_NOT_ALLOWED) and when one is confirmed already
 * (ACTION_WRONG_STATE, field "second_factor"). */
enum ct_status action_second_factor_begin(struct store *store, const struct actor *actor,
                                          struct second_factor_setup *result,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

struct second_factor_code_input {
    const char *code; /* borrowed: the code the authenticator shows now */
};

struct second_factor_confirm_result {
    char recovery_codes[RECOVERY_CODE_COUNT][RECOVERY_CODE_SIZE]; /* shown once */
};

/* Confirms the factor being set up with a current code, and draws its recovery codes.
 * Faults: "code" (not a current code, or one used already). ACTION_WRONG_STATE when no
 * factor is being set up. */
enum ct_status action_second_factor_confirm(struct store *store, const struct actor *actor,
                                            const struct second_factor_code_input *input,
                                            struct second_factor_confirm_result *result,
                                            struct action_outcome *outcome) CT_MUST_CHECK;

/* Removes the actor's own factor, given a current code (or a recovery code). Faults:
 * "code". ACTION_WRONG_STATE when they have none. */
enum ct_status action_second_factor_remove(struct store *store, const struct actor *actor,
                                           const struct second_factor_code_input *input,
                                           struct action_outcome *outcome) CT_MUST_CHECK;

struct second_factor_reset_input {
    int64_t person_id;
};

/* The CE coordinator (or the system) removes another person's factor (they set up a new
 * one), audited as "second-factor-reset". ACTION_NOT_FOUND ("person") when that person
 * has no factor. */
enum ct_status action_second_factor_reset(struct store *store, const struct actor *actor,
                                          const struct second_factor_reset_input *input,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

/* Whether person_id has a confirmed factor (sign-in then asks for a code). */
enum ct_status second_factor_confirmed(struct store *store, int64_t person_id, bool *confirmed,
                                       struct ct_err *err) CT_MUST_CHECK;

/* The second step of person_id's sign-in at now: *accepted is true when code is a current
 * code of their confirmed factor whose step was not used yet, or one of their unused
 * recovery codes (either is then used up). */
enum ct_status second_factor_verify(struct store *store, int64_t person_id, const char *code,
                                    int64_t now, bool *accepted, struct ct_err *err) CT_MUST_CHECK;

/* *required is true when the setting require-second-factor is on, roles hold one of
 * SECOND_FACTOR_ROLES and person_id has no confirmed factor: they set one up before
 * anything else. */
enum ct_status second_factor_setup_required(struct store *store, int64_t person_id, unsigned roles,
                                            bool *required, struct ct_err *err) CT_MUST_CHECK;

#endif
