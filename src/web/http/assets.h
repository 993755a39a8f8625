/*
 * assets: the files served under /assets/ (style sheets, scripts, fonts, images), built
 * into the binary by scripts/embed-assets.py from the U.S. Web Design System's npm
 * package and src/web/static/. Only the paths in this table can be served.
 */
#ifndef CERTTRACK_ASSETS_H
#define CERTTRACK_ASSETS_H

#include <stddef.h>

struct asset {
    const char *path; /* "/assets/...", the table is sorted by it */
    const char *content_type;
    const unsigned char *data;
    size_t size;
};

extern const struct asset assets[];
extern const size_t asset_count;

/* The asset served at path (the request path, without a query), or NULL. */
const struct asset *asset_find(const char *path);

#endif
