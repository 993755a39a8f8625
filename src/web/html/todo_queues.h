/*
 * todo_queues: what the web application says of each queue of what waits for a person
 * (store_todo.h): its name in the API, the role that holds it, its heading, the link of
 * the main navigation its count goes beside, and where each of its items is done; and
 * the counts of the navigation, made once per request.
 */
#ifndef CERTTRACK_WAITING_QUEUES_H
#define CERTTRACK_WAITING_QUEUES_H

#include <stddef.h>

#include "../../store/store_todo.h"
#include "../http/request.h"

struct todo_queue_words {
    const char *name;     /* the API's: "plans-to-sign" */
    const char *role;     /* the role that holds it, as stored: "supervisor" */
    const char *heading;  /* "Plans to sign" */
    const char *nav_href; /* the navigation's link it counts beside, and where all are */
};

/* The words of queue (one of STORE_WAITING_QUEUES); never NULL. */
const struct todo_queue_words *todo_queue_words(enum store_todo_queue queue);

/* Where item (borrowed) of queue is done, into out (size bytes): "/plans",
 * "/people/7?track=12", "/imports/3" ... */
void todo_queues_item_href(enum store_todo_queue queue, const struct store_todo_item *item,
                           char *out, size_t size);

/* Where a learner's next step (borrowed: one of store_todo.next_steps) is done: the claim
 * form, the plan, the final report, or the track's progress. */
void todo_queues_next_step_href(const struct store_todo_item *step, char *out, size_t size);

/* The name of each reason bit (enum store_todo_reason) in the API: "deadline-near". */
const char *todo_queues_reason_name(unsigned reason);

/* How many wait behind the navigation's link href for the signed-in person: the sum of
 * the held queues that count beside it (0 when none does). Counts once per request
 * (request->todo_counts, from store_todo_count, unless a page has set them already);
 * when the count cannot be read, the navigation shows none. */
int64_t todo_queues_nav_count(struct web_request *request, const char *href);

#endif
