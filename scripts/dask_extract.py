#!/usr/bin/env python3
"""Extract a folder of texts with Dask, for ``glossary build --occurrences``.

Usage:
    python scripts/dask_extract.py TEXTS OUTDIR [--partitions N] [--scheduler processes|threads|sync|ADDRESS]
    glossary build --occurrences OUTDIR/*.jsonl

Extraction is per document and pure (``glossary.extract.extract_occurrences``
takes a text and returns its occurrences), so an archive too big for one
machine can be mapped over a Dask cluster: each partition of files is read,
decoded and extracted on a worker, which writes ``OUTDIR/NNNNN.jsonl``
(the ``glossary extract --format jsonl`` records; OUTDIR must be on storage
every worker sees). The merge, which needs every occurrence of a term
together, then runs here: ``build`` reads the part files in name order,
so the glossary is the one ``glossary build TEXTS`` would write.

``--scheduler`` takes a Dask scheduler name or the address of a
``dask.distributed`` scheduler (``tcp://host:8786``; needs the
``distributed`` package). Needs the ``dask`` extra: ``pip install '.[dask]'``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def extract_file(path: str) -> list[str]:
    """The JSONL lines of one file's occurrences (runs on a worker)."""
    from glossary.extract import extract_occurrences
    from glossary.occurrences import occurrence_record
    from glossary.sources import read_source

    source = read_source(Path(path))
    return [
        json.dumps(occurrence_record(occ), ensure_ascii=False)
        for occ in extract_occurrences(source.text, source.path, source.encoding)
    ]


def extract_folder(texts: Path, out: Path, *, partitions: int | None = None, scheduler: str | None = None) -> list[Path]:
    """Write one JSONL file of occurrences per partition of the texts; return them in order."""
    import dask.bag as db

    from glossary.sources import list_sources

    paths = [str(p) for p, _ in list_sources([texts])]
    if not paths:
        return []
    out.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(paths, npartitions=min(partitions or len(paths), len(paths))).map(extract_file).flatten()
    names = [str(out / f"{n:05d}.jsonl") for n in range(bag.npartitions)]
    compute = {}
    if scheduler and "://" in scheduler:
        from dask.distributed import Client  # noqa: F401 - registers itself as the default scheduler

        client = Client(scheduler)
        compute["scheduler"] = client
    elif scheduler:
        compute["scheduler"] = scheduler
    bag.to_textfiles(names, encoding="utf-8", last_endline=True, compute=True, **compute)
    return [Path(name) for name in names]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--partitions", type=int, help="partitions of files [one per file]")
    parser.add_argument("--scheduler", help="processes, threads, sync, or a dask.distributed address [processes]")
    args = parser.parse_args()
    written = extract_folder(args.texts, args.out, partitions=args.partitions, scheduler=args.scheduler or "processes")
    lines = sum(1 for path in written for _ in open(path, encoding="utf-8"))
    print(f"wrote {len(written)} files, {lines:,} occurrences: glossary build --occurrences {args.out}/*.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
