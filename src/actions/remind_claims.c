#include "remind_claims.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/arena.h"
#include "../store/store_settings.h"
#include "../core/banned.h"

/* A claim a message lists one by one; its strings are the reading's arena's. */
struct listed_claim {
    int64_t activity_id;
    int64_t learner_id;
    const char *learner;
    const char *title;
    struct civil_date date;
    struct civil_date claimed;
};

/* The claims of one message: every one it counts, the first ones listed. */
struct claim_group {
    int64_t recipient;
    struct store_rows ids; /* int64_t */
    struct listed_claim listed[REMIND_LISTED];
    size_t listed_count;
};

/* The claims read for one pass, by recipient. */
struct claim_reading {
    struct store_rows groups; /* struct claim_group */
    struct arena arena;
};

static void reading_release(struct claim_reading *reading)
{
    struct claim_group *groups = reading->groups.items;
    for (size_t i = 0; i < reading->groups.count; i++) {
        store_rows_release(&groups[i].ids);
    }
    store_rows_release(&reading->groups);
    arena_release(&reading->arena);
}

/* Adds a claim to its recipient's group (a reminder_claim_visit). */
static enum ct_status collect(void *context, const struct reminder_claim_row *row,
                              struct ct_err *err)
{
    struct claim_reading *reading = context;
    struct store_rows *groups = &reading->groups;
    struct claim_group *group =
        groups->count > 0 ? (struct claim_group *)groups->items + groups->count - 1 : NULL;
    if (group == NULL || group->recipient != row->recipient_id) {
        group = store_rows_push(groups, err);
        if (group == NULL) {
            return CT_ERR_NOMEM;
        }
        group->recipient = row->recipient_id;
        group->ids.size = sizeof(int64_t);
    }
    int64_t *id = store_rows_push(&group->ids, err);
    if (id == NULL) {
        return CT_ERR_NOMEM;
    }
    *id = row->activity_id;
    if (group->listed_count < REMIND_LISTED) {
        struct listed_claim *listed = &group->listed[group->listed_count++];
        *listed = (struct listed_claim){row->activity_id,
                                        row->learner_id,
                                        arena_strdup(&reading->arena, row->learner),
                                        arena_strdup(&reading->arena, row->title),
                                        row->date,
                                        row->claimed};
        if (listed->learner == NULL || listed->title == NULL) {
            return ct_err_nomem(err);
        }
    }
    return CT_OK;
}

/* The keys of a group's claims. */
struct claim_keys {
    const int64_t *ids;
    int days;
};

static void claim_key(const void *keys, size_t index, char out[REMINDER_KEY_SIZE])
{
    const struct claim_keys *claims = keys;
    reminder_claim_key(claims->ids[index], claims->days, out);
}

static enum ct_status claim_item(struct template_data *data, const struct listed_claim *claim,
                                 struct civil_date day, const char *public_url)
{
    struct template_data *item = template_data_add_item(data, "claims");
    if (item == NULL) {
        return CT_ERR_NOMEM;
    }
    char date[CIVIL_DATE_TEXT_SIZE], claimed[CIVIL_DATE_TEXT_SIZE], waited[24];
    char person[STORE_SETTING_SIZE + 64];
    snprintf(waited, sizeof waited, "%" PRId32, day.days - claim->claimed.days);
    snprintf(person, sizeof person, "%s/people/%" PRId64, public_url, claim->learner_id);
    return remind_fields_set(item, "learner", claim->learner, "title", claim->title, "date",
                             remind_date_text(claim->date, date), "claimed",
                             remind_date_text(claim->claimed, claimed), "waited", waited,
                             "person_url", person, NULL);
}

/* The fields of the message of group, told to a verifier or a coordinator, listing at
 * most listed of its claims. */
static enum ct_status group_fields(const struct claim_group *group, int days, bool coordinator,
                                   struct civil_date day, const char *public_url, size_t listed,
                                   struct template_data *data)
{
    size_t shown = group->listed_count < listed ? group->listed_count : listed;
    char count[24], more[24] = "", threshold[16], verify[STORE_SETTING_SIZE + 16];
    snprintf(count, sizeof count, "%zu", group->ids.count);
    if (group->ids.count > shown) {
        snprintf(more, sizeof more, "%zu", group->ids.count - shown);
    }
    snprintf(threshold, sizeof threshold, "%d", days);
    snprintf(verify, sizeof verify, "%s/verify", public_url);
    enum ct_status status =
        remind_fields_set(data, "count", count, "more", more, "days", threshold, "verify_url",
                          verify, coordinator ? "for_coordinator" : "for_verifier", "yes", NULL);
    for (size_t i = 0; i < shown && status == CT_OK; i++) {
        status = claim_item(data, &group->listed[i], day, public_url);
    }
    return status;
}

/* Sends the message of group listing at most listed of its claims. */
static enum ct_status send_listing(const struct remind_sending *sending, const char *public_url,
                                   const struct claim_group *group, int days, bool coordinator,
                                   size_t listed, struct ct_err *err)
{
    struct template_data *data = template_data_new();
    if (data == NULL ||
        group_fields(group, days, coordinator, sending->day, public_url, listed, data) != CT_OK) {
        template_data_free(data);
        return ct_err_nomem(err);
    }
    struct claim_keys keys = {group->ids.items, days};
    struct remind_message message = {
        .person_id = group->recipient,
        .kind = REMINDER_KIND_CLAIMS_WAITING,
        .template_name = "reminder-claims-waiting",
        .unsubscribe = true,
        .data = data,
        .keys = &keys,
        .count = group->ids.count,
        .key_of = claim_key,
    };
    enum ct_status status = remind_message_send(sending, &message, err);
    template_data_free(data);
    return status;
}

/* Sends the message of group, listing fewer claims when it would be too long for the
 * outbox (it still counts, and records, them all). */
static enum ct_status send_group(const struct remind_sending *sending, const char *public_url,
                                 const struct claim_group *group, int days, bool coordinator,
                                 struct ct_err *err)
{
    enum ct_status status = CT_ERR_TOO_LARGE;
    for (size_t listed = REMIND_LISTED; status == CT_ERR_TOO_LARGE; listed /= 2) {
        status = send_listing(sending, public_url, group, days, coordinator, listed, err);
        if (listed == 0) {
            break;
        }
    }
    return status;
}

static enum ct_status send_groups(const struct remind_sending *sending, const char *public_url,
                                  const struct claim_reading *reading, int days, bool coordinator,
                                  struct ct_err *err)
{
    const struct claim_group *groups = reading->groups.items;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < reading->groups.count && status == CT_OK; i++) {
        status = send_group(sending, public_url, &groups[i], days, coordinator, err);
    }
    return status;
}

/* Reads and sends the claims one coordinator has not been told of. */
static enum ct_status send_to_coordinator(const struct remind_sending *sending,
                                          const char *public_url, int64_t coordinator,
                                          struct ct_err *err)
{
    int days = REMINDER_CLAIM_COORDINATOR_DAYS;
    struct claim_reading reading = {.groups = {.size = sizeof(struct claim_group)}};
    arena_init(&reading.arena);
    enum ct_status status = store_reminder_claims_for(
        sending->store, coordinator, reminder_claims_cutoff(sending->day, days),
        REMINDER_KIND_CLAIMS_WAITING, days, collect, &reading, err);
    status = status == CT_OK ? send_groups(sending, public_url, &reading, days, true, err) : status;
    reading_release(&reading);
    return status;
}

enum ct_status remind_claims_send(const struct remind_sending *sending, const char *public_url,
                                  const int64_t *coordinators, size_t count, struct ct_err *err)
{
    int days = REMINDER_CLAIM_VERIFIER_DAYS;
    struct claim_reading reading = {.groups = {.size = sizeof(struct claim_group)}};
    arena_init(&reading.arena);
    enum ct_status status = store_reminder_claims_for_verifiers(
        sending->store, reminder_claims_cutoff(sending->day, days), REMINDER_KIND_CLAIMS_WAITING,
        days, collect, &reading, err);
    status =
        status == CT_OK ? send_groups(sending, public_url, &reading, days, false, err) : status;
    reading_release(&reading);
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = send_to_coordinator(sending, public_url, coordinators[i], err);
    }
    return status;
}
