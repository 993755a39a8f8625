/*
 * cli_harvest: harvesting from an LMS (docs/harvest.md):
 *   certtrack site add --db PATH --url SITE_URL [--time-zone TZ]
 *   certtrack site link --db PATH --url SITE_URL --account NAME --person ID|EMAIL
 *   certtrack catalog add --db PATH --title T --kind K --credits N --category C
 *       [--course-url URL [--lms-name NAME]...]... [--lms-verifies]
 *       [--starts DATE] [--ends DATE] [--sponsor S]
 *   certtrack import moodle-progress FILE --db PATH --site SITE_URL
 * Each refusal names what is wrong and changes nothing.
 */
#ifndef CERTTRACK_CLI_HARVEST_H
#define CERTTRACK_CLI_HARVEST_H

/* certtrack site: site add, site link: LMS sites to harvest from, and their accounts. argv[0] is
 * "site", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_site(int argc, char **argv);

/* certtrack catalog: catalog add: an event, with the LMS courses that prove it. argv[0] is
 * "catalog", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_catalog(int argc, char **argv);

/* certtrack import: import moodle-progress (a Moodle completion report) and import history. argv[0]
 * is "import", its options follow; returns the exit code (enum cli_exit, cli.h). */
int cli_import(int argc, char **argv);

#endif
