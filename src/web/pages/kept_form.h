/*
 * kept_form: typed text that survives a sign-in the idle timeout forced, without
 * JavaScript. A form (a POST to a signed-in page) that arrives after its session ended
 * is kept (store_kept_forms.h: its fields but passwords, the CSRF token and the sign-in's
 * own, for KEPT_FORM_SECONDS), its token set in the browser's certtrack_kept cookie
 * (HttpOnly, so that no other site can make a browser use a kept form it did not send),
 * and the sign-in page says so. Once signed in (login.c looks for the cookie) (password, second
 * step or identity provider alike), the person is sent to GET /kept-form, which shows what was
 * typed in a form to send again to the same address, with a fresh CSRF token.
 */
#ifndef CERTTRACK_KEPT_FORM_H
#define CERTTRACK_KEPT_FORM_H

#include "../http/request.h"

/* True for a field never kept: the CSRF token and anything whose name says password. */
bool kept_form_field_dropped(const char *name);

/* For a POST to a signed-in page without a live session, from a browser that sent a
 * session cookie (one that ended) and no personal token: keeps its fields and answers
 * with the sign-in page (laid out, 401) that says so; otherwise, or with nothing to keep,
 * sends to /login as before. */
enum ct_status kept_form_hold(struct web_request *request,
                              struct web_response *response) CT_MUST_CHECK;

/* GET /kept-form: what was typed, in a form that sends it again (a laid-out page); the
 * kept form is taken (once) and its cookie cleared. */
enum ct_status page_kept_form(struct web_request *request, struct web_response *response,
                              int64_t id) CT_MUST_CHECK;

#endif
