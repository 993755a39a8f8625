#include "harvest_imports.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../actions/harvest.h"
#include "../../store/store_harvest_views.h"
#include "../html/csv.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "harvest_view.h"
#include "../../core/banned.h"

enum { MAX_SITES = 500, HASH_SHOWN = 12 };

/* ---- the list of imports ---- */

/* In the order of enum harvest_import_column: the store sorts them. */
static const struct paging_column import_columns[HARVEST_IMPORT_COLUMNS] = {
    {"when", "Imported", false},      {"site", "Site", false},
    {"file", "File", false},          {NULL, "By", false},
    {NULL, "SHA-256", false},         {"read", "Read", true},
    {"created", "Created", true},     {"duplicates", "Duplicates", true},
    {"withdrawn", "Withdrawn", true}, {"waiting", "Waiting", true},
    {"refused", "Refused", true},
};

static const struct paging_list import_list = {import_columns,
                                               sizeof import_columns / sizeof import_columns[0],
                                               HARVEST_IMPORT_WHEN,
                                               true,
                                               25,
                                               "imports",
                                               "import"};

static void import_row(struct html *h, const struct harvest_import_item *import)
{
    char hash[HASH_SHOWN + 8];
    snprintf(hash, sizeof hash, "%.*s\u2026", HASH_SHOWN,
             import->file_sha256 != NULL ? import->file_sha256 : "");
    html_markup(h, "<tr>");
    harvest_view_moment_cell(h, import->imported_at);
    paging_write_cell(h, import->site_url, false);
    paging_write_link_cell(h, "/harvest/imports/", import->id,
                           import->file_name != NULL && import->file_name[0] != '\0'
                               ? import->file_name
                               : "(no name)");
    paging_write_cell(h, import->by, false);
    paging_write_cell(h, hash, false);
    const int64_t counts[] = {import->read,      import->created, import->duplicates,
                              import->withdrawn, import->waiting, import->refused};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        paging_write_count_cell(h, counts[i]);
    }
    html_markup(h, "</tr>\n");
}

/* The rows of one page of the imports (of the site, when site_id is not 0). */
static void import_rows(struct web_request *request, struct html *h, int64_t site_id,
                        const struct store_page *page)
{
    struct harvest_import_item *imports = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_imports(request->store, site_id, page, &request->arena,
                                             &imports, &count, &err));
    for (size_t i = 0; i < count; i++) {
        import_row(h, &imports[i]);
    }
}

/* A table head that does not sort: the latest imports, on other pages. */
static void plain_head(struct html *h)
{
    html_markup(h, "<thead><tr>");
    for (size_t i = 0; i < import_list.column_count; i++) {
        if (import_columns[i].number) {
            html_markup(h, "<th scope=\"col\" class=\"number\">");
        } else {
            html_markup(h, "<th scope=\"col\">");
        }
        html_text(h, import_columns[i].label);
        html_markup(h, "</th>");
    }
    html_markup(h, "</tr></thead>\n");
}

void harvest_imports_recent(struct web_request *request, struct html *h, int64_t site_id,
                            int64_t limit)
{
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_import_count(request->store, site_id, &total, &err));
    if (total == 0) {
        html_markup(h, "<p>No report has been imported yet.</p>\n");
        return;
    }
    html_markup(h, "<div class=\"usa-table-container--scrollable\" tabindex=\"0\">"
                   "<table class=\"usa-table usa-table--borderless harvest-imports\">\n"
                   "<caption>The latest imports, newest first</caption>\n");
    plain_head(h);
    html_markup(h, "<tbody>\n");
    const struct store_page latest = {HARVEST_IMPORT_WHEN, true, limit, 0};
    import_rows(request, h, site_id, &latest);
    html_markup(h, "</tbody>\n</table></div>\n");
}

/* The sites as a select's options (values their ids), from the request's arena. */
static size_t site_options(struct web_request *request, struct html *h,
                           const struct form_option **options)
{
    struct harvest_site_choice *sites = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_site_choices(request->store, MAX_SITES, &request->arena,
                                                  &sites, &count, &err));
    struct form_option *made =
        count > 0 ? arena_calloc(&request->arena, count, sizeof *made) : NULL;
    if (count > 0 && made == NULL) {
        html_fail(h, CT_ERR_NOMEM);
        count = 0;
    }
    for (size_t i = 0; i < count; i++) {
        made[i] =
            (struct form_option){harvest_view_id_text(&request->arena, sites[i].id), sites[i].url};
        if (made[i].value == NULL) {
            html_fail(h, CT_ERR_NOMEM);
            count = 0;
        }
    }
    *options = made;
    return count;
}

enum ct_status page_harvest_imports(struct web_request *request, struct web_response *response,
                                    int64_t id)
{
    (void)id;
    const char *site_text = web_query_value(request, "site");
    int64_t site_id = harvest_view_id(site_text);
    struct paging paging;
    paging_from_request(&paging, &import_list, request);
    paging_keep(&paging, "site", site_id > 0 ? site_text : NULL);
    web_set_title(response, "Report imports");
    struct html h;
    html_start(&h, &response->body);
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(&h, store_harvest_views_import_count(request->store, site_id, &total, &err));
    paging_set_total(&paging, total);
    const struct form_option *sites = NULL;
    size_t site_count = site_options(request, &h, &sites);
    html_markup(&h, "<p class=\"actions\"><a class=\"usa-button\""
                    " href=\"/harvest/imports/new\">Import a report</a></p>\n");
    const struct harvest_filter filter = {"/harvest/imports",
                                          "site",
                                          "Site",
                                          "All sites",
                                          sites,
                                          site_count,
                                          site_id > 0 ? site_text : NULL,
                                          import_columns[paging.column].key,
                                          paging.descending ? "desc" : "asc"};
    harvest_view_filter_form(&h, &filter);
    html_markup(&h, "<div class=\"usa-table-container--scrollable\" tabindex=\"0\">"
                    "<table class=\"usa-table usa-table--borderless harvest-imports\">\n"
                    "<caption>Imports of Moodle report files</caption>\n");
    paging_write_head(&h, &paging);
    html_markup(&h, "<tbody>\n");
    const struct store_page page = paging_page(&paging);
    import_rows(request, &h, site_id, &page);
    html_markup(&h, "</tbody>\n</table></div>\n");
    paging_write_nav(&h, &paging);
    return html_status(&h);
}

/* ---- importing a file ---- */

struct import_form {
    const char *site_error;
    const char *file_error;
    char message[700]; /* a refusal of the importer, as a sentence */
};

static void import_fields(struct web_request *request, struct html *h,
                          const struct import_form *form, const struct form_option *sites,
                          size_t site_count)
{
    const char *site = strcmp(request->method, "POST") == 0 ? web_form_value(request, "site")
                                                            : web_query_value(request, "site");
    const struct form_field fields[] = {
        {.id = "site",
         .label = "Site",
         .hint = "The Moodle the report was downloaded from: its dates are read in the site's"
                 " time zone.",
         .error = form->site_error,
         .control = FORM_SELECT,
         .value = site,
         .options = sites,
         .option_count = site_count,
         .required = true},
        {.id = "file",
         .label = "Report file",
         .hint = "The activity completion report as Moodle downloads it (.csv, up to 64 MiB).",
         .error = form->file_error,
         .control = FORM_FILE,
         .accept = ".csv,text/csv,text/plain",
         .required = true},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        html_field(h, &fields[i]);
    }
}

static enum ct_status import_form_page(struct web_request *request, struct web_response *response,
                                       const struct import_form *form)
{
    web_set_title(response, "Import a Moodle report");
    struct html h;
    html_start(&h, &response->body);
    const struct form_option *sites = NULL;
    size_t site_count = site_options(request, &h, &sites);
    const struct error_summary_field fields[] = {{"site", NULL, "Site"},
                                                 {"file", NULL, "Report file"}};
    const char *const messages[] = {form->site_error, form->file_error};
    harvest_view_refused_summary(&h, "The report was not imported", fields, messages, 2);
    if (site_count == 0) {
        html_markup(&h, "<p>No LMS site is registered yet: <a href=\"/harvest/sites/new\">"
                        "add the site</a> the report comes from first.</p>\n");
        return html_status(&h);
    }
    html_markup(&h,
                "<p>In Moodle: the course, <strong>Reports &gt; Activity completion</strong>, then"
                " <strong>Download in spreadsheet format (UTF-8 .csv)</strong> or <strong>Download"
                " in Excel-compatible format (.csv)</strong>. Learners are matched by their"
                " e-mail address, activities by the LMS names mapped in the"
                " <a href=\"/catalog\">catalog</a>. Importing the same file again creates"
                " nothing new.</p>\n<form class=\"usa-form usa-form--large\" method=\"post\""
                " action=\"/harvest/imports/new\" enctype=\"multipart/form-data\">\n");
    html_csrf(&h, request->csrf);
    import_fields(request, &h, form, sites, site_count);
    html_markup(&h, "<button class=\"usa-button\" type=\"submit\">Import the report"
                    "</button>\n</form>\n<p><a href=\"/harvest\">Back to the harvest"
                    "</a></p>\n");
    return html_status(&h);
}

enum ct_status page_harvest_import_new(struct web_request *request, struct web_response *response,
                                       int64_t id)
{
    (void)id;
    struct import_form form = {0};
    return import_form_page(request, response, &form);
}

static enum ct_status upload_read(void *context, unsigned char *buffer, size_t size, size_t *got,
                                  struct ct_err *err)
{
    FILE *file = context;
    *got = fread(buffer, 1, size, file);
    if (*got < size && ferror(file)) {
        return ct_err_set(err, CT_ERR_IO, "file", "cannot read the uploaded file: %s",
                          strerror(errno));
    }
    return CT_OK;
}

/* The form again with the refusal at its fields: a file over the upload limit (which
 * the server dropped, so the action saw none) is 413, the rest 400. */
static enum ct_status import_refused(struct web_request *request, struct web_response *response,
                                     const struct action_outcome *outcome, bool file_sent)
{
    struct import_form form = {0};
    const struct action_fault *site = action_fault_of(outcome, "site");
    const struct action_fault *file = action_fault_of(outcome, "file");
    form.site_error = site != NULL ? site->message : NULL;
    if (request->upload.too_large) {
        form.file_error = "The file is larger than 64 MiB: import it from the command line"
                          " (certtrack import moodle-progress).";
    } else if (file != NULL && file_sent) {
        char reason[600];
        ct_err_format(&outcome->err, reason, sizeof reason);
        snprintf(form.message, sizeof form.message,
                 "This file was not imported, and nothing of it was kept: %s", reason);
        form.file_error = form.message;
    } else if (file != NULL) {
        form.file_error = file->message;
    }
    if (form.site_error == NULL && form.file_error == NULL) {
        bool forbidden = outcome->refusal == ACTION_NOT_ALLOWED;
        return page_error(request, response, forbidden ? 403 : 400,
                          forbidden ? "Not allowed" : "Request refused", outcome->err.message);
    }
    response->status = request->upload.too_large ? 413 : 400;
    return import_form_page(request, response, &form);
}

enum ct_status page_harvest_import_new_submit(struct web_request *request,
                                              struct web_response *response, int64_t id)
{
    (void)id;
    const struct web_upload *upload = &request->upload;
    bool file_sent =
        upload->file != NULL && !upload->too_large && (upload->size > 0 || upload->name[0] != '\0');
    struct moodle_progress_source source = {upload_read, upload->file};
    const struct harvest_import_input input = {
        .site_id = harvest_view_id(web_form_value(request, "site")),
        .source = file_sent ? &source : NULL,
        .file_name = upload->name,
        .via = "web",
    };
    struct actor actor = web_actor(request);
    struct harvest_import_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        action_harvest_import(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        return import_refused(request, response, &outcome, file_sent);
    }
    if (status != CT_OK) {
        return status;
    }
    char location[80];
    snprintf(location, sizeof location, "/harvest/imports/%" PRId64 "?done=imported",
             result.summary.import_id);
    web_redirect(response, location);
    return CT_OK;
}

/* ---- one import ---- */

static const char *const outcomes[] = {"created", "duplicate", "withdrawn",
                                       "waiting", "refused",   "partial"};
enum { OUTCOME_COUNT = sizeof outcomes / sizeof outcomes[0] };

/* In the order of enum harvest_record_column: the store sorts them. */
static const struct paging_column row_columns[HARVEST_RECORD_COLUMNS] = {
    {"line", "Line", true},        {"outcome", "Outcome", false},   {"reason", "Reason", false},
    {"learner", "Learner", false}, {"activity", "Activity", false}, {NULL, "Date", false},
};

static const struct paging_list row_list = {row_columns,
                                            sizeof row_columns / sizeof row_columns[0],
                                            HARVEST_RECORD_LINE,
                                            false,
                                            50,
                                            "records",
                                            "record"};

static const char *known_outcome(const char *text)
{
    for (size_t i = 0; text != NULL && i < OUTCOME_COUNT; i++) {
        if (strcmp(text, outcomes[i]) == 0) {
            return outcomes[i];
        }
    }
    return NULL;
}

static void learner_cell(struct html *h, const char *name, const char *email)
{
    html_markup(h, "<td>");
    if (name != NULL && name[0] != '\0') {
        html_text(h, name);
        if (email != NULL && email[0] != '\0') {
            html_markup(h, "<br>");
        }
    }
    html_text(h, email);
    html_markup(h, "</td>");
}

static void record_row(struct html *h, const struct harvest_record_item *record)
{
    html_markup(h, "<tr>");
    paging_write_count_cell(h, record->line);
    paging_write_cell(h, record->outcome, false);
    paging_write_cell(h, record->reason, false);
    learner_cell(h, record->learner_name, record->learner_email);
    paging_write_cell(h, record->activity_name, false);
    paging_write_cell(h, record->completed, false);
    html_markup(h, "</tr>\n");
}

/* Who and what: the site, the file, its hash, when and by whom. */
static void import_summary(struct html *h, const struct harvest_import_view *view)
{
    char when[64];
    moment_of_text(view->info.imported_at, when, sizeof when);
    html_markup(h, "<dl class=\"summary\">\n<dt>Site</dt><dd><a href=\"/harvest/sites/");
    html_int(h, view->info.site_id);
    html_markup(h, "\">");
    html_text(h, view->site_url);
    html_markup(h, "</a></dd>\n");
    html_term(h, "File", view->info.file_name);
    html_markup(h, "<dt>SHA-256</dt><dd><code>");
    html_text(h, view->info.file_sha256);
    html_markup(h, "</code></dd>\n");
    html_term(h, "Imported", when);
    html_term(h, "By", view->by);
    html_markup(h, "</dl>\n");
}

/* The counts, and the refused records by reason. */
static void import_counts(struct web_request *request, struct html *h,
                          const struct harvest_import_view *view)
{
    const struct harvest_counts *counts = &view->info.counts;
    const struct {
        const char *label;
        int64_t number;
    } terms[] = {{"Rows read", counts->read},
                 {"Created", counts->created},
                 {"Duplicates", counts->duplicates},
                 {"Withdrawn", counts->withdrawn},
                 {"Waiting", counts->waiting},
                 {"Refused", counts->refused},
                 {"Parts of a course (not yet complete)", counts->partial}};
    html_markup(h, "<h2>Reconciliation</h2>\n<dl class=\"summary\">\n");
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        harvest_view_count_term(h, terms[i].label, terms[i].number);
    }
    html_markup(h, "</dl>\n");
    struct harvest_reason_count *reasons = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    html_fail(h, store_harvest_views_import_reasons(request->store, view->info.id, &request->arena,
                                                    &reasons, &count, &err));
    if (count == 0) {
        return;
    }
    html_markup(h, "<p>Refused records, by reason:</p>\n<ul>\n");
    for (size_t i = 0; i < count; i++) {
        html_markup(h, "<li>");
        html_text(h, reasons[i].reason);
        html_markup(h, ": ");
        html_int(h, reasons[i].count);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
}

/* The records' heading, their CSV and the filter by outcome. */
static void record_filter(struct html *h, int64_t import_id, const char *outcome,
                          const struct paging *paging)
{
    char action[48];
    snprintf(action, sizeof action, "/harvest/imports/%" PRId64, import_id);
    struct form_option options[OUTCOME_COUNT];
    for (size_t i = 0; i < OUTCOME_COUNT; i++) {
        options[i] = (struct form_option){outcomes[i], outcomes[i]};
    }
    const struct harvest_filter filter = {action,
                                          "outcome",
                                          "Outcome",
                                          "Every outcome",
                                          options,
                                          OUTCOME_COUNT,
                                          outcome,
                                          row_columns[paging->column].key,
                                          paging->descending ? "desc" : "asc"};
    html_markup(h, "<h2>Records</h2>\n<p><a href=\"/harvest/imports/");
    html_int(h, import_id);
    html_markup(h, ".csv\">Download every record as CSV</a></p>\n");
    harvest_view_filter_form(h, &filter);
}

static void record_table(struct web_request *request, struct html *h, int64_t import_id)
{
    const char *outcome = known_outcome(web_query_value(request, "outcome"));
    const char *filter_value = outcome != NULL ? outcome : "";
    struct paging paging;
    paging_from_request(&paging, &row_list, request);
    paging_keep(&paging, "outcome", outcome);
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(
        h, store_harvest_views_record_count(request->store, import_id, filter_value, &total, &err));
    paging_set_total(&paging, total);
    record_filter(h, import_id, outcome, &paging);
    paging_write_table_begin(h, &paging, "Each record read, by the line of the file");
    struct harvest_record_item *records = NULL;
    size_t count = 0;
    const struct store_page page = paging_page(&paging);
    html_fail(h, store_harvest_views_records(request->store, import_id, filter_value, &page,
                                             &request->arena, &records, &count, &err));
    for (size_t i = 0; i < count; i++) {
        record_row(h, &records[i]);
    }
    paging_write_table_end(h, &paging);
}

enum ct_status page_harvest_import(struct web_request *request, struct web_response *response,
                                   int64_t import_id)
{
    struct ct_err err = {0};
    struct harvest_import_view view;
    bool found = false;
    enum ct_status status =
        store_harvest_views_import(request->store, import_id, &view, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "import");
    }
    web_set_title(response, "Import %" PRId64 ": %s", import_id, view.info.file_name);
    struct html h;
    html_start(&h, &response->body);
    import_summary(&h, &view);
    import_counts(request, &h, &view);
    record_table(request, &h, import_id);
    html_markup(&h, "<p><a href=\"/harvest/imports\">Every import</a></p>\n");
    return html_status(&h);
}

/* ---- one import as CSV ---- */

static enum ct_status csv_record(void *context, const struct harvest_row *row, struct ct_err *err)
{
    (void)err;
    struct buf *out = context;
    char line[24], activity[24] = "", column[24] = "";
    snprintf(line, sizeof line, "%" PRId64, row->line);
    if (row->column > 0) {
        snprintf(column, sizeof column, "%" PRId64, row->column);
    }
    if (row->activity_id > 0) {
        snprintf(activity, sizeof activity, "%" PRId64, row->activity_id);
    }
    const char *cells[] = {line,
                           store_harvest_row_outcome_name(row->outcome),
                           row->reason,
                           row->learner_email,
                           row->learner_name,
                           row->activity_name,
                           row->completed,
                           activity,
                           column};
    return csv_write_row(out, cells, sizeof cells / sizeof cells[0]);
}

enum ct_status page_harvest_import_csv(struct web_request *request, struct web_response *response,
                                       int64_t import_id)
{
    struct ct_err err = {0};
    struct harvest_import_info info;
    bool found = false;
    enum ct_status status =
        store_harvest_import_find(request->store, import_id, &info, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        return page_not_found(request, response, "import");
    }
    static const char *const head[] = {"line",          "outcome",      "reason",
                                       "learner_email", "learner_name", "activity",
                                       "completed",     "activity_id",  "column"};
    response->content_type = "text/csv; charset=utf-8";
    char disposition[96];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"import-%" PRId64 ".csv\"",
             import_id);
    web_add_header(response, "Content-Disposition", disposition);
    status = csv_write_row(&response->body, head, sizeof head / sizeof head[0]);
    return status == CT_OK ? store_harvest_rows_each(request->store, import_id, csv_record,
                                                     &response->body, &err)
                           : status;
}
