/*
 * text_template: the text templates the State Library can reword (mail, announcements),
 * in a small part of the Mustache syntax, with no code in them:
 *
 *   {{name}}                 the value of field name
 *   {{#name}}...{{/name}}    the inside once for each item of list name, or once when
 *                            name is a value that is not empty; not at all otherwise
 *   {{^name}}...{{/name}}    the inside once when name is empty, absent or an empty list
 *   {{! a comment }}         nothing
 *
 * A section or comment tag alone on its line takes its line with it, so that sections
 * leave no blank lines. Inside a list's section a name is looked up in the item first,
 * then outside it. Values are inserted as they are (the output is plain text: escaping
 * for HTML is the writer's). A template names only the fields its caller offers:
 * parsing refuses any other, and a tag that is not closed, with the template's name and
 * the line. No I/O.
 *
 * No C library in Debian renders Mustache (the packaged ones are C++, Erlang, Haskell
 * and Perl), and this part of it is small, so it is written here.
 */
#ifndef CERTTRACK_TEXT_TEMPLATE_H
#define CERTTRACK_TEXT_TEMPLATE_H

#include <stdbool.h>

#include "buf.h"
#include "err.h"

struct text_template;

/* Parses text (borrowed; copied) as the template called name (borrowed; copied, used in
 * errors as "NAME line N"). first_line is the number of text's first line in its file.
 * fields (borrowed, NULL-terminated) are the names it may use. On success *out is a new
 * template the caller frees with text_template_free. CT_ERR_INPUT with err->where
 * "NAME line N" on a bad tag, an unknown field, or a section left open or closed twice. */
enum ct_status text_template_parse(const char *name, const char *text, int first_line,
                                   const char *const *fields, struct text_template **out,
                                   struct ct_err *err) CT_MUST_CHECK;

void text_template_free(struct text_template *template);

/* The fields' values for one rendering: a tree of named values and lists of items. */
struct template_data;

/* A new, empty set of values, or NULL when out of memory; free with template_data_free. */
struct template_data *template_data_new(void);

/* Frees data, its values and its items; NULL is a no-op. */
void template_data_free(struct template_data *data);

/* Sets field name (borrowed; copied) to value (borrowed; copied; NULL as ""). A later
 * set of the same name wins. */
enum ct_status template_data_set(struct template_data *data, const char *name,
                                 const char *value) CT_MUST_CHECK;

/* The same, with the value made from format. */
enum ct_status template_data_setf(struct template_data *data, const char *name, const char *format,
                                  ...) CT_MUST_CHECK __attribute__((format(printf, 3, 4)));

/* Adds an item to list name and returns it (owned by data), or NULL when out of memory.
 * The item's own fields are set on it with template_data_set. */
struct template_data *template_data_add_item(struct template_data *data, const char *name);

/* Appends template rendered with data (both borrowed) to out. CT_ERR_TOO_LARGE when out's
 * limit is passed. */
enum ct_status text_template_render(const struct text_template *template,
                                    const struct template_data *data,
                                    struct buf *out) CT_MUST_CHECK;

#endif
