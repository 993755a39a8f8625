/*
 * event_roster_upload: the event's host (or the CE coordinator) records who attended
 * from a CSV file (RFC 4180, read by harvest/csv_table.h) with a header row naming an
 * "email" column or a "person_id" column (or both: the e-mail first, the id when the
 * e-mail cell is empty); every other column is ignored. Each line names one person known
 * to certtrack. The file is taken all or nothing: when any line is at fault (an empty
 * cell, no such person, a line the reader cannot read), nothing is recorded and every
 * line at fault is listed with its number and what is wrong. Otherwise each person is
 * marked attended through the same rules and records as the roster's ticks
 * (event_attendance_record_in): a person not registered is registered first (a walk-in),
 * each attendee is credited once (one event, one credit), and a line for an attendance
 * recorded already, or a person on an earlier line, changes nothing.
 */
#ifndef CERTTRACK_ACTIONS_EVENT_ROSTER_UPLOAD_H
#define CERTTRACK_ACTIONS_EVENT_ROSTER_UPLOAD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../store/store.h"
#include "action.h"

/* The most lines (after the header) a roster file holds. */
#define ROSTER_UPLOAD_MAX_LINES 2000

enum roster_line_outcome {
    ROSTER_LINE_CREDITED, /* attendance recorded, a verified activity made */
    ROSTER_LINE_RECORDED, /* attendance recorded, naming the activity the person held */
    ROSTER_LINE_ALREADY,  /* the attendance was recorded before: nothing new */
    ROSTER_LINE_REPEATED, /* the person is on an earlier line: nothing new */
    ROSTER_LINE_TAKEN,    /* the line is fine (a file refused for other lines) */
    ROSTER_LINE_AT_FAULT, /* the line cannot be taken: problem says why */
};

/* One line of the file and what became of it. */
struct roster_line {
    int64_t line;   /* the record's number in the file; the header is 1 */
    char entry[96]; /* the e-mail address or person id as given (cut to fit) */
    int64_t person_id;
    char name[96]; /* the person's name, "" when none was found */
    bool walk_in;  /* registered by this upload */
    enum roster_line_outcome outcome;
    char problem[128]; /* ROSTER_LINE_AT_FAULT: why, a sentence */
};

struct event_roster_upload_input {
    int64_t event_id; /* field "event" */
    FILE *source;     /* field "file": the CSV, read to its end (borrowed); NULL: none */
};

struct event_roster_upload_result {
    struct store_rows lines; /* struct roster_line, in file order; start it as
                                {.size = sizeof (struct roster_line)}; the caller releases
                                it (store_rows_release), filled in whatever the outcome */
    int credited;            /* new verified activities */
    int recorded;            /* attendances newly recorded */
    int at_fault;            /* lines at fault */
};

/* Records the attendance the file lists, all or nothing, in one transaction. A missing
 * or unreadable file, one without an "email" or "person_id" column, with no line or more
 * than ROSTER_UPLOAD_MAX_LINES, or with lines at fault is ACTION_BAD_INPUT at "file"
 * (result->lines then says which lines and why); the actor and the event are refused as
 * action_event_attendance refuses them. */
enum ct_status action_event_roster_upload(struct store *store, const struct actor *actor,
                                          const struct event_roster_upload_input *input,
                                          struct event_roster_upload_result *result,
                                          struct action_outcome *outcome) CT_MUST_CHECK;

/* The outcome in words for the result page ("Credited", "At fault"...); static text. */
const char *roster_line_outcome_text(enum roster_line_outcome outcome);

#endif
