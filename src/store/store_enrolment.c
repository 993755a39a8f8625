#include "store_enrolment.h"

#include <stdlib.h>
#include <string.h>

#include "../core/engine.h"
#include "../core/banned.h"

bool store_track_state_open(const char *state)
{
    return strcmp(state, "active") == 0 || strcmp(state, "submitted") == 0 ||
           strcmp(state, "returned") == 0;
}

static void track_row_read(struct db_stmt *stmt, void *row)
{
    struct track_row *track = row;
    track->id = db_column_int64(stmt, 0);
    track->person_id = db_column_int64(stmt, 1);
    store_text_copy(track->program, sizeof track->program, db_column_text(stmt, 2));
    track->started = store_date_value(db_column_text(stmt, 3));
    track->deadline = store_date_value(db_column_text(stmt, 4));
    store_text_copy(track->state, sizeof track->state, db_column_text(stmt, 5));
    track->previous_track_id = db_column_is_null(stmt, 6) ? 0 : db_column_int64(stmt, 6);
    store_text_copy(track->comment, sizeof track->comment, db_column_text(stmt, 7));
}

enum ct_status store_track_rows(struct store *store, int64_t person_id, struct store_rows *rows,
                                struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT id, person_id, program, started, deadline, state,"
                           " previous_track_id, state_comment FROM tracks WHERE person_id = ?"
                           " ORDER BY state IN ('active', 'submitted', 'returned') DESC,"
                           " started DESC, id DESC",
                           track_row_read, rows, err, DB_INT(person_id));
}

static void held_read(struct db_stmt *stmt, void *row)
{
    struct enrolment_certificate *held = row;
    held->track_id = db_column_int64(stmt, 0);
    store_text_copy(held->number, sizeof held->number, db_column_text(stmt, 1));
    store_text_copy(held->program, sizeof held->program, db_column_text(stmt, 2));
    held->issued = store_date_value(db_column_text(stmt, 3));
}

/* The person's certificates that are not revoked, the latest issued first. */
static enum ct_status held_certificates(struct store *store, int64_t person_id,
                                        struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT track_id, number, program, issued FROM certificates"
                           " WHERE person_id = ? AND revoked IS NULL ORDER BY issued DESC, id DESC",
                           held_read, rows, err, DB_INT(person_id));
}

/* The engine's prerequisite rule on the certificates held, as the engine reads them. */
static enum ct_status decide_prerequisite(const struct store_rows *held, struct civil_date started,
                                          struct civil_date today, struct enrolment_choice *choice,
                                          struct ct_err *err)
{
    const struct enrolment_certificate *items = held->items;
    struct certificate_held *certificates = calloc(held->count + 1, sizeof *certificates);
    if (certificates == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < held->count; i++) {
        certificates[i] = (struct certificate_held){items[i].program, items[i].issued};
    }
    size_t which = ENGINE_NO_CERTIFICATE;
    bool met =
        engine_prerequisite_met(choice->program, certificates, held->count, started, today, &which);
    free(certificates);
    if (!met) {
        choice->verdict = ENROLMENT_NEEDS_PRIOR;
    } else if (which != ENGINE_NO_CERTIFICATE) {
        store_text_copy(choice->certificate_number, sizeof choice->certificate_number,
                        items[which].number);
        choice->certificate_issued = items[which].issued;
    }
    return CT_OK;
}

/* The latest certificate whose award continues into the choice's program. */
static void find_chain(const struct store *store, const struct store_rows *held,
                       struct enrolment_choice *choice)
{
    const struct enrolment_certificate *items = held->items;
    for (size_t i = 0; i < held->count; i++) {
        const struct program *awarded = program_set_find(store->programs, items[i].program);
        bool continues = strcmp(items[i].program, choice->program->id) == 0 ||
                         (awarded != NULL && strcmp(awarded->successor, choice->program->id) == 0);
        if (continues) {
            choice->chain_track_id = items[i].track_id;
            store_text_copy(choice->chain_number, sizeof choice->chain_number, items[i].number);
            choice->chain_issued = items[i].issued;
            return;
        }
    }
}

static enum ct_status decide_choice(struct store *store, int64_t person_id,
                                    const struct store_rows *held, struct civil_date started,
                                    struct civil_date today, struct enrolment_choice *choice,
                                    struct ct_err *err)
{
    choice->verdict = ENROLMENT_OPEN;
    enum ct_status status = decide_prerequisite(held, started, today, choice, err);
    find_chain(store, held, choice);
    if (status == CT_OK && choice->verdict == ENROLMENT_OPEN &&
        civil_date_is_set(choice->chain_issued) &&
        civil_date_compare(started, choice->chain_issued) <= 0) {
        choice->verdict = ENROLMENT_CHAIN_STARTED;
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "SELECT id FROM tracks WHERE person_id = ? AND program = ?"
                            " AND state IN ('active', 'submitted', 'returned')"
                            " ORDER BY started DESC, id DESC LIMIT 1",
                            &choice->open_track_id, err, DB_INT(person_id),
                            DB_TEXT(choice->program->id));
    }
    if (status == CT_OK && choice->open_track_id != 0) {
        choice->verdict = ENROLMENT_ALREADY_OPEN;
    }
    return status;
}

enum ct_status store_enrolment_choices(struct store *store, int64_t person_id,
                                       struct civil_date started, struct civil_date today,
                                       struct enrolment_choices *choices, struct ct_err *err)
{
    choices->count = 0;
    choices->items = calloc(store->programs->count + 1, sizeof *choices->items);
    if (choices->items == NULL) {
        return ct_err_nomem(err);
    }
    struct store_rows held = {.size = sizeof(struct enrolment_certificate)};
    enum ct_status status = held_certificates(store, person_id, &held, err);
    for (size_t i = 0; i < store->programs->count && status == CT_OK; i++) {
        struct enrolment_choice *choice = &choices->items[i];
        choice->program = store->programs->programs[i];
        status = decide_choice(store, person_id, &held, started, today, choice, err);
        choices->count = i + 1;
    }
    store_rows_release(&held);
    if (status != CT_OK) {
        store_enrolment_choices_release(choices);
    }
    return status;
}

void store_enrolment_choices_release(struct enrolment_choices *choices)
{
    free(choices->items);
    choices->items = NULL;
    choices->count = 0;
}

const struct enrolment_choice *store_enrolment_choice_of(const struct enrolment_choices *choices,
                                                         const char *program_id)
{
    for (size_t i = 0; i < choices->count; i++) {
        if (strcmp(choices->items[i].program->id, program_id) == 0) {
            return &choices->items[i];
        }
    }
    return NULL;
}
