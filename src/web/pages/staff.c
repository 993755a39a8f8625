#include "staff.h"

#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_libraries.h"
#include "../html/paging.h"
#include "dashboard.h"
#include "person_admin.h"
#include "../../core/banned.h"

/* In the order of enum store_staff_column. */
static const struct paging_column columns[STORE_STAFF_COLUMNS] = {
    [STORE_STAFF_NAME] = {"name", "Name", false},
    [STORE_STAFF_TRACK] = {"track", "Current track", false},
    [STORE_STAFF_STATUS] = {NULL, "Status today", false},
    [STORE_STAFF_CREDITS] = {NULL, "Credits counted", true},
    [STORE_STAFF_DEADLINE] = {"deadline", "Deadline", false},
};

static const struct paging_list list = {
    columns, STORE_STAFF_COLUMNS, STORE_STAFF_NAME, false, 25, "people", "person"};

/* The status and credits of a track, from its summary as of today. */
static void progress_cells(struct html *h, const struct staff_track_row *row)
{
    if (row->track_id == 0) {
        paging_write_cell(h, "Not enrolled", false);
        paging_write_cell(h, "", true);
        return;
    }
    char words[160], counted[CREDIT_TEXT_SIZE], required[CREDIT_TEXT_SIZE], credits[80];
    bool active = row->state[0] == '\0' || strcmp(row->state, "active") == 0;
    snprintf(words, sizeof words, active ? "%s" : "%s (track %s)",
             page_status_words(row->summary.status), row->state);
    credit_format(row->summary.counted_halves, counted);
    credit_format(row->summary.required_halves, required);
    snprintf(credits, sizeof credits, "%s of %s", counted, required);
    paging_write_cell(h, words, false);
    paging_write_cell(h, credits, true);
}

static void staff_row(struct web_request *request, struct html *h,
                      const struct staff_track_row *row)
{
    html_markup(h, "<tr>");
    paging_write_link_cell(h, "/people/", row->person_id, row->name);
    paging_write_cell(h, program_set_name(request->config->programs, row->program), false);
    progress_cells(h, row);
    paging_write_cell(h, row->deadline, false);
    html_markup(h, "</tr>\n");
}

void staff_progress_table(struct web_request *request, struct html *h, int64_t library_id)
{
    struct paging paging;
    paging_from_request(&paging, &list, request);
    struct store_page page = paging_page(&paging);
    struct store_rows rows = {.size = sizeof(struct staff_track_row)};
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(h, store_library_staff_tracks(request->store, library_id, request->today, &page,
                                            &rows, &total, &err));
    paging_set_total(&paging, total);
    paging_write_table_begin(h, &paging, "Staff and the progress of their current track today");
    const struct staff_track_row *staff = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        staff_row(request, h, &staff[i]);
    }
    paging_write_table_end(h, &paging);
    store_rows_release(&rows);
}

/* For the library's administrator: adding a person, and the library's officers. */
static void staff_keeping(struct web_request *request, struct html *h)
{
    if ((request->roles & ROLE_LIBRARY_ADMINISTRATOR) == 0) {
        return;
    }
    html_markup(h, "<p><a class=\"usa-button usa-button--outline\" href=\"/people/new\">"
                   "Add a person</a> <a class=\"usa-button usa-button--outline\""
                   " href=\"/people\">Find a person</a></p>\n");
    person_admin_officers_form(request, h, request->library_id, NULL);
}

enum ct_status page_staff(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    web_set_title(response, "Your staff");
    struct html h;
    html_start(&h, &response->body);
    if (request->library_id == 0) {
        html_markup(&h, "<p>You do not belong to a library.</p>\n");
    } else {
        staff_progress_table(request, &h, request->library_id);
        staff_keeping(request, &h);
    }
    return html_status(&h);
}
