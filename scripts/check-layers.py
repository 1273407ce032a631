#!/usr/bin/env python3
"""The layers of ARCHITECTURE.md, checked: a file in src/FOLDER or
include/likely/FOLDER includes likely's headers only from its own folder
or the folders below it (src/main.c, on top, may include any)."""
import glob
import re
import sys

# bottom to top
LAYERS = ["base", "text", "io", "core", "page", "extract", "report", "store", "cli", "cmd"]
rank = {name: i for i, name in enumerate(LAYERS)}
include = re.compile(r'#include "likely/(\w+)/(\w+)\.h"')
bad = 0
for path in sorted(glob.glob("src/*/*.[ch]") + glob.glob("include/likely/*/*.h")):
    folder = path.split("/")[1] if path.startswith("src/") else path.split("/")[2]
    if folder not in rank:
        print(f"{path}: folder '{folder}' is not a layer of ARCHITECTURE.md")
        bad += 1
        continue
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = include.match(line)
            if m and (m.group(1) not in rank or rank[m.group(1)] > rank[folder]):
                print(f"{path}:{n}: {folder}/ includes {m.group(1)}/{m.group(2)}.h, a layer above it")
                bad += 1
sys.exit(1 if bad else 0)
