/*
 * people_find: finding a person (GET /people?q=, the search box's results), adding one
 * (GET and POST /people/new), and merging two records of one person with a
 * confirmation step (GET and POST /people/{id}/merge?into=).
 */
#ifndef CERTTRACK_PEOPLE_FIND_H
#define CERTTRACK_PEOPLE_FIND_H

#include "../http/request.h"

enum ct_status page_people_search(struct web_request *request, struct web_response *response,
                                  int64_t id) CT_MUST_CHECK;

enum ct_status page_person_new(struct web_request *request, struct web_response *response,
                               int64_t id) CT_MUST_CHECK;

enum ct_status page_person_new_submit(struct web_request *request, struct web_response *response,
                                      int64_t id) CT_MUST_CHECK;

enum ct_status page_person_merge(struct web_request *request, struct web_response *response,
                                 int64_t person_id) CT_MUST_CHECK;

enum ct_status page_person_merge_submit(struct web_request *request, struct web_response *response,
                                        int64_t person_id) CT_MUST_CHECK;

#endif
