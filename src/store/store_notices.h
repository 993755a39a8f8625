/*
 * store_notices: what a person chose about the notices and reminders certtrack mails
 * them (migration 13: notice_opt_outs, notice_settings), and the notices waiting to be
 * gathered into mail (notices).
 */
#ifndef CERTTRACK_STORE_NOTICES_H
#define CERTTRACK_STORE_NOTICES_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

/* *opted_out is true when person_id has turned off the mail of kind (a reminder's or a
 * notice's kind). */
enum ct_status store_notice_opted_out(struct store *store, int64_t person_id, const char *kind,
                                      bool *opted_out, struct ct_err *err) CT_MUST_CHECK;

#endif
