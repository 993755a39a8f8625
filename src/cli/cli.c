#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

#include "../core/banned.h"

int cli_exit_for(enum ct_status status)
{
    switch (status) {
    case CT_OK:
        return CLI_EXIT_OK;
    case CT_ERR_INPUT:
    case CT_ERR_TOO_LARGE:
        return CLI_EXIT_BAD_INPUT;
    default:
        return CLI_EXIT_FAILURE;
    }
}

int cli_report(const struct ct_err *err)
{
    char line[1024];
    ct_err_format(err, line, sizeof line);
    fprintf(stderr, "certtrack: %s\n", line);
    return cli_exit_for(err->status);
}

void cli_complain(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("certtrack: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}
