/*
 * program_dir: loading every program file of a directory into a program set.
 *
 * Each "*.json" file in the directory holds one program (docs/programs.md). Files are
 * read in name order; a file that does not decode, a repeated id, or a successor or
 * prerequisite that names no loaded program is refused with the file's name and the
 * field.
 */
#ifndef CERTTRACK_PROGRAM_DIR_H
#define CERTTRACK_PROGRAM_DIR_H

#include "../core/err.h"
#include "../core/program.h"

/* Loads the programs of directory into set (which must be empty). On failure the set
 * is left empty. */
enum ct_status program_dir_load(const char *directory, struct program_set *set,
                                struct ct_err *err) CT_MUST_CHECK;

/* Loads one program file into set. */
enum ct_status program_file_load(const char *path, struct program_set *set,
                                 struct ct_err *err) CT_MUST_CHECK;

/* Picks the program directory: explicit when not NULL; else the installed data
 * directory when it exists; else "programs" in the current directory. Returns a
 * borrowed string. */
const char *program_dir_default(const char *explicit_directory);

#endif
