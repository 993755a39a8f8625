#!/usr/bin/env python3
"""The web and command-line layers' rules, as TAP (docs/architecture.md):

1. no SQL text in src/web or src/cli (SQL is written in src/store only), and neither
   calls the SQL driver (db.h) itself;
2. no function in src/web longer than 60 lines;
3. the CSRF field is written only by html_csrf (src/web/html/form.c);
4. no `if (status == CT_OK)` chain in src/web (a function testing it twice or more):
   pages write through the HTML writer, which remembers its first failure (html.h).

Usage: check-layers.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
SQL = re.compile(r'"[^"\n]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|'
                 r'CREATE (TABLE|INDEX)|PRAGMA|SAVEPOINT|ROLLBACK|BEGIN|COMMIT)\b')
DRIVER = re.compile(r'\bdb_(prepare|exec|step|bind_\w+|column_\w+|begin|commit|rollback)\s*\(|'
                    r'\bstore_(exec|query_text)\s*\(|\bSTORE_EXEC\s*\(')
CSRF = re.compile(r'name=\\"csrf_token\\"')
CHAIN = re.compile(r'if \(status == CT_OK\)')
LONGEST = 60


def sources(folder, suffixes=('.c',)):
    found = []
    for directory, _, names in os.walk(os.path.join(root, folder)):
        found += [os.path.join(directory, n) for n in names if n.endswith(suffixes)]
    return sorted(found)


def relative(path):
    return os.path.relpath(path, root)


def functions(path):
    """(length, name, first line, body) of each function defined at the top level."""
    lines = open(path, encoding='utf-8').read().split('\n')
    found, start = [], None
    for number, line in enumerate(lines):
        if start is None and line == '{' and number > 0:
            head = number - 1
            while head > 0 and not re.match(r'^[A-Za-z_].*\(', lines[head]):
                head -= 1
            match = re.search(r'([A-Za-z_]\w*)\s*\(', lines[head])
            start, name = head, match.group(1) if match else '?'
        elif start is not None and line == '}':
            found.append((number - start + 1, name, start + 1, '\n'.join(lines[start:number])))
            start = None
    return found


def check(number, description, problems):
    if problems:
        print(f'not ok {number} - {description}')
        for problem in problems:
            print(f'# {problem}')
    else:
        print(f'ok {number} - {description}')


print('1..4')
sql = []
for path in sources('src/web', ('.c', '.h')) + sources('src/cli', ('.c', '.h')):
    for number, line in enumerate(open(path, encoding='utf-8'), 1):
        if SQL.search(line) or DRIVER.search(line):
            sql.append(f'{relative(path)}:{number}: {line.strip()[:90]}')
check(1, 'no SQL in src/web or src/cli', sql)

long = []
for path in sources('src/web'):
    for length, name, line, _ in functions(path):
        if length > LONGEST:
            long.append(f'{relative(path)}:{line}: {name} is {length} lines')
check(2, f'no function in src/web is longer than {LONGEST} lines', long)

csrf = []
for path in sources('src/web', ('.c', '.h')):
    if relative(path) == os.path.join('src', 'web', 'html', 'form.c'):
        continue
    for number, line in enumerate(open(path, encoding='utf-8'), 1):
        if CSRF.search(line):
            csrf.append(f'{relative(path)}:{number}: write it with html_csrf')
check(3, 'the CSRF field is written by html_csrf only', csrf)

chains = []
for path in sources('src/web'):
    for _, name, line, body in functions(path):
        count = len(CHAIN.findall(body))
        if count >= 2:
            chains.append(f'{relative(path)}:{line}: {name} tests status {count} times')
check(4, 'no if (status == CT_OK) chain in src/web', chains)
