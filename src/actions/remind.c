#include "remind.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/credit.h"
#include "../store/store_compliance.h"
#include "../store/store_jobs.h"
#include "../store/store_settings.h"
#include "remind_claims.h"
#include "remind_message.h"
#include "../core/banned.h"

/* Whom a reminder is for, which decides the words of its message. */
enum audience { FOR_LEARNER, FOR_DIRECTOR, FOR_CHAIR, FOR_COORDINATOR };

/* A reminder owed and not yet sent, waiting to be gathered into its message. Its
 * strings are the run's arena's (or the programs'). */
struct candidate {
    int64_t person_id;
    const char *kind;
    enum audience audience;
    size_t order; /* when it was found: the order of a message's items */
    const char *key;
    int64_t about_id;           /* the track's id, or the director's */
    const char *who;            /* the director's name */
    const char *place;          /* the program's name, or the library's */
    const char *chair;          /* the library's board chair ("" when none) */
    struct civil_date day;      /* the expiry day, the deadline, or the hire day */
    struct civil_date deadline; /* the letter: the day the requirement must be met */
    int threshold;
    bool certified;
    int64_t halves[3];    /* expiry: expiring, counted, falls to */
    const char *blockers; /* deadline: "\n"-separated; "" when nothing blocks */
};

struct run {
    struct remind_sending sending;
    char public_url[STORE_SETTING_SIZE];
    struct arena arena;
    struct store_rows candidates;           /* struct candidate */
    struct store_rows coordinators;         /* int64_t */
    const struct program *director_program; /* NULL: no director reminders */
};

/* ---- what is owed ---- */

/* Keeps c for person_id (as audience) unless it was sent to them already; c's strings
 * must outlive the run. */
static enum ct_status owe(struct run *run, const struct candidate *c, int64_t person_id,
                          enum audience audience, struct ct_err *err)
{
    bool sent = false;
    enum ct_status status =
        reminder_log_was_sent(run->sending.log, person_id, c->kind, c->key, &sent, err);
    if (status != CT_OK || sent) {
        return status;
    }
    struct candidate *kept = store_rows_push(&run->candidates, err);
    if (kept == NULL) {
        return CT_ERR_NOMEM;
    }
    *kept = *c;
    kept->person_id = person_id;
    kept->audience = audience;
    kept->order = run->candidates.count;
    return CT_OK;
}

/* The evaluation's blocking items in words, one a line, in the run's arena. */
static const char *blocker_lines(struct run *run, const struct evaluation *evaluation)
{
    struct buf lines;
    buf_init(&lines, 8192);
    enum ct_status status = buf_append_str(&lines, "");
    for (size_t i = 0; i < evaluation->blocking_count && status == CT_OK; i++) {
        char words[512];
        blocking_item_words(evaluation, i, words, sizeof words);
        status = buf_printf(&lines, "%s%s", i > 0 ? "\n" : "", words);
    }
    char *kept = status == CT_OK ? arena_strdup(&run->arena, buf_str(&lines)) : NULL;
    buf_release(&lines);
    return kept;
}

/* The reminders one open track's learner is owed (a compliance_visit). */
static enum ct_status visit_track(void *context, const struct compliance_row *row,
                                  struct ct_err *err)
{
    struct run *run = context;
    run->sending.summary->tracks++;
    struct track_reminder found[REMINDER_TRACK_MAX];
    size_t count = reminder_rule_track(row->track_id, row->state, row->evaluation, found);
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        bool sent = false;
        status = reminder_log_was_sent(run->sending.log, row->person_id, found[i].kind,
                                       found[i].key, &sent, err);
        if (status != CT_OK || sent) {
            continue;
        }
        bool deadline = strcmp(found[i].kind, REMINDER_KIND_DEADLINE) == 0;
        struct candidate c = {
            .kind = found[i].kind,
            .key = arena_strdup(&run->arena, found[i].key),
            .about_id = row->track_id,
            .place = row->evaluation->program->name,
            .day = found[i].day,
            .threshold = found[i].threshold,
            .halves = {found[i].expiring_halves, found[i].counted_halves, found[i].falls_to_halves},
            .blockers = deadline ? blocker_lines(run, row->evaluation) : "",
        };
        status = c.key == NULL || c.blockers == NULL
                     ? ct_err_nomem(err)
                     : owe(run, &c, row->person_id, FOR_LEARNER, err);
    }
    return status;
}

/* The reminder r about row's director, owed to the director, the chair and (a
 * deadline) each coordinator. */
static enum ct_status owe_director(struct run *run, const struct reminder_director_row *row,
                                   const struct director_reminder *r, struct ct_err *err)
{
    struct candidate c = {
        .kind = r->kind,
        .key = arena_strdup(&run->arena, r->key),
        .about_id = row->director_id,
        .who = arena_strdup(&run->arena, row->director),
        .place = arena_strdup(&run->arena, row->library),
        .chair = arena_strdup(&run->arena, row->chair),
        .day = strcmp(r->kind, REMINDER_KIND_NEW_DIRECTOR) == 0 ? row->hire_day : r->deadline,
        .deadline = r->deadline,
        .threshold = r->threshold,
        .certified = r->certified,
    };
    if (c.key == NULL || c.who == NULL || c.place == NULL || c.chair == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = owe(run, &c, row->director_id, FOR_DIRECTOR, err);
    if (status == CT_OK && row->chair_id != 0 && row->chair_id != row->director_id) {
        status = owe(run, &c, row->chair_id, FOR_CHAIR, err);
    }
    const int64_t *coordinators = run->coordinators.items;
    for (size_t i = 0; strcmp(r->kind, REMINDER_KIND_DIRECTOR_DEADLINE) == 0 &&
                       i < run->coordinators.count && status == CT_OK;
         i++) {
        status = owe(run, &c, coordinators[i], FOR_COORDINATOR, err);
    }
    return status;
}

/* The reminders about every open library's director. */
static enum ct_status decide_directors(struct run *run, struct ct_err *err)
{
    if (run->director_program == NULL) {
        return CT_OK;
    }
    struct store_rows rows = {.size = sizeof(struct reminder_director_row)};
    enum ct_status status = store_reminder_directors(run->sending.store, 0, run->sending.day,
                                                     run->director_program->id, &rows, err);
    const struct reminder_director_row *libraries = rows.items;
    for (size_t i = 0; i < rows.count && status == CT_OK; i++) {
        const struct reminder_director_row *row = &libraries[i];
        run->sending.summary->libraries++;
        struct director_facts facts = {row->library_id, row->director_id, row->hire_day,
                                       row->certified_until, run->director_program->window_years};
        struct director_reminder found[REMINDER_DIRECTOR_MAX];
        size_t count = reminder_rule_director(&facts, run->sending.day, found);
        for (size_t j = 0; j < count && status == CT_OK; j++) {
            status = owe_director(run, row, &found[j], err);
        }
    }
    store_rows_release(&rows);
    return status;
}

/* ---- the messages ---- */

static int compare_candidates(const void *a, const void *b)
{
    const struct candidate *left = a, *right = b;
    if (left->person_id != right->person_id) {
        return left->person_id < right->person_id ? -1 : 1;
    }
    int kind = strcmp(left->kind, right->kind);
    if (kind != 0) {
        return kind;
    }
    if (left->audience != right->audience) {
        return left->audience < right->audience ? -1 : 1;
    }
    return left->order < right->order ? -1 : left->order > right->order;
}

/* Whether b goes into the same message as a: same person, kind and part; a letter
 * goes alone. */
static bool same_message(const struct candidate *a, const struct candidate *b)
{
    return a->person_id == b->person_id && strcmp(a->kind, b->kind) == 0 &&
           a->audience == b->audience && strcmp(a->kind, REMINDER_KIND_NEW_DIRECTOR) != 0;
}

static void candidate_key(const void *keys, size_t index, char out[REMINDER_KEY_SIZE])
{
    const struct candidate *group = keys;
    snprintf(out, REMINDER_KEY_SIZE, "%s", group[index].key);
}

static enum ct_status expiry_item(const struct run *run, struct template_data *item,
                                  const struct candidate *c)
{
    (void)run;
    char day[CIVIL_DATE_TEXT_SIZE], days[16], credits[3][CREDIT_TEXT_SIZE];
    snprintf(days, sizeof days, "%d", c->threshold);
    return remind_fields_set(item, "program", c->place, "expires", remind_date_text(c->day, day),
                             "days", days, "expiring", remind_credit_text(c->halves[0], credits[0]),
                             "counted", remind_credit_text(c->halves[1], credits[1]), "falls_to",
                             remind_credit_text(c->halves[2], credits[2]), NULL);
}

static enum ct_status deadline_item(const struct run *run, struct template_data *item,
                                    const struct candidate *c)
{
    (void)run;
    char day[CIVIL_DATE_TEXT_SIZE], months[16], when[32];
    snprintf(months, sizeof months, "%d", c->threshold);
    reminder_months_words(c->threshold, when, sizeof when);
    enum ct_status status = remind_fields_set(
        item, "program", c->place, "deadline", remind_date_text(c->day, day), "months", months,
        "when", when, "blocked", c->blockers[0] != '\0' ? "yes" : "", NULL);
    for (const char *line = c->blockers; status == CT_OK && *line != '\0';) {
        size_t length = strcspn(line, "\n");
        struct template_data *blocker = template_data_add_item(item, "blockers");
        status = blocker == NULL ? CT_ERR_NOMEM
                                 : template_data_setf(blocker, "text", "%.*s", (int)length, line);
        line += length + (line[length] == '\n');
    }
    return status;
}

static enum ct_status director_item(const struct run *run, struct template_data *item,
                                    const struct candidate *c)
{
    char day[CIVIL_DATE_TEXT_SIZE], when[32], person[STORE_SETTING_SIZE + 64];
    reminder_months_words(c->threshold, when, sizeof when);
    snprintf(person, sizeof person, "%s/people/%" PRId64, run->public_url, c->about_id);
    return remind_fields_set(item, "director", c->who, "library", c->place, "deadline",
                             remind_date_text(c->deadline, day), "when", when, "late",
                             c->threshold == 0 ? "yes" : "", "certified", c->certified ? "yes" : "",
                             "person_url", person, NULL);
}

static enum ct_status letter_item(const struct run *run, struct template_data *item,
                                  const struct candidate *c)
{
    char hired[CIVIL_DATE_TEXT_SIZE], deadline[CIVIL_DATE_TEXT_SIZE], credits[CREDIT_TEXT_SIZE];
    char letter[STORE_SETTING_SIZE + 96], years[16];
    snprintf(letter, sizeof letter, "%s/people/%" PRId64 "/new-director-letter.pdf",
             run->public_url, c->about_id);
    snprintf(years, sizeof years, "%d", run->director_program->window_years);
    return remind_fields_set(item, "director", c->who, "library", c->place, "chair", c->chair,
                             "hire_date", remind_date_text(c->day, hired), "deadline",
                             remind_date_text(c->deadline, deadline), "program",
                             run->director_program->name, "credits",
                             remind_credit_text(run->director_program->total_halves, credits),
                             "window_years", years, "letter_url", letter, NULL);
}

/* The template, the list of its items and the way it writes an item, of a kind. */
struct kind_words {
    const char *kind;
    const char *template_name;
    const char *list; /* NULL: the item's fields are the message's */
    enum ct_status (*item)(const struct run *run, struct template_data *item,
                           const struct candidate *c);
};

static const struct kind_words kinds[] = {
    {REMINDER_KIND_EXPIRY, "reminder-expiry", "tracks", expiry_item},
    {REMINDER_KIND_DEADLINE, "reminder-deadline", "tracks", deadline_item},
    {REMINDER_KIND_DIRECTOR_DEADLINE, "reminder-director-deadline", "directors", director_item},
    {REMINDER_KIND_NEW_DIRECTOR, "letter-new-director", NULL, letter_item},
};

static const struct kind_words *words_of(const char *kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(kinds[i].kind, kind) == 0) {
            return &kinds[i];
        }
    }
    return NULL;
}

/* The fields of a message of count candidates from group (of one person, kind and
 * part): the first one's at the top (for the subject), the first listed ones as items,
 * and how many more there are. */
static enum ct_status message_fields(const struct run *run, const struct kind_words *words,
                                     const struct candidate *group, size_t count, size_t listed,
                                     struct template_data *data)
{
    static const char *const parts[] = {[FOR_LEARNER] = "for_learner",
                                        [FOR_DIRECTOR] = "for_director",
                                        [FOR_CHAIR] = "for_chair",
                                        [FOR_COORDINATOR] = "for_coordinator"};
    char counted[24], more[24] = "", home[STORE_SETTING_SIZE + 8];
    snprintf(counted, sizeof counted, "%zu", count);
    if (words->list != NULL && count > listed) {
        snprintf(more, sizeof more, "%zu", count - listed);
    }
    snprintf(home, sizeof home, "%s/", run->public_url);
    enum ct_status status = remind_fields_set(data, "count", counted, "more", more, "dashboard_url",
                                              home, parts[group[0].audience], "yes", NULL);
    status = status == CT_OK ? words->item(run, data, &group[0]) : status;
    for (size_t i = 0; words->list != NULL && i < count && i < listed && status == CT_OK; i++) {
        struct template_data *item = template_data_add_item(data, words->list);
        status = item == NULL ? CT_ERR_NOMEM : words->item(run, item, &group[i]);
    }
    return status;
}

/* Sends the message of group listing at most listed of its candidates. */
static enum ct_status send_listing(struct run *run, const struct kind_words *words,
                                   const struct candidate *group, size_t count, size_t listed,
                                   struct ct_err *err)
{
    struct template_data *data = template_data_new();
    if (data == NULL || message_fields(run, words, group, count, listed, data) != CT_OK) {
        template_data_free(data);
        return ct_err_nomem(err);
    }
    struct remind_message message = {
        .person_id = group[0].person_id,
        .kind = group[0].kind,
        .template_name = words->template_name,
        .unsubscribe = strcmp(group[0].kind, REMINDER_KIND_NEW_DIRECTOR) != 0,
        .data = data,
        .keys = group,
        .count = count,
        .key_of = candidate_key,
    };
    enum ct_status status = remind_message_send(&run->sending, &message, err);
    template_data_free(data);
    return status;
}

/* Sends the message of group, listing fewer of its reminders when it would be too long
 * for the outbox (it still counts, and records, them all). */
static enum ct_status send_group(struct run *run, const struct candidate *group, size_t count,
                                 struct ct_err *err)
{
    const struct kind_words *words = words_of(group[0].kind);
    if (words == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "no words for %s", group[0].kind);
    }
    enum ct_status status = CT_ERR_TOO_LARGE;
    for (size_t listed = REMIND_LISTED; status == CT_ERR_TOO_LARGE; listed /= 2) {
        status = send_listing(run, words, group, count, listed, err);
        if (listed == 0) {
            break;
        }
    }
    return status;
}

/* Gathers the candidates into messages and sends each. */
static enum ct_status send_candidates(struct run *run, struct ct_err *err)
{
    struct candidate *all = run->candidates.items;
    size_t total = run->candidates.count;
    if (total > 1) {
        qsort(all, total, sizeof *all, compare_candidates);
    }
    enum ct_status status = CT_OK;
    for (size_t first = 0; first < total && status == CT_OK;) {
        size_t end = first + 1;
        while (end < total && same_message(&all[first], &all[end])) {
            end++;
        }
        status = send_group(run, &all[first], end - first, err);
        first = end;
    }
    return status;
}

/* ---- the run ---- */

static enum ct_status run_open(struct run *run, struct ct_err *err)
{
    enum ct_status status = reminder_log_open(run->sending.store, &run->sending.log, err);
    status = status == CT_OK
                 ? store_setting_get(run->sending.store, "public-url", run->public_url, err)
                 : status;
    status = status == CT_OK
                 ? store_reminder_coordinators(run->sending.store, &run->coordinators, err)
                 : status;
    run->director_program =
        program_set_find(run->sending.store->programs, REMINDER_DIRECTOR_PROGRAM);
    if (status == CT_OK && !run->sending.dry_run) {
        status = store_job_run_start(run->sending.store, REMIND_JOB, run->sending.day,
                                     run->sending.now, err);
    }
    return status;
}

static void run_close(struct run *run)
{
    reminder_log_close(run->sending.log);
    store_rows_release(&run->candidates);
    store_rows_release(&run->coordinators);
    arena_release(&run->arena);
}

enum ct_status remind_run(struct store *store, struct civil_date as_of, int64_t now, bool dry_run,
                          remind_report report, void *context, struct remind_summary *summary,
                          struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    if (!civil_date_is_set(as_of)) {
        return ct_err_set(err, CT_ERR_INPUT, "as_of", "no day to remind on");
    }
    struct run run = {
        .sending = {store, NULL, as_of, now, dry_run, report, context, summary},
        .candidates = {.size = sizeof(struct candidate)},
        .coordinators = {.size = sizeof(int64_t)},
    };
    arena_init(&run.arena);
    struct compliance_filter everyone = {0, NULL, 0, COMPLIANCE_BY_DEADLINE, false, NULL, NULL};
    enum ct_status status = run_open(&run, err);
    status = status == CT_OK
                 ? store_compliance_each(store, as_of, &everyone, visit_track, &run, err)
                 : status;
    status = status == CT_OK ? decide_directors(&run, err) : status;
    status = status == CT_OK ? send_candidates(&run, err) : status;
    status = status == CT_OK
                 ? remind_claims_send(&run.sending, run.public_url, run.coordinators.items,
                                      run.coordinators.count, err)
                 : status;
    if (status == CT_OK && !dry_run) {
        status = store_job_run_finish(store, REMIND_JOB, as_of, now, summary->messages, err);
    }
    run_close(&run);
    return status;
}
