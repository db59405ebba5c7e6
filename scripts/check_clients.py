"""Open a fresh build in the translators' own tools and say what each read.

Usage::

    python scripts/check_clients.py [TEXTS...] [--terms terms.yaml] [--glossary CMD] [--copies 200]

Builds the glossary of TEXTS (default: seeds/) with ``glossary build`` into a
temporary folder, then runs six checks, each with a real tool, and prints one
line per check with what the tool read:

1. OmegaT 3.6, through its own TBX reader (headless, groovy), loads the
   default TBX (``out/glossary.tbx``) of an English -> Korean project with
   Korean targets;
2. translate-toolkit (Weblate's reader) loads the default TBX with Korean targets;
3. OmegaT loads an English -> Korean TSV from ``out/`` by its default name
   (an extension OmegaT reads), with no entry twice;
4. the XLSX reads back with openpyxl exactly as the CSV holds it (the CSV's
   formula guard aside): values verbatim, every cell a string;
5. LibreOffice headless with the README's all-text filter keeps every CSV cell;
6. the texts copied ``--copies`` times (one folder per copy) give TBX files
   under 2 MB.

``--glossary`` is the command to run (default: this checkout's, through
``python -m glossary``), so the same checks measure another version:
``--glossary "env PYTHONPATH=/tmp/main python -m glossary"``. A check whose
tool is missing says so and counts as failed. Exit status: 0 when all pass.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
GROOVY = ROOT / "tests" / "clients" / "omegat_glossary.groovy"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:  # noqa: ANN003
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False, **kw)


def omegat(*items: str) -> dict[str, list[list[str]]] | str:
    if shutil.which("groovy") is None or not OMEGAT_JAR.is_file():
        return "OmegaT not installed (apt-get install omegat groovy)"
    java = Path(shutil.which("java") or "java").resolve()
    done = run(["groovy", "-cp", str(OMEGAT_JAR), str(GROOVY), *items], env={**os.environ, "JAVA_HOME": str(java.parents[1])})
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in done.stdout.splitlines():
        if line.startswith("# "):
            name, _, what = line[2:].rpartition(": ")
            current = out.setdefault(name, []) if what != "not loaded" else []
        else:
            current.append(line.split("\t", 2))
    return out


def build(glossary: list[str], texts: list[str], terms: str, out: Path) -> list[str]:
    done = run([*glossary, "build", *texts, "--terms", terms, "--out", str(out)])
    if done.returncode != 0:
        sys.exit(f"glossary build failed: {done.stderr.strip()}")
    return [line.split()[-1] for line in done.stdout.splitlines() if line.strip().startswith("wrote ")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--terms", default=str(ROOT / "terms.yaml"))
    parser.add_argument("--glossary", default=f"{shlex.quote(sys.executable)} -m glossary")
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    glossary = shlex.split(args.glossary)
    results: list[tuple[bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        written = build(glossary, args.texts, args.terms, out)
        print("build wrote: " + ", ".join(Path(p).name for p in written))
        tbx = out / "glossary.tbx"

        # 1. OmegaT reads the default TBX
        got = omegat(f"en:ko:{tbx}")
        if isinstance(got, str):
            results.append((False, f"OmegaT, default TBX: {got}"))
        else:
            entries = got.get(str(tbx), [])
            korean = [e for e in entries if len(e) > 1 and any("\uac00" <= c <= "\ud7a3" for c in e[1])]
            results.append((bool(korean), f"OmegaT, default TBX (en->ko): {len(entries)} entries, {len(korean)} with a Korean target"
                            + (f", e.g. {korean[0][0]} -> {korean[0][1]}" if korean else "")))

        # 2. translate-toolkit reads the default TBX
        try:
            from translate.storage.tbx import tbxfile

            store = tbxfile.parsefile(str(tbx))
            with_ko = [u for u in store.units if u.get_target_terms("ko")]
            results.append((bool(with_ko), f"translate-toolkit, default TBX: {len(store.units)} units, {len(with_ko)} with Korean terms"))
        except Exception as exc:  # noqa: BLE001 - the tool's own failure is the finding
            results.append((False, f"translate-toolkit, default TBX: {type(exc).__name__}: {exc}"[:200]))

        # 3. OmegaT loads a TSV by its default name, no duplicate
        tsvs = sorted(p for p in out.iterdir() if p.suffix in (".txt", ".utf8", ".tab", ".tsv") and "en-ko" in p.name)
        if not tsvs:  # an older version writes no TSV: export one under the name it would have
            tsvs = [out / "glossary.tsv"]
            tsvs[0].write_bytes(subprocess.run([*glossary, "export", "--format", "tsv", "--pair", "en-ko", *args.texts,
                                                "--terms", args.terms], capture_output=True, check=False).stdout)
        got = omegat(*(f"en:ko:{p}" for p in tsvs))
        if isinstance(got, str):
            results.append((False, f"OmegaT, TSV: {got}"))
        else:
            loaded = got.get(str(tsvs[0]))
            if loaded is None:
                results.append((False, f"OmegaT, TSV {tsvs[0].name}: not loaded (OmegaT reads .txt, .utf8, .tab)"))
            else:
                pairs = [tuple(e[:2]) for e in loaded]
                twice = len(pairs) - len(set(pairs))
                results.append((twice == 0 and bool(pairs), f"OmegaT, TSV {tsvs[0].name}: {len(pairs)} entries, {twice} twice"))

        # 4. XLSX reads back verbatim
        xlsx = out / "glossary.xlsx"
        if not xlsx.exists():
            subprocess.run([*glossary, "export", "--format", "xlsx", "-o", str(xlsx), *args.texts, "--terms", args.terms],
                           capture_output=True, check=False)
        from openpyxl import load_workbook

        rows_csv = list(csv.reader(io.StringIO((out / "glossary.csv").read_text(encoding="utf-8-sig"), newline="")))
        rows_xlsx = [["" if c.value is None else c.value for c in row] for row in load_workbook(xlsx).active.iter_rows()]

        def unguard(cell: str) -> str:
            return cell[1:] if cell[:2] in ("'=", "'+", "'-", "'@") else cell

        same = [[unguard(c) for c in row] for row in rows_csv] == rows_xlsx
        typed = all(isinstance(v, str) for row in rows_xlsx for v in row)
        quoted = sum(isinstance(v, str) and v.startswith("'") for row in rows_xlsx for v in row)
        results.append((same and typed and not quoted,
                        f"openpyxl, XLSX: {len(rows_xlsx)} rows, {'verbatim' if same else 'values differ from the CSV'}, "
                        f"{'every cell a string' if typed else 'some cells not strings'}, {quoted} values with a guard quote"))

        # 5. LibreOffice all-text filter keeps every cell
        if shutil.which("soffice") is None:
            results.append((False, "LibreOffice: not installed"))
        else:
            n = len(rows_csv[0])
            infilter = "CSV:44,34,76,1," + "/".join(f"{i}/2" for i in range(1, n + 1))
            lo = Path(tmp) / "lo"
            run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", f"--infilter={infilter}",
                 "--convert-to", "xlsx", "--outdir", str(lo), str(out / "glossary.csv")], env={**os.environ, "HOME": tmp})
            back = [["" if c.value is None else c.value for c in row] for row in load_workbook(lo / "glossary.xlsx").active.iter_rows()]
            changed = sum(a != b for r1, r2 in zip(rows_csv, back) for a, b in zip(r1, r2))
            results.append((back == rows_csv, f"LibreOffice, all-text filter: {len(back)} rows, {changed} cells changed"))

        # 6. a corpus of copies gives a TBX under 2 MB
        corpus = Path(tmp) / "corpus"
        for i in range(args.copies):
            for text in args.texts:
                src = Path(text)
                if src.is_dir():
                    shutil.copytree(src, corpus / str(i) / src.name)
                else:
                    (corpus / str(i)).mkdir(parents=True, exist_ok=True)
                    shutil.copy(src, corpus / str(i))
        big = Path(tmp) / "big"
        build(glossary, [str(corpus)], args.terms, big)
        sizes = {p.name: p.stat().st_size for p in big.iterdir() if p.suffix in (".tbx", ".json")}
        tbx_ok = all(size < 2_000_000 for name, size in sizes.items() if name.endswith(".tbx"))
        results.append((tbx_ok, f"{args.copies} copies of the texts: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(sizes.items()))))

    for ok, line in results:
        print(("PASS  " if ok else "FAIL  ") + line)
    failed = sum(not ok for ok, _ in results)
    print(f"{len(results) - failed} of {len(results)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
