#include "program_summary.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "credit.h"
#include "banned.h"

/* Appends the sentence in text to summary. */
static enum ct_status add_line(struct program_summary *summary, struct buf *text)
{
    if (summary->count == PROGRAM_SUMMARY_MAX_LINES) {
        return CT_ERR_TOO_LARGE;
    }
    snprintf(summary->lines[summary->count++], PROGRAM_SUMMARY_LINE_SIZE, "%s", buf_str(text));
    buf_release(text);
    buf_init(text, PROGRAM_SUMMARY_LINE_SIZE - 1);
    return CT_OK;
}

static const char *credits(int64_t halves, char out[CREDIT_TEXT_SIZE])
{
    credit_format(halves, out);
    return out;
}

static enum ct_status credits_and_window(const struct program *program, struct buf *text)
{
    char total[CREDIT_TEXT_SIZE];
    return buf_printf(text,
                      "%s credits within %d years; a credit counts for %d years from the day"
                      " it was earned, and only from the day the track starts.",
                      credits(program->total_halves, total), program->window_years,
                      program->window_years);
}

static enum ct_status category_minimums(const struct program *program, struct buf *text)
{
    size_t listed = 0;
    enum ct_status status = CT_OK;
    for (size_t c = 0; c < program->category_count && status == CT_OK; c++) {
        if (program->categories[c].minimum_halves == 0) {
            continue;
        }
        char minimum[CREDIT_TEXT_SIZE];
        status = buf_printf(text, listed == 0 ? "At least %s credits in %s" : ", %s in %s",
                            credits(program->categories[c].minimum_halves, minimum),
                            program->categories[c].name);
        listed++;
    }
    if (status == CT_OK) {
        status =
            buf_append_str(text, listed == 0 ? "No category minimums: any category counts." : ".");
    }
    return status;
}

static enum ct_status kinds_counted(const struct program *program, struct buf *text)
{
    enum ct_status status = buf_append_str(text, "Counts: ");
    size_t listed = 0;
    for (int k = 0; k < ACTIVITY_KIND_COUNT && status == CT_OK; k++) {
        if (program->kinds[k].accepted) {
            status = buf_printf(text, "%s%s", listed++ == 0 ? "" : ", ",
                                activity_kind_label((enum activity_kind)k));
        }
    }
    return status == CT_OK ? buf_append_str(text, ".") : status;
}

/* The sentence of a kind with a conversion or a limit; nothing for the others. */
static enum ct_status kind_rule_sentence(enum activity_kind kind, const struct kind_rule *rule,
                                         struct buf *text)
{
    char a[CREDIT_TEXT_SIZE], b[CREDIT_TEXT_SIZE];
    switch (kind) {
    case ACTIVITY_KIND_ARCHIVED_WEBINAR:
        return buf_printf(text,
                          "An archived webinar counts when viewed within %d year%s of the"
                          " recording.",
                          rule->max_age_years, rule->max_age_years == 1 ? "" : "s");
    case ACTIVITY_KIND_COLLEGE:
        return buf_printf(text,
                          "College courses: 1 semester credit = %s credits, 1 quarter"
                          " credit = %s credits.",
                          credits(rule->semester_credit_halves, a),
                          credits(rule->quarter_credit_halves, b));
    case ACTIVITY_KIND_PRESENTING: {
        enum ct_status status = buf_printf(text, "Presenting: %s credits per hour presented",
                                           credits(rule->credits_per_hour_halves, a));
        if (status == CT_OK && rule->max_per_topic > 0) {
            status = buf_printf(text, "; the same topic at most %d time%s in the window",
                                rule->max_per_topic, rule->max_per_topic == 1 ? "" : "s");
        }
        return status == CT_OK ? buf_append_str(text, ".") : status;
    }
    case ACTIVITY_KIND_SELF_DIRECTED: {
        int minutes = rule->minutes_per_half_credit * 2;
        enum ct_status status =
            minutes % 60 == 0
                ? buf_printf(text, "Self-directed learning: %d hour%s of time = 1 credit",
                             minutes / 60, minutes == 60 ? "" : "s")
                : buf_printf(text, "Self-directed learning: %d minutes of time = 1 credit",
                             minutes);
        if (status == CT_OK) {
            status = buf_append_str(text, " (in steps of 0.5)");
        }
        if (status == CT_OK && rule->max_halves > 0) {
            status = buf_printf(text, ", at most %s credits", credits(rule->max_halves, a));
        }
        if (status == CT_OK && rule->must_be_planned) {
            status = buf_append_str(text, ", only when your plan lists it");
        }
        return status == CT_OK ? buf_append_str(text, ".") : status;
    }
    default:
        return CT_OK;
    }
}

static enum ct_status names_of(const struct program_set *set, const char *const *ids, size_t count,
                               struct buf *text)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = buf_printf(text, "%s%s",
                            i == 0           ? ""
                            : i + 1 == count ? " or "
                                             : ", ",
                            program_set_name(set, ids[i]));
    }
    return status;
}

static enum ct_status requirements(const struct program *program, const struct program_set *set,
                                   struct program_summary *summary, struct buf *text)
{
    enum ct_status status = CT_OK;
    if (program->prerequisite_count > 0) {
        status = buf_append_str(text, "Needs a prior certificate: ");
        if (status == CT_OK) {
            status = names_of(set, program->prerequisites, program->prerequisite_count, text);
        }
        if (status == CT_OK) {
            status = buf_append_str(text, ", issued before the track starts.");
        }
        if (status == CT_OK) {
            status = add_line(summary, text);
        }
    }
    if (status == CT_OK && program->plan_required) {
        status = buf_append_str(text, "A Professional Development Plan, signed by you and your"
                                      " library: only activities after its first submission"
                                      " count.");
        status = status == CT_OK ? add_line(summary, text) : status;
    }
    if (status == CT_OK && program->final_report_required) {
        status = buf_append_str(text, "A final report, accepted by the State Library, before the"
                                      " award.");
        status = status == CT_OK ? add_line(summary, text) : status;
    }
    return status;
}

static enum ct_status after_award(const struct program *program, const struct program_set *set,
                                  struct program_summary *summary, struct buf *text)
{
    enum ct_status status = buf_printf(text, "After the award, the next track is %s.",
                                       program_set_name(set, program->successor));
    status = status == CT_OK ? add_line(summary, text) : status;
    if (status == CT_OK && program->ends_on_award_count > 0) {
        status = buf_append_str(text, "Its award ends an open track of ");
        if (status == CT_OK) {
            status = names_of(set, program->ends_on_award, program->ends_on_award_count, text);
        }
        status = status == CT_OK ? buf_append_str(text, ".") : status;
        status = status == CT_OK ? add_line(summary, text) : status;
    }
    return status;
}

enum ct_status program_summary_make(const struct program *program, const struct program_set *set,
                                    struct program_summary *summary)
{
    summary->count = 0;
    struct buf text;
    buf_init(&text, PROGRAM_SUMMARY_LINE_SIZE - 1);
    enum ct_status status = credits_and_window(program, &text);
    status = status == CT_OK ? add_line(summary, &text) : status;
    status = status == CT_OK ? category_minimums(program, &text) : status;
    status = status == CT_OK ? add_line(summary, &text) : status;
    status = status == CT_OK ? kinds_counted(program, &text) : status;
    status = status == CT_OK ? add_line(summary, &text) : status;
    for (int k = 0; k < ACTIVITY_KIND_COUNT && status == CT_OK; k++) {
        if (program->kinds[k].accepted) {
            status = kind_rule_sentence((enum activity_kind)k, &program->kinds[k], &text);
            if (status == CT_OK && text.length > 0) {
                status = add_line(summary, &text);
            }
        }
    }
    status = status == CT_OK ? requirements(program, set, summary, &text) : status;
    status = status == CT_OK ? after_award(program, set, summary, &text) : status;
    buf_release(&text);
    return status;
}
