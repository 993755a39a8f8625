#include "csv.h"

#include <string.h>

#include "../../core/banned.h"

enum ct_status csv_write_cell(struct buf *out, const char *text, bool last)
{
    if (text == NULL) {
        text = "";
    }
    bool formula = text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
    enum ct_status status = buf_append_str(out, formula ? "\"'" : "\"");
    for (const char *c = text; status == CT_OK && *c != '\0'; c++) {
        status = *c == '"' ? buf_append_str(out, "\"\"") : buf_append(out, c, 1);
    }
    return status == CT_OK ? buf_append_str(out, last ? "\"\r\n" : "\",") : status;
}

enum ct_status csv_write_row(struct buf *out, const char *const *cells, size_t count)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = csv_write_cell(out, cells[i], i + 1 == count);
    }
    return status;
}
