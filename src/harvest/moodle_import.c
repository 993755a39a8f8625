#include "moodle_import.h"

#include <ctype.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store_harvest_completions.h"
#include "../store/store_harvest_imports.h"
#include "../store/store_harvest_mappings.h"
#include "../store/store_harvest_proof.h"
#include "../core/banned.h"

static const char *const refusal_names[] = {
    [MOODLE_REFUSED_BAD_LINE] = "bad line",
    [MOODLE_REFUSED_UNKNOWN_LEARNER] = "unknown learner",
    [MOODLE_REFUSED_UNMAPPED_COURSE] = "unmapped course",
    [MOODLE_REFUSED_NOT_COMPLETED] = "not completed",
    [MOODLE_REFUSED_UNKNOWN_STATE] = "unknown state",
    [MOODLE_REFUSED_BAD_DATE] = "bad date",
    [MOODLE_REFUSED_BY_STORE] = "refused by the store",
    [MOODLE_REFUSED_WITHOUT_PASSING] = "completed without passing",
};

const char *moodle_import_refusal_name(enum moodle_refusal refusal)
{
    if ((unsigned)refusal >= MOODLE_REFUSAL_COUNT) {
        return "refused";
    }
    return refusal_names[refusal];
}

/* An activity column of the file and the event it is mapped to. */
struct column {
    char *name;
    enum harvest_mapping mapping;
    int64_t event_id;
    struct harvest_link link; /* the mapping, when mapped */
};

struct import {
    struct store *store;
    int64_t actor_id;
    const char *via;
    const struct lms_site *site;
    const char *file_name;
    struct moodle_import_summary *summary;
    struct column *columns;
    size_t column_count;
    size_t identity_count; /* the identity columns before the activities' */
};

/* ---- the source, hashed as it is read ---- */

struct hashing_source {
    const struct moodle_progress_source *inner;
    crypto_hash_sha256_state state;
};

static enum ct_status hashing_read(void *context, unsigned char *buffer, size_t size, size_t *got,
                                   struct ct_err *err)
{
    struct hashing_source *source = context;
    enum ct_status status = source->inner->read(source->inner->context, buffer, size, got, err);
    if (status == CT_OK && *got > 0) {
        crypto_hash_sha256_update(&source->state, buffer, *got);
    }
    return status;
}

/* ---- the header ---- */

static enum ct_status on_header(void *context, const struct moodle_progress_header *header,
                                struct ct_err *err)
{
    struct import *import = context;
    import->summary->encoding = header->encoding;
    import->summary->activity_count = header->activity_count;
    import->columns = calloc(header->activity_count, sizeof *import->columns);
    if (import->columns == NULL) {
        return ct_err_nomem(err);
    }
    import->column_count = header->activity_count;
    import->identity_count = header->identity_count;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < header->activity_count && status == CT_OK; i++) {
        struct column *column = &import->columns[i];
        column->name = strdup(header->activity_names[i]);
        if (column->name == NULL) {
            return ct_err_nomem(err);
        }
        status = store_harvest_event_by_activity_name(import->store, import->site->url,
                                                      column->name, &column->mapping,
                                                      &column->event_id, &column->link, err);
        import->summary->mapped_count += column->mapping == HARVEST_MAPPED;
    }
    if (status == CT_OK) {
        status = store_harvest_import_begin(import->store, import->actor_id, import->via,
                                            import->site->id, import->file_name, NULL,
                                            &import->summary->import_id, err);
    }
    return status;
}

/* ---- rows ---- */

static enum ct_status refuse(struct import *import, enum moodle_refusal refusal, const char *detail,
                             struct harvest_row *row, struct ct_err *err)
{
    char reason[300];
    if (detail != NULL) {
        /* A long detail is cut: the row keeps the reason's start, the summary its kind. */
        snprintf(reason, sizeof reason, "%s: %.240s", refusal_names[refusal], detail);
    }
    row->outcome = HARVEST_ROW_REFUSED;
    row->reason = detail != NULL ? reason : refusal_names[refusal];
    row->activity_id = 0;
    import->summary->counts.refused++;
    import->summary->refused[refusal]++;
    return store_harvest_row_add(import->store, import->summary->import_id, row, err);
}

/* The SHA-256 of a record as read: site, learner, activity, state and date. */
static void record_hash(const struct import *import, const char *email, const struct column *column,
                        const struct moodle_activity_cell *cell, char out[HARVEST_SHA256_SIZE])
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const char *parts[] = {"moodle-progress", import->site->url, email,
                           column->name,      cell->state_text,  cell->date_text};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        crypto_hash_sha256_update(&state, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    sodium_bin2hex(out, HARVEST_SHA256_SIZE, digest, sizeof digest);
}

/* One part of a course recorded: the row says which parts are still missing. */
static enum ct_status partial(struct import *import,
                              const struct harvest_completion_outcome *outcome,
                              struct harvest_row *row, struct ct_err *err)
{
    char reason[HARVEST_LINK_NAME_SIZE + 64];
    snprintf(reason, sizeof reason, "part of the course recorded; still missing: %s",
             outcome->missing);
    row->outcome = HARVEST_ROW_PARTIAL;
    row->reason = reason;
    row->activity_id = 0;
    import->summary->counts.partial++;
    return store_harvest_row_add(import->store, import->summary->import_id, row, err);
}

/* "Not completed (set by NAME)": the completion was taken back in the LMS. When it is no
 * later than a credited completion it withdraws this column's proof of it. */
static enum ct_status withdraw(struct import *import, int64_t person_id, size_t index,
                               const struct moodle_activity_cell *cell, struct harvest_row *row,
                               struct ct_err *err)
{
    const struct column *column = &import->columns[index];
    char reason[400];
    snprintf(reason, sizeof reason,
             "%.120s in the LMS at %.40s (import %" PRId64 " line %" PRId64 ")", cell->state_text,
             cell->date_text, import->summary->import_id, row->line);
    struct harvest_withdrawal withdrawal = {person_id, column->event_id, &column->link, cell->date,
                                            reason};
    struct harvest_withdrawal_outcome outcome;
    enum ct_status status =
        store_harvest_proof_withdraw(import->store, import->actor_id, &withdrawal, &outcome, err);
    if (status != CT_OK) {
        return status;
    }
    if (outcome.result == HARVEST_WITHDREW_CREDIT) {
        row->outcome = HARVEST_ROW_WITHDRAWN;
        row->reason = reason;
        row->activity_id = outcome.activity_id;
        import->summary->counts.withdrawn++;
        return store_harvest_row_add(import->store, import->summary->import_id, row, err);
    }
    return refuse(import, MOODLE_REFUSED_NOT_COMPLETED, outcome.note, row, err);
}

static enum ct_status credit(struct import *import, int64_t person_id, const char *email_key,
                             size_t index, const struct moodle_activity_cell *cell,
                             struct harvest_row *row, struct ct_err *err)
{
    const struct column *column = &import->columns[index];
    char hash[HARVEST_SHA256_SIZE], ref[96];
    record_hash(import, email_key, column, cell, hash);
    snprintf(ref, sizeof ref, "import %" PRId64 " line %" PRId64 " activity %zu",
             import->summary->import_id, row->line, index + 1);
    struct harvest_completion completion = {.site_id = import->site->id,
                                            .person_id = person_id,
                                            .event_id = column->event_id,
                                            .date = cell->date,
                                            .source = HARVEST_FROM_FILE,
                                            .import_id = import->summary->import_id,
                                            .record_ref = ref,
                                            .raw_hash = hash,
                                            .link = &column->link};
    struct harvest_completion_outcome outcome;
    struct ct_err store_err = {0};
    enum ct_status status = store_harvest_completion(import->store, import->actor_id, &completion,
                                                     &outcome, &store_err);
    if (status == CT_ERR_INPUT) {
        return refuse(import, MOODLE_REFUSED_BY_STORE, store_err.message, row, err);
    }
    if (status != CT_OK) {
        *err = store_err;
        return status;
    }
    if (outcome.result == HARVEST_PARTIAL) {
        return partial(import, &outcome, row, err);
    }
    bool created = outcome.result == HARVEST_CREATED;
    row->outcome = created ? HARVEST_ROW_CREATED : HARVEST_ROW_DUPLICATE;
    row->reason = created ? NULL : "duplicate";
    row->activity_id = outcome.activity_id;
    import->summary->counts.created += created;
    import->summary->counts.duplicates += !created;
    import->summary->verified += created && outcome.verified;
    return store_harvest_row_add(import->store, import->summary->import_id, row, err);
}

static enum ct_status cell_read(struct import *import, int64_t person_id, const char *email_key,
                                size_t index, const struct moodle_activity_cell *cell,
                                struct harvest_row *row, struct ct_err *err)
{
    const struct column *column = &import->columns[index];
    row->activity_name = column->name;
    row->completed = cell->date_text;
    /* The learner's name, the identity fields, then a state and a date per activity. */
    row->column = (int64_t)(1 + import->identity_count + 2 * index + 1);
    switch (cell->state) {
    case MOODLE_NOT_COMPLETED:
        return refuse(import, MOODLE_REFUSED_NOT_COMPLETED, NULL, row, err);
    case MOODLE_NOT_COMPLETED_SET_BY:
        if (person_id == 0 || column->mapping != HARVEST_MAPPED || !cell->date_valid) {
            return refuse(import, MOODLE_REFUSED_NOT_COMPLETED, NULL, row, err);
        }
        return withdraw(import, person_id, index, cell, row, err);
    case MOODLE_COMPLETED_FAILED:
        return refuse(import, MOODLE_REFUSED_WITHOUT_PASSING, "did not achieve the pass grade", row,
                      err);
    case MOODLE_STATE_UNKNOWN: {
        char detail[160];
        snprintf(detail, sizeof detail, "\"%.120s\"", cell->state_text);
        return refuse(import, MOODLE_REFUSED_UNKNOWN_STATE, detail, row, err);
    }
    case MOODLE_COMPLETED:
    default:
        break;
    }
    if (person_id == 0) {
        return refuse(import, MOODLE_REFUSED_UNKNOWN_LEARNER, NULL, row, err);
    }
    if (column->mapping == HARVEST_AMBIGUOUS) {
        return refuse(import, MOODLE_REFUSED_UNMAPPED_COURSE, "mapped to more than one event", row,
                      err);
    }
    if (column->mapping != HARVEST_MAPPED) {
        return refuse(import, MOODLE_REFUSED_UNMAPPED_COURSE, NULL, row, err);
    }
    if (!cell->date_valid) {
        return refuse(import, MOODLE_REFUSED_BAD_DATE, NULL, row, err);
    }
    return credit(import, person_id, email_key, index, cell, row, err);
}

static enum ct_status on_row(void *context, const struct moodle_progress_row *row,
                             struct ct_err *err)
{
    struct import *import = context;
    import->summary->counts.read++;
    struct harvest_row record = {.line = row->line};
    if (row->problem != NULL) {
        return refuse(import, MOODLE_REFUSED_BAD_LINE, row->problem, &record, err);
    }
    record.learner_email = row->email;
    record.learner_name = row->full_name;
    int64_t person_id = 0;
    bool found = false;
    enum ct_status status = CT_OK;
    if (row->email[0] != '\0') {
        status = store_harvest_person_by_email(import->store, row->email, &person_id, &found, err);
    }
    char *email_key = strdup(row->email);
    if (status == CT_OK && email_key == NULL) {
        status = ct_err_nomem(err);
    }
    for (char *c = email_key; status == CT_OK && *c != '\0'; c++) {
        *c = (char)tolower((unsigned char)*c);
    }
    for (size_t i = 0; i < row->activity_count && status == CT_OK; i++) {
        status = cell_read(import, found ? person_id : 0, email_key, i, &row->activities[i],
                           &record, err);
    }
    free(email_key);
    return status;
}

static void import_release(struct import *import)
{
    for (size_t i = 0; i < import->column_count; i++) {
        free(import->columns[i].name);
    }
    free(import->columns);
    import->columns = NULL;
    import->column_count = 0;
}

enum ct_status moodle_import_run(struct store *store, int64_t actor_id, const char *via,
                                 const struct lms_site *site, const char *file_name,
                                 const struct moodle_progress_source *source,
                                 struct moodle_import_summary *summary, struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "libsodium", "cannot start");
    }
    struct import import = {store, actor_id, via, site, file_name, summary, NULL, 0, 0};
    struct hashing_source hashing = {.inner = source};
    crypto_hash_sha256_init(&hashing.state);
    struct moodle_progress_source hashed = {hashing_read, &hashing};
    struct moodle_progress_handler handler = {on_header, on_row, &import};
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = moodle_progress_read(&hashed, &handler, err);
    if (status == CT_OK) {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&hashing.state, digest);
        sodium_bin2hex(summary->file_sha256, sizeof summary->file_sha256, digest, sizeof digest);
        status = store_harvest_import_finish(store, actor_id, summary->import_id, &summary->counts,
                                             summary->file_sha256, err);
    }
    import_release(&import);
    status = store_finish(store, status, err);
    if (status != CT_OK) {
        summary->import_id = 0;
    }
    return status;
}
