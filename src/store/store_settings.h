/*
 * store_settings: the installation's settings, kept in the database so that every
 * command and the server agree on them.
 *
 *   public-url   the address people reach certtrack at, printed in QR codes,
 *                verification URLs and credentials (default STORE_DEFAULT_PUBLIC_URL)
 *   issuer-name  who issues the certificates and credentials
 *                (default STORE_DEFAULT_ISSUER_NAME)
 *   mail-relay   the SMTP relay mail goes through, smtp://HOST[:PORT] or
 *                smtps://HOST[:PORT]; empty (the default): none, mail waits
 *   mail-starttls  "required" (the default) or "optional": STARTTLS on smtp://
 *   mail-user    the relay's user name; empty: no authentication
 *   mail-from    the address mail comes from
 *   mail-password-file  a file holding the relay's password (never a setting itself:
 *                settings are audited); empty: CERTTRACK_SMTP_PASSWORD, if set
 *   mail-from-name  the name mail comes from; empty (the default): the issuer-name
 *   notice-window  minutes a person's notices wait to be gathered into one message
 *                (default 10; 1 to 1440)
 *   notice-digest-time  when the daily digest of those who chose it is gathered,
 *                HH:MM in the programs' time zone (default 07:00)
 *   reminder-time  when the server itself runs the daily reminders, HH:MM in the
 *                programs' time zone; empty (the default): it does not (a systemd timer
 *                runs `certtrack remind` instead)
 *   require-second-factor  "on": the CE coordinator's and the consultants' accounts
 *                must have a second factor (actions/second_factor.h); "off" (default)
 *
 * Signing in with an OpenID Connect provider (docs/operations.md); each is off, or
 * empty, until set, and is set to "" to turn it off again:
 *   oidc-issuer              the provider's issuer URL (https://, or http:// on the
 *                            loopback address); empty: no sign-in through a provider
 *   oidc-client-id           certtrack's client id at the provider
 *   oidc-client-secret-file  the file holding the client secret (the secret itself is
 *                            never a setting: settings are audited and shown); the
 *                            environment variable CERTTRACK_OIDC_CLIENT_SECRET wins
 *   oidc-button-label        the sign-in button says "Sign in with <label>"
 *                            (default STORE_DEFAULT_OIDC_BUTTON_LABEL)
 *   oidc-create-people       "yes": a sign-in with a verified e-mail no one has makes a
 *                            new learner; "no" (the default): it is refused
 *
 * Every change is audited.
 */
#ifndef CERTTRACK_STORE_SETTINGS_H
#define CERTTRACK_STORE_SETTINGS_H

#include "store.h"

#define STORE_DEFAULT_PUBLIC_URL        "http://127.0.0.1:8080"
#define STORE_DEFAULT_ISSUER_NAME       "Montana State Library"
#define STORE_DEFAULT_OIDC_BUTTON_LABEL "the State's sign-in"

/* The longest setting value, with its NUL. */
#define STORE_SETTING_SIZE 512

/* Whether name is a setting certtrack knows. */
bool store_setting_known(const char *name);

/* Checks value for setting name: a public-url is an absolute http or https URL with a
 * host and no query, fragment, spaces or user information, and so is an oidc-issuer,
 * which is https:// unless its host is the loopback address; oidc-create-people is yes
 * or no; the mail settings as listed above; a setting whose default is empty may be set
 * empty (off); the others are printable text. CT_ERR_INPUT naming the setting and the
 * fault otherwise. */
enum ct_status store_setting_check(const char *name, const char *value,
                                   struct ct_err *err) CT_MUST_CHECK;

/* The value of setting name (its default when not stored) into out (STORE_SETTING_SIZE
 * bytes). A public-url never ends in '/'. */
enum ct_status store_setting_get(struct store *store, const char *name,
                                 char out[STORE_SETTING_SIZE], struct ct_err *err) CT_MUST_CHECK;

/* Stores value for name, checked by store_setting_check; a public-url loses its
 * trailing slashes (an oidc-issuer is kept as given: the provider's tokens must name
 * it exactly). actor_id 0 is the command line. */
enum ct_status store_setting_set(struct store *store, int64_t actor_id, const char *name,
                                 const char *value, struct ct_err *err) CT_MUST_CHECK;

#endif
