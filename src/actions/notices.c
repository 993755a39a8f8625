#include "notices.h"

#include <stdio.h>
#include <string.h>

#include "../core/credit.h"
#include "../mail/mail_notices.h"
#include "../store/store_account_links.h"
#include "../store/store_notices.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

/* A notice being made: its values, and the first failure (with err set). */
struct notice {
    struct template_data *data;
    enum ct_status status;
    struct ct_err *err;
    char base[STORE_SETTING_SIZE]; /* the public-url */
};

static void notice_begin(struct store *store, struct notice *notice, struct ct_err *err)
{
    notice->err = err;
    notice->data = template_data_new();
    notice->status = notice->data != NULL
                         ? store_setting_get(store, "public-url", notice->base, err)
                         : ct_err_nomem(err);
}

/* Notes a failure to set a value. */
static void notice_check(struct notice *notice, enum ct_status status)
{
    if (notice->status == CT_OK && status != CT_OK) {
        notice->status = ct_err_nomem(notice->err);
    }
}

/* The longest value a notice takes whole (a comment, a reason): a longer one is cut, so
 * that the notice stays within NOTICE_BODY_SIZE; the page says the rest. */
#define NOTICE_VALUE_LIMIT 1500

static void notice_set(struct notice *notice, const char *field, const char *value)
{
    size_t length = value != NULL ? strlen(value) : 0;
    if (notice->status != CT_OK) {
        return;
    }
    if (length <= NOTICE_VALUE_LIMIT) {
        notice_check(notice, template_data_set(notice->data, field, value));
        return;
    }
    /* Cut before a UTF-8 character's first byte, never inside one. */
    size_t cut = NOTICE_VALUE_LIMIT;
    while (cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80) {
        cut--;
    }
    notice_check(notice, template_data_setf(notice->data, field, "%.*s [...]", (int)cut, value));
}

static void notice_number(struct notice *notice, const char *field, int64_t value)
{
    if (notice->status == CT_OK) {
        notice_check(notice, template_data_setf(notice->data, field, "%lld", (long long)value));
    }
}

/* Sets field to the public-url followed by path. */
static void notice_link(struct notice *notice, const char *field, const char *path)
{
    if (notice->status == CT_OK) {
        notice_check(notice, template_data_setf(notice->data, field, "%s%s", notice->base, path));
    }
}

/* Keeps the notice of kind for person_id (nobody, or the actor themself: none), and
 * frees its values. */
static enum ct_status notice_send(struct store *store, const struct actor *actor,
                                  struct notice *notice, int64_t person_id, const char *kind)
{
    enum ct_status status = notice->status;
    if (status == CT_OK && person_id > 0 && person_id != actor->person_id) {
        struct mail_compose_result kept;
        status =
            mail_notice_keep(store, actor->now, person_id, kind, notice->data, &kept, notice->err);
    }
    template_data_free(notice->data);
    notice->data = NULL;
    return status;
}

/* person_id's name into name (size bytes): "" when unknown. */
static enum ct_status person_name(struct store *store, int64_t person_id, char *name, size_t size,
                                  struct ct_err *err)
{
    struct account_state state;
    bool found = false;
    enum ct_status status = store_account_state(store, person_id, &state, &found, err);
    snprintf(name, size, "%s", status == CT_OK && found ? state.name : "");
    return status;
}

static const char *program_name(struct store *store, const char *program)
{
    const char *name = program_set_name(store->programs, program);
    return name != NULL ? name : program;
}

/* ---- plans ---- */

enum ct_status notices_plan_submitted(struct store *store, const struct actor *actor,
                                      const struct learning_version *version, struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_set(&notice, "learner_name", version->person_name);
    notice_number(&notice, "version", version->version);
    notice_link(&notice, "link", "/plans");
    return notice_send(store, actor, &notice, version->verifier_id, "notice-plan-to-sign");
}

enum ct_status notices_plan_signed(struct store *store, const struct actor *actor,
                                   const struct learning_version *version, bool approved,
                                   struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_number(&notice, "version", version->version);
    notice_set(&notice, "approved", approved ? "yes" : "");
    notice_link(&notice, "link", "/plan");
    return notice_send(store, actor, &notice, version->person_id, "notice-plan-signed");
}

enum ct_status notices_plan_returned(struct store *store, const struct actor *actor,
                                     const struct learning_version *version, const char *comment,
                                     struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_number(&notice, "version", version->version);
    notice_set(&notice, "comment", comment);
    notice_link(&notice, "link", "/plan");
    return notice_send(store, actor, &notice, version->person_id, "notice-plan-returned");
}

/* ---- claims ---- */

enum ct_status notices_claim_submitted(struct store *store, const struct actor *actor,
                                       int64_t activity_id, struct ct_err *err)
{
    struct arena arena;
    arena_init(&arena);
    struct learning_activity claim;
    bool found = false;
    enum ct_status status =
        store_learning_activity(store, activity_id, &arena, &claim, &found, err);
    if (status == CT_OK && found) {
        struct notice notice;
        notice_begin(store, &notice, err);
        notice_set(&notice, "learner_name", claim.person_name);
        notice_set(&notice, "title", claim.title);
        notice_set(&notice, "date", claim.date);
        notice_link(&notice, "link", "/verify");
        status = notice_send(store, actor, &notice, claim.verifier_id, "notice-claims-to-verify");
    }
    arena_release(&arena);
    return status;
}

/* The notice of the rejected claims of claims[first]'s learner (those after first). */
static enum ct_status claims_of_one(struct store *store, const struct actor *actor,
                                    const struct learning_activity *claims, size_t count,
                                    size_t first, const char *reason, struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    for (size_t i = first; i < count && notice.status == CT_OK; i++) {
        if (claims[i].person_id != claims[first].person_id) {
            continue;
        }
        struct template_data *item = template_data_add_item(notice.data, "claims");
        enum ct_status set =
            item != NULL ? template_data_set(item, "title", claims[i].title) : CT_ERR_NOMEM;
        notice_check(&notice, set == CT_OK ? template_data_set(item, "date", claims[i].date) : set);
    }
    notice_set(&notice, "reason", reason);
    notice_link(&notice, "link", "/");
    return notice_send(store, actor, &notice, claims[first].person_id, "notice-claims-rejected");
}

enum ct_status notices_claims_rejected(struct store *store, const struct actor *actor,
                                       const struct learning_activity *claims, size_t count,
                                       const char *reason, struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        bool told = false;
        for (size_t j = 0; j < i && !told; j++) {
            told = claims[j].person_id == claims[i].person_id;
        }
        if (!told) {
            status = claims_of_one(store, actor, claims, count, i, reason, err);
        }
    }
    return status;
}

/* ---- final reports and tracks ---- */

/* The notice of kind about track to every CE coordinator. */
static enum ct_status tell_coordinators(struct store *store, const struct actor *actor,
                                        const struct track_info *track, const char *kind,
                                        struct ct_err *err)
{
    char learner[128];
    struct store_rows coordinators = {.size = sizeof(int64_t)};
    enum ct_status status = person_name(store, track->person_id, learner, sizeof learner, err);
    status = status == CT_OK ? store_notice_coordinators(store, &coordinators, err) : status;
    for (size_t i = 0; i < coordinators.count && status == CT_OK; i++) {
        struct notice notice;
        notice_begin(store, &notice, err);
        notice_set(&notice, "learner_name", learner);
        notice_set(&notice, "program", program_name(store, track->program));
        notice_link(&notice, "link", "/review");
        status = notice_send(store, actor, &notice, ((const int64_t *)coordinators.items)[i], kind);
    }
    store_rows_release(&coordinators);
    return status;
}

enum ct_status notices_report_submitted(struct store *store, const struct actor *actor,
                                        const struct track_info *track, struct ct_err *err)
{
    return tell_coordinators(store, actor, track, "notice-report-submitted", err);
}

enum ct_status notices_track_submitted(struct store *store, const struct actor *actor,
                                       const struct track_info *track, struct ct_err *err)
{
    return tell_coordinators(store, actor, track, "notice-track-submitted", err);
}

enum ct_status notices_report_reviewed(struct store *store, const struct actor *actor,
                                       const struct track_info *track, const char *comment,
                                       struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_set(&notice, "program", program_name(store, track->program));
    if (comment != NULL) {
        notice_set(&notice, "comment", comment);
    }
    notice_link(&notice, "link", "/report");
    return notice_send(store, actor, &notice, track->person_id,
                       comment != NULL ? "notice-report-returned" : "notice-report-accepted");
}

enum ct_status notices_track_returned(struct store *store, const struct actor *actor,
                                      const struct track_info *track, const char *comment,
                                      struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_set(&notice, "program", program_name(store, track->program));
    notice_set(&notice, "comment", comment);
    notice_link(&notice, "link", "/");
    return notice_send(store, actor, &notice, track->person_id, "notice-track-returned");
}

enum ct_status notices_certificate_awarded(struct store *store, const struct actor *actor,
                                           const struct track_info *track,
                                           const struct award_result *award, struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    char path[160], valid_until[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(award->valid_until, valid_until);
    notice_set(&notice, "program", program_name(store, track->program));
    notice_set(&notice, "number", award->number);
    notice_set(&notice, "valid_until", valid_until);
    snprintf(path, sizeof path, "/certificates/%lld/certificate.pdf",
             (long long)award->certificate_id);
    notice_link(&notice, "pdf_link", path);
    snprintf(path, sizeof path, "/certificates/%lld/credential.jwt",
             (long long)award->certificate_id);
    notice_link(&notice, "credential_link", path);
    snprintf(path, sizeof path, "/verify/%s", award->verification_code);
    notice_link(&notice, "check_link", path);
    return notice_send(store, actor, &notice, track->person_id, "notice-certificate-awarded");
}

/* ---- corrections ---- */

/* The category's name as a program gives it (its id when none does; "none" for none). */
static const char *category_name(struct store *store, const char *category)
{
    for (size_t p = 0; category != NULL && p < store->programs->count; p++) {
        const struct program *program = store->programs->programs[p];
        int index = program_category_index(program, category);
        if (index >= 0) {
            return program->categories[index].name;
        }
    }
    return category != NULL && category[0] != '\0' ? category : "none";
}

static void notice_credits(struct notice *notice, const char *field, int64_t halves)
{
    char text[CREDIT_TEXT_SIZE];
    credit_format(halves, text);
    notice_set(notice, field, text);
}

enum ct_status notices_activity_corrected(struct store *store, const struct actor *actor,
                                          const struct learning_activity *before,
                                          const struct activity_correction *correction,
                                          struct ct_err *err)
{
    char date[CIVIL_DATE_TEXT_SIZE], path[64];
    civil_date_format(correction->date, date);
    snprintf(path, sizeof path, "/activities/%lld", (long long)before->id);
    struct notice notice;
    notice_begin(store, &notice, err);
    notice_set(&notice, "title", before->title);
    notice_set(&notice, "old_kind", before->kind);
    notice_set(&notice, "new_kind", activity_kind_name(correction->kind));
    notice_set(&notice, "old_date", before->date);
    notice_set(&notice, "new_date", date);
    notice_credits(&notice, "old_credits", before->credit_halves);
    notice_credits(&notice, "new_credits", correction->credit_halves);
    notice_set(&notice, "old_category", category_name(store, before->category));
    notice_set(&notice, "new_category", category_name(store, correction->category));
    notice_set(&notice, "reason", correction->reason);
    notice_link(&notice, "link", path);
    return notice_send(store, actor, &notice, before->person_id, "notice-activity-corrected");
}

/* ---- reissues ---- */

enum ct_status notices_certificate_reissued(struct store *store, const struct actor *actor,
                                            const struct certificate_record *record,
                                            const char *new_name, const char *new_code,
                                            const char *reason, struct ct_err *err)
{
    struct notice notice;
    notice_begin(store, &notice, err);
    char path[160];
    notice_set(&notice, "number", record->number);
    notice_set(&notice, "program", program_name(store, record->program));
    notice_set(&notice, "name", new_name);
    notice_set(&notice, "reason", reason);
    snprintf(path, sizeof path, "/certificates/%lld/certificate.pdf", (long long)record->id);
    notice_link(&notice, "pdf_link", path);
    snprintf(path, sizeof path, "/certificates/%lld/credential.jwt", (long long)record->id);
    notice_link(&notice, "credential_link", path);
    snprintf(path, sizeof path, "/verify/%s", new_code);
    notice_link(&notice, "check_link", path);
    return notice_send(store, actor, &notice, record->person_id, "notice-certificate-reissued");
}
