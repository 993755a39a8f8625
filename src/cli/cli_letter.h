/*
 * cli_letter: certtrack letter new-director --db PATH --person ID --out FILE.pdf
 *
 * The State Library's letter to a newly hired director and their board, with the day
 * the director must be certified by (certificates/director_letter.h), as a PDF.
 */
#ifndef CERTTRACK_CLI_LETTER_H
#define CERTTRACK_CLI_LETTER_H

/* certtrack letter. argv[0] is "letter", its verb and options follow; returns the exit
 * code (enum cli_exit, cli.h). */
int cli_letter(int argc, char **argv);

#endif
