#include "event_roster_upload.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../harvest/csv_table.h"
#include "../store/store_event_registrations.h"
#include "../store/store_people.h"
#include "events.h"
#include "../core/banned.h"

const char *roster_line_outcome_text(enum roster_line_outcome outcome)
{
    switch (outcome) {
    case ROSTER_LINE_CREDITED:
        return "Attended: credited";
    case ROSTER_LINE_RECORDED:
        return "Attended: the activity the person held counts";
    case ROSTER_LINE_ALREADY:
        return "Recorded already: nothing new";
    case ROSTER_LINE_REPEATED:
        return "On an earlier line: nothing new";
    case ROSTER_LINE_TAKEN:
        return "Fine";
    case ROSTER_LINE_AT_FAULT:
        break;
    }
    return "At fault";
}

/* The reading of the file: the columns found in the header, and the lines. */
struct reading {
    int email_column; /* -1 when absent */
    int id_column;
    struct store_rows *lines;
};

static bool names(const char *name, const char *const *any, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (strcasecmp(name, any[i]) == 0) {
            return true;
        }
    }
    return false;
}

static enum ct_status take_header(void *context, size_t count, const char *const *header,
                                  struct ct_err *err)
{
    static const char *const emails[] = {"email", "e-mail", "email address", "e-mail address"};
    static const char *const ids[] = {"person_id", "person id", "person"};
    struct reading *reading = context;
    for (size_t i = 0; i < count; i++) {
        if (reading->email_column < 0 && names(header[i], emails, 4)) {
            reading->email_column = (int)i;
        } else if (reading->id_column < 0 && names(header[i], ids, 3)) {
            reading->id_column = (int)i;
        }
    }
    if (reading->email_column < 0 && reading->id_column < 0) {
        return ct_err_set(err, CT_ERR_INPUT, "file",
                          "The file's first line must name an \"email\" or a \"person_id\""
                          " column.");
    }
    return CT_OK;
}

static const char *cell(const struct csv_table_record *record, int column)
{
    return column >= 0 && (size_t)column < record->count ? record->cells[column] : "";
}

static void at_fault(struct roster_line *line, const char *problem)
{
    line->outcome = ROSTER_LINE_AT_FAULT;
    store_text_copy(line->problem, sizeof line->problem, problem);
}

static enum ct_status take_record(void *context, const struct csv_table_record *record,
                                  struct ct_err *err)
{
    struct reading *reading = context;
    if (reading->lines->count == ROSTER_UPLOAD_MAX_LINES) {
        return ct_err_set(err, CT_ERR_INPUT, "file", "The file has more than %d lines.",
                          ROSTER_UPLOAD_MAX_LINES);
    }
    struct roster_line *line = store_rows_push(reading->lines, err);
    if (line == NULL) {
        return CT_ERR_NOMEM;
    }
    line->line = record->line;
    line->outcome = ROSTER_LINE_TAKEN;
    const char *email = cell(record, reading->email_column);
    const char *id = cell(record, reading->id_column);
    bool by_email = email[0] != '\0';
    store_text_copy(line->entry, sizeof line->entry, by_email ? email : id);
    if (record->problem != NULL) {
        at_fault(line, record->problem);
    } else if (line->entry[0] == '\0') {
        at_fault(line, "The line gives no e-mail address and no person id.");
    } else if (!by_email && strspn(id, "0123456789") != strlen(id)) {
        at_fault(line, "A person id is a whole number.");
    }
    return CT_OK;
}

/* Reads the whole file into result->lines, before any change. */
static enum ct_status read_file(FILE *source, struct event_roster_upload_result *result,
                                struct action_outcome *outcome)
{
    if (source == NULL) {
        action_fault(outcome, "file", "Choose the roster's CSV file.");
        return action_checked(outcome);
    }
    struct reading reading = {-1, -1, &result->lines};
    const struct csv_table_reader reader = {take_header, take_record, &reading};
    char sha256[CSV_TABLE_SHA256_SIZE];
    enum ct_status status = csv_table_read(source, &reader, sha256, &outcome->err);
    if (status == CT_OK && result->lines.count == 0) {
        status = ct_err_set(&outcome->err, CT_ERR_INPUT, "file",
                            "The file lists no one: give one person a line.");
    }
    if (status == CT_ERR_INPUT || status == CT_ERR_IO) {
        char message[sizeof outcome->err.message];
        memcpy(message, outcome->err.message, sizeof message);
        memset(&outcome->err, 0, sizeof outcome->err);
        message[0] = (char)toupper((unsigned char)message[0]);
        action_fault(outcome, "file", "%s", message);
        return action_checked(outcome);
    }
    return status;
}

/* Finds the person of line (not at fault), or notes why not; marks a person on an
 * earlier line as repeated. */
static enum ct_status resolve(struct store *store, struct roster_line *lines, size_t index,
                              struct action_outcome *outcome)
{
    struct roster_line *line = &lines[index];
    enum ct_status status = store_person_find(store, line->entry, &line->person_id, &outcome->err);
    if (status == CT_ERR_INPUT) {
        memset(&outcome->err, 0, sizeof outcome->err);
        at_fault(line, "No one has this e-mail address or person id.");
        return CT_OK;
    }
    struct person_roles person;
    bool found = false;
    if (status == CT_OK) {
        status = store_person_get_roles(store, line->person_id, &person, &found, &outcome->err);
    }
    if (status == CT_OK && found) {
        store_text_copy(line->name, sizeof line->name, person.name);
    }
    for (size_t i = 0; status == CT_OK && i < index; i++) {
        if (lines[i].outcome != ROSTER_LINE_AT_FAULT && lines[i].person_id == line->person_id) {
            line->outcome = ROSTER_LINE_REPEATED;
        }
    }
    return status;
}

/* Marks the person of line attended (registering a walk-in first), as the ticks do. */
static enum ct_status attend(struct store *store, const struct actor *actor, int64_t event_id,
                             struct roster_line *line, struct event_roster_upload_result *result,
                             struct action_outcome *outcome)
{
    struct store_event_registration_state state;
    enum ct_status status =
        store_event_registration_state(store, event_id, line->person_id, &state, &outcome->err);
    int64_t registration = state.registration_id;
    if (status == CT_OK && registration == 0) {
        status = store_event_register(store, actor->person_id, event_id, line->person_id,
                                      &registration, &outcome->err);
        line->walk_in = true;
    }
    if (status == CT_OK && state.attended) {
        line->outcome = ROSTER_LINE_ALREADY;
        return CT_OK;
    }
    struct event_attendance_result done = {0};
    if (status == CT_OK) {
        status =
            event_attendance_record_in(store, actor, event_id, &registration, 1, &done, outcome);
    }
    line->outcome = done.credited > 0   ? ROSTER_LINE_CREDITED
                    : done.recorded > 0 ? ROSTER_LINE_RECORDED
                                        : ROSTER_LINE_ALREADY;
    result->credited += done.credited;
    result->recorded += done.recorded;
    return status;
}

static enum ct_status upload_in(struct store *store, const struct actor *actor, int64_t event_id,
                                struct event_roster_upload_result *result,
                                struct action_outcome *outcome)
{
    struct event_attendance_result none = {0};
    enum ct_status status =
        event_attendance_record_in(store, actor, event_id, NULL, 0, &none, outcome);
    struct roster_line *lines = result->lines.items;
    for (size_t i = 0; status == CT_OK && i < result->lines.count; i++) {
        if (lines[i].outcome != ROSTER_LINE_AT_FAULT) {
            status = resolve(store, lines, i, outcome);
        }
        result->at_fault += lines[i].outcome == ROSTER_LINE_AT_FAULT;
    }
    if (status == CT_OK && result->at_fault > 0) {
        return action_refuse(outcome, ACTION_BAD_INPUT, "file",
                             "%d %s of the file cannot be taken: nothing was recorded.",
                             result->at_fault, result->at_fault == 1 ? "line" : "lines");
    }
    for (size_t i = 0; status == CT_OK && i < result->lines.count; i++) {
        if (lines[i].outcome == ROSTER_LINE_TAKEN) {
            status = attend(store, actor, event_id, &lines[i], result, outcome);
        }
    }
    return status;
}

enum ct_status action_event_roster_upload(struct store *store, const struct actor *actor,
                                          const struct event_roster_upload_input *input,
                                          struct event_roster_upload_result *result,
                                          struct action_outcome *outcome)
{
    result->credited = result->recorded = result->at_fault = 0;
    if (input->event_id <= 0) {
        action_fault(outcome, "event", "Choose an event.");
        return action_checked(outcome);
    }
    enum ct_status status = read_file(input->source, result, outcome);
    if (status == CT_OK) {
        status = action_begin(store, outcome);
        if (status == CT_OK) {
            status = action_end(store, upload_in(store, actor, input->event_id, result, outcome),
                                outcome);
        }
    }
    return status;
}
