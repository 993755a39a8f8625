#include "routes.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_accounts.h"
#include "api/api_coordinator.h"
#include "api/api_imports.h"
#include "api/api_libraries.h"
#include "api/api_me.h"
#include "api/api_people.h"
#include "api/api_plan.h"
#include "api/api_profile.h"
#include "api/api_supervisor.h"
#include "api/api_todo.h"
#include "api/api_tracks.h"
#include "pages/account.h"
#include "pages/catalog.h"
#include "pages/events.h"
#include "pages/calendar.h"
#include "pages/event_edit.h"
#include "pages/roster_upload.h"
#include "pages/certificate_files.h"
#include "pages/public.h"
#include "pages/record_imports.h"
#include "pages/certificates.h"
#include "pages/certificate_reissue.h"
#include "pages/activities.h"
#include "pages/activity_correct.h"
#include "pages/claim_view.h"
#include "pages/proofs.h"
#include "pages/compliance.h"
#include "pages/harvest_imports.h"
#include "pages/harvest_inbox.h"
#include "pages/harvest_sites.h"
#include "pages/libraries.h"
#include "pages/library.h"
#include "pages/library_edit.h"
#include "html/layout.h"
#include "pages/dashboard.h"
#include "pages/enrolment.h"
#include "pages/kept_form.h"
#include "pages/login.h"
#include "pages/oidc.h"
#include "pages/people.h"
#include "pages/person_admin.h"
#include "pages/people_find.h"
#include "pages/plan.h"
#include "pages/profile.h"
#include "pages/profile_second_factor.h"
#include "pages/login_second_step.h"
#include "pages/report.h"
#include "pages/review.h"
#include "pages/settings.h"
#include "pages/staff.h"
#include "pages/statewide.h"
#include "pages/statewide_certified.h"
#include "pages/statewide_csv.h"
#include "pages/tokens.h"
#include "pages/track.h"
#include "pages/verify.h"
#include "pages/letters.h"
#include "api/xapi.h"
#include "html/layout.h"
#include "api/api_notices.h"
#include "pages/profile_notices.h"
#include "pages/unsubscribe.h"
#include "pages/history.h"
#include "../core/banned.h"

enum route_access {
    ACCESS_PUBLIC,    /* anyone */
    ACCESS_SIGNED_IN, /* any signed-in person */
    ACCESS_LMS_SITE,  /* an LMS site, by its xAPI key and secret (HTTP Basic): no session,
                         no CSRF token */
};

/* ROUTE_UPLOAD: a page that takes a file upload (multipart/form-data, up to
 * WEB_UPLOAD_LIMIT; every other body is limited to 1 MiB). */
enum route_kind { ROUTE_PAGE, ROUTE_API, ROUTE_UPLOAD };

/* LAID_OUT: the page layout (layout.h) wraps what the handler writes; BARE: the handler
 * writes the whole response (a file, JSON, a page it lays out itself). */
enum route_layout { BARE, LAID_OUT };

struct route {
    const char *method;
    const char *pattern; /* "{id}" matches a positive whole number */
    enum route_access access;
    unsigned roles; /* any of these role bits; 0 = no role needed */
    enum route_kind kind;
    web_handler handler;
    enum route_layout layout;
    const char *nav; /* its label in the main navigation (a GET page), or NO_NAV */
};

#define NO_NAV NULL

/* Who finds people (the search box), and who keeps them (adds, edits, deactivates). */
#define PEOPLE_FINDERS (ROLE_CE_COORDINATOR | ROLE_CONSULTANT | ROLE_LIBRARY_ADMINISTRATOR)
#define PEOPLE_KEEPERS (ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR)
/* Who sees the statewide picture: the coordinator every library, a consultant theirs. */
#define STATE_VIEWERS (ROLE_CE_COORDINATOR | ROLE_CONSULTANT)

static enum ct_status healthz(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)request;
    (void)id;
    response->content_type = "text/plain; charset=utf-8";
    return buf_append_str(&response->body, "ok");
}

/* The icon is /assets/favicon.svg (named by every page); browsers that ask for the
 * classic address get "nothing here" without a page. */
static enum ct_status favicon(struct web_request *request, struct web_response *response,
                              int64_t id)
{
    (void)request;
    (void)id;
    response->status = 204;
    return CT_OK;
}

static const struct route routes[] = {
    {"GET", "/healthz", ACCESS_PUBLIC, 0, ROUTE_PAGE, healthz, BARE, NO_NAV},
    {"GET", "/favicon.ico", ACCESS_PUBLIC, 0, ROUTE_PAGE, favicon, BARE, NO_NAV},
    {"GET", "/login", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_login_form, LAID_OUT, NO_NAV},
    {"POST", "/login", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_login_submit, LAID_OUT, NO_NAV},
    {"POST", "/logout", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_logout, LAID_OUT, NO_NAV},
    {"GET", "/kept-form", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_kept_form, LAID_OUT, NO_NAV},
    {"POST", "/session/stay", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_session_stay, BARE, NO_NAV},
    {"GET", "/login/oidc", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_oidc_begin, LAID_OUT, NO_NAV},
    {"GET", "/login/oidc/callback", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_oidc_callback, LAID_OUT,
     NO_NAV},
    /* One-time links (invitations, password resets) and asking for a reset. */
    {"GET", "/account/password", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_account_password, LAID_OUT,
     NO_NAV},
    {"POST", "/account/password", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_account_password_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/account/email", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_account_email, LAID_OUT, NO_NAV},
    {"POST", "/account/email", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_account_email_submit, LAID_OUT,
     NO_NAV},
    {"GET", "/password-reset", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_password_reset, LAID_OUT, NO_NAV},
    {"POST", "/password-reset", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_password_reset_submit, LAID_OUT,
     NO_NAV},
    {"GET", "/", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_dashboard, LAID_OUT, "Your progress"},
    {"GET", "/tracks/new", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_tracks_new, LAID_OUT,
     "Choose a track"},
    {"GET", "/plan", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_plan, LAID_OUT, "Your plan"},
    {"GET", "/activities/new", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_claim, LAID_OUT,
     "Claim an activity"},
    {"GET", "/report", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_report, LAID_OUT,
     "Final report"},
    {"GET", "/plans", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_PAGE, page_plans_to_sign, LAID_OUT,
     "Plans to sign"},
    {"GET", "/verify", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_PAGE, page_verify, LAID_OUT,
     "Claims to verify"},
    {"GET", "/library", ACCESS_SIGNED_IN, ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library,
     LAID_OUT, "Your library"},
    {"GET", "/staff", ACCESS_SIGNED_IN, ROLE_SUPERVISOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE,
     page_staff, LAID_OUT, "Your staff"},
    {"GET", "/review", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_review, LAID_OUT,
     "Review and award"},
    {"GET", "/catalog", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_catalog, LAID_OUT, "Event catalog"},
    {"GET", "/certificates", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_certificates,
     LAID_OUT, "Certificates"},
    {"GET", "/harvest", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_harvest, LAID_OUT,
     "Harvest"},
    {"GET", "/compliance", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT, ROUTE_PAGE,
     page_compliance, LAID_OUT, "Compliance"},
    {"GET", "/statewide", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE, page_statewide, LAID_OUT,
     "Statewide"},
    {"GET", "/libraries", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT, ROUTE_PAGE,
     page_libraries, LAID_OUT, "Libraries"},
    {"GET", "/imports", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_record_imports,
     LAID_OUT, "Imports"},
    {"GET", "/settings", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_settings, LAID_OUT,
     "Settings"},
    {"GET", "/tokens", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_tokens, LAID_OUT, "API tokens"},
    {"GET", "/profile", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_profile, LAID_OUT, "Your profile"},
    {"POST", "/activities/new", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_UPLOAD, page_claim_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/activities/{id}/withdraw", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE,
     page_claim_withdraw, LAID_OUT, NO_NAV},
    /* A claim with its proof (the learner, their verifier, a coordinator; else 404). */
    {"GET", "/activities/{id}", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_claim_view, LAID_OUT, NO_NAV},
    {"GET", "/activities/{id}/resend", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE,
     page_claim_resend, LAID_OUT, NO_NAV},
    {"GET", "/activities/{id}/correct", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_activity_correct, LAID_OUT, NO_NAV},
    {"POST", "/activities/{id}/correct", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_activity_correct_submit, LAID_OUT, NO_NAV},
    {"GET", "/proofs/{id}", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_proof_download, BARE, NO_NAV},
    {"POST", "/tracks/new", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_tracks_new_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/people/{id}/tracks/new", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_person_tracks_new, LAID_OUT,
     NO_NAV},
    {"POST", "/people/{id}/tracks/new", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_person_tracks_new_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/tracks/{id}/withdraw", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_track_withdraw,
     LAID_OUT, NO_NAV},
    {"POST", "/track", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_track_submit, LAID_OUT,
     NO_NAV},
    {"POST", "/report", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_report_submit, LAID_OUT,
     NO_NAV},
    {"POST", "/plan", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_PAGE, page_plan_submit, LAID_OUT,
     NO_NAV},
    {"POST", "/plans", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_PAGE, page_plans_to_sign_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/verify", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_PAGE, page_verify_submit, LAID_OUT,
     NO_NAV},
    {"POST", "/review", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_review_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/compliance.csv", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT, ROUTE_PAGE,
     page_compliance_csv, BARE, NO_NAV},
    /* The statewide picture's tables as CSV, and the newly certified. */
    {"GET", "/statewide/programs.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_programs_csv, BARE, NO_NAV},
    {"GET", "/statewide/kinds.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_kinds_csv, BARE, NO_NAV},
    {"GET", "/statewide/directors.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_directors_csv, BARE, NO_NAV},
    {"GET", "/statewide/months.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_months_csv, BARE, NO_NAV},
    {"GET", "/statewide/quarter.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_quarter_csv, BARE, NO_NAV},
    {"GET", "/statewide/expiring.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_expiring_csv, BARE, NO_NAV},
    {"GET", "/statewide/certified", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_certified, LAID_OUT, NO_NAV},
    {"GET", "/statewide/certified.csv", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_certified_csv, BARE, NO_NAV},
    {"GET", "/statewide/certified.txt", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_statewide_certified_text, BARE, NO_NAV},
    {"GET", "/catalog/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_catalog_new,
     LAID_OUT, NO_NAV},
    {"POST", "/catalog/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_catalog_new_submit, LAID_OUT, NO_NAV},
    /* Registering for an event and its roster (the page checks the host). */
    {"POST", "/catalog/events/{id}/register", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_event_register,
     LAID_OUT, NO_NAV},
    {"POST", "/catalog/events/{id}/cancel", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_event_cancel,
     LAID_OUT, NO_NAV},
    {"GET", "/catalog/events/{id}/roster", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_event_roster,
     LAID_OUT, NO_NAV},
    {"POST", "/catalog/events/{id}/roster", ACCESS_SIGNED_IN, 0, ROUTE_PAGE,
     page_event_roster_submit, LAID_OUT, NO_NAV},
    {"POST", "/catalog/events/{id}/roster/upload", ACCESS_SIGNED_IN, 0, ROUTE_UPLOAD,
     page_event_roster_upload, LAID_OUT, NO_NAV},
    /* Editing and withdrawing an event; the public calendar and its iCalendar feed. */
    {"GET", "/catalog/events/{id}/edit", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_event_edit, LAID_OUT, NO_NAV},
    {"POST", "/catalog/events/{id}/edit", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_event_edit_submit, LAID_OUT, NO_NAV},
    {"GET", "/catalog/events/{id}/withdraw", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_event_withdraw, LAID_OUT, NO_NAV},
    {"POST", "/catalog/events/{id}/withdraw", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_event_withdraw_submit, LAID_OUT, NO_NAV},
    {"GET", "/calendar", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_calendar, LAID_OUT, NO_NAV},
    {"GET", "/calendar.ics", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_calendar_feed, BARE, NO_NAV},
    {"GET", "/certificates/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_certificate, LAID_OUT, NO_NAV},
    {"POST", "/certificates/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_certificate_revoke, LAID_OUT, NO_NAV},
    {"GET", "/certificates/{id}/reissue", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_certificate_reissue, LAID_OUT, NO_NAV},
    {"POST", "/certificates/{id}/reissue", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_certificate_reissue_submit, LAID_OUT, NO_NAV},
    {"POST", "/settings", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_settings_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/check-certificate", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_certificate_check, LAID_OUT,
     NO_NAV},
    {"GET", "/verify/{code}", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_certificate_verify, LAID_OUT,
     NO_NAV},
    {"GET", "/.well-known/jwks.json", ACCESS_PUBLIC, 0, ROUTE_PAGE, certificate_public_keys, BARE,
     NO_NAV},
    {"GET", "/keys/{code}", ACCESS_PUBLIC, 0, ROUTE_PAGE, certificate_public_key, BARE, NO_NAV},
    {"GET", "/issuer", ACCESS_PUBLIC, 0, ROUTE_PAGE, certificate_issuer_profile, BARE, NO_NAV},
    {"GET", "/achievements/{code}", ACCESS_PUBLIC, 0, ROUTE_PAGE, certificate_achievement, BARE,
     NO_NAV},
    {"GET", "/status/revocation", ACCESS_PUBLIC, 0, ROUTE_PAGE, certificate_revocation_list, BARE,
     NO_NAV},
    /* An awarded certificate's documents: its holder's, and the CE coordinator's. */
    {"GET", "/certificates/{id}/certificate.pdf", ACCESS_SIGNED_IN, 0, ROUTE_PAGE,
     certificate_pdf_download, BARE, NO_NAV},
    {"GET", "/certificates/{id}/transcript.pdf", ACCESS_SIGNED_IN, 0, ROUTE_PAGE,
     certificate_transcript_download, BARE, NO_NAV},
    {"GET", "/certificates/{id}/credential.jwt", ACCESS_SIGNED_IN, 0, ROUTE_PAGE,
     certificate_credential_download, BARE, NO_NAV},
    /* A new director's letter: the director's, their board chair's, the coordinator's. */
    {"GET", "/people/{id}/new-director-letter.pdf", ACCESS_SIGNED_IN, 0, ROUTE_PAGE,
     page_new_director_letter, BARE, NO_NAV},
    {"GET", "/people/{id}/history", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_person_history, LAID_OUT, NO_NAV},
    {"GET", "/libraries/{id}/history", ACCESS_SIGNED_IN, STATE_VIEWERS, ROUTE_PAGE,
     page_library_history, LAID_OUT, NO_NAV},
    {"GET", "/people/{id}", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_person, LAID_OUT, NO_NAV},
    {"GET", "/people", ACCESS_SIGNED_IN, PEOPLE_FINDERS, ROUTE_PAGE, page_people_search, LAID_OUT,
     NO_NAV},
    {"GET", "/people/new", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_PAGE, page_person_new, LAID_OUT,
     NO_NAV},
    {"POST", "/people/new", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_PAGE, page_person_new_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/people/{id}/invite", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_PAGE,
     page_person_invite, LAID_OUT, NO_NAV},
    {"POST", "/people/{id}", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_PAGE, page_person_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/people/{id}/merge", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_person_merge, LAID_OUT, NO_NAV},
    {"POST", "/people/{id}/merge", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_person_merge_submit, LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}/officers", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_PAGE,
     page_library_officers_submit, LAID_OUT, NO_NAV},
    {"GET", "/libraries/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_library_new,
     LAID_OUT, NO_NAV},
    {"POST", "/libraries/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_library_new_submit, LAID_OUT, NO_NAV},
    {"GET", "/libraries/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT, ROUTE_PAGE,
     page_library_detail, LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_library_edit_submit, LAID_OUT, NO_NAV},
    {"GET", "/libraries/{id}/close", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_library_close, LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}/close", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_library_close_submit, LAID_OUT, NO_NAV},
    /* A library's strategic plan: the coordinator's, and its own administrator's (the
     * actions refuse anyone else's library). */
    {"POST", "/libraries/{id}/plan", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_strategic_plan_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}/goals", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library_goal_add_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/libraries/{id}/goals/{id}", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library_goal, LAID_OUT,
     NO_NAV},
    {"POST", "/libraries/{id}/goals/{id}", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library_goal_submit,
     LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}/goals/{id}/retire", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library_goal_retire,
     LAID_OUT, NO_NAV},
    {"POST", "/libraries/{id}/goals/{id}/delete", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_PAGE, page_library_goal_delete,
     LAID_OUT, NO_NAV},
    {"POST", "/tokens", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_tokens_submit, LAID_OUT, NO_NAV},
    {"POST", "/profile", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_profile_submit, LAID_OUT, NO_NAV},
    {"GET", "/profile/record.json", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_profile_record, BARE,
     NO_NAV},
    {"GET", "/profile/second-factor", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT,
     ROUTE_PAGE, page_second_factor, LAID_OUT, NO_NAV},
    {"POST", "/profile/second-factor", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT,
     ROUTE_PAGE, page_second_factor_submit, LAID_OUT, NO_NAV},
    /* The second step of signing in: its form carries its own token (login_second_step.h). */
    {"POST", "/login/second-step", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_login_second_step, LAID_OUT,
     NO_NAV},
    /* The JSON API: the pages' actions, to the same roles (docs/api.md). */
    {"GET", "/api/v1/me", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me, BARE, NO_NAV},
    {"GET", "/api/v1/me/record", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_record, BARE, NO_NAV},
    {"POST", "/api/v1/me/name", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_name, BARE, NO_NAV},
    {"POST", "/api/v1/me/password", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_password, BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/second-factor/reset", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR,
     ROUTE_API, api_second_factor_reset, BARE, NO_NAV},
    {"GET", "/api/v1/me/progress", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_my_progress, BARE,
     NO_NAV},
    {"GET", "/api/v1/me/tracks", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_tracks, BARE,
     NO_NAV},
    {"POST", "/api/v1/me/tracks", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_enrol, BARE,
     NO_NAV},
    {"GET", "/api/v1/programs/available", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API,
     api_programs_available, BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/tracks", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_person_enrol, BARE, NO_NAV},
    {"POST", "/api/v1/tracks/{id}/withdraw", ACCESS_SIGNED_IN, 0, ROUTE_API, api_track_withdraw,
     BARE, NO_NAV},
    {"GET", "/api/v1/me/activities", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_activities,
     BARE, NO_NAV},
    {"POST", "/api/v1/me/activities", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_claim, BARE,
     NO_NAV},
    {"GET", "/api/v1/me/plan", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_plan, BARE,
     NO_NAV},
    {"POST", "/api/v1/me/plan/versions", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API,
     api_me_plan_new_version, BARE, NO_NAV},
    {"POST", "/api/v1/me/plan/text", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_plan_text,
     BARE, NO_NAV},
    {"POST", "/api/v1/me/plan/goals", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_plan_goal,
     BARE, NO_NAV},
    {"POST", "/api/v1/me/plan/items", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_plan_item,
     BARE, NO_NAV},
    {"POST", "/api/v1/me/plan/submit", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API,
     api_me_plan_submit, BARE, NO_NAV},
    {"POST", "/api/v1/me/plan/sign", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_plan_sign,
     BARE, NO_NAV},
    {"GET", "/api/v1/me/report", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_report, BARE,
     NO_NAV},
    {"POST", "/api/v1/me/report", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API, api_me_report_save,
     BARE, NO_NAV},
    {"POST", "/api/v1/me/track/submit", ACCESS_SIGNED_IN, ROLE_LEARNER, ROUTE_API,
     api_me_track_submit, BARE, NO_NAV},
    {"GET", "/api/v1/people", ACCESS_SIGNED_IN, PEOPLE_FINDERS, ROUTE_API, api_people, BARE,
     NO_NAV},
    {"POST", "/api/v1/people", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API, api_person_add, BARE,
     NO_NAV},
    {"GET", "/api/v1/people/{id}", ACCESS_SIGNED_IN, 0, ROUTE_API, api_person, BARE, NO_NAV},
    {"PATCH", "/api/v1/people/{id}", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API, api_person_edit,
     BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/deactivate", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API,
     api_person_deactivate, BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/move", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_person_move, BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/merge", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_person_merge, BARE, NO_NAV},
    {"PUT", "/api/v1/people/{id}/verifier", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API,
     api_person_verifier, BARE, NO_NAV},
    {"PUT", "/api/v1/libraries/{id}/officers", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API,
     api_library_officers, BARE, NO_NAV},
    {"GET", "/api/v1/people/{id}/progress", ACCESS_SIGNED_IN, 0, ROUTE_API, api_person_progress,
     BARE, NO_NAV},
    {"POST", "/api/v1/people/{id}/invitation", ACCESS_SIGNED_IN, PEOPLE_KEEPERS, ROUTE_API,
     api_person_invitation, BARE, NO_NAV},
    {"POST", "/api/v1/password-reset", ACCESS_PUBLIC, 0, ROUTE_API, api_password_reset, BARE,
     NO_NAV},
    {"GET", "/api/v1/verifications", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_API,
     api_verifications, BARE, NO_NAV},
    {"POST", "/api/v1/verifications", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_API,
     api_verifications_decide, BARE, NO_NAV},
    {"GET", "/api/v1/plans/waiting", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_API,
     api_plans_waiting, BARE, NO_NAV},
    {"POST", "/api/v1/plans/{id}/sign", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_API, api_plan_sign,
     BARE, NO_NAV},
    {"POST", "/api/v1/plans/{id}/return", ACCESS_SIGNED_IN, ROLE_SUPERVISOR, ROUTE_API,
     api_plan_return, BARE, NO_NAV},
    {"GET", "/api/v1/libraries", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR | ROLE_CONSULTANT, ROUTE_API,
     api_libraries, BARE, NO_NAV},
    {"POST", "/api/v1/libraries", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API, api_library_add,
     BARE, NO_NAV},
    {"GET", "/api/v1/libraries/{id}", ACCESS_SIGNED_IN, 0, ROUTE_API, api_library, BARE, NO_NAV},
    {"PATCH", "/api/v1/libraries/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_library_edit, BARE, NO_NAV},
    {"POST", "/api/v1/libraries/{id}/close", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_library_close, BARE, NO_NAV},
    {"PATCH", "/api/v1/libraries/{id}/plan", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_library_plan, BARE, NO_NAV},
    {"GET", "/api/v1/libraries/{id}/goals", ACCESS_SIGNED_IN, 0, ROUTE_API, api_library_goals, BARE,
     NO_NAV},
    {"POST", "/api/v1/libraries/{id}/goals", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_library_goal_add, BARE,
     NO_NAV},
    {"PATCH", "/api/v1/libraries/{id}/goals/{id}", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_library_goal_edit, BARE,
     NO_NAV},
    {"DELETE", "/api/v1/libraries/{id}/goals/{id}", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_library_goal_delete, BARE,
     NO_NAV},
    {"POST", "/api/v1/libraries/{id}/goals/{id}/retire", ACCESS_SIGNED_IN,
     ROLE_CE_COORDINATOR | ROLE_LIBRARY_ADMINISTRATOR, ROUTE_API, api_library_goal_retire, BARE,
     NO_NAV},
    {"GET", "/api/v1/catalog/events", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_catalog_events, BARE, NO_NAV},
    {"POST", "/api/v1/catalog/events", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_catalog_event_add, BARE, NO_NAV},
    {"POST", "/api/v1/imports/history", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_import_history, BARE, NO_NAV},
    {"POST", "/api/v1/imports/people", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_import_people, BARE, NO_NAV},
    {"GET", "/api/v1/imports/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API, api_import,
     BARE, NO_NAV},
    {"GET", "/api/v1/certificates", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_certificates, BARE, NO_NAV},
    {"POST", "/api/v1/certificates/{id}/revoke", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_certificate_revoke, BARE, NO_NAV},
    {"GET", "/api/v1/review/tracks", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_review_tracks, BARE, NO_NAV},
    {"GET", "/api/v1/review/reports", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_review_reports, BARE, NO_NAV},
    {"POST", "/api/v1/tracks/{id}/award", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_track_award, BARE, NO_NAV},
    {"POST", "/api/v1/tracks/{id}/return", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_track_return, BARE, NO_NAV},
    {"POST", "/api/v1/tracks/{id}/report/accept", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_report_accept, BARE, NO_NAV},
    {"POST", "/api/v1/tracks/{id}/report/return", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_API,
     api_report_return, BARE, NO_NAV},
    {"GET", "/harvest/sites/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_site_new, LAID_OUT, NO_NAV},
    {"POST", "/harvest/sites/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_site_new_submit, LAID_OUT, NO_NAV},
    {"GET", "/harvest/sites/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_site, LAID_OUT, NO_NAV},
    {"POST", "/harvest/sites/{id}/accounts", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_site_link, LAID_OUT, NO_NAV},
    {"GET", "/harvest/sites/{id}/statements.csv", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_site_statements_csv, BARE, NO_NAV},
    {"GET", "/harvest/imports", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_imports, LAID_OUT, NO_NAV},
    {"GET", "/harvest/imports/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_import_new, LAID_OUT, NO_NAV},
    {"POST", "/harvest/imports/new", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_UPLOAD,
     page_harvest_import_new_submit, LAID_OUT, NO_NAV},
    {"GET", "/harvest/imports/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_import, LAID_OUT, NO_NAV},
    {"POST", "/imports/history", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_UPLOAD,
     page_record_import_history, LAID_OUT, NO_NAV},
    {"POST", "/imports/people", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_UPLOAD,
     page_record_import_people, LAID_OUT, NO_NAV},
    {"GET", "/imports/{id}", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_record_import,
     LAID_OUT, NO_NAV},
    {"GET", "/harvest/imports/{id}.csv", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_import_csv, BARE, NO_NAV},
    {"GET", "/harvest/inbox", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE, page_harvest_inbox,
     LAID_OUT, NO_NAV},
    {"POST", "/harvest/inbox/accounts", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_inbox_link, LAID_OUT, NO_NAV},
    {"POST", "/harvest/inbox/courses", ACCESS_SIGNED_IN, ROLE_CE_COORDINATOR, ROUTE_PAGE,
     page_harvest_inbox_map, LAID_OUT, NO_NAV},
    {"GET", "/api/v1/me/todo", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_todo, BARE, NO_NAV},
    {"GET", "/xapi/about", ACCESS_PUBLIC, 0, ROUTE_API, xapi_about, BARE, NO_NAV},
    {"POST", "/xapi/statements", ACCESS_LMS_SITE, 0, ROUTE_API, xapi_statements_post, BARE, NO_NAV},
    {"PUT", "/xapi/statements", ACCESS_LMS_SITE, 0, ROUTE_API, xapi_statements_put, BARE, NO_NAV},
    /* A person's choices about their mail, and the one-click unsubscribe (RFC 8058: no
     * session, no form token; the address's mac allows it, pages/unsubscribe.h). */
    {"GET", "/profile/notices", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_profile_notices, LAID_OUT,
     NO_NAV},
    {"POST", "/profile/notices", ACCESS_SIGNED_IN, 0, ROUTE_PAGE, page_profile_notices_submit,
     LAID_OUT, NO_NAV},
    {"GET", "/unsubscribe", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_unsubscribe, LAID_OUT, NO_NAV},
    {"POST", "/unsubscribe", ACCESS_PUBLIC, 0, ROUTE_PAGE, page_unsubscribe_submit, LAID_OUT,
     NO_NAV},
    {"GET", "/api/v1/me/notices", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_notices, BARE, NO_NAV},
    {"PUT", "/api/v1/me/notices", ACCESS_SIGNED_IN, 0, ROUTE_API, api_me_notices_set, BARE, NO_NAV},
};

#define ROUTE_COUNT (sizeof routes / sizeof routes[0])

/* The length of the {code} segment at path: 1 to 64 letters, digits, dashes and
 * underscores (base64url, as a key's thumbprint is) up to the end of the path; 0 when
 * there is none. */
static size_t code_segment(const char *path)
{
    size_t length = 0;
    while (path[length] != '\0' && length <= 64 &&
           (isalnum((unsigned char)path[length]) || path[length] == '-' || path[length] == '_')) {
        length++;
    }
    return path[length] == '\0' && length <= 64 ? length : 0;
}

/* Matches path against pattern; *id receives the number where the pattern has {id},
 * and *sub_id the number of a second {id} (a library's goal), 0 when there is none.
 * {code} matches a last segment of letters, digits, dashes and underscores (the
 * handler reads it). */
static bool path_matches(const char *pattern, const char *path, int64_t *id, int64_t *sub_id)
{
    *id = 0;
    *sub_id = 0;
    while (*pattern != '\0' && *path != '\0') {
        if (strcmp(pattern, "{code}") == 0) {
            return code_segment(path) > 0;
        }
        if (strncmp(pattern, "{id}", 4) == 0) {
            char *end = NULL;
            if (*path < '1' || *path > '9') {
                return false;
            }
            long long value = strtoll(path, &end, 10);
            if (value <= 0 || end - path > 18) {
                return false;
            }
            *(*id == 0 ? id : sub_id) = value;
            path = end;
            pattern += 4;
            continue;
        }
        if (*pattern != *path) {
            return false;
        }
        pattern++;
        path++;
    }
    return *pattern == '\0' && *path == '\0';
}

static bool is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0;
}

bool routes_take_upload(const char *method, const char *path, unsigned roles)
{
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        int64_t id = 0, sub_id = 0;
        if (routes[i].kind == ROUTE_UPLOAD && strcmp(routes[i].method, method) == 0 &&
            path_matches(routes[i].pattern, path, &id, &sub_id)) {
            return routes[i].roles == 0 || (roles & routes[i].roles) != 0;
        }
    }
    return false;
}

bool routes_use_sessions(const char *path)
{
    return !xapi_is_path(path);
}

enum ct_status routes_too_large(const char *path, struct web_response *response)
{
    const char *message = "The request is too large.";
    if (xapi_is_path(path)) {
        return xapi_error(NULL, response, 413, "too-large", message);
    }
    if (is_api(path)) {
        return api_error(response, 413, "too-large", message);
    }
    response->status = 413;
    response->content_type = "text/plain; charset=utf-8";
    return buf_printf(&response->body, "%s\n", message);
}

static enum ct_status refuse(struct web_request *request, struct web_response *response,
                             unsigned status, const char *code, const char *message)
{
    if (xapi_is_path(request->path)) {
        return xapi_error(request, response, status, code, message);
    }
    if (is_api(request->path)) {
        return api_error(response, status, code, message);
    }
    return page_error(request, response, status,
                      status == 404   ? "Page not found"
                      : status == 403 ? "Not allowed"
                                      : "Request refused",
                      message);
}

static enum ct_status check_access(struct web_request *request, struct web_response *response,
                                   const struct route *route, bool *allowed)
{
    *allowed = false;
    if (route->access == ACCESS_LMS_SITE) {
        return xapi_authenticate(request, response, allowed);
    }
    if (route->access == ACCESS_SIGNED_IN && !request->signed_in) {
        if (route->kind == ROUTE_API) {
            return api_error(response, 401, "unauthenticated", "Sign in first.");
        }
        if (strcmp(route->method, "POST") == 0) {
            return kept_form_hold(request, response);
        }
        web_redirect(response, "/login");
        return CT_OK;
    }
    bool changes = strcmp(route->method, "GET") != 0 && route->access == ACCESS_SIGNED_IN;
    /* The API's changes take a personal token only: a browser sends the session cookie
     * with a request from any site, so the cookie alone never changes anything. */
    if (changes && route->kind == ROUTE_API && !request->by_token) {
        return api_error(response, 401, "token-required",
                         "Changes through the API need a personal API token:"
                         " Authorization: Bearer ct_...");
    }
    if (route->roles != 0 && (request->roles & route->roles) == 0) {
        return refuse(request, response, 403, "forbidden",
                      route->kind == ROUTE_API
                          ? "Your role does not give you access to this request."
                          : "Your role does not give you access to this page.");
    }
    /* A page's state change (a form or an upload) is a POST with the session's CSRF
     * token (the log-in form has its own, checked by its handler). */
    if (changes && route->kind != ROUTE_API &&
        !session_tokens_match(request->csrf, web_form_value(request, "csrf_token"))) {
        return refuse(request, response, 403, "csrf",
                      "This form has expired or did not come from certtrack. Try again.");
    }
    *allowed = true;
    return CT_OK;
}

/* The main navigation: the rows with a label, in the table's order (made once). */
static struct web_nav_item nav_items[ROUTE_COUNT];
static size_t nav_count;
static pthread_once_t nav_once = PTHREAD_ONCE_INIT;

static void nav_make(void)
{
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        if (routes[i].nav != NULL) {
            nav_items[nav_count++] =
                (struct web_nav_item){routes[i].pattern, routes[i].nav, routes[i].roles};
        }
    }
}

/* Runs the route's handler, and lays out what it wrote when its row says so. */
static enum ct_status run(const struct route *route, struct web_request *request,
                          struct web_response *response, int64_t id)
{
    enum ct_status status = route->handler(request, response, id);
    return status == CT_OK && route->layout == LAID_OUT ? layout_wrap(request, response) : status;
}

enum ct_status routes_dispatch(struct web_request *request, struct web_response *response)
{
    pthread_once(&nav_once, nav_make);
    request->nav = nav_items;
    request->nav_count = nav_count;
    bool path_known = false;
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        int64_t id = 0, sub_id = 0;
        if (!path_matches(routes[i].pattern, request->path, &id, &sub_id)) {
            continue;
        }
        path_known = true;
        if (strcmp(routes[i].method, request->method) != 0) {
            continue;
        }
        bool allowed = false, held = false;
        enum ct_status status = check_access(request, response, &routes[i], &allowed);
        if (status == CT_OK && allowed) {
            status = second_factor_hold(request, response, &held);
        }
        if (status != CT_OK || !allowed || held) {
            return status;
        }
        request->sub_id = sub_id;
        return run(&routes[i], request, response, id);
    }
    if (path_known) {
        return refuse(request, response, 405, "method-not-allowed",
                      "This address does not accept that kind of request.");
    }
    return refuse(request, response, 404, "not-found", "There is no page at this address.");
}
