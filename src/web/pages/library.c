#include "library.h"

#include "../../store/store_libraries.h"
#include "../html/notice.h"
#include "library_edit.h"
#include "../../core/banned.h"

static void cell(struct html *h, const char *text)
{
    html_markup(h, "<td>");
    html_text(h, text);
    html_markup(h, "</td>");
}

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

void library_alignment_table(struct web_request *request, struct html *h, int64_t library_id)
{
    static const char *const columns[] = {"Library goal", "Staff goals serving it", "Whose",
                                          "Verified self-directed credit planned under it"};
    struct store_rows rows = {.size = sizeof(struct goal_alignment_row)};
    struct ct_err err = {0};
    html_fail(h, store_library_alignment(request->store, library_id, &rows, &err));
    html_table_begin(h, "Alignment with the library's goals", columns, COUNT(columns));
    const struct goal_alignment_row *goals = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        html_markup(h, "<tr>");
        cell(h, goals[i].goal);
        html_markup(h, "<td>");
        html_int(h, goals[i].staff_goals);
        html_markup(h, "</td>");
        cell(h, goals[i].whose);
        html_markup(h, "<td>");
        html_credits(h, goals[i].verified_halves);
        html_markup(h, "</td></tr>\n");
    }
    html_table_end(h);
    store_rows_release(&rows);
}

static void people_table(struct web_request *request, struct html *h, int64_t library_id)
{
    static const char *const columns[] = {"Name", "E-mail", "Roles", "Track"};
    struct store_rows rows = {.size = sizeof(struct staff_member_row)};
    struct ct_err err = {0};
    html_fail(h, store_library_people(request->store, library_id, &rows, &err));
    html_table_begin(h, "Staff", columns, COUNT(columns));
    const struct staff_member_row *people = rows.items;
    for (size_t i = 0; i < rows.count; i++) {
        html_markup(h, "<tr>");
        cell(h, people[i].name);
        cell(h, people[i].email);
        cell(h, people[i].roles);
        cell(h, people[i].track);
        html_markup(h, "</tr>\n");
    }
    html_table_end(h);
    store_rows_release(&rows);
}

enum ct_status page_library(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    web_set_title(response, "Your library");
    struct library_view library;
    bool found = false;
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_library_get(request->store, request->library_id, &library, &found, &err));
    notice_show(request, &h);
    if (found) {
        library_plan_section(request, &h, &library);
    }
    people_table(request, &h, request->library_id);
    library_alignment_table(request, &h, request->library_id);
    return html_status(&h);
}
