#include "transcript.h"

#include <string.h>

#include "banned.h"

void transcript_init(struct transcript *t)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->arena);
    t->issued = civil_date_unset();
    t->valid_until = civil_date_unset();
    t->revoked = civil_date_unset();
}

void transcript_release(struct transcript *t)
{
    arena_release(&t->arena);
    transcript_init(t);
}

int64_t transcript_activity_halves(const struct transcript *t)
{
    int64_t total = 0;
    for (size_t i = 0; i < t->activity_count; i++) {
        total += t->activities[i].credit_halves;
    }
    return total;
}
