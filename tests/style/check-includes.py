#!/usr/bin/env python3
"""How src/ includes itself, as TAP (docs/architecture.md):

1. no include cycle between modules. A module is foo.c with foo.h (either may be
   missing); module A depends on module B when A's .c or .h includes B's .h. A cycle
   means two modules each need the other: what they share belongs in a module below
   both, not behind a forward declaration;
2. each layer includes only the layers below it, as the table LAYERS says: src/core
   nothing of io, store, harvest, certificates, demo, actions, web or cli; src/store
   nothing of harvest, certificates, demo, actions, web or cli; src/actions nothing of
   web or cli; src/web nothing of cli; src/cli nothing of web but what
   LAYER_EXCEPTIONS names;
3. every .c file in src/ has a header of the same name beside it (its public face),
   except the files named in WITHOUT_HEADER.

Only quoted includes count ("..."); each is read relative to the including file, then
to src/ (the include directory the build gives).

Usage: check-includes.py SOURCE_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
SRC = os.path.join(root, 'src')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')

# What each layer may include besides itself (docs/architecture.md, "may include").
LAYERS = {
    'core': set(),
    'io': {'core'},
    'store': {'core', 'io'},
    'harvest': {'core', 'io', 'store'},
    'certificates': {'core', 'io', 'store'},
    'demo': {'core', 'io', 'store'},
    'oidc': {'core', 'io', 'store', 'certificates'},
    'mail': {'core', 'io', 'store'},
    'actions': {'core', 'io', 'store', 'harvest', 'certificates', 'demo', 'mail'},
    'web': {'core', 'io', 'store', 'harvest', 'certificates', 'demo', 'oidc', 'mail', 'actions'},
    'cli': {'core', 'io', 'store', 'harvest', 'certificates', 'demo', 'mail', 'actions'},
}
# Includes across layers the table does not allow, each with its reason.
LAYER_EXCEPTIONS = {
    ('src/cli/cli_serve.c', 'src/web/server.h'): 'the command line starts the server',
}
# .c files in src/ without a header of their own, each with its reason.
WITHOUT_HEADER = {
    'src/cli/main.c': "the program's entry point: nothing calls it",
}
# Fuzz targets (LLVMFuzzerTestOneInput) and generated files (written into the build
# directory, never into src/) need no header either.
FUZZ_TARGET = re.compile(r'-fuzzer\.c$')


def relative(path):
    return os.path.relpath(path, root).replace(os.sep, '/')


def sources():
    found = []
    for directory, _, names in os.walk(SRC):
        found += [os.path.join(directory, n) for n in names if n.endswith(('.c', '.h'))]
    return sorted(found)


def module(path):
    """src/store/store_xapi.c and .h -> src/store/store_xapi."""
    return relative(path)[:-2]


def layer(path):
    parts = relative(path).split('/')
    return parts[1] if len(parts) > 2 else None


def includes(path):
    """(line number, included file) of each quoted include that names a file in src/."""
    found = []
    for number, line in enumerate(open(path, encoding='utf-8'), 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        for base in (os.path.dirname(path), SRC):
            target = os.path.normpath(os.path.join(base, match.group(1)))
            if os.path.isfile(target):
                found.append((number, target))
                break
    return found


def strongly_connected(graph):
    """Tarjan's algorithm: the strongly connected components of graph, in order."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(start):
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            advanced = False
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def cycle_through(graph, component):
    """One cycle inside a strongly connected component, as a list of modules: the
    shortest way from its first module back to itself."""
    members = set(component)
    start = component[0]
    came_from = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph.get(node, ())):
            if target == start:
                path = [node]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return list(reversed(path)) + [start]
            if target in members and target not in came_from:
                came_from[target] = node
                queue.append(target)
    return component


failed = False


def check(number, description, problems):
    global failed
    if problems:
        failed = True
        print(f'not ok {number} - {description}')
        for problem in problems:
            print(f'# {problem}')
    else:
        print(f'ok {number} - {description}')


files = sources()
graph, where = {}, {}
for path in files:
    graph.setdefault(module(path), set())
    for number, target in includes(path):
        if module(target) != module(path):
            graph[module(path)].add(module(target))
            where.setdefault((module(path), module(target)), f'{relative(path)}:{number}')

print('1..3')
cycles = []
for component in strongly_connected(graph):
    if len(component) > 1:
        cycle = cycle_through(graph, component)
        steps = [f'{a} -> {b} ({where[(a, b)]})' for a, b in zip(cycle, cycle[1:])]
        cycles.append(f'{len(component)} modules include each other ({", ".join(component)});'
                      ' one cycle: ' + '; '.join(steps))
check(1, 'no include cycle between modules in src/', cycles)

upward = []
for path in files:
    own = layer(path)
    if own not in LAYERS:
        upward.append(f'{relative(path)}: not in a layer of LAYERS')
        continue
    for number, target in includes(path):
        other = layer(target)
        if other == own or other in LAYERS[own]:
            continue
        if (relative(path), relative(target)) in LAYER_EXCEPTIONS:
            continue
        upward.append(f'{relative(path)}:{number}: src/{own} includes {relative(target)}')
check(2, 'each layer of src/ includes only the layers below it', upward)

headless = []
for path in files:
    name = relative(path)
    if not name.endswith('.c') or name in WITHOUT_HEADER or FUZZ_TARGET.search(name):
        continue
    if not os.path.isfile(path[:-2] + '.h'):
        headless.append(f'{name}: no {os.path.basename(path)[:-2]}.h beside it')
check(3, 'every .c file in src/ has a header of the same name', headless)
sys.exit(1 if failed else 0)
