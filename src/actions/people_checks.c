#include "people_checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/banned.h"

const char *people_given(const char *value)
{
    return value != NULL && value[0] != '\0' ? value : NULL;
}

bool people_looks_like_email(const char *text)
{
    const char *at = strchr(text, '@');
    return at != NULL && at != text && strchr(at + 1, '.') != NULL && strchr(text, ' ') == NULL &&
           strchr(at + 1, '@') == NULL && at[1] != '.' && text[strlen(text) - 1] != '.';
}

/* Reads one typed role, "NAME" or "NAME YYYY-MM-DD" (changed in place). */
static void read_role(char *item, struct person_role_held *held, size_t *count,
                      struct action_outcome *outcome)
{
    char *day = strpbrk(item, " :");
    if (day != NULL) {
        *day++ = '\0';
        while (*day == ' ') {
            day++;
        }
    }
    unsigned bit = role_bit_of(item);
    struct civil_date began = civil_date_unset();
    if (bit == 0) {
        action_fault(outcome, "roles",
                     "There is no role \"%.40s\": the roles are learner,"
                     " supervisor, library-administrator, ce-coordinator and consultant.",
                     item);
        return;
    }
    if (day != NULL && day[0] != '\0' && !civil_date_parse(day, &began)) {
        action_fault(outcome, "roles", "Enter the day the role %s began as YYYY-MM-DD.", item);
        return;
    }
    if ((people_role_bits(held, *count) & bit) != 0) {
        action_fault(outcome, "roles", "The role %s is given twice.", item);
        return;
    }
    held[(*count)++] = (struct person_role_held){bit, began};
}

static char *trimmed(char *text)
{
    while (isspace((unsigned char)*text)) {
        text++;
    }
    size_t length = strlen(text);
    while (length > 0 && isspace((unsigned char)text[length - 1])) {
        text[--length] = '\0';
    }
    return text;
}

void people_read_roles(const char *text, struct person_role_held *held, size_t *count,
                       struct action_outcome *outcome)
{
    *count = 0;
    char copy[512];
    if (text == NULL || strlen(text) >= sizeof copy) {
        action_fault(outcome, "roles", "Give at most the five roles, each once.");
        return;
    }
    snprintf(copy, sizeof copy, "%s", text);
    size_t faults = outcome->fault_count;
    for (char *item = copy; item != NULL;) {
        char *next = strpbrk(item, ",\n");
        if (next != NULL) {
            *next++ = '\0';
        }
        item = trimmed(item);
        if (item[0] != '\0') {
            read_role(item, held, count, outcome);
        }
        item = next;
    }
    if (*count == 0 && outcome->fault_count == faults) {
        action_fault(outcome, "roles", "Choose at least one role.");
    }
}

unsigned people_role_bits(const struct person_role_held *held, size_t count)
{
    unsigned bits = 0;
    for (size_t i = 0; i < count; i++) {
        bits |= held[i].bit;
    }
    return bits;
}

void people_read_position(const char *text, const char **position, struct action_outcome *outcome)
{
    if (text != NULL && strcmp(text, "staff") == 0) {
        *position = "staff";
    } else if (text != NULL && strcmp(text, "trustee") == 0) {
        *position = "trustee";
    } else if (text == NULL || strcmp(text, "none") == 0 || text[0] == '\0') {
        *position = "";
    } else {
        *position = "";
        action_fault(outcome, "position", "Choose staff, trustee or none as the position.");
    }
}

void people_check_position(const char *position, int64_t library_id, struct action_outcome *outcome)
{
    if (action_fault_of(outcome, "position") != NULL) {
        return;
    }
    if (library_id > 0 && position[0] == '\0') {
        action_fault(outcome, "position",
                     "Choose staff or trustee: a person of a library is one of them.");
    } else if (library_id == 0 && position[0] != '\0') {
        action_fault(outcome, "position",
                     "A person of no library (State Library staff) has no position there.");
    }
}

enum ct_status people_check_library(struct store *store, int64_t library_id, const char *field,
                                    struct library_officers *library,
                                    struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status =
        store_library_officers_get(store, library_id, library, &found, &outcome->err);
    if (status == CT_OK && !found) {
        action_fault(outcome, field, "No library has the id %lld.", (long long)library_id);
    } else if (status == CT_OK && library->closed) {
        action_fault(outcome, field, "%s is closed: choose an open library.", library->name);
    }
    return status;
}

enum ct_status people_may_act(const struct actor *actor, int64_t library_id, const char *doing,
                              struct action_outcome *outcome)
{
    if (actor_has_role(actor, ROLE_CE_COORDINATOR)) {
        return CT_OK;
    }
    if (actor_has_role(actor, ROLE_LIBRARY_ADMINISTRATOR) && library_id > 0 &&
        library_id == actor->library_id) {
        return CT_OK;
    }
    return action_refuse(outcome, ACTION_NOT_ALLOWED, NULL,
                         "Only the CE coordinator, or the administrator of the person's library,"
                         " may %s.",
                         doing);
}

enum ct_status people_find(struct store *store, int64_t person_id, const char *field,
                           struct person_view *person, struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = store_person_get(store, person_id, person, &found, &outcome->err);
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, field, "No person has the id %lld.",
                             (long long)person_id);
    }
    return status;
}

void people_timestamp(int64_t now, char out[32])
{
    time_t when = (time_t)now;
    struct tm utc;
    if (gmtime_r(&when, &utc) == NULL) {
        snprintf(out, 32, "1970-01-01T00:00:00Z");
        return;
    }
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &utc);
}
