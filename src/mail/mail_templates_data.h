/*
 * mail_templates_data: the built-in templates, templates/NAME.txt as C strings, written
 * at build time by scripts/embed-templates.py. Read by mail_templates.c only.
 */
#ifndef CERTTRACK_MAIL_TEMPLATES_DATA_H
#define CERTTRACK_MAIL_TEMPLATES_DATA_H

#include <stddef.h>

struct mail_template_text {
    const char *name; /* the file's name without ".txt" */
    const char *text; /* the file as it is */
};

extern const struct mail_template_text mail_template_texts[];
extern const size_t mail_template_text_count;

#endif
