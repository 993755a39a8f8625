#include "import_rows.h"

#include <stdio.h>
#include <strings.h>

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

enum ct_status import_rows_header(struct import_rows *rows, size_t count, const char *const *names,
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
