#include "store_compliance.h"

#include <stdio.h>

#include "../core/buf.h"

#include "store_record.h"
#include "../core/banned.h"

void compliance_blocking_codes(const struct evaluation *evaluation, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < evaluation->blocking_count && used < size; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        bool category = item->code == BLOCKING_CATEGORY_SHORT;
        int written = snprintf(out + used, size - used, "%s%s%s%s", i > 0 ? " " : "",
                               blocking_code_name(item->code), category ? ":" : "",
                               category ? evaluation->program->categories[item->category].id : "");
        used += written > 0 ? (size_t)written : 0;
    }
}

static enum ct_status visit_track(struct store *store, struct civil_date day, struct db_stmt *stmt,
                                  compliance_visit visit, void *context, struct ct_err *err)
{
    struct compliance_row row = {db_column_int64(stmt, 0),
                                 db_column_int64(stmt, 1),
                                 db_column_text(stmt, 2),
                                 db_column_text(stmt, 3),
                                 db_column_text(stmt, 4),
                                 db_column_text(stmt, 5),
                                 db_column_text(stmt, 6),
                                 db_column_text(stmt, 7),
                                 NULL,
                                 NULL};
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(store, row.track_id, day, &record, &evaluation, err);
    if (status == CT_OK) {
        row.evaluation = evaluation;
        row.record = record;
        status = visit(context, &row, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

/* The ORDER BY clause of an order: constants only. */
static const char *order_sql(enum compliance_order order, bool descending)
{
    static const char *const ascending_sql[] = {
        [COMPLIANCE_BY_DEADLINE] = " ORDER BY t.deadline ASC, t.id",
        [COMPLIANCE_BY_NAME] = " ORDER BY LOWER(p.name) ASC, t.id",
        [COMPLIANCE_BY_LIBRARY] = " ORDER BY LOWER(l.name) ASC, t.id",
        [COMPLIANCE_BY_PROGRAM] = " ORDER BY t.program ASC, t.id",
        [COMPLIANCE_BY_PERSON] = " ORDER BY p.id ASC, t.id",
    };
    static const char *const descending_sql[] = {
        [COMPLIANCE_BY_DEADLINE] = " ORDER BY t.deadline DESC, t.id",
        [COMPLIANCE_BY_NAME] = " ORDER BY LOWER(p.name) DESC, t.id",
        [COMPLIANCE_BY_LIBRARY] = " ORDER BY LOWER(l.name) DESC, t.id",
        [COMPLIANCE_BY_PROGRAM] = " ORDER BY t.program DESC, t.id",
        [COMPLIANCE_BY_PERSON] = " ORDER BY p.id DESC, t.id",
    };
    unsigned index = (unsigned)order <= COMPLIANCE_BY_PERSON ? (unsigned)order : 0;
    return descending ? descending_sql[index] : ascending_sql[index];
}

enum ct_status store_compliance_each(struct store *store, struct civil_date day,
                                     const struct compliance_filter *filter, compliance_visit visit,
                                     void *context, struct ct_err *err)
{
    struct buf sql;
    buf_init(&sql, 2048);
    enum ct_status status = buf_append_str(
        &sql,
        "SELECT t.id, p.id, p.name, p.email, COALESCE(l.name, ''), t.program, t.state, t.deadline"
        " FROM tracks t JOIN people p ON p.id = t.person_id"
        " LEFT JOIN libraries l ON l.id = p.library_id"
        " WHERE (t.state IN ('active', 'submitted', 'returned')"
        " OR (CAST(? AS TEXT) IS NOT NULL AND t.state = 'certified' AND EXISTS (SELECT 1 FROM "
        "certificates c"
        " WHERE c.track_id = t.id AND c.issued >= ?)))"
        " AND (? = 0 OR p.library_id = ?) AND (CAST(? AS TEXT) IS NULL OR t.program = ?)"
        " AND (? = 0 OR EXISTS (SELECT 1 FROM library_consultants lc"
        " WHERE lc.library_id = l.id AND lc.person_id = ?))"
        " AND (CAST(? AS TEXT) IS NULL OR l.kind = ?)");
    if (status == CT_OK) {
        status = buf_append_str(&sql, order_sql(filter->order, filter->descending));
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(store->db, buf_str(&sql), &stmt, err);
    }
    buf_release(&sql);
    if (status == CT_OK) {
        status = db_bind_all(
            stmt,
            STORE_PARAMS(DB_TEXT(filter->certified_since), DB_TEXT(filter->certified_since),
                         DB_INT(filter->library_id), DB_INT(filter->library_id),
                         DB_TEXT(filter->program), DB_TEXT(filter->program),
                         DB_INT(filter->consultant_id), DB_INT(filter->consultant_id),
                         DB_TEXT(filter->library_kind), DB_TEXT(filter->library_kind)),
            10, err);
    }
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        status = visit_track(store, day, stmt, visit, context, err);
    }
    db_finalize(stmt);
    return status;
}
