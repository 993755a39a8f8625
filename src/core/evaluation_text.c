#include "evaluation_text.h"

#include <string.h>

#include "credit.h"
#include "banned.h"

/* Formats helpers return their text in a caller-provided array. */
static const char *credit_text(int64_t halves, char out[CREDIT_TEXT_SIZE])
{
    credit_format(halves, out);
    return out;
}

static const char *date_text(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE])
{
    civil_date_format(date, out);
    if (out[0] == '\0') {
        return "-";
    }
    return out;
}

static enum ct_status summary_text(const struct evaluation *evaluation, struct buf *out)
{
    const struct program *program = evaluation->program;
    char counted[CREDIT_TEXT_SIZE], required[CREDIT_TEXT_SIZE], remaining[CREDIT_TEXT_SIZE];
    char pending[CREDIT_TEXT_SIZE], self_directed[CREDIT_TEXT_SIZE];
    char as_of[CIVIL_DATE_TEXT_SIZE], deadline[CIVIL_DATE_TEXT_SIZE];
    enum ct_status status = buf_printf(
        out,
        "Program:        %s (%s)\n"
        "As of:          %s\n"
        "Status:         %s\n"
        "Credits:        %s counted of %s required, %s remaining\n"
        "Pending:        %s awaiting verification\n"
        "Self-directed:  %s counted\n"
        "Deadline:       %s\n",
        program->id, program->name, date_text(evaluation->as_of, as_of),
        track_status_name(evaluation->status), credit_text(evaluation->counted_halves, counted),
        credit_text(evaluation->required_halves, required),
        credit_text(evaluation->remaining_halves, remaining),
        credit_text(evaluation->pending_halves, pending),
        credit_text(evaluation->self_directed_halves, self_directed),
        date_text(evaluation->deadline, deadline));
    if (status != CT_OK || program->category_count == 0) {
        return status;
    }
    status = buf_append_str(out, "Categories:\n");
    for (size_t c = 0; c < program->category_count && status == CT_OK; c++) {
        credit_text(evaluation->category_counted_halves[c], counted);
        credit_text(program->categories[c].minimum_halves, required);
        status = buf_printf(out, "  %-26s %s counted, %s required\n", program->categories[c].id,
                            counted, required);
    }
    return status;
}

/* One blocking item in plain words, with the numbers that matter to it. */
static enum ct_status blocking_line(const struct evaluation *evaluation,
                                    const struct blocking_item *item, struct buf *out)
{
    char short_by[CREDIT_TEXT_SIZE];
    if (item->code == BLOCKING_CATEGORY_SHORT) {
        const struct program_category *category = &evaluation->program->categories[item->category];
        credit_text(category->minimum_halves - evaluation->category_counted_halves[item->category],
                    short_by);
        return buf_printf(out, "  %s:%s  %s more credits are needed in %s.\n",
                          blocking_code_name(item->code), category->id, short_by, category->name);
    }
    if (item->code == BLOCKING_CREDITS_SHORT) {
        return buf_printf(out, "  %s  %s more credits are needed.\n",
                          blocking_code_name(item->code),
                          credit_text(evaluation->remaining_halves, short_by));
    }
    return buf_printf(out, "  %s  %s\n", blocking_code_name(item->code),
                      blocking_description(item->code));
}

static enum ct_status blocking_text(const struct evaluation *evaluation, struct buf *out)
{
    if (evaluation->blocking_count == 0) {
        return buf_append_str(out, "Blocking:       nothing\n");
    }
    enum ct_status status = buf_append_str(out, "Blocking:\n");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        status = blocking_line(evaluation, &evaluation->blocking[i], out);
    }
    return status;
}

static enum ct_status projection_text(const struct evaluation *evaluation, struct buf *out)
{
    if (!civil_date_is_set(evaluation->next_expiry)) {
        return buf_append_str(out, "Next expiry:    none\n");
    }
    char day[CIVIL_DATE_TEXT_SIZE], after[CREDIT_TEXT_SIZE];
    return buf_printf(out, "Next expiry:    %s (counted credits fall to %s)\n",
                      date_text(evaluation->next_expiry, day),
                      credit_text(evaluation->counted_after_next_expiry_halves, after));
}

enum { COLUMN_COUNT = 8 };

static const char *const column_titles[COLUMN_COUNT] = {
    "ID", "DATE", "KIND", "CREDITS", "COUNTED", "DECISION", "REASON", "EXPIRES",
};

/* Fills the eight cells of one activity's row; text arrays hold dates and credits. */
static void activity_cells(const struct activity *activity, const struct activity_result *result,
                           char date[CIVIL_DATE_TEXT_SIZE], char credits[CREDIT_TEXT_SIZE],
                           char counted[CREDIT_TEXT_SIZE], char expires[CIVIL_DATE_TEXT_SIZE],
                           const char *cells[COLUMN_COUNT])
{
    cells[0] = activity->id;
    cells[1] = date_text(activity->date, date);
    cells[2] = activity_kind_name(activity->kind);
    cells[3] = credit_text(result->credit_halves, credits);
    cells[4] = credit_text(result->counted_halves, counted);
    cells[5] = decision_name(result->decision);
    cells[6] = result->reason == REASON_NONE ? "-" : reason_code(result->reason);
    cells[7] = date_text(result->expires, expires);
}

static enum ct_status table_row(struct buf *out, const char *const cells[COLUMN_COUNT],
                                const size_t widths[COLUMN_COUNT])
{
    enum ct_status status = CT_OK;
    for (size_t column = 0; column < COLUMN_COUNT && status == CT_OK; column++) {
        bool last = column + 1 == COLUMN_COUNT;
        status = buf_append_str(out, cells[column]);
        if (status == CT_OK && !last) {
            status = buf_append_repeat(out, ' ', widths[column] - strlen(cells[column]) + 2);
        }
    }
    return status == CT_OK ? buf_append_str(out, "\n") : status;
}

static enum ct_status activities_text(const struct evaluation *evaluation,
                                      const struct learner_record *record, struct buf *out)
{
    if (record->activity_count == 0) {
        return buf_append_str(out, "\nNo activities.\n");
    }
    size_t widths[COLUMN_COUNT];
    for (size_t column = 0; column < COLUMN_COUNT; column++) {
        widths[column] = strlen(column_titles[column]);
    }
    char date[CIVIL_DATE_TEXT_SIZE], expires[CIVIL_DATE_TEXT_SIZE];
    char credits[CREDIT_TEXT_SIZE], counted[CREDIT_TEXT_SIZE];
    const char *cells[COLUMN_COUNT];
    for (size_t i = 0; i < record->activity_count; i++) {
        activity_cells(&record->activities[i], &evaluation->activities[i], date, credits, counted,
                       expires, cells);
        for (size_t column = 0; column < COLUMN_COUNT; column++) {
            size_t width = strlen(cells[column]);
            widths[column] = width > widths[column] ? width : widths[column];
        }
    }
    enum ct_status status = buf_append_str(out, "\n");
    if (status == CT_OK) {
        status = table_row(out, column_titles, widths);
    }
    for (size_t i = 0; i < record->activity_count && status == CT_OK; i++) {
        activity_cells(&record->activities[i], &evaluation->activities[i], date, credits, counted,
                       expires, cells);
        status = table_row(out, cells, widths);
    }
    return status;
}

enum ct_status evaluation_to_text(const struct evaluation *evaluation,
                                  const struct learner_record *record, struct buf *out)
{
    enum ct_status status = summary_text(evaluation, out);
    if (status == CT_OK) {
        status = blocking_text(evaluation, out);
    }
    if (status == CT_OK) {
        status = projection_text(evaluation, out);
    }
    if (status == CT_OK) {
        status = activities_text(evaluation, record, out);
    }
    return status;
}
