/*
 * dashboard: the home page (GET /): what waits for the person (todo.h), then, for a
 * learner, their progress: the current track evaluated today, explained activity by
 * activity, and the certificates held. The people pages show the same progress for
 * someone else.
 */
#ifndef CERTTRACK_DASHBOARD_H
#define CERTTRACK_DASHBOARD_H

#include "../../core/engine.h"
#include "../http/request.h"

#include "../html/html.h"

/* GET /: what waits for the signed-in person, then (a learner's) progress (a laid-out
 * page). */
enum ct_status page_dashboard(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

/* A track's status as people say it ("In progress"); never NULL. */
const char *page_status_words(enum track_status status);

/* Writes the person's open tracks (a table, when there are several) and the progress of
 * one (?track=ID, else the most recently started open one): status and credits, the
 * chart, what is still needed, each activity's decision, the form that withdraws it, and
 * the certificates held; or that the person is not enrolled. own: said to the person themself
 * ("your"). Authorization is the caller's. */
void page_progress(struct web_request *request, struct html *h, int64_t person_id, bool own);

#endif
