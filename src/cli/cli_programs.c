#include "cli_programs.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"
#include "../core/credit.h"
#include "../io/program_dir.h"
#include "../core/banned.h"

static void programs_usage(FILE *out)
{
    fprintf(out, "Usage: certtrack programs [--programs DIR]\n"
                 "\n"
                 "Loads and checks every program file, then lists the programs: id, total\n"
                 "credits, window in years, successor and name.\n");
}

static void print_program(const struct program *program)
{
    char total[CREDIT_TEXT_SIZE];
    credit_format(program->total_halves, total);
    printf("%-24s %6s credits in %2d years  -> %-24s %s\n", program->id, total,
           program->window_years, program->successor, program->name);
}

struct programs_args {
    const char *directory; /* --programs */
};

static const struct cli_option programs_option_table[] = {
    {"programs", CLI_TEXT, offsetof(struct programs_args, directory), false, NULL},
};

int cli_programs(int argc, char **argv)
{
    static const struct cli_options options = {.options = programs_option_table,
                                               .count = sizeof programs_option_table /
                                                        sizeof programs_option_table[0],
                                               .usage = programs_usage,
                                               .quiet = true,
                                               .no_operands = true};
    struct programs_args args = {NULL};
    int first_operand = 0;
    int exit_code = cli_parse(&options, argc, argv, &args, &first_operand);
    if (exit_code >= 0) {
        return exit_code;
    }
    const char *directory = args.directory;
    struct ct_err err = {0};
    struct program_set programs;
    program_set_init(&programs);
    enum ct_status status = program_dir_load(program_dir_default(directory), &programs, &err);
    if (status != CT_OK) {
        return cli_report(&err);
    }
    for (size_t i = 0; i < programs.count; i++) {
        print_program(programs.programs[i]);
    }
    program_set_release(&programs);
    return CLI_EXIT_OK;
}
