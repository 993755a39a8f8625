#include "form_options.h"

#include <string.h>

#include "../../core/banned.h"

size_t form_kind_options(struct form_option *options, bool labelled)
{
    size_t count = 0;
    for (int k = 0; k < ACTIVITY_KIND_COUNT; k++) {
        if (activity_kind_has_credit_value((enum activity_kind)k)) {
            const char *name = activity_kind_name((enum activity_kind)k);
            options[count++] = (struct form_option){
                name, labelled ? activity_kind_label((enum activity_kind)k) : name};
        }
    }
    return count;
}

size_t form_category_options(const struct program_set *programs, struct form_option *options)
{
    size_t count = 0;
    for (size_t p = 0; p < programs->count; p++) {
        const struct program *program = programs->programs[p];
        for (size_t c = 0; c < program->category_count && count < FORM_CATEGORIES_MAX; c++) {
            bool seen = false;
            for (size_t i = 0; i < count; i++) {
                seen |= strcmp(options[i].value, program->categories[c].id) == 0;
            }
            if (!seen) {
                options[count++] =
                    (struct form_option){program->categories[c].id, program->categories[c].name};
            }
        }
    }
    return count;
}

void html_spec_field(struct html *h, const struct form_spec *spec, const char *value,
                     const struct action_outcome *outcome, const struct form_option *options,
                     size_t option_count)
{
    const struct action_fault *fault = outcome != NULL ? action_fault_of(outcome, spec->id) : NULL;
    struct form_field field = {.id = spec->id,
                               .label = spec->label,
                               .hint = spec->hint,
                               .error = fault != NULL ? fault->message : NULL,
                               .control = spec->control,
                               .type = spec->type,
                               .value = value,
                               .options = options,
                               .option_count = option_count,
                               .required = spec->required};
    html_field(h, &field);
}
