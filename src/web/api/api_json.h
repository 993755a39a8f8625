/*
 * api_json: what every /api/v1 handler shares: reading a JSON body, reading ?page= and
 * ?per_page=, and writing JSON answers and errors.
 *
 * A body is read against a table of the fields an endpoint accepts (data, not code):
 * each field's JSON name, its type, and the member of the action's input struct it
 * fills (API_INPUT), so that the API calls the same action as the page, with the same
 * checks and the same authorization, without going through form fields. A field that
 * is not in the table is refused (400 unknown-field); null is the same as leaving a
 * field out.
 *
 * Errors are {"error": {"code": ..., "message": ..., "field": ...}}; "field" is there
 * when one field of the body (or of the query) is what is wrong.
 */
#ifndef CERTTRACK_API_JSON_H
#define CERTTRACK_API_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../../core/engine.h"
#include "../../store/store.h"
#include "../../store/store_page.h"
#include "../http/request.h"

/* The largest JSON body the API reads (the server refuses anything over 1 MiB). */
#define API_BODY_LIMIT (64 * 1024)
/* The most ids an API_IDS field takes. */
#define API_IDS_MAX 50
/* Lists: ?per_page= from 1 to API_PER_PAGE_MAX, API_PER_PAGE_DEFAULT when absent. */
#define API_PER_PAGE_DEFAULT 25
#define API_PER_PAGE_MAX     100
#define API_PAGE_MAX         1000000

enum api_field_type {
    API_TEXT,   /* a string */
    API_NUMBER, /* a number, or a string that holds one ("2.5") */
    API_ID,     /* a whole number from 1 */
    API_BOOL,   /* true or false; false is the same as leaving the field out */
    API_IDS,    /* an array of ids (at most API_IDS_MAX) */
    API_LINES,  /* an array of strings without line breaks: one line each */
};

/* A field of an action's input read from a JSON body: its JSON name, type, and where in
 * the input struct it goes (written with API_INPUT). */
struct api_input_field {
    const char *name;
    enum api_field_type type;
    size_t offset;
};

/* A row of a table for api_json_read_input: the JSON name, its type, and the member of
 * the action's input struct it fills: API_TEXT, API_NUMBER and API_LINES a const char *
 * (NULL when left out; a number as its text, lines joined by "\n"), API_ID an int64_t
 * (0 when left out), API_BOOL a bool, API_IDS a struct action_ids. */
#define API_INPUT(json_name, type, input_struct, member)                                           \
    {                                                                                              \
        (json_name), (type), offsetof(input_struct, member)                                        \
    }

/* Reads the request's body (request->json, parsed once by api_json_parse_body) into
 * *input, an action's input struct, as fields (borrowed table of count) say. Strings
 * are borrowed from the body, which lives as long as the request; numbers' texts and
 * joined lines come from request->arena. The refusals:
 * 415 unsupported-media-type when a body is not application/json, 413
 * too-large over API_BODY_LIMIT, 400 bad-json (not JSON, or not an object),
 * unknown-field, or invalid (a value of the wrong type), naming the field. An empty
 * body reads as {}. On success *ok is true; otherwise response holds the refusal. */
enum ct_status api_json_read_input(struct web_request *request, struct web_response *response,
                                   const struct api_input_field *fields, size_t count, void *input,
                                   bool *ok) CT_MUST_CHECK;

/* Answers an action's refusal: 400 invalid for bad input, naming the first field at
 * fault and listing every one as "fields" [{"field", "message"}]; 403 forbidden when the
 * actor may not; 404 not-found; 409 conflict when the record's state forbids it. */
enum ct_status api_json_outcome(struct web_response *response,
                                const struct action_outcome *outcome) CT_MUST_CHECK;

/* Parses the body of an /api/ request sent as application/json into request->json (or
 * says in request->json_error why it is not JSON). The server calls it once, before the
 * handler. */
void api_json_parse_body(struct web_request *request);

/* Answers status with value as compact JSON. value is stolen (released here, also on
 * failure); NULL (a failed allocation) gives CT_ERR_NOMEM. */
enum ct_status api_json_send(struct web_response *response, unsigned status,
                             json_t *value) CT_MUST_CHECK;

/* Answers status with an error; field (NULL: none) names the body's field at fault. */
enum ct_status api_json_error(struct web_response *response, unsigned status, const char *code,
                              const char *message, const char *field) CT_MUST_CHECK;

struct api_page {
    int64_t page;     /* from 1 */
    int64_t per_page; /* 1 to API_PER_PAGE_MAX */
};

/* Reads ?page= and ?per_page= (whole numbers written in digits). A bad value is
 * refused (400 invalid naming it) and *ok is false. */
enum ct_status api_json_read_page(struct web_request *request, struct web_response *response,
                                  struct api_page *page, bool *ok) CT_MUST_CHECK;

/* The offset of the page's first row. */
int64_t api_json_offset(const struct api_page *page);

/* {"items": items, "page": ..., "per_page": ..., "total": total, "pages": ...}; items is
 * stolen. NULL when memory runs out. */
json_t *api_json_list(json_t *items, const struct api_page *page, int64_t total);

/* The page of a list the API asks the store for: sorted by column, in direction. */
struct store_page api_json_store_page(const struct api_page *page, size_t column, bool descending);

/* Fills items (a JSON array) with the rows of page and *total with the rows of the
 * whole list. CT_ERR_INPUT with err->where naming a query parameter refuses the request
 * (400 invalid, with err->message). */
typedef enum ct_status (*api_list_fill)(struct web_request *request, const struct api_page *page,
                                        json_t *items, int64_t *total, struct ct_err *err);

/* Answers a list endpoint: reads ?page= and ?per_page= (a bad one is refused), lets fill
 * write the page's items, and sends them as api_json_list does. */
enum ct_status api_json_answer_list(struct web_request *request, struct web_response *response,
                                    api_list_fill fill) CT_MUST_CHECK;

/* Appends item (stolen) to items; CT_ERR_NOMEM when item is NULL or memory runs out. */
enum ct_status api_json_append(json_t *items, json_t *item) CT_MUST_CHECK;

/* A credit amount from half-credits: 2.5, or 3 when whole. */
json_t *api_json_credits(int64_t halves);

/* An evaluation's blocking codes (borrowed) as an array of strings: each code's
 * blocking_code_name, "category-short:<category id>" for a category short of credits.
 * NULL when memory runs out. */
json_t *api_json_blocking(const struct evaluation *evaluation);

/* A date as "YYYY-MM-DD", or null when unset. */
json_t *api_json_date(struct civil_date date);

/* A string, or null for NULL. */
json_t *api_json_text(const char *text);

/* Sets key of object to value, which it takes (also when it fails: the caller never
 * releases value afterwards); false when value is NULL or memory runs out. */
bool api_json_set(json_t *object, const char *key, json_t *value);

#endif
