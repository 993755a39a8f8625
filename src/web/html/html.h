/*
 * html: the one way certtrack writes HTML.
 *
 * Text from people and the database goes through html_text(), which escapes it, so it
 * can never become markup; html_markup() takes only string literals written in the
 * code (a macro checks that the argument is a literal). There is no other way to put
 * text into a page.
 *
 * A page is written through a struct html: a writer that remembers its first failure
 * (memory, the page's size limit) and does nothing after it, so that page code is a
 * straight sequence of writes checked once, at the end, with html_status():
 *
 *   struct html h;
 *   html_start(&h, &response->body);
 *   html_markup(&h, "<p>");
 *   html_text(&h, person->name);
 *   html_markup(&h, "</p>");
 *   return html_status(&h);
 */
#ifndef CERTTRACK_HTML_H
#define CERTTRACK_HTML_H

#include <stdint.h>

#include "../../core/buf.h"

struct html {
    struct buf *out;       /* borrowed: where the page is written */
    enum ct_status status; /* the first failure, CT_OK until there is one */
};

/* Starts writing at the end of out (borrowed; it must outlive the writer). */
void html_start(struct html *h, struct buf *out);

/* CT_OK when every write so far succeeded, else the first failure. */
enum ct_status html_status(const struct html *h) CT_MUST_CHECK;

/* Notes a failure from outside the writer (a store read between writes): the writer
 * stops, and html_status() returns status. CT_OK changes nothing. */
void html_fail(struct html *h, enum ct_status status);

/* Appends text with & < > " ' escaped; safe in element content and quoted attributes.
 * NULL writes nothing. */
void html_text(struct html *h, const char *text);

/* Appends trusted markup. Only for string literals: see html_markup. */
void html_markup_literal(struct html *h, const char *markup);
/* "" literal "" makes anything but a string literal fail to compile. */
#define html_markup(h, literal) html_markup_literal((h), "" literal "")

/* Appends a whole number in decimal. */
void html_int(struct html *h, int64_t value);

/* Appends printf-formatted text. Only for numbers and text certtrack made itself (a
 * formatted date, credits): text from people and the database goes through html_text.
 * The format must be a string literal (html_format checks). */
void html_format_literal(struct html *h, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
#define html_format(h, literal, ...) html_format_literal((h), "" literal "", __VA_ARGS__)

/* Appends credits from half-credits: "2.5", or "3" when whole. */
void html_credits(struct html *h, int64_t halves);

/* Appends one term of a description list, "<dt>name</dt><dd>value</dd>\n", both
 * escaped as html_text does. */
void html_term(struct html *h, const char *name, const char *value);

/* Writes <h2>heading</h2> and a borderless table's head with the columns' headings
 * (heading and columns constant markup, count of them), opening its body. The table
 * takes the keyboard's focus, so that a phone's reader can scroll it sideways. */
void html_table_begin(struct html *h, const char *heading, const char *const *columns,
                      size_t count);

/* Closes the table html_table_begin opened. */
void html_table_end(struct html *h);

#endif
