#include "time_zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_read.h"
#include "../core/banned.h"

enum { TZIF_FILE_LIMIT = 1 << 20 };

bool time_zone_name_is_valid(const char *name)
{
    size_t length = strlen(name);
    if (length == 0 || length >= TIME_ZONE_NAME_SIZE || name[0] == '/' || name[length - 1] == '/') {
        return false;
    }
    bool part_start = true;
    for (const char *c = name; *c != '\0'; c++) {
        bool allowed = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
                       (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' || *c == '+' || *c == '/';
        if (!allowed || (part_start && (*c == '.' || *c == '/'))) {
            return false;
        }
        part_start = *c == '/';
    }
    return true;
}

static bool is_utc(const char *name)
{
    return strcmp(name, "UTC") == 0 || strcmp(name, "Etc/UTC") == 0;
}

enum ct_status time_zone_load(const char *name, struct tzif_zone **zone, struct ct_err *err)
{
    *zone = NULL;
    if (!time_zone_name_is_valid(name)) {
        return ct_err_set(err, CT_ERR_INPUT, "time_zone",
                          "not a time zone name like America/Denver: \"%.64s\"", name);
    }
    if (is_utc(name)) {
        return tzif_from_rule("UTC0", zone, err);
    }
    const char *directory = getenv("TZDIR");
    if (directory == NULL || directory[0] == '\0') {
        directory = "/usr/share/zoneinfo";
    }
    char path[512];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    char *data = NULL;
    size_t length = 0;
    struct ct_err read_err = {0};
    if (file_read_all(path, TZIF_FILE_LIMIT, &data, &length, &read_err) != CT_OK) {
        return ct_err_set(err, CT_ERR_INPUT, "time_zone",
                          "no time zone \"%.64s\" in %.200s (is tzdata installed?)", name,
                          directory);
    }
    enum ct_status status = tzif_parse((const unsigned char *)data, length, zone, err);
    free(data);
    if (status == CT_ERR_INPUT) {
        return ct_err_set(err, CT_ERR_INPUT, "time_zone", "\"%.64s\" is not a time zone file",
                          name);
    }
    return status;
}

enum ct_status time_zone_civil_date(const char *name, int64_t unix_seconds, struct civil_date *date,
                                    struct ct_err *err)
{
    struct tzif_zone *zone = NULL;
    enum ct_status status = time_zone_load(name, &zone, err);
    if (status == CT_OK) {
        *date = tzif_civil_date(zone, unix_seconds);
    }
    tzif_free(zone);
    return status;
}
