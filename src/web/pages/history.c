#include "history.h"

#include <inttypes.h>
#include <stdio.h>

#include "../../actions/access.h"
#include "../../core/arena.h"
#include "../../store/store_history.h"
#include "../../store/store_libraries.h"
#include "../../store/store_people.h"
#include "../api/api.h"
#include "../html/html.h"
#include "../html/layout.h"
#include "../html/moment.h"
#include "../html/paging.h"
#include "history_words.h"
#include "../../core/banned.h"

/* The most changed fields one entry lists. */
#define HISTORY_CHANGES_SHOWN 24

static const struct paging_column columns[] = {
    {"when", "When", false},
    {NULL, "Who", false},
    {NULL, "What", false},
    {NULL, "Changes", false},
};

static const struct paging_list history_list = {
    columns, sizeof columns / sizeof columns[0], STORE_HISTORY_WHEN, true, 50, "entries", "entry",
};

static void cell_begin(struct html *h, const char *label)
{
    html_markup(h, "<td data-label=\"");
    html_text(h, label);
    html_markup(h, "\">");
}

/* Who made the entry: their name linked to their record, or certtrack itself. */
static void who_cell(struct html *h, const struct store_history_row *row)
{
    cell_begin(h, "Who");
    if (row->actor_id == 0) {
        html_markup(h, "certtrack");
    } else if (row->actor == NULL || row->actor[0] == '\0') {
        html_format(h, "Person %" PRId64, row->actor_id);
    } else {
        html_format(h, "<a class=\"usa-link\" href=\"/people/%" PRId64 "\">", row->actor_id);
        html_text(h, row->actor);
        html_markup(h, "</a>");
    }
    html_markup(h, "</td>");
}

static void what_cell(struct html *h, const struct store_history_row *row)
{
    char entity[64], action[64];
    cell_begin(h, "What");
    html_text(h, history_entity_words(row->entity, entity, sizeof entity));
    html_format(h, " %" PRId64 " ", row->entity_id);
    html_text(h, history_action_words(row->action, action, sizeof action));
    html_markup(h, "</td>");
}

/* One change: "field: before → after", the arrow read as "changed to". */
static void change_item(struct html *h, const struct history_change *change)
{
    html_markup(h, "<li>");
    html_text(h, change->field);
    html_markup(h, ": ");
    if (change->before[0] != '\0') {
        html_text(h, change->before);
        html_markup(h, "<span aria-hidden=\"true\"> \xE2\x86\x92 </span>"
                       "<span class=\"usa-sr-only\"> changed to </span>");
    }
    if (change->after[0] != '\0') {
        html_text(h, change->after);
    } else {
        html_markup(h, "<i>none</i>");
    }
    html_markup(h, "</li>");
}

static void changes_cell(struct html *h, const struct store_history_row *row)
{
    struct history_change changes[HISTORY_CHANGES_SHOWN];
    size_t count = history_changes(row->before, row->after, changes, HISTORY_CHANGES_SHOWN);
    cell_begin(h, "Changes");
    if (count > 0) {
        html_markup(h, "<ul class=\"usa-list usa-list--unstyled\">");
        for (size_t i = 0; i < count; i++) {
            change_item(h, &changes[i]);
        }
        html_markup(h, "</ul>");
    }
    html_markup(h, "</td>");
}

static void entry_row(struct html *h, const struct store_history_row *row)
{
    html_markup(h, "<tr>");
    cell_begin(h, "When");
    html_moment(h, row->at);
    html_markup(h, "</td>");
    who_cell(h, row);
    what_cell(h, row);
    changes_cell(h, row);
    html_markup(h, "</tr>\n");
}

/* The history of subject id, a page of it, below a line saying whose it is (back
 * links to back_path). */
static void history_body(struct web_request *request, struct html *h,
                         enum store_history_subject subject, int64_t id, const char *back_path,
                         const char *back_text)
{
    html_format(h, "<p><a class=\"usa-link\" href=\"%s\">", back_path);
    html_text(h, back_text);
    html_markup(h, "</a></p>\n<p>Every change to this record, newest first: who made it, when"
                   " (in UTC), and each field from what to what.</p>\n");
    struct paging paging;
    paging_from_request(&paging, &history_list, request);
    int64_t total = 0;
    struct ct_err err = {0};
    html_fail(h, store_history_count(request->store, subject, id, &total, &err));
    if (!paging_write_heading(h, &paging, total, "Changes", "Nothing has been recorded yet.")) {
        return;
    }
    struct arena arena;
    arena_init(&arena);
    struct store_page page = paging_page(&paging);
    struct store_history_row *rows = NULL;
    size_t count = 0;
    html_fail(h,
              store_history_page(request->store, subject, id, &page, &arena, &rows, &count, &err));
    html_markup(h, "<table class=\"usa-table usa-table--borderless usa-table--stacked\">\n"
                   "<caption>The changes, newest first</caption>\n");
    paging_write_head(h, &paging);
    html_markup(h, "<tbody>\n");
    for (size_t i = 0; i < count; i++) {
        entry_row(h, &rows[i]);
    }
    paging_write_table_end(h, &paging);
    arena_release(&arena);
}

enum ct_status page_person_history(struct web_request *request, struct web_response *response,
                                   int64_t person_id)
{
    bool allowed = false, found = false;
    struct ct_err err = {0};
    struct person_roles person;
    enum ct_status status = web_may_see_person(request, person_id, &allowed, &err);
    if (status == CT_OK && allowed) {
        status = store_person_get_roles(request->store, person_id, &person, &found, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        return page_error(request, response, 403, "Not allowed",
                          "You may not see this person's record.");
    }
    if (!found) {
        return page_not_found(request, response, "person");
    }
    web_set_title(response, "History of %s", person.name);
    char back[64];
    snprintf(back, sizeof back, "/people/%" PRId64, person_id);
    struct html h;
    html_start(&h, &response->body);
    history_body(request, &h, STORE_HISTORY_PERSON, person_id, back, "Back to their progress");
    return html_status(&h);
}

enum ct_status page_library_history(struct web_request *request, struct web_response *response,
                                    int64_t library_id)
{
    struct actor actor = web_actor(request);
    bool allowed = false, found = false;
    struct ct_err err = {0};
    struct library_view library;
    enum ct_status status =
        access_may_see_library(request->store, &actor, library_id, &allowed, &err);
    if (status == CT_OK && allowed) {
        status = store_library_get(request->store, library_id, &library, &found, &err);
    }
    if (status != CT_OK) {
        return status;
    }
    if (!allowed) {
        return page_error(request, response, 403, "Not allowed",
                          "You may see only the libraries assigned to you.");
    }
    if (!found) {
        return page_not_found(request, response, "library");
    }
    web_set_title(response, "History of %s", library.name);
    char back[64];
    snprintf(back, sizeof back, "/libraries/%" PRId64, library_id);
    struct html h;
    html_start(&h, &response->body);
    history_body(request, &h, STORE_HISTORY_LIBRARY, library_id, back, "Back to the library");
    return html_status(&h);
}
