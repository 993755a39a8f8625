/*
 * tokens: a person's personal API tokens, created and revoked by the person themself.
 */
#ifndef CERTTRACK_ACTIONS_TOKENS_H
#define CERTTRACK_ACTIONS_TOKENS_H

#include "../store/store_sessions.h"
#include "action.h"

#define TOKEN_NAME_MAX 100

struct token_create_input {
    const char *name; /* field "name": what uses the token, 1 to TOKEN_NAME_MAX bytes */
};

struct token_create_result {
    int64_t id;
    char token[API_TOKEN_SIZE]; /* the token, shown to its owner once */
};

/* Creates a token for the acting person (the system owns none). */
enum ct_status action_token_create(struct store *store, const struct actor *actor,
                                   const struct token_create_input *input,
                                   struct token_create_result *result,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

struct token_revoke_input {
    int64_t token_id; /* field "token" */
};

/* Revokes one of the acting person's own live tokens: another person's token is not
 * found, a revoked one is ACTION_WRONG_STATE. */
enum ct_status action_token_revoke(struct store *store, const struct actor *actor,
                                   const struct token_revoke_input *input,
                                   struct action_outcome *outcome) CT_MUST_CHECK;

#endif
