#!/usr/bin/env python3
"""Writes the C table of the built-in text templates (templates/*.txt).

certtrack carries its templates in the binary, so that a server needs no file tree
beside it; a State Library rewords one by putting a file of the same name in the
templates directory (docs/operations.md), which wins over the built-in one.

Usage: embed-templates.py OUTPUT.c TEMPLATE.txt...
"""

import os
import sys


def c_string(text):
    out = []
    for line in text.splitlines(keepends=True):
        escaped = line.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        escaped = escaped.replace("\t", "\\t").replace("??", "?\\?")
        out.append(f'    "{escaped}"')
    return "\n".join(out) if out else '    ""'


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: embed-templates.py OUTPUT.c TEMPLATE.txt...\n")
        return 1
    entries = []
    for path in sorted(sys.argv[2:], key=os.path.basename):
        name = os.path.basename(path)
        if not name.endswith(".txt"):
            sys.stderr.write(f"embed-templates: {path} is not a .txt file\n")
            return 1
        with open(path, encoding="utf-8") as template:
            entries.append((name[:-4], template.read()))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("/* Written by scripts/embed-templates.py from templates/NAME.txt. */\n")
        out.write('#include "mail/mail_templates_data.h"\n\n')
        out.write("const struct mail_template_text mail_template_texts[] = {\n")
        for name, text in entries:
            out.write(f'    {{"{name}",\n{c_string(text)}}},\n')
        out.write("};\n\n")
        out.write(f"const size_t mail_template_text_count = {len(entries)};\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
