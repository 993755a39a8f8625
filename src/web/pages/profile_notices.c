#include "profile_notices.h"

#include <stdio.h>
#include <string.h>

#include "../../actions/notice_settings.h"
#include "../../mail/mail_kinds.h"
#include "../../store/store_notices.h"
#include "../../store/store_settings.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

/* The form's name of the checkbox that keeps kind on ("on-KIND") into out. */
static void checkbox_name(const char *kind, char *out, size_t size)
{
    snprintf(out, size, "on-%s", kind);
}

static bool is_off(const struct notice_choices *choices, const char *kind)
{
    for (size_t i = 0; i < choices->off_count; i++) {
        if (strcmp(choices->off[i], kind) == 0) {
            return true;
        }
    }
    return false;
}

static void delivery_choice(struct html *h, bool daily, bool chosen, const char *window,
                            const char *digest)
{
    html_markup(h, "<div class=\"usa-radio\"><input class=\"usa-radio__input\" type=\"radio\""
                   " name=\"delivery\"");
    if (daily) {
        html_markup(h, " id=\"delivery-daily\" value=\"daily\"");
    } else {
        html_markup(h, " id=\"delivery-gathered\" value=\"gathered\"");
    }
    if (chosen) {
        html_markup(h, " checked");
    }
    if (daily) {
        html_markup(h, "><label class=\"usa-radio__label\" for=\"delivery-daily\">Once a day, at ");
        html_text(h, digest);
        html_markup(h, "<span class=\"usa-radio__label-description\">Every notice of the day"
                       " in one message.</span></label></div>\n");
        return;
    }
    html_markup(h, "><label class=\"usa-radio__label\" for=\"delivery-gathered\">Soon after they"
                   " happen<span class=\"usa-radio__label-description\">Notices that come "
                   "within ");
    html_text(h, window);
    html_markup(h, " minutes of each other arrive together, in one message.</span></label>"
                   "</div>\n");
}

static void delivery_fieldset(struct web_request *request, struct html *h,
                              const struct notice_choices *choices, const char *error)
{
    char window[STORE_SETTING_SIZE] = "", digest[STORE_SETTING_SIZE] = "";
    struct ct_err err = {0};
    enum ct_status status = store_setting_get(request->store, "notice-window", window, &err);
    status = status == CT_OK ? store_setting_get(request->store, "notice-digest-time", digest, &err)
                             : status;
    html_fail(h, status);
    html_group_begin(h, error != NULL);
    html_markup(h, "<fieldset class=\"usa-fieldset\" id=\"delivery\"><legend class=\"usa-legend"
                   "\">When notices come</legend>\n");
    html_field_error(h, "delivery", error);
    delivery_choice(h, false, !choices->daily, window, digest);
    delivery_choice(h, true, choices->daily, window, digest);
    html_markup(h, "</fieldset></div>\n");
}

static void kind_checkbox(struct web_request *request, struct html *h, const struct mail_kind *kind,
                          bool on)
{
    char name[NOTICE_KIND_SIZE + 8];
    checkbox_name(kind->name, name, sizeof name);
    (void)request;
    html_markup(h, "<div class=\"usa-checkbox\"><input class=\"usa-checkbox__input\""
                   " type=\"checkbox\" value=\"yes\" id=\"");
    html_text(h, name);
    html_markup(h, "\" name=\"");
    html_text(h, name);
    html_markup(h, "\"");
    if (on) {
        html_markup(h, " checked");
    }
    html_markup(h, "><label class=\"usa-checkbox__label\" for=\"");
    html_text(h, name);
    html_markup(h, "\">");
    html_text(h, kind->label);
    html_markup(h, "<span class=\"usa-checkbox__label-description\">For ");
    html_text(h, kind->who);
    html_markup(h, ".</span></label></div>\n");
}

static void kinds_fieldset(struct web_request *request, struct html *h,
                           const struct notice_choices *choices, enum mail_kind_group group,
                           const char *error)
{
    size_t count = 0;
    const struct mail_kind *kinds = mail_kinds(&count);
    html_group_begin(h, error != NULL);
    if (group == MAIL_KIND_NOTICE) {
        html_markup(h, "<fieldset class=\"usa-fieldset\" id=\"off\"><legend class=\"usa-legend\">"
                       "Notices: mail when something happens</legend>\n");
        html_field_error(h, "off", error);
    } else {
        html_markup(h, "<fieldset class=\"usa-fieldset\"><legend class=\"usa-legend\">"
                       "Reminders: mail before something is due</legend>\n");
    }
    for (size_t i = 0; i < count; i++) {
        if (kinds[i].group == group) {
            kind_checkbox(request, h, &kinds[i], !is_off(choices, kinds[i].name));
        }
    }
    html_markup(h, "</fieldset></div>\n");
}

static enum ct_status notices_page(struct web_request *request, struct web_response *response,
                                   const char *done, const struct action_outcome *outcome)
{
    web_set_title(response, "Your mail from certtrack");
    struct notice_choices choices;
    struct ct_err err = {0};
    struct html h;
    html_start(&h, &response->body);
    html_fail(&h, store_notice_choices(request->store, request->person_id, &choices, &err));
    const struct action_fault *delivery =
        outcome != NULL ? action_fault_of(outcome, "delivery") : NULL;
    const struct action_fault *off = outcome != NULL ? action_fault_of(outcome, "off") : NULL;
    if (outcome != NULL) {
        html_slim_error(&h,
                        delivery != NULL || off != NULL
                            ? "Nothing was changed: see the choices marked below."
                            : outcome->err.message,
                        delivery != NULL || off != NULL);
    }
    if (done != NULL) {
        html_alert(&h, FORM_ALERT_SUCCESS, done);
    }
    html_markup(&h, "<p>certtrack mails you when something waits for you or concerns you (a"
                    " notice), and before something is due (a reminder). Choose when notices"
                    " come, and which mail you get: a box left empty turns that kind of mail"
                    " off.</p>\n<form method=\"post\" action=\"/profile/notices\""
                    " class=\"usa-form usa-form--large\">");
    html_csrf(&h, request->csrf);
    delivery_fieldset(request, &h, &choices, delivery != NULL ? delivery->message : NULL);
    kinds_fieldset(request, &h, &choices, MAIL_KIND_NOTICE, off != NULL ? off->message : NULL);
    kinds_fieldset(request, &h, &choices, MAIL_KIND_REMINDER, NULL);
    html_markup(&h, "<button type=\"submit\" class=\"usa-button\">Save your choices</button>"
                    "</form>\n<h2>Mail you always get</h2>\n<p>Invitations, links to choose a new"
                    " password and to confirm a new e-mail address, and the word that your"
                    " address was changed, cannot be turned off: you need them to sign in and"
                    " to keep your account safe.</p>\n<p><a class=\"usa-link\" href=\"/profile\">"
                    "Back to your profile</a></p>\n");
    return html_status(&h);
}

enum ct_status page_profile_notices(struct web_request *request, struct web_response *response,
                                    int64_t id)
{
    (void)id;
    const char *done = web_query_value(request, "done");
    return notices_page(
        request, response,
        done != NULL && strcmp(done, "saved") == 0 ? "Your choices are saved." : NULL, NULL);
}

/* The kinds whose box the form left empty, one per line, into off (size bytes). */
static void off_from_form(const struct web_request *request, char *off, size_t size)
{
    size_t count = 0, used = 0;
    const struct mail_kind *kinds = mail_kinds(&count);
    off[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        char name[NOTICE_KIND_SIZE + 8];
        checkbox_name(kinds[i].name, name, sizeof name);
        const char *on = web_form_value(request, name);
        if (kinds[i].group != MAIL_KIND_ACCOUNT && (on == NULL || on[0] == '\0')) {
            int written = snprintf(off + used, size - used, "%s\n", kinds[i].name);
            used += written > 0 && (size_t)written < size - used ? (size_t)written : 0;
        }
    }
}

enum ct_status page_profile_notices_submit(struct web_request *request,
                                           struct web_response *response, int64_t id)
{
    (void)id;
    char off[NOTICE_KINDS_MAX * NOTICE_KIND_SIZE];
    off_from_form(request, off, sizeof off);
    struct notice_settings_input input = {
        .delivery = web_form_value(request, "delivery"),
        .off = off,
    };
    struct actor actor = web_actor(request);
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_notice_settings_set(request->store, &actor, &input, &outcome);
    if (status == CT_OK) {
        web_redirect(response, "/profile/notices?done=saved");
        return CT_OK;
    }
    if (status == CT_ERR_INPUT) {
        response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
        return notices_page(request, response, NULL, &outcome);
    }
    return status;
}
