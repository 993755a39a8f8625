/*
 * api_todo: GET /api/v1/me/todo, what waits for the signed-in person: the queues their
 * roles give them (store_todo.h), each with its count and its first items, and a
 * learner's next step on each open track (docs/api.md).
 */
#ifndef CERTTRACK_API_WAITING_H
#define CERTTRACK_API_WAITING_H

#include "../http/request.h"

/* GET /api/v1/me/todo (the route table's handler shape; id unused). */
enum ct_status api_me_todo(struct web_request *request, struct web_response *response,
                           int64_t id) CT_MUST_CHECK;

#endif
