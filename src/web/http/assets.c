#include "assets.h"

#include <stdlib.h>
#include <string.h>

#include "../../core/banned.h"

static int compare_path(const void *key, const void *element)
{
    const struct asset *asset = element;
    return strcmp(key, asset->path);
}

const struct asset *asset_find(const char *path)
{
    if (asset_count == 0 || strncmp(path, "/assets/", 8) != 0) {
        return NULL;
    }
    return bsearch(path, assets, asset_count, sizeof assets[0], compare_path);
}
