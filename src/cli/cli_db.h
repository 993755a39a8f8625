/*
 * cli_db: the database's own commands:
 *   certtrack init --db PATH [--public-url URL]
 *   certtrack config set|get NAME [VALUE] --db PATH
 *   certtrack audit verify --db PATH
 *   certtrack backup --db PATH --to FILE
 */
#ifndef CERTTRACK_CLI_DB_H
#define CERTTRACK_CLI_DB_H

/* certtrack init: create a database, or upgrade one to this version. argv[0] is "init", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_init(int argc, char **argv);

/* certtrack config: config set, config get: the public URL and the issuer's name. argv[0] is
 * "config", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_config(int argc, char **argv);

/* certtrack audit: audit verify: check the audit trail's hash chain. argv[0] is "audit", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_audit(int argc, char **argv);

/* certtrack backup: write an online, consistent copy of the database. argv[0] is "backup", its
 * options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_backup(int argc, char **argv);

#endif
