#include "notice.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/program.h"
#include "html.h"
#include "../../certificates/credential.h"
#include "../../store/store_account_links.h"
#include "../../store/store_progress.h"
#include "../../store/store_settings.h"
#include "../../core/banned.h"

struct notice {
    const char *code;
    const char *one;  /* the sentence; with a count of 1, when it has a count */
    const char *many; /* with a count above 1, after the number (NULL: no count) */
};

static const struct notice notices[] = {
    {"claimed", "Your claim is recorded. It counts once your verifier has verified it.", NULL},
    {"claimed-warned",
     "Your claim is sent to your verifier. As you were told, the rules will not count it:"
     " its reason is under Why in your activities.",
     NULL},
    {"claim-withdrawn", "The claim is withdrawn: it no longer waits for your verifier.", NULL},
    {"verified", "1 claim verified.", " claims verified."},
    {"rejected", "1 claim rejected. The learner sees your reason.",
     " claims rejected. The learner sees your reason."},
    {"plan-started", "A new version of your plan is started: write it below, then submit it.",
     NULL},
    {"plan-saved", "Saved.", NULL},
    {"goal-added", "The goal is added to this version.", NULL},
    {"item-added", "The activity is added to this version.", NULL},
    {"plan-submitted", "This version is submitted. Sign it to send it to your library.", NULL},
    {"plan-signed", "You signed this version. It now waits for your library's signature.", NULL},
    {"plan-approved", "You signed the plan for the library: it is approved and in force.", NULL},
    {"plan-signed-library",
     "You signed the plan for the library. It now waits for the learner's signature.", NULL},
    {"plan-returned", "The plan is returned to the learner with your comment.", NULL},
    {"report-saved", "Your draft is saved. Submit it when it is ready.", NULL},
    {"report-submitted",
     "Your final report is submitted to the State Library. You will see here when it is"
     " accepted or returned.",
     NULL},
    {"report-accepted", "The final report is accepted.", NULL},
    {"report-returned", "The final report is returned to the learner with your comment.", NULL},
    {"track-returned", "The track is returned to the learner with your comment.", NULL},
    {"person-added", "The person is added.", NULL},
    {"person-edited", "The record is saved.", NULL},
    {"person-deactivated", "The person is deactivated: they keep their record and cannot sign in.",
     NULL},
    {"person-moved", "The move is recorded.", NULL},
    {"person-merged", "The records are merged into this one.", NULL},
    {"verifier-set", "The verifier is set.", NULL},
    {"officers-saved", "The director and board chair are saved; verifiers follow them.", NULL},
    {"settings-saved", "The settings are saved. Documents made from now on carry them.", NULL},
    {"imported", "The report is imported. What became of each of its records is below.", NULL},
    {"track-enrolled",
     "The track is started. Activities count toward it from its first day, beside any other"
     " open track.",
     NULL},
    {"track-withdrawn", "The track is withdrawn. Its reason is kept with it.", NULL},
    {"library-added", "The library is added.", NULL},
    {"library-saved", "The library is saved.", NULL},
    {"library-closed",
     "The library is closed. Its people, tracks and certificates are kept; it is no longer"
     " offered for new people.",
     NULL},
    {"strategic-plan-saved", "The strategic plan's title and period are saved.", NULL},
    {"library-goal-added", "The goal is added to the library's strategic plan.", NULL},
    {"library-goal-saved", "The goal is saved.", NULL},
    {"library-goal-retired",
     "The goal is retired: plans that serve it keep it, and new plan goals can no longer"
     " choose it.",
     NULL},
    {"library-goal-deleted", "The goal is deleted.", NULL},
    {"track-submitted",
     "Your track is sent to the State Library for the award. Your certificate will be listed"
     " here once it is issued.",
     NULL},
};

void notice_redirect(struct web_response *response, const char *path, const char *code,
                     int64_t count)
{
    char location[sizeof response->location];
    if (count > 0) {
        snprintf(location, sizeof location, "%s?done=%s&count=%" PRId64, path, code, count);
    } else {
        snprintf(location, sizeof location, "%s?done=%s", path, code);
    }
    web_redirect(response, location);
}

void notice_redirect_invited(struct web_response *response, const char *path, const char *code,
                             int64_t person_id)
{
    char location[sizeof response->location];
    snprintf(location, sizeof location, "%s?done=%s&person=%" PRId64, path, code, person_id);
    web_redirect(response, location);
}

void notice_redirect_award(struct web_response *response, const char *path, const char *number)
{
    char location[sizeof response->location];
    snprintf(location, sizeof location, "%s?done=awarded&certificate=%s", path, number);
    web_redirect(response, location);
}

void notice_redirect_released(struct web_response *response, const char *path, const char *code,
                              int64_t applied, int64_t credited)
{
    char location[sizeof response->location];
    snprintf(location, sizeof location, "%s?done=%s&applied=%" PRId64 "&credited=%" PRId64, path,
             code, applied, credited);
    web_redirect(response, location);
}

static void notice_text(struct html *h, const char *text)
{
    html_markup(h, "<div class=\"usa-alert usa-alert--success usa-alert--slim\" role=\"status\">"
                   "<div class=\"usa-alert__body\"><p class=\"usa-alert__text\">");
    html_text(h, text);
    html_markup(h, "</p></div></div>\n");
}

/* "Certificate N is issued to NAME. Their next track, PROGRAM, starts on DAY. Anyone can
 * check it at URL." */
static void award_sentence(struct web_request *request, const struct certificate_record *award,
                           const char *public_url, char *text, size_t size)
{
    struct track_info next;
    bool has_next = false;
    struct ct_err err = {0};
    if (store_track_successor(request->store, award->track_id, &next, &has_next, &err) != CT_OK) {
        has_next = false;
    }
    const struct program *program =
        has_next ? program_set_find(request->config->programs, next.program) : NULL;
    int written =
        snprintf(text, size, "Certificate %s is issued to %s.", award->number, award->person_name);
    if (program != NULL && written > 0 && (size_t)written < size) {
        char started[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(next.started, started);
        written += snprintf(text + written, size - (size_t)written,
                            " Their next track, %s, starts on %s.", program->name, started);
    }
    if (written > 0 && (size_t)written < size) {
        char url[STORE_SETTING_SIZE + 64];
        credential_verify_url(public_url, award->verification_code, url, sizeof url);
        snprintf(text + written, size - (size_t)written, " Anyone can check it at %s.", url);
    }
}

static void award_notice(struct web_request *request, struct html *h)
{
    const char *number = web_query_value(request, "certificate");
    if (number == NULL) {
        return;
    }
    struct certificate_record award;
    bool found = false;
    char public_url[STORE_SETTING_SIZE];
    struct ct_err err = {0};
    html_fail(h, store_certificate_find(request->store, number, &award, &found, &err));
    html_fail(h, store_setting_get(request->store, "public-url", public_url, &err));
    if (h->status == CT_OK && found) {
        char text[1400];
        award_sentence(request, &award, public_url, text, sizeof text);
        notice_text(h, text);
    }
}

/* "An invitation was sent to pat@example.org.", after "The person is added." when added. */
static void invited_notice(struct web_request *request, struct html *h, bool added)
{
    const char *id = web_query_value(request, "person");
    int64_t person_id = id != NULL ? strtoll(id, NULL, 10) : 0;
    struct account_state state;
    bool found = false;
    struct ct_err err = {0};
    html_fail(h, person_id > 0
                     ? store_account_state(request->store, person_id, &state, &found, &err)
                     : CT_OK);
    if (found) {
        char text[512];
        snprintf(text, sizeof text, "%sAn invitation was sent to %s.",
                 added ? "The person is added. " : "", state.email);
        notice_text(h, text);
    }
}

/* A whole number from the query, 0 to 1,000,000; -1 when it is not one. */
static int64_t query_count(const struct web_request *request, const char *name)
{
    const char *text = web_query_value(request, name);
    char *end = NULL;
    long long value =
        text != NULL && text[0] >= '0' && text[0] <= '9' ? strtoll(text, &end, 10) : -1;
    return end != NULL && *end == '\0' && value >= 0 && value <= 1000000 ? (int64_t)value : -1;
}

/* "The account is linked: 3 waiting statements applied, 2 credited." */
static void released_notice(struct web_request *request, struct html *h, bool account)
{
    int64_t applied = query_count(request, "applied");
    int64_t credited = query_count(request, "credited");
    const char *done = account ? "The account is linked" : "The address is mapped to the event";
    char text[256];
    if (applied <= 0 || credited < 0 || credited > applied) {
        snprintf(text, sizeof text, "%s. No waiting statement could be applied yet.", done);
    } else {
        snprintf(text, sizeof text,
                 "%s: %" PRId64 " waiting statement%s applied, %" PRId64 " credited.", done,
                 applied, applied == 1 ? "" : "s", credited);
    }
    notice_text(h, text);
}

void notice_show(struct web_request *request, struct html *h)
{
    const char *code = web_query_value(request, "done");
    if (code == NULL) {
        return;
    }
    if (strcmp(code, "awarded") == 0) {
        award_notice(request, h);
        return;
    }
    if (strcmp(code, "invited") == 0 || strcmp(code, "person-added-invited") == 0) {
        invited_notice(request, h, code[0] == 'p');
        return;
    }
    if (strcmp(code, "account-linked") == 0 || strcmp(code, "course-mapped") == 0) {
        released_notice(request, h, code[0] == 'a');
        return;
    }
    const char *count_text = web_query_value(request, "count");
    int64_t count = count_text != NULL ? strtoll(count_text, NULL, 10) : 0;
    for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++) {
        if (strcmp(notices[i].code, code) != 0) {
            continue;
        }
        if (notices[i].many == NULL || count <= 1 || count > 1000) {
            notice_text(h, notices[i].one);
            return;
        }
        char text[256];
        snprintf(text, sizeof text, "%" PRId64 "%s", count, notices[i].many);
        notice_text(h, text);
        return;
    }
}
