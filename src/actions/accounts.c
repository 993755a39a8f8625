#include "accounts.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../io/password_quality.h"
#include "../mail/mail_compose.h"
#include "../store/store_libraries.h"
#include "../store/store_people.h"
#include "../store/store_sessions.h"
#include "../store/store_settings.h"
#include "people.h"
#include "people_checks.h"
#include "../core/banned.h"

/* Makes person_id's link of purpose, lasting seconds, and queues its mail. */
static enum ct_status issue_link(struct store *store, const struct actor *actor, int64_t person_id,
                                 enum account_link_purpose purpose, int64_t seconds,
                                 struct invitation_result *result, struct ct_err *err)
{
    char token[ACCOUNT_LINK_TOKEN_SIZE], url[STORE_SETTING_SIZE];
    enum ct_status status =
        store_account_link_create(store, person_id, purpose, actor->person_id, actor->now,
                                  actor->now + seconds, token, NULL, err);
    if (status == CT_OK) {
        status = store_setting_get(store, "public-url", url, err);
    }
    if (status != CT_OK) {
        return status;
    }
    result->person_id = person_id;
    snprintf(result->link, sizeof result->link, "%s%s%s", url, ACCOUNT_LINK_PATH, token);
    struct template_data *data = template_data_new();
    if (data == NULL || template_data_set(data, "link", result->link) != CT_OK) {
        template_data_free(data);
        return ct_err_nomem(err);
    }
    struct mail_compose mail = {
        .template_name = purpose == ACCOUNT_LINK_INVITATION ? "invitation" : "password-reset",
        .person_id = person_id,
    };
    struct mail_compose_result queued;
    status = mail_compose_queue(store, actor->now, &mail, data, &queued, err);
    template_data_free(data);
    if (status == CT_OK && !queued.queued) {
        return ct_err_set(err, CT_ERR_INPUT, "email", "no mail can be sent: %s", queued.skipped);
    }
    snprintf(result->message_id, sizeof result->message_id, "%s", queued.message_id);
    return status;
}

/* Refuses an invitation the record does not allow; else makes it. */
static enum ct_status invite(struct store *store, const struct actor *actor, int64_t person_id,
                             struct invitation_result *result, struct action_outcome *outcome)
{
    struct account_state state;
    bool found = false;
    enum ct_status status = store_account_state(store, person_id, &state, &found, &outcome->err);
    struct account_link open = {0};
    bool is_open = false;
    if (status == CT_OK && found) {
        status = store_account_link_open_invitation(store, person_id, actor->now, &open, &is_open,
                                                    &outcome->err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "person", "There is no person %lld.",
                             (long long)person_id);
    }
    if (state.deactivated) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "person",
                             "%s is deactivated: reactivate them before inviting them.",
                             state.name);
    }
    if (state.has_password) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "person",
                             "%s has a password already: they can use \"Forgot your password?\""
                             " on the sign-in page.",
                             state.name);
    }
    if (is_open) {
        char expires[OUTBOX_TIME_SIZE];
        store_outbox_time_text(open.expires_at, expires);
        return action_refuse(outcome, ACTION_WRONG_STATE, "person",
                             "%s has an invitation that is still open (until %s): they can use"
                             " it, or it expires and a new one can be sent.",
                             state.name, expires);
    }
    status = issue_link(store, actor, person_id, ACCOUNT_LINK_INVITATION,
                        ACCOUNT_INVITATION_SECONDS, result, &outcome->err);
    if (status == CT_OK) {
        status = store_audit(store, actor->person_id, ENTITY_PERSON, person_id, "invite", NULL,
                             &outcome->err);
    }
    return status;
}

/* The roles only the CE coordinator gives and keeps: the State Library's. */
#define STATE_ROLES (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)

/* Refuses an actor who may not invite person_id: the coordinator (or the system) anyone,
 * a library administrator the people of their own library who hold no State Library
 * role. */
static enum ct_status may_invite(struct store *store, const struct actor *actor, int64_t person_id,
                                 struct action_outcome *outcome)
{
    struct person_view person;
    enum ct_status status = people_find(store, person_id, "person", &person, outcome);
    if (status == CT_OK) {
        status = people_may_act(actor, person.library_id, "invite a person", outcome);
    }
    if (status == CT_OK && !actor_has_role(actor, ROLE_CE_COORDINATOR) &&
        (person.roles & STATE_ROLES) != 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "person",
                               "Only the CE coordinator invites a person with a State Library"
                               " role.");
    }
    return status;
}

enum ct_status action_invitation_send(struct store *store, const struct actor *actor,
                                      const struct invitation_send_input *input,
                                      struct invitation_result *result,
                                      struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    if (input->person_id <= 0) {
        action_fault(outcome, "person", "name the person to invite");
    }
    enum ct_status status = action_checked(outcome);
    status = status != CT_OK ? status : may_invite(store, actor, input->person_id, outcome);
    status = status != CT_OK ? status : action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    status = invite(store, actor, input->person_id, result, outcome);
    return action_end(store, status, outcome);
}

enum ct_status action_person_add_invited(struct store *store, const struct actor *actor,
                                         const struct person_input *input,
                                         struct invitation_result *result,
                                         struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    struct person_result person = {0};
    status = action_person_add_within(store, actor, input, &person, outcome);
    if (status == CT_OK) {
        status = invite(store, actor, person.id, result, outcome);
    }
    return action_end(store, status, outcome);
}

static void check_user(struct store *store, const struct user_add_input *input,
                       struct action_outcome *outcome)
{
    if (input->email == NULL || input->email[0] == '\0') {
        action_fault(outcome, "email", "enter the person's e-mail address");
    }
    if (input->name == NULL || input->name[0] == '\0') {
        action_fault(outcome, "name", "enter the person's name");
    }
    if (input->role == NULL || role_bit_of(input->role) == 0) {
        action_fault(outcome, "role",
                     "name a role: learner, supervisor, library-administrator, ce-coordinator"
                     " or consultant");
    }
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    if (input->library_id < 0 ||
        (input->library_id > 0 &&
         (store_library_get(store, input->library_id, &library, &found, &err) != CT_OK ||
          !found))) {
        action_fault(outcome, "library", "there is no library %lld", (long long)input->library_id);
    }
}

enum ct_status action_user_add(struct store *store, const struct actor *actor,
                               const struct user_add_input *input, struct invitation_result *result,
                               struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    check_user(store, input, outcome);
    enum ct_status status = action_checked(outcome);
    if (status != CT_OK) {
        return status;
    }
    /* The people action's checks apply: a person of a library is staff unless said. */
    const char *position = input->position != NULL ? input->position
                           : input->library_id > 0 ? "staff"
                                                   : "none";
    struct person_input person = {.name = input->name,
                                  .email = input->email,
                                  .library_id = input->library_id,
                                  .position = position,
                                  .roles = input->role};
    return action_person_add_invited(store, actor, &person, result, outcome);
}

/* Whether a reset for email may be sent now: at most LOGIN_FREE_FAILURES in the window,
 * each request counted. */
static enum ct_status reset_allowed(struct store *store, const char *email, int64_t now,
                                    bool *allowed, struct ct_err *err)
{
    char key[400];
    snprintf(key, sizeof key, "password-reset:");
    for (size_t i = strlen(key), j = 0; email[j] != '\0' && i + 1 < sizeof key; i++, j++) {
        key[i] = (char)(email[j] >= 'A' && email[j] <= 'Z' ? email[j] - 'A' + 'a' : email[j]);
        key[i + 1] = '\0';
    }
    int64_t wait = 0;
    enum ct_status status = store_login_wait_seconds(store, key, now, &wait, err);
    if (status == CT_OK) {
        status = store_login_failure_record(store, key, now, err);
    }
    *allowed = status == CT_OK && wait == 0;
    return status;
}

enum ct_status action_password_reset_request(struct store *store, const struct actor *actor,
                                             const struct password_reset_input *input,
                                             struct action_outcome *outcome)
{
    if (input->email == NULL || input->email[0] == '\0' || strchr(input->email, '@') == NULL) {
        action_fault(outcome, "email", "enter the e-mail address you sign in with");
    }
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    bool allowed = false;
    status = reset_allowed(store, input->email, actor->now, &allowed, &outcome->err);
    int64_t person_id = 0;
    struct ct_err lookup = {0};
    if (status == CT_OK && allowed &&
        store_person_find(store, input->email, &person_id, &lookup) != CT_OK) {
        person_id = 0;
    }
    struct account_state state;
    bool found = false;
    if (status == CT_OK && person_id > 0) {
        status = store_account_state(store, person_id, &state, &found, &outcome->err);
    }
    /* An address the relay keeps refusing gets no link, and the answer is the same. */
    bool refused = false;
    if (status == CT_OK && found && !state.deactivated) {
        status = store_outbox_address_marked(store, state.email, &refused, &outcome->err);
    }
    if (status == CT_OK && found && !state.deactivated && !refused) {
        struct invitation_result result;
        status = issue_link(store, actor, person_id, ACCOUNT_LINK_PASSWORD_RESET,
                            ACCOUNT_RESET_SECONDS, &result, &outcome->err);
    }
    return action_end(store, status, outcome);
}

enum account_link_state account_link_state_at(const struct account_link *link, int64_t now)
{
    if (link->used_at != 0) {
        return ACCOUNT_LINK_USED;
    }
    return now < link->expires_at ? ACCOUNT_LINK_USABLE : ACCOUNT_LINK_EXPIRED;
}

const char *account_link_refusal(enum account_link_state state, enum account_link_purpose purpose)
{
    if (state == ACCOUNT_LINK_USED) {
        return "This link has been used already: each link works once. Sign in, or ask for a"
               " new link with \"Forgot your password?\" on the sign-in page.";
    }
    return purpose == ACCOUNT_LINK_INVITATION
               ? "This invitation has expired (an invitation lasts 7 days). Ask the CE"
                 " coordinator for a new one."
               : "This link has expired (a password-reset link lasts one hour). Ask for a new"
                 " one with \"Forgot your password?\" on the sign-in page.";
}

/* The link token names, refused when unknown, used or expired. */
static enum ct_status usable_link(struct store *store, const struct actor *actor, const char *token,
                                  struct account_link *link, struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = store_account_link_find(store, token, link, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "token",
                             "This link is not known. Copy the whole link from the mail, or ask"
                             " for a new one.");
    }
    enum account_link_state state = account_link_state_at(link, actor->now);
    if (state != ACCOUNT_LINK_USABLE) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "token", "%s",
                             account_link_refusal(state, link->purpose));
    }
    return CT_OK;
}

/* Uses link up at now and sets the person's password, ending every session of theirs. */
static enum ct_status set_through_link(struct store *store, const struct account_link *link,
                                       int64_t now, const char *password,
                                       struct action_outcome *outcome)
{
    bool used = false;
    enum ct_status status = store_account_link_use(store, link->id, now, &used, &outcome->err);
    if (status == CT_OK && !used) {
        /* Used by another request between the read and now. */
        return action_refuse(outcome, ACTION_WRONG_STATE, "token",
                             "This link has been used already: each link works once.");
    }
    if (status == CT_OK) {
        status = store_account_password_set(store, link->person_id, link->person_id, password,
                                            link->purpose == ACCOUNT_LINK_INVITATION
                                                ? "password-set-by-invitation"
                                                : "password-reset",
                                            &outcome->err);
    }
    if (status == CT_OK) {
        status = store_account_sessions_end(store, link->person_id, &outcome->err);
    }
    return status;
}

/* The checks of the input that need no record: a token, a password, its confirmation. */
static void check_password_input(const struct link_password_input *input,
                                 struct action_outcome *outcome)
{
    if (input->token == NULL || input->token[0] == '\0') {
        action_fault(outcome, "token", "the link has no token: copy the whole link from the mail");
    }
    /* Its length and how common it is are password_quality's, with the person's address. */
    if (input->password == NULL || input->password[0] == '\0') {
        action_fault(outcome, "password", "is empty: choose one of at least %d characters",
                     PASSWORD_MIN_LENGTH);
    }
    if (input->confirmation != NULL && input->password != NULL &&
        strcmp(input->confirmation, input->password) != 0) {
        action_fault(outcome, "confirmation", "is not the same as the password");
    }
}

enum ct_status action_link_password_set(struct store *store, const struct actor *actor,
                                        const struct link_password_input *input,
                                        struct link_password_result *result,
                                        struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    check_password_input(input, outcome);
    /* Without a token nothing more can be checked; otherwise the password's quality is
     * checked too, so that every fault of the form is named at once. */
    enum ct_status status =
        action_fault_of(outcome, "token") != NULL ? action_checked(outcome) : CT_OK;
    if (status == CT_OK) {
        status = action_begin(store, outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    struct account_link link;
    status = usable_link(store, actor, input->token, &link, outcome);
    struct account_state state;
    bool found = false;
    if (status == CT_OK) {
        status = store_account_state(store, link.person_id, &state, &found, &outcome->err);
    }
    if (status == CT_OK && (!found || state.deactivated)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "token",
                               "This account is deactivated: ask the CE coordinator.");
    }
    struct ct_err quality = {0};
    if (status == CT_OK && action_fault_of(outcome, "password") == NULL) {
        status = password_quality_check(input->password, state.email, "password", &quality);
        if (status == CT_ERR_INPUT) {
            action_fault(outcome, "password", "%s", quality.message);
            status = CT_OK;
        } else if (status != CT_OK) {
            outcome->err = quality;
        }
    }
    if (status == CT_OK) {
        status = action_checked(outcome);
    }
    if (status == CT_OK) {
        status = set_through_link(store, &link, actor->now, input->password, outcome);
    }
    if (status == CT_OK) {
        *result = (struct link_password_result){link.person_id, link.purpose};
    }
    return action_end(store, status, outcome);
}
