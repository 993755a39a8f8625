/*
 * mail_sender: delivering the outbox (store_outbox.h) through the SMTP relay the
 * settings name (store_settings.h: mail-relay, mail-starttls, mail-user, mail-from,
 * mail-password-file), with libcurl's SMTP client. The relay's password is never a
 * setting (settings are audited): it is read from the file mail-password-file names
 * (its first line), or else from the environment variable CERTTRACK_SMTP_PASSWORD.
 *
 * Each waiting message that is due is claimed (so that two senders do not both send
 * it), formatted (mail_message.h) and sent; then marked sent, or failed with libcurl's
 * words, to be tried again after a wait that doubles with each failure. A message the
 * relay refuses for good during the conversation (a 5xx reply to MAIL FROM, RCPT TO or
 * the data, read with CURLINFO_RESPONSE_CODE or from libcurl's words) is marked refused
 * with the relay's reply and never tried again; a refusal at or after RCPT TO counts
 * against the recipient's address (store_outbox.h). certtrack receives no mail: a bounce
 * the relay sends later, having accepted the message, is out of its sight.
 */
#ifndef CERTTRACK_MAIL_SENDER_H
#define CERTTRACK_MAIL_SENDER_H

#include <stdbool.h>

#include "../store/store.h"

#define MAIL_CONFIG_TEXT_SIZE 512

/* The relay, as configured. */
struct mail_config {
    bool configured; /* false: problem says why mail waits */
    char problem[MAIL_CONFIG_TEXT_SIZE];
    char relay[MAIL_CONFIG_TEXT_SIZE];
    bool starttls_required;
    char user[MAIL_CONFIG_TEXT_SIZE];
    char password[MAIL_CONFIG_TEXT_SIZE];
    char from[MAIL_CONFIG_TEXT_SIZE];
    char from_name[MAIL_CONFIG_TEXT_SIZE]; /* the mail-from-name setting, else issuer-name */
};

/* Reads the mail settings and the password into *config. A relay that is not set, a
 * missing sender address or an unreadable password file is no failure:
 * config->configured is then false and config->problem says what is missing. */
enum ct_status mail_config_load(struct store *store, struct mail_config *config,
                                struct ct_err *err) CT_MUST_CHECK;

/* Wipes the password of config. */
void mail_config_release(struct mail_config *config);

/* What one run of the sender did. */
struct mail_send_result {
    int64_t sent;
    int64_t failed;       /* tried again later */
    int64_t refused;      /* refused for good by the relay */
    char last_error[512]; /* the last failure's words, or empty */
};

/* Sends every message due at now (every waiting one when all_waiting) through config's
 * relay (configured), at most limit of them, counting them in *result. A message that fails is no
 * failure of this function: it is marked failed. Fails only when the store does. */
enum ct_status mail_send_due(struct store *store, const struct mail_config *config, int64_t now,
                             bool all_waiting, int64_t limit, struct mail_send_result *result,
                             struct ct_err *err) CT_MUST_CHECK;

#endif
