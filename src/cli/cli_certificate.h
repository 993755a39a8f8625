/*
 * cli_certificate: an awarded certificate's documents, and revoking it:
 *   certtrack certificate pdf|transcript|credential --db PATH --number N --out FILE
 *   certtrack certificate jwks|status-list --db PATH --out FILE
 *   certtrack revoke --db PATH --number N --reason TEXT
 */
#ifndef CERTTRACK_CLI_CERTIFICATE_H
#define CERTTRACK_CLI_CERTIFICATE_H

/* certtrack certificate: an awarded certificate's PDF and signed credential. argv[0] is
 * "certificate", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_certificate(int argc, char **argv);

/* certtrack revoke: revoke a certificate, with the reason. argv[0] is "revoke", its options
 * follow; returns the exit code (enum cli_exit, cli.h). */
int cli_revoke(int argc, char **argv);

#endif
