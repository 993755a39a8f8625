#include "notice_settings.h"

#include <stdio.h>
#include <string.h>

#include "../mail/mail_kinds.h"
#include "../mail/mail_unsubscribe.h"
#include "../store/store_account_links.h"
#include "../core/banned.h"

/* The kinds of off, one per line, into names (copied into kinds' rows); a fault of
 * "off" for each that may not be turned off. */
static size_t read_off(const char *off, char kinds[NOTICE_KINDS_MAX][NOTICE_KIND_SIZE],
                       struct action_outcome *outcome)
{
    size_t count = 0;
    for (const char *line = off; line != NULL && *line != '\0';) {
        size_t length = strcspn(line, "\r\n");
        char kind[NOTICE_KIND_SIZE];
        snprintf(kind, sizeof kind, "%.*s", (int)(length < sizeof kind ? length : sizeof kind - 1),
                 line);
        const struct mail_kind *known = mail_kind_find(kind);
        if (length == 0) {
            /* a blank line: nothing */
        } else if (known == NULL || length >= sizeof kind) {
            action_fault(outcome, "off", "There is no kind of mail called \"%.64s\".", kind);
        } else if (!mail_kind_may_turn_off(kind)) {
            action_fault(outcome, "off",
                         "%s cannot be turned off: the sign-in and the account need them.",
                         known->label);
        } else if (count < NOTICE_KINDS_MAX) {
            snprintf(kinds[count++], NOTICE_KIND_SIZE, "%s", kind);
        }
        line += length;
        line += strspn(line, "\r\n");
    }
    return count;
}

enum ct_status action_notice_settings_set(struct store *store, const struct actor *actor,
                                          const struct notice_settings_input *input,
                                          struct action_outcome *outcome)
{
    const char *delivery = input->delivery;
    bool daily = delivery != NULL && strcmp(delivery, "daily") == 0;
    if (!daily && (delivery == NULL || strcmp(delivery, "gathered") != 0)) {
        action_fault(outcome, "delivery",
                     "Choose gathered notices or a daily digest (\"gathered\" or \"daily\").");
    }
    char kinds[NOTICE_KINDS_MAX][NOTICE_KIND_SIZE];
    size_t count = read_off(input->off, kinds, outcome);
    enum ct_status status = action_checked(outcome);
    if (status == CT_OK && actor->person_id == 0) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                               "A person chooses their own mail: name them with --as.");
    }
    status = status == CT_OK ? action_begin(store, outcome) : status;
    if (status != CT_OK) {
        return status;
    }
    const char *names[NOTICE_KINDS_MAX];
    for (size_t i = 0; i < count; i++) {
        names[i] = kinds[i];
    }
    status = store_notice_choices_set(store, actor->person_id, actor->person_id, daily, names,
                                      count, actor->now, &outcome->err);
    return action_end(store, status, outcome);
}

/* Refuses an address whose mac is not that of its person and kind. */
static enum ct_status check_address(struct store *store, const struct actor *actor,
                                    const struct notice_unsubscribe_input *input,
                                    struct action_outcome *outcome)
{
    bool valid = false;
    enum ct_status status = mail_unsubscribe_check(store, input->person_id, input->kind, input->mac,
                                                   &valid, &outcome->err);
    if (status == CT_OK && (!valid || actor->person_id != input->person_id)) {
        status = action_refuse(outcome, ACTION_NOT_ALLOWED, "mac",
                               "This unsubscribe address is not valid: use the whole address"
                               " from the mail, or sign in and choose on your settings page.");
    }
    struct account_state state;
    bool found = false;
    if (status == CT_OK) {
        status = store_account_state(store, input->person_id, &state, &found, &outcome->err);
    }
    if (status == CT_OK && !found) {
        status = action_refuse(outcome, ACTION_NOT_FOUND, "person",
                               "The person this address names is no longer in certtrack.");
    }
    return status;
}

enum ct_status action_notice_unsubscribe(struct store *store, const struct actor *actor,
                                         const struct notice_unsubscribe_input *input,
                                         struct notice_unsubscribe_result *result,
                                         struct action_outcome *outcome)
{
    result->changed = false;
    if (input->person_id <= 0) {
        action_fault(outcome, "person", "The address names no person.");
    }
    if (!mail_kind_may_turn_off(input->kind)) {
        action_fault(outcome, "kind", "The address names no kind of mail that can be turned off.");
    }
    enum ct_status status = action_checked(outcome);
    status = status == CT_OK ? action_begin(store, outcome) : status;
    if (status != CT_OK) {
        return status;
    }
    status = check_address(store, actor, input, outcome);
    if (status == CT_OK) {
        status = store_notice_turn_off(store, input->person_id, input->person_id, input->kind,
                                       "unsubscribe", actor->now, &result->changed, &outcome->err);
    }
    return action_end(store, status, outcome);
}
