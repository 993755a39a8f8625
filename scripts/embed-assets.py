#!/usr/bin/env python3
"""Writes the C table of the files the web server serves under /assets/.

certtrack serves its style sheets, scripts, fonts and images from the binary itself, so
a server needs no file tree beside it and can never be asked for a file outside this
table. The files are:

  - the U.S. Web Design System from its npm package (node_modules/@uswds/uswds/dist,
    installed by scripts/install-node-deps): the style sheet, the script, every font
    and image the style sheet refers to, and the images the banner uses;
  - certtrack's own files from src/web/static/, as named by src/meson.build.

Usage: embed-assets.py OUTPUT.c USWDS_DIST_DIR STATIC_FILE...
The depfile (OUTPUT.c.d) names every file read, so Ninja rebuilds when one changes.
"""

import os
import re
import sys

USWDS_FILES = [
    "css/uswds.min.css",
    "js/uswds.min.js",
    "js/uswds-init.min.js",
    "img/us_flag_small.png",
    "img/icon-dot-gov.svg",
    "img/icon-https.svg",
    "img/lock.svg",
    "img/usa-icons-bg/search--white.svg",  # the search button at phone width
]

# Referred to by the style sheet for components certtrack does not use.
USWDS_SKIPPED = {"img/hero.jpg"}

CONTENT_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
}


def fail(message):
    sys.stderr.write(f"embed-assets: {message}\n")
    sys.exit(1)


def style_sheet_references(dist, css_path):
    """The files under dist that url(...) in the style sheet names."""
    with open(os.path.join(dist, css_path), encoding="utf-8") as css:
        text = css.read()
    found = set()
    for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
        target = match.group(1)
        if target.startswith(("data:", "http:", "https:", "#", "/")):
            continue
        path = os.path.normpath(os.path.join(os.path.dirname(css_path), target.split("?")[0]))
        if path.startswith(".."):
            fail(f"{css_path} refers outside the package: {target}")
        if path not in USWDS_SKIPPED:
            found.add(path)
    return found


def c_bytes(data):
    lines = []
    for start in range(0, len(data), 24):
        lines.append("    " + ",".join(str(b) for b in data[start:start + 24]) + ",")
    return "\n".join(lines) if lines else "    0,"


def main():
    if len(sys.argv) < 3:
        fail("usage: embed-assets.py OUTPUT.c USWDS_DIST_DIR STATIC_FILE...")
    output, dist, static_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not os.path.isfile(os.path.join(dist, USWDS_FILES[0])):
        fail(f"{dist} has no {USWDS_FILES[0]}: run scripts/install-node-deps first")

    assets = []  # (URL path, file on disk)
    uswds = set(USWDS_FILES) | style_sheet_references(dist, USWDS_FILES[0])
    for path in sorted(uswds):
        assets.append(("/assets/uswds/" + path, os.path.join(dist, path)))
    for path in static_files:
        assets.append(("/assets/" + os.path.basename(path), path))
    assets.sort()

    parts = [
        "/* Written by scripts/embed-assets.py at build time: do not edit. */\n",
        '#include "web/http/assets.h"\n\n',
    ]
    for index, (url, path) in enumerate(assets):
        extension = os.path.splitext(path)[1]
        if extension not in CONTENT_TYPES:
            fail(f"{path}: no content type for {extension!r}")
        if not os.path.isfile(path):
            fail(f"{path} is missing (named by the style sheet)")
        with open(path, "rb") as source:
            data = source.read()
        parts.append(f"static const unsigned char asset_{index}[] = {{\n{c_bytes(data)}\n}};\n")
    parts.append("\nconst struct asset assets[] = {\n")
    for index, (url, path) in enumerate(assets):
        content_type = CONTENT_TYPES[os.path.splitext(path)[1]]
        size = os.path.getsize(path)
        parts.append(f'    {{"{url}", "{content_type}", asset_{index}, {size}}},\n')
    parts.append("};\n\nconst size_t asset_count = sizeof assets / sizeof assets[0];\n")

    with open(output, "w", encoding="utf-8") as out:
        out.write("".join(parts))
    with open(output + ".d", "w", encoding="utf-8") as depfile:
        depfile.write(output + ": " + " ".join(p.replace(" ", "\\ ") for _, p in assets) + "\n")


if __name__ == "__main__":
    main()
