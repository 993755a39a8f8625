#include "status_list.h"

#include <jose/jose.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../core/banned.h"

/* The list's length in bytes for the largest index set. */
static size_t list_bytes(const int64_t *revoked, size_t count)
{
    int64_t bits = STATUS_LIST_MIN_BITS;
    for (size_t i = 0; i < count; i++) {
        if (revoked[i] >= bits) {
            bits = revoked[i] + 1;
        }
    }
    return (size_t)((bits + 7) / 8);
}

/* Compresses bytes[0..length) as GZIP into *out (caller frees), *out_length bytes. */
static enum ct_status gzip_bytes(const unsigned char *bytes, size_t length, unsigned char **out,
                                 size_t *out_length, struct ct_err *err)
{
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        return ct_err_nomem(err);
    }
    uLong bound = deflateBound(&stream, (uLong)length) + 32;
    unsigned char *compressed = malloc(bound);
    if (compressed == NULL) {
        deflateEnd(&stream);
        return ct_err_nomem(err);
    }
    stream.next_in = (Bytef *)(uintptr_t)bytes;
    stream.avail_in = (uInt)length;
    stream.next_out = compressed;
    stream.avail_out = (uInt)bound;
    int result = deflate(&stream, Z_FINISH);
    *out_length = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        free(compressed);
        return ct_err_set(err, CT_ERR_NOMEM, "status list", "cannot compress the list");
    }
    *out = compressed;
    return CT_OK;
}

enum ct_status status_list_encode(const int64_t *revoked, size_t count, char **encoded,
                                  struct ct_err *err)
{
    *encoded = NULL;
    for (size_t i = 0; i < count; i++) {
        if (revoked[i] < 0 || revoked[i] >= STATUS_LIST_MAX_BITS) {
            return ct_err_set(err, CT_ERR_INPUT, "status list", "index %lld is out of range",
                              (long long)revoked[i]);
        }
    }
    size_t length = list_bytes(revoked, count);
    unsigned char *bits = calloc(length, 1);
    if (bits == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < count; i++) {
        bits[revoked[i] / 8] |= (unsigned char)(0x80u >> (revoked[i] % 8));
    }
    unsigned char *compressed = NULL;
    size_t compressed_length = 0;
    enum ct_status status = gzip_bytes(bits, length, &compressed, &compressed_length, err);
    free(bits);
    if (status != CT_OK) {
        return status;
    }
    size_t text_length = jose_b64_enc_buf(compressed, compressed_length, NULL, 0);
    char *text = text_length == SIZE_MAX ? NULL : malloc(text_length + 2);
    if (text == NULL) {
        free(compressed);
        return ct_err_nomem(err);
    }
    text[0] = 'u';
    jose_b64_enc_buf(compressed, compressed_length, text + 1, text_length);
    text[text_length + 1] = '\0';
    free(compressed);
    *encoded = text;
    return CT_OK;
}

/* Inflates GZIP data into *bits (caller frees), at most STATUS_LIST_MAX_BITS / 8 bytes. */
static enum ct_status gunzip_bytes(const unsigned char *data, size_t length, unsigned char **bits,
                                   size_t *bits_length, struct ct_err *err)
{
    const size_t limit = (size_t)(STATUS_LIST_MAX_BITS / 8);
    size_t capacity = 32 * 1024;
    unsigned char *out = malloc(capacity);
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (out == NULL || inflateInit2(&stream, 15 + 16) != Z_OK) {
        free(out);
        return ct_err_nomem(err);
    }
    stream.next_in = (Bytef *)(uintptr_t)data;
    stream.avail_in = (uInt)length;
    int result = Z_OK;
    enum ct_status status = CT_OK;
    while (result == Z_OK) {
        if (stream.total_out == capacity) {
            unsigned char *grown = capacity < limit ? realloc(out, capacity * 2) : NULL;
            if (grown == NULL) {
                status = ct_err_set(err, CT_ERR_INPUT, "status list",
                                    capacity < limit ? "out of memory" : "the list is too long");
                break;
            }
            out = grown;
            capacity *= 2;
        }
        stream.next_out = out + stream.total_out;
        stream.avail_out = (uInt)(capacity - stream.total_out);
        result = inflate(&stream, Z_NO_FLUSH);
    }
    if (status == CT_OK && result != Z_STREAM_END) {
        status = ct_err_set(err, CT_ERR_INPUT, "status list", "the list is not GZIP data");
    }
    *bits_length = stream.total_out;
    inflateEnd(&stream);
    if (status != CT_OK) {
        free(out);
        return status;
    }
    *bits = out;
    return CT_OK;
}

enum ct_status status_list_bit(const char *encoded, int64_t index, bool *set, struct ct_err *err)
{
    *set = false;
    if (encoded == NULL || encoded[0] != 'u') {
        return ct_err_set(err, CT_ERR_INPUT, "status list",
                          "the encoded list must start with the multibase prefix 'u'");
    }
    size_t text_length = strlen(encoded + 1);
    size_t data_length = jose_b64_dec_buf(encoded + 1, text_length, NULL, 0);
    if (data_length == SIZE_MAX || data_length == 0) {
        return ct_err_set(err, CT_ERR_INPUT, "status list", "the list is not base64url");
    }
    unsigned char *data = malloc(data_length);
    if (data == NULL) {
        return ct_err_nomem(err);
    }
    if (jose_b64_dec_buf(encoded + 1, text_length, data, data_length) != data_length) {
        free(data);
        return ct_err_set(err, CT_ERR_INPUT, "status list", "the list is not base64url");
    }
    unsigned char *bits = NULL;
    size_t bits_length = 0;
    enum ct_status status = gunzip_bytes(data, data_length, &bits, &bits_length, err);
    free(data);
    if (status != CT_OK) {
        return status;
    }
    if (index < 0 || (uint64_t)index / 8 >= bits_length) {
        status = ct_err_set(err, CT_ERR_INPUT, "status list",
                            "index %lld is past the end of the list (%zu bits)", (long long)index,
                            bits_length * 8);
    } else {
        *set = (bits[index / 8] & (0x80u >> (index % 8))) != 0;
    }
    free(bits);
    return status;
}

json_t *status_list_credential(const char *list_url, const char *issuer_id, const char *valid_from,
                               const char *encoded)
{
    json_t *subject =
        json_pack("{s:s+, s:s, s:s, s:s}", "id", list_url, "#list", "type", "BitstringStatusList",
                  "statusPurpose", "revocation", "encodedList", encoded);
    return json_pack("{s:[s], s:s, s:[s,s], s:s, s:s, s:o}", "@context",
                     "https://www.w3.org/ns/credentials/v2", "id", list_url, "type",
                     "VerifiableCredential", "BitstringStatusListCredential", "issuer", issuer_id,
                     "validFrom", valid_from, "credentialSubject", subject);
}

const char *status_list_credential_list(const json_t *credential)
{
    const json_t *subject = json_object_get(credential, "credentialSubject");
    return json_string_value(json_object_get(subject, "encodedList"));
}
