#include "profile.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../io/password_quality.h"
#include "../store/store_settings.h"
#include "../store/store_people.h"
#include "../store/store_profile.h"
#include "people_checks.h"
#include "../core/banned.h"

static bool has_control_character(const char *text)
{
    for (const char *c = text; *c != '\0'; c++) {
        if ((unsigned char)*c < ' ' || *c == 0x7f) {
            return true;
        }
    }
    return false;
}

/* The number of characters (UTF-8 code points) of text. */
static size_t characters(const char *text)
{
    size_t count = 0;
    for (const char *c = text; *c != '\0'; c++) {
        count += ((unsigned char)*c & 0xc0) != 0x80;
    }
    return count;
}

static enum ct_status person_acts(const struct actor *actor, struct action_outcome *outcome)
{
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK && actor->person_id == 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "A profile belongs to a person: sign in as them.");
    }
    return status;
}

enum ct_status action_profile_name_set(struct store *store, const struct actor *actor,
                                       const struct profile_name_input *input,
                                       struct action_outcome *outcome)
{
    const char *name = input->name;
    if (name == NULL || name[0] == '\0' || strlen(name) > PROFILE_NAME_MAX ||
        has_control_character(name) || name[0] == ' ') {
        action_fault(outcome, "name", "Give your name, 1 to %d characters, without line breaks.",
                     PROFILE_NAME_MAX);
    }
    enum ct_status status = person_acts(actor, outcome);
    if (status == CT_OK) {
        status =
            store_person_name_set(store, actor->person_id, actor->person_id, name, &outcome->err);
    }
    return action_from_store(outcome, status, ACTION_NOT_FOUND, NULL);
}

void profile_password_check(const char *password, const char *field, struct action_outcome *outcome)
{
    if (password == NULL || characters(password) < PROFILE_PASSWORD_MIN) {
        action_fault(outcome, field, "Choose a password of at least %d characters.",
                     PROFILE_PASSWORD_MIN);
    } else if (strlen(password) > PROFILE_PASSWORD_MAX) {
        action_fault(outcome, field, "Choose a password of at most %d characters.",
                     PROFILE_PASSWORD_MAX);
    } else {
        /* Long enough: not a common one either (libpwquality, as for invitations). */
        struct ct_err quality = {0};
        if (password_quality_check(password, NULL, field, &quality) != CT_OK) {
            action_fault(outcome, field, "This password %s.", quality.message);
        }
    }
}

enum ct_status action_profile_password_change(struct store *store, const struct actor *actor,
                                              const struct profile_password_input *input,
                                              struct action_outcome *outcome)
{
    profile_password_check(input->new_password, "new_password", outcome);
    bool matches = false;
    enum ct_status status = CT_OK;
    if (input->current_password == NULL || input->current_password[0] == '\0') {
        action_fault(outcome, "current_password", "Give your current password.");
    } else if (actor->person_id != 0) {
        status = store_person_check_password(store, actor->person_id, input->current_password,
                                             &matches, &outcome->err);
        if (status == CT_OK && !matches) {
            action_fault(outcome, "current_password", "This is not your current password.");
        }
    }
    if (status == CT_OK) {
        status = person_acts(actor, outcome);
    }
    if (status == CT_OK) {
        status = store_person_password_set(store, actor->person_id, actor->person_id,
                                           input->new_password, &outcome->err);
    }
    return action_from_store(outcome, status, ACTION_NOT_FOUND, NULL);
}

/* ---- the e-mail address ---- */

/* The id of the person whose address email is (any case), 0 when nobody's. */
static enum ct_status address_holder(struct store *store, const char *email, int64_t *holder,
                                     struct ct_err *err)
{
    struct ct_err none = {0};
    enum ct_status status = store_person_find(store, email, holder, &none);
    if (status == CT_ERR_INPUT) {
        *holder = 0;
        return CT_OK;
    }
    if (status != CT_OK) {
        *err = none;
    }
    return status;
}

/* Queues a mail to recipient (about person_id) with subject, body made by the caller. */
static enum ct_status queue_mail(struct store *store, const struct actor *actor, int64_t person_id,
                                 const char *recipient, const char *subject, const struct buf *body,
                                 char message_id[OUTBOX_MESSAGE_ID_SIZE], struct ct_err *err)
{
    struct outbox_message_new message = {
        .recipient = recipient,
        .person_id = person_id,
        .subject = subject,
        .body = buf_str(body),
    };
    return store_outbox_queue(store, &message, actor->now, message_id, NULL, err);
}

/* Makes the link to new_email for the actor and queues its mail to new_email. */
static enum ct_status send_email_link(struct store *store, const struct actor *actor,
                                      const struct account_state *state, const char *new_email,
                                      struct email_change_result *result, struct ct_err *err)
{
    char token[ACCOUNT_LINK_TOKEN_SIZE], url[STORE_SETTING_SIZE], issuer[STORE_SETTING_SIZE];
    enum ct_status status =
        store_account_email_link_create(store, actor->person_id, new_email, actor->now,
                                        actor->now + PROFILE_EMAIL_CHANGE_SECONDS, token, err);
    status = status != CT_OK ? status : store_setting_get(store, "public-url", url, err);
    status = status != CT_OK ? status : store_setting_get(store, "issuer-name", issuer, err);
    if (status != CT_OK) {
        return status;
    }
    snprintf(result->link, sizeof result->link, "%s%s%s", url, PROFILE_EMAIL_LINK_PATH, token);
    char subject[OUTBOX_SUBJECT_SIZE];
    snprintf(subject, sizeof subject, "Confirm your new e-mail address (%s)", issuer);
    struct buf body;
    buf_init(&body, OUTBOX_BODY_SIZE - 1);
    status = buf_printf(&body,
                        "Hello %s,\n\nYou asked to sign in to %s with this address, %s, instead"
                        " of %s.\nTo confirm it, follow this link within 24 hours:\n\n%s\n\n"
                        "The link works once. If you did not ask for this, ignore this mail:"
                        " nothing changes.\n",
                        state->name, issuer, new_email, state->email, result->link);
    if (status != CT_OK) {
        status = ct_err_set(err, status, "body", "the mail is too long");
    } else {
        status = queue_mail(store, actor, actor->person_id, new_email, subject, &body,
                            result->message_id, err);
    }
    buf_release(&body);
    return status;
}

/* Refuses new_email when it is state's already or another person's. */
static enum ct_status check_new_address(struct store *store, const struct actor *actor,
                                        const char *new_email, const struct account_state *state,
                                        struct action_outcome *outcome)
{
    int64_t holder = 0;
    enum ct_status status = address_holder(store, new_email, &holder, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (holder == actor->person_id) {
        action_fault(outcome, "new_email", "This is your address already (%s).", state->email);
    } else if (holder != 0) {
        action_fault(outcome, "new_email",
                     "Another person has this address: choose one that is yours alone.");
    }
    return action_checked(outcome);
}

enum ct_status action_profile_email_change_ask(struct store *store, const struct actor *actor,
                                               const struct email_change_input *input,
                                               struct email_change_result *result,
                                               struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    const char *email = input->new_email;
    if (email == NULL || strlen(email) >= ACCOUNT_EMAIL_SIZE || !people_looks_like_email(email)) {
        action_fault(outcome, "new_email", "Enter an e-mail address, like name@example.org.");
    }
    enum ct_status status = person_acts(actor, outcome);
    status = status != CT_OK ? status : action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    struct account_state state;
    bool found = false;
    status = store_account_state(store, actor->person_id, &state, &found, &outcome->err);
    if (status == CT_OK && (!found || state.deactivated)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "This account is deactivated: ask the CE coordinator.");
    }
    status = status != CT_OK ? status : check_new_address(store, actor, email, &state, outcome);
    status = status != CT_OK ? status
                             : send_email_link(store, actor, &state, email, result, &outcome->err);
    if (status == CT_OK) {
        status = store_audit(store, actor->person_id, ENTITY_PERSON, actor->person_id,
                             "email-change-asked", NULL, &outcome->err);
    }
    return action_end(store, status, outcome);
}

const char *profile_email_link_refusal(enum account_link_state state)
{
    if (state == ACCOUNT_LINK_USED) {
        return "This link has been used already: the address it names was confirmed with it."
               " Sign in with that address.";
    }
    return "This link has expired (a link to confirm a new address lasts 24 hours). Ask for a"
           " new one on your profile.";
}

/* The e-mail change link token names, refused when unknown, used or expired. */
static enum ct_status email_link(struct store *store, const struct actor *actor, const char *token,
                                 struct account_link *link, char new_email[ACCOUNT_EMAIL_SIZE],
                                 struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        store_account_email_link_find(store, token, link, new_email, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "token",
                             "This link is not known. Copy the whole link from the mail, or ask"
                             " for a new one on your profile.");
    }
    if (link->used_at != 0) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "token", "%s",
                             profile_email_link_refusal(ACCOUNT_LINK_USED));
    }
    if (actor->now >= link->expires_at) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "token", "%s",
                             profile_email_link_refusal(ACCOUNT_LINK_EXPIRED));
    }
    return CT_OK;
}

/* The mail that tells the old address of the change. */
static enum ct_status tell_old_address(struct store *store, const struct actor *actor,
                                       const struct account_state *state,
                                       const struct email_confirm_result *result,
                                       struct ct_err *err)
{
    char issuer[STORE_SETTING_SIZE], subject[OUTBOX_SUBJECT_SIZE], id[OUTBOX_MESSAGE_ID_SIZE];
    enum ct_status status = store_setting_get(store, "issuer-name", issuer, err);
    if (status != CT_OK) {
        return status;
    }
    snprintf(subject, sizeof subject, "Your e-mail address was changed (%s)", issuer);
    struct buf body;
    buf_init(&body, OUTBOX_BODY_SIZE - 1);
    status = buf_printf(&body,
                        "Hello %s,\n\nThe address you sign in to %s with is now %s, confirmed"
                        " through a link sent to it; mail no longer comes to %s.\nIf you did not"
                        " ask for this, tell the CE coordinator at once.\n",
                        state->name, issuer, result->new_email, result->old_email);
    if (status != CT_OK) {
        status = ct_err_set(err, status, "body", "the mail is too long");
    } else {
        status =
            queue_mail(store, actor, result->person_id, result->old_email, subject, &body, id, err);
    }
    buf_release(&body);
    return status;
}

/* Uses link up and changes the address, refusing one another person has now. */
static enum ct_status change_address(struct store *store, const struct account_link *link,
                                     const struct actor *actor, const char *new_email,
                                     struct action_outcome *outcome)
{
    int64_t holder = 0;
    enum ct_status status = address_holder(store, new_email, &holder, &outcome->err);
    if (status == CT_OK && holder != 0 && holder != link->person_id) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "new_email",
                             "Another person has the address %s now: your address stays as it"
                             " is. Ask for a change to another address on your profile.",
                             new_email);
    }
    bool used = false;
    if (status == CT_OK) {
        status = store_account_link_use(store, link->id, actor->now, &used, &outcome->err);
    }
    if (status == CT_OK && !used) {
        /* Used by another request between the read and now. */
        return action_refuse(outcome, ACTION_WRONG_STATE, "token",
                             "This link has been used already: each link works once.");
    }
    if (status == CT_OK) {
        status = store_account_email_set(store, link->person_id, link->person_id, new_email,
                                         &outcome->err);
        status = action_from_store(outcome, status, ACTION_WRONG_STATE, NULL);
    }
    return status;
}

enum ct_status action_profile_email_change_confirm(struct store *store, const struct actor *actor,
                                                   const struct email_confirm_input *input,
                                                   struct email_confirm_result *result,
                                                   struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    if (input->token == NULL || input->token[0] == '\0') {
        action_fault(outcome, "token", "the link has no token: copy the whole link from the mail");
    }
    enum ct_status status = action_checked(outcome);
    status = status != CT_OK ? status : action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    struct account_link link;
    status = email_link(store, actor, input->token, &link, result->new_email, outcome);
    struct account_state state;
    bool found = false;
    if (status == CT_OK) {
        status = store_account_state(store, link.person_id, &state, &found, &outcome->err);
    }
    if (status == CT_OK && (!found || state.deactivated)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "token",
                               "This account is deactivated: ask the CE coordinator.");
    }
    if (status == CT_OK) {
        result->person_id = link.person_id;
        snprintf(result->old_email, sizeof result->old_email, "%s", state.email);
        status = change_address(store, &link, actor, result->new_email, outcome);
    }
    status =
        status != CT_OK ? status : tell_old_address(store, actor, &state, result, &outcome->err);
    return action_end(store, status, outcome);
}
