#include "history_import.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../store/store_award.h"
#include "../store/store_people.h"
#include "claims.h"
#include "import_rows.h"
#include "../core/banned.h"

enum history_column {
    COLUMN_RECORD,
    COLUMN_EMAIL,
    COLUMN_DATE,
    COLUMN_TITLE,
    COLUMN_KIND,
    COLUMN_CATEGORY,
    COLUMN_CREDITS,
    COLUMN_SEMESTER_CREDITS,
    COLUMN_QUARTER_CREDITS,
    COLUMN_HOURS,
    COLUMN_TOPIC,
    COLUMN_RECORDED,
    COLUMN_STATUS,
    COLUMN_SPONSOR,
    COLUMN_PROGRAM,
    COLUMN_NUMBER,
    HISTORY_COLUMNS,
};

/* The header's names, as docs/operations.md lists them; the first three are required. */
static const char *const column_names[HISTORY_COLUMNS] = {
    "record",           "email",           "date",  "title", "kind",     "category", "credits",
    "semester_credits", "quarter_credits", "hours", "topic", "recorded", "status",   "sponsor",
    "program",          "number",
};
enum { REQUIRED_COLUMNS = 3 };

_Static_assert(HISTORY_COLUMNS <= IMPORT_ROWS_MAX_COLUMNS, "every column has its place");

static const struct import_rows_format history_format = {RECORD_IMPORT_HISTORY, "history",
                                                         "imports history",     column_names,
                                                         HISTORY_COLUMNS,       REQUIRED_COLUMNS};

/* The line's cell of column ("" when the file or the line has none). */
static const char *cell(const struct import_rows *run, enum history_column column)
{
    return import_rows_cell(run, (int)column);
}

/* The key an imported activity is kept under: SHA-256 of its person, date, kind and title. */
static void activity_key(const struct activity_new *a, char key[65])
{
    char date[CIVIL_DATE_TEXT_SIZE], text[1024];
    civil_date_format(a->date, date);
    int length = snprintf(text, sizeof text, "%lld\n%s\n%s\n%s", (long long)a->person_id, date,
                          activity_kind_name(a->kind), a->title != NULL ? a->title : "");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)text,
                       length < (int)sizeof text ? (size_t)length : sizeof text - 1);
    sodium_bin2hex(key, 65, digest, sizeof digest);
}

static bool same_text(const char *held, const char *given)
{
    return strcmp(held, given != NULL ? given : "") == 0;
}

static bool activity_unchanged(const struct imported_activity *held, const struct activity_new *a)
{
    return held->credit_halves == a->credit_halves && held->semester_halves == a->semester_halves &&
           held->quarter_halves == a->quarter_halves && held->minutes == a->minutes &&
           same_text(held->category, a->category) && same_text(held->status, a->status) &&
           same_text(held->sponsor, a->sponsor);
}

/* Reads the line's activity into a, noting what is wrong in faults. */
static void read_activity(const struct import_rows *run, struct activity_new *a,
                          struct action_outcome *faults)
{
    const struct claim_submit_input input = {
        .kind = cell(run, COLUMN_KIND),
        .title = cell(run, COLUMN_TITLE),
        .date = cell(run, COLUMN_DATE),
        .category = cell(run, COLUMN_CATEGORY),
        .credits = cell(run, COLUMN_CREDITS),
        .semester_credits = cell(run, COLUMN_SEMESTER_CREDITS),
        .quarter_credits = cell(run, COLUMN_QUARTER_CREDITS),
        .hours = cell(run, COLUMN_HOURS),
        .topic = cell(run, COLUMN_TOPIC),
        .recorded = cell(run, COLUMN_RECORDED),
    };
    claim_read_activity(&input, a, faults);
    const char *status = cell(run, COLUMN_STATUS);
    a->status = status[0] == '\0' ? "verified" : status;
    if (strcmp(a->status, "verified") != 0 && strcmp(a->status, "pending") != 0) {
        action_fault(faults, "status", "An imported activity is verified or pending.");
    }
    if (a->title == NULL) {
        action_fault(faults, "title", "An imported activity needs its title.");
    }
    if (civil_date_is_set(a->date) && civil_date_compare(a->date, run->actor->today) > 0) {
        action_fault(faults, "date", "The date is after today.");
    }
    const char *sponsor = cell(run, COLUMN_SPONSOR);
    a->sponsor = sponsor[0] != '\0' ? sponsor : NULL;
}

/* Keeps the activity a under key: new, updated or as it was. */
static enum ct_status keep_activity(struct import_rows *run, const struct activity_new *a,
                                    struct ct_err *err)
{
    struct imported_activity held;
    bool found = false;
    enum ct_status status =
        store_imported_activity_find(run->store, a->source_record_id, &held, &found, err);
    int64_t actor_id = run->actor->person_id;
    if (status == CT_OK && found && activity_unchanged(&held, a)) {
        return import_rows_keep_line(run, RECORD_LINE_UNCHANGED, NULL, err);
    }
    if (status == CT_OK && found) {
        status = store_imported_activity_update(run->store, actor_id, held.id, a, err);
        return status == CT_OK ? import_rows_keep_line(run, RECORD_LINE_UPDATED, NULL, err)
                               : status;
    }
    int64_t id = 0;
    if (status == CT_OK) {
        status = store_activity_add(run->store, actor_id, a, &id, err);
    }
    if (status == CT_ERR_INPUT) {
        return import_rows_refuse_line(run, err->where, err->message, err);
    }
    return status == CT_OK ? import_rows_keep_line(run, RECORD_LINE_CREATED, NULL, err) : status;
}

static enum ct_status import_activity(struct import_rows *run, int64_t person_id,
                                      struct ct_err *err)
{
    struct activity_new a = {.person_id = person_id,
                             .date = civil_date_unset(),
                             .recorded = civil_date_unset(),
                             .provenance = PROVENANCE_IMPORTED,
                             .source = STORE_HISTORY_SOURCE};
    struct action_outcome faults;
    action_outcome_init(&faults);
    read_activity(run, &a, &faults);
    snprintf(run->what, sizeof run->what, "activity \"%.64s\" on %.10s", cell(run, COLUMN_TITLE),
             cell(run, COLUMN_DATE));
    if (faults.fault_count > 0) {
        return import_rows_refuse_line(run, faults.faults[0].field, faults.faults[0].message, err);
    }
    char key[65];
    activity_key(&a, key);
    a.source_record_id = key;
    return keep_activity(run, &a, err);
}

/* A certificate number as a State Library writes it: letters, digits and - _ . / only. */
static bool is_certificate_number(const char *number)
{
    size_t length = strlen(number);
    if (length == 0 || length >= CERTIFICATE_NUMBER_SIZE) {
        return false;
    }
    return strspn(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./") ==
           length;
}

static void read_certificate(const struct import_rows *run, struct certificate_import *c,
                             struct action_outcome *faults)
{
    c->program = cell(run, COLUMN_PROGRAM);
    c->number = cell(run, COLUMN_NUMBER);
    if (program_set_find(run->store->programs, c->program) == NULL) {
        action_fault(faults, "program",
                     "No program \"%.64s\": name one `certtrack programs` lists.", c->program);
    }
    if (!is_certificate_number(c->number)) {
        action_fault(faults, "number",
                     "A certificate number is 1 to 31 letters, digits, '-', '_', '.' or '/'.");
    }
    if (!civil_date_parse(cell(run, COLUMN_DATE), &c->issued)) {
        action_fault(faults, "date", "Enter the issue date as YYYY-MM-DD.");
    } else if (civil_date_compare(c->issued, run->actor->today) > 0) {
        action_fault(faults, "date", "The issue date is after today.");
    }
}

/* Keeps certificate c, or finds it kept already. */
static enum ct_status keep_certificate(struct import_rows *run, const struct certificate_import *c,
                                       struct ct_err *err)
{
    struct certificate_record held;
    bool found = false;
    enum ct_status status = store_certificate_find(run->store, c->number, &held, &found, err);
    if (status == CT_OK && found) {
        bool same = held.person_id == c->person_id && strcmp(held.program, c->program) == 0 &&
                    civil_date_compare(held.issued, c->issued) == 0;
        return same ? import_rows_keep_line(run, RECORD_LINE_UNCHANGED, NULL, err)
                    : import_rows_refuse_line(
                          run, "number",
                          "This number is held already by a certificate of another "
                          "person, program or issue date.",
                          err);
    }
    int64_t id = 0;
    if (status == CT_OK) {
        status = store_certificate_import(run->store, run->actor->person_id, c, &id, err);
    }
    if (status == CT_ERR_INPUT) {
        return import_rows_refuse_line(run, err->where, err->message, err);
    }
    return status == CT_OK ? import_rows_keep_line(run, RECORD_LINE_CREATED, NULL, err) : status;
}

static enum ct_status import_certificate(struct import_rows *run, int64_t person_id,
                                         struct ct_err *err)
{
    struct certificate_import c = {.person_id = person_id};
    struct action_outcome faults;
    action_outcome_init(&faults);
    read_certificate(run, &c, &faults);
    snprintf(run->what, sizeof run->what, "certificate %.31s (%.64s)", cell(run, COLUMN_NUMBER),
             cell(run, COLUMN_PROGRAM));
    if (faults.fault_count > 0) {
        return import_rows_refuse_line(run, faults.faults[0].field, faults.faults[0].message, err);
    }
    return keep_certificate(run, &c, err);
}

static enum ct_status read_line(void *context, struct ct_err *err)
{
    struct import_rows *run = context;
    snprintf(run->what, sizeof run->what, "%.32s of %.128s", cell(run, COLUMN_RECORD),
             cell(run, COLUMN_EMAIL));
    if (run->record->problem != NULL) {
        return import_rows_refuse_line(run, NULL, run->record->problem, err);
    }
    const char *kind = cell(run, COLUMN_RECORD);
    bool activity = strcmp(kind, "activity") == 0;
    if (!activity && strcmp(kind, "certificate") != 0) {
        return import_rows_refuse_line(run, "record", "Expected \"activity\" or \"certificate\".",
                                       err);
    }
    int64_t person_id = 0;
    enum ct_status status = CT_OK;
    if (strchr(cell(run, COLUMN_EMAIL), '@') != NULL) {
        status = store_person_find(run->store, cell(run, COLUMN_EMAIL), &person_id, err);
    }
    if (status == CT_ERR_INPUT || (status == CT_OK && person_id == 0)) {
        return import_rows_refuse_line(run, "email", "No person has this e-mail address.", err);
    }
    if (status != CT_OK) {
        return status;
    }
    return activity ? import_activity(run, person_id, err)
                    : import_certificate(run, person_id, err);
}

enum ct_status action_history_import(struct store *store, const struct actor *actor,
                                     const struct history_import_input *input,
                                     struct history_import_result *result,
                                     struct action_outcome *outcome)
{
    struct import_rows run = {.store = store, .actor = actor, .format = &history_format};
    const struct import_rows_file file = {
        input->source,        input->file_name, input->via, input->dry_run,
        input->refused_shown, read_line,        &run};
    const struct import_rows_result kept = {&result->import_id, &result->counts,
                                            result->file_sha256, &result->refused};
    return import_rows_run(&run, &file, &kept, outcome);
}
