/*
 * moodle-progress-fuzzer: libFuzzer target for the Moodle completion report reader.
 *
 * The input's first byte chooses how many bytes each read gives (1 to 256); the rest
 * is the file. It is read twice, in those pieces and all at once, and the reader's
 * promises are checked:
 *   - it succeeds or refuses the file (CT_ERR_INPUT, where "file", with a message),
 *     never anything else (no memory failure, no crash, no leak);
 *   - the header comes once, before any row, with an "Email address" identity column
 *     and at least one activity; rows come in increasing line order, after line 1;
 *   - a row without a problem has the header's activity count, UTF-8 texts, and a
 *     civil date exactly when its date text is a valid local time;
 *   - how the bytes are split changes nothing: both readings give the same digest of
 *     everything the handler saw, and the same status.
 *
 *   build-test/tests/fuzz/moodle-progress-fuzzer -dict=tests/fuzz/moodle-progress.dict C
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "core/err.h"
#include "core/timestamp.h"
#include "harvest/moodle_progress.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct pieces {
    const uint8_t *data;
    size_t length;
    size_t at;
    size_t piece;
};

static enum ct_status pieces_read(void *context, unsigned char *buffer, size_t size, size_t *got,
                                  struct ct_err *err)
{
    (void)err;
    struct pieces *source = context;
    size_t take = source->length - source->at;
    take = take < size ? take : size;
    take = take < source->piece ? take : source->piece;
    memcpy(buffer, source->data + source->at, take);
    source->at += take;
    *got = take;
    return CT_OK;
}

struct seen {
    uint64_t digest; /* FNV-1a of everything seen */
    bool header;
    size_t activity_count;
    int64_t last_line;
};

static void mix(struct seen *seen, const void *bytes, size_t length)
{
    const unsigned char *c = bytes;
    for (size_t i = 0; i < length; i++) {
        seen->digest = (seen->digest ^ c[i]) * 1099511628211u;
    }
}

static void mix_text(struct seen *seen, const char *text)
{
    assert(text != NULL);
    assert(u8_check((const uint8_t *)text, strlen(text)) == NULL);
    mix(seen, text, strlen(text) + 1);
}

static enum ct_status on_header(void *context, const struct moodle_progress_header *header,
                                struct ct_err *err)
{
    (void)err;
    struct seen *seen = context;
    assert(!seen->header);
    seen->header = true;
    assert(header->activity_count >= 1);
    assert(header->email_identity < header->identity_count);
    assert(strcasecmp(header->identity_names[header->email_identity], "Email address") == 0);
    seen->activity_count = header->activity_count;
    mix(seen, &header->encoding, sizeof header->encoding);
    for (size_t i = 0; i < header->identity_count; i++) {
        mix_text(seen, header->identity_names[i]);
    }
    for (size_t i = 0; i < header->activity_count; i++) {
        assert(header->activity_names[i][0] != '\0');
        mix_text(seen, header->activity_names[i]);
    }
    return CT_OK;
}

static enum ct_status on_row(void *context, const struct moodle_progress_row *row,
                             struct ct_err *err)
{
    (void)err;
    struct seen *seen = context;
    assert(seen->header);
    assert(row->line >= 2 && row->line > seen->last_line);
    seen->last_line = row->line;
    mix(seen, &row->line, sizeof row->line);
    if (row->problem != NULL) {
        mix_text(seen, row->problem);
        return CT_OK;
    }
    assert(row->activity_count == seen->activity_count);
    mix_text(seen, row->full_name);
    mix_text(seen, row->email);
    for (size_t i = 0; i < row->activity_count; i++) {
        const struct moodle_activity_cell *cell = &row->activities[i];
        mix_text(seen, cell->state_text);
        mix_text(seen, cell->date_text);
        assert(cell->state == moodle_progress_state(cell->state_text));
        struct civil_date date = civil_date_unset();
        assert(cell->date_valid == timestamp_parse_local(cell->date_text, &date));
        assert(!cell->date_valid || civil_date_compare(date, cell->date) == 0);
        mix(seen, &cell->state, sizeof cell->state);
        mix(seen, &cell->date, sizeof cell->date);
    }
    return CT_OK;
}

static enum ct_status read_in_pieces(const uint8_t *data, size_t size, size_t piece,
                                     struct seen *seen, struct ct_err *err)
{
    *seen = (struct seen){.digest = 14695981039346656037u};
    struct pieces pieces = {data, size, 0, piece};
    struct moodle_progress_source source = {pieces_read, &pieces};
    struct moodle_progress_handler handler = {on_header, on_row, seen};
    enum ct_status status = moodle_progress_read(&source, &handler, err);
    if (status != CT_OK) {
        assert(status == CT_ERR_INPUT);
        assert(strcmp(err->where, "file") == 0);
        assert(err->message[0] != '\0');
    } else {
        assert(seen->header);
    }
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    size_t piece = (size_t)data[0] + 1;
    struct seen split, whole;
    struct ct_err split_err = {0}, whole_err = {0};
    enum ct_status split_status = read_in_pieces(data + 1, size - 1, piece, &split, &split_err);
    enum ct_status whole_status = read_in_pieces(data + 1, size - 1, size, &whole, &whole_err);
    assert(split_status == whole_status);
    /* A refusal may come after rows were seen, and where it is found may depend on how
     * much was read at once (a line too long): compare only what both saw in full. */
    if (split_status == CT_OK) {
        assert(split.digest == whole.digest);
        assert(split.last_line == whole.last_line);
    }
    return 0;
}
