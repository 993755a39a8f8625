#include "todo_queues.h"

#include <stdio.h>
#include <string.h>

#include "../../core/banned.h"

static const struct todo_queue_words words[STORE_WAITING_QUEUES] = {
    [STORE_WAITING_PLANS_TO_SIGN] = {"plans-to-sign", ROLE_NAME_SUPERVISOR, "Plans to sign",
                                     "/plans"},
    [STORE_WAITING_CLAIMS_TO_VERIFY] = {"claims-to-verify", ROLE_NAME_SUPERVISOR,
                                        "Claims to verify", "/verify"},
    [STORE_WAITING_STAFF_AT_RISK] = {"staff-at-risk", ROLE_NAME_LIBRARY_ADMINISTRATOR,
                                     "Staff who are blocked or near a deadline", "/staff"},
    [STORE_WAITING_TRACKS_TO_REVIEW] = {"tracks-to-review", ROLE_NAME_CE_COORDINATOR,
                                        "Tracks sent for the award", "/review"},
    [STORE_WAITING_REPORTS_TO_READ] = {"reports-to-read", ROLE_NAME_CE_COORDINATOR,
                                       "Final reports to read", "/review"},
    [STORE_WAITING_HARVEST_INBOX] = {"harvest-inbox", ROLE_NAME_CE_COORDINATOR, "The harvest inbox",
                                     "/harvest"},
    [STORE_WAITING_REFUSED_IMPORTS] = {"refused-imports", ROLE_NAME_CE_COORDINATOR,
                                       "Imports with refused rows", "/imports"},
    [STORE_WAITING_LIBRARIES_AT_RISK] = {"libraries-at-risk", ROLE_NAME_CONSULTANT,
                                         "Libraries whose director is at risk", "/libraries"},
    [STORE_WAITING_PLAN_RETURNED] = {"plan-returned", ROLE_NAME_LEARNER, "Your plan came back",
                                     "/plan"},
    [STORE_WAITING_REPORT_RETURNED] = {"report-returned", ROLE_NAME_LEARNER,
                                       "Your final report came back", "/report"},
    [STORE_WAITING_TRACK_RETURNED] = {"track-returned", ROLE_NAME_LEARNER, "Your track came back",
                                      "/"},
    [STORE_WAITING_REJECTED_CLAIMS] = {"rejected-claims", ROLE_NAME_LEARNER, "Claims rejected",
                                       "/"},
};

const struct todo_queue_words *todo_queue_words(enum store_todo_queue queue)
{
    return &words[(unsigned)queue < STORE_WAITING_QUEUES ? queue : 0];
}

void todo_queues_item_href(enum store_todo_queue queue, const struct store_todo_item *item,
                           char *out, size_t size)
{
    switch (queue) {
    case STORE_WAITING_STAFF_AT_RISK:
        snprintf(out, size, "/people/%lld?track=%lld", (long long)item->person_id,
                 (long long)item->track_id);
        return;
    case STORE_WAITING_HARVEST_INBOX:
        snprintf(out, size, "/harvest/inbox");
        return;
    case STORE_WAITING_REFUSED_IMPORTS:
        snprintf(out, size, "/imports/%lld", (long long)item->id);
        return;
    case STORE_WAITING_LIBRARIES_AT_RISK:
        snprintf(out, size, "/libraries/%lld", (long long)item->id);
        return;
    case STORE_WAITING_TRACK_RETURNED:
        snprintf(out, size, "/?track=%lld", (long long)item->track_id);
        return;
    case STORE_WAITING_REJECTED_CLAIMS:
        snprintf(out, size, "/#your-activities");
        return;
    default:
        snprintf(out, size, "%s", todo_queue_words(queue)->nav_href);
        return;
    }
}

void todo_queues_next_step_href(const struct store_todo_item *step, char *out, size_t size)
{
    const char *page = NULL;
    if (step->progress.evaluated && step->progress.blocked) {
        switch (step->progress.blocking) {
        case BLOCKING_CREDITS_SHORT:
        case BLOCKING_CATEGORY_SHORT:
            page = "/activities/new";
            break;
        case BLOCKING_PLAN_MISSING:
        case BLOCKING_PLAN_NOT_APPROVED:
            page = "/plan";
            break;
        case BLOCKING_FINAL_REPORT_MISSING:
        case BLOCKING_FINAL_REPORT_NOT_ACCEPTED:
            page = "/report";
            break;
        case BLOCKING_NO_PRIOR_CERTIFICATE:
        case BLOCKING_TRACK_EXPIRED:
            break;
        }
    }
    if (page != NULL) {
        snprintf(out, size, "%s", page);
    } else {
        snprintf(out, size, "/?track=%lld", (long long)step->track_id);
    }
}

const char *todo_queues_reason_name(unsigned reason)
{
    static const struct {
        unsigned bit;
        const char *name;
    } names[] = {
        {STORE_WAITING_TRACK_WAS_RETURNED, "track-returned"},
        {STORE_WAITING_PLAN_WAS_RETURNED, "plan-returned"},
        {STORE_WAITING_PLAN_UNSIGNED, "plan-unsigned"},
        {STORE_WAITING_REPORT_WAS_RETURNED, "report-returned"},
        {STORE_WAITING_DEADLINE_NEAR, "deadline-near"},
        {STORE_WAITING_DEADLINE_PASSED, "deadline-passed"},
        {STORE_WAITING_NOT_ENROLLED, "not-enrolled"},
        {STORE_WAITING_ACCOUNT_UNLINKED, "account-unlinked"},
        {STORE_WAITING_ADDRESS_UNMAPPED, "address-unmapped"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].bit == reason) {
            return names[i].name;
        }
    }
    return "unknown";
}

/* The person's counts, read once per request. */
static const struct store_todo_counts *counts_of(struct web_request *request)
{
    if (!request->todo_counted && request->signed_in) {
        struct store_todo_person who = {request->person_id, request->roles, request->library_id,
                                        request->today};
        struct ct_err err = {0};
        /* The navigation is no reason to fail a page: without its counts it shows none. */
        if (store_todo_count(request->store, &who, &request->todo_counts, &err) != CT_OK) {
            memset(&request->todo_counts, 0, sizeof request->todo_counts);
        }
        request->todo_counted = true;
    }
    return &request->todo_counts;
}

int64_t todo_queues_nav_count(struct web_request *request, const char *href)
{
    if (!request->signed_in) {
        return 0;
    }
    const struct store_todo_counts *counts = counts_of(request);
    int64_t total = 0;
    for (size_t q = 0; q < STORE_WAITING_QUEUES; q++) {
        if (counts->held[q] && strcmp(words[q].nav_href, href) == 0) {
            total += counts->total[q];
        }
    }
    return total;
}
