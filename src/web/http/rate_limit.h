/*
 * rate_limit: how often one client address may ask for something, as a token bucket
 * per address: a burst of RATE_LIMIT_BURST requests, then one more every
 * RATE_LIMIT_REFILL_SECONDS. Addresses share a fixed table of buckets (by hash); a
 * bucket idle long enough to be full again is taken over by a new address, so the
 * table never grows. Thread-safe.
 */
#ifndef CERTTRACK_RATE_LIMIT_H
#define CERTTRACK_RATE_LIMIT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#define RATE_LIMIT_BURST          30
#define RATE_LIMIT_REFILL_SECONDS 2
#define RATE_LIMIT_SLOTS          4096

struct rate_limit_bucket {
    uint64_t address_hash; /* 0: unused */
    int64_t updated;       /* Unix seconds of the last refill */
    int32_t tokens;
};

struct rate_limit {
    pthread_mutex_t lock;
    struct rate_limit_bucket buckets[RATE_LIMIT_SLOTS];
};

/* Sets up an empty table (all addresses may ask). */
void rate_limit_init(struct rate_limit *limit);

/* Frees the lock; the table is then unusable until rate_limit_init. */
void rate_limit_release(struct rate_limit *limit);

/* Takes one request of address (borrowed) at now (Unix seconds): true when allowed;
 * false when the address is over its rate, with *retry_after the seconds until it may
 * ask again. */
bool rate_limit_take(struct rate_limit *limit, const char *address, int64_t now,
                     int64_t *retry_after);

#endif
