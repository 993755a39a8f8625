#include "signing_key.h"

#include <errno.h>
#include <fcntl.h>
#include <jose/jose.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/banned.h"

/* The largest key file read: a 2048- or 4096-bit RSA private JWK is a few KiB. */
#define KEY_FILE_LIMIT (64 * 1024)

enum ct_status signing_key_path(const char *db_path, char *out, size_t size, struct ct_err *err)
{
    int length = snprintf(out, size, "%s%s", db_path, SIGNING_KEY_SUFFIX);
    if (length < 0 || (size_t)length >= size) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, db_path, "the path is too long for a key file");
    }
    return CT_OK;
}

/* Sets "kid" in key to its RFC 7638 SHA-256 thumbprint. */
static enum ct_status set_key_id(json_t *key, const char *path, struct ct_err *err)
{
    json_t *thumbprint = jose_jwk_thp(NULL, key, "S256");
    if (thumbprint == NULL || json_object_set_new(key, "kid", thumbprint) != 0) {
        return ct_err_set(err, CT_ERR_INPUT, path, "cannot take the key's thumbprint");
    }
    return CT_OK;
}

/* Whether key is an RSA private JWK (it has the private exponent). */
static bool is_rsa_private(const json_t *key)
{
    const char *type = json_string_value(json_object_get(key, "kty"));
    return type != NULL && strcmp(type, "RSA") == 0 && json_is_string(json_object_get(key, "n")) &&
           json_is_string(json_object_get(key, "e")) && json_is_string(json_object_get(key, "d"));
}

static enum ct_status read_key(const char *path, int fd, json_t **key, struct ct_err *err)
{
    struct stat info;
    if (fstat(fd, &info) != 0) {
        return ct_err_set(err, CT_ERR_IO, path, "cannot read the signing key: %s", strerror(errno));
    }
    if (!S_ISREG(info.st_mode)) {
        return ct_err_set(err, CT_ERR_INPUT, path, "the signing key is not a regular file");
    }
    if ((info.st_mode & 077) != 0) {
        return ct_err_set(err, CT_ERR_INPUT, path,
                          "the signing key can be read or written by others (mode %03o);"
                          " make it the owner's alone: chmod 600 %s",
                          (unsigned)(info.st_mode & 0777), path);
    }
    if (info.st_size > KEY_FILE_LIMIT) {
        return ct_err_set(err, CT_ERR_INPUT, path, "the signing key file is too large");
    }
    json_error_t parse_error;
    json_t *loaded = json_loadfd(fd, JSON_REJECT_DUPLICATES, &parse_error);
    if (loaded == NULL || !is_rsa_private(loaded)) {
        json_decref(loaded);
        return ct_err_set(err, CT_ERR_INPUT, path,
                          "the signing key is not an RSA private key in JWK form");
    }
    if (json_object_set_new(loaded, "alg", json_string("RS256")) != 0) {
        json_decref(loaded);
        return ct_err_nomem(err);
    }
    enum ct_status status = set_key_id(loaded, path, err);
    if (status != CT_OK) {
        json_decref(loaded);
        return status;
    }
    *key = loaded;
    return CT_OK;
}

/* Opens and reads the key at path; *missing when there is no file. */
static enum ct_status load_key(const char *path, json_t **key, bool *missing, struct ct_err *err)
{
    *missing = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) {
            *missing = true;
            return CT_OK;
        }
        return ct_err_set(err, CT_ERR_IO, path, "cannot open the signing key: %s", strerror(errno));
    }
    enum ct_status status = read_key(path, fd, key, err);
    close(fd);
    return status;
}

/* Writes text to a new file made from template (mode 0600), synced. */
static enum ct_status write_private(char *template, const char *text, struct ct_err *err)
{
    int fd = mkstemp(template);
    if (fd < 0) {
        return ct_err_set(err, CT_ERR_IO, template, "cannot make the signing key file: %s",
                          strerror(errno));
    }
    size_t length = strlen(text);
    size_t written = 0;
    while (written < length) {
        ssize_t count = write(fd, text + written, length - written);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            break;
        }
        written += (size_t)count;
    }
    bool synced = written == length && fsync(fd) == 0;
    int saved_errno = errno;
    if (close(fd) != 0 || !synced) {
        unlink(template);
        return ct_err_set(err, CT_ERR_IO, template, "cannot write the signing key: %s",
                          strerror(saved_errno));
    }
    return CT_OK;
}

/* Writes text (a private key, wiped by the caller) to a new file at path, mode 0600,
 * written whole to a temporary file first and then linked into place; *exists (and
 * nothing written) when path is already there. */
static enum ct_status place_private(const char *path, const char *text, bool *exists,
                                    struct ct_err *err)
{
    *exists = false;
    char template[4096];
    int length = snprintf(template, sizeof template, "%s.XXXXXX", path);
    if (length < 0 || (size_t)length >= sizeof template) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, path, "the path is too long for a key file");
    }
    enum ct_status status = write_private(template, text, err);
    if (status != CT_OK) {
        return status;
    }
    if (link(template, path) != 0) {
        int saved_errno = errno;
        unlink(template);
        if (saved_errno == EEXIST) {
            *exists = true;
            return CT_OK;
        }
        return ct_err_set(err, CT_ERR_IO, path, "cannot put the signing key in place: %s",
                          strerror(saved_errno));
    }
    unlink(template);
    return CT_OK;
}

/* Makes a key and links it into place at path; *raced when another process was first. */
static enum ct_status create_key(const char *path, bool *raced, struct ct_err *err)
{
    *raced = false;
    json_t *key = json_pack("{s:s}", "alg", "RS256");
    if (key == NULL) {
        return ct_err_nomem(err);
    }
    if (!jose_jwk_gen(NULL, key)) {
        json_decref(key);
        return ct_err_set(err, CT_ERR_IO, path, "cannot make an RSA key");
    }
    char *text = json_dumps(key, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(key);
    if (text == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = place_private(path, text, raced, err);
    explicit_bzero(text, strlen(text));
    free(text);
    return status;
}

enum ct_status signing_key_load_or_create(const char *path, json_t **key, bool *created,
                                          struct ct_err *err)
{
    *key = NULL;
    if (created != NULL) {
        *created = false;
    }
    bool missing = false;
    enum ct_status status = load_key(path, key, &missing, err);
    if (status != CT_OK || !missing) {
        return status;
    }
    bool raced = false;
    status = create_key(path, &raced, err);
    if (status == CT_OK) {
        status = load_key(path, key, &missing, err);
    }
    if (status == CT_OK && missing) {
        status = ct_err_set(err, CT_ERR_IO, path, "the signing key vanished as it was made");
    }
    if (status == CT_OK && created != NULL) {
        *created = !raced;
    }
    return status;
}

enum ct_status signing_key_copy(const char *from, const char *to, bool *copied, struct ct_err *err)
{
    *copied = false;
    json_t *key = NULL;
    bool missing = false;
    enum ct_status status = load_key(from, &key, &missing, err);
    if (status != CT_OK || missing) {
        return status;
    }
    /* As stored: without the kid and alg that loading adds (the thumbprint is taken again
     * when the copy is loaded). */
    json_object_del(key, "kid");
    char *text = json_dumps(key, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(key);
    if (text == NULL) {
        return ct_err_nomem(err);
    }
    bool exists = false;
    status = place_private(to, text, &exists, err);
    explicit_bzero(text, strlen(text));
    free(text);
    if (status == CT_OK && exists) {
        status = ct_err_set(err, CT_ERR_INPUT, to, "a file is already there; nothing was copied");
    }
    *copied = status == CT_OK;
    return status;
}

json_t *signing_key_public(const json_t *key, const char *key_id)
{
    json_t *kid = key_id != NULL ? json_string(key_id) : json_incref(json_object_get(key, "kid"));
    return json_pack("{s:s, s:O, s:O, s:s, s:s, s:o}", "kty", "RSA", "n", json_object_get(key, "n"),
                     "e", json_object_get(key, "e"), "alg", "RS256", "use", "sig", "kid", kid);
}

json_t *signing_key_public_set(const json_t *key, const char *key_id)
{
    json_t *public_key = signing_key_public(key, key_id);
    if (public_key == NULL) {
        return NULL;
    }
    return json_pack("{s:[o]}", "keys", public_key);
}
