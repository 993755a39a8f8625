#include "import_rows.h"

#include <stdio.h>
#include <strings.h>

#include "coordinator.h"
#include "../core/banned.h"

static int column_named(const struct import_rows_format *format, const char *name)
{
    for (int i = 0; i < format->count; i++) {
        if (strcasecmp(name, format->names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static enum ct_status read_header(struct import_rows *rows, size_t count, const char *const *names,
                                  struct ct_err *err)
{
    const struct import_rows_format *format = rows->format;
    for (int i = 0; i < format->count; i++) {
        rows->column_of[i] = -1;
    }
    for (size_t i = 0; i < count; i++) {
        int column = column_named(format, names[i]);
        if (column < 0) {
            return ct_err_set(err, CT_ERR_INPUT, "file",
                              "not a %s file: column %zu, \"%.64s\", is not one of its "
                              "columns (docs/operations.md lists them)",
                              format->file_kind, i + 1, names[i]);
        }
        if (rows->column_of[column] >= 0) {
            return ct_err_set(err, CT_ERR_INPUT, "file", "column \"%s\" appears twice",
                              format->names[column]);
        }
        rows->column_of[column] = (int)i;
    }
    for (int i = 0; i < format->required; i++) {
        if (rows->column_of[i] < 0) {
            return ct_err_set(err, CT_ERR_INPUT, "file", "not a %s file: it has no column \"%s\"",
                              format->file_kind, format->names[i]);
        }
    }
    return CT_OK;
}

/* What the CSV reader hands each record and the header. */
struct reading {
    struct import_rows *rows;
    const struct import_rows_file *file;
};

static enum ct_status take_header(void *context, size_t count, const char *const *names,
                                  struct ct_err *err)
{
    const struct reading *reading = context;
    return read_header(reading->rows, count, names, err);
}

static enum ct_status take_record(void *context, const struct csv_table_record *record,
                                  struct ct_err *err)
{
    const struct reading *reading = context;
    reading->rows->record = record;
    reading->rows->counts.rows_read++;
    return reading->file->line(reading->file->context, err);
}

/* Reads the file and keeps the import's record; the caller's transaction is open. */
static enum ct_status read_file(struct import_rows *rows, const struct import_rows_file *file,
                                const struct import_rows_result *result, struct ct_err *err)
{
    enum ct_status status =
        store_record_import_begin(rows->store, rows->actor->person_id, rows->format->kind,
                                  file->via, file->file_name, &rows->import_id, err);
    struct reading reading = {rows, file};
    const struct csv_table_reader reader = {take_header, take_record, &reading};
    if (status == CT_OK) {
        status = csv_table_read(file->source, &reader, result->file_sha256, err);
    }
    if (status == CT_OK) {
        status = store_record_import_end(rows->store, rows->actor->person_id, rows->import_id,
                                         result->file_sha256, &rows->counts, err);
    }
    if (status == CT_OK) {
        status = store_record_import_refused(rows->store, rows->import_id, file->refused_shown,
                                             result->refused, err);
    }
    *result->import_id = rows->import_id;
    *result->counts = rows->counts;
    return status;
}

enum ct_status import_rows_run(struct import_rows *rows, const struct import_rows_file *file,
                               const struct import_rows_result *result,
                               struct action_outcome *outcome)
{
    enum ct_status status =
        coordinator_begin(rows->store, rows->actor, rows->format->doing, outcome);
    if (status == CT_OK) {
        status = read_file(rows, file, result, &outcome->err);
        if (status == CT_ERR_INPUT) {
            status = coordinator_store_refusal(outcome, status, ACTION_BAD_INPUT, "file");
        }
    }
    if (status == CT_OK && file->dry_run) {
        return action_discard(rows->store);
    }
    return action_end(rows->store, status, outcome);
}

const char *import_rows_cell(const struct import_rows *rows, int column)
{
    int index = rows->column_of[column];
    if (index < 0 || (size_t)index >= rows->record->count) {
        return "";
    }
    return rows->record->cells[index];
}

enum ct_status import_rows_keep_line(struct import_rows *rows, enum record_line_outcome outcome,
                                     const char *reason, struct ct_err *err)
{
    rows->counts.of[outcome]++;
    return store_record_import_line(rows->store, rows->import_id, rows->record->line, outcome,
                                    reason, rows->what, err);
}

enum ct_status import_rows_refuse_line(struct import_rows *rows, const char *field,
                                       const char *message, struct ct_err *err)
{
    char reason[512];
    snprintf(reason, sizeof reason, "%s%s%s", field != NULL && field[0] != '\0' ? field : "",
             field != NULL && field[0] != '\0' ? ": " : "", message);
    return import_rows_keep_line(rows, RECORD_LINE_REFUSED, reason, err);
}
