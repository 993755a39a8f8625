#include "track.h"

#include <stdlib.h>
#include <string.h>

#include "../../actions/tracks.h"
#include "../../store/store_progress.h"
#include "../html/form.h"
#include "../html/layout.h"
#include "../html/notice.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

static bool open_to_submit(const struct track_info *track)
{
    return strcmp(track->state, "active") == 0 || strcmp(track->state, "returned") == 0;
}

/* Why the State Library returned the track, when it did. */
static void returned_comment(struct web_request *request, struct html *h,
                             const struct track_info *track)
{
    struct track_view view;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_track_view(request->store, track->id, &view, &found, &err));
    html_slim_warning_begin(h);
    html_markup(h, "The State Library returned your track");
    if (found && view.comment != NULL && view.comment[0] != '\0') {
        html_markup(h, ": ");
        html_text(h, view.comment);
    }
    html_slim_alert_end(h);
    store_track_view_release(&view);
}

void track_award_block(struct web_request *request, struct html *h, const struct track_info *track,
                       const struct evaluation *evaluation)
{
    if (strcmp(track->state, "submitted") == 0) {
        html_markup(h, "<p>Your track is with the State Library for the award.</p>\n");
        return;
    }
    if (strcmp(track->state, "returned") == 0) {
        returned_comment(request, h, track);
    }
    if (evaluation->status != TRACK_COMPLETE || !open_to_submit(track)) {
        return;
    }
    html_markup(h, "<h2>Your certificate</h2>\n<p>Everything the program asks for is done."
                   " Send your track to the State Library: a coordinator checks it and"
                   " awards your certificate.</p>\n<form method=\"post\" action=\"/track\">");
    html_csrf(h, request->csrf);
    html_hidden_id(h, "track", track->id);
    html_markup(h, "<button type=\"submit\" class=\"usa-button\" name=\"action\""
                   " value=\"submit\">Ask for your certificate</button></form>\n");
}

enum ct_status track_award_request(struct web_request *request, struct buf *out,
                                   const struct track_info *track,
                                   const struct evaluation *evaluation)
{
    struct html h;
    html_start(&h, out);
    track_award_block(request, &h, track, evaluation);
    return html_status(&h);
}

enum ct_status page_track_submit(struct web_request *request, struct web_response *response,
                                 int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    if (action == NULL || strcmp(action, "submit") != 0) {
        return page_error(request, response, 400, "Request refused",
                          "Use the button Ask for your certificate on your progress page.");
    }
    /* The track the form names (0, the current one, for a form without it). */
    const char *track = web_form_value(request, "track");
    struct track_submit_input input = {track != NULL ? strtoll(track, NULL, 10) : 0};
    struct actor actor = web_actor(request);
    struct track_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_track_submit(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        bool incomplete = action_fault_of(&outcome, "complete") != NULL;
        return page_error(request, response, 400,
                          incomplete ? "Not ready for the award" : "Request refused",
                          outcome.err.message);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/", "track-submitted", 0);
    return CT_OK;
}
