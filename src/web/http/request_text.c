#include "request_text.h"

#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "../../core/banned.h"

bool request_text_is_text(const char *text, size_t length)
{
    return memchr(text, '\0', length) == NULL && u8_check((const uint8_t *)text, length) == NULL;
}

static bool is_text(const char *text)
{
    return text == NULL || u8_check((const uint8_t *)text, strlen(text)) == NULL;
}

static bool refuse(struct request_text_problem *problem, const char *kind, const char *name,
                   const char *what)
{
    problem->kind = kind;
    snprintf(problem->name, sizeof problem->name, "%.64s", name != NULL ? name : "");
    problem->what = what;
    return false;
}

static bool form_is_text(const struct web_form *form, struct request_text_problem *problem)
{
    if (form->has_nul && form->nul_index < form->count) {
        return refuse(problem, "field", form->names[form->nul_index], "holds a NUL byte");
    }
    for (size_t i = 0; i < form->count; i++) {
        if (!is_text(form->names[i])) {
            return refuse(problem, "field name", "", "is not UTF-8 text");
        }
        if (!is_text(form->values[i])) {
            return refuse(problem, "field", form->names[i], "is not UTF-8 text");
        }
    }
    return true;
}

static bool query_is_text(const struct web_request *request, struct request_text_problem *problem)
{
    struct web_query_argument arguments[64];
    size_t count = web_query_arguments(request, arguments, 64);
    for (size_t i = 0; i < count && i < 64; i++) {
        if (!is_text(arguments[i].name)) {
            return refuse(problem, "query argument name", "", "is not UTF-8 text (or holds a NUL)");
        }
        if (!is_text(arguments[i].value)) {
            return refuse(problem, "query argument", arguments[i].name,
                          "is not UTF-8 text (or holds a NUL byte)");
        }
    }
    return true;
}

/* The headers and cookies certtrack reads. */
static bool headers_are_text(const struct web_request *request,
                             struct request_text_problem *problem)
{
    static const char *const headers[] = {
        "Accept",          "Content-Type",  "Host",
        "X-Forwarded-For", "Authorization", "X-Experience-API-Version",
    };
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        if (!is_text(web_header_value(request, headers[i]))) {
            return refuse(problem, "header", headers[i], "is not UTF-8 text");
        }
    }
    if (!is_text(request->session_cookie) || !is_text(request->login_csrf_cookie)) {
        return refuse(problem, "cookie",
                      !is_text(request->session_cookie) ? "certtrack_session" : "certtrack_login",
                      "is not UTF-8 text");
    }
    return true;
}

bool request_text_check(const struct web_request *request, struct request_text_problem *problem)
{
    memset(problem, 0, sizeof *problem);
    if (!is_text(request->path)) {
        return refuse(problem, "address", "", "is not UTF-8 text (or holds a NUL byte)");
    }
    if (request->upload.name_not_text) {
        return refuse(problem, "file name", "", "is not UTF-8 text (or holds a NUL byte)");
    }
    return form_is_text(&request->form, problem) && query_is_text(request, problem) &&
           headers_are_text(request, problem);
}

size_t request_text_unescape(char *text)
{
    for (char *c = strstr(text, "%00"); c != NULL; c = strstr(c + 3, "%00")) {
        c[1] = 'F';
        c[2] = 'F';
    }
    return MHD_http_unescape(text);
}
