/*
 * cli_mail: certtrack mail list and certtrack mail send: the outbox, shown and flushed.
 */
#ifndef CERTTRACK_CLI_MAIL_H
#define CERTTRACK_CLI_MAIL_H

/* mail list --db PATH [--all]: the waiting messages (with --all, the sent ones too),
 * their attempts and errors. mail send --db PATH: sends every waiting message now,
 * due or not; exit status 0 when all went, 1 when any failed or no relay is configured. */
int cli_mail(int argc, char **argv);

#endif
