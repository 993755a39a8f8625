#include "track.h"

#include <string.h>

#include "../../core/buf.h"
#include "../../store/store_record.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "dashboard.h"
#include "../html/layout.h"
#include "../../core/banned.h"

static bool open_to_submit(const struct track_info *track)
{
    return strcmp(track->state, "active") == 0 || strcmp(track->state, "returned") == 0;
}

/* Why the State Library returned the track, when it did. */
static enum ct_status returned_comment(struct web_request *request, struct buf *out,
                                       const struct track_info *track)
{
    char comment[1024] = "";
    bool found = false;
    struct ct_err err = {0};
    enum ct_status status = store_query_text(
        request->store, "SELECT COALESCE(state_comment, '') FROM tracks WHERE id = ?",
        STORE_PARAMS(DB_INT(track->id)), 1, comment, sizeof comment, &found, &err);
    if (status == CT_OK) {
        status =
            html_buf_markup(out, "<div class=\"usa-alert usa-alert--warning usa-alert--slim\"><div "
                                 "class=\"usa-alert__body\"><p class=\"usa-alert__text\">The State "
                                 "Library returned your track");
    }
    if (status == CT_OK && found && comment[0] != '\0') {
        status = html_buf_markup(out, ": ");
        if (status == CT_OK) {
            status = html_buf_text(out, comment);
        }
    }
    return status == CT_OK ? html_buf_markup(out, "</p></div></div>\n") : status;
}

enum ct_status track_award_request(struct web_request *request, struct buf *out,
                                   const struct track_info *track,
                                   const struct evaluation *evaluation)
{
    if (strcmp(track->state, "submitted") == 0) {
        return html_buf_markup(out, "<p>Your track is with the State Library for the award.</p>\n");
    }
    enum ct_status status = CT_OK;
    if (strcmp(track->state, "returned") == 0) {
        status = returned_comment(request, out, track);
    }
    if (status != CT_OK || evaluation->status != TRACK_COMPLETE || !open_to_submit(track)) {
        return status;
    }
    status = html_buf_markup(
        out, "<h2>Your certificate</h2>\n<p>Everything the program asks for is done."
             " Send your track to the State Library: a coordinator checks it and"
             " awards your certificate.</p>\n<form method=\"post\" action=\"/track\">"
             "<input type=\"hidden\" name=\"csrf_token\" value=\"");
    if (status == CT_OK) {
        status = html_buf_text(out, request->csrf);
    }
    return status == CT_OK
               ? html_buf_markup(out,
                                 "\"><button type=\"submit\" class=\"usa-button\" name=\"action\""
                                 " value=\"submit\">Ask for your certificate"
                                 "</button></form>\n")
               : status;
}

/* "Not complete yet: <what blocks it, in words>" into text. */
static enum ct_status not_complete(const struct evaluation *evaluation, struct buf *text)
{
    enum ct_status status = buf_append_str(text, "Your track is not complete yet:");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        status = buf_printf(text, " %s", blocking_description(evaluation->blocking[i].code));
    }
    return status == CT_OK ? buf_append_str(text, " Your progress page says what to do.") : status;
}

enum ct_status track_submit_current(struct web_request *request, int64_t *track_id,
                                    struct ct_err *err)
{
    struct track_info track;
    *track_id = 0;
    struct ct_err lookup = {0};
    if (store_track_current(request->store, request->person_id, &track, &lookup) != CT_OK ||
        !open_to_submit(&track)) {
        return ct_err_set(err, CT_ERR_INPUT, "track",
                          "You have no track to send for the award: it is already with the"
                          " State Library, or you are not enrolled.");
    }
    *track_id = track.id;
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    enum ct_status status =
        store_record_evaluate(request->store, track.id, request->today, &record, &evaluation, err);
    if (status == CT_OK && evaluation->status != TRACK_COMPLETE) {
        struct buf text;
        buf_init(&text, sizeof err->message - 1);
        status = not_complete(evaluation, &text);
        if (status == CT_OK || status == CT_ERR_TOO_LARGE) {
            status = ct_err_set(err, CT_ERR_INPUT, "complete", "%s", buf_str(&text));
        }
        buf_release(&text);
    } else if (status == CT_OK) {
        status = store_track_act(request->store, request->person_id, track.id, "submit", NULL, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status page_track_submit(struct web_request *request, struct web_response *response)
{
    const char *action = web_form_value(request, "action");
    if (action == NULL || strcmp(action, "submit") != 0) {
        return page_error(request, response, 400, "Request refused",
                          "Use the button Ask for your certificate on your progress page.");
    }
    struct ct_err err = {0};
    int64_t track = 0;
    enum ct_status status = track_submit_current(request, &track, &err);
    if (status == CT_ERR_INPUT) {
        return page_error(request, response, 400,
                          strcmp(err.where, "complete") == 0 ? "Not ready for the award"
                                                             : "Request refused",
                          err.message);
    }
    if (status == CT_OK) {
        notice_redirect(response, "/", "track-submitted", 0);
    }
    return status;
}
