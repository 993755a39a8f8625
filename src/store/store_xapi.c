#include "store_xapi.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/tzif.h"
#include "../io/clock.h"
#include "../io/time_zone.h"
#include "store_harvest_completions.h"
#include "store_harvest_mappings.h"
#include "store_harvest_sites.h"
#include "store_harvest_proof.h"
#include "../core/lms_name.h"
#include "../core/banned.h"

/* The site a statement came from, with its time zone loaded. */
struct site_context {
    int64_t id;
    char url[LMS_URL_SIZE];
    struct tzif_zone *zone;
};

static enum ct_status site_context_load(struct store *store, int64_t site_id,
                                        struct site_context *site, struct ct_err *err)
{
    struct lms_site found_site;
    bool found = false;
    enum ct_status status = store_harvest_site_find_by_id(store, site_id, &found_site, &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "site", "no site has the id %" PRId64, site_id);
    }
    if (status == CT_OK) {
        status = time_zone_load(found_site.time_zone, &site->zone, err);
    }
    if (status == CT_OK) {
        site->id = site_id;
        snprintf(site->url, sizeof site->url, "%s", found_site.url);
    }
    return status;
}

static void site_context_release(struct site_context *site)
{
    tzif_free(site->zone);
    memset(site, 0, sizeof *site);
}

/* What a statement did, before it is written down. */
struct interpretation {
    const char *state;
    char reason[XAPI_REASON_SIZE];
    bool created;
    int64_t person_id;
    int64_t event_id;
    int64_t activity_id;
    struct harvest_link link; /* the mapping the event was found through */
};

static const char *meaning_name(enum xapi_record_meaning meaning)
{
    switch (meaning) {
    case XAPI_RECORD_COMPLETED:
        return "completed";
    case XAPI_RECORD_UNCOMPLETED:
        return "uncompleted";
    default:
        return "other";
    }
}

static enum xapi_record_meaning meaning_from_name(const char *name)
{
    if (name != NULL && strcmp(name, "completed") == 0) {
        return XAPI_RECORD_COMPLETED;
    }
    if (name != NULL && strcmp(name, "uncompleted") == 0) {
        return XAPI_RECORD_UNCOMPLETED;
    }
    return XAPI_RECORD_OTHER;
}

/* True when the account's homePage is the site's address (trailing '/'s aside). */
static bool is_site_home(const char *home, const char *site_url)
{
    size_t length = strlen(home);
    while (length > 0 && home[length - 1] == '/') {
        length--;
    }
    return length == strlen(site_url) && strncmp(home, site_url, length) == 0;
}

/* A module mapped by its name within its course: event_lms_links (course url, a name
 * with the same key, lms_name.h). */
static enum ct_status event_by_module_name(struct store *store, const char *course_url,
                                           const char *name, enum harvest_mapping *mapping,
                                           int64_t *event_id, struct harvest_link *link,
                                           struct ct_err *err)
{
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT event_id, activity_name FROM event_lms_links"
                                       " WHERE url = ? AND activity_name <> '' ORDER BY event_id",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(course_url)), 1, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *mapped = db_column_text(stmt, 1);
        if (mapped == NULL || !lms_name_matches(mapped, name)) {
            continue;
        }
        int64_t id = db_column_int64(stmt, 0);
        if (*mapping == HARVEST_UNMAPPED) {
            *mapping = HARVEST_MAPPED;
            *event_id = id;
            snprintf(link->url, sizeof link->url, "%s", course_url);
            snprintf(link->name, sizeof link->name, "%s", mapped);
        } else if (id != *event_id) {
            *mapping = HARVEST_AMBIGUOUS;
        }
    }
    db_finalize(stmt);
    return status;
}

/* The catalog event of the statement's activity: its address mapped as a whole course,
 * else its name mapped within the course of its context; *link says through which. */
static enum ct_status event_of(struct store *store, const struct xapi_record *record,
                               enum harvest_mapping *mapping, int64_t *event_id,
                               struct harvest_link *link, struct ct_err *err)
{
    *mapping = HARVEST_UNMAPPED;
    *event_id = 0;
    snprintf(link->url, sizeof link->url, "%s", record->object_id);
    link->name[0] = '\0';
    enum ct_status status =
        store_harvest_event_by_course_url(store, record->object_id, mapping, event_id, err);
    if (status != CT_OK || *mapping != HARVEST_UNMAPPED || record->course_id == NULL ||
        record->object_name == NULL) {
        return status;
    }
    return event_by_module_name(store, record->course_id, record->object_name, mapping, event_id,
                                link, err);
}

static void set_reason(struct interpretation *out, const char *state, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void set_reason(struct interpretation *out, const char *state, const char *format, ...)
{
    out->state = state;
    va_list args;
    va_start(args, format);
    vsnprintf(out->reason, sizeof out->reason, format, args);
    va_end(args);
}

/* A completion or an uncompletion of an activity: what may change credit. */
static bool record_may_credit(const struct xapi_record *record)
{
    return (record->meaning == XAPI_RECORD_COMPLETED ||
            record->meaning == XAPI_RECORD_UNCOMPLETED) &&
           record->object_id != NULL;
}

/* Why a statement that is no completion nor uncompletion is ignored. */
static void explain_other(const struct xapi_record *record, struct interpretation *out)
{
    if (record->object_id == NULL) {
        set_reason(out, "ignored", "its object is not an activity");
    } else if (record->meaning == XAPI_RECORD_FAILED) {
        set_reason(out, "ignored",
                   "completed without passing: result.success is false (no credit)");
    } else if (record->meaning == XAPI_RECORD_NOT_A_COMPLETION) {
        set_reason(out, "ignored",
                   "not a course or activity completion (%.200s): only those credit",
                   record->moodle_event != NULL ? record->moodle_event
                                                : "a lesson session or an attempt ended");
    } else if (record->completion == 0) {
        set_reason(out, "ignored", "result.completion is false");
    } else {
        set_reason(out, "ignored", "the verb %.300s does not change credit", record->verb_id);
    }
}

/* Whom and what the statement is about; a reason (waiting or ignored) when it cannot
 * be applied yet or at all. */
static enum ct_status find_learner_and_event(struct store *store, const struct site_context *site,
                                             const struct xapi_record *record,
                                             struct interpretation *out, struct ct_err *err)
{
    if (record->account_name == NULL || record->account_home == NULL) {
        set_reason(out, "ignored", "the actor has no account (homePage and name)");
        return CT_OK;
    }
    if (!is_site_home(record->account_home, site->url)) {
        set_reason(out, "ignored", "the actor's account is of %.200s, not of this site (%.200s)",
                   record->account_home, site->url);
        return CT_OK;
    }
    enum harvest_mapping mapping = HARVEST_UNMAPPED;
    enum ct_status status = event_of(store, record, &mapping, &out->event_id, &out->link, err);
    if (status != CT_OK) {
        return status;
    }
    if (mapping == HARVEST_UNMAPPED && !record->course_or_module) {
        set_reason(out, "ignored", "%.300s is neither a course nor a course module",
                   record->object_id);
        return CT_OK;
    }
    bool linked = false;
    status = store_harvest_account_find(store, site->id, record->account_name, &out->person_id,
                                        &linked, err);
    if (status != CT_OK || (linked && mapping == HARVEST_MAPPED)) {
        return status;
    }
    char account[256] = "", course[400] = "";
    if (!linked) {
        snprintf(account, sizeof account, "account \"%.100s\" of %.100s is not linked to a person",
                 record->account_name, site->url);
    }
    if (mapping != HARVEST_MAPPED) {
        snprintf(course, sizeof course, "%.300s is %s", record->object_id,
                 mapping == HARVEST_AMBIGUOUS ? "mapped to several catalog events"
                                              : "not mapped to a catalog event");
    }
    set_reason(out, "waiting", "%s%s%s", account,
               account[0] != '\0' && course[0] != '\0' ? "; " : "", course);
    return CT_OK;
}

static enum ct_status credit_completion(struct store *store, const struct site_context *site,
                                        const struct xapi_record *record, struct civil_date date,
                                        struct interpretation *out, struct ct_err *err)
{
    struct harvest_completion completion = {
        .site_id = site->id,
        .person_id = out->person_id,
        .event_id = out->event_id,
        .date = date,
        .source = HARVEST_FROM_XAPI,
        .statement_id = record->id,
        .record_ref = record->id,
        .raw_hash = record->content_hash,
        .link = &out->link,
    };
    struct harvest_completion_outcome outcome;
    enum ct_status status =
        store_harvest_completion_in_transaction(store, 0, &completion, &outcome, err);
    if (status != CT_OK) {
        return status;
    }
    out->activity_id = outcome.activity_id;
    out->created = outcome.result == HARVEST_CREATED;
    if (outcome.result == HARVEST_PARTIAL) {
        set_reason(out, "partial", "part \"%.200s\" of the course recorded; still missing: %.400s",
                   out->link.name, outcome.missing);
    } else if (out->created) {
        set_reason(out, "credited", "activity %" PRId64 " created (%s)", outcome.activity_id,
                   outcome.verified ? "verified: the LMS is proof enough" : "pending verification");
    } else {
        set_reason(out, "credited", "already recorded as activity %" PRId64, outcome.activity_id);
    }
    return CT_OK;
}

static enum ct_status withdraw_completion(struct store *store, const struct xapi_record *record,
                                          struct civil_date date, struct interpretation *out,
                                          struct ct_err *err)
{
    char reason[256];
    snprintf(reason, sizeof reason, "uncompleted in the LMS at %s (xAPI statement %s)",
             record->occurred_at, record->id);
    struct harvest_withdrawal withdrawal = {out->person_id, out->event_id, &out->link, date,
                                            reason};
    struct harvest_withdrawal_outcome outcome;
    enum ct_status status = store_harvest_proof_withdraw(store, 0, &withdrawal, &outcome, err);
    if (status != CT_OK) {
        return status;
    }
    out->activity_id = outcome.activity_id;
    if (outcome.result == HARVEST_WITHDREW_CREDIT) {
        set_reason(out, "withdrawn", "activity %" PRId64 " withdrawn: %s", outcome.activity_id,
                   reason);
    } else if (outcome.result == HARVEST_WITHDREW_PROOF) {
        set_reason(out, "ignored", "this mapping's proof of activity %" PRId64 " withdrawn; %s",
                   outcome.activity_id, outcome.note);
    } else {
        out->activity_id = 0;
        set_reason(out, "ignored", "%s", outcome.note);
    }
    return CT_OK;
}

static enum ct_status interpret_in_savepoint(struct store *store, const struct site_context *site,
                                             const struct xapi_record *record,
                                             struct interpretation *out, struct ct_err *err)
{
    if (!record_may_credit(record)) {
        explain_other(record, out);
        return CT_OK;
    }
    enum ct_status status = find_learner_and_event(store, site, record, out, err);
    if (status != CT_OK || out->state != NULL) {
        return status;
    }
    struct civil_date date = tzif_civil_date(site->zone, record->occurred_unix);
    if (record->meaning == XAPI_RECORD_COMPLETED) {
        return credit_completion(store, site, record, date, out, err);
    }
    return withdraw_completion(store, record, date, out, err);
}

/* Decides what the statement does, and does it, in a nested transaction: a refusal of
 * the record (e.g. the event's category no longer known) leaves the statement ignored
 * with that reason and nothing else changed. */
static enum ct_status interpret(struct store *store, const struct site_context *site,
                                const struct xapi_record *record, struct interpretation *out,
                                struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    if (!record_may_credit(record)) {
        explain_other(record, out); /* no change to the record: no savepoint */
        return CT_OK;
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    struct ct_err refusal = {0};
    status = interpret_in_savepoint(store, site, record, out, &refusal);
    if (status == CT_OK) {
        return db_commit(store->db, err);
    }
    db_rollback(store->db);
    if (status != CT_ERR_INPUT) {
        *err = refusal;
        return status;
    }
    char line[XAPI_REASON_SIZE];
    ct_err_format(&refusal, line, sizeof line);
    memset(out, 0, sizeof *out);
    set_reason(out, "ignored", "refused: %s", line);
    return CT_OK;
}

/* The two statements every received statement runs, prepared once a request. */
struct prepared {
    struct db_stmt *find;
    struct db_stmt *insert;
};

static enum ct_status prepared_open(struct store *store, struct prepared *prepared,
                                    struct ct_err *err)
{
    enum ct_status status = db_prepare(
        store->db, "SELECT content_hash FROM xapi_statements WHERE site_id = ? AND id = ?",
        &prepared->find, err);
    if (status == CT_OK) {
        status = db_prepare(
            store->db,
            "INSERT INTO xapi_statements (id, site_id, raw_json, content_hash, version,"
            " received_at, verb, meaning, completion, course_or_module, account_home,"
            " account_name, object_id, object_name, course_id, occurred_at, occurred_unix, state,"
            " reason, created, person_id, event_id, activity_id, state_changed_at) VALUES (?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &prepared->insert, err);
    }
    return status;
}

static void prepared_close(struct prepared *prepared)
{
    db_finalize(prepared->find);
    db_finalize(prepared->insert);
    memset(prepared, 0, sizeof *prepared);
}

/* Runs a prepared statement that returns no row, to its end. */
static enum ct_status run_prepared(struct db_stmt *stmt, const struct db_param *params,
                                   size_t count, struct ct_err *err)
{
    db_reset(stmt);
    enum ct_status status = db_bind_all(stmt, params, count, err);
    bool has_row = true;
    while (status == CT_OK && has_row) {
        status = db_step(stmt, &has_row, err);
    }
    db_reset(stmt);
    return status;
}

static enum ct_status insert_statement(const struct prepared *prepared, int64_t site_id,
                                       const char *version, const struct xapi_record *record,
                                       const struct interpretation *out, struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    struct db_param nullable_id[3];
    const int64_t ids[3] = {out->person_id, out->event_id, out->activity_id};
    for (size_t i = 0; i < 3; i++) {
        nullable_id[i] = ids[i] > 0 ? DB_INT(ids[i]) : DB_TEXT(NULL);
    }
    const struct db_param params[] = {
        DB_TEXT(record->id),
        DB_INT(site_id),
        DB_TEXT(record->raw_json),
        DB_TEXT(record->content_hash),
        DB_TEXT(version),
        DB_TEXT(now),
        DB_TEXT(record->verb_id),
        DB_TEXT(meaning_name(record->meaning)),
        record->completion < 0 ? DB_TEXT(NULL) : DB_INT(record->completion),
        DB_INT(record->course_or_module ? 1 : 0),
        DB_TEXT(record->account_home),
        DB_TEXT(record->account_name),
        DB_TEXT(record->object_id),
        DB_TEXT(record->object_name),
        DB_TEXT(record->course_id),
        DB_TEXT(record->occurred_at),
        DB_INT(record->occurred_unix),
        DB_TEXT(out->state),
        DB_TEXT(out->reason),
        DB_INT(out->created ? 1 : 0),
        nullable_id[0],
        nullable_id[1],
        nullable_id[2],
        DB_TEXT(now),
    };
    return run_prepared(prepared->insert, params, sizeof params / sizeof params[0], err);
}

/* Whether the site has stored the id already: *same tells whether with the same content.
 * Ids are the site's own: another site's statement of the same id is never looked at. */
static enum ct_status find_stored(const struct prepared *prepared, int64_t site_id, const char *id,
                                  const char *hash, bool *stored, bool *same, struct ct_err *err)
{
    *stored = false;
    *same = false;
    db_reset(prepared->find);
    enum ct_status status =
        db_bind_all(prepared->find, STORE_PARAMS(DB_INT(site_id), DB_TEXT(id)), 2, err);
    if (status == CT_OK) {
        status = db_step(prepared->find, stored, err);
    }
    if (status == CT_OK && *stored) {
        const char *stored_hash = db_column_text(prepared->find, 0);
        *same = stored_hash != NULL && strcmp(stored_hash, hash) == 0;
    }
    db_reset(prepared->find);
    return status;
}

static enum ct_status add_all(struct store *store, const struct site_context *site,
                              const char *version, const struct xapi_record *records, size_t count,
                              enum xapi_added *added, bool *conflict, struct ct_err *err)
{
    struct prepared prepared = {0};
    enum ct_status status = prepared_open(store, &prepared, err);
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        bool stored = false, same = false;
        status = find_stored(&prepared, site->id, records[i].id, records[i].content_hash, &stored,
                             &same, err);
        if (status == CT_OK && stored && !same) {
            char where[64];
            snprintf(where, sizeof where, "statements[%zu].id", i);
            *conflict = true;
            status =
                ct_err_set(err, CT_ERR_INPUT, where,
                           "statement %s was received before with other content", records[i].id);
            break;
        }
        if (added != NULL) {
            added[i] = stored ? XAPI_ADDED_SAME : XAPI_ADDED_NEW;
        }
        if (status != CT_OK || stored) {
            continue;
        }
        struct interpretation out;
        status = interpret(store, site, &records[i], &out, err);
        if (status == CT_OK) {
            status = insert_statement(&prepared, site->id, version, &records[i], &out, err);
        }
    }
    prepared_close(&prepared);
    return status;
}

enum ct_status store_xapi_statements_add(struct store *store, int64_t site_id, const char *version,
                                         const struct xapi_record *records, size_t count,
                                         enum xapi_added *added, bool *conflict, struct ct_err *err)
{
    *conflict = false;
    struct site_context site = {0};
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = site_context_load(store, site_id, &site, err);
    if (status == CT_OK) {
        status = add_all(store, &site, version, records, count, added, conflict, err);
    }
    site_context_release(&site);
    return store_finish(store, status, err);
}

/* ---- statements waiting ---- */

enum { WAITING_TEXT_COLUMNS = 9 };

/* A waiting statement read back from its row; the texts are owned. */
struct waiting_statement {
    int64_t seq;
    int64_t site_id;
    struct xapi_record record;
    char *texts[WAITING_TEXT_COLUMNS];
};

static void waiting_release(struct waiting_statement *statement)
{
    for (size_t i = 0; i < WAITING_TEXT_COLUMNS; i++) {
        free(statement->texts[i]);
    }
}

/* The columns read, in order: seq, site_id, meaning, completion, course_or_module,
 * occurred_unix, then the texts. */
#define WAITING_COLUMNS                                                                            \
    "seq, site_id, meaning, completion, course_or_module, occurred_unix, id, content_hash,"        \
    " verb, account_home, account_name, object_id, object_name, course_id, occurred_at"

static enum ct_status waiting_read(struct db_stmt *stmt, struct waiting_statement *out,
                                   struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    out->seq = db_column_int64(stmt, 0);
    out->site_id = db_column_int64(stmt, 1);
    out->record.meaning = meaning_from_name(db_column_text(stmt, 2));
    out->record.completion = db_column_is_null(stmt, 3) ? -1 : (int)db_column_int64(stmt, 3);
    out->record.course_or_module = db_column_int64(stmt, 4) != 0;
    out->record.occurred_unix = db_column_int64(stmt, 5);
    const char **fields[WAITING_TEXT_COLUMNS] = {
        &out->record.id,           &out->record.content_hash, &out->record.verb_id,
        &out->record.account_home, &out->record.account_name, &out->record.object_id,
        &out->record.object_name,  &out->record.course_id,    &out->record.occurred_at,
    };
    for (size_t i = 0; i < WAITING_TEXT_COLUMNS; i++) {
        const char *text = db_column_text(stmt, (int)(6 + i));
        if (text != NULL) {
            out->texts[i] = strdup(text);
            if (out->texts[i] == NULL) {
                return ct_err_nomem(err);
            }
        }
        *fields[i] = out->texts[i];
    }
    return CT_OK;
}

/* Reads the waiting statements the filter selects, in order of arrival. */
static enum ct_status waiting_select(struct store *store, const struct xapi_waiting_filter *filter,
                                     struct waiting_statement **out, size_t *count,
                                     struct ct_err *err)
{
    *out = NULL;
    *count = 0;
    bool by_account = filter->account_name != NULL;
    const char *sql =
        by_account ? "SELECT " WAITING_COLUMNS " FROM xapi_statements WHERE state = 'waiting' AND"
                     " site_id = ? AND account_name = ? ORDER BY seq"
                   : "SELECT " WAITING_COLUMNS " FROM xapi_statements WHERE state = 'waiting' AND"
                     " (object_id IN (SELECT url FROM event_lms_links WHERE event_id = ?) OR"
                     " course_id IN (SELECT url FROM event_lms_links WHERE event_id = ? AND"
                     " activity_name <> '')) ORDER BY seq";
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status =
            by_account
                ? db_bind_all(stmt,
                              STORE_PARAMS(DB_INT(filter->site_id), DB_TEXT(filter->account_name)),
                              2, err)
                : db_bind_all(stmt,
                              STORE_PARAMS(DB_INT(filter->event_id), DB_INT(filter->event_id)), 2,
                              err);
    }
    size_t capacity = 0;
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (*count == capacity) {
            size_t grown = capacity == 0 ? 16 : capacity * 2;
            struct waiting_statement *bigger = realloc(*out, grown * sizeof **out);
            if (bigger == NULL) {
                status = ct_err_nomem(err);
                break;
            }
            *out = bigger;
            capacity = grown;
        }
        status = waiting_read(stmt, &(*out)[*count], err);
        (*count)++;
    }
    db_finalize(stmt);
    return status;
}

static enum ct_status update_statement(struct store *store, int64_t seq,
                                       const struct interpretation *out, struct ct_err *err)
{
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    const int64_t ids[3] = {out->person_id, out->event_id, out->activity_id};
    struct db_param nullable_id[3];
    for (size_t i = 0; i < 3; i++) {
        nullable_id[i] = ids[i] > 0 ? DB_INT(ids[i]) : DB_TEXT(NULL);
    }
    return STORE_EXEC(store,
                      "UPDATE xapi_statements SET state = ?, reason = ?, created = ?,"
                      " person_id = ?, event_id = ?, activity_id = ?, state_changed_at = ?"
                      " WHERE seq = ?",
                      NULL, err, DB_TEXT(out->state), DB_TEXT(out->reason),
                      DB_INT(out->created ? 1 : 0), nullable_id[0], nullable_id[1], nullable_id[2],
                      DB_TEXT(now), DB_INT(seq));
}

static enum ct_status apply_one(struct store *store, struct site_context *site,
                                const struct waiting_statement *statement, int64_t *applied,
                                struct ct_err *err)
{
    enum ct_status status = CT_OK;
    if (site->id != statement->site_id) {
        site_context_release(site);
        status = site_context_load(store, statement->site_id, site, err);
    }
    struct interpretation out;
    if (status == CT_OK) {
        status = interpret(store, site, &statement->record, &out, err);
    }
    if (status == CT_OK) {
        status = update_statement(store, statement->seq, &out, err);
    }
    if (status == CT_OK && strcmp(out.state, "waiting") != 0) {
        (*applied)++;
    }
    return status;
}

enum ct_status store_xapi_apply_waiting(struct store *store,
                                        const struct xapi_waiting_filter *filter, int64_t *applied,
                                        struct ct_err *err)
{
    *applied = 0;
    struct waiting_statement *waiting = NULL;
    size_t count = 0;
    enum ct_status status = waiting_select(store, filter, &waiting, &count, err);
    struct site_context site = {0};
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = apply_one(store, &site, &waiting[i], applied, err);
    }
    site_context_release(&site);
    for (size_t i = 0; i < count; i++) {
        waiting_release(&waiting[i]);
    }
    free(waiting);
    return status;
}

enum ct_status store_xapi_statement_outcome(struct store *store, const char *id,
                                            struct xapi_statement_outcome *outcome, bool *found,
                                            struct ct_err *err)
{
    memset(outcome, 0, sizeof *outcome);
    *found = false;
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db,
                                       "SELECT state, reason, created, activity_id FROM"
                                       " xapi_statements WHERE id = ? ORDER BY seq LIMIT 1",
                                       &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_TEXT(id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        const char *state = db_column_text(stmt, 0);
        const char *reason = db_column_text(stmt, 1);
        snprintf(outcome->state, sizeof outcome->state, "%s", state != NULL ? state : "");
        snprintf(outcome->reason, sizeof outcome->reason, "%s", reason != NULL ? reason : "");
        outcome->created = db_column_int64(stmt, 2) != 0;
        outcome->activity_id = db_column_int64(stmt, 3);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_xapi_site_counts(struct store *store, int64_t site_id,
                                      struct harvest_counts *counts, struct ct_err *err)
{
    memset(counts, 0, sizeof *counts);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(
        store->db,
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN state = 'credited' AND created = 1 THEN 1 ELSE 0 "
        "END), 0),"
        " COALESCE(SUM(CASE WHEN state = 'credited' AND created = 0 THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN state = 'withdrawn' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE "
        "WHEN state = 'waiting' THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN state = 'ignored' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN "
        "state = 'partial' THEN 1 ELSE 0 END), 0)"
        " FROM xapi_statements WHERE site_id = ?",
        &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(site_id)), 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        counts->read = db_column_int64(stmt, 0);
        counts->created = db_column_int64(stmt, 1);
        counts->duplicates = db_column_int64(stmt, 2);
        counts->withdrawn = db_column_int64(stmt, 3);
        counts->waiting = db_column_int64(stmt, 4);
        counts->refused = db_column_int64(stmt, 5);
        counts->partial = db_column_int64(stmt, 6);
    }
    db_finalize(stmt);
    return status;
}
