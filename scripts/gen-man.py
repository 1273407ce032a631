#!/usr/bin/env python3
"""Writes the manual page likely(1) from the program's own help texts
(`likely --help` and `likely COMMAND --help` for every command it lists)
and the hand-written sections of doc/likely.1.in, so the page cannot say
something the program does not: `make man` reruns it, and
tests/e2e/man-page.sh fails when the committed doc/likely.1 differs.

usage: gen-man.py BIN TEMPLATE > PAGE

A command's help is "usage: likely ..." (more usage lines indented under
it), a blank line, the summary, a blank line, then its details: "  TERM  text"
lines (an operand or option, two or more spaces, what it does; deeper
indented lines continue the text) and plain lines of prose."""
import re
import subprocess
import sys


def run(binary, *args):
    out = subprocess.run([binary, *args], stdout=subprocess.PIPE, check=True,
                         env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    return out.stdout.decode("utf-8")


def esc(text):
    """roff text: backslashes, minus signs (so options copy and search as
    typed), anything beyond ASCII as a named code point."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)


def line(text):
    """One text line; a leading '.' or "'" would be read as a request."""
    text = esc(text)
    return "\\&" + text if text[:1] in (".", "'") else text


def usage_lines(lines):
    """The usage lines at the top of a help text, without "usage: "."""
    out = []
    for ln in lines:
        if ln.startswith("usage: "):
            out.append(ln[len("usage: "):])
        elif out and ln.startswith("       likely"):
            out.append(ln.strip())
        else:
            break
    return out


def synopsis(usages):
    return "\n.br\n".join("\\fB%s\\fR" % esc(u) for u in usages)


def details(lines):
    """roff for a command's details: .TP items for "  TERM  text" lines,
    paragraphs for prose."""
    out, prose = [], []

    def flush():
        if prose:
            out.append(".PP")
            out.extend(line(p) for p in prose)
            prose.clear()
    for ln in lines:
        if not ln.strip():
            flush()
            continue
        m = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", ln)
        if ln.startswith("   ") and out and not prose:
            out.append(line(ln.strip()))  # continues the item above
        elif m:
            flush()
            out.append(".TP")
            out.append("\\fB%s\\fR" % esc(m.group(1)))
            if m.group(2):
                out.append(line(m.group(2)))
        else:
            prose.append(ln.strip())
    flush()
    return out


def command_section(binary, name):
    lines = run(binary, name, "--help").rstrip("\n").split("\n")
    usages = usage_lines(lines)
    rest = lines[len(usages):]
    while rest and not rest[0].strip():
        rest.pop(0)
    summary = rest.pop(0) if rest else ""
    out = [".SS %s" % name, synopsis("likely " + u if not u.startswith("likely") else u
                                     for u in usages)]
    out += [".PP", line(summary[:1].upper() + summary[1:] + ".")]
    out += details(rest)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen-man.py BIN TEMPLATE > PAGE")
    binary, template = sys.argv[1], sys.argv[2]
    top = run(binary, "--help").rstrip("\n").split("\n")
    usages = usage_lines(top)
    at = top.index("commands:")
    description = top[len(usages):at]
    names = []
    for ln in top[at + 1:]:
        if not ln.strip():
            break
        names.append(ln.split()[0])
    notes = [ln for ln in top[at + 1 + len(names):] if ln.strip()]
    desc = details(description)
    if desc[:1] == [".PP"]:
        desc.pop(0)  # a section starts a paragraph already
    desc += [".PP", "Commands:"]
    for ln in top[at + 1:at + 1 + len(names)]:
        name, summary = ln.split(None, 1)
        desc += [".TP", "\\fB%s\\fR" % esc(name), line(summary)]
    for n in notes:
        desc += [".PP", line(n[:1].upper() + n[1:] + ".")]
    commands = []
    for name in names:
        commands += command_section(binary, name)
    version = run(binary, "--version").split()[-1]
    fill = {
        "@VERSION@": esc(version),
        "@SYNOPSIS@": synopsis(usages),
        "@DESCRIPTION@": "\n".join(desc),
        "@COMMANDS@": "\n".join(commands),
    }
    with open(template, encoding="utf-8") as f:
        page = f.read()
    for key, value in fill.items():
        if key not in page:
            sys.exit("gen-man.py: %s has no %s" % (template, key))
        page = page.replace(key, value)
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
