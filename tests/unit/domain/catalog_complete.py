#!/usr/bin/env python3
"""Every message the source raises has a Swedish text.

Reads every string literal in src/ that looks like a message for a user (it starts with a lower-case
letter, a quote, a placeholder or an option's dashes and holds a space, or it is handed to the CLI's
say()), with its concatenated parts (`"unknown type '" + code + "'"` is `unknown type '{}'`), leaves
out what is not said to users (IGNORED below, each with its reason) and asks message_catalog_check
which ones localize() leaves in English. Fails listing each with its file.

Usage: catalog_complete.py SOURCE_DIR CHECKER
"""
import re
import subprocess
import sys
from pathlib import Path

# What is not a message to a user, by pattern (re.search on the message; a file's path first when given).
IGNORED = [
    # A place before a message ('population.csv:12: {}', 'date: {}', '--expect: {}', 'lotsen: {}'):
    # localize() keeps the place and says the message after it, which is checked on its own.
    (None, r"^[\w./{}:-]*: \{\}$"),
    # SQL: statements, their fragments and column lists.
    ("store/", r"^(id|username) = \?$|^r\.caseworker_id|^deidentified_at IS NULL$|^coalesce\(|^id, |^p\.id, r\.id, |^r\.programme = "),
    # HTTP headers and content types, the Set-Cookie value.
    (None, r"^text/\w+; |; Path=/; HttpOnly|^public, max-age=|^attachment; filename="),
    # Prometheus metric lines.
    ("http/metrics.cc", r"^lotsen_http_"),
    # Lines of operators' JSON log (spdlog), in English for the log's readers.
    ("http/server.cc", r"^(accept failed|too many connections; answering 503|\{\} open)$"),
    # The layout of a table or a list: its words are said on their own.
    (None, r"^\{:<\d+\}|^\{\} \{\}$|^\{\};\{\};"),
    # The CLI's --help texts and version, English only.
    ("cli/main.cc", r"^lotsen 0\.|^admin, unit_manager, caseworker|^e\.g\. first_contact_days|^csv \(for Excel\) or json$|^csv \(the file for SCB\)"),
    # A line of the half-year file's problems: its words are said on their own.
    ("cli/main.cc", r"^\{\} person \{\} \(/personer/\{\}\): \{\}$|^\{\}: \{\}: \{\}$"),
    ("cli/main.cc", r"^pdf, xlsx or json$|^csv \(the file for SCB\), xlsx"),
    # The name the access log gives the command's read (as a route's "GET /api/v1/…").
    ("cli/main.cc", r"^lotsen (report half-year|letters)$"),
    # Swedish already: the half-year workbook's title and overview.
    ("report/half_year_output.cc", r"^(\{\} – \{\}|\{\} poster bort, \{\} till \(\{\}\)|\{\} poster|(inte )?med i filen)$"),
    ("cli/main.cc", r"^pdf \(the letters\) or json"),
    # Swedish already: what a first-contact letter and its PDF say, and a row of its list apart.
    ("report/letters.cc", r"^\{\} \{\} \{\}$"),
    ("cli/main.cc", r"^\{\{telefon\}\} = \{\}$"),
    # A message with fmt's doubled braces, which this script cannot put values into: its Swedish text is
    # checked by LetterTemplate.AnUnknownFieldIsAnErrorNamingIt.
    ("report/letters.cc", r"^the letter names the field \{\{\{\}\}\}"),
    ("report/letters_output.cc", r"^(skickas via Skatteverkets vidarebefordran|ingen adress|\{\}, \{\}: \{\})$"),
    # Swedish already: the committee report's page footer.
    ("report/pdf.cc", r"^\{\} · Sida \{\}"),
    # Swedish already: the identification summary and the demo's figures and case notes.
    ("cli/main.cc", r"^(alla kommuner|kommun \{\}|kommun \{\}: \{\} i målgruppen)$"),
    ("demo/figures.cc", r""),
    ("http/casework_routes.cc", r"^\{\}: ingen handläggare$"),
    ("report/kpi_output.cc", r"^(\{\} år|inom \{\} dagar)$"),
    ("demo/simulation.cc", r"^\{\} utvärderad|^(delmålet nått|på god väg|går trögt)"),
    # A value of the access review's JSON (office_hours), which clients read as data.
    ("report/access_review.cc", r" Monday-Friday, Swedish time$"),
    # Words put into another message ('the demo simulation broke a rule ({}): …'), and a result that
    # is replaced before anyone sees it.
    ("demo/simulation.cc", r"^(stored plan|stored measure|contact details|not run)$"),
]

# A message: lower case, quote, placeholder or option first, and a space in it.
MESSAGE = re.compile(r"^[a-z'{-]")
# A literal handed to the CLI's say(), directly or through fmt::format, is a message whatever its case.
SAID = re.compile(r"\bsay\(\s*(?:fmt::format\(\s*)?$")


def literals(code):
    """(offset, text, end) of every string literal outside comments; escapes kept as written."""
    out, i, n = [], 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            i = code.find("\n", i)
            i = n if i < 0 else i
        elif code.startswith("/*", i):
            i = code.find("*/", i) + 2
        elif c == "R" and code.startswith('R"', i) and not (code[i - 1].isalnum() or code[i - 1] == "_"):
            delimiter = code[i + 2 : code.index("(", i)]
            end = code.index(")" + delimiter + '"', i)
            out.append((i, code[code.index("(", i) + 1 : end].replace("\\", "\\\\"), end + len(delimiter) + 2))
            i = end + len(delimiter) + 2
        elif c == '"':
            j = i + 1
            while code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            out.append((i, code[i + 1 : j], j + 1))
            i = j + 1
        elif c == "'" and not code[i - 1].isalnum():  # a char literal (not a digit separator)
            j = i + 1
            while code[j] != "'":
                j += 2 if code[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return out


def unescape(text):
    return re.sub(r'\\(x[0-9A-Fa-f]{2}|.)', lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(
        m.group(1), chr(int(m.group(1)[1:], 16)) if m.group(1).startswith("x") else m.group(1)), text)


def messages(root):
    """(file, message) for every message literal under root."""
    found = []
    for path in sorted(root.rglob("*.cc")) + sorted(root.rglob("*.h")):
        name = path.relative_to(root).as_posix()
        if name == "domain/messages.cc":
            continue
        code = path.read_text()
        lits = literals(code)
        used = set()
        for k, (start, text, end) in enumerate(lits):
            if k in used:
                continue
            # Adjacent literals are one; `"a" + x + "b"` is "a{}b"; `x + "b"` is "{}b".
            parts, last = [text], end
            m = k
            while m + 1 < len(lits):
                between = code[last : lits[m + 1][0]]
                if between.strip() == "":
                    parts.append(lits[m + 1][1])
                elif re.fullmatch(r"\s*\)?\s*\+\s*[^;,\"]*?\+\s*", between) and "\n\n" not in between:
                    parts.append("{}" + lits[m + 1][1])
                else:
                    break
                m += 1
                used.add(m)
                last = lits[m][2]
            before = code[max(0, start - 80) : start]
            after = code[last : last + 80]
            message = "".join(parts)
            if re.match(r"\s*\)?\s*\+", after):
                message += "{}"
            if re.search(r"\+\s*$", before):
                message = "{}" + message
            message = unescape(message).strip()  # the layout around a message stays as it is
            said = SAID.search(re.sub(r"std::string\($", "", before.rstrip()))
            if not said and (not MESSAGE.match(message) or " " not in message):
                continue
            if re.search(r"\b(SELECT|INSERT|UPDATE|CREATE|DELETE|FROM|WHERE)\b", message):
                continue  # SQL
            found.append((name, message))
    return found


def ignored(name, message):
    return any((where is None or name.startswith(where)) and re.search(pattern, message) for where, pattern in IGNORED)


def main():
    root, checker = Path(sys.argv[1]), sys.argv[2]
    todo = [(name, message) for name, message in messages(root) if not ignored(name, message)]
    if any("\n" in message for _, message in todo):
        for name, message in todo:
            if "\n" in message:
                print(f"{name}: a message of several lines cannot be checked: {message!r}", file=sys.stderr)
        return 1
    result = subprocess.run([checker], input="".join(m + "\n" for _, m in todo), capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout, result.stderr, file=sys.stderr)
        return 1
    missing = set(result.stdout.splitlines())
    listed = [(name, message) for name, message in todo if message in missing]
    for name, message in listed:
        print(f"src/{name}: no Swedish text for: {message}")
    if listed:
        print(f"\n{len(listed)} message(s) without a Swedish text: add one to src/domain/messages.cc "
              "(or, if it is not said to users, to IGNORED in tests/unit/domain/catalog_complete.py).")
        return 1
    print(f"{len(todo)} messages checked: each has a Swedish text.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
