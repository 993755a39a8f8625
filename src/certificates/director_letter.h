/*
 * director_letter: the letter the State Library sends a newly hired library director and
 * their board, with the day the director must be certified by (RULES.md: a newly hired
 * director has the director program's window, from the hire day), as a one-page US
 * Letter PDF drawn with cairo and Pango like the certificates. The reminders job mails
 * its words (templates/letter-new-director.txt) with a link to this PDF;
 * `certtrack letter new-director` writes it to a file.
 */
#ifndef CERTTRACK_DIRECTOR_LETTER_H
#define CERTTRACK_DIRECTOR_LETTER_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/civil_date.h"
#include "../core/err.h"
#include "../store/store_reminders.h"
#include "../store/store_settings.h"

struct director_letter {
    char issuer[STORE_SETTING_SIZE];      /* the issuer-name setting */
    char public_url[STORE_SETTING_SIZE];  /* the public-url setting */
    struct reminder_director_row library; /* the library, its director and board chair */
    char program[256];                    /* the director program's name */
    int64_t total_halves;                 /* its credits */
    int window_years;                     /* its window */
    struct civil_date written;            /* the letter's date */
    struct civil_date deadline;           /* the hire day plus the window */
};

/* Gathers the letter about person_id, the director of an open library, into *letter.
 * It is dated the day its mail was first queued, else day. *found is false when
 * person_id directs no open library. CT_ERR_INPUT naming "person" when no hire day is
 * recorded for them (the day their roles began), or "program" when the programs have
 * no director program (core/reminder_rule.h). */
enum ct_status director_letter_load(struct store *store, int64_t person_id, struct civil_date day,
                                    struct director_letter *letter, bool *found,
                                    struct ct_err *err) CT_MUST_CHECK;

/* Writes the letter as a one-page PDF to path (replaced when it exists); errors name
 * path: CT_ERR_IO when it cannot be written. Both borrowed. */
enum ct_status director_letter_pdf_write(const struct director_letter *letter, const char *path,
                                         struct ct_err *err) CT_MUST_CHECK;

/* The same PDF appended to out (borrowed; it keeps its limit): CT_ERR_TOO_LARGE when it
 * passes it, out then left as it was. */
enum ct_status director_letter_pdf_render(const struct director_letter *letter, struct buf *out,
                                          struct ct_err *err) CT_MUST_CHECK;

#endif
