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

/* Category index of the evaluation's program in words: its name, the credits counted in
 * it and the minimum it needs ("Library Administration: 12 credits counted of the 30
 * needed"), "enough" once met, "(no minimum)" when it has none. Writes at most size bytes
 * into out (borrowed). */
void page_category_words(const struct evaluation *evaluation, size_t index, char *out, size_t size);

/* How long after an award the dashboard congratulates its holder. */
#define PAGE_CONGRATULATION_DAYS 60

/* True when a certificate issued on issued (revoked: unset unless revoked) was awarded
 * less than PAGE_CONGRATULATION_DAYS before today, on or before it, and is not revoked. */
bool page_award_is_recent(struct civil_date issued, struct civil_date revoked,
                          struct civil_date today);

/* Writes, for the person themself, a congratulation after a recent award (its links and
 * the next track); the person's open tracks (a table, when there are several) and the
 * progress of one (?track=ID, else the most recently started open one): status and credits, the
 * chart, what is still needed, each activity's decision, the form that withdraws it, and
 * the certificates held; or that the person is not enrolled. own: said to the person themself
 * ("your"). Authorization is the caller's. */
void page_progress(struct web_request *request, struct html *h, int64_t person_id, bool own);

#endif
