#include "mail_notices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/clock.h"
#include "../store/store_notices.h"
#include "../store/store_settings.h"
#include "mail_kinds.h"
#include "../core/banned.h"

/* The most text of notices one message holds (the rest wait for the next message), so
 * that the message with its greeting and footer stays within the outbox's limit. */
#define MAIL_NOTICES_TEXT_LIMIT 12000

/* The most messages one gathering makes for one person. */
#define MAIL_NOTICES_ROUNDS 10

enum ct_status mail_notice_keep(struct store *store, int64_t now, int64_t person_id,
                                const char *kind, struct template_data *data,
                                struct mail_compose_result *result, struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    const struct mail_kind *known = mail_kind_find(kind);
    if (known == NULL || known->group != MAIL_KIND_NOTICE) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "\"%s\" is not a kind of notice",
                          kind != NULL ? kind : "");
    }
    struct mail_compose mail = {
        .template_name = kind,
        .person_id = person_id,
        .kind = kind,
        .unsubscribe = true,
        .without_footer = true,
    };
    struct buf body;
    buf_init(&body, NOTICE_BODY_SIZE - 1);
    enum ct_status status = mail_compose_render(store, &mail, data, &body, result, err);
    if (status == CT_ERR_TOO_LARGE) {
        status = ct_err_set(err, CT_ERR_TOO_LARGE, kind, "the notice is longer than %d bytes",
                            NOTICE_BODY_SIZE - 1);
    }
    if (status == CT_OK && result->skipped[0] == '\0') {
        status = store_notice_add(store, person_id, kind, result->subject, buf_str(&body), now,
                                  &result->outbox_id, err);
        result->outbox_id = 0; /* a notice is in no message yet */
        result->queued = status == CT_OK;
    }
    buf_release(&body);
    return status;
}

enum ct_status mail_notices_schedule(struct store *store, int64_t now,
                                     struct notice_schedule *schedule, struct ct_err *err)
{
    char window[STORE_SETTING_SIZE], digest[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "notice-window", window, err);
    status = status == CT_OK ? store_setting_get(store, "notice-digest-time", digest, err) : status;
    if (status != CT_OK) {
        return status;
    }
    int minutes = 0;
    if (!notice_rule_time_of_day(digest, &minutes)) {
        return ct_err_set(err, CT_ERR_INPUT, "notice-digest-time", "\"%s\" is not HH:MM", digest);
    }
    char *end = NULL;
    long window_minutes = strtol(window, &end, 10);
    if (end == window || *end != '\0' || window_minutes < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "notice-window", "\"%s\" is not minutes", window);
    }
    *schedule = (struct notice_schedule){
        .now = now,
        .window_seconds = (int64_t)window_minutes * 60,
        .last_digest = clock_last_local_time(now, minutes),
    };
    return CT_OK;
}

/* ---- one person's message ---- */

/* The notices of one message: the first of rows that fit, and the kind they share. */
struct gathered {
    int64_t ids[MAIL_NOTICES_PER_MESSAGE];
    size_t count;
    const char *one_kind; /* the kind every notice has, or NULL when they differ */
};

/* The values of the "notices" template for the notices of rows that fit, into data. */
static enum ct_status fill_message(const struct store_rows *rows, struct template_data *data,
                                   struct gathered *gathered)
{
    const struct notice_waiting *notices = rows->items;
    size_t text = 0;
    gathered->count = 0;
    gathered->one_kind = notices[0].kind;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < rows->count && i < MAIL_NOTICES_PER_MESSAGE && status == CT_OK; i++) {
        text += strlen(notices[i].subject) + strlen(notices[i].body) + 8;
        if (i > 0 && text > MAIL_NOTICES_TEXT_LIMIT) {
            break;
        }
        struct template_data *item = template_data_add_item(data, "notices");
        status =
            item == NULL ? CT_ERR_NOMEM : template_data_set(item, "subject", notices[i].subject);
        status = status == CT_OK ? template_data_set(item, "body", notices[i].body) : status;
        if (strcmp(notices[i].kind, gathered->one_kind) != 0) {
            gathered->one_kind = NULL;
        }
        gathered->ids[gathered->count++] = notices[i].id;
    }
    status = status == CT_OK ? template_data_setf(data, "count", "%zu", gathered->count) : status;
    status = status == CT_OK ? template_data_set(data, "single", gathered->count == 1 ? "yes" : "")
                             : status;
    return status == CT_OK ? template_data_set(data, "subject", notices[0].subject) : status;
}

/* Queues one message of the waiting notices of rows for person_id, and marks them;
 * *conflict is true when another gathering took some of them meanwhile (the caller then
 * rolls back: that gathering sends them). */
static enum ct_status queue_message(struct store *store, int64_t now, int64_t person_id,
                                    const struct store_rows *rows,
                                    struct mail_gather_result *result, bool *conflict,
                                    struct ct_err *err)
{
    struct template_data *data = template_data_new();
    struct gathered gathered = {0};
    enum ct_status status = data != NULL ? fill_message(rows, data, &gathered) : CT_ERR_NOMEM;
    if (status == CT_ERR_NOMEM) {
        template_data_free(data);
        return ct_err_nomem(err);
    }
    struct mail_compose mail = {
        .template_name = "notices",
        .person_id = person_id,
        .kind = gathered.one_kind != NULL ? gathered.one_kind : "notices",
        .unsubscribe = gathered.one_kind != NULL,
    };
    struct mail_compose_result queued;
    status = mail_compose_queue(store, now, &mail, data, &queued, err);
    template_data_free(data);
    size_t taken = 0;
    if (status == CT_OK && queued.queued) {
        status = store_notices_gathered(store, gathered.ids, gathered.count, queued.outbox_id,
                                        &taken, err);
    } else if (status == CT_OK) {
        status = store_notices_skip(store, gathered.ids, gathered.count, queued.skipped, err);
        result->skipped += (int64_t)gathered.count;
    }
    *conflict = status == CT_OK && queued.queued && taken != gathered.count;
    if (status == CT_OK && queued.queued && !*conflict) {
        result->messages++;
        result->notices += (int64_t)gathered.count;
    }
    return status;
}

/* Gathers one message of waiter's notices, in a transaction of its own, when they are
 * due; *more is true when a message was made and more notices may be due. */
static enum ct_status gather_round(struct store *store, const struct notice_schedule *schedule,
                                   const struct notice_waiter *waiter,
                                   struct mail_gather_result *result, bool *more,
                                   struct ct_err *err)
{
    *more = false;
    struct store_rows rows = {.size = sizeof(struct notice_waiting)};
    struct mail_gather_result round = {0};
    enum ct_status status = db_begin(store->db, err);
    size_t turned_off = 0;
    status = status == CT_OK
                 ? store_notices_skip_turned_off(store, waiter->person_id, &turned_off, err)
                 : status;
    status = status == CT_OK ? store_notices_waiting(store, waiter->person_id,
                                                     MAIL_NOTICES_PER_MESSAGE, &rows, err)
                             : status;
    /* Read again inside the transaction: what another gathering left may not be due. */
    const struct notice_waiting *oldest = rows.items;
    bool due =
        status == CT_OK && rows.count > 0 &&
        notice_rule_due(schedule, waiter->daily ? NOTICE_DELIVERY_DAILY : NOTICE_DELIVERY_GATHERED,
                        oldest->created_at);
    bool conflict = false;
    if (due) {
        status =
            queue_message(store, schedule->now, waiter->person_id, &rows, &round, &conflict, err);
    }
    store_rows_release(&rows);
    if (conflict) {
        db_rollback(store->db);
        return CT_OK;
    }
    status = store_finish(store, status, err);
    if (status == CT_OK) {
        result->messages += round.messages;
        result->notices += round.notices;
        result->skipped += round.skipped + (int64_t)turned_off;
        *more = due;
    }
    return status;
}

enum ct_status mail_notices_gather(struct store *store, int64_t now,
                                   struct mail_gather_result *result, struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    struct notice_schedule schedule;
    struct store_rows waiters = {.size = sizeof(struct notice_waiter)};
    enum ct_status status = mail_notices_schedule(store, now, &schedule, err);
    status = status == CT_OK ? store_notice_waiters(store, &waiters, err) : status;
    for (size_t i = 0; i < waiters.count && status == CT_OK; i++) {
        const struct notice_waiter *waiter = (const struct notice_waiter *)waiters.items + i;
        bool more = notice_rule_due(
            &schedule, waiter->daily ? NOTICE_DELIVERY_DAILY : NOTICE_DELIVERY_GATHERED,
            waiter->oldest);
        for (int round = 0; round < MAIL_NOTICES_ROUNDS && more && status == CT_OK; round++) {
            status = gather_round(store, &schedule, waiter, result, &more, err);
        }
    }
    store_rows_release(&waiters);
    return status;
}
