#include "catalog.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/credit.h"
#include "../core/web_address.h"
#include "../store/store_people.h"
#include "coordinator.h"
#include "../core/banned.h"

/* The field's value, or NULL when it is left out (NULL or ""). */
static const char *given(const char *value)
{
    return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Notes a fault of field unless one is noted already: a form shows one per field. */
static void fault_once(struct action_outcome *outcome, const char *field, const char *message)
{
    if (action_fault_of(outcome, field) == NULL) {
        action_fault(outcome, field, "%s", message);
    }
}

static void check_dates(const struct catalog_event_input *input, struct event_new *event,
                        struct action_outcome *outcome)
{
    const char *starts = given(input->starts);
    const char *ends = given(input->ends);
    if (starts == NULL || !civil_date_parse(starts, &event->starts)) {
        fault_once(outcome, "starts", "Enter the first day as YYYY-MM-DD.");
        return;
    }
    event->ends = event->starts;
    if (ends != NULL && !civil_date_parse(ends, &event->ends)) {
        fault_once(outcome, "ends", "Enter the last day as YYYY-MM-DD, or leave it empty.");
    } else if (civil_date_compare(event->starts, event->ends) > 0) {
        fault_once(outcome, "ends", "The last day cannot be before the first.");
    }
}

static void check_event(const struct program_set *programs, const struct catalog_event_input *input,
                        struct event_new *event, struct action_outcome *outcome)
{
    event->title = given(input->title);
    if (event->title == NULL) {
        fault_once(outcome, "title", "Enter the event's title.");
    }
    const char *kind = given(input->kind);
    if (kind == NULL || !activity_kind_from_name(kind, &event->kind) ||
        !activity_kind_has_credit_value(event->kind)) {
        fault_once(outcome, "kind", "Choose the kind of event.");
    }
    check_dates(input, event, outcome);
    event->sponsor = given(input->sponsor);
    if (event->sponsor == NULL) {
        fault_once(outcome, "sponsor", "Enter who offers the event.");
    }
    const char *credits = given(input->credits);
    char *end = NULL;
    double number = credits != NULL ? strtod(credits, &end) : 0;
    if (credits == NULL || *end != '\0' ||
        credit_halves_from_number(number, &event->credit_halves) != CREDIT_PARSE_OK) {
        fault_once(outcome, "credits", "Enter the credits as a multiple of 0.5, like 1 or 2.5.");
    }
    event->category = given(input->category);
    if (!program_set_knows_category(programs, event->category)) {
        fault_once(outcome, "category", "Choose the category the credits count in.");
    }
}

/* An optional date: unset when left out, a fault of field when not a date. */
static struct civil_date optional_date(const char *text, const char *field,
                                       struct action_outcome *outcome)
{
    struct civil_date date = civil_date_unset();
    if (given(text) != NULL && !civil_date_parse(text, &date)) {
        fault_once(outcome, field, "Enter the day as YYYY-MM-DD, or leave it empty.");
    }
    return date;
}

/* The event's place, link, capacity, window and host (the host looked up in store). */
static enum ct_status check_details(struct store *store, const struct catalog_event_input *input,
                                    struct event_details *details, struct action_outcome *outcome)
{
    details->place = given(input->place);
    details->online_url = given(input->online_url);
    if (details->online_url != NULL && !web_address_is_valid(details->online_url, 2000, "")) {
        fault_once(outcome, "online_url", "Enter the online link as https://...");
    }
    const char *capacity = given(input->capacity);
    char *end = NULL;
    long long seats = capacity != NULL ? strtoll(capacity, &end, 10) : 0;
    if (capacity != NULL && (*end != '\0' || seats <= 0 || seats > 100000)) {
        fault_once(outcome, "capacity",
                   "Enter how many may register as a whole number, or"
                   " leave it empty for no limit.");
    }
    details->capacity = capacity != NULL ? seats : 0;
    details->registration_opens = optional_date(input->opens, "opens", outcome);
    details->registration_closes = optional_date(input->closes, "closes", outcome);
    if (given(input->host) == NULL) {
        return CT_OK;
    }
    struct ct_err err = {0};
    enum ct_status status = store_person_find(store, input->host, &details->host_id, &err);
    if (status == CT_ERR_INPUT) {
        fault_once(outcome, "host", "No one has this e-mail address: name the host by theirs.");
        return CT_OK;
    }
    if (status != CT_OK) {
        outcome->err = err;
    }
    return status;
}

enum ct_status catalog_event_check(struct store *store, const struct catalog_event_input *input,
                                   struct event_new *event, struct event_details *details,
                                   struct action_outcome *outcome)
{
    check_event(store->programs, input, event, outcome);
    return check_details(store, input, details, outcome);
}

/* The typed course URLs and activity names, paired line by line. */
struct typed_links {
    char *urls_text; /* owned copies, split into lines */
    char *names_text;
    char *urls[CATALOG_LINES_MAX];
    char *names[CATALOG_LINES_MAX];
    size_t url_count;
    size_t name_count;
    struct event_link links[CATALOG_LINES_MAX];
    size_t link_count;
};

static void typed_links_release(struct typed_links *typed)
{
    free(typed->urls_text);
    free(typed->names_text);
}

/* Splits text (changed in place) into lines without their spaces at either end; *count
 * gets the number of lines up to the last one with text. False when there are more
 * than max. */
static bool split_lines(char *text, char **lines, size_t max, size_t *count)
{
    *count = 0;
    size_t used = 0;
    for (char *line = text; line != NULL;) {
        char *next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }
        size_t length = strlen(line);
        while (length > 0 && isspace((unsigned char)line[length - 1])) {
            line[--length] = '\0';
        }
        while (isspace((unsigned char)*line)) {
            line++;
        }
        if (used == max && line[0] != '\0') {
            return false;
        }
        if (used < max) {
            lines[used++] = line;
            *count = line[0] != '\0' ? used : *count;
        }
        line = next;
    }
    return true;
}

static void pair_lines(struct typed_links *typed, struct action_outcome *outcome)
{
    for (size_t i = 0; i < typed->url_count || i < typed->name_count; i++) {
        const char *url = i < typed->url_count ? typed->urls[i] : "";
        const char *name = i < typed->name_count ? typed->names[i] : "";
        if (url[0] == '\0' && name[0] != '\0') {
            fault_once(outcome, "activity_names",
                       "Each activity name goes on the line of its course URL: one has no URL.");
        }
        if (url[0] != '\0') {
            typed->links[typed->link_count++] = (struct event_link){url, name};
        }
    }
}

static enum ct_status read_links(const struct catalog_event_input *input, struct typed_links *typed,
                                 struct action_outcome *outcome)
{
    const char *urls = given(input->urls);
    const char *names = given(input->activity_names);
    typed->urls_text = strdup(urls != NULL ? urls : "");
    typed->names_text = strdup(names != NULL ? names : "");
    if (typed->urls_text == NULL || typed->names_text == NULL) {
        return ct_err_nomem(&outcome->err);
    }
    if (!split_lines(typed->urls_text, typed->urls, CATALOG_LINES_MAX, &typed->url_count)) {
        fault_once(outcome, "urls", "Give at most 32 course URLs.");
    }
    if (!split_lines(typed->names_text, typed->names, CATALOG_LINES_MAX, &typed->name_count)) {
        fault_once(outcome, "activity_names", "Give at most 32 activity names.");
    }
    pair_lines(typed, outcome);
    return CT_OK;
}

const char *catalog_event_field(const char *where)
{
    static const struct {
        const char *where;
        const char *field;
    } fields[] = {{"title", "title"},
                  {"sponsor", "sponsor"},
                  {"credits", "credits"},
                  {"category", "category"},
                  {"ends", "ends"},
                  {"url", "urls"},
                  {"lms_verifies", "lms_verifies"},
                  {"online_url", "online_url"},
                  {"capacity", "capacity"},
                  {"opens", "opens"},
                  {"closes", "closes"},
                  {"host", "host"}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i].where, where) == 0) {
            return fields[i].field;
        }
    }
    return "title";
}

/* A refusal of the store as a fault of its field, a sentence; outcome->err keeps the
 * store's words. */
static enum ct_status store_refusal(struct action_outcome *outcome, enum ct_status status)
{
    if (status != CT_ERR_INPUT) {
        return status;
    }
    char sentence[sizeof outcome->err.message];
    memcpy(sentence, outcome->err.message, sizeof sentence);
    sentence[0] = (char)toupper((unsigned char)sentence[0]);
    action_fault(outcome, catalog_event_field(outcome->err.where), "%s", sentence);
    return CT_ERR_INPUT;
}

/* Adds the checked event in the action's transaction. */
static enum ct_status add(struct store *store, const struct actor *actor,
                          const struct catalog_event_new *event,
                          struct catalog_event_result *result, struct action_outcome *outcome)
{
    enum ct_status status = action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    status = store_catalog_event_add(store, actor->person_id, event, &result->id, &outcome->err);
    return action_end(store, store_refusal(outcome, status), outcome);
}

enum ct_status action_catalog_event_add(struct store *store, const struct actor *actor,
                                        const struct catalog_event_input *input,
                                        struct catalog_event_result *result,
                                        struct action_outcome *outcome)
{
    result->id = 0;
    struct catalog_event_new event = {.lms_verifies = input->lms_verifies};
    check_event(store->programs, input, &event.event, outcome);
    struct typed_links typed = {0};
    enum ct_status status = check_details(store, input, &event.details, outcome);
    if (input->link_count > 0) {
        event.links = input->links;
        event.link_count = input->link_count;
    } else if (status == CT_OK) {
        status = read_links(input, &typed, outcome);
        event.links = typed.links;
        event.link_count = typed.link_count;
    }
    if (status == CT_OK && input->lms_verifies && event.link_count == 0) {
        fault_once(outcome, "lms_verifies",
                   "Give the event's LMS course URL: only a course in the LMS can prove a"
                   " completion.");
    }
    if (status == CT_OK) {
        status = action_checked(outcome);
    }
    if (status == CT_OK) {
        status = coordinator_only(actor, "adds an event to the catalog", outcome);
    }
    if (status == CT_OK) {
        status = add(store, actor, &event, result, outcome);
    }
    typed_links_release(&typed);
    return status;
}
