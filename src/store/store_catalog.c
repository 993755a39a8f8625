#include "store_catalog.h"

#include <stdlib.h>
#include <string.h>

#include "store_activities.h"
#include "store_harvest_waiting.h"
#include "../core/web_address.h"
#include "../core/banned.h"

/* Why the event's place, capacity and registration window cannot be, naming the field;
 * CT_OK when they can. */
static enum ct_status check_registration(const struct event_new *event,
                                         const struct event_details *details, struct ct_err *err)
{
    if (details->online_url != NULL && !web_address_is_valid(details->online_url, 2000, "")) {
        return ct_err_set(err, CT_ERR_INPUT, "online_url",
                          "not a web address starting with https:// or http://");
    }
    if (details->capacity < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "capacity", "must be a positive number or none");
    }
    struct civil_date opens = details->registration_opens, closes = details->registration_closes;
    if (civil_date_is_set(closes) && civil_date_compare(closes, event->starts) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "closes",
                          "registration closes on or before the event's first day");
    }
    if (civil_date_is_set(opens) && civil_date_compare(opens, event->starts) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "opens",
                          "registration opens on or before the event's first day");
    }
    if (civil_date_is_set(opens) && civil_date_is_set(closes) &&
        civil_date_compare(opens, closes) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "closes",
                          "registration closes on or after the day it opens");
    }
    return CT_OK;
}

/* Refuses a host who is not an active person ("host"). */
static enum ct_status check_host(struct store *store, int64_t host_id, struct ct_err *err)
{
    if (host_id == 0) {
        return CT_OK;
    }
    int64_t found = 0;
    enum ct_status status =
        STORE_EXEC(store,
                   "SELECT COUNT(*) FROM people WHERE id = ? AND deactivated_at IS NULL"
                   " AND merged_into IS NULL",
                   &found, err, DB_INT(host_id));
    if (status == CT_OK && found == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "host", "no active person has the id %lld",
                            (long long)host_id);
    }
    return status;
}

/* An optional date's text, or NULL. */
static struct db_param optional_date(struct civil_date date, char text[CIVIL_DATE_TEXT_SIZE])
{
    return DB_TEXT(civil_date_is_set(date) ? store_date_text(date, text) : NULL);
}

/* Why an event cannot be created, naming the field; CT_OK when it can. */
static enum ct_status check_event(const struct program_set *programs, const struct event_new *event,
                                  struct ct_err *err)
{
    if (event->title == NULL || event->title[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "title", "an event needs a title");
    }
    if (event->sponsor == NULL || event->sponsor[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "sponsor", "an event needs a sponsor");
    }
    if (event->credit_halves <= 0) {
        return ct_err_set(err, CT_ERR_INPUT, "credits", "must be a positive multiple of 0.5");
    }
    if (!program_set_knows_category(programs, event->category)) {
        return ct_err_set(err, CT_ERR_INPUT, "category", "not a category of any program: %.100s",
                          event->category != NULL ? event->category : "(none)");
    }
    if (!civil_date_is_set(event->starts) || !civil_date_is_set(event->ends) ||
        civil_date_compare(event->starts, event->ends) > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "ends", "an event ends on or after its first day");
    }
    return CT_OK;
}

enum ct_status store_catalog_event_check(struct store *store, const struct event_new *event,
                                         const struct event_details *details, struct ct_err *err)
{
    enum ct_status status = check_event(store->programs, event, err);
    if (status == CT_OK) {
        status = check_registration(event, details, err);
    }
    return status == CT_OK ? check_host(store, details->host_id, err) : status;
}

/* Inserts a checked event and its audit entry; inside the caller's transaction. */
static enum ct_status event_insert(struct store *store, int64_t actor_id,
                                   const struct event_new *event, bool lms_verifies,
                                   const struct event_details *details, int64_t *id,
                                   struct ct_err *err)
{
    char starts[CIVIL_DATE_TEXT_SIZE], ends[CIVIL_DATE_TEXT_SIZE];
    char opens[CIVIL_DATE_TEXT_SIZE], closes[CIVIL_DATE_TEXT_SIZE];
    enum ct_status status = check_host(store, details->host_id, err);
    if (status != CT_OK) {
        return status;
    }
    status = STORE_EXEC(
        store,
        "INSERT INTO events (title, starts, ends, sponsor, kind, credit_halves,"
        " category, approved_by, lms_verifies, place, online_url, capacity,"
        " registration_opens, registration_closes, host_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        id, err, DB_TEXT(event->title), DB_TEXT(store_date_text(event->starts, starts)),
        DB_TEXT(store_date_text(event->ends, ends)), DB_TEXT(event->sponsor),
        DB_TEXT(activity_kind_name(event->kind)), DB_INT(event->credit_halves),
        DB_TEXT(event->category), actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL),
        DB_INT(lms_verifies ? 1 : 0), DB_TEXT(details->place), DB_TEXT(details->online_url),
        details->capacity > 0 ? DB_INT(details->capacity) : DB_TEXT(NULL),
        optional_date(details->registration_opens, opens),
        optional_date(details->registration_closes, closes),
        details->host_id > 0 ? DB_INT(details->host_id) : DB_TEXT(NULL));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT, *id, "create", NULL, err);
    }
    return status;
}

enum ct_status store_event_create(struct store *store, int64_t actor_id,
                                  const struct event_new *event, int64_t *id, struct ct_err *err)
{
    enum ct_status status = check_event(store->programs, event, err);
    if (status != CT_OK) {
        return status;
    }
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    /* No window: unset dates (a zeroed civil_date is 1970-01-01, a day). */
    static const struct event_details none = {
        .registration_opens = {CIVIL_DATE_UNSET_DAYS},
        .registration_closes = {CIVIL_DATE_UNSET_DAYS},
    };
    status = event_insert(store, actor_id, event, false, &none, id, err);
    return store_finish(store, status, err);
}

enum ct_status store_event_link_before(struct store *store, int64_t event_id, const char *url,
                                       char **before, struct ct_err *err)
{
    *before = NULL;
    if (url == NULL || !web_address_is_valid(url, 2000, "")) {
        return ct_err_set(err, CT_ERR_INPUT, "url",
                          "not a web address starting with https:// or http://: %.200s",
                          url != NULL ? url : "");
    }
    enum ct_status status = store_row_json(store, ENTITY_EVENT, event_id, before, err);
    if (status == CT_OK && *before == NULL) {
        status =
            ct_err_set(err, CT_ERR_INPUT, "event", "no event has the id %lld", (long long)event_id);
    }
    return status;
}

/* Maps a link to an existing event, with its audit entry; inside the caller's
 * transaction. */
static enum ct_status link_insert(struct store *store, int64_t actor_id, int64_t event_id,
                                  const char *url, const char *activity_name, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_event_link_before(store, event_id, url, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO event_lms_links (event_id, url, activity_name)"
                            " VALUES (?, ?, ?)",
                            NULL, err, DB_INT(event_id), DB_TEXT(url),
                            DB_TEXT(activity_name != NULL ? activity_name : ""));
        if (status == CT_ERR_INPUT) {
            status =
                ct_err_set(err, CT_ERR_INPUT, "url", "already mapped to an event: %.200s%s%.200s",
                           url, activity_name != NULL && activity_name[0] != '\0' ? " " : "",
                           activity_name != NULL ? activity_name : "");
        }
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_EVENT, event_id, "link-lms", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_event_link_add(struct store *store, int64_t actor_id, int64_t event_id,
                                    const char *url, const char *activity_name, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = link_insert(store, actor_id, event_id, url, activity_name, err);
    int64_t applied = 0;
    if (status == CT_OK) {
        status = store_harvest_apply_waiting_event(store, actor_id, event_id, &applied, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_catalog_event_add(struct store *store, int64_t actor_id,
                                       const struct catalog_event_new *event, int64_t *id,
                                       struct ct_err *err)
{
    enum ct_status status = check_event(store->programs, &event->event, err);
    if (status == CT_OK) {
        status = check_registration(&event->event, &event->details, err);
    }
    if (status == CT_OK && event->lms_verifies && event->link_count == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, "lms_verifies",
                            "only an event with an LMS course can be verified by the LMS");
    }
    if (status != CT_OK) {
        return status;
    }
    status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status =
        event_insert(store, actor_id, &event->event, event->lms_verifies, &event->details, id, err);
    for (size_t i = 0; i < event->link_count && status == CT_OK; i++) {
        status = link_insert(store, actor_id, *id, event->links[i].url,
                             event->links[i].activity_name, err);
    }
    int64_t applied = 0;
    if (status == CT_OK && event->link_count > 0) {
        status = store_harvest_apply_waiting_event(store, actor_id, *id, &applied, err);
    }
    return store_finish(store, status, err);
}
