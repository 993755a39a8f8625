#include "cli_programs.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
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

int cli_programs(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"programs", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *directory = NULL;
    optind = 1;
    opterr = 0;
    int option;
    while ((option = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        if (option == 'p') {
            directory = optarg;
        } else if (option == 'h') {
            programs_usage(stdout);
            return CLI_EXIT_OK;
        } else {
            cli_complain("programs: unknown or incomplete option '%s'", argv[optind - 1]);
            return CLI_EXIT_BAD_INPUT;
        }
    }
    if (optind < argc) {
        cli_complain("programs: unexpected argument '%s'", argv[optind]);
        return CLI_EXIT_BAD_INPUT;
    }
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
