/*
 * pdf_text: text set by Pango for the printable documents.
 *
 * Pango shapes any script and falls back to another installed font for characters the
 * named one lacks; text wraps at words (inside a word only when one word is wider than
 * the band).
 */
#ifndef CERTTRACK_PDF_TEXT_H
#define CERTTRACK_PDF_TEXT_H

#include <pango/pangocairo.h>

/* A new layout of text (borrowed, UTF-8) in font (a Pango description such as "DejaVu
 * Serif Bold 30", its size in points on the page), wrapped to width points and aligned in that
 * band. max_lines > 0 ends the text with an ellipsis after that many lines; 0 means no limit. The
 * caller frees it with g_object_unref. */
PangoLayout *pdf_text_layout(cairo_t *cr, const char *font, const char *text, double width,
                             PangoAlignment alignment, int max_lines);

/* The layout's height in points. */
double pdf_text_height(PangoLayout *layout);

/* Draws layout (borrowed) with its top left corner at x, y in the current colour. */
void pdf_text_show(cairo_t *cr, PangoLayout *layout, double x, double y);

/* Sets text in font in the band [x, x + width] with its top at y; returns the height it
 * took, in points. */
double pdf_text_draw(cairo_t *cr, const char *font, const char *text, double x, double y,
                     double width, PangoAlignment alignment);

#endif
