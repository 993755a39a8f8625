#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

enum { ARENA_BLOCK_SIZE = 16 * 1024 };

struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t capacity;
    alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
    a->blocks = NULL;
}

void arena_release(struct arena *a)
{
    struct arena_block *block = a->blocks;
    while (block != NULL) {
        struct arena_block *next = block->next;
        free(block);
        block = next;
    }
    a->blocks = NULL;
}

static size_t align_up(size_t n)
{
    size_t alignment = alignof(max_align_t);
    return (n + alignment - 1) / alignment * alignment;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        return NULL;
    }
    size_t bytes = count * size;
    if (bytes > SIZE_MAX / 2) {
        return NULL;
    }
    bytes = align_up(bytes != 0 ? bytes : 1);
    struct arena_block *block = a->blocks;
    if (block == NULL || block->capacity - block->used < bytes) {
        size_t capacity = bytes > ARENA_BLOCK_SIZE ? bytes : ARENA_BLOCK_SIZE;
        block = malloc(sizeof *block + capacity);
        if (block == NULL) {
            return NULL;
        }
        block->used = 0;
        block->capacity = capacity;
        block->next = a->blocks;
        a->blocks = block;
    }
    void *memory = block->data + block->used;
    block->used += bytes;
    memset(memory, 0, bytes);
    return memory;
}

char *arena_strdup(struct arena *a, const char *text)
{
    size_t length = strlen(text);
    char *copy = arena_calloc(a, length + 1, 1);
    if (copy != NULL) {
        memcpy(copy, text, length);
    }
    return copy;
}
