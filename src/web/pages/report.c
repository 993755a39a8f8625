#include "report.h"

#include <string.h>

#include "../../actions/reports.h"
#include "../../store/store_progress.h"
#include "../../store/store_tracks.h"
#include "../html/error_summary.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/notice.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

static void report_form(struct web_request *request, struct html *h, const char *text,
                        const char *text_error)
{
    html_markup(h, "<form method=\"post\" action=\"/report\""
                   " class=\"usa-form usa-form--large report-form\">\n");
    html_csrf(h, request->csrf);
    struct form_field reflection = {
        .id = "text",
        .label = "Your reflection: what you learned, and how it served your library's goals",
        .hint = "Save a draft as often as you like; the State Library sees it once you submit.",
        .error = text_error,
        .control = FORM_TEXTAREA,
        .value = text,
        .required = true,
    };
    html_field(h, &reflection);
    html_markup(h, "<div class=\"actions\"><button type=\"submit\""
                   " class=\"usa-button usa-button--outline\" name=\"action\" value=\"save\">Save "
                   "draft</button> "
                   "<button type=\"submit\" class=\"usa-button\" name=\"action\" value=\"submit\">"
                   "Submit to the State Library</button></div>\n</form>\n");
}

/* The report of the track: the form while it is a draft (with what was typed, when a
 * save was refused), else the report as submitted. */
static void report_of(struct web_request *request, struct html *h, const struct track_info *track,
                      const char *text_error)
{
    struct report_view report;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, store_report_view(request->store, track->id, &report, &found, &err));
    bool exists = report.state != NULL;
    bool draft = exists && strcmp(report.state, "draft") == 0;
    if (report.comment != NULL && report.comment[0] != '\0' && draft) {
        html_slim_warning_begin(h);
        html_markup(h, "Returned by the State Library: ");
        html_text(h, report.comment);
        html_slim_alert_end(h);
    }
    if (exists && !draft) {
        html_markup(h, "<p>Your report is ");
        html_text(h, report.state);
        html_markup(h, "</p>\n<p class=\"report\">");
        html_text(h, report.text);
        html_markup(h, "</p>\n");
    } else {
        const char *typed = web_form_value(request, "text");
        report_form(request, h, typed != NULL ? typed : (report.text != NULL ? report.text : ""),
                    text_error);
    }
    store_report_view_release(&report);
}

/* The page, with a refused save's faults (outcome, NULL: none) above the form and at
 * the reflection. */
static enum ct_status report_page(struct web_request *request, struct web_response *response,
                                  const struct action_outcome *outcome)
{
    web_set_title(response, "Final report");
    struct ct_err err = {0};
    struct track_info track;
    bool enrolled = false;
    struct html h;
    html_start(&h, &response->body);
    static const struct error_summary_field fields[] = {{"text", NULL, "Your reflection"}};
    html_refused_summary(&h, "Nothing was saved", outcome, fields, 1);
    const struct action_fault *text = outcome != NULL ? action_fault_of(outcome, "text") : NULL;
    html_fail(&h, store_track_find_needing(request->store, request->person_id,
                                           TRACK_NEEDS_FINAL_REPORT, &track, &enrolled, &err));
    if (!enrolled) {
        html_markup(&h, "<p>You are not enrolled in a certification track.</p>\n");
    } else {
        report_of(request, &h, &track, text != NULL ? text->message : NULL);
    }
    return html_status(&h);
}

enum ct_status page_report(struct web_request *request, struct web_response *response, int64_t id)
{
    (void)id;
    return report_page(request, response, NULL);
}

enum ct_status page_report_submit(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    struct report_save_input input = {0, web_form_value(request, "text"),
                                      web_form_value(request, "action")};
    struct actor actor = web_actor(request);
    struct report_save_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_report_save(request->store, &actor, &input, &result, &outcome);
    if (status == CT_ERR_INPUT) {
        response->status = 400;
        return report_page(request, response, &outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    notice_redirect(response, "/report", result.submitted ? "report-submitted" : "report-saved", 0);
    return CT_OK;
}
