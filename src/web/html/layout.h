/*
 * layout: what every page shares: the head, the header with the main navigation and the
 * sign-out form, the main element with the page's title as its heading and the notice of
 * what just happened, and the footer.
 *
 * A route whose row says so (routes.c) is laid out by the dispatcher: its handler writes
 * only the page's content into response->body and names the page with web_set_title;
 * layout_wrap then puts the layout around it. Error pages (page_error) are laid out at
 * once, whoever asks for them.
 */
#ifndef CERTTRACK_LAYOUT_H
#define CERTTRACK_LAYOUT_H

#include "../http/request.h"

/* Writes the head, header and the start of main, with title as the heading, into
 * response->body (which it marks laid out). */
enum ct_status page_begin(struct web_request *request, struct web_response *response,
                          const char *title) CT_MUST_CHECK;

/* Closes main and writes the footer. */
enum ct_status page_end(struct web_request *request, struct web_response *response) CT_MUST_CHECK;

/* Replaces the response with a page that says what went wrong, with its status (403,
 * 404, 400, 500). */
enum ct_status page_error(struct web_request *request, struct web_response *response,
                          unsigned status, const char *title,
                          const char *explanation) CT_MUST_CHECK;

/* page_error with 404 "Page not found": "There is no WHAT at this address." */
enum ct_status page_not_found(struct web_request *request, struct web_response *response,
                              const char *what) CT_MUST_CHECK;

/* Puts the layout around the content a handler wrote into response->body, titled with
 * response->title; does nothing to a redirect, a file, a response that is not HTML or
 * one that is laid out already. */
enum ct_status layout_wrap(struct web_request *request,
                           struct web_response *response) CT_MUST_CHECK;

#endif
