/*
 * remind_message: one message of the reminders job (remind.h), sent: rendered from its
 * template for its person and, unless the run is a dry run, queued in the outbox with
 * each of its reminders recorded in reminders_sent, in one transaction. What the run
 * shares with its messages is a struct remind_sending.
 */
#ifndef CERTTRACK_ACTIONS_REMIND_MESSAGE_H
#define CERTTRACK_ACTIONS_REMIND_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/reminder_rule.h"
#include "../core/text_template.h"
#include "../store/store_reminders.h"

/* The most reminders a message lists one by one; it says how many more there are. A
 * message that would be longer than the outbox takes lists fewer. */
#define REMIND_LISTED 50

/* One message the run queued, would queue (a dry run), or did not queue. Every pointer
 * is borrowed for the call. */
struct remind_line {
    int64_t person_id;
    const char *recipient; /* the address; "" when the person has none */
    const char *kind;      /* the outbox's kind: "reminder-deadline" ... */
    const char *subject;
    size_t reminders;    /* how many reminders it carries */
    bool queued;         /* false in a dry run and when skipped */
    const char *skipped; /* "" or why it is not queued: "turned off", "no e-mail address" ... */
};

/* Called for each message as it is decided. */
typedef void (*remind_report)(void *context, const struct remind_line *line);

struct remind_summary {
    int64_t tracks;    /* open tracks evaluated */
    int64_t libraries; /* libraries with a director, read */
    int64_t messages;  /* messages queued (a dry run: that would be) */
    int64_t reminders; /* the reminders they carry */
    int64_t skipped;   /* messages not queued: turned off, no address, deactivated */
    int64_t raced;     /* messages a run that went first had queued already */
};

/* What every message of a run is sent with; every pointer borrowed. */
struct remind_sending {
    struct store *store;
    struct reminder_log *log;
    struct civil_date day;
    int64_t now;
    bool dry_run;
    remind_report report; /* may be NULL */
    void *context;
    struct remind_summary *summary;
};

/* The subject key of reminder index of a message's keys. */
typedef void (*remind_key_of)(const void *keys, size_t index, char out[REMINDER_KEY_SIZE]);

/* A message: its person, kind, template and fields, and the keys of the reminders it
 * carries (count of them, each given by key_of(keys, i)). Every pointer borrowed. */
struct remind_message {
    int64_t person_id;
    const char *kind;
    const char *template_name;
    bool unsubscribe; /* a reminder: its one-click unsubscribe, the person's opt-out kept */
    struct template_data *data;
    const void *keys;
    size_t count;
    remind_key_of key_of;
};

/* Sends message as sending says, counting it in sending->summary and reporting it: in
 * a dry run it is rendered only; otherwise it is queued and its reminders recorded in
 * one transaction, which is rolled back when the person is skipped (turned off, no
 * address, deactivated) or a run that went first recorded one of them already. */
enum ct_status remind_message_send(const struct remind_sending *sending,
                                   const struct remind_message *message,
                                   struct ct_err *err) CT_MUST_CHECK;

/* Sets fields of data from pairs of names and values (all borrowed; a NULL value sets
 * ""), ended by a NULL name. CT_ERR_NOMEM when memory runs out. */
enum ct_status remind_fields_set(struct template_data *data, ...) CT_MUST_CHECK;

/* A date as "YYYY-MM-DD" into out, which it returns. */
const char *remind_date_text(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE]);

/* Half-credits as a decimal ("2.5") into out (CREDIT_TEXT_SIZE), which it returns. */
const char *remind_credit_text(int64_t halves, char *out);

#endif
