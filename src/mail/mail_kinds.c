#include "mail_kinds.h"

#include <string.h>

#include "../core/banned.h"

static const struct mail_kind kinds[] = {
    {"notice-plan-to-sign", "A plan waits for your signature", "supervisors", MAIL_KIND_NOTICE},
    {"notice-claims-to-verify", "A claim waits for your verification", "supervisors",
     MAIL_KIND_NOTICE},
    {"notice-plan-signed", "Your plan is signed", "learners", MAIL_KIND_NOTICE},
    {"notice-plan-returned", "Your plan is returned, with the comment", "learners",
     MAIL_KIND_NOTICE},
    {"notice-claims-rejected", "A claim of yours is rejected, with the reason", "learners",
     MAIL_KIND_NOTICE},
    {"notice-report-accepted", "Your final report is accepted", "learners", MAIL_KIND_NOTICE},
    {"notice-report-returned", "Your final report is returned, with the comment", "learners",
     MAIL_KIND_NOTICE},
    {"notice-track-returned", "Your track is returned, with the comment", "learners",
     MAIL_KIND_NOTICE},
    {"notice-certificate-awarded", "You are awarded a certificate", "learners", MAIL_KIND_NOTICE},
    {"notice-activity-corrected", "An activity of yours is corrected, with the reason", "learners",
     MAIL_KIND_NOTICE},
    {"notice-certificate-reissued",
     "Your certificate's documents are issued again, with the reason", "learners",
     MAIL_KIND_NOTICE},
    {"notice-track-submitted", "A track is sent for the award", "the CE coordinator",
     MAIL_KIND_NOTICE},
    {"notice-report-submitted", "A final report is submitted", "the CE coordinator",
     MAIL_KIND_NOTICE},
    {"reminder-expiry", "Counted credits will expire soon", "learners", MAIL_KIND_REMINDER},
    {"reminder-deadline", "A track's deadline comes near", "learners", MAIL_KIND_REMINDER},
    {"reminder-director-deadline", "A director's certification deadline comes near",
     "directors and board chairs", MAIL_KIND_REMINDER},
    {"reminder-claims-waiting", "Claims have waited long for verification",
     "supervisors and the CE coordinator", MAIL_KIND_REMINDER},
    {"account", "Invitations, password-reset links and e-mail address changes", "everyone",
     MAIL_KIND_ACCOUNT},
};

const struct mail_kind *mail_kinds(size_t *count)
{
    *count = sizeof kinds / sizeof kinds[0];
    return kinds;
}

const struct mail_kind *mail_kind_find(const char *name)
{
    for (size_t i = 0; name != NULL && i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(kinds[i].name, name) == 0) {
            return &kinds[i];
        }
    }
    return NULL;
}

bool mail_kind_may_turn_off(const char *name)
{
    const struct mail_kind *kind = mail_kind_find(name);
    return kind != NULL && kind->group != MAIL_KIND_ACCOUNT;
}
