#include "program_dir.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file_read.h"
#include "../core/banned.h"

#ifndef CERTTRACK_PROGRAMS_DIR
#define CERTTRACK_PROGRAMS_DIR "/usr/local/share/certtrack/programs"
#endif

enum { PROGRAM_FILE_LIMIT = 1024 * 1024, PROGRAM_DIR_MAX_FILES = 1000 };

enum ct_status program_file_load(const char *path, struct program_set *set, struct ct_err *err)
{
    char *text = NULL;
    size_t length = 0;
    enum ct_status status = file_read_all(path, PROGRAM_FILE_LIMIT, &text, &length, err);
    if (status != CT_OK) {
        return status;
    }
    struct program *program = NULL;
    status = program_parse(text, length, &program, err);
    free(text);
    if (status == CT_OK) {
        status = program_set_add(set, program, err);
    }
    if (status != CT_OK) {
        ct_err_prefix_where(err, path);
    }
    return status;
}

static bool has_json_suffix(const char *name)
{
    size_t length = strlen(name);
    return length > 5 && name[0] != '.' && strcmp(name + length - 5, ".json") == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the program file names of directory, sorted; the caller frees each and the
 * array. */
static enum ct_status list_program_files(const char *directory, char ***names, size_t *count,
                                         struct ct_err *err)
{
    *names = NULL;
    *count = 0;
    DIR *dir = opendir(directory);
    if (dir == NULL) {
        return ct_err_set(err, CT_ERR_IO, directory, "cannot open the program directory");
    }
    char **list = calloc(PROGRAM_DIR_MAX_FILES, sizeof *list);
    size_t listed = 0;
    enum ct_status status = list != NULL ? CT_OK : ct_err_nomem(err);
    struct dirent *entry;
    while (status == CT_OK && (entry = readdir(dir)) != NULL) {
        if (!has_json_suffix(entry->d_name)) {
            continue;
        }
        if (listed == PROGRAM_DIR_MAX_FILES) {
            status = ct_err_set(err, CT_ERR_TOO_LARGE, directory, "more than %d program files",
                                PROGRAM_DIR_MAX_FILES);
            break;
        }
        list[listed] = strdup(entry->d_name);
        status = list[listed] != NULL ? CT_OK : ct_err_nomem(err);
        listed += list[listed] != NULL;
    }
    closedir(dir);
    if (status != CT_OK) {
        for (size_t i = 0; i < listed; i++) {
            free(list[i]);
        }
        free(list);
        return status;
    }
    qsort(list, listed, sizeof *list, compare_names);
    *names = list;
    *count = listed;
    return CT_OK;
}

enum ct_status program_dir_load(const char *directory, struct program_set *set, struct ct_err *err)
{
    char **names;
    size_t count;
    enum ct_status status = list_program_files(directory, &names, &count, err);
    if (status != CT_OK) {
        return status;
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", directory, names[i]);
        status = program_file_load(path, set, err);
    }
    /* Every file added one program, in name order. */
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = program_check_links(set, set->programs[i], err);
        if (status != CT_OK) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", directory, names[i]);
            ct_err_prefix_where(err, path);
        }
    }
    for (size_t i = 0; i < count; i++) {
        free(names[i]);
    }
    free(names);
    if (status == CT_OK && set->count == 0) {
        status = ct_err_set(err, CT_ERR_INPUT, directory, "no program files (*.json) found");
    }
    if (status != CT_OK) {
        program_set_release(set);
    }
    return status;
}

static bool is_directory(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

const char *program_dir_default(const char *explicit_directory)
{
    if (explicit_directory != NULL) {
        return explicit_directory;
    }
    if (is_directory(CERTTRACK_PROGRAMS_DIR)) {
        return CERTTRACK_PROGRAMS_DIR;
    }
    return "programs";
}
