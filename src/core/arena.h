/*
 * arena: memory for many small objects that all die together.
 *
 * A learner record is made of many small strings and arrays that live exactly as long
 * as the record; they come from one arena and go with one arena_release(). Memory is
 * taken in blocks; nothing is freed one by one.
 */
#ifndef CERTTRACK_ARENA_H
#define CERTTRACK_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *blocks; /* newest first */
};

/* Sets up an empty arena; allocates nothing. */
void arena_init(struct arena *a);

/* Frees every block; pointers handed out before are invalidated. The arena is then
 * as after arena_init. */
void arena_release(struct arena *a);

/* size zeroed bytes aligned for any object, owned by the arena; NULL when out of
 * memory or when count * size overflows. */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* A copy of the NUL-terminated text, owned by the arena; NULL when out of memory. */
char *arena_strdup(struct arena *a, const char *text);

#endif
