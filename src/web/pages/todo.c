#include "todo.h"

#include <stdio.h>
#include <string.h>

#include "../../core/credit.h"
#include "../../store/store_todo.h"
#include "../html/todo_queues.h"
#include "../../core/banned.h"

static void date_text(struct html *h, struct civil_date date)
{
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    html_text(h, text);
}

static void program_text(struct web_request *request, struct html *h, const char *program)
{
    html_text(h, program_set_name(request->config->programs, program));
}

/* ", waiting 12 days" (nothing when it began waiting today). */
static void waited(struct html *h, int64_t days)
{
    if (days <= 0) {
        return;
    }
    if (days == 1) {
        html_markup(h, ", waiting 1 day");
    } else {
        html_format(h, ", waiting %lld days", (long long)days);
    }
}

/* A count of things: "1 statement", "3 statements". */
static void things(struct html *h, int64_t count, const char *one, const char *many)
{
    html_int(h, count);
    html_markup(h, " ");
    html_text(h, count == 1 ? one : many);
}

/* A quoted comment or reason, when there is one. */
static void quoted(struct html *h, const char *text)
{
    if (text != NULL && text[0] != '\0') {
        html_markup(h, ": <q>");
        html_text(h, text);
        html_markup(h, "</q>");
    }
}

/* "<li><a href="WHERE IT IS DONE">" */
static void item_begin(struct html *h, enum store_todo_queue queue,
                       const struct store_todo_item *item)
{
    char href[160];
    todo_queues_item_href(queue, item, href, sizeof href);
    html_markup(h, "<li><a href=\"");
    html_text(h, href);
    html_markup(h, "\">");
}

/* The words of one reason a track or a library waits. */
static void reason_words(struct html *h, unsigned reason, struct civil_date deadline)
{
    switch (reason) {
    case STORE_WAITING_TRACK_WAS_RETURNED:
        html_markup(h, "the State Library returned the track");
        return;
    case STORE_WAITING_PLAN_WAS_RETURNED:
        html_markup(h, "the plan came back for changes");
        return;
    case STORE_WAITING_PLAN_UNSIGNED:
        html_markup(h, "the plan waits for the library's signature");
        return;
    case STORE_WAITING_REPORT_WAS_RETURNED:
        html_markup(h, "the final report came back for changes");
        return;
    case STORE_WAITING_DEADLINE_NEAR:
        html_markup(h, "the deadline, ");
        date_text(h, deadline);
        html_markup(h, ", is near");
        return;
    case STORE_WAITING_DEADLINE_PASSED:
        html_markup(h, "the deadline, ");
        date_text(h, deadline);
        html_markup(h, ", has passed");
        return;
    case STORE_WAITING_NOT_ENROLLED:
        html_markup(h, "not enrolled in a track");
        return;
    }
}

/* Every reason of reasons, separated by semicolons. */
static void reasons_text(struct html *h, unsigned reasons, struct civil_date deadline)
{
    bool first = true;
    for (unsigned bit = 1; bit <= STORE_WAITING_NOT_ENROLLED; bit <<= 1) {
        if ((reasons & bit) != 0) {
            html_text(h, first ? "" : "; ");
            reason_words(h, bit, deadline);
            first = false;
        }
    }
}

/* What blocks the track first, as the engine says it, or that nothing does. */
static void progress_text(struct html *h, const struct store_todo_progress *progress)
{
    if (!progress->evaluated) {
        return;
    }
    if (!progress->blocked) {
        html_markup(h, " Complete: ready for the award.");
        return;
    }
    html_markup(h, " ");
    html_text(h, blocking_description(progress->blocking));
    if (progress->category != NULL) {
        html_markup(h, " (");
        html_text(h, progress->category);
        html_markup(h, ")");
    }
}

/* ---- one item of each queue ---- */

static void plan_to_sign(struct web_request *request, struct html *h,
                         const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_PLANS_TO_SIGN, item);
    html_text(h, item->person_name);
    html_format(h, "'s plan, version %lld</a>, submitted ", (long long)item->amount);
    date_text(h, item->day);
    waited(h, item->waited_days);
}

static void claim_to_verify(struct web_request *request, struct html *h,
                            const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_CLAIMS_TO_VERIFY, item);
    html_text(h, item->title != NULL && item->title[0] != '\0' ? item->title : "A claim");
    html_markup(h, "</a> by ");
    html_text(h, item->person_name);
    html_markup(h, ", dated ");
    date_text(h, item->day);
    waited(h, item->waited_days);
}

static void staff_at_risk(struct web_request *request, struct html *h,
                          const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_STAFF_AT_RISK, item);
    html_text(h, item->person_name);
    html_markup(h, "</a> (");
    program_text(request, h, item->program);
    html_markup(h, "): ");
    reasons_text(h, item->reasons, item->deadline);
    quoted(h, item->note);
    html_markup(h, ".");
    progress_text(h, &item->progress);
}

static void track_to_review(struct web_request *request, struct html *h,
                            const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_TRACKS_TO_REVIEW, item);
    html_text(h, item->person_name);
    html_markup(h, ": ");
    program_text(request, h, item->program);
    html_markup(h, "</a>, sent ");
    date_text(h, item->since);
    waited(h, item->waited_days);
}

static void report_to_read(struct web_request *request, struct html *h,
                           const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_REPORTS_TO_READ, item);
    html_text(h, item->person_name);
    html_markup(h, "'s final report</a> (");
    program_text(request, h, item->program);
    html_markup(h, "), submitted ");
    date_text(h, item->day);
    waited(h, item->waited_days);
}

static void harvest_waiting(struct web_request *request, struct html *h,
                            const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_HARVEST_INBOX, item);
    bool account = (item->reasons & STORE_WAITING_ACCOUNT_UNLINKED) != 0;
    html_markup(h, "<span class=\"todo-address\">");
    html_text(h, account ? "Account " : "");
    html_text(h, item->title);
    html_text(h, account ? " at " : "");
    html_text(h, account ? item->note : "");
    html_markup(h, "</span></a>: ");
    things(h, item->amount, "statement waits", "statements wait");
    html_text(h, account ? " for a link to a person" : " for a catalog event");
}

static void refused_import(struct web_request *request, struct html *h,
                           const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_REFUSED_IMPORTS, item);
    html_text(h, item->title);
    html_markup(h, "</a> (");
    html_text(h, item->note);
    html_markup(h, ", imported ");
    date_text(h, item->day);
    html_markup(h, "): ");
    things(h, item->amount, "row refused", "rows refused");
}

static void library_at_risk(struct web_request *request, struct html *h,
                            const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_LIBRARIES_AT_RISK, item);
    html_text(h, item->title);
    html_markup(h, "</a>: its director, ");
    html_text(h, item->person_name);
    html_markup(h, ", holds no valid certificate; ");
    reasons_text(h, item->reasons, item->deadline);
}

static void plan_returned(struct web_request *request, struct html *h,
                          const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_PLAN_RETURNED, item);
    html_format(h, "Your plan, version %lld</a> (", (long long)item->amount);
    program_text(request, h, item->program);
    html_markup(h, "), came back");
    quoted(h, item->note);
}

static void report_returned(struct web_request *request, struct html *h,
                            const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_REPORT_RETURNED, item);
    html_markup(h, "Your final report</a> (");
    program_text(request, h, item->program);
    html_markup(h, ") came back");
    quoted(h, item->note);
}

static void track_returned(struct web_request *request, struct html *h,
                           const struct store_todo_item *item)
{
    item_begin(h, STORE_WAITING_TRACK_RETURNED, item);
    program_text(request, h, item->program);
    html_markup(h, "</a> came back from the State Library");
    quoted(h, item->note);
}

static void rejected_claim(struct web_request *request, struct html *h,
                           const struct store_todo_item *item)
{
    (void)request;
    item_begin(h, STORE_WAITING_REJECTED_CLAIMS, item);
    html_text(h, item->title != NULL && item->title[0] != '\0' ? item->title : "A claim");
    html_markup(h, "</a> (");
    date_text(h, item->day);
    html_markup(h, ") was rejected");
    if (item->person_name != NULL) {
        html_markup(h, " by ");
        html_text(h, item->person_name);
    }
    quoted(h, item->note);
}

typedef void (*item_writer)(struct web_request *request, struct html *h,
                            const struct store_todo_item *item);

static const item_writer writers[STORE_WAITING_QUEUES] = {
    [STORE_WAITING_PLANS_TO_SIGN] = plan_to_sign,
    [STORE_WAITING_CLAIMS_TO_VERIFY] = claim_to_verify,
    [STORE_WAITING_STAFF_AT_RISK] = staff_at_risk,
    [STORE_WAITING_TRACKS_TO_REVIEW] = track_to_review,
    [STORE_WAITING_REPORTS_TO_READ] = report_to_read,
    [STORE_WAITING_HARVEST_INBOX] = harvest_waiting,
    [STORE_WAITING_REFUSED_IMPORTS] = refused_import,
    [STORE_WAITING_LIBRARIES_AT_RISK] = library_at_risk,
    [STORE_WAITING_PLAN_RETURNED] = plan_returned,
    [STORE_WAITING_REPORT_RETURNED] = report_returned,
    [STORE_WAITING_TRACK_RETURNED] = track_returned,
    [STORE_WAITING_REJECTED_CLAIMS] = rejected_claim,
};

/* ---- the section ---- */

/* One queue: its heading with the count, its items, and a link to all of them when
 * there are more than the page shows. */
static void queue_list(struct web_request *request, struct html *h, enum store_todo_queue queue,
                       const struct store_todo_list *list)
{
    const struct todo_queue_words *words = todo_queue_words(queue);
    html_markup(h, "<h3>");
    html_text(h, words->heading);
    html_format(h, " (%lld)</h3>\n<ul class=\"usa-list todo-list\">\n", (long long)list->total);
    for (size_t i = 0; i < list->count; i++) {
        writers[queue](request, h, &list->items[i]);
        html_markup(h, "</li>\n");
    }
    html_markup(h, "</ul>\n");
    if (list->total > (int64_t)list->count) {
        html_format(h, "<p>%lld more. <a href=\"", (long long)(list->total - (int64_t)list->count));
        html_text(h, words->nav_href);
        html_format(h, "\">See all %lld: ", (long long)list->total);
        html_text(h, words->heading);
        html_markup(h, "</a></p>\n");
    }
}

/* What to do next on a track, and the link to where it is done. */
static void next_step_action(struct html *h, const struct store_todo_item *step)
{
    const struct store_todo_progress *progress = &step->progress;
    if (!progress->blocked) {
        html_text(h, strcmp(step->note, "submitted") == 0 ? "See the track" : "Ask for the award");
        return;
    }
    switch (progress->blocking) {
    case BLOCKING_CREDITS_SHORT:
    case BLOCKING_CATEGORY_SHORT:
        html_markup(h, "Claim an activity");
        return;
    case BLOCKING_PLAN_MISSING:
        html_markup(h, "Write your plan");
        return;
    case BLOCKING_PLAN_NOT_APPROVED:
        html_markup(h, "See your plan");
        return;
    case BLOCKING_FINAL_REPORT_MISSING:
        html_markup(h, "Write your final report");
        return;
    case BLOCKING_FINAL_REPORT_NOT_ACCEPTED:
        html_markup(h, "See your final report");
        return;
    case BLOCKING_NO_PRIOR_CERTIFICATE:
    case BLOCKING_TRACK_EXPIRED:
        html_markup(h, "See the track");
        return;
    }
}

static void next_step(struct web_request *request, struct html *h,
                      const struct store_todo_item *step)
{
    html_markup(h, "<li>");
    program_text(request, h, step->program);
    html_markup(h, ":");
    if (strcmp(step->note, "submitted") == 0 && !step->progress.blocked) {
        html_markup(h, " sent for the award; it waits for the State Library.");
    } else {
        progress_text(h, &step->progress);
    }
    if ((step->reasons & (STORE_WAITING_DEADLINE_NEAR | STORE_WAITING_DEADLINE_PASSED)) != 0) {
        html_markup(h, " Mind ");
        reasons_text(h, step->reasons, step->progress.deadline);
        html_markup(h, ".");
    }
    char href[64];
    todo_queues_next_step_href(step, href, sizeof href);
    html_markup(h, " <a href=\"");
    html_text(h, href);
    html_markup(h, "\">");
    next_step_action(h, step);
    html_markup(h, "</a></li>\n");
}

static void next_steps(struct web_request *request, struct html *h, const struct store_todo *todo)
{
    if (todo->next_step_count == 0) {
        return;
    }
    if (todo->next_step_count == 1) {
        html_markup(h, "<h3>Your next step</h3>\n");
    } else {
        html_markup(h, "<h3>Your next steps</h3>\n");
    }
    html_markup(h, "<ul class=\"usa-list todo-list\">\n");
    for (size_t i = 0; i < todo->next_step_count; i++) {
        next_step(request, h, &todo->next_steps[i]);
    }
    html_markup(h, "</ul>\n");
}

/* The counts the section read, as the navigation's. */
static void keep_counts(struct web_request *request, const struct store_todo *todo)
{
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        request->todo_counts.held[q] = todo->held[q];
        request->todo_counts.total[q] = todo->queues[q].total;
    }
    request->todo_counted = true;
}

void page_todo_section(struct web_request *request, struct html *h)
{
    struct store_todo_person who = {request->person_id, request->roles, request->library_id,
                                    request->today};
    struct store_todo todo;
    struct ct_err err = {0};
    html_fail(h, store_todo_read(request->store, &who, &request->arena, &todo, &err));
    if (h->status != CT_OK) {
        return;
    }
    keep_counts(request, &todo);
    html_markup(h, "<section class=\"todo\" aria-labelledby=\"todo-heading\">\n"
                   "<h2 id=\"todo-heading\">What waits for you</h2>\n");
    bool any = false;
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        if (todo.held[q] && todo.queues[q].total > 0) {
            queue_list(request, h, (enum store_todo_queue)q, &todo.queues[q]);
            any = true;
        }
    }
    if (!any) {
        html_markup(h, "<p>Nothing waits for you.</p>\n");
    }
    next_steps(request, h, &todo);
    html_markup(h, "</section>\n");
}
