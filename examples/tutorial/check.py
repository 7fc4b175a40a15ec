#!/usr/bin/env python3
"""Keeps the user guide honest: every command it quotes still prints what it says.

usage: check.py PBP [--update] [-v] [--skip-model=NAME[,NAME...]] [DOC.md ...]

PBP is the pbp binary. With no DOC, checks docs/getting-started.md, docs/tutorial.md and
docs/queries/*.md. Commands run from the top of the source tree, so paths in the guide are
relative to it (examples/tutorial/step1.json).

What is checked:

1. Every examples/tutorial/stepN.json (N = 1, 2, ... with no gap) and first.json validates with
   no error (`pbp validate FILE --json`), and the tutorial names every step file.
2. A fenced block right after the line `<!-- check -->` is a terminal session: each line
   starting with `$ ` is a command, and the lines up to the next command are what it prints
   (standard output, then standard error, as a terminal shows them when only one of them is
   written). The command is split like a shell would (quotes, `#` comments) but not run by
   one: no pipes or redirection. Its first word must be `pbp`. It must exit with 0 and print
   exactly the lines given, trailing spaces and trailing blank lines aside. A line `[...]`
   stands for any number of lines, so a long output can be quoted in part. Options after
   `check`: `exit=N` (the exit status expected instead of 0), `stderr` (the lines quote
   standard error alone).
3. A fenced block after `<!-- check-file PATH -->` is the whole of the file PATH; after
   `<!-- check-in PATH -->` it is a piece of it: the same text, whitespace aside.

This compares the guide with the binary; it does not judge whether the answers are right (the
unit, CLI and conformance tests do that, and the tutorial works its figures out by hand).
--skip-model names bundled models this binary was built without (`-DPBP_BUNDLE_ENGLAND=OFF`
leaves out england and england-areas): a command naming one is skipped, and counted as such.
--update rewrites the quoted outputs of checked sessions with what the binary prints now
(keeping the lines around each `[...]`); read the diff before keeping it. Standard library only.
"""
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "examples" / "tutorial"
DEFAULT_DOCS = ["docs/getting-started.md", "docs/tutorial.md"]
ELISION = "[...]"
MARKER = re.compile(r"^<!--\s*check(?P<kind>-file|-in)?\s*(?P<arg>[^>]*?)\s*-->\s*$")
FENCE = re.compile(r"^(`{3,}|~{3,})")


def shown(path):
    """A path as the messages show it: relative to the source tree when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if ROOT in path.parents else str(path)


class Block:
    """A fenced block that follows a check marker."""

    def __init__(self, doc, kind, arg, marker_line, first, last, lines):
        self.doc, self.kind, self.arg = doc, kind, arg
        self.marker_line = marker_line  # 1-based line of the marker
        self.first, self.last = first, last  # 0-based indices of the content lines [first, last)
        self.lines = lines

    def where(self):
        return "%s:%d" % (shown(self.doc), self.marker_line)


def blocks(doc, text_lines):
    found = []
    i = 0
    while i < len(text_lines):
        m = MARKER.match(text_lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(text_lines) and not text_lines[j].strip():
            j += 1
        fence = FENCE.match(text_lines[j]) if j < len(text_lines) else None
        if not fence:
            raise SystemExit("%s:%d: a check marker must be followed by a fenced block" % (doc, i + 1))
        k = j + 1
        while k < len(text_lines) and not text_lines[k].startswith(fence.group(1)):
            k += 1
        if k == len(text_lines):
            raise SystemExit("%s:%d: the fenced block is never closed" % (doc, j + 1))
        found.append(Block(doc, m.group("kind") or "", m.group("arg"), i + 1, j + 1, k, text_lines[j + 1:k]))
        i = k + 1
    return found


def trimmed(lines):
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def matches(expected, actual):
    """Whether actual fits expected, where an ELISION line matches any run of lines."""
    if ELISION not in expected:
        return expected == actual
    head = expected[: expected.index(ELISION)]
    rest = expected[expected.index(ELISION) + 1:]
    if actual[: len(head)] != head:
        return False
    return any(matches(rest, actual[k:]) for k in range(len(head), len(actual) + 1))


def sessions(block):
    """[(command text, expected output lines)] of a session block."""
    out = []
    for line in block.lines:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
        elif line.strip():
            raise SystemExit("%s: output before any command in a checked session" % block.where())
    return out


def run(pbp, command, stderr_only=False):
    argv = shlex.split(command, comments=True)
    if not argv or argv[0] != "pbp":
        raise SystemExit("only pbp commands can be checked, not: %s" % command)
    p = subprocess.run([pbp] + argv[1:], cwd=ROOT, capture_output=True, timeout=120)
    text = ("" if stderr_only else p.stdout.decode("utf-8")) + p.stderr.decode("utf-8")
    return p.returncode, trimmed(text.split("\n"))


def updated(expected, actual):
    """actual, cut to the shape of expected's elisions (the lines kept around each `[...]`)."""
    if ELISION not in expected:
        return actual
    head = expected.index(ELISION)
    tail = len(expected) - head - 1
    if ELISION in expected[head + 1:]:
        return expected  # several elisions: leave them to a person
    return actual[:head] + [ELISION] + (actual[len(actual) - tail:] if tail else [])


def check_session(pbp, block, update, verbose, skip):
    problems, new_lines, skipped = [], [], 0
    want_exit, stderr_only = 0, False
    for option in block.arg.split():
        m = re.fullmatch(r"exit=(\d+)", option)
        if m:
            want_exit = int(m.group(1))
        elif option == "stderr":
            stderr_only = True
        else:
            raise SystemExit("%s: unknown check option %r" % (block.where(), option))
    for command, expected_raw in sessions(block):
        if skip & set(shlex.split(command, comments=True)[1:]):
            if verbose:
                print("skip %s: $ %s" % (block.where(), command))
            skipped += 1
            new_lines.append("$ " + command)
            new_lines += expected_raw
            continue
        expected = trimmed(expected_raw)
        status, actual = run(pbp, command, stderr_only)
        fine = matches(expected, actual) and status == want_exit
        if verbose:
            print("%s %s: $ %s" % ("ok  " if fine else "FAIL", block.where(), command))
        if not fine and not update:
            diff = ["%s: $ %s" % (block.where(), command)]
            if status != want_exit:
                diff.append("  exit status %d, expected %d" % (status, want_exit))
            if not matches(expected, actual):
                diff.append("  the guide says:")
                diff += ["    | " + line for line in expected]
                diff.append("  pbp prints:")
                diff += ["    | " + line for line in actual]
            problems.append("\n".join(diff))
        new_lines.append("$ " + command)
        new_lines += updated(expected, actual) if update else expected_raw
    return problems, new_lines, skipped


def squeeze(text):
    return " ".join(text.split())


def check_file_block(block):
    path = ROOT / block.arg
    if not path.is_file():
        return ["%s: no file %s" % (block.where(), block.arg)]
    text = path.read_text(encoding="utf-8")
    if block.kind == "-file" and trimmed(text.split("\n")) != trimmed(block.lines):
        return ["%s: the block is not the whole of %s" % (block.where(), block.arg)]
    if block.kind == "-in" and squeeze("\n".join(block.lines)) not in squeeze(text):
        return ["%s: the block is not a piece of %s" % (block.where(), block.arg)]
    return []


def check_models(pbp, tutorial_text):
    problems = []
    steps = sorted(TUTORIAL.glob("step*.json"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    numbers = [int(re.sub(r"\D", "", p.stem) or 0) for p in steps]
    if not steps or numbers != list(range(1, len(steps) + 1)):
        problems.append("the step files are not step1.json ... stepN.json without a gap: %s" % numbers)
    for path in steps + [TUTORIAL / "first.json"]:
        rel = path.relative_to(ROOT)
        p = subprocess.run([pbp, "validate", str(rel), "--json"], cwd=ROOT, capture_output=True, timeout=120)
        try:
            errors = json.loads(p.stdout)["errors"]
        except (ValueError, KeyError):
            errors = None
        if errors != 0 or p.returncode != 0:
            problems.append("%s does not validate without errors (exit %d): %s" % (rel, p.returncode, p.stdout[:2000]))
        if path.name.startswith("step") and str(rel) not in tutorial_text:
            problems.append("docs/tutorial.md never names %s" % rel)
    return problems


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("-")]
    update, verbose = "--update" in argv, "-v" in argv
    skip = set()
    for a in argv[1:]:
        if a.startswith("--skip-model="):
            skip |= {name for name in a.split("=", 1)[1].split(",") if name}
    if not args:
        print(__doc__)
        return 2
    pbp = str(Path(args[0]).resolve())
    docs = [Path(d).resolve() for d in args[1:]] or [ROOT / d for d in DEFAULT_DOCS] + sorted((ROOT / "docs" / "queries").glob("*.md"))
    problems = check_models(pbp, (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8"))
    count = skipped = 0
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        lines = text.split("\n")
        replacements = []
        for block in blocks(doc, lines):
            if block.kind:
                problems += check_file_block(block)
                continue
            found, new_lines, passed_over = check_session(pbp, block, update, verbose, skip)
            count += len(sessions(block)) - passed_over
            skipped += passed_over
            problems += found
            replacements.append((block.first, block.last, new_lines))
        if update and replacements:
            for first, last, new_lines in reversed(replacements):
                lines[first:last] = new_lines
            new_text = "\n".join(lines)
            if new_text != text:
                doc.write_text(new_text, encoding="utf-8")
                print("updated %s" % shown(doc))
    for p in problems:
        print(p, file=sys.stderr)
    print("%d commands checked in %d pages; %d problems" % (count, len(docs), len(problems)))
    if skipped:
        print("%d commands skipped: they name %s, not built into this pbp" % (skipped, ", ".join(sorted(skip))))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
