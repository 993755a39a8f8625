#include "roster_upload.h"

#include <inttypes.h>
#include <stdio.h>

#include "../../actions/event_roster_upload.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../../core/banned.h"

void roster_upload_form(struct web_request *request, struct html *h, int64_t id, const char *error)
{
    html_markup(h, "<h2>Upload who attended</h2>\n<p>A CSV file whose first line names an"
                   " <code>email</code> column (or a <code>person_id</code> column), then one"
                   " person who attended a line. Someone not registered is registered as they"
                   " are recorded. The file is taken whole or not at all: when a line is at"
                   " fault nothing is recorded, and the lines at fault are listed.</p>\n");
    html_format(h,
                "<form class=\"usa-form\" method=\"post\" action=\"/catalog/events/%" PRId64
                "/roster/upload\" enctype=\"multipart/form-data\">\n",
                id);
    html_csrf(h, request->csrf);
    struct form_field field = {.id = "file",
                               .label = "Roster file",
                               .hint = "A .csv file, one person a line.",
                               .error = error,
                               .control = FORM_FILE,
                               .accept = ".csv,text/csv,text/plain",
                               .required = true};
    html_field(h, &field);
    html_markup(h, "<button class=\"usa-button usa-button--outline\" type=\"submit\">Upload the"
                   " roster file</button>\n</form>\n");
}

static void line_row(struct html *h, const struct roster_line *line)
{
    if (line->outcome == ROSTER_LINE_AT_FAULT) {
        html_format(h, "<tr id=\"line-%" PRId64 "\" tabindex=\"-1\"><td>", line->line);
    } else {
        html_markup(h, "<tr><td>");
    }
    html_int(h, line->line);
    html_markup(h, "</td><td>");
    html_text(h, line->entry);
    html_markup(h, "</td><td>");
    html_text(h, line->name);
    html_markup(h, "</td><td>");
    html_text(h, roster_line_outcome_text(line->outcome));
    if (line->outcome == ROSTER_LINE_AT_FAULT) {
        html_markup(h, ": ");
        html_text(h, line->problem);
    } else if (line->walk_in) {
        html_markup(h, " (registered by this file)");
    }
    html_markup(h, "</td></tr>\n");
}

/* The file's fault as its field shows it (a file over the upload limit reaches the
 * action as none), or the refusal's message when the file is not at fault. */
static const char *file_message(const struct web_request *request,
                                const struct action_outcome *outcome)
{
    if (request->upload.too_large) {
        return "The file is too large to upload: split it into smaller files.";
    }
    const struct action_fault *file = action_fault_of(outcome, "file");
    return file != NULL ? file->message : outcome->err.message;
}

/* The error summary of a refused file: the file's fault, then each line at fault, every
 * one linking to the field or the line of the table below that it names. */
static void refused_summary(struct html *h, const struct event_roster_upload_result *result,
                            const char *file)
{
    html_error_summary_begin(h, result->at_fault > 0
                                    ? "Nothing was recorded: fix the lines marked below."
                                    : "Nothing was recorded: fix the field marked below.");
    html_error_summary_item(h, "file", "Roster file", file);
    const struct roster_line *lines = result->lines.items;
    for (size_t i = 0; i < result->lines.count; i++) {
        if (lines[i].outcome == ROSTER_LINE_AT_FAULT) {
            char id[32], label[32];
            snprintf(id, sizeof id, "line-%" PRId64, lines[i].line);
            snprintf(label, sizeof label, "Line %" PRId64, lines[i].line);
            html_error_summary_item(h, id, label, lines[i].problem);
        }
    }
    html_error_summary_end(h);
}

/* The summary above the lines, and on a refusal the form again with its field marked. */
static void summary(struct web_request *request, struct html *h, int64_t id,
                    const struct event_roster_upload_result *result,
                    const struct action_outcome *outcome)
{
    if (outcome->refusal == ACTION_DONE) {
        char message[256];
        snprintf(message, sizeof message,
                 "Attendance recorded from the file: %d newly recorded, %d credited.",
                 result->recorded, result->credited);
        html_alert(h, FORM_ALERT_SUCCESS, message);
        return;
    }
    const char *file = file_message(request, outcome);
    refused_summary(h, result, file);
    roster_upload_form(request, h, id, file);
}

static enum ct_status result_page(struct web_request *request, struct web_response *response,
                                  int64_t id, const struct event_roster_upload_result *result,
                                  const struct action_outcome *outcome)
{
    web_set_title(response, "Roster upload");
    struct html h;
    html_start(&h, &response->body);
    summary(request, &h, id, result, outcome);
    const struct roster_line *lines = result->lines.items;
    if (result->lines.count > 0) {
        static const char *const columns[] = {"Line", "E-mail or id", "Person", "Outcome"};
        html_table_begin(&h, "Lines of the file", columns, 4);
        for (size_t i = 0; i < result->lines.count; i++) {
            line_row(&h, &lines[i]);
        }
        html_table_end(&h);
    }
    html_format(
        &h, "<p><a href=\"/catalog/events/%" PRId64 "/roster\">Back to the roster</a></p>\n", id);
    return html_status(&h);
}

enum ct_status page_event_roster_upload(struct web_request *request, struct web_response *response,
                                        int64_t id)
{
    struct event_roster_upload_input input = {id, request->upload.file};
    struct event_roster_upload_result result = {.lines = {.size = sizeof(struct roster_line)}};
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_event_roster_upload(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT && outcome.refusal != ACTION_BAD_INPUT) {
        unsigned code = outcome.refusal == ACTION_NOT_ALLOWED ? 403
                        : outcome.refusal == ACTION_NOT_FOUND ? 404
                                                              : 409;
        status = page_error(request, response, code, "Not done", outcome.err.message);
    } else if (status == CT_ERR_INPUT || status == CT_OK) {
        response->status = status == CT_OK ? 200 : request->upload.too_large ? 413 : 400;
        status = result_page(request, response, id, &result, &outcome);
    }
    store_rows_release(&result.lines);
    return status;
}
