#include "store_statewide.h"

#include <stdlib.h>
#include <string.h>

#include "../core/calendar_period.h"

#include "store_compliance.h"
#include "../core/banned.h"

/* One counted activity of the person being read, on one of their tracks. */
struct counted {
    char *key;                 /* owned: the activity's record key */
    int month;                 /* index into the picture's months, or -1 */
    int64_t halves;            /* counted on that track */
    int64_t expiring_halves;   /* counted on an open track and no longer next quarter; or 0 */
    struct civil_date expires; /* when expiring_halves > 0 */
};

/* The walk over the tracks, a person's tracks one after another. */
struct reading {
    struct statewide_picture *picture;
    int64_t person_id; /* the person being read, 0 before the first */
    char name[256];
    char library[256];
    struct counted *items;
    size_t count;
    size_t capacity;
};

void statewide_picture_release(struct statewide_picture *picture)
{
    store_rows_release(&picture->programs);
    store_rows_release(&picture->expiring);
}

/* The row of program, added at the end when the picture has none yet. */
static struct statewide_program_row *program_row(struct statewide_picture *picture,
                                                 const char *program, struct ct_err *err)
{
    struct statewide_program_row *rows = picture->programs.items;
    for (size_t i = 0; i < picture->programs.count; i++) {
        if (strcmp(rows[i].program, program) == 0) {
            return &rows[i];
        }
    }
    struct statewide_program_row *row = store_rows_push(&picture->programs, err);
    if (row != NULL) {
        store_text_copy(row->program, sizeof row->program, program);
    }
    return row;
}

static int compare_counted(const void *a, const void *b)
{
    return strcmp(((const struct counted *)a)->key, ((const struct counted *)b)->key);
}

/* Adds one activity's credits (its entries first .. first + count, one per track) to the
 * months and returns what of them expires next quarter, noting the first expiry. */
static int64_t add_activity(struct statewide_picture *picture, const struct counted *entries,
                            size_t count, struct civil_date *first_expiry)
{
    int64_t halves = 0, expiring = 0;
    struct civil_date expires = civil_date_unset();
    for (size_t i = 0; i < count; i++) {
        halves = entries[i].halves > halves ? entries[i].halves : halves;
        if (entries[i].expiring_halves > expiring) {
            expiring = entries[i].expiring_halves;
            expires = entries[i].expires;
        }
    }
    if (entries[0].month >= 0) {
        picture->months[entries[0].month].counted_halves += halves;
    }
    if (expiring > 0) {
        struct civil_date last = civil_date_add_days(picture->quarter_end, -1);
        int month = calendar_month_index(expires, last, 3);
        picture->expiring_by_month[month >= 0 ? month : 0] += expiring;
        if (!civil_date_is_set(*first_expiry) || civil_date_compare(expires, *first_expiry) < 0) {
            *first_expiry = expires;
        }
    }
    return expiring;
}

/* Counts the person read so far, each activity once, and forgets them. */
static enum ct_status flush_person(struct reading *reading, struct ct_err *err)
{
    struct statewide_picture *picture = reading->picture;
    if (reading->count > 1) {
        qsort(reading->items, reading->count, sizeof *reading->items, compare_counted);
    }
    int64_t expiring = 0;
    struct civil_date first_expiry = civil_date_unset();
    for (size_t i = 0; i < reading->count;) {
        size_t same = 1;
        while (i + same < reading->count &&
               strcmp(reading->items[i].key, reading->items[i + same].key) == 0) {
            same++;
        }
        expiring += add_activity(picture, &reading->items[i], same, &first_expiry);
        i += same;
    }
    for (size_t i = 0; i < reading->count; i++) {
        free(reading->items[i].key);
    }
    reading->count = 0;
    picture->expiring_halves += expiring;
    struct statewide_expiring_row *row =
        expiring > 0 ? store_rows_push(&picture->expiring, err) : NULL;
    if (expiring > 0 && row == NULL) {
        return CT_ERR_NOMEM;
    }
    if (row != NULL) {
        *row = (struct statewide_expiring_row){
            .person_id = reading->person_id, .halves = expiring, .first_expiry = first_expiry};
        store_text_copy(row->name, sizeof row->name, reading->name);
        store_text_copy(row->library, sizeof row->library, reading->library);
    }
    return CT_OK;
}

/* Keeps entry (its key unset) for the activity of record key key (borrowed; copied). */
static enum ct_status keep(struct reading *reading, const struct counted *entry, const char *key,
                           struct ct_err *err)
{
    if (reading->count == reading->capacity) {
        size_t capacity = reading->capacity > 0 ? reading->capacity * 2 : 64;
        struct counted *items = realloc(reading->items, capacity * sizeof *items);
        if (items == NULL) {
            return ct_err_nomem(err);
        }
        reading->items = items;
        reading->capacity = capacity;
    }
    struct counted *kept = &reading->items[reading->count];
    *kept = *entry;
    kept->key = strdup(key);
    if (kept->key == NULL) {
        return ct_err_nomem(err);
    }
    reading->count++;
    return CT_OK;
}

/* Keeps the activities of a track that counted in the months or expire next quarter. */
static enum ct_status keep_counted(struct reading *reading, const struct compliance_row *row,
                                   bool open, struct ct_err *err)
{
    const struct statewide_picture *picture = reading->picture;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < row->evaluation->activity_count && status == CT_OK; i++) {
        const struct activity_result *result = &row->evaluation->activities[i];
        const struct activity *activity = &row->record->activities[i];
        if (result->counted_halves <= 0) {
            continue;
        }
        int month = calendar_month_index(activity->date, picture->day, STATEWIDE_MONTHS);
        bool expiring = open && civil_date_compare(result->expires, picture->quarter_start) >= 0 &&
                        civil_date_compare(result->expires, picture->quarter_end) < 0;
        if (month >= 0 || expiring) {
            struct counted entry = {NULL, month, result->counted_halves,
                                    expiring ? result->counted_halves : 0, result->expires};
            status = keep(reading, &entry, activity->id, err);
        }
    }
    return status;
}

/* One evaluated track (a compliance_visit): a person's tracks come one after another. */
static enum ct_status visit(void *context, const struct compliance_row *row, struct ct_err *err)
{
    struct reading *reading = context;
    enum ct_status status = CT_OK;
    if (row->person_id != reading->person_id) {
        status = flush_person(reading, err);
        reading->person_id = row->person_id;
        store_text_copy(reading->name, sizeof reading->name, row->name);
        store_text_copy(reading->library, sizeof reading->library, row->library);
    }
    bool open = strcmp(row->state, "certified") != 0;
    if (status == CT_OK && open) {
        struct statewide_program_row *counts = program_row(reading->picture, row->program, err);
        unsigned index = (unsigned)row->evaluation->status;
        if (counts == NULL) {
            return CT_ERR_NOMEM;
        }
        counts->people[index < STATEWIDE_STATUS_COUNT ? index : 0]++;
    }
    return status == CT_OK ? keep_counted(reading, row, open, err) : status;
}

static int compare_expiring(const void *a, const void *b)
{
    const struct statewide_expiring_row *left = a, *right = b;
    int order = civil_date_compare(left->first_expiry, right->first_expiry);
    if (order == 0) {
        order = strcmp(left->name, right->name);
    }
    return order != 0 ? order
                      : (left->person_id > right->person_id) - (left->person_id < right->person_id);
}

/* The picture before any track is read: its day, months, quarter and program rows. */
static enum ct_status picture_begin(struct store *store, struct civil_date day,
                                    const struct statewide_filter *filter,
                                    struct statewide_picture *out, struct ct_err *err)
{
    memset(out, 0, sizeof *out);
    out->day = day;
    out->programs.size = sizeof(struct statewide_program_row);
    out->expiring.size = sizeof(struct statewide_expiring_row);
    for (int i = 0; i < STATEWIDE_MONTHS; i++) {
        out->months[i].first_day = calendar_month_start(day, i - (STATEWIDE_MONTHS - 1));
    }
    calendar_next_quarter(day, &out->quarter_start, &out->quarter_end);
    const struct program_set *set = store->programs;
    for (size_t i = 0; set != NULL && i < set->count; i++) {
        const char *id = set->programs[i]->id;
        if ((filter->program == NULL || strcmp(filter->program, id) == 0) &&
            program_row(out, id, err) == NULL) {
            return CT_ERR_NOMEM;
        }
    }
    return CT_OK;
}

enum ct_status store_statewide_picture(struct store *store, struct civil_date day,
                                       const struct statewide_filter *filter,
                                       struct statewide_picture *out, struct ct_err *err)
{
    enum ct_status status = picture_begin(store, day, filter, out, err);
    char since[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(out->months[0].first_day, since);
    struct compliance_filter tracks = {0,
                                       filter->program,
                                       filter->consultant_id,
                                       COMPLIANCE_BY_PERSON,
                                       false,
                                       filter->library_kind,
                                       since};
    struct reading reading = {.picture = out};
    if (status == CT_OK) {
        status = store_compliance_each(store, day, &tracks, visit, &reading, err);
    }
    if (status == CT_OK) {
        status = flush_person(&reading, err);
    }
    for (size_t i = 0; i < reading.count; i++) {
        free(reading.items[i].key);
    }
    free(reading.items);
    if (status == CT_OK && out->expiring.count > 1) {
        qsort(out->expiring.items, out->expiring.count, out->expiring.size, compare_expiring);
    }
    return status;
}
