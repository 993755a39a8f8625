#include "announcement.h"

#include <string.h>

#include "../certificates/certificate_pdf.h"
#include "../mail/mail_templates.h"
#include "../store/store_newly_certified.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

/* "1 certificate", "12 certificates". */
static enum ct_status set_certificates(struct template_data *data, size_t count)
{
    enum ct_status status = template_data_setf(data, "count", "%zu", count);
    return status == CT_OK ? template_data_setf(data, "certificates", "%zu certificate%s", count,
                                                count == 1 ? "" : "s")
                           : status;
}

static enum ct_status set_day(struct template_data *data, const char *name, const char *words,
                              struct civil_date day)
{
    char text[CIVIL_DATE_TEXT_SIZE], spelled[64];
    civil_date_format(day, text);
    certificate_date_words(day, spelled, sizeof spelled);
    enum ct_status status = template_data_set(data, name, text);
    return status == CT_OK ? template_data_set(data, words, spelled) : status;
}

static enum ct_status add_person(struct template_data *library,
                                 const struct newly_certified_row *row)
{
    struct template_data *person = template_data_add_item(library, "people");
    if (person == NULL) {
        return CT_ERR_NOMEM;
    }
    enum ct_status status = template_data_set(person, "name", row->name);
    status = status == CT_OK ? set_day(person, "issued", "issued_words", row->issued) : status;
    return status == CT_OK ? template_data_set(person, "number", row->number) : status;
}

/* The program's libraries and people: rows[first] to the last row of the same program;
 * *next is the index after it. */
static enum ct_status add_program(struct store *store, struct template_data *data,
                                  const struct newly_certified_row *rows, size_t count,
                                  size_t first, size_t *next)
{
    struct template_data *program = template_data_add_item(data, "programs");
    if (program == NULL) {
        return CT_ERR_NOMEM;
    }
    enum ct_status status = template_data_set(program, "program", rows[first].program);
    status = status == CT_OK
                 ? template_data_set(program, "program_name",
                                     program_set_name(store->programs, rows[first].program))
                 : status;
    size_t i = first;
    struct template_data *library = NULL;
    for (; i < count && status == CT_OK && strcmp(rows[i].program, rows[first].program) == 0; i++) {
        if (i == first || rows[i].library_id != rows[i - 1].library_id) {
            library = template_data_add_item(program, "libraries");
            status = library != NULL ? template_data_set(library, "library", rows[i].library)
                                     : CT_ERR_NOMEM;
            status = status == CT_OK ? template_data_set(library, "city", rows[i].city) : status;
        }
        status = status == CT_OK ? add_person(library, &rows[i]) : status;
    }
    *next = i;
    return status == CT_OK ? set_certificates(program, i - first) : status;
}

/* The whole: the settings, the days, the count, then each program. */
static enum ct_status fill(struct store *store, struct civil_date from, struct civil_date to,
                           const struct store_rows *rows, struct template_data *data,
                           struct ct_err *err)
{
    char base[STORE_SETTING_SIZE], issuer[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "public-url", base, err);
    status = status == CT_OK ? store_setting_get(store, "issuer-name", issuer, err) : status;
    if (status != CT_OK) {
        return status;
    }
    status = template_data_set(data, "public_url", base);
    status = status == CT_OK ? template_data_set(data, "issuer_name", issuer) : status;
    status = status == CT_OK ? set_day(data, "from", "from_words", from) : status;
    status = status == CT_OK ? set_day(data, "to", "to_words", to) : status;
    status = status == CT_OK ? set_certificates(data, rows->count) : status;
    const struct newly_certified_row *row = rows->items;
    for (size_t i = 0; i < rows->count && status == CT_OK;) {
        status = add_program(store, data, row, rows->count, i, &i);
    }
    return status == CT_ERR_NOMEM ? ct_err_nomem(err) : status;
}

enum ct_status announcement_draft(struct store *store, struct civil_date from, struct civil_date to,
                                  const struct store_rows *rows, struct buf *out,
                                  struct ct_err *err)
{
    struct template_data *data = template_data_new();
    if (data == NULL) {
        return ct_err_nomem(err);
    }
    char subject[OUTBOX_SUBJECT_SIZE];
    enum ct_status status = fill(store, from, to, rows, data, err);
    if (status == CT_OK) {
        status = mail_templates_render(store->templates, "announcement", data, subject, out, err);
    }
    template_data_free(data);
    return status;
}
