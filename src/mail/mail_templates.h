/*
 * mail_templates: the words of the mail certtrack sends (and of the texts it drafts for
 * the State Library, such as the announcement of the newly certified), as text
 * templates (core/text_template.h) a State Library may reword without a new build.
 *
 * Each template is a file NAME.txt: its first line "Subject: ..." (a template too), a
 * blank line, then the body. The built-in ones are templates/NAME.txt, carried in the
 * binary. A file of the same name in the templates directory wins over the built-in one:
 * the directory is CERTTRACK_TEMPLATES when set, else /etc/certtrack/templates when it
 * exists. Every template is checked when the templates are loaded (at the start of every
 * command and of the server): a file that names no known template, a field the template
 * may not use, or a bad tag is refused with the file's name and the line.
 *
 * Every template may use the fields in MAIL_TEMPLATE_COMMON_FIELDS, which the composer
 * (mail_compose.h) fills: name (the recipient's), public_url, issuer_name,
 * settings_url (the recipient's notification settings) and unsubscribe_url (a
 * reminder's one-click unsubscribe; empty on other mail). docs/operations.md lists
 * each template with its own fields.
 */
#ifndef CERTTRACK_MAIL_TEMPLATES_H
#define CERTTRACK_MAIL_TEMPLATES_H

#include "../core/buf.h"
#include "../core/text_template.h"
#include "../store/store_outbox.h"

#define MAIL_TEMPLATE_COMMON_FIELDS                                                                \
    "name", "public_url", "issuer_name", "settings_url", "unsubscribe_url"

/* A template certtrack knows: its name and the fields it may use beyond the common ones
 * (NULL-terminated). */
struct mail_template_spec {
    const char *name;
    const char *const *fields;
};

/* The known templates, and how many. */
const struct mail_template_spec *mail_template_specs(size_t *count);

/* The loaded templates: every known one, parsed. */
struct mail_templates;

/* The templates directory: CERTTRACK_TEMPLATES, else /etc/certtrack/templates when it is a
 * directory, else NULL (the built-in templates alone). Borrowed. */
const char *mail_templates_default_dir(void);

/* Loads every known template, from directory (borrowed; NULL: none) where it holds
 * NAME.txt, else the built-in one, into a new *out the caller frees with
 * mail_templates_free. CT_ERR_INPUT naming the file and line of the first bad template,
 * or a file in directory that is not a known template's. */
enum ct_status mail_templates_load(const char *directory, struct mail_templates **out,
                                   struct ct_err *err) CT_MUST_CHECK;

void mail_templates_free(struct mail_templates *templates);

/* Where template name was read from: the file's path, or "built-in templates/NAME.txt".
 * Borrowed; NULL when name is not known. */
const char *mail_templates_source(const struct mail_templates *templates, const char *name);

/* Renders template name with data (borrowed): the subject, on one line, into subject and
 * the body appended to body. templates NULL: the built-in ones, parsed for this call.
 * CT_ERR_INPUT naming "template" when name is not known; CT_ERR_TOO_LARGE when the subject
 * or body passes its limit. */
enum ct_status mail_templates_render(const struct mail_templates *templates, const char *name,
                                     const struct template_data *data,
                                     char subject[OUTBOX_SUBJECT_SIZE], struct buf *body,
                                     struct ct_err *err) CT_MUST_CHECK;

#endif
