#include "rate_limit.h"

#include <string.h>

#include "../../core/banned.h"

void rate_limit_init(struct rate_limit *limit)
{
    memset(limit->buckets, 0, sizeof limit->buckets);
    pthread_mutex_init(&limit->lock, NULL);
}

void rate_limit_release(struct rate_limit *limit)
{
    pthread_mutex_destroy(&limit->lock);
}

/* FNV-1a, never 0 (0 marks an unused bucket). */
static uint64_t address_hash(const char *address)
{
    uint64_t hash = UINT64_C(14695981039346656037);
    for (const unsigned char *c = (const unsigned char *)address; *c != '\0'; c++) {
        hash = (hash ^ *c) * UINT64_C(1099511628211);
    }
    return hash != 0 ? hash : 1;
}

/* Brings bucket's tokens up to now. */
static void refill(struct rate_limit_bucket *bucket, int64_t now)
{
    int64_t elapsed = now - bucket->updated;
    if (elapsed < 0) {
        bucket->updated = now;
        return;
    }
    int64_t earned = elapsed / RATE_LIMIT_REFILL_SECONDS;
    if (earned > 0) {
        int64_t tokens = bucket->tokens + earned;
        bucket->tokens = (int32_t)(tokens > RATE_LIMIT_BURST ? RATE_LIMIT_BURST : tokens);
        bucket->updated += earned * RATE_LIMIT_REFILL_SECONDS;
    }
}

bool rate_limit_take(struct rate_limit *limit, const char *address, int64_t now,
                     int64_t *retry_after)
{
    *retry_after = 0;
    uint64_t hash = address_hash(address != NULL ? address : "");
    pthread_mutex_lock(&limit->lock);
    struct rate_limit_bucket *bucket = &limit->buckets[hash % RATE_LIMIT_SLOTS];
    if (bucket->address_hash != hash) {
        /* Another address had this slot: it is taken over only once that one's bucket
         * would be full again, so that no one escapes a limit by crowding a slot. */
        refill(bucket, now);
        if (bucket->address_hash == 0 || bucket->tokens >= RATE_LIMIT_BURST) {
            bucket->address_hash = hash;
            bucket->tokens = RATE_LIMIT_BURST;
            bucket->updated = now;
        }
    }
    refill(bucket, now);
    bool allowed = bucket->tokens > 0;
    if (allowed) {
        bucket->tokens--;
    } else {
        *retry_after = RATE_LIMIT_REFILL_SECONDS - (now - bucket->updated);
        if (*retry_after < 1) {
            *retry_after = 1;
        }
    }
    pthread_mutex_unlock(&limit->lock);
    return allowed;
}
