#include "pdf_text.h"

#include "../core/banned.h"

PangoLayout *pdf_text_layout(cairo_t *cr, const char *font, const char *text, double width,
                             PangoAlignment alignment, int max_lines)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    /* One unit of cairo user space is one point on the page: a size of 9 is 9 points. */
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72.0);
    pango_layout_context_changed(layout);
    PangoFontDescription *description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, alignment);
    if (max_lines > 0) {
        /* A negative height is a number of lines. */
        pango_layout_set_height(layout, -max_lines);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_text(layout, text, -1);
    return layout;
}

double pdf_text_height(PangoLayout *layout)
{
    int height = 0;
    pango_layout_get_size(layout, NULL, &height);
    return (double)height / PANGO_SCALE;
}

void pdf_text_show(cairo_t *cr, PangoLayout *layout, double x, double y)
{
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

double pdf_text_draw(cairo_t *cr, const char *font, const char *text, double x, double y,
                     double width, PangoAlignment alignment)
{
    PangoLayout *layout = pdf_text_layout(cr, font, text, width, alignment, 0);
    double height = pdf_text_height(layout);
    pdf_text_show(cr, layout, x, y);
    g_object_unref(layout);
    return height;
}
