/*
 * notice_rule: when a person's waiting notices are gathered into one message.
 *
 * A notice (a plan to sign, a claim rejected ...) waits to be gathered with the others
 * of its person. For a person who takes their notices gathered (the default), the
 * message goes once the oldest notice has waited the gathering window (the
 * notice-window setting, 10 minutes by default), so that notices made close together
 * arrive as one message. For a person who chose the daily digest, the message goes at
 * the first digest time (the notice-digest-time setting) at or after the oldest notice
 * was made. Either way the message holds every notice then waiting. No I/O: the caller
 * says when the last digest time was (io/clock.h).
 */
#ifndef CERTTRACK_NOTICE_RULE_H
#define CERTTRACK_NOTICE_RULE_H

#include <stdbool.h>
#include <stdint.h>

enum notice_delivery {
    NOTICE_DELIVERY_GATHERED, /* after the window */
    NOTICE_DELIVERY_DAILY,    /* in the daily digest */
};

/* When the gathering runs. Times are Unix seconds. */
struct notice_schedule {
    int64_t now;
    int64_t window_seconds; /* the gathering window */
    int64_t last_digest;    /* the latest digest time at or before now */
};

/* True when the notices of a person taking them by delivery, the oldest made at
 * oldest, are due to be gathered under schedule. */
bool notice_rule_due(const struct notice_schedule *schedule, enum notice_delivery delivery,
                     int64_t oldest);

/* Reads a time of day "HH:MM" (00:00 to 23:59) into minutes since midnight; false when
 * text is not one. */
bool notice_rule_time_of_day(const char *text, int *minutes);

#endif
