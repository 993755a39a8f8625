/*
 * cli_serve: certtrack serve --db PATH [--listen ADDRESS:PORT] [--programs DIR]
 */
#ifndef CERTTRACK_CLI_SERVE_H
#define CERTTRACK_CLI_SERVE_H

/* certtrack serve: serve the web application and the JSON API. argv[0] is "serve", its options
 * follow; returns the exit code (enum cli_exit, cli.h). */
int cli_serve(int argc, char **argv);

#endif
