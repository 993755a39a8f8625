/*
 * announcement: the announcement of the newly certified (store_newly_certified.h), drafted
 * from the template "announcement" (templates/announcement.txt, which a State Library may
 * reword: mail/mail_templates.h) for the State Library to edit and publish. It changes
 * nothing in the record; it is here, above the store and the templates, because the
 * pages and the command line draft the same text.
 *
 * The fields (docs/operations.md): issuer_name and public_url (the settings); from and to
 * (YYYY-MM-DD) and from_words and to_words ("January 1, 2025"); count and certificates
 * ("12 certificates", "1 certificate"); programs, a list of programs, each with program
 * (its id), program_name, count, certificates and libraries, a list of libraries, each
 * with library and city (both empty for people at no library) and people, a list of
 * people, each with name, issued, issued_words and number (the certificate's).
 */
#ifndef CERTTRACK_ANNOUNCEMENT_H
#define CERTTRACK_ANNOUNCEMENT_H

#include "../core/buf.h"
#include "../core/civil_date.h"
#include "../store/store.h"

/* Appends to out the announcement of rows (newly_certified_row, borrowed, in the order
 * store_newly_certified reads them: by program, then library), awarded from from to to,
 * written with store's templates (NULL: the built-in ones). CT_ERR_TOO_LARGE when out's
 * limit is passed. */
enum ct_status announcement_draft(struct store *store, struct civil_date from, struct civil_date to,
                                  const struct store_rows *rows, struct buf *out,
                                  struct ct_err *err) CT_MUST_CHECK;

#endif
