#include "profile_second_factor.h"

#include <qrencode.h>
#include <string.h>

#include "../../actions/second_factor.h"
#include "../html/form.h"
#include "../html/html.h"
#include "../html/slim_alert.h"
#include "../../core/banned.h"

/* The QR code of text as an inline SVG image, one square per dark module, with a quiet
 * zone of four modules. */
static void qr_svg(struct html *h, const char *text)
{
    QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == NULL) {
        html_fail(h, CT_ERR_NOMEM);
        return;
    }
    int size = code->width + 8;
    html_format(h,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\""
                " height=\"%d\" viewBox=\"0 0 %d %d\" class=\"second-factor-qr\">"
                "<title>QR code of the key for your authenticator app</title>"
                "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
                size * 5, size * 5, size, size, size, size);
    for (int y = 0; y < code->width; y++) {
        for (int x = 0; x < code->width; x++) {
            if ((code->data[y * code->width + x] & 1) != 0) {
                html_format(h, "M%d %dh1v1h-1z", x + 4, y + 4);
            }
        }
    }
    html_markup(h, "\"/></svg>\n");
    QRcode_free(code);
}

static void code_form(struct web_request *request, struct html *h, const char *action,
                      const char *label, const char *hint, const char *error)
{
    html_markup(h, "<form method=\"post\" action=\"/profile/second-factor\" class=\"usa-form\">");
    html_csrf(h, request->csrf);
    html_hidden(h, "action", action);
    struct form_field code = {
        .id = "code",
        .label = label,
        .hint = hint,
        .error = error,
        .required = true,
    };
    html_field(h, &code);
    if (strcmp(action, "confirm") == 0) {
        html_markup(h, "<button type=\"submit\" class=\"usa-button\">Confirm</button></form>\n");
    } else {
        html_markup(h, "<button type=\"submit\" class=\"usa-button usa-button--secondary\">"
                       "Remove the second factor</button></form>\n");
    }
}

static void setup_steps(struct web_request *request, struct html *h,
                        const struct second_factor_setup *setup, const char *error)
{
    html_markup(h, "<p>A second factor asks, after your password, for a code that an"
                   " authenticator app on your phone shows (it changes every 30 seconds).</p>\n"
                   "<h2>1. Add certtrack to your authenticator app</h2>\n"
                   "<p>Scan this QR code with the app:</p>\n");
    qr_svg(h, setup->uri);
    html_markup(h, "<p>Or enter this key in the app by hand (time-based, 6 digits):</p>\n"
                   "<p><code class=\"second-factor-key\">");
    html_text(h, setup->secret_base32);
    html_markup(h, "</code></p>\n<details><summary>The key as an address</summary><p><code>");
    html_text(h, setup->uri);
    html_markup(h, "</code></p></details>\n<h2>2. Confirm with a code</h2>\n");
    code_form(request, h, "confirm", "The 6-digit code the app shows now",
              "The key is not shown again once the second factor is confirmed.", error);
}

static enum ct_status confirmed_page(struct web_request *request, struct html *h, const char *error)
{
    struct store_second_factor factor;
    struct ct_err err = {0};
    enum ct_status status =
        store_second_factor_get(request->store, request->person_id, &factor, &err);
    memset(factor.secret, 0, sizeof factor.secret);
    if (status != CT_OK) {
        return status;
    }
    html_markup(h, "<p>Your second factor is set up: signing in asks for a code from your"
                   " authenticator app after your password.</p>\n<p>Recovery codes not used"
                   " yet: ");
    html_int(h, factor.unused_codes);
    html_markup(h, ".</p>\n<h2>Remove the second factor</h2>\n");
    code_form(request, h, "remove", "A current code (or a recovery code)", NULL, error);
    return CT_OK;
}

/* The page: set-up steps, or the confirmed factor with its remove form; error (or NULL)
 * beside the code field. */
static enum ct_status second_factor_page(struct web_request *request, struct web_response *response,
                                         const char *error)
{
    web_set_title(response, "Second factor");
    struct actor actor = web_actor(request);
    struct second_factor_setup setup;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status = action_second_factor_begin(request->store, &actor, &setup, &outcome);
    struct html h;
    html_start(&h, &response->body);
    html_slim_error(&h, error != NULL ? "Nothing was changed: see the code." : NULL, true);
    if (status == CT_OK) {
        setup_steps(request, &h, &setup, error);
    } else if (status == CT_ERR_INPUT && outcome.refusal == ACTION_WRONG_STATE) {
        status = confirmed_page(request, &h, error);
    }
    memset(&setup, 0, sizeof setup);
    return status == CT_OK ? html_status(&h) : status;
}

enum ct_status page_second_factor(struct web_request *request, struct web_response *response,
                                  int64_t id)
{
    (void)id;
    return second_factor_page(request, response, NULL);
}

static enum ct_status recovery_codes_page(struct web_response *response,
                                          const struct second_factor_confirm_result *result)
{
    web_set_title(response, "Second factor");
    struct html h;
    html_start(&h, &response->body);
    html_alert(&h, FORM_ALERT_SUCCESS, "Your second factor is set up.");
    html_markup(&h, "<h2>Your recovery codes</h2>\n<p>Keep these somewhere safe, away from"
                    " your phone. Each one signs you in once in place of a code, if you lose"
                    " the app. They are not shown again.</p>\n<ul class=\"usa-list"
                    " recovery-codes\">\n");
    for (size_t i = 0; i < RECOVERY_CODE_COUNT; i++) {
        html_markup(&h, "<li><code>");
        html_text(&h, result->recovery_codes[i]);
        html_markup(&h, "</code></li>\n");
    }
    html_markup(&h, "</ul>\n<p><a class=\"usa-button\" href=\"/profile\">I have kept them:"
                    " back to your profile</a></p>\n");
    return html_status(&h);
}

static enum ct_status code_action(struct web_request *request, struct web_response *response,
                                  bool confirm)
{
    struct actor actor = web_actor(request);
    struct second_factor_code_input input = {.code = web_form_value(request, "code")};
    struct second_factor_confirm_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    enum ct_status status =
        confirm ? action_second_factor_confirm(request->store, &actor, &input, &result, &outcome)
                : action_second_factor_remove(request->store, &actor, &input, &outcome);
    if (status == CT_OK && confirm) {
        status = recovery_codes_page(response, &result);
        memset(&result, 0, sizeof result);
        return status;
    }
    if (status == CT_OK || (status == CT_ERR_INPUT && outcome.refusal == ACTION_WRONG_STATE)) {
        web_redirect(response, "/profile/second-factor");
        return CT_OK;
    }
    const struct action_fault *code = action_fault_of(&outcome, "code");
    if (status == CT_ERR_INPUT) {
        response->status = outcome.refusal == ACTION_NOT_ALLOWED ? 403 : 400;
        return second_factor_page(request, response,
                                  code != NULL ? code->message : outcome.err.message);
    }
    return status;
}

enum ct_status page_second_factor_submit(struct web_request *request, struct web_response *response,
                                         int64_t id)
{
    (void)id;
    const char *action = web_form_value(request, "action");
    if (action != NULL && (strcmp(action, "confirm") == 0 || strcmp(action, "remove") == 0)) {
        return code_action(request, response, strcmp(action, "confirm") == 0);
    }
    response->status = 400;
    return second_factor_page(request, response, "Choose confirm or remove.");
}
