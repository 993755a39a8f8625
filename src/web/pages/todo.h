/*
 * todo: "What waits for you", the section the home page (GET /) starts with: for every
 * role the signed-in person holds, each queue that holds something (store_todo.h) with
 * its count and its first items, each a link to the page where it is done; a learner's
 * next step on each open track; or one line saying that nothing waits.
 */
#ifndef CERTTRACK_WAITING_H
#define CERTTRACK_WAITING_H

#include "../html/html.h"
#include "../http/request.h"

/* Writes the section for the signed-in person into h, and keeps the counts it read as
 * the request's (request->todo_counts), so that the navigation counts the same without
 * asking again. A failure to read is h's. */
void page_todo_section(struct web_request *request, struct html *h);

#endif
