#include "record_imports.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/history_import.h"
#include "../../actions/people_import.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "../../core/banned.h"

/* Refused lines a page shows; the command line shows the same first ones. */
enum { REFUSED_SHOWN = 200, IMPORTS_SHOWN = 25 };

static void counts_list(struct html *h, const struct record_import_counts *counts)
{
    static const char *const labels[RECORD_LINE_OUTCOMES] = {"Created", "Updated", "Unchanged",
                                                             "Refused"};
    html_markup(h, "<dl class=\"summary\">\n");
    char number[32];
    snprintf(number, sizeof number, "%" PRId64, counts->rows_read);
    html_term(h, "Lines read", number);
    for (int i = 0; i < RECORD_LINE_OUTCOMES; i++) {
        snprintf(number, sizeof number, "%" PRId64, counts->of[i]);
        html_term(h, labels[i], number);
    }
    html_markup(h, "</dl>\n");
}

static void refused_table(struct html *h, const struct store_rows *refused, int64_t total)
{
    if (total == 0) {
        html_markup(h, "<p>No line was refused.</p>\n");
        return;
    }
    static const char *const columns[] = {"Line", "Reason", "What"};
    html_table_begin(h, "Refused lines", columns, 3);
    const struct record_import_line *lines = refused->items;
    for (size_t i = 0; i < refused->count; i++) {
        html_markup(h, "<tr><td>");
        html_int(h, lines[i].line);
        html_markup(h, "</td><td>");
        html_text(h, lines[i].reason);
        html_markup(h, "</td><td>");
        html_text(h, lines[i].what);
        html_markup(h, "</td></tr>\n");
    }
    html_table_end(h);
    if (total > (int64_t)refused->count) {
        html_format_literal(h,
                            "<p>%" PRId64 " more refused lines are not shown here; the command"
                            " line lists them too.</p>\n",
                            total - (int64_t)refused->count);
    }
}

/* ---- the page of imports ---- */

static void history_form(struct web_request *request, struct html *h, const char *file_error)
{
    html_markup(h, "<h2>Certificates and credit history</h2>\n<p>A CSV file of earlier"
                   " activities and certificates, one a line, of people certtrack knows by"
                   " e-mail (the columns are in the operator's guide, docs/operations.md)."
                   " Importing the same file again changes nothing.</p>\n"
                   "<form class=\"usa-form usa-form--large\" method=\"post\""
                   " action=\"/imports/history\" enctype=\"multipart/form-data\">\n");
    html_csrf(h, request->csrf);
    const struct form_field fields[] = {
        {.id = "file",
         .label = "History file",
         .hint = "UTF-8 CSV with a header row, up to 64 MiB.",
         .error = file_error,
         .control = FORM_FILE,
         .accept = ".csv,text/csv,text/plain",
         .required = true},
        {.id = "dry_run",
         .label = "Dry run: show what would change, keep nothing",
         .control = FORM_CHECKBOX,
         .value = web_form_value(request, "dry_run")},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_field(h, &fields[i]);
    }
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Import the file</button>\n"
                   "</form>\n");
}

static void people_form(struct web_request *request, struct html *h, const char *file_error)
{
    html_markup(h, "<h2>Libraries and people</h2>\n<p>A CSV file of libraries, known by their"
                   " id in the state directory, and their people, known by e-mail, with their"
                   " positions, roles, directors and board chairs (the columns are in the"
                   " operator's guide, docs/operations.md). Importing the same file again"
                   " changes nothing.</p>\n"
                   "<form class=\"usa-form usa-form--large\" method=\"post\""
                   " action=\"/imports/people\" enctype=\"multipart/form-data\">\n");
    html_csrf(h, request->csrf);
    const struct form_field fields[] = {
        {.id = "people_file",
         .label = "Libraries and people file",
         .hint = "UTF-8 CSV with a header row, up to 64 MiB.",
         .error = file_error,
         .control = FORM_FILE,
         .accept = ".csv,text/csv,text/plain",
         .required = true},
        {.id = "people_dry_run",
         .label = "Dry run: show what would change, keep nothing",
         .control = FORM_CHECKBOX,
         .value = web_form_value(request, "people_dry_run")},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_field(h, &fields[i]);
    }
    html_markup(h, "<button class=\"usa-button\" type=\"submit\">Import the libraries and"
                   " people</button>\n</form>\n");
}

static void latest_imports(struct web_request *request, struct html *h)
{
    struct store_rows rows = {.size = sizeof(struct record_import_view)};
    struct ct_err err = {0};
    if (store_record_imports_latest(request->store, IMPORTS_SHOWN, &rows, &err) != CT_OK) {
        html_fail(h, CT_ERR_IO);
        return;
    }
    static const char *const columns[] = {"Import", "Kind",  "File",   "When",
                                          "By",     "Lines", "Refused"};
    html_table_begin(h, "Latest imports", columns, 7);
    const struct record_import_view *views = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        html_format_literal(
            h, "<tr><td><a href=\"/imports/%" PRId64 "\">Import %" PRId64 "</a></td><td>",
            views[i].id, views[i].id);
        html_text(h, views[i].kind);
        html_markup(h, "</td><td>");
        html_text(h, views[i].file_name);
        html_markup(h, "</td><td>");
        html_moment(h, views[i].at);
        html_markup(h, "</td><td>");
        html_text(h, views[i].by[0] != '\0' ? views[i].by : "the system");
        html_format_literal(h, "</td><td>%" PRId64 "</td><td>%" PRId64 "</td></tr>\n",
                            views[i].counts.rows_read, views[i].counts.of[RECORD_LINE_REFUSED]);
    }
    html_table_end(h);
    store_rows_release(&rows);
}

/* The page of imports; file_error, when not NULL, marks the file of the form of people
 * (the libraries and people one) or of the history one. */
static enum ct_status imports_page(struct web_request *request, struct web_response *response,
                                   bool people, const char *file_error)
{
    web_set_title(response, "Bring in earlier records");
    struct html h;
    html_start(&h, &response->body);
    if (file_error != NULL) {
        html_alert(&h, FORM_ALERT_ERROR, "The file was not imported: fix what is marked.");
    }
    history_form(request, &h, people ? NULL : file_error);
    people_form(request, &h, people ? file_error : NULL);
    latest_imports(request, &h);
    return html_status(&h);
}

enum ct_status page_record_imports(struct web_request *request, struct web_response *response,
                                   int64_t id)
{
    (void)id;
    return imports_page(request, response, false, NULL);
}

/* ---- an upload ---- */

static enum ct_status dry_run_page(struct web_response *response, const char *file_name,
                                   const struct record_import_counts *counts,
                                   const struct store_rows *refused)
{
    web_set_title(response, "Dry run: nothing was kept");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_INFO,
               "This was a dry run: every line was decided as an import would, and nothing was"
               " kept.");
    html_markup(&h, "<p>File: ");
    html_text(&h, file_name);
    html_markup(&h, "</p>\n");
    counts_list(&h, counts);
    refused_table(&h, refused, counts->of[RECORD_LINE_REFUSED]);
    html_markup(&h, "<p><a href=\"/imports\">Back to the imports</a></p>\n");
    return html_status(&h);
}

/* The form again, the importer's refusal of the file at its field. */
static enum ct_status upload_refused(struct web_request *request, struct web_response *response,
                                     bool people, const struct action_outcome *outcome)
{
    if (outcome->refusal == ACTION_NOT_ALLOWED) {
        return page_error(request, response, 403, "Not allowed", outcome->err.message);
    }
    char message[700];
    char reason[600];
    ct_err_format(&outcome->err, reason, sizeof reason);
    snprintf(message, sizeof message, "This file was not imported, and nothing of it was kept: %s",
             reason);
    response->status = 400;
    return imports_page(request, response, people, message);
}

/* The upload's file, or NULL after answering with the form, its file marked. */
static FILE *upload_file(struct web_request *request, struct web_response *response, bool people,
                         enum ct_status *status)
{
    const struct web_upload *upload = &request->upload;
    if (upload->too_large) {
        response->status = 413;
        *status = imports_page(request, response, people,
                               people ? "The file is larger than 64 MiB: import it from the command"
                                        " line (certtrack import people)."
                                      : "The file is larger than 64 MiB: import it from the command"
                                        " line (certtrack import history).");
        return NULL;
    }
    if (upload->file == NULL || (upload->size == 0 && upload->name[0] == '\0')) {
        response->status = 400;
        *status = imports_page(request, response, people,
                               people ? "Choose the libraries and people file to upload."
                                      : "Choose the history file to upload.");
        return NULL;
    }
    return upload->file;
}

/* Answers an import done: its dry run's page, or its page; a refused file, the form. */
static enum ct_status import_answered(struct web_request *request, struct web_response *response,
                                      enum ct_status status, bool people, bool dry_run,
                                      int64_t import_id, const struct record_import_counts *counts,
                                      const struct store_rows *refused,
                                      const struct action_outcome *outcome)
{
    if (status == CT_OK && dry_run) {
        return dry_run_page(response, request->upload.name, counts, refused);
    }
    if (status == CT_OK) {
        char location[64];
        snprintf(location, sizeof location, "/imports/%" PRId64, import_id);
        web_redirect(response, location);
        return CT_OK;
    }
    return status == CT_ERR_INPUT ? upload_refused(request, response, people, outcome) : status;
}

enum ct_status page_record_import_history(struct web_request *request,
                                          struct web_response *response, int64_t id)
{
    (void)id;
    enum ct_status status = CT_OK;
    FILE *file = upload_file(request, response, false, &status);
    if (file == NULL) {
        return status;
    }
    const struct history_import_input input = {file, request->upload.name, "web",
                                               web_form_value(request, "dry_run") != NULL,
                                               REFUSED_SHOWN};
    struct actor actor = web_actor(request);
    struct history_import_result result = {.refused = {.size = sizeof(struct record_import_line)}};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_history_import(request->store, &actor, &input, &result, &outcome);
    status = import_answered(request, response, status, false, input.dry_run, result.import_id,
                             &result.counts, &result.refused, &outcome);
    store_rows_release(&result.refused);
    return status;
}

enum ct_status page_record_import_people(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    enum ct_status status = CT_OK;
    FILE *file = upload_file(request, response, true, &status);
    if (file == NULL) {
        return status;
    }
    const struct people_import_input input = {file, request->upload.name, "web",
                                              web_form_value(request, "people_dry_run") != NULL,
                                              REFUSED_SHOWN};
    struct actor actor = web_actor(request);
    struct people_import_result result = {.refused = {.size = sizeof(struct record_import_line)}};
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    status = action_people_import(request->store, &actor, &input, &result, &outcome);
    status = import_answered(request, response, status, true, input.dry_run, result.import_id,
                             &result.counts, &result.refused, &outcome);
    store_rows_release(&result.refused);
    return status;
}

/* ---- one import ---- */

static void import_summary(struct html *h, const struct record_import_view *view)
{
    html_markup(h, "<dl class=\"summary\">\n");
    html_term(h, "Kind", view->kind);
    html_term(h, "File", view->file_name);
    html_term(h, "SHA-256", view->file_sha256);
    char at[MOMENT_TEXT_SIZE + 32];
    moment_of_text(view->at, at, sizeof at);
    html_term(h, "Imported", at);
    html_term(h, "By", view->by[0] != '\0' ? view->by : "the system");
    html_term(h, "Through", view->via);
    html_markup(h, "</dl>\n");
    counts_list(h, &view->counts);
}

enum ct_status page_record_import(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    struct record_import_view view;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_record_import_get(request->store, id, &view, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "There is no such import.");
    }
    struct store_rows refused = {.size = sizeof(struct record_import_line)};
    status = store_record_import_refused(request->store, id, REFUSED_SHOWN, &refused, &err);
    if (status != CT_OK) {
        return status;
    }
    web_set_title(response, "Import %" PRId64, id);
    struct html h;
    html_start(&h, &response->body);
    import_summary(&h, &view);
    refused_table(&h, &refused, view.counts.of[RECORD_LINE_REFUSED]);
    html_markup(&h, "<p><a href=\"/imports\">Back to the imports</a></p>\n");
    store_rows_release(&refused);
    return html_status(&h);
}
