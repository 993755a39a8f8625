/*
 * harvest: the CE coordinator's changes to what certtrack harvests from an LMS
 * (docs/harvest.md): registering a site, linking a site's account to a person, mapping
 * an LMS course to a catalog event, and importing a Moodle report file. Only the CE
 * coordinator (or the system) does them: anyone else is ACTION_NOT_ALLOWED, before
 * anything is read. Linking and mapping apply the xAPI statements that waited for them,
 * and say how many.
 *
 * Fault fields are the names of the pages' form fields (the harvest has no JSON API).
 */
#ifndef CERTTRACK_ACTIONS_HARVEST_H
#define CERTTRACK_ACTIONS_HARVEST_H

#include <stddef.h>
#include <stdint.h>

#include "../harvest/moodle_import.h"
#include "../store/store_harvest_sites.h"
#include "../store/store_harvest_inbox.h"
#include "action.h"

struct harvest_site_add_input {
    const char *url;       /* field "url": the site's address, http:// or https://, a trailing
                              '/' dropped; one site per address */
    const char *time_zone; /* field "time_zone": the IANA zone its report files are written
                              in (the command line gives "UTC" when it names none) */
};

struct harvest_site_add_result {
    struct lms_site site;
    struct lms_site_credentials credentials; /* the xAPI key and secret, to be shown once: only
                                                a hash of the secret is kept (wipe it after) */
};

/* Registers an LMS site and makes its xAPI credentials. Refuses an empty address or
 * zone, an address that is not one ("url") and a zone that is not known ("time_zone");
 * an address registered already is ACTION_WRONG_STATE ("url"). */
enum ct_status action_harvest_site_add(struct store *store, const struct actor *actor,
                                       const struct harvest_site_add_input *input,
                                       struct harvest_site_add_result *result,
                                       struct action_outcome *outcome) CT_MUST_CHECK;

struct harvest_account_link_input {
    int64_t site_id;     /* field "site" */
    const char *account; /* field "account": the xAPI account name (the Moodle user id) */
    const char *email;   /* field "email": the person's e-mail address (without case); or
                            NULL, and then person_id names them */
    int64_t person_id;   /* field "person": the person, when email is NULL */
};

struct harvest_account_link_result {
    struct harvest_release release; /* what the link applied of the statements waiting */
};

/* Links the site's account to a person and applies the statements waiting for it.
 * Linking it again to the same person changes nothing. Refuses no site, an account name
 * that is empty or not one ("account"), no person given or an e-mail address no one has
 * ("email"), a person id no one has ("person"); a site that does not exist is
 * ACTION_NOT_FOUND ("site"), an account linked to someone else already
 * ACTION_WRONG_STATE ("account"). */
enum ct_status action_harvest_account_link(struct store *store, const struct actor *actor,
                                           const struct harvest_account_link_input *input,
                                           struct harvest_account_link_result *result,
                                           struct action_outcome *outcome) CT_MUST_CHECK;

struct harvest_course_map_input {
    int64_t event_id;         /* field "event": the catalog event it counts for */
    const char *url;          /* field "url": the LMS course or activity address */
    const char *const *parts; /* field "parts": names of the course's activities, each one part
                                 the event needs (NULL, part_count 0: the address as a whole) */
    size_t part_count;
};

struct harvest_course_map_result {
    struct harvest_release release; /* what the mapping applied of the statements waiting (for
                                       parts: those about the course and its activities) */
};

/* Maps the LMS address (as a whole, or by its parts) to the catalog event and applies the
 * statements waiting for it. Refuses no event, no address, an empty part, an address
 * that is not a web address or a part mapped already ("url"); an event that does not
 * exist is ACTION_NOT_FOUND ("event"), an address mapped as a whole already
 * ACTION_WRONG_STATE ("url"). */
enum ct_status action_harvest_course_map(struct store *store, const struct actor *actor,
                                         const struct harvest_course_map_input *input,
                                         struct harvest_course_map_result *result,
                                         struct action_outcome *outcome) CT_MUST_CHECK;

struct harvest_import_input {
    int64_t site_id;                             /* field "site": the site the report is from */
    const struct moodle_progress_source *source; /* field "file": the report's bytes, read once;
                                                    NULL: no file was given */
    const char *file_name; /* the file's name as given; NULL or "": "upload.csv" */
    const char *via;       /* field "via": how it came: "web", "command line" */
};

struct harvest_import_result {
    struct moodle_import_summary summary; /* the import (its rows: store_harvest_rows_each) */
};

/* Imports a Moodle activity completion report (moodle_import_run), recorded as the
 * actor's. Refuses a site that is not chosen or not found ("site") and no file ("file");
 * a file that is not a report is refused whole ("file", nothing of it kept): then
 * outcome->err is the importer's own error, naming where in the file (its line). */
enum ct_status action_harvest_import(struct store *store, const struct actor *actor,
                                     const struct harvest_import_input *input,
                                     struct harvest_import_result *result,
                                     struct action_outcome *outcome) CT_MUST_CHECK;

#endif
