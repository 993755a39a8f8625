#include "store_notices.h"

#include "../core/banned.h"

enum ct_status store_notice_opted_out(struct store *store, int64_t person_id, const char *kind,
                                      bool *opted_out, struct ct_err *err)
{
    int64_t found = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT count(*) FROM notice_opt_outs"
                                       " WHERE person_id = ? AND kind = ?",
                                       &found, err, DB_INT(person_id), DB_TEXT(kind));
    *opted_out = status == CT_OK && found > 0;
    return status;
}
