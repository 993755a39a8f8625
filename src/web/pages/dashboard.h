/*
 * pages: the server-rendered HTML pages. Every page is built through html.h.
 */
#ifndef CERTTRACK_PAGES_H
#define CERTTRACK_PAGES_H

#include "../../core/engine.h"
#include "../http/request.h"

/* The layout every page shares: head, header with the sign-out form, and the main
 * element with the title as its heading; page_end closes it. */
enum ct_status page_begin(struct web_request *request, struct web_response *response,
                          const char *title) CT_MUST_CHECK;
enum ct_status page_end(struct web_response *response) CT_MUST_CHECK;

enum ct_status page_login(struct web_request *request, struct web_response *response,
                          const char *message) CT_MUST_CHECK;
enum ct_status page_login_submit(struct web_request *request,
                                 struct web_response *response) CT_MUST_CHECK;
enum ct_status page_logout(struct web_request *request,
                           struct web_response *response) CT_MUST_CHECK;
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
/* A page that says what went wrong, with its status (403, 404, 400, 500). */
enum ct_status page_error(struct web_request *request, struct web_response *response,
                          unsigned status, const char *title,
                          const char *explanation) CT_MUST_CHECK;

#endif
