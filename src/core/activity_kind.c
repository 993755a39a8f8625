#include "activity_kind.h"

#include <string.h>

#include "banned.h"

static const char *const kind_names[ACTIVITY_KIND_COUNT] = {
    [ACTIVITY_KIND_COURSE] = "course",
    [ACTIVITY_KIND_WORKSHOP] = "workshop",
    [ACTIVITY_KIND_CONFERENCE_SESSION] = "conference-session",
    [ACTIVITY_KIND_WEBINAR] = "webinar",
    [ACTIVITY_KIND_ARCHIVED_WEBINAR] = "archived-webinar",
    [ACTIVITY_KIND_COLLEGE] = "college",
    [ACTIVITY_KIND_PRESENTING] = "presenting",
    [ACTIVITY_KIND_SELF_DIRECTED] = "self-directed",
};

static const char *const kind_labels[ACTIVITY_KIND_COUNT] = {
    [ACTIVITY_KIND_COURSE] = "Course",
    [ACTIVITY_KIND_WORKSHOP] = "Workshop",
    [ACTIVITY_KIND_CONFERENCE_SESSION] = "Conference session",
    [ACTIVITY_KIND_WEBINAR] = "Webinar",
    [ACTIVITY_KIND_ARCHIVED_WEBINAR] = "Archived webinar",
    [ACTIVITY_KIND_COLLEGE] = "College course",
    [ACTIVITY_KIND_PRESENTING] = "Presenting",
    [ACTIVITY_KIND_SELF_DIRECTED] = "Self-directed learning",
};

static const char *const status_names[] = {
    [ACTIVITY_STATUS_PENDING] = "pending",
    [ACTIVITY_STATUS_VERIFIED] = "verified",
    [ACTIVITY_STATUS_REJECTED] = "rejected",
};

const char *activity_kind_name(enum activity_kind kind)
{
    if ((unsigned)kind >= ACTIVITY_KIND_COUNT) {
        return "unknown";
    }
    return kind_names[kind];
}

const char *activity_kind_label(enum activity_kind kind)
{
    if ((unsigned)kind >= ACTIVITY_KIND_COUNT) {
        return "Unknown";
    }
    return kind_labels[kind];
}

bool activity_kind_from_name(const char *name, enum activity_kind *kind)
{
    for (int i = 0; i < ACTIVITY_KIND_COUNT; i++) {
        if (strcmp(name, kind_names[i]) == 0) {
            *kind = (enum activity_kind)i;
            return true;
        }
    }
    return false;
}

bool activity_kind_has_credit_value(enum activity_kind kind)
{
    return kind != ACTIVITY_KIND_COLLEGE && kind != ACTIVITY_KIND_PRESENTING &&
           kind != ACTIVITY_KIND_SELF_DIRECTED;
}

const char *activity_status_name(enum activity_status status)
{
    if ((unsigned)status > ACTIVITY_STATUS_REJECTED) {
        return "unknown";
    }
    return status_names[status];
}

bool activity_status_from_name(const char *name, enum activity_status *status)
{
    for (int i = 0; i <= ACTIVITY_STATUS_REJECTED; i++) {
        if (strcmp(name, status_names[i]) == 0) {
            *status = (enum activity_status)i;
            return true;
        }
    }
    return false;
}
