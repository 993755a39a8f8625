/*
 * html: the one way certtrack writes HTML.
 *
 * Text from people and the database goes through html_text(), which escapes it, so it
 * can never become markup; html_markup() takes only string literals written in the
 * code (a macro checks that the argument is a literal). There is no other way to put
 * text into a page.
 */
#ifndef CERTTRACK_HTML_H
#define CERTTRACK_HTML_H

#include "../../core/buf.h"

/* Appends text with & < > " ' escaped; safe in element content and quoted attributes. */
enum ct_status html_text(struct buf *out, const char *text) CT_MUST_CHECK;

/* Appends one term of a description list, "<dt>name</dt><dd>value</dd>\n", both
 * escaped as html_text does. */
enum ct_status html_term(struct buf *out, const char *name, const char *value) CT_MUST_CHECK;

/* Appends trusted markup. Only for string literals: see html_markup. */
enum ct_status html_markup_literal(struct buf *out, const char *markup) CT_MUST_CHECK;

/* "" literal "" makes anything but a string literal fail to compile. */
#define html_markup(out, literal) html_markup_literal((out), "" literal "")

#endif
