#include "store_harvest_completions.h"

#include <inttypes.h>
#include <string.h>

#include "../io/clock.h"
#include "store_activities.h"
#include "store_harvest_proof.h"
#include "store_harvest_sites.h"
#include "../core/banned.h"

struct catalog_event {
    char title[512];
    enum activity_kind kind;
    int64_t credit_halves;
    char category[128];
    bool lms_verifies;
    struct civil_date starts;
};

static enum ct_status catalog_event_read(struct store *store, int64_t event_id,
                                         struct catalog_event *event, struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT title, kind, credit_halves, category,"
                                       " lms_verifies, starts FROM events WHERE id = ?",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(event_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && !has_row) {
        status = ct_err_set(err, CT_ERR_INPUT, "event", "no event has the id %" PRId64, event_id);
    }
    if (status == CT_OK) {
        store_text_copy(event->title, sizeof event->title, db_column_text(stmt, 0));
        const char *kind = db_column_text(stmt, 1);
        if (kind == NULL || !activity_kind_from_name(kind, &event->kind)) {
            status = ct_err_set(err, CT_ERR_INPUT, "event", "event %" PRId64 " has no known kind",
                                event_id);
        }
        event->credit_halves = db_column_int64(stmt, 2);
        store_text_copy(event->category, sizeof event->category, db_column_text(stmt, 3));
        event->lms_verifies = db_column_int64(stmt, 4) != 0;
        event->starts = store_date_value(db_column_text(stmt, 5));
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status provenance_add(struct store *store, int64_t activity_id,
                                     const struct harvest_completion *completion, bool *added,
                                     struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    bool from_file = completion->source == HARVEST_FROM_FILE;
    int64_t id = 0;
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO harvest_provenance (activity_id, kind, import_id, statement_id, raw_hash,"
        " received_at, link_url, link_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (activity_id, kind, raw_hash) DO NOTHING RETURNING id",
        &id, err, DB_INT(activity_id), DB_TEXT(from_file ? "file" : "xapi"),
        from_file ? DB_INT(completion->import_id) : DB_TEXT(NULL),
        DB_TEXT(from_file ? NULL : completion->statement_id), DB_TEXT(completion->raw_hash),
        DB_TEXT(now), DB_TEXT(completion->link != NULL ? completion->link->url : NULL),
        DB_TEXT(completion->link != NULL ? completion->link->name : NULL));
    *added = status == CT_OK && id != 0;
    return status;
}

static enum ct_status check_completion(const struct harvest_completion *completion,
                                       struct ct_err *err)
{
    if (!civil_date_is_set(completion->date)) {
        return ct_err_set(err, CT_ERR_INPUT, "date", "a completion needs its date");
    }
    if (completion->raw_hash == NULL || strlen(completion->raw_hash) != HARVEST_SHA256_SIZE - 1) {
        return ct_err_set(err, CT_ERR_INPUT, "raw_hash", "a SHA-256 in hex is required");
    }
    if (completion->source == HARVEST_FROM_FILE && completion->import_id <= 0) {
        return ct_err_set(err, CT_ERR_INPUT, "import", "a completion from a file names its import");
    }
    if (completion->source == HARVEST_FROM_XAPI &&
        (completion->statement_id == NULL || completion->statement_id[0] == '\0')) {
        return ct_err_set(err, CT_ERR_INPUT, "statement",
                          "a completion from xAPI names its statement");
    }
    return CT_OK;
}

static enum ct_status activity_create(struct store *store, int64_t actor_id,
                                      const struct harvest_completion *completion,
                                      const struct catalog_event *event, const char *site_url,
                                      int64_t *activity_id, struct ct_err *err)
{
    struct activity_new activity = {
        .person_id = completion->person_id,
        .record_key = NULL,
        .kind = event->kind,
        .title = event->title,
        .date = completion->date,
        .credit_halves = event->credit_halves,
        .category = event->category,
        .recorded =
            event->kind == ACTIVITY_KIND_ARCHIVED_WEBINAR ? event->starts : civil_date_unset(),
        .status = event->lms_verifies ? "verified" : "pending",
        .provenance = PROVENANCE_HARVEST,
        .event_id = completion->event_id,
        .source = site_url,
        .source_record_id = completion->record_ref,
        .raw_hash = completion->raw_hash,
    };
    return store_activity_add(store, actor_id, &activity, activity_id, err);
}

/* The catalog event and the site of a completion, checked. */
static enum ct_status completion_context(struct store *store,
                                         const struct harvest_completion *completion,
                                         struct catalog_event *event, struct lms_site *site,
                                         struct ct_err *err)
{
    enum ct_status status = check_completion(completion, err);
    if (status == CT_OK) {
        status = catalog_event_read(store, completion->event_id, event, err);
    }
    bool found = false;
    if (status == CT_OK) {
        status = store_harvest_site_find_by_id(store, completion->site_id, site, &found, err);
    }
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "site", "no site has the id %" PRId64,
                            completion->site_id);
    }
    return status;
}

enum ct_status store_harvest_completion_in_transaction(struct store *store, int64_t actor_id,
                                                       const struct harvest_completion *completion,
                                                       struct harvest_completion_outcome *outcome,
                                                       struct ct_err *err)
{
    memset(outcome, 0, sizeof *outcome);
    struct catalog_event event;
    struct lms_site site;
    enum ct_status status = completion_context(store, completion, &event, &site, err);
    struct harvest_completion whole = *completion;
    struct harvest_link course;
    if (status == CT_OK && completion->link != NULL && completion->link->name[0] != '\0') {
        bool complete = false;
        status = store_harvest_proof_part_record(store, completion, &complete, &whole.date,
                                                 outcome->missing, sizeof outcome->missing, err);
        if (status != CT_OK || !complete) {
            outcome->result = HARVEST_PARTIAL;
            return status;
        }
        store_text_copy(course.url, sizeof course.url, completion->link->url);
        course.name[0] = '\0';
        whole.link = &course;
    }
    int64_t existing = 0;
    if (status == CT_OK) {
        status = store_harvest_proof_holder(store, completion->person_id, completion->event_id,
                                            &existing, err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (existing != 0) {
        outcome->result = HARVEST_DUPLICATE;
        outcome->activity_id = existing;
    } else {
        status =
            activity_create(store, actor_id, &whole, &event, site.url, &outcome->activity_id, err);
        outcome->result = HARVEST_CREATED;
        outcome->verified = event.lms_verifies;
    }
    if (status == CT_OK) {
        status =
            provenance_add(store, outcome->activity_id, &whole, &outcome->provenance_added, err);
    }
    return status;
}

enum ct_status store_harvest_completion(struct store *store, int64_t actor_id,
                                        const struct harvest_completion *completion,
                                        struct harvest_completion_outcome *outcome,
                                        struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        memset(outcome, 0, sizeof *outcome);
        return status;
    }
    status = store_harvest_completion_in_transaction(store, actor_id, completion, outcome, err);
    return store_finish(store, status, err);
}
