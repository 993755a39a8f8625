#include "demo_data.h"

#include <stdio.h>
#include <string.h>

#include "../store/store_activities.h"
#include "../store/store_award.h"
#include "../store/store_people.h"
#include "../store/store_tracks.h"
#include "../core/banned.h"

enum {
    DEMO_LIBRARIES = 80,
    DEMO_CONSULTANTS = 6,
    DEMO_EVENTS = 40,
    YEAR = 365,
};

static const char *const towns[DEMO_LIBRARIES] = {
    "Hamilton",       "Anaconda",
    "Baker",          "Belgrade",
    "Big Timber",     "Bigfork",
    "Billings",       "Boulder",
    "Bozeman",        "Broadus",
    "Browning",       "Butte",
    "Chester",        "Chinook",
    "Choteau",        "Circle",
    "Columbia Falls", "Columbus",
    "Conrad",         "Cut Bank",
    "Darby",          "Deer Lodge",
    "Dillon",         "Ekalaka",
    "Ennis",          "Eureka",
    "Forsyth",        "Fort Benton",
    "Glasgow",        "Glendive",
    "Great Falls",    "Hardin",
    "Harlem",         "Harlowton",
    "Havre",          "Helena",
    "Hot Springs",    "Hysham",
    "Jordan",         "Kalispell",
    "Laurel",         "Lewistown",
    "Libby",          "Livingston",
    "Malta",          "Manhattan",
    "Miles City",     "Missoula",
    "Philipsburg",    "Plains",
    "Plentywood",     "Polson",
    "Poplar",         "Red Lodge",
    "Ronan",          "Roundup",
    "Ryegate",        "Saco",
    "Scobey",         "Shelby",
    "Sheridan",       "Sidney",
    "Stanford",       "Stevensville",
    "Superior",       "Terry",
    "Thompson Falls", "Three Forks",
    "Townsend",       "Troy",
    "Twin Bridges",   "Virginia City",
    "Whitefish",      "White Sulphur Springs",
    "Wibaux",         "Winnett",
    "Wolf Point",     "Absarokee",
    "Augusta",        "Big Sandy",
};

static const char *const first_names[] = {
    "Avery",  "Blake",   "Casey",  "Dakota", "Emery",  "Finley", "Harper",
    "Jordan", "Kendall", "Logan",  "Morgan", "Noel",   "Parker", "Quinn",
    "Reese",  "Rowan",   "Sage",   "Taylor", "Teagan", "Wren",   "José",
    "Zoë",    "Siobhán", "Łukasz", "Ngozi",  "Mei",    "Aroha",  "Dagny",
};

static const char *const last_names[] = {
    "Anderson",     "Bighorn",  "Carlson",    "Dupuis",     "Eriksen",       "Fontaine",
    "Gallagher",    "Hansen",   "Iron Cloud", "Jensen",     "Kowalski",      "Lindqvist",
    "Martínez",     "Nakamura", "O'Brien",    "Peterson",   "Running Crane", "Schmidt",
    "Two Feathers", "Van Dyke", "Whitehorse", "Yellowtail", "Zimmerman",     "Østergaard",
};

struct goal_text {
    const char *title;
    const char *description;
};

static const struct goal_text goal_texts[] = {
    {"Early literacy", "Every child in the county starts school ready to read."},
    {"Digital inclusion", "Residents can get online and use the internet with confidence."},
    {"Community spaces", "The library is the place people meet, learn and make things."},
    {"Collections that reflect the community", "Materials and local history for everyone."},
    {"Workforce skills", "Job seekers and small businesses find help at the library."},
    {"Sound governance", "The board and staff plan, budget and report well."},
};

static const char *const event_titles[] = {
    "Collection Development Basics",
    "Weeding Without Worry",
    "Reference Interview Refresher",
    "Library Board Essentials",
    "Budgeting for Small Libraries",
    "Intellectual Freedom Today",
    "Cataloging with RDA",
    "Serving Patrons Experiencing Homelessness",
    "Tech Trends for Libraries",
    "Cybersecurity at the Circulation Desk",
    "Early Literacy Storytime Skills",
    "Grant Writing Workshop",
    "Montana Library Association Conference",
    "Summer Reading Planning",
    "Accessible Library Services",
    "Strategic Planning Step by Step",
    "Makerspaces on a Shoestring",
    "Working with Your Board Chair",
    "ILS Migration Lessons",
    "Genealogy Resources in Montana",
};

static const char *const topics[] = {"Intro to cataloging", "Storytime for toddlers",
                                     "Using the state databases", "Library trustee roles"};

static const char *const categories[] = {"library-administration", "public-services",
                                         "collection-management", "technology"};

struct demo {
    struct store *store;
    struct civil_date today;
    uint64_t random;
    struct ct_err *err;
    int64_t coordinator;
    int64_t consultants[DEMO_CONSULTANTS];
    int64_t events[DEMO_EVENTS];
    int people_made;
    int activities_made;
};

/* ---- small helpers ---- */

static uint64_t demo_random(struct demo *demo)
{
    uint64_t z = (demo->random += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static int64_t below(struct demo *demo, int64_t n)
{
    return n > 0 ? (int64_t)(demo_random(demo) % (uint64_t)n) : 0;
}

static struct civil_date day_from_today(const struct demo *demo, int64_t days)
{
    return civil_date_add_days(demo->today, (int32_t)days);
}

static enum ct_status add_person(struct demo *demo, const char *email, int64_t library,
                                 int64_t verifier, const char *const *roles, bool login,
                                 int64_t *id)
{
    char name[96], generated[96];
    snprintf(name, sizeof name, "%s %s",
             first_names[below(demo, sizeof first_names / sizeof first_names[0])],
             last_names[below(demo, sizeof last_names / sizeof last_names[0])]);
    if (email == NULL) {
        snprintf(generated, sizeof generated, "person%03d@library.example.org", demo->people_made);
        email = generated;
    }
    demo->people_made++;
    struct person_new person = {name,     email, library,
                                verifier, roles, login ? DEMO_PASSWORD : NULL};
    return store_person_create(demo->store, demo->coordinator, &person, id, demo->err);
}

/* ---- activities ---- */

struct claim {
    int64_t person;
    int64_t verifier;
    struct civil_date date;
    enum activity_kind kind;
    int64_t halves; /* credits, or semester/quarter credits for college */
    int64_t minutes;
    const char *category;
    const char *topic;
    const char *plan_item;
    struct civil_date recorded;
    int64_t event;
    const char *outcome; /* "verified", "pending", "rejected", "withdrawn" */
};

static enum ct_status apply_outcome(struct demo *demo, const struct claim *claim, int64_t id)
{
    if (strcmp(claim->outcome, "pending") == 0) {
        return CT_OK;
    }
    if (strcmp(claim->outcome, "rejected") == 0) {
        return store_activity_act(demo->store, claim->verifier, id, "reject",
                                  "Not library-related training", demo->err);
    }
    enum ct_status status =
        store_activity_act(demo->store, claim->verifier, id, "verify", NULL, demo->err);
    if (status == CT_OK && strcmp(claim->outcome, "withdrawn") == 0) {
        status = store_activity_act(demo->store, claim->verifier, id, "withdraw",
                                    "Marked uncompleted in Moodle", demo->err);
    }
    return status;
}

static enum ct_status add_claim(struct demo *demo, const struct claim *claim)
{
    bool college = claim->kind == ACTIVITY_KIND_COLLEGE;
    bool quarter = college && claim->halves % 2 == 1;
    struct activity_new activity = {
        .person_id = claim->person,
        .kind = claim->kind,
        .title = claim->event > 0 ? event_titles[claim->event % 20] : "Independent learning",
        .date = claim->date,
        .credit_halves = college ? 0 : claim->halves,
        .semester_halves = college && !quarter ? claim->halves : 0,
        .quarter_halves = quarter ? claim->halves : 0,
        .minutes = claim->minutes,
        .category = claim->category,
        .topic = claim->topic,
        .plan_item = claim->plan_item,
        .recorded = claim->recorded,
        .status = "pending",
        .provenance = claim->event > 0 ? PROVENANCE_CATALOG : PROVENANCE_CLAIM,
        .event_id = claim->event,
    };
    int64_t id = 0;
    enum ct_status status =
        store_activity_add(demo->store, claim->person, &activity, &id, demo->err);
    demo->activities_made += status == CT_OK;
    return status == CT_OK ? apply_outcome(demo, claim, id) : status;
}

static const char *random_outcome(struct demo *demo)
{
    int64_t roll = below(demo, 100);
    return roll < 75 ? "verified" : roll < 87 ? "pending" : roll < 95 ? "rejected" : "withdrawn";
}

/* One random activity of an ordinary kind on date. */
static struct claim random_claim(struct demo *demo, int64_t person, int64_t verifier,
                                 struct civil_date date)
{
    struct claim claim = {person,
                          verifier,
                          date,
                          ACTIVITY_KIND_COURSE,
                          1 + below(demo, 12),
                          0,
                          categories[below(demo, 4)],
                          NULL,
                          NULL,
                          civil_date_unset(),
                          0,
                          random_outcome(demo)};
    int64_t roll = below(demo, 100);
    if (roll < 30) {
        claim.kind = ACTIVITY_KIND_COURSE;
    } else if (roll < 48) {
        claim.kind = ACTIVITY_KIND_WORKSHOP;
    } else if (roll < 63) {
        claim.kind = ACTIVITY_KIND_WEBINAR;
    } else if (roll < 72) {
        claim.kind = ACTIVITY_KIND_CONFERENCE_SESSION;
    } else if (roll < 80) {
        claim.kind = ACTIVITY_KIND_ARCHIVED_WEBINAR;
        claim.recorded = civil_date_add_days(date, -(int32_t)below(demo, 500));
    } else if (roll < 87) {
        claim.kind = ACTIVITY_KIND_COLLEGE;
        claim.halves = 2 + below(demo, 6);
    } else {
        claim.kind = ACTIVITY_KIND_PRESENTING;
        claim.minutes = 45 + 15 * below(demo, 8);
        claim.topic = topics[below(demo, 4)];
    }
    if ((claim.kind == ACTIVITY_KIND_COURSE || claim.kind == ACTIVITY_KIND_WORKSHOP) &&
        below(demo, 4) == 0) {
        int64_t event = below(demo, DEMO_EVENTS);
        claim.event = demo->events[event];
    }
    return claim;
}

/* Random activities from a little before the track's start until a month from now. */
static enum ct_status random_activities(struct demo *demo, int64_t person, int64_t verifier,
                                        struct civil_date started, int count)
{
    int32_t first = started.days - 60;
    int32_t span = demo->today.days + 30 - first;
    enum ct_status status = CT_OK;
    for (int i = 0; i < count && status == CT_OK; i++) {
        struct civil_date date = {first + (int32_t)below(demo, span > 1 ? span : 1)};
        struct claim claim = random_claim(demo, person, verifier, date);
        status = add_claim(demo, &claim);
    }
    return status;
}

/* Verified workshops enough for any MSL program: 32 credits of library administration
 * and 10 in each other category, from start + 30 days. */
static enum ct_status qualifying_activities(struct demo *demo, int64_t person, int64_t verifier,
                                            struct civil_date start)
{
    static const int64_t halves[4] = {64, 20, 20, 20};
    enum ct_status status = CT_OK;
    for (int c = 0; c < 4 && status == CT_OK; c++) {
        struct claim claim = {person,
                              verifier,
                              civil_date_add_days(start, 30 + 30 * c),
                              ACTIVITY_KIND_WORKSHOP,
                              halves[c],
                              0,
                              categories[c],
                              NULL,
                              NULL,
                              civil_date_unset(),
                              demo->events[c],
                              "verified"};
        status = add_claim(demo, &claim);
    }
    return status;
}

/* ---- tracks ---- */

/* A finished track: enrolled at start, qualifying credits, submitted and awarded on
 * award_day; the successor track starts the next day. */
static enum ct_status finished_track(struct demo *demo, int64_t person, int64_t verifier,
                                     const char *program, struct civil_date start,
                                     struct civil_date award_day, struct award_result *award)
{
    int64_t track = 0;
    enum ct_status status = store_track_enroll(demo->store, demo->coordinator, person, program,
                                               start, &track, demo->err);
    if (status == CT_OK) {
        status = qualifying_activities(demo, person, verifier, start);
    }
    if (status == CT_OK) {
        status = store_track_act(demo->store, person, track, "submit", NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_award(demo->store, demo->coordinator, track, award_day, award, demo->err);
    }
    return status;
}

/* ---- the Strategic Track ---- */

enum plan_shape {
    PLAN_APPROVED,
    PLAN_APPROVED_WITH_NEW_DRAFT,
    PLAN_AWAITING_ORGANIZATION,
    PLAN_RETURNED,
    PLAN_DRAFT,
    PLAN_SHAPE_COUNT
};

static enum ct_status plan_contents(struct demo *demo, int64_t person, int64_t version,
                                    const int64_t *goals, size_t goal_count)
{
    int64_t goal = 0, item = 0;
    enum ct_status status =
        store_plan_goal_add(demo->store, person, version, goals[below(demo, (int64_t)goal_count)],
                            "Lead the library's early literacy outreach",
                            "Two new storytime sites in a year", &goal, demo->err);
    if (status == CT_OK) {
        status = store_plan_item_add(demo->store, person, version, "sd1", "self-directed",
                                     "Read and summarise early literacy research", goal, &item,
                                     demo->err);
    }
    if (status == CT_OK) {
        status = store_plan_item_add(demo->store, person, version, "sd2", "self-directed",
                                     "Visit two libraries with model storytime programs", goal,
                                     &item, demo->err);
    }
    if (status == CT_OK) {
        status =
            store_plan_item_add(demo->store, person, version, "t1", "training",
                                "Early Literacy Storytime Skills (MSL)", goal, &item, demo->err);
    }
    return status;
}

static enum ct_status strategic_plan(struct demo *demo, int64_t track, int64_t person,
                                     int64_t director, struct civil_date start,
                                     const int64_t *goals, size_t goal_count, enum plan_shape shape)
{
    int64_t version = 0;
    struct plan_version_new text = {"Budgeting and grant writing; outreach to new families",
                                    "MSL courses, WebJunction, a mentor at a larger library"};
    struct civil_date submitted = civil_date_add_days(start, 7);
    enum ct_status status =
        store_plan_version_create(demo->store, person, track, &text, &version, demo->err);
    if (status == CT_OK) {
        status = plan_contents(demo, person, version, goals, goal_count);
    }
    if (status == CT_OK && shape != PLAN_DRAFT) {
        status = store_plan_version_submit(demo->store, person, version, submitted, demo->err);
    }
    if (status == CT_OK && shape == PLAN_RETURNED) {
        return store_plan_version_return(demo->store, director, version,
                                         "Please tie each goal to one of the library's goals.",
                                         demo->err);
    }
    if (status == CT_OK && shape != PLAN_DRAFT) {
        status = store_plan_version_sign(demo->store, person, version, PLAN_SIGNER_LEARNER,
                                         submitted, demo->err);
    }
    if (status == CT_OK && shape != PLAN_DRAFT && shape != PLAN_AWAITING_ORGANIZATION) {
        status = store_plan_version_sign(demo->store, director, version, PLAN_SIGNER_ORGANIZATION,
                                         civil_date_add_days(submitted, 7), demo->err);
    }
    if (status == CT_OK && shape == PLAN_APPROVED_WITH_NEW_DRAFT) {
        status = store_plan_version_create(demo->store, person, track, &text, &version, demo->err);
    }
    return status;
}

/* Self-directed learning: planned items (sd1, sd2) past the 20-credit cap, and one that
 * was never planned. */
static enum ct_status self_directed(struct demo *demo, int64_t person, int64_t verifier,
                                    struct civil_date start)
{
    static const struct {
        int days;
        int hours;
        const char *item;
    } studies[] = {{40, 24, "sd1"}, {90, 21, "sd2"}, {150, 18, "sd1"}, {200, 9, "reading-club"}};
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < sizeof studies / sizeof studies[0] && status == CT_OK; i++) {
        struct civil_date date = civil_date_add_days(start, studies[i].days);
        if (civil_date_compare(date, demo->today) > 0) {
            break;
        }
        struct claim claim = {person,
                              verifier,
                              date,
                              ACTIVITY_KIND_SELF_DIRECTED,
                              0,
                              studies[i].hours * 60,
                              NULL,
                              NULL,
                              studies[i].item,
                              civil_date_unset(),
                              0,
                              "verified"};
        status = add_claim(demo, &claim);
    }
    return status;
}

/* A staff member moving to the Strategic Track: a finished msl-staff track whose
 * automatic successor is withdrawn in favour of msl-strategic from the same day. */
static enum ct_status enroll_strategic(struct demo *demo, int64_t person, int64_t director,
                                       struct civil_date start, int64_t *track)
{
    struct award_result award;
    struct civil_date prior = civil_date_add_days(start, -3 * YEAR);
    enum ct_status status = finished_track(demo, person, director, "msl-staff", prior,
                                           civil_date_add_days(start, -1), &award);
    if (status == CT_OK) {
        status = store_track_act(demo->store, person, award.next_track_id, "withdraw",
                                 "Chose the Strategic Track", demo->err);
    }
    if (status == CT_OK) {
        status = store_track_enroll(demo->store, demo->coordinator, person, "msl-strategic", start,
                                    track, demo->err);
    }
    return status;
}

static enum ct_status strategic_learner(struct demo *demo, int64_t person, int64_t director,
                                        const int64_t *goals, size_t goal_count,
                                        enum plan_shape shape, int64_t started_days_ago)
{
    struct civil_date start = day_from_today(demo, -started_days_ago);
    int64_t track = 0;
    enum ct_status status = enroll_strategic(demo, person, director, start, &track);
    if (status == CT_OK) {
        status = strategic_plan(demo, track, person, director, start, goals, goal_count, shape);
    }
    if (status == CT_OK) {
        status = random_activities(demo, person, director, start, 8 + (int)below(demo, 10));
    }
    if (status == CT_OK) {
        status = self_directed(demo, person, director, start);
    }
    return status;
}

/* ready@example.org: everything done, the track submitted for the award. */
static enum ct_status ready_learner(struct demo *demo, int64_t person, int64_t director,
                                    const int64_t *goals, size_t goal_count)
{
    struct civil_date start = day_from_today(demo, -3 * YEAR);
    int64_t track = 0;
    enum ct_status status = enroll_strategic(demo, person, director, start, &track);
    if (status == CT_OK) {
        status =
            strategic_plan(demo, track, person, director, start, goals, goal_count, PLAN_APPROVED);
    }
    if (status == CT_OK) {
        status = qualifying_activities(demo, person, director, civil_date_add_days(start, 30));
    }
    if (status == CT_OK) {
        status = self_directed(demo, person, director, start);
    }
    if (status == CT_OK) {
        status = store_final_report_save(
            demo->store, person, track,
            "Three years ago our storytime reached one school; it now reaches five. The plan "
            "kept my learning pointed at the library's early literacy goal.",
            demo->err);
    }
    if (status == CT_OK) {
        status = store_final_report_act(demo->store, person, track, "submit",
                                        day_from_today(demo, -20), NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_final_report_act(demo->store, demo->coordinator, track, "accept",
                                        day_from_today(demo, -10), NULL, demo->err);
    }
    if (status == CT_OK) {
        status = store_track_act(demo->store, person, track, "submit", NULL, demo->err);
    }
    return status;
}

/* ---- libraries and their people ---- */

static enum ct_status library_with_goals(struct demo *demo, int index, int64_t *library,
                                         int64_t *goals, size_t *goal_count)
{
    char name[96];
    snprintf(name, sizeof name, index % 3 == 2 ? "%s Community Library" : "%s Public Library",
             towns[index]);
    struct library_new new_library = {name, towns[index],
                                      demo->consultants[index % DEMO_CONSULTANTS]};
    enum ct_status status =
        store_library_create(demo->store, demo->coordinator, &new_library, library, demo->err);
    int64_t plan = 0;
    char title[128];
    snprintf(title, sizeof title, "%s strategic plan", name);
    if (status == CT_OK) {
        struct strategic_plan_new new_plan = {*library, title, day_from_today(demo, -2 * YEAR),
                                              day_from_today(demo, 3 * YEAR)};
        status = store_strategic_plan_create(demo->store, demo->coordinator, &new_plan, &plan,
                                             demo->err);
    }
    *goal_count = 3 + (size_t)below(demo, 3);
    for (size_t g = 0; g < *goal_count && status == CT_OK; g++) {
        char code[8];
        snprintf(code, sizeof code, "G%zu", g + 1);
        const struct goal_text *text = &goal_texts[(g + (size_t)index) % 6];
        struct library_goal_new goal = {plan, code, text->title, text->description};
        status =
            store_library_goal_create(demo->store, demo->coordinator, &goal, &goals[g], demo->err);
    }
    return status;
}

static const char *const director_roles[] = {"learner", "supervisor", "library-administrator",
                                             NULL};
static const char *const chair_roles[] = {"supervisor", NULL};
static const char *const learner_roles[] = {"learner", NULL};

/* A director's track: half are new directors, half renew after an earlier award. */
static enum ct_status director_track(struct demo *demo, int index, int64_t director, int64_t chair)
{
    if (index % 2 == 0) {
        /* Some started more than four years ago: their deadline has passed. */
        struct civil_date start = day_from_today(demo, -(30 + below(demo, 4 * YEAR + 200)));
        int64_t track = 0;
        enum ct_status status =
            store_track_enroll(demo->store, demo->coordinator, director, "msl-director-initial",
                               start, &track, demo->err);
        return status == CT_OK
                   ? random_activities(demo, director, chair, start, 10 + (int)below(demo, 15))
                   : status;
    }
    struct civil_date renewal = day_from_today(demo, -(60 + below(demo, 3 * YEAR)));
    struct award_result award;
    enum ct_status status = finished_track(demo, director, chair, "msl-director-initial",
                                           civil_date_add_days(renewal, -3 * YEAR),
                                           civil_date_add_days(renewal, -1), &award);
    return status == CT_OK
               ? random_activities(demo, director, chair, renewal, 10 + (int)below(demo, 15))
               : status;
}

struct library_people {
    int64_t library;
    int64_t goals[6];
    size_t goal_count;
    int64_t director;
    int64_t chair;
};

static enum ct_status staff_member(struct demo *demo, const struct library_people *lib, int index,
                                   int number)
{
    bool first_library = index == 0 && number == 0;
    bool ready = index == 1 && number == 0;
    const char *email = first_library ? "staff@example.org" : ready ? "ready@example.org" : NULL;
    int64_t person = 0;
    enum ct_status status =
        add_person(demo, email, lib->library, lib->director, learner_roles, email != NULL, &person);
    if (status != CT_OK) {
        return status;
    }
    if (ready) {
        return ready_learner(demo, person, lib->director, lib->goals, lib->goal_count);
    }
    if (first_library || (number == 1 && index % 4 == 0)) {
        enum plan_shape shape =
            first_library ? PLAN_APPROVED : (enum plan_shape)((index / 4) % PLAN_SHAPE_COUNT);
        return strategic_learner(demo, person, lib->director, lib->goals, lib->goal_count, shape,
                                 first_library ? YEAR : 100 + below(demo, 3 * YEAR));
    }
    struct civil_date start = day_from_today(demo, -(30 + below(demo, 4 * YEAR)));
    int64_t track = 0;
    status = store_track_enroll(demo->store, demo->coordinator, person, "msl-staff", start, &track,
                                demo->err);
    return status == CT_OK
               ? random_activities(demo, person, lib->director, start, 10 + (int)below(demo, 20))
               : status;
}

static enum ct_status trustee(struct demo *demo, const struct library_people *lib)
{
    int64_t person = 0, track = 0;
    enum ct_status status =
        add_person(demo, NULL, lib->library, lib->chair, learner_roles, false, &person);
    struct civil_date start = day_from_today(demo, -(30 + below(demo, 3 * YEAR)));
    if (status == CT_OK) {
        status = store_track_enroll(demo->store, demo->coordinator, person, "msl-trustee", start,
                                    &track, demo->err);
    }
    return status == CT_OK
               ? random_activities(demo, person, lib->chair, start, 4 + (int)below(demo, 6))
               : status;
}

static enum ct_status one_library(struct demo *demo, int index)
{
    struct library_people lib;
    memset(&lib, 0, sizeof lib);
    enum ct_status status =
        library_with_goals(demo, index, &lib.library, lib.goals, &lib.goal_count);
    if (status == CT_OK) {
        status = add_person(demo, NULL, lib.library, 0, chair_roles, false, &lib.chair);
    }
    if (status == CT_OK) {
        status = add_person(demo, index == 0 ? "director@example.org" : NULL, lib.library,
                            lib.chair, director_roles, index == 0, &lib.director);
    }
    if (status == CT_OK) {
        status = director_track(demo, index, lib.director, lib.chair);
    }
    for (int number = 0; number < 2 && status == CT_OK; number++) {
        status = staff_member(demo, &lib, index, number);
    }
    if (status == CT_OK) {
        status = trustee(demo, &lib);
    }
    return status;
}

/* ---- State Library staff and the event catalog ---- */

static enum ct_status state_library(struct demo *demo)
{
    static const char *const coordinator_roles[] = {"ce-coordinator", NULL};
    static const char *const consultant_roles[] = {"consultant", NULL};
    enum ct_status status = add_person(demo, "coordinator@example.org", 0, 0, coordinator_roles,
                                       true, &demo->coordinator);
    int64_t other = 0;
    for (int i = 0; i < 2 && status == CT_OK; i++) {
        status = add_person(demo, NULL, 0, 0, coordinator_roles, false, &other);
    }
    for (int i = 0; i < DEMO_CONSULTANTS && status == CT_OK; i++) {
        status = add_person(demo, NULL, 0, 0, consultant_roles, false, &demo->consultants[i]);
    }
    return status;
}

static enum ct_status event_catalog(struct demo *demo)
{
    enum ct_status status = CT_OK;
    for (int i = 0; i < DEMO_EVENTS && status == CT_OK; i++) {
        struct civil_date starts = day_from_today(demo, -(int64_t)(i * 37 + below(demo, 30)));
        struct event_new event = {event_titles[i % 20],
                                  starts,
                                  civil_date_add_days(starts, 1),
                                  i % 3 == 0 ? "Montana Library Association"
                                             : "Montana State Library",
                                  i % 2 == 0 ? ACTIVITY_KIND_WORKSHOP : ACTIVITY_KIND_COURSE,
                                  2 + 2 * (i % 4),
                                  categories[i % 4]};
        status =
            store_event_create(demo->store, demo->coordinator, &event, &demo->events[i], demo->err);
        if (status == CT_OK && i % 2 == 1) {
            char url[96];
            snprintf(url, sizeof url, "https://learn.msl.example.org/course/view.php?id=%d",
                     100 + i);
            status = store_event_link_add(demo->store, demo->coordinator, demo->events[i], url, "",
                                          demo->err);
        }
    }
    return status;
}

/* ---- the whole set ---- */

static enum ct_status count_rows(struct store *store, const char *sql, int64_t *count,
                                 struct ct_err *err)
{
    *count = 0;
    return store_exec(store, sql, NULL, 0, count, err);
}

static enum ct_status summarize(struct store *store, struct demo_data_summary *summary,
                                struct ct_err *err)
{
    enum ct_status status =
        count_rows(store, "SELECT COUNT(*) FROM libraries", &summary->libraries, err);
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM people", &summary->people, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM tracks", &summary->tracks, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM activities", &summary->activities, err);
    }
    if (status == CT_OK) {
        status =
            count_rows(store, "SELECT COUNT(*) FROM certificates", &summary->certificates, err);
    }
    if (status == CT_OK) {
        status = count_rows(store, "SELECT COUNT(*) FROM events", &summary->events, err);
    }
    return status;
}

enum ct_status demo_data_fill(struct store *store, struct civil_date today, uint64_t seed,
                              struct demo_data_summary *summary, struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    int64_t people = 0;
    enum ct_status status = count_rows(store, "SELECT COUNT(*) FROM people", &people, err);
    if (status == CT_OK && people > 0) {
        return ct_err_set(err, CT_ERR_INPUT, "database",
                          "already holds %lld people; demo data goes into an empty database",
                          (long long)people);
    }
    struct demo demo;
    memset(&demo, 0, sizeof demo);
    demo.store = store;
    demo.today = today;
    demo.random = seed;
    demo.err = err;
    if (status == CT_OK) {
        status = state_library(&demo);
    }
    if (status == CT_OK) {
        status = event_catalog(&demo);
    }
    for (int i = 0; i < DEMO_LIBRARIES && status == CT_OK; i++) {
        status = one_library(&demo, i);
    }
    if (status == CT_OK) {
        status = summarize(store, summary, err);
    }
    return status;
}
