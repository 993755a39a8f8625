/*
 * text-template-fuzzer: libFuzzer target for the text templates a State Library writes
 * (core/text_template.h). The parser's promises are checked:
 *   - it accepts the text or refuses it (CT_ERR_INPUT, with "NAME line N" in where and a
 *     message), never anything else (no crash, no leak);
 *   - an accepted template renders, with values, nested lists and empty fields, within
 *     the buffer's limit or with CT_ERR_TOO_LARGE, and twice the same.
 *
 *   build-test/tests/fuzz/text-template-fuzzer -dict=tests/fuzz/text-template.dict CORPUS
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text_template.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = {"name", "people", "link", "comment", NULL};

static struct template_data *sample_data(void)
{
    struct template_data *values = template_data_new();
    assert(values != NULL);
    assert(template_data_set(values, "name", "Ada {{name}}") == CT_OK);
    assert(template_data_set(values, "comment", "") == CT_OK);
    for (int i = 0; i < 3; i++) {
        struct template_data *item = template_data_add_item(values, "people");
        assert(item != NULL);
        assert(template_data_setf(item, "name", "person %d", i) == CT_OK);
        assert(template_data_add_item(item, "people") != NULL);
    }
    return values;
}

static void render_twice(const struct text_template *template)
{
    struct template_data *values = sample_data();
    struct buf first, second;
    buf_init(&first, 1 << 16);
    buf_init(&second, 1 << 16);
    enum ct_status status = text_template_render(template, values, &first);
    assert(status == CT_OK || status == CT_ERR_TOO_LARGE);
    assert(text_template_render(template, values, &second) == status);
    assert(status != CT_OK || strcmp(buf_str(&first), buf_str(&second)) == 0);
    buf_release(&first);
    buf_release(&second);
    template_data_free(values);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    assert(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    struct text_template *template = NULL;
    struct ct_err err = {0};
    enum ct_status status = text_template_parse("fuzz.txt", text, 1, fields, &template, &err);
    assert(status == CT_OK || status == CT_ERR_INPUT);
    if (status == CT_OK) {
        assert(template != NULL);
        render_twice(template);
        text_template_free(template);
    } else {
        assert(template == NULL);
        assert(strncmp(err.where, "fuzz.txt line ", 14) == 0);
        assert(err.message[0] != '\0');
    }
    free(text);
    return 0;
}
