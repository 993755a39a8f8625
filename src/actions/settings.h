/*
 * settings: changing the installation's settings (store_settings.h): the public address
 * (public-url) and the issuer's name (issuer-name). Only the CE coordinator (or the
 * system) changes them.
 */
#ifndef CERTTRACK_ACTIONS_SETTINGS_H
#define CERTTRACK_ACTIONS_SETTINGS_H

#include <stddef.h>

#include "action.h"

/* The most settings one change sets. */
#define SETTINGS_SET_MAX 8

/* One setting and its new value (borrowed). */
struct setting_value {
    const char *name; /* "public-url" or "issuer-name" */
    const char *value;
};

struct settings_set_input {
    struct setting_value settings[SETTINGS_SET_MAX];
    size_t count;
};

/* Sets every setting of the input, all of them or, when any is refused, none; each
 * change is audited. A fault names the setting ("public-url", "issuer-name") with the
 * store's words (store_setting_check), or "setting" for a name that is no setting. The
 * identity provider's settings (oidc-*) are the system's alone: a person setting one is
 * refused (ACTION_NOT_ALLOWED, naming it). */
enum ct_status action_settings_set(struct store *store, const struct actor *actor,
                                   const struct settings_set_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

#endif
