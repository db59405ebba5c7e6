"""Reliability check (issue 12): each failure case, full size, with a timeout, time and peak memory.

Usage, from the project folder::

    .venv/bin/python scripts/check_reliability.py [--keep DIR]

Every case runs the installed ``glossary`` command in a scratch folder and
judges: terms.yaml loads after every operation, every user line survives,
a repeated run is a no-op, the build set is never mixed, nothing passes 20 s,
every error is one line with exit 2. Prints one line per case: verdict,
seconds, peak memory of the command (MB), what was seen. Not a unit test: the
hostile inputs are large (a 1 GiB zip bomb, a million-row sheet, a 50,000-block
term base); the suite runs the same cases with small limits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = [str(ROOT / ".venv" / "bin" / "glossary")] if (ROOT / ".venv" / "bin" / "glossary").exists() else [sys.executable, "-m", "glossary"]
TIMEOUT = 20.0
EN = "The Two Sessions (兩會) open in March; the trade-in scheme (以舊換新) is on the agenda.\n"
KO = "올해 양회(兩會)에서 이구환신(以舊換新) 정책이 논의된다.\n"


def glossary(*args: str, cwd: Path, interrupt_after: float | None = None):
    """Run the CLI: (exit code, stdout, stderr, seconds, peak MB of that process)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [*GLOSSARY, *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            # a background job ignores SIGINT, and so would the child: give it Ctrl-C back
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        interrupted = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            elapsed = time.monotonic() - start
            if interrupt_after is not None and not interrupted and elapsed >= interrupt_after:
                proc.send_signal(signal.SIGINT)
                interrupted = True
            if elapsed > TIMEOUT:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                _last_peak[0] = usage.ru_maxrss / 1024
                return None, "", "TIMEOUT", TIMEOUT, _last_peak[0]
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        _last_peak[0] = usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                seconds, _last_peak[0])


_last_peak = [0.0]


def one_error_line(rc, err: str) -> bool:
    return rc == 2 and err.strip().count("\n") == 0 and "Traceback" not in err


def corpus(root: Path) -> Path:
    texts = root / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (texts / "a.en.txt").write_text(EN, encoding="utf-8")
    (texts / "b.ko.txt").write_text(KO, encoding="utf-8")
    return texts


def loads(terms: Path, cwd: Path) -> bool:
    rc, *_ = glossary("build", "--terms", str(terms), "--out", str(cwd / "probe-out"), str(corpus(cwd)), cwd=cwd)
    return rc == 0


# --- cases ----------------------------------------------------------------------------------------


def case_line_separator(d: Path):
    terms = d / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    (d / "t.txt").write_text("the dual\u2028circulation (雙循環) and the new\x85normal (新常態)\n", encoding="utf-8")
    r1 = glossary("extract", "--add", "--terms", str(terms), "t.txt", cwd=d)
    first = terms.read_bytes()
    r2 = glossary("extract", "--add", "--terms", str(terms), "t.txt", cwd=d)
    ok = r1[0] == 0 and r2[0] == 0 and terms.read_bytes() == first and loads(terms, d)
    return ok, r1[3] + r2[3], "U+2028/U+0085 in renderings: file loads, second run a no-op", r2


def case_quoted_note(d: Path):
    text = '兩會:\n  note: "Held each March.\n  count: two plenary meetings\n  "\n'
    terms = d / "terms.yaml"
    terms.write_text(text, encoding="utf-8")
    corpus(d)
    r = glossary("extract", "--add", "--terms", str(terms), "texts", cwd=d)
    new = terms.read_text(encoding="utf-8")
    ok = r[0] == 0 and text in new and loads(terms, d)
    return ok, r[3], "quoted multi-line note kept byte for byte, tool fields after it", r


def case_import_bad_keys(d: Path):
    terms = d / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    (d / "p.csv").write_text("zh-Hant,en\n一國兩制 (OCTS),one country\n=兩重建設,dual\n", encoding="utf-8")
    r = glossary("import", "p.csv", "--terms", str(terms), cwd=d)
    ok = "2 skipped" in r[1] and terms.read_text(encoding="utf-8") == "兩會:\n  en: Two Sessions\n" and loads(terms, d)
    return ok, r[3], r[1].strip().splitlines()[0] if r[1] else r[2], r


def case_export_over_inputs(d: Path):
    terms = d / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    texts = corpus(d)
    r1 = glossary("export", "texts", "--format", "csv", "-o", "terms.yaml", cwd=d)
    r2 = glossary("export", "texts", "--format", "csv", "-o", str(texts / "a.en.txt"), cwd=d)
    ok = one_error_line(r1[0], r1[2]) and one_error_line(r2[0], r2[2]) and (texts / "a.en.txt").read_text(encoding="utf-8") == EN
    return ok, r1[3] + r2[3], r1[2].strip(), r1


def case_crlf_bom(d: Path):
    text = "# ours\r\n兩會:\r\n  en: Two Sessions\r\n"
    terms = d / "terms.yaml"
    terms.write_bytes(b"\xef\xbb\xbf" + text.encode())
    corpus(d)
    r = glossary("extract", "--add", "--terms", str(terms), "texts", cwd=d)
    data = terms.read_bytes()
    ok = (r[0] == 0 and data.startswith(b"\xef\xbb\xbf# ours\r\n") and "兩會:\r\n  en: Two Sessions\r\n" in data.decode("utf-8-sig")
          and b"\n" not in data.replace(b"\r\n", b"") and loads(terms, d))
    return ok, r[3], "BOM and CRLF kept; new lines in CRLF", r


def case_two_spellings(d: Path):
    terms = d / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n两会:\n  en: NPC and CPPCC\n", encoding="utf-8")
    corpus(d)
    r = glossary("build", "--terms", str(terms), "texts", cwd=d)
    return one_error_line(r[0], r[2]) and "line 1" in r[2], r[3], r[2].strip(), r


def case_interrupted_build(d: Path):
    texts = corpus(d)
    for i in range(300):
        (texts / f"c{i}.en.txt").write_text(EN * 20, encoding="utf-8")
    glossary("build", "texts", cwd=d)
    # The build's outputs; not the per-term cache (.glossary-cache.sqlite), which is no
    # output: a build may add pure results to it before it is interrupted.
    def outputs() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in (d / "out").iterdir() if not p.name.startswith(".")}

    before = outputs()
    (texts / "new.en.txt").write_text("The dual circulation (雙循環).\n", encoding="utf-8")
    results = []
    for delay in (0.5, 1.0, 2.0, 3.0, 4.5, 30.0):  # the last lets the build finish
        results.append(glossary("build", "texts", cwd=d, interrupt_after=delay))
        now = outputs()
        leftovers = [n for n in os.listdir(d) if ".staging-" in n or ".old-" in n]
        mixed = now != before and "雙循環" not in (d / "out" / "glossary.csv").read_text(encoding="utf-8-sig")
        if leftovers or mixed:
            return False, 0, f"after SIGINT at {delay}s: leftovers {leftovers}, mixed {mixed}", results[-1]
        before = now
    codes = sorted({r[0] for r in results})
    return set(codes) <= {0, 130}, sum(r[3] for r in results), f"6 builds, SIGINT at 0.5-4.5 s: exit codes {codes}, never a mixed set", results[-1]


def case_empty_build(d: Path):
    (d / "only").mkdir()
    (d / "only" / "a.pdf").write_bytes(b"%PDF-1.4")
    corpus(d)
    glossary("build", "texts", cwd=d)
    before = (d / "out" / "glossary.csv").read_bytes()
    r = glossary("build", "only", cwd=d)
    ok = r[0] == 1 and (d / "out" / "glossary.csv").read_bytes() == before
    return ok, r[3], r[2].strip().splitlines()[-1], r


def case_added_file(d: Path):
    texts = corpus(d)
    glossary("build", "texts", cwd=d)
    (texts / "c.en.txt").write_text("The dual circulation (雙循環).\n", encoding="utf-8")
    r = glossary("lookup", "雙循環", cwd=d)
    return one_error_line(r[0], r[2]) and "appeared" in r[2], r[3], r[2].strip(), r


def case_symlink_loops(d: Path):
    texts = corpus(d)
    (texts / "sub").mkdir()
    (texts / "sub" / "c.en.txt").write_text(EN, encoding="utf-8")
    os.symlink(".", texts / "l1")
    os.symlink(".", texts / "l2")
    os.symlink("..", texts / "sub" / "up")
    os.mkfifo(texts / "b.txt")
    r = glossary("build", "texts", cwd=d)
    ok = r[0] == 0 and "Read 3 files" in r[1]
    return ok, r[3], r[1].splitlines()[0] + " | " + " ".join(r[2].split())[:90], r


def case_long_lookup(d: Path):
    corpus(d)
    glossary("build", "texts", cwd=d)
    query = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(10_000))
    r = glossary("lookup", query, cwd=d)
    return r[0] in (0, 1) and r[3] < TIMEOUT, r[3], f"10,000-character lookup: exit {r[0]}", r


def case_brackets(d: Path):
    (d / "b.txt").write_text("(兩" * 300_000, encoding="utf-8")
    (d / "c.txt").write_text("兩)" * 300_000, encoding="utf-8")
    r = glossary("extract", "b.txt", "c.txt", cwd=d)
    return r[0] == 1, r[3], "'(兩' x 300k and '兩)' x 300k: nothing found", r


def case_zip_bomb(d: Path):
    with zipfile.ZipFile(d / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(1024):
                fh.write(block)
    size = (d / "bomb.xlsx").stat().st_size
    r = glossary("import", "bomb.xlsx", "--terms", "terms.yaml", cwd=d)
    return one_error_line(r[0], r[2]), r[3], f"{size // 1024} KB zip, 1 GiB inflated: " + r[2].strip()[:100], r


def case_million_rows(d: Path):
    with open(d / "rows.csv", "w", encoding="utf-8") as fh:
        fh.write("zh-Hant,en\n")
        for i in range(1_000_000):
            fh.write(f"兩會,Two Sessions {i}\n")
    r = glossary("import", "rows.csv", "--terms", "terms.yaml", cwd=d)
    return one_error_line(r[0], r[2]), r[3], r[2].strip()[:100], r


def _big_termbase(d: Path) -> int:
    """terms.yaml of 50,000 blocks (about 8 MB); its size."""
    import random

    random.seed(1)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    keys: set[str] = set()
    while len(keys) < 50_000:
        keys.add("".join(random.choice(han) for _ in range(4)))
    with open(d / "terms.yaml", "w", encoding="utf-8") as fh:
        for k in sorted(keys):
            fh.write(f"{k}:\n  en: an English rendering\n  note: a note on the term\n  status: candidate\n"
                     f"  seen:\n    an English rendering: 3\n  count: 3\n  sources:\n    - texts/a.en.txt\n\n")
    return (d / "terms.yaml").stat().st_size


def case_big_termbase(d: Path):
    size = _big_termbase(d)
    corpus(d)
    r = glossary("extract", "--add", "--terms", "terms.yaml", "texts", cwd=d)
    ok = r[0] == 0 and r[3] < TIMEOUT
    return ok, r[3], f"50,000 blocks ({size / 1e6:.1f} MB): extract --add (load, update, check, write)", r


def case_big_termbase_import(d: Path):
    size = _big_termbase(d)
    (d / "p.csv").write_text("zh-Hant,en\n兩會,Two Sessions\n以舊換新,trade-in\n", encoding="utf-8")
    r1 = glossary("import", "p.csv", "--terms", "terms.yaml", cwd=d)
    first = (d / "terms.yaml").read_bytes()
    r2 = glossary("import", "p.csv", "--terms", "terms.yaml", cwd=d)
    ok = r1[0] == 0 and "2 added" in r1[1] and r2[0] == 0 and (d / "terms.yaml").read_bytes() == first
    return ok, r1[3], f"50,000 blocks ({size / 1e6:.1f} MB): import of 2 rows; again: {r2[3]:.1f} s, a no-op", r1


def case_big_termbase_refused(d: Path):
    with open(d / "terms.yaml", "w", encoding="utf-8") as fh:
        fh.write("兩會:\n  note: \"" + "x" * 50_000_000 + "\"\n")
    corpus(d)
    r = glossary("build", "--terms", "terms.yaml", "texts", cwd=d)
    return one_error_line(r[0], r[2]), r[3], "50 MB terms.yaml: " + r[2].strip()[:90], r


def case_big_tbx_note(d: Path):
    with open(d / "big.tbx", "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0"?><tbx type="TBX-Basic" xml:lang="en"><text><body><conceptEntry id="c1">'
                 '<langSec xml:lang="zh-Hant"><termSec><term>兩會</term></termSec></langSec><note>')
        for _ in range(200):
            fh.write("x" * 1_000_000)
        fh.write("</note></conceptEntry></body></text></tbx>")
    r = glossary("import", "big.tbx", "--terms", "terms.yaml", cwd=d)
    return one_error_line(r[0], r[2]), r[3], "200 MB TBX note: " + r[2].strip()[:90], r


def case_gigabyte_line(d: Path):
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(1 << 30)
    r = glossary("extract", "huge.txt", cwd=d)
    return one_error_line(r[0], r[2]) and r[4] < 200, r[3], "1 GiB of NUL bytes: " + r[2].strip()[:90], r


_PROSE = ("the plan was discussed at length by many delegates without any conclusion " * 1400)[:100_000]
_TERM = " and the Two Sessions (兩會) open in March "


def _one_line(path: Path, size: int) -> int:
    """A text of ``size`` bytes with no line break and a bracketed term every 100 KB; the number of terms."""
    n = terms = 0
    with open(path, "w", encoding="utf-8") as fh:
        while n < size:
            fh.write(_PROSE)
            fh.write(_TERM)
            n += len(_PROSE) + len(_TERM.encode())
            terms += 1
    return terms


def case_long_line(d: Path):
    terms = _one_line(d / "line.txt", 270 << 20)  # more than the 256 MiB a text could be when it was read whole
    r = glossary("extract", "line.txt", "--format", "jsonl", cwd=d)
    found = r[1].count('"term": "兩會"')
    ok = r[0] == 0 and found == terms and r[4] < 300
    return ok, r[3], f"270 MiB, one line: {found} of {terms} terms found, read in windows", r


def case_html_text_node(d: Path):
    with open(d / "big.html", "w", encoding="utf-8") as fh:
        fh.write("<html><body><p>the Two Sessions (兩會) ")
        for _ in range(200):
            fh.write(("word " * 200_000)[:1_000_000])
        fh.write(" the new normal (新常態) end.</p></body></html>\n")
    r = glossary("build", "big.html", cwd=d)
    longest = max((len(line) for line in (d / "out" / "glossary.csv").read_text(encoding="utf-8-sig").splitlines()),
                  default=0) if r[0] == 0 else -1
    ok = r[0] == 0 and 0 < longest < 2000 and r[4] < 1000
    return ok, r[3], f"200 MB HTML text node: build, longest CSV row {longest} characters", r


def case_errors(d: Path):
    corpus(d)
    glossary("build", "texts", cwd=d)
    import sqlite3

    con = sqlite3.connect(d / "out" / "glossary.sqlite")
    con.execute("UPDATE entries SET json = x'00ff'")
    con.commit()
    con.close()
    (d / "u16.txt").write_bytes("The Two Sessions (兩會).".encode("utf-16-le"))
    (d / "afile").write_text("x", encoding="utf-8")
    os.symlink("self.txt", d / "self.txt")
    (d / "deep.tbx").write_text('<?xml version="1.0"?><tbx>' + "<x>" * 300 + "</x>" * 300 + "</tbx>", encoding="utf-8")
    (d / "alias.yaml").write_text("兩會:\n  en_alt: &a [x, x, x, x, x, x, x, x]\n  sources: &b [*a, *a, *a, *a, *a, *a]\n", encoding="utf-8")
    (d / "tag.yaml").write_text("兩會: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    runs = {
        "tampered index": glossary("lookup", "兩會", cwd=d),
        "--out afile": glossary("build", "texts", "--out", "afile", cwd=d),
        "self-link": glossary("extract", "self.txt", cwd=d),
        "XML depth": glossary("import", "deep.tbx", "--terms", "t.yaml", cwd=d),
        "alias bomb": glossary("build", "texts", "--terms", "alias.yaml", cwd=d),
        "!!python": glossary("build", "texts", "--terms", "tag.yaml", cwd=d),
    }
    u16 = glossary("extract", "u16.txt", cwd=d)
    bad = [name for name, r in runs.items() if not one_error_line(r[0], r[2])]
    ok = not bad and u16[0] == 0
    detail = "; ".join(f"{name}: {r[2].strip()[len('glossary: error: '):][:60]}" for name, r in runs.items())
    return ok, sum(r[3] for r in runs.values()), (f"failed: {bad} " if bad else "") + "UTF-16 no BOM read; " + detail, u16


CASES = [
    case_line_separator, case_quoted_note, case_import_bad_keys, case_export_over_inputs, case_crlf_bom,
    case_two_spellings, case_interrupted_build, case_empty_build, case_added_file, case_symlink_loops,
    case_long_lookup, case_brackets, case_zip_bomb, case_million_rows, case_big_termbase, case_big_termbase_import,
    case_big_termbase_refused,
    case_big_tbx_note, case_gigabyte_line, case_long_line, case_html_text_node, case_errors,
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="keep the scratch folders here")
    parser.add_argument("cases", nargs="*", help="names of cases to run (default: all)")
    args = parser.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="glossary-check-"))
    failed = 0
    for case in CASES:
        name = case.__name__[len("case_"):]
        if args.cases and name not in args.cases:
            continue
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        try:
            ok, seconds, detail, last = case(folder)
        except Exception as exc:  # noqa: BLE001 - a crash of the check is a failure of the case
            ok, seconds, detail, last = False, 0.0, f"{type(exc).__name__}: {exc}", None
        failed += not ok
        peak = _last_peak[0]
        print(f"{'ok  ' if ok else 'FAIL'} {name:22} {seconds:6.1f} s {peak:7.0f} MB  {detail}", flush=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{len(CASES) - failed} of {len(CASES)} cases hold" if not args.cases else f"{failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
