/*
 * pages: the server-rendered HTML pages. Every page is built through html.h.
 */
#ifndef CERTTRACK_PAGES_H
#define CERTTRACK_PAGES_H

#include "../../core/engine.h"
#include "../http/request.h"

enum ct_status page_dashboard(struct web_request *request,
                              struct web_response *response) CT_MUST_CHECK;

/* A track's status as people say it ("In progress"); never NULL. */
const char *page_status_words(enum track_status status);

/* Writes the dashboard's summary of person_id's current track into out: status and
 * credits, the chart, what is still needed, each activity's decision and the
 * certificates held. own: said to the person themself ("your"). Authorization is the
 * caller's. */
enum ct_status page_progress(struct web_request *request, struct buf *out, int64_t person_id,
                             bool own, struct ct_err *err) CT_MUST_CHECK;

#endif
