/*
 * settings: the CE coordinator's page for the installation's settings (store_settings.h):
 * the public address printed in QR codes, verification URLs and credentials, and the
 * issuer's name; with the signing key's id and where its public half is published. The
 * pages are laid out (routes.c).
 */
#ifndef CERTTRACK_SETTINGS_H
#define CERTTRACK_SETTINGS_H

#include <stdint.h>

#include "../http/request.h"

/* GET /settings: the form, with the values in force. */
enum ct_status page_settings(struct web_request *request, struct web_response *response,
                             int64_t id) CT_MUST_CHECK;

/* POST /settings: fields public_url and issuer_name; saves both (action_settings_set,
 * each change audited) and redirects to /settings?done=settings-saved, or shows the form
 * again (400) with what was typed and what to fix next to each field, saving nothing. */
enum ct_status page_settings_submit(struct web_request *request, struct web_response *response,
                                    int64_t id) CT_MUST_CHECK;

#endif
