#include "harvest_imports.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../harvest/moodle_import.h"
#include "../../store/store_harvest.h"
#include "../html/csv.h"
#include "../html/form.h"
#include "harvest_view.h"
#include "../html/html.h"
#include "dashboard.h"
#include "../html/paging.h"
#include "../html/layout.h"
#include "../../core/banned.h"

enum { MAX_SITES = 500, HASH_SHOWN = 12 };

static const char sites_sql[] = "SELECT id, url FROM lms_sites ORDER BY url";

/* ---- the list of imports ---- */

static const struct paging_column import_columns[] = {
    {"when", "Imported", "i.imported_at", false},
    {"site", "Site", "LOWER(s.url)", false},
    {"file", "File", "LOWER(i.file_name)", false},
    {NULL, "By", NULL, false},
    {NULL, "SHA-256", NULL, false},
    {"read", "Read", "i.rows_read", true},
    {"created", "Created", "i.created", true},
    {"duplicates", "Duplicates", "i.duplicates", true},
    {"withdrawn", "Withdrawn", "i.withdrawn", true},
    {"waiting", "Waiting", "i.waiting", true},
    {"refused", "Refused", "i.refused", true},
};

static const struct paging_list import_list = {
    import_columns, sizeof import_columns / sizeof import_columns[0], 0, true, "i.id", 25,
    "imports"};

/* Every import, or those of one site (when the parameter, bound twice, is not 0). */
static const char imports_sql[] =
    "SELECT i.id, i.imported_at, s.url, i.file_name,"
    " COALESCE(p.name, 'the ' || i.imported_via), i.file_sha256, i.rows_read, i.created,"
    " i.duplicates, i.withdrawn, i.waiting, i.refused FROM harvest_imports i"
    " JOIN lms_sites s ON s.id = i.site_id LEFT JOIN people p ON p.id = i.imported_by"
    " WHERE ? = 0 OR i.site_id = ?";

static enum ct_status import_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct buf *out = context;
    char when[64], hash[HASH_SHOWN + 8];
    harvest_view_moment(db_column_text(stmt, 1), when, sizeof when);
    const char *sha256 = db_column_text(stmt, 5);
    snprintf(hash, sizeof hash, "%.*s\u2026", HASH_SHOWN, sha256 != NULL ? sha256 : "");
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_cell(out, when, false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 2), false);
    }
    if (status == CT_OK) {
        status =
            paging_link_cell(out, "/harvest/imports/", db_column_int64(stmt, 0),
                             db_column_text(stmt, 3) != NULL && db_column_text(stmt, 3)[0] != '\0'
                                 ? db_column_text(stmt, 3)
                                 : "(no name)");
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 4), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, hash, false);
    }
    for (int column = 6; column <= 11 && status == CT_OK; column++) {
        status = harvest_view_count_cell(out, db_column_int64(stmt, column));
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

/* A table head that does not sort: the latest imports, on other pages. */
static enum ct_status plain_head(struct buf *out)
{
    enum ct_status status = html_buf_markup(out, "<thead><tr>");
    for (size_t i = 0; i < import_list.column_count && status == CT_OK; i++) {
        status = import_columns[i].number
                     ? html_buf_markup(out, "<th scope=\"col\" class=\"number\">")
                     : html_buf_markup(out, "<th scope=\"col\">");
        if (status == CT_OK) {
            status = html_buf_text(out, import_columns[i].label);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</th>");
        }
    }
    return status == CT_OK ? html_buf_markup(out, "</tr></thead>\n") : status;
}

static enum ct_status count_imports(struct web_request *request, int64_t site_id, int64_t *total,
                                    struct ct_err *err)
{
    *total = 0;
    return STORE_EXEC(request->store,
                      "SELECT COUNT(*) FROM harvest_imports WHERE ? = 0 OR site_id = ?", total, err,
                      DB_INT(site_id), DB_INT(site_id));
}

enum ct_status harvest_imports_recent(struct web_request *request, struct buf *out, int64_t site_id,
                                      int64_t limit, struct ct_err *err)
{
    int64_t total = 0;
    enum ct_status status = count_imports(request, site_id, &total, err);
    if (status != CT_OK || total == 0) {
        return status == CT_OK ? html_buf_markup(out, "<p>No report has been imported yet.</p>\n")
                               : status;
    }
    struct paging paging;
    paging_parse(&paging, &import_list, "/harvest/imports", NULL, NULL, NULL);
    struct paging_list latest = import_list;
    latest.per_page = limit;
    paging.list = &latest;
    paging_set_total(&paging, total);
    status =
        html_buf_markup(out, "<div class=\"usa-table-container--scrollable\" tabindex=\"0\">"
                             "<table class=\"usa-table usa-table--borderless harvest-imports\">\n"
                             "<caption>The latest imports, newest first</caption>\n");
    if (status == CT_OK) {
        status = plain_head(out);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = paging_each_row(request->store->db, imports_sql,
                                 STORE_PARAMS(DB_INT(site_id), DB_INT(site_id)), 2, &paging,
                                 import_row, out, err);
    }
    return status == CT_OK ? html_buf_markup(out, "</tbody>\n</table></div>\n") : status;
}

enum ct_status page_harvest_imports(struct web_request *request, struct web_response *response)
{
    struct buf *out = &response->body;
    const char *site_text = web_query_value(request, "site");
    int64_t site_id = harvest_view_id(site_text);
    struct paging paging;
    paging_from_request(&paging, &import_list, request);
    paging_keep(&paging, "site", site_id > 0 ? site_text : NULL);
    struct ct_err err = {0};
    int64_t total = 0;
    enum ct_status status = count_imports(request, site_id, &total, &err);
    paging_set_total(&paging, total);
    struct harvest_choices sites = {0};
    if (status == CT_OK) {
        status =
            harvest_view_choices_load(request->store, sites_sql, NULL, 0, MAX_SITES, &sites, &err);
    }
    if (status == CT_OK) {
        status = page_begin(request, response, "Report imports");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p class=\"actions\"><a class=\"usa-button\""
                                      " href=\"/harvest/imports/new\">Import a report</a></p>\n");
    }
    struct harvest_filter filter = {"/harvest/imports",
                                    "site",
                                    "Site",
                                    "All sites",
                                    sites.options,
                                    sites.count,
                                    site_id > 0 ? site_text : NULL,
                                    import_columns[paging.column].key,
                                    paging.descending ? "desc" : "asc"};
    if (status == CT_OK) {
        status = harvest_view_filter_form(out, &filter);
    }
    harvest_view_choices_release(&sites);
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<div class=\"usa-table-container--scrollable\" tabindex=\"0\">"
                                 "<table class=\"usa-table usa-table--borderless"
                                 " harvest-imports\">\n<caption>Imports of Moodle report files"
                                 "</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = paging_each_row(request->store->db, imports_sql,
                                 STORE_PARAMS(DB_INT(site_id), DB_INT(site_id)), 2, &paging,
                                 import_row, out, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table></div>\n");
    }
    if (status == CT_OK) {
        status = paging_nav(out, &paging);
    }
    return status == CT_OK ? page_end(request, response) : status;
}

/* ---- importing a file ---- */

struct import_form {
    const char *site_error;
    const char *file_error;
    char message[700]; /* a refusal of the importer, as a sentence */
};

static enum ct_status import_form_page(struct web_request *request, struct web_response *response,
                                       const struct import_form *form)
{
    struct buf *out = &response->body;
    struct ct_err err = {0};
    struct harvest_choices sites = {0};
    enum ct_status status =
        harvest_view_choices_load(request->store, sites_sql, NULL, 0, MAX_SITES, &sites, &err);
    if (status == CT_OK) {
        status = page_begin(request, response, "Import a Moodle report");
    }
    if (status == CT_OK && (form->site_error != NULL || form->file_error != NULL)) {
        status = form_alert(out, FORM_ALERT_ERROR,
                            "The report was not imported: fix what is"
                            " marked.");
    }
    if (status == CT_OK && sites.count == 0) {
        status =
            html_buf_markup(out, "<p>No LMS site is registered yet: <a href=\"/harvest/sites/new\">"
                                 "add the site</a> the report comes from first.</p>\n");
        harvest_view_choices_release(&sites);
        return status == CT_OK ? page_end(request, response) : status;
    }
    if (status == CT_OK) {
        status = html_buf_markup(
            out, "<p>In Moodle: the course, <strong>Reports &gt; Activity completion</strong>, then"
                 " <strong>Download in spreadsheet format (UTF-8 .csv)</strong> or <strong>Download"
                 " in Excel-compatible format (.csv)</strong>. Learners are matched by their"
                 " e-mail address, activities by the LMS names mapped in the"
                 " <a href=\"/catalog\">catalog</a>. Importing the same file again creates"
                 " nothing new.</p>\n<form class=\"usa-form usa-form--large\" method=\"post\""
                 " action=\"/harvest/imports/new\" enctype=\"multipart/form-data\">\n");
    }
    if (status == CT_OK) {
        status = form_csrf(out, request->csrf);
    }
    const char *site = strcmp(request->method, "POST") == 0 ? web_form_value(request, "site")
                                                            : web_query_value(request, "site");
    struct form_field fields[] = {
        {.id = "site",
         .label = "Site",
         .hint = "The Moodle the report was downloaded from: its dates are read in the site's"
                 " time zone.",
         .error = form->site_error,
         .control = FORM_SELECT,
         .value = site,
         .options = sites.options,
         .option_count = sites.count,
         .required = true},
        {.id = "file",
         .label = "Report file",
         .hint = "The activity completion report as Moodle downloads it (.csv, up to 64 MiB).",
         .error = form->file_error,
         .control = FORM_FILE,
         .accept = ".csv,text/csv,text/plain",
         .required = true},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && status == CT_OK; i++) {
        status = form_field_write(out, &fields[i]);
    }
    harvest_view_choices_release(&sites);
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<button class=\"usa-button\" type=\"submit\">Import the report"
                                 "</button>\n</form>\n<p><a href=\"/harvest\">Back to the harvest"
                                 "</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
}

enum ct_status page_harvest_import_new(struct web_request *request, struct web_response *response)
{
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

/* Runs the importer on the upload; a refusal of the file becomes its field's error. */
static enum ct_status import_upload(struct web_request *request, struct web_response *response,
                                    const struct lms_site *site, struct import_form *form)
{
    struct moodle_progress_source source = {upload_read, request->upload.file};
    struct moodle_import_summary summary;
    struct ct_err err = {0};
    const char *name = request->upload.name[0] != '\0' ? request->upload.name : "upload.csv";
    enum ct_status status = moodle_import_run(request->store, request->person_id, "web", site, name,
                                              &source, &summary, &err);
    if (status == CT_OK) {
        char location[80];
        snprintf(location, sizeof location, "/harvest/imports/%" PRId64 "?done=imported",
                 summary.import_id);
        web_redirect(response, location);
        return CT_OK;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    char reason[600];
    ct_err_format(&err, reason, sizeof reason);
    snprintf(form->message, sizeof form->message,
             "This file was not imported, and nothing of it was kept: %s", reason);
    form->file_error = form->message;
    response->status = 400;
    return import_form_page(request, response, form);
}

enum ct_status page_harvest_import_new_submit(struct web_request *request,
                                              struct web_response *response)
{
    struct import_form form = {0};
    struct ct_err err = {0};
    struct lms_site site;
    bool found = false;
    enum ct_status status = CT_OK;
    int64_t site_id = harvest_view_id(web_form_value(request, "site"));
    if (site_id > 0) {
        status = store_harvest_site_find_by_id(request->store, site_id, &site, &found, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!found) {
        form.site_error = "Choose the site the report comes from.";
    }
    if (request->upload.too_large) {
        form.file_error = "The file is larger than 64 MiB: import it from the command line"
                          " (certtrack import moodle-progress).";
        response->status = 413;
        return import_form_page(request, response, &form);
    }
    if (request->upload.file == NULL ||
        (request->upload.size == 0 && request->upload.name[0] == '\0')) {
        form.file_error = "Choose the report file to upload.";
    }
    if (form.site_error != NULL || form.file_error != NULL) {
        response->status = 400;
        return import_form_page(request, response, &form);
    }
    return import_upload(request, response, &site, &form);
}

/* ---- one import ---- */

static const char *const outcomes[] = {"created", "duplicate", "withdrawn",
                                       "waiting", "refused",   "partial"};
enum { OUTCOME_COUNT = sizeof outcomes / sizeof outcomes[0] };

static const struct paging_column row_columns[] = {
    {"line", "Line", "r.line", true},
    {"outcome", "Outcome", "r.outcome", false},
    {"reason", "Reason", "r.reason", false},
    {"learner", "Learner", "LOWER(r.learner_email)", false},
    {"activity", "Activity", "LOWER(r.activity_name)", false},
    {NULL, "Date", NULL, false},
};

static const struct paging_list row_list = {
    row_columns, sizeof row_columns / sizeof row_columns[0], 0, false, "r.id", 50, "records"};

static const char rows_sql[] =
    "SELECT r.line, r.outcome, r.reason, r.learner_name, r.learner_email, r.activity_name,"
    " r.completed FROM harvest_rows r WHERE r.import_id = ? AND (? = '' OR r.outcome = ?)";

static const char *known_outcome(const char *text)
{
    for (size_t i = 0; text != NULL && i < OUTCOME_COUNT; i++) {
        if (strcmp(text, outcomes[i]) == 0) {
            return outcomes[i];
        }
    }
    return NULL;
}

static enum ct_status learner_cell(struct buf *out, const char *name, const char *email)
{
    enum ct_status status = html_buf_markup(out, "<td>");
    if (status == CT_OK && name != NULL && name[0] != '\0') {
        status = html_buf_text(out, name);
        if (status == CT_OK && email != NULL && email[0] != '\0') {
            status = html_buf_markup(out, "<br>");
        }
    }
    if (status == CT_OK && email != NULL) {
        status = html_buf_text(out, email);
    }
    return status == CT_OK ? html_buf_markup(out, "</td>") : status;
}

static enum ct_status record_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct buf *out = context;
    char line[24];
    snprintf(line, sizeof line, "%" PRId64, db_column_int64(stmt, 0));
    enum ct_status status = html_buf_markup(out, "<tr>");
    if (status == CT_OK) {
        status = paging_cell(out, line, true);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 1), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 2), false);
    }
    if (status == CT_OK) {
        status = learner_cell(out, db_column_text(stmt, 3), db_column_text(stmt, 4));
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 5), false);
    }
    if (status == CT_OK) {
        status = paging_cell(out, db_column_text(stmt, 6), false);
    }
    return status == CT_OK ? html_buf_markup(out, "</tr>\n") : status;
}

/* Who and what: the site, the file, its hash, when and by whom. */
static enum ct_status import_summary(struct web_request *request, struct buf *out,
                                     const struct harvest_import_info *info, struct ct_err *err)
{
    struct lms_site site;
    bool found = false;
    enum ct_status status =
        store_harvest_site_find_by_id(request->store, info->site_id, &site, &found, err);
    char by[300] = "";
    bool known = false;
    if (status == CT_OK) {
        status = store_query_text(request->store,
                                  "SELECT COALESCE(p.name, 'the ' || i.imported_via) ||"
                                  " CASE WHEN p.name IS NULL THEN '' ELSE ' (' || i.imported_via"
                                  " || ')' END FROM harvest_imports i LEFT JOIN people p"
                                  " ON p.id = i.imported_by WHERE i.id = ?",
                                  STORE_PARAMS(DB_INT(info->id)), 1, by, sizeof by, &known, err);
    }
    char when[64], href[48];
    harvest_view_moment(info->imported_at, when, sizeof when);
    snprintf(href, sizeof href, "/harvest/sites/%" PRId64, info->site_id);
    if (status == CT_OK) {
        status = html_buf_markup(out, "<dl class=\"summary\">\n<dt>Site</dt><dd><a href=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, href);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, found ? site.url : "");
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</a></dd>\n");
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "File", info->file_name);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<dt>SHA-256</dt><dd><code>");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, info->file_sha256);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</code></dd>\n");
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "Imported", when);
    }
    if (status == CT_OK) {
        status = harvest_view_term(out, "By", by);
    }
    return status == CT_OK ? html_buf_markup(out, "</dl>\n") : status;
}

/* The counts, and the refused records by reason. */
static enum ct_status import_counts(struct web_request *request, struct buf *out,
                                    const struct harvest_import_info *info, struct ct_err *err)
{
    const struct harvest_counts *counts = &info->counts;
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
    enum ct_status status =
        html_buf_markup(out, "<h2>Reconciliation</h2>\n<dl class=\"summary\">\n");
    for (size_t i = 0; i < sizeof terms / sizeof terms[0] && status == CT_OK; i++) {
        status = harvest_view_count_term(out, terms[i].label, terms[i].number);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</dl>\n");
    }
    struct db_stmt *stmt = NULL;
    if (status == CT_OK) {
        status = db_prepare(request->store->db,
                            "SELECT COALESCE(reason, ''), COUNT(*) FROM harvest_rows WHERE"
                            " import_id = ? AND outcome = 'refused' GROUP BY reason"
                            " ORDER BY COUNT(*) DESC, reason",
                            &stmt, err);
    }
    if (status == CT_OK) {
        status = db_bind_all(stmt, STORE_PARAMS(DB_INT(info->id)), 1, err);
    }
    bool has_row = true, any = false;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (!any) {
            status = html_buf_markup(out, "<p>Refused records, by reason:</p>\n<ul>\n");
            any = true;
        }
        char line[600];
        snprintf(line, sizeof line, "%s: %" PRId64, db_column_text(stmt, 0),
                 db_column_int64(stmt, 1));
        if (status == CT_OK) {
            status = html_buf_markup(out, "<li>");
        }
        if (status == CT_OK) {
            status = html_buf_text(out, line);
        }
        if (status == CT_OK) {
            status = html_buf_markup(out, "</li>\n");
        }
    }
    db_finalize(stmt);
    return status == CT_OK && any ? html_buf_markup(out, "</ul>\n") : status;
}

static enum ct_status record_table(struct web_request *request, struct buf *out, int64_t import_id,
                                   struct ct_err *err)
{
    const char *outcome = known_outcome(web_query_value(request, "outcome"));
    const char *filter_value = outcome != NULL ? outcome : "";
    struct paging paging;
    paging_from_request(&paging, &row_list, request);
    paging_keep(&paging, "outcome", outcome);
    int64_t total = 0;
    enum ct_status status =
        STORE_EXEC(request->store,
                   "SELECT COUNT(*) FROM harvest_rows WHERE import_id = ? AND"
                   " (? = '' OR outcome = ?)",
                   &total, err, DB_INT(import_id), DB_TEXT(filter_value), DB_TEXT(filter_value));
    paging_set_total(&paging, total);
    char action[48], csv[56];
    snprintf(action, sizeof action, "/harvest/imports/%" PRId64, import_id);
    snprintf(csv, sizeof csv, "/harvest/imports/%" PRId64 ".csv", import_id);
    struct form_option options[OUTCOME_COUNT];
    for (size_t i = 0; i < OUTCOME_COUNT; i++) {
        options[i] = (struct form_option){outcomes[i], outcomes[i]};
    }
    struct harvest_filter filter = {action,
                                    "outcome",
                                    "Outcome",
                                    "Every outcome",
                                    options,
                                    OUTCOME_COUNT,
                                    outcome,
                                    row_columns[paging.column].key,
                                    paging.descending ? "desc" : "asc"};
    if (status == CT_OK) {
        status = html_buf_markup(out, "<h2>Records</h2>\n<p><a href=\"");
    }
    if (status == CT_OK) {
        status = html_buf_text(out, csv);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "\">Download every record as CSV</a></p>\n");
    }
    if (status == CT_OK) {
        status = harvest_view_filter_form(out, &filter);
    }
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<table class=\"usa-table usa-table--borderless\">\n"
                                 "<caption>Each record read, by the line of the file</caption>\n");
    }
    if (status == CT_OK) {
        status = paging_table_head(out, &paging);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<tbody>\n");
    }
    if (status == CT_OK) {
        status = paging_each_row(
            request->store->db, rows_sql,
            STORE_PARAMS(DB_INT(import_id), DB_TEXT(filter_value), DB_TEXT(filter_value)), 3,
            &paging, record_row, out, err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "</tbody>\n</table>\n");
    }
    return status == CT_OK ? paging_nav(out, &paging) : status;
}

enum ct_status page_harvest_import(struct web_request *request, struct web_response *response,
                                   int64_t import_id)
{
    struct ct_err err = {0};
    struct harvest_import_info info;
    bool found = false;
    enum ct_status status =
        store_harvest_import_find(request->store, import_id, &info, &found, &err);
    if (status == CT_OK && !found) {
        return page_error(request, response, 404, "Page not found",
                          "There is no import at this address.");
    }
    char title[320];
    snprintf(title, sizeof title, "Import %" PRId64 ": %s", import_id, info.file_name);
    struct buf *out = &response->body;
    if (status == CT_OK) {
        status = page_begin(request, response, title);
    }
    if (status == CT_OK) {
        status = import_summary(request, out, &info, &err);
    }
    if (status == CT_OK) {
        status = import_counts(request, out, &info, &err);
    }
    if (status == CT_OK) {
        status = record_table(request, out, import_id, &err);
    }
    if (status == CT_OK) {
        status = html_buf_markup(out, "<p><a href=\"/harvest/imports\">Every import</a></p>\n");
    }
    return status == CT_OK ? page_end(request, response) : status;
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
    if (status != CT_OK || !found) {
        return status == CT_OK ? page_error(request, response, 404, "Page not found",
                                            "There is no import at this address.")
                               : status;
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
    if (status == CT_OK) {
        status =
            store_harvest_rows_each(request->store, import_id, csv_record, &response->body, &err);
    }
    return status;
}
