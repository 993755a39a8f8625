#include "libraries.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../store/store_libraries.h"
#include "../html/html.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/paging.h"
#include "../../actions/libraries.h"
#include "../html/notice.h"
#include "library.h"
#include "library_edit.h"
#include "staff.h"
#include "person_admin.h"
#include "../../core/banned.h"

/* In the order of enum store_library_column. */
static const struct paging_column columns[STORE_LIBRARY_COLUMNS] = {
    [STORE_LIBRARY_NAME] = {"name", "Library", false},
    [STORE_LIBRARY_CITY] = {"city", "City", false},
    [STORE_LIBRARY_CONSULTANT] = {"consultant", "Consultants", false},
    [STORE_LIBRARY_STAFF] = {"staff", "People", true},
    [STORE_LIBRARY_OPEN_TRACKS] = {"open", "Open tracks", true},
};

static const struct paging_list list = {columns, STORE_LIBRARY_COLUMNS, STORE_LIBRARY_NAME, false,
                                        25,      "libraries",           "library"};

/* 0 for a CE coordinator (every library), else the signed-in consultant. */
static int64_t consultant_of(const struct web_request *request)
{
    return (request->roles & ROLE_CE_COORDINATOR) != 0 ? 0 : request->person_id;
}

static void library_row(struct html *h, const struct library_row *row)
{
    html_markup(h, "<tr>");
    char name[300];
    snprintf(name, sizeof name, "%s%s", row->library.name,
             row->library.closed_on[0] != '\0' ? " (closed)" : "");
    paging_write_link_cell(h, "/libraries/", row->library.id, name);
    paging_write_cell(h, row->library.city, false);
    paging_write_cell(h, row->library.consultants, false);
    paging_write_count_cell(h, row->staff);
    paging_write_count_cell(h, row->open_tracks);
    html_markup(h, "</tr>\n");
}

/* The search box: it keeps the order chosen and starts again at the first page. */
static void search_form(struct html *h, const char *query, const struct paging *paging)
{
    html_markup(h, "<form class=\"usa-search\" role=\"search\" aria-label=\"Find a library\""
                   " method=\"get\" action=\"/libraries\">"
                   "<label class=\"usa-sr-only\" for=\"q\">Name, city or directory id</label>"
                   "<input class=\"usa-input\" id=\"q\" type=\"search\" name=\"q\""
                   " maxlength=\"100\" value=\"");
    html_text(h, query != NULL ? query : "");
    html_markup(h, "\">");
    html_hidden(h, "sort", paging->list->columns[paging->column].key);
    html_hidden(h, "dir", paging->descending ? "desc" : "asc");
    html_search_button(h, "Find");
    html_markup(h, "</form>\n");
}

/* The search of the request: NULL for none, or one too long (the box allows 100). */
static const char *search_of(const struct web_request *request)
{
    const char *query = web_query_value(request, "q");
    return query != NULL && query[0] != '\0' && strlen(query) <= STORE_SEARCH_MAX ? query : NULL;
}

enum ct_status page_libraries(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)id;
    struct paging paging;
    paging_from_request(&paging, &list, request);
    const char *query = search_of(request);
    paging_keep(&paging, "q", query);
    struct store_page page = paging_page(&paging);
    struct store_rows rows = {.size = sizeof(struct library_row)};
    int64_t total = 0, consultant = consultant_of(request);
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h,
              store_libraries_list(request->store, consultant, query, &page, &rows, &total, &err));
    paging_set_total(&paging, total);
    web_set_title(response, consultant != 0 ? "Your libraries" : "Libraries");
    if (consultant == 0) {
        html_markup(&h, "<p><a class=\"usa-button\" href=\"/libraries/new\">Add a library</a>"
                        "</p>\n");
    }
    search_form(&h, query, &paging);
    if (total == 0) {
        if (query != NULL) {
            html_markup(&h, "<p>No library matches the search.</p>\n");
        } else if (consultant != 0) {
            html_markup(&h, "<p>No library is assigned to you yet.</p>\n");
        } else {
            html_markup(&h, "<p>No library has been added yet.</p>\n");
        }
        store_rows_release(&rows);
        return html_status(&h);
    }
    paging_write_table_begin(&h, &paging, "Libraries, with their people and open tracks");
    const struct library_row *libraries = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        library_row(&h, &libraries[i]);
    }
    paging_write_table_end(&h, &paging);
    store_rows_release(&rows);
    return html_status(&h);
}

static void library_sections(struct web_request *request, struct html *h,
                             const struct library_view *library)
{
    char about[1200];
    snprintf(about, sizeof about, "%s. %s library%s%s. Consultants: %s.", library->city,
             library_kind_label(library->kind),
             library->external_id[0] != '\0' ? ", directory id " : "", library->external_id,
             library->consultants[0] != '\0' ? library->consultants : "none");
    notice_show(request, h);
    if (library->closed_on[0] != '\0') {
        html_markup(h, "<p><strong>Closed on ");
        html_text(h, library->closed_on);
        html_markup(h, ".</strong> Its people, tracks and certificates are kept.</p>\n");
    }
    html_markup(h, "<p>");
    html_text(h, about);
    html_markup(h, "</p>\n");
    html_format(h,
                "<p><a class=\"usa-link\" href=\"/libraries/%" PRId64 "/history\">"
                "History of changes</a></p>\n",
                library->id);
    library_plan_section(request, h, library);
    html_markup(h, "<h2>Staff</h2>\n");
    staff_progress_table(request, h, library->id);
    library_alignment_table(request, h, library->id);
    library_edit_section(request, h, library);
    if (consultant_of(request) != 0) {
        html_markup(h, "<p><a href=\"/libraries\">All your libraries</a></p>\n");
    } else {
        html_markup(h, "<p><a href=\"/libraries\">All libraries</a></p>\n");
    }
}

enum ct_status page_library_detail(struct web_request *request, struct web_response *response,
                                   int64_t library_id)
{
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_library_get(request->store, library_id, &library, &found, &err);
    if (status != CT_OK) {
        return status;
    }
    int64_t consultant = consultant_of(request);
    bool serves = false;
    if (consultant != 0 && found) {
        status = store_library_serves(request->store, library_id, consultant, &serves, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (consultant != 0 && !serves) {
        return page_error(request, response, 403, "Not allowed",
                          "You may see only the libraries assigned to you.");
    }
    if (!found) {
        return page_not_found(request, response, "library");
    }
    web_set_title(response, "%s", library.name);
    struct html h;
    html_start(&h, &response->body);
    library_sections(request, &h, &library);
    person_admin_officers_form(request, &h, library_id, NULL);
    return html_status(&h);
}
