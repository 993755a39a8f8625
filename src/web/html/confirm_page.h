/*
 * confirm_page: the two-step pages that check a change with the action first and ask
 * before making it (correct an activity, reissue a certificate's documents): the form
 * that posts the change again with step=confirm (the first, filled button) or
 * step=change (back to the form, what was typed kept), the link that keeps the record
 * as it is, and the page of a refusal that names no field.
 */
#ifndef CERTTRACK_CONFIRM_PAGE_H
#define CERTTRACK_CONFIRM_PAGE_H

#include <stdint.h>

#include "../../actions/action.h"
#include "../http/request.h"
#include "html.h"

/* What the confirmation's form is about. Every text is constant, written by the page
 * (escaped as html_text does); borrowed. */
struct confirm_page {
    const char *record;  /* the record's page without its id: "/activities" */
    int64_t id;          /* the record's id: its page is record/id */
    const char *verb;    /* the form posts to record/id/verb: "correct" */
    const char *confirm; /* the first button's label, step=confirm */
    const char *change;  /* the outline button's label, step=change */
    const char *keep;    /* the link back to the record's page */
};

/* Opens the form (POST to record/id/verb) with csrf (the session's token, borrowed) in
 * it; the caller writes its hidden fields, then closes it with confirm_page_end. */
void confirm_page_begin(struct html *h, const struct confirm_page *page, const char *csrf);

/* Writes the two buttons, closes the form, then the link that keeps the record. */
void confirm_page_end(struct html *h, const struct confirm_page *page);

/* Replaces the response with the page of a refusal that names no field, titled title
 * (constant text): 403 when not allowed, 404 when not found, else 409, explained by
 * outcome->err's message (outcome borrowed). */
enum ct_status confirm_page_refused(struct web_request *request, struct web_response *response,
                                    const char *title,
                                    const struct action_outcome *outcome) CT_MUST_CHECK;

#endif
