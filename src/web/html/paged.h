/*
 * paged: a list that pages (paging.h) written through the HTML writer (html.h): its
 * table head and pagination nav, and the cells of its rows, so that a page that shows
 * one is a straight run of writes.
 */
#ifndef CERTTRACK_PAGED_H
#define CERTTRACK_PAGED_H

#include <stdbool.h>
#include <stdint.h>

#include "../../core/civil_date.h"
#include "html.h"
#include "paging.h"

/* paging_table_head through h. */
void paged_head(struct html *h, const struct paging *paging);

/* paging_nav through h. */
void paged_nav(struct html *h, const struct paging *paging);

/* A cell: <td>text</td> (NULL is empty), class "number" for a numeric column. */
void paged_cell(struct html *h, const char *text, bool number);

/* A cell of a date as YYYY-MM-DD (empty when unset). */
void paged_date_cell(struct html *h, struct civil_date date);

/* A cell linking to path followed by id ("/certificates/" and 12), with text. */
void paged_link_cell(struct html *h, const char *path, int64_t id, const char *text);

#endif
