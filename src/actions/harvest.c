#include "harvest.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../store/store_harvest_mappings.h"
#include "../store/store_harvest_parts.h"
#include "coordinator.h"
#include "../core/banned.h"

static bool has_text(const char *text)
{
    return text != NULL && text[0] != '\0';
}

/* Takes the store's refusal (outcome->err) out of the outcome, so that the action notes
 * it again as its own fault or refusal. */
static struct ct_err store_refusal(struct action_outcome *outcome)
{
    struct ct_err refusal = outcome->err;
    memset(&outcome->err, 0, sizeof outcome->err);
    return refusal;
}

/* ---- a site ---- */

static void check_site(const struct harvest_site_add_input *input, struct action_outcome *outcome)
{
    if (!has_text(input->url)) {
        action_fault(outcome, "url", "Enter the site's address, like https://learn.example.org.");
    }
    if (!has_text(input->time_zone)) {
        action_fault(outcome, "time_zone", "Choose the site's time zone, or type another below.");
    }
}

/* Notes the store's refusal of a site as the field it names; an address registered
 * already is the record's state. */
static enum ct_status site_refused(struct store *store, const struct harvest_site_add_input *input,
                                   struct action_outcome *outcome)
{
    struct ct_err refusal = store_refusal(outcome);
    if (strcmp(refusal.where, "time_zone") == 0) {
        action_fault(outcome, "time_zone", "%s", refusal.message);
        return CT_ERR_INPUT;
    }
    struct lms_site registered;
    bool exists = false;
    enum ct_status status =
        store_harvest_site_find_by_url(store, input->url, &registered, &exists, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (exists) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "url", "%s", refusal.message);
    }
    action_fault(outcome, "url", "%s", refusal.message);
    return CT_ERR_INPUT;
}

static enum ct_status site_add(struct store *store, const struct actor *actor,
                               const struct harvest_site_add_input *input,
                               struct harvest_site_add_result *result,
                               struct action_outcome *outcome)
{
    int64_t site_id = 0;
    enum ct_status status =
        store_harvest_site_add(store, actor->person_id, input->url, input->time_zone, &site_id,
                               &result->credentials, &outcome->err);
    if (status == CT_ERR_INPUT) {
        return site_refused(store, input, outcome);
    }
    bool found = false;
    if (status == CT_OK) {
        status =
            store_harvest_site_find_by_id(store, site_id, &result->site, &found, &outcome->err);
    }
    if (status == CT_OK && !found) {
        status = ct_err_set(&outcome->err, CT_ERR_IO, "site", "the new site is not found");
    }
    return status;
}

enum ct_status action_harvest_site_add(struct store *store, const struct actor *actor,
                                       const struct harvest_site_add_input *input,
                                       struct harvest_site_add_result *result,
                                       struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = coordinator_only(actor, "harvests from the LMS", outcome);
    if (status == CT_OK) {
        check_site(input, outcome);
        status = action_checked(outcome);
    }
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        if (status == CT_OK) {
            status = action_end(store, site_add(store, actor, input, result, outcome), outcome);
        }
    }
    if (status != CT_OK) {
        sodium_memzero(&result->credentials, sizeof result->credentials);
    }
    return status;
}

/* ---- an account ---- */

/* Checks the fields, finding the person by e-mail: every fault at once. */
static enum ct_status check_link(struct store *store,
                                 const struct harvest_account_link_input *input, int64_t *person_id,
                                 struct action_outcome *outcome)
{
    if (input->site_id <= 0) {
        action_fault(outcome, "site", "Choose the site the account is of.");
    }
    if (!has_text(input->account)) {
        action_fault(outcome, "account",
                     "Enter the account name: the Moodle user id its statements carry.");
    }
    *person_id = input->person_id;
    if (input->email == NULL && input->person_id <= 0) {
        action_fault(outcome, "email", "Enter the e-mail address of the person the account is.");
    }
    if (input->email != NULL && input->email[0] == '\0') {
        action_fault(outcome, "email", "Enter the e-mail address of the person the account is.");
    } else if (input->email != NULL) {
        bool known = false;
        enum ct_status status =
            store_harvest_person_by_email(store, input->email, person_id, &known, &outcome->err);
        if (status != CT_OK) {
            return status;
        }
        if (!known) {
            action_fault(outcome, "email", "No person has this e-mail address.");
        }
    }
    return action_checked(outcome);
}

/* Notes the store's refusal of a link as the field it names; an account linked to
 * someone else already is the record's state. */
static enum ct_status link_refused(struct store *store,
                                   const struct harvest_account_link_input *input,
                                   int64_t person_id, struct action_outcome *outcome)
{
    struct ct_err refusal = store_refusal(outcome);
    if (strcmp(refusal.where, "site") == 0) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "site", "%s", refusal.message);
    }
    if (strcmp(refusal.where, "person") == 0) {
        action_fault(outcome, input->email != NULL ? "email" : "person", "%s", refusal.message);
        return CT_ERR_INPUT;
    }
    int64_t linked = 0;
    bool found = false;
    enum ct_status status = store_harvest_account_find(store, input->site_id, input->account,
                                                       &linked, &found, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (found && linked != person_id) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "account", "%s", refusal.message);
    }
    action_fault(outcome, "account", "%s", refusal.message);
    return CT_ERR_INPUT;
}

/* Links the account inside the action's transaction. */
static enum ct_status account_link(struct store *store, const struct actor *actor,
                                   const struct harvest_account_link_input *input,
                                   struct harvest_account_link_result *result,
                                   struct action_outcome *outcome)
{
    int64_t person_id = 0;
    enum ct_status status = check_link(store, input, &person_id, outcome);
    if (status == CT_OK) {
        status = store_harvest_inbox_link_account(store, actor->person_id, input->site_id,
                                                  input->account, person_id, &result->release,
                                                  &outcome->err);
        if (status == CT_ERR_INPUT) {
            status = link_refused(store, input, person_id, outcome);
        }
    }
    return status;
}

enum ct_status action_harvest_account_link(struct store *store, const struct actor *actor,
                                           const struct harvest_account_link_input *input,
                                           struct harvest_account_link_result *result,
                                           struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = coordinator_begin(store, actor, "harvests from the LMS", outcome);
    return status != CT_OK
               ? status
               : action_end(store, account_link(store, actor, input, result, outcome), outcome);
}

/* ---- a course ---- */

static void check_map(const struct harvest_course_map_input *input, struct action_outcome *outcome)
{
    if (input->event_id <= 0) {
        action_fault(outcome, "event",
                     "Choose the catalog event the course or activity counts"
                     " for.");
    }
    if (!has_text(input->url)) {
        action_fault(outcome, "url", "Enter the LMS address of the course or activity.");
    }
    for (size_t i = 0; i < input->part_count; i++) {
        if (!has_text(input->parts[i])) {
            action_fault(outcome, "parts", "Name each part: an activity of the course.");
            break;
        }
    }
}

/* Notes the store's refusal of a mapping as the field it names; an address mapped as a
 * whole already is the record's state (a part mapped already stays a fault of "url"). */
static enum ct_status map_refused(struct store *store, const struct harvest_course_map_input *input,
                                  struct action_outcome *outcome)
{
    struct ct_err refusal = store_refusal(outcome);
    if (strcmp(refusal.where, "event") == 0) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "event", "%s", refusal.message);
    }
    enum harvest_mapping mapping = HARVEST_UNMAPPED;
    int64_t event_id = 0;
    enum ct_status status =
        store_harvest_event_by_course_url(store, input->url, &mapping, &event_id, &outcome->err);
    if (status != CT_OK) {
        return status;
    }
    if (input->part_count == 0 && mapping != HARVEST_UNMAPPED) {
        return action_refuse(outcome, ACTION_WRONG_STATE, "url", "%s", refusal.message);
    }
    action_fault(outcome, "url", "%s", refusal.message);
    return CT_ERR_INPUT;
}

static enum ct_status course_map(struct store *store, const struct actor *actor,
                                 const struct harvest_course_map_input *input,
                                 struct harvest_course_map_result *result,
                                 struct action_outcome *outcome)
{
    enum ct_status status =
        input->part_count == 0
            ? store_harvest_inbox_map_url(store, actor->person_id, input->event_id, input->url,
                                          &result->release, &outcome->err)
            : store_harvest_parts_map(store, actor->person_id, input->event_id, input->url,
                                      input->parts, input->part_count, &result->release,
                                      &outcome->err);
    return status == CT_ERR_INPUT ? map_refused(store, input, outcome) : status;
}

enum ct_status action_harvest_course_map(struct store *store, const struct actor *actor,
                                         const struct harvest_course_map_input *input,
                                         struct harvest_course_map_result *result,
                                         struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = coordinator_only(actor, "harvests from the LMS", outcome);
    if (status == CT_OK) {
        check_map(input, outcome);
        status = action_checked(outcome);
    }
    if (status != CT_OK) {
        return status;
    }
    status = action_begin(store, outcome);
    if (status == CT_OK) {
        status = action_end(store, course_map(store, actor, input, result, outcome), outcome);
    }
    return status;
}

/* ---- a report ---- */

static enum ct_status check_import(struct store *store, const struct harvest_import_input *input,
                                   struct lms_site *site, struct action_outcome *outcome)
{
    bool found = false;
    if (input->site_id > 0) {
        enum ct_status status =
            store_harvest_site_find_by_id(store, input->site_id, site, &found, &outcome->err);
        if (status != CT_OK) {
            return status;
        }
    }
    if (!found) {
        action_fault(outcome, "site", "Choose the site the report comes from.");
    }
    if (input->source == NULL) {
        action_fault(outcome, "file", "Choose the report file to upload.");
    }
    if (!has_text(input->via)) {
        action_fault(outcome, "via", "Say how the report came: \"web\" or \"command line\".");
    }
    return action_checked(outcome);
}

/* Notes the importer's refusal of the file as a fault of "file", keeping its own error
 * (which names the line) as the outcome's. */
static enum ct_status import_refused(struct action_outcome *outcome)
{
    struct ct_err importer = store_refusal(outcome);
    char reason[sizeof importer.where + sizeof importer.message + 4];
    ct_err_format(&importer, reason, sizeof reason);
    action_fault(outcome, "file", "%s", reason);
    outcome->err = importer;
    return CT_ERR_INPUT;
}

/* Imports the report inside the action's transaction. */
static enum ct_status import_report(struct store *store, const struct actor *actor,
                                    const struct harvest_import_input *input,
                                    struct harvest_import_result *result,
                                    struct action_outcome *outcome)
{
    struct lms_site site;
    enum ct_status status = check_import(store, input, &site, outcome);
    if (status == CT_OK) {
        const char *name = has_text(input->file_name) ? input->file_name : "upload.csv";
        status = moodle_import_run(store, actor->person_id, input->via, &site, name, input->source,
                                   &result->summary, &outcome->err);
        if (status == CT_ERR_INPUT) {
            status = import_refused(outcome);
        }
    }
    return status;
}

enum ct_status action_harvest_import(struct store *store, const struct actor *actor,
                                     const struct harvest_import_input *input,
                                     struct harvest_import_result *result,
                                     struct action_outcome *outcome)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = coordinator_begin(store, actor, "harvests from the LMS", outcome);
    return status != CT_OK
               ? status
               : action_end(store, import_report(store, actor, input, result, outcome), outcome);
}
