#include "mail_templates.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../io/file_read.h"
#include "mail/mail_templates_data.h"
#include "../core/banned.h"

/* The largest template file. */
#define MAIL_TEMPLATE_FILE_LIMIT (64 * 1024)

/* The directory read when CERTTRACK_TEMPLATES is not set. */
#define MAIL_TEMPLATES_SYSTEM_DIR "/etc/certtrack/templates"

static const char *const no_fields[] = {MAIL_TEMPLATE_COMMON_FIELDS, NULL};

/* The known templates. A new one is a row here, its file templates/NAME.txt (named in
 * src/meson.build) and its fields in docs/operations.md. */
static const char *const link_fields[] = {"link", NULL};
/* The notices (mail/mail_notices.h): the message that gathers them, and each one's. */
static const char *const notices_fields[] = {"count", "single", "subject", "notices", "body", NULL};
static const char *const plan_to_sign_fields[] = {"learner_name", "version", "link", NULL};
static const char *const claims_to_verify_fields[] = {"learner_name", "title", "date", "link",
                                                      NULL};
static const char *const plan_signed_fields[] = {"version", "approved", "link", NULL};
static const char *const plan_returned_fields[] = {"version", "comment", "link", NULL};
static const char *const claims_rejected_fields[] = {"claims", "title", "date",
                                                     "reason", "link",  NULL};
static const char *const report_accepted_fields[] = {"program", "link", NULL};
static const char *const returned_fields[] = {"program", "comment", "link", NULL};
static const char *const certificate_fields[] = {
    "program", "number", "valid_until", "pdf_link", "credential_link", "check_link", NULL};
static const char *const submitted_fields[] = {"learner_name", "program", "link", NULL};
static const char *const activity_corrected_fields[] = {
    "title",       "old_kind",     "new_kind",     "old_date", "new_date", "old_credits",
    "new_credits", "old_category", "new_category", "reason",   "link",     NULL};
static const char *const certificate_reissued_fields[] = {
    "number", "program", "name", "reason", "pdf_link", "credential_link", "check_link", NULL};

/* The announcement of the newly certified (actions/announcement.h drafts it). */
static const char *const announcement_fields[] = {
    "from",         "to",           "from_words", "to_words", "certificates", "count",  "programs",
    "program",      "program_name", "libraries",  "library",  "city",         "people", "issued",
    "issued_words", "number",       NULL};

/* The reminders' (actions/remind.h): the part the recipient plays (for_...), and the
 * fields of the list's items, which are also the first item's at the top. */
#define REMIND_FIELDS                                                                              \
    "count", "more", "dashboard_url", "for_learner", "for_director", "for_chair", "for_coordinator"
static const char *const reminder_expiry_fields[] = {
    REMIND_FIELDS, "tracks", "program", "expires", "days", "expiring", "counted", "falls_to", NULL};
static const char *const reminder_deadline_fields[] = {
    REMIND_FIELDS, "tracks",  "program",  "deadline", "months",
    "when",        "blocked", "blockers", "text",     NULL};
static const char *const reminder_director_fields[] = {
    REMIND_FIELDS, "directors", "director",  "library",    "deadline",
    "when",        "late",      "certified", "person_url", NULL};
static const char *const reminder_claims_fields[] = {
    "count",   "more",  "days", "verify_url", "for_verifier", "for_coordinator", "claims",
    "learner", "title", "date", "claimed",    "waited",       "person_url",      NULL};
static const char *const letter_new_director_fields[] = {
    REMIND_FIELDS, "director", "library",      "chair",      "hire_date", "deadline",
    "program",     "credits",  "window_years", "letter_url", NULL};

static const struct mail_template_spec specs[] = {
    {"footer", no_fields},
    {"invitation", link_fields},
    {"password-reset", link_fields},
    {"notices", notices_fields},
    {"notice-plan-to-sign", plan_to_sign_fields},
    {"notice-claims-to-verify", claims_to_verify_fields},
    {"notice-plan-signed", plan_signed_fields},
    {"notice-plan-returned", plan_returned_fields},
    {"notice-claims-rejected", claims_rejected_fields},
    {"notice-report-accepted", report_accepted_fields},
    {"notice-report-returned", returned_fields},
    {"notice-track-returned", returned_fields},
    {"notice-certificate-awarded", certificate_fields},
    {"notice-track-submitted", submitted_fields},
    {"notice-report-submitted", submitted_fields},
    {"notice-activity-corrected", activity_corrected_fields},
    {"notice-certificate-reissued", certificate_reissued_fields},
    {"announcement", announcement_fields},
    {"reminder-expiry", reminder_expiry_fields},
    {"reminder-deadline", reminder_deadline_fields},
    {"reminder-director-deadline", reminder_director_fields},
    {"reminder-claims-waiting", reminder_claims_fields},
    {"letter-new-director", letter_new_director_fields},
};

enum { SPEC_COUNT = sizeof specs / sizeof specs[0] };

struct loaded_template {
    const struct mail_template_spec *spec;
    char source[512];
    struct text_template *subject; /* NULL: the template has no subject line */
    struct text_template *body;
};

struct mail_templates {
    struct loaded_template entries[SPEC_COUNT];
};

const struct mail_template_spec *mail_template_specs(size_t *count)
{
    *count = SPEC_COUNT;
    return specs;
}

const char *mail_templates_default_dir(void)
{
    const char *set = getenv("CERTTRACK_TEMPLATES");
    if (set != NULL && set[0] != '\0') {
        return set;
    }
    struct stat info;
    if (stat(MAIL_TEMPLATES_SYSTEM_DIR, &info) == 0 && S_ISDIR(info.st_mode)) {
        return MAIL_TEMPLATES_SYSTEM_DIR;
    }
    return NULL;
}

/* The template's fields with the common ones, into out (room for size), NULL-ended. */
static void all_fields(const struct mail_template_spec *spec, const char **out, size_t size)
{
    size_t used = 0;
    for (const char *const *f = no_fields; *f != NULL && used + 1 < size; f++) {
        out[used++] = *f;
    }
    for (const char *const *f = spec->fields; f != no_fields && *f != NULL && used + 1 < size;
         f++) {
        out[used++] = *f;
    }
    out[used] = NULL;
}

/* Parses text, read from source, as spec's template into entry. */
static enum ct_status parse_template(const struct mail_template_spec *spec, const char *source,
                                     const char *text, struct loaded_template *entry,
                                     struct ct_err *err)
{
    const char *fields[64];
    all_fields(spec, fields, sizeof fields / sizeof fields[0]);
    entry->spec = spec;
    snprintf(entry->source, sizeof entry->source, "%s", source);
    const char *body = text;
    int body_line = 1;
    enum ct_status status = CT_OK;
    if (strncmp(text, "Subject:", 8) == 0) {
        size_t line = strcspn(text, "\n");
        char subject[OUTBOX_SUBJECT_SIZE];
        const char *start = text + 8 + strspn(text + 8, " \t");
        size_t length = line - (size_t)(start - text);
        if (length >= sizeof subject) {
            return ct_err_set(err, CT_ERR_INPUT, source, "line 1: the subject is too long");
        }
        snprintf(subject, sizeof subject, "%.*s", (int)length, start);
        status = text_template_parse(source, subject, 1, fields, &entry->subject, err);
        body = text[line] == '\n' ? text + line + 1 : text + line;
        body_line = 2;
        if (status == CT_OK && *body != '\n') {
            return ct_err_set(err, CT_ERR_INPUT, source,
                              "line 2: the subject line must be followed by a blank line");
        }
        body += *body == '\n';
        body_line += 1;
    }
    return status == CT_OK ? text_template_parse(source, body, body_line, fields, &entry->body, err)
                           : status;
}

static const char *built_in_text(const char *name)
{
    for (size_t i = 0; i < mail_template_text_count; i++) {
        if (strcmp(mail_template_texts[i].name, name) == 0) {
            return mail_template_texts[i].text;
        }
    }
    return NULL;
}

/* Loads spec's template from directory's NAME.txt when it is there, else the built-in. */
static enum ct_status load_one(const char *directory, const struct mail_template_spec *spec,
                               struct loaded_template *entry, struct ct_err *err)
{
    char path[512];
    struct stat info;
    snprintf(path, sizeof path, "%s/%s.txt", directory != NULL ? directory : "", spec->name);
    if (directory != NULL && stat(path, &info) == 0) {
        char *text = NULL;
        size_t length = 0;
        enum ct_status status = file_read_all(path, MAIL_TEMPLATE_FILE_LIMIT, &text, &length, err);
        if (status == CT_OK && strlen(text) != length) {
            status = ct_err_set(err, CT_ERR_INPUT, path, "the file holds a NUL byte");
        }
        if (status == CT_OK) {
            status = parse_template(spec, path, text, entry, err);
        }
        free(text);
        return status;
    }
    const char *text = built_in_text(spec->name);
    snprintf(path, sizeof path, "built-in templates/%s.txt", spec->name);
    if (text == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, path, "the build carries no such template");
    }
    return parse_template(spec, path, text, entry, err);
}

/* Refuses a NAME.txt in directory that is no known template's (a misspelt name would
 * otherwise be ignored in silence). */
static enum ct_status check_directory(const char *directory, struct ct_err *err)
{
    DIR *dir = opendir(directory);
    if (dir == NULL) {
        return ct_err_set(err, CT_ERR_IO, directory, "cannot read the templates directory");
    }
    enum ct_status status = CT_OK;
    for (struct dirent *item = readdir(dir); item != NULL && status == CT_OK; item = readdir(dir)) {
        size_t length = strlen(item->d_name);
        if (length < 5 || strcmp(item->d_name + length - 4, ".txt") != 0) {
            continue;
        }
        bool known = false;
        for (size_t i = 0; i < SPEC_COUNT && !known; i++) {
            known = strlen(specs[i].name) == length - 4 &&
                    strncmp(specs[i].name, item->d_name, length - 4) == 0;
        }
        if (!known) {
            status = ct_err_set(err, CT_ERR_INPUT, directory,
                                "%s is not a template certtrack knows (see docs/operations.md)",
                                item->d_name);
        }
    }
    closedir(dir);
    return status;
}

enum ct_status mail_templates_load(const char *directory, struct mail_templates **out,
                                   struct ct_err *err)
{
    *out = NULL;
    struct mail_templates *templates = calloc(1, sizeof *templates);
    if (templates == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = directory != NULL ? check_directory(directory, err) : CT_OK;
    for (size_t i = 0; i < SPEC_COUNT && status == CT_OK; i++) {
        status = load_one(directory, &specs[i], &templates->entries[i], err);
    }
    if (status != CT_OK) {
        mail_templates_free(templates);
        return status;
    }
    *out = templates;
    return CT_OK;
}

void mail_templates_free(struct mail_templates *templates)
{
    if (templates == NULL) {
        return;
    }
    for (size_t i = 0; i < SPEC_COUNT; i++) {
        text_template_free(templates->entries[i].subject);
        text_template_free(templates->entries[i].body);
    }
    free(templates);
}

static const struct loaded_template *find(const struct mail_templates *templates, const char *name)
{
    for (size_t i = 0; i < SPEC_COUNT; i++) {
        if (templates->entries[i].spec != NULL && strcmp(specs[i].name, name) == 0) {
            return &templates->entries[i];
        }
    }
    return NULL;
}

const char *mail_templates_source(const struct mail_templates *templates, const char *name)
{
    const struct loaded_template *entry = templates != NULL ? find(templates, name) : NULL;
    return entry != NULL ? entry->source : NULL;
}

/* Renders entry's subject (on one line) and body. */
static enum ct_status render_entry(const struct loaded_template *entry,
                                   const struct template_data *data,
                                   char subject[OUTBOX_SUBJECT_SIZE], struct buf *body,
                                   struct ct_err *err)
{
    subject[0] = '\0';
    struct buf line;
    buf_init(&line, OUTBOX_SUBJECT_SIZE - 1);
    enum ct_status status =
        entry->subject != NULL ? text_template_render(entry->subject, data, &line) : CT_OK;
    if (status == CT_OK && line.data != NULL) {
        for (char *c = line.data; *c != '\0'; c++) {
            *c = *c == '\n' || *c == '\r' || *c == '\t' ? ' ' : *c;
        }
        snprintf(subject, OUTBOX_SUBJECT_SIZE, "%s", line.data);
    }
    buf_release(&line);
    status = status == CT_OK ? text_template_render(entry->body, data, body) : status;
    if (status == CT_ERR_TOO_LARGE) {
        return ct_err_set(err, status, entry->source, "the rendered text is longer than its limit");
    }
    return status == CT_OK ? CT_OK : ct_err_nomem(err);
}

enum ct_status mail_templates_render(const struct mail_templates *templates, const char *name,
                                     const struct template_data *data,
                                     char subject[OUTBOX_SUBJECT_SIZE], struct buf *body,
                                     struct ct_err *err)
{
    if (templates != NULL) {
        const struct loaded_template *entry = find(templates, name);
        if (entry == NULL) {
            return ct_err_set(err, CT_ERR_INPUT, "template", "there is no template \"%s\"", name);
        }
        return render_entry(entry, data, subject, body, err);
    }
    for (size_t i = 0; i < SPEC_COUNT; i++) {
        if (strcmp(specs[i].name, name) == 0) {
            struct loaded_template entry = {0};
            enum ct_status status = load_one(NULL, &specs[i], &entry, err);
            status = status == CT_OK ? render_entry(&entry, data, subject, body, err) : status;
            text_template_free(entry.subject);
            text_template_free(entry.body);
            return status;
        }
    }
    return ct_err_set(err, CT_ERR_INPUT, "template", "there is no template \"%s\"", name);
}
