"""The whole job in one call: texts + term base -> entries.

Input: paths of texts (files or folders) and of ``terms.yaml``.
Output: a :class:`BuildResult` with the entries (a list, or for ``glossary
build`` an :class:`EntryStream` the writers read once, as the merge makes
them), the occurrences, what was read, and a hash of every input (for the
lookup index's staleness check).
Steps: ``sources`` -> ``extract`` -> ``merge`` (``normalize``, ``readings``,
``glosses``), with ``termbase`` read first so a broken term base fails fast.
While a build's cache is open (:func:`glossary.memo.cache_file`), a text
whose path and bytes it already holds is not read again: its occurrences
come back from the cache (:func:`_with_kept`).
"""

from __future__ import annotations

import hashlib
import os
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO
from pathlib import Path

from glossary.model import Entry, Occurrence, Source, Term
from glossary.sources import Progress, Skipped

if TYPE_CHECKING:  # extraction alone never reads a term base: not imported for it (65 ms)
    from glossary.termbase import Termbase


@dataclass(frozen=True, slots=True)
class FileRead:
    """One text the build read."""

    path: str
    encoding: str | None
    language: str  # "ko" when the text is mostly hangul, else "en"


@dataclass(slots=True)
class EntryTally:
    """What the summary says of the entries, counted as they pass."""

    with_en: int = 0  # entries with an English rendering
    from_context: int = 0  # ... one of them from the texts
    ko_sources: Counter[str] = field(default_factory=Counter)  # where each Korean term came from (ko_source)

    def add(self, entry: Entry) -> None:
        from glossary.korean import ko_source

        if entry.en:
            self.with_en += 1
            self.from_context += any(r.source == "context" for r in entry.en)
        if entry.ko:
            self.ko_sources[ko_source(entry.ko, entry.ko_renderings)] += 1


class EntryStream:
    """A build's entries as the merge makes them, one at a time (:class:`glossary.merge.MergedEntries`).

    Read once, by the writers of the build (:func:`glossary.build.write_build`);
    counted for the summary as they pass (:attr:`tally`); once all are read,
    pykakasi is let go. ``len`` is the number of entries, known before any is made.
    """

    def __init__(self, merged: Any) -> None:
        self._merged = merged
        self.tally = EntryTally()
        self.read = False

    def __len__(self) -> int:
        return len(self._merged)

    def __iter__(self) -> Iterator[Entry]:
        from glossary.readings import release_kakasi

        add = self.tally.add
        for entry in self._merged:
            add(entry)
            yield entry
        self.read = True
        release_kakasi()


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Everything a build produced, for the exporters, the index and the summary."""

    entries: list[Entry] | EntryStream
    occurrences: list[Occurrence]
    files: list[FileRead]
    termbase: Termbase
    inputs: dict[str, str] = field(default_factory=dict)  # path -> sha256
    folders: tuple[str, ...] = ()  # the folders walked, for the index's freshness check
    skipped: list[Skipped] = field(default_factory=list)  # files a folder walk did not read, and why

    def summary(self) -> str:
        """A few lines for the terminal: files, occurrences, terms, term base.

        In the interface language, with language names and numbers from Babel.
        """
        from glossary.i18n import _, ngettext
        from glossary.locales import format_number, language_name

        num = format_number
        per_language = ", ".join(
            # TRANSLATORS: one item of "Read 2 files (1 English, 1 Korean)"; {language} is a Babel language name.
            _("{count} {language}").format(language=language_name(code), count=num(count))
            for code, count in self.files_per_language().items()
        )
        read = ngettext("Read {files} file", "Read {files} files", len(self.files)).format(files=num(len(self.files)))
        occurrences = ngettext("{occurrences} occurrence", "{occurrences} occurrences", len(self.occurrences)).format(
            occurrences=num(len(self.occurrences)))
        terms = ngettext("{terms} term", "{terms} terms", len(self.entries)).format(terms=num(len(self.entries)))
        lines = [
            # TRANSLATORS: "Read 2 files (1 English, 1 Korean): 33 occurrences of 18 terms."; each part is plural-aware.
            _("{read} ({per_language}): {occurrences} of {terms}.").format(
                read=read, per_language=per_language, occurrences=occurrences, terms=terms)
        ]
        if self.skipped:
            from glossary.sources import skipped_summary

            line = skipped_summary(self.skipped)
            lines.append(line[:1].upper() + line[1:] + ".")
            shown = sorted(self.skipped, key=lambda s: s.path)[:SKIPPED_SHOWN]
            lines.extend(f"  {s.path}: {s.reason}" for s in shown)
            if len(self.skipped) > SKIPPED_SHOWN:
                more = len(self.skipped) - SKIPPED_SHOWN
                lines.append("  " + ngettext("... and {count} more", "... and {count} more", more).format(count=num(more)))
        tally = self.tally()
        with_en, from_context = tally.with_en, tally.from_context
        lines.append(
            ngettext(
                "English renderings: {with_en} of {terms} term ({from_context} from the texts).",
                "English renderings: {with_en} of {terms} terms ({from_context} from the texts).",
                len(self.entries),
            ).format(with_en=num(with_en), terms=num(len(self.entries)), from_context=num(from_context))
        )
        lines.append(self.korean_summary())
        if self.termbase.path is None:
            lines.append(_("Term base: none (terms.yaml not found); all values computed."))
        else:
            terms_ = self.termbase.terms
            rejected = sum(t.status == "rejected" for t in terms_)
            added = sum(t.status == "candidate" and not _curated(t) for t in terms_)
            lines.append(
                _("Term base: {path} ({curated} curated, {candidates} added by the tool, {rejected} rejected).").format(
                    path=self.termbase.path, curated=num(len(terms_) - rejected - added),
                    candidates=num(added), rejected=num(rejected),
                )
            )
        return "\n".join(lines)

    def korean_summary(self) -> str:
        """The line about Korean terms: how many have one, how many the texts gave or a name's transcription.

        >>> from glossary.model import Rendering
        >>> from glossary.termbase import Termbase
        >>> e = Entry("习近平", "習近平", "习近平", ko="시진핑", ko_renderings=(Rendering("시진핑", "transcription"),))
        >>> BuildResult([e], [], [], Termbase(None)).korean_summary()
        'Korean: 1 of 1 terms (0 from the texts, 1 transcribed).'
        """
        from glossary.i18n import _
        from glossary.locales import format_number as num

        tally = self.tally()
        sources = tally.ko_sources
        return _("Korean: {with_ko} of {terms} terms ({from_context} from the texts, {transcribed} transcribed).").format(
            with_ko=num(sum(sources.values())), terms=num(len(self.entries)),
            from_context=num(sources["context"]), transcribed=num(sources["transcription"]),
        )

    def tally(self) -> EntryTally:
        """The counts of the summary: of a list, counted here; of a stream, as it was read (read whole here if not yet)."""
        if isinstance(self.entries, EntryStream):
            if not self.entries.read:
                for _ in self.entries:
                    pass
            return self.entries.tally
        tally = EntryTally()
        for e in self.entries:
            tally.add(e)
        return tally

    def files_per_language(self) -> dict[str, int]:
        """How many texts were read in each language: English and Korean always, others when met.

        >>> from glossary.termbase import Termbase
        >>> BuildResult([], [], [FileRead("a.txt", "utf-8", "ko")], Termbase(None)).files_per_language()
        {'en': 0, 'ko': 1}
        """
        counts = {"en": 0, "ko": 0}
        for f in self.files:
            counts[f.language] = counts.get(f.language, 0) + 1
        return counts


# The language of a text is counted in bytes, at C speed: a Python test per
# character cost 3-7 s of a 9 s build on 50 MB. In UTF-8 every hangul syllable
# (U+AC00-U+D7A3) starts with a byte EA-ED; the few other characters that do
# (U+A000-U+ABFF, U+D7A4-U+DFFF: Yi, Javanese, Cham, jamo extensions,
# surrogates) are counted by a regex and taken off.
_NOT_LEAD = bytes(b for b in range(256) if b not in (0xEA, 0xEB, 0xEC, 0xED))
_NOT_SYLLABLE = re.compile(rb"\xea[\x80-\xaf]|\xed[\x9f-\xbf]|\xed\x9e[\xa4-\xbf]")
_ASCII_LETTERS = string.ascii_letters.encode()


#: Skipped files listed one by one under the summary; the rest are counted.
SKIPPED_SHOWN = 10


def _curated(term: Term) -> bool:
    """Whether a person wrote anything in a block (a candidate the tool added has only tool fields).

    >>> _curated(Term("兩會")), _curated(Term("兩會", en="Two Sessions"))
    (False, True)
    """
    return term.status == "approved" or any(
        (term.en, term.en_alt, term.ko, term.ko_alt, term.simp, term.ja, term.pinyin, term.abbrev, term.note))


def _language(text: str) -> str:
    """"ko" when hangul syllables outnumber a third of the ASCII letters, else "en".

    >>> _language("양회(兩會)가 열렸다"), _language("The Two Sessions (兩會) 양회")
    ('ko', 'en')
    """
    hangul, latin = _letters(text.encode("utf-8", "surrogatepass"))
    return "ko" if hangul > latin / 3 else "en"


def _letters(data: bytes) -> tuple[int, int]:
    """Hangul syllables and ASCII letters of a text in UTF-8, counted as :func:`_language` counts them."""
    hangul = len(data.translate(None, _NOT_LEAD))
    if hangul:  # the regex scan costs more than the count: an English text has no lead byte at all
        hangul -= len(_NOT_SYLLABLE.findall(data))
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return hangul, latin


def default_jobs() -> int:
    """Worker processes for per-file extraction: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _window_occurrences(path: Path) -> Iterator[tuple[Source, Iterator[Occurrence]]]:
    """Read and decode one file; each window of it with its occurrences, as they are found.

    A big text comes in windows (:func:`glossary.sources.iter_windows`),
    extracted one by one with their line numbers moved to the file's.
    """
    from dataclasses import replace

    from glossary.extract import extract_occurrences
    from glossary.sources import iter_windows

    for source in iter_windows(path):
        occurrences = extract_occurrences(source.text, source.path, source.encoding)
        if source.line > 1:  # a window of a big text: lines from where it starts in the file
            occurrences = (replace(o, line=o.line + source.line - 1) for o in occurrences)
        if source.locator:  # a document without lines: say where a person finds it (as extract_corpus does)
            from glossary.sources.document import locate

            occurrences = locate(occurrences, source)
        yield source, occurrences


def _extract_file(path: Path) -> tuple[FileRead, str, list[Occurrence]]:
    """Read, decode and extract one file, with its hash and language: the unit of work of a build's worker."""
    digest = hashlib.sha256()
    found: list[Occurrence] = []
    hangul = latin = 0
    for source, occurrences in _window_occurrences(path):
        data = source.text.encode("utf-8", "surrogatepass")
        digest.update(data)
        found.extend(occurrences)
        h, l = _letters(data)
        hangul, latin = hangul + h, latin + l
    return FileRead(source.path, source.encoding, "ko" if hangul > latin / 3 else "en"), digest.hexdigest(), found


def _extract_file_jsonl(path: Path, folder: str) -> tuple[list[tuple[str, str, str, str]], Any, str]:
    """One file's JSON lines, written in UTF-8 to a file of its own in ``folder``, and what the agreement needs.

    Each occurrence is turned into its line as it is found (no list of
    records) and goes to the file through a 1 MB buffer: a file's lines never
    sit whole in memory, neither here nor in the parent, which copies the
    files to the output in walk order (a dense 2 MB text makes 10 MB of lines;
    held as one buffer, pickled and waiting a few files ahead, they were
    most of the peak memory of ``extract`` on a dense corpus). Returned
    beside the file's name: the distinct (term, rendering, kind of rendering,
    kind) of the file in the order first met, and per line 1 + the number of
    its own in that list (0 for none), an array of 4 bytes a line. No hash
    nor language: the JSON lines do not carry them.
    """
    import tempfile
    from array import array

    from glossary.occurrences import occurrence_line

    distinct: dict[tuple[str, str, str, str], int] = {}
    numbers = array("I")
    handle, name = tempfile.mkstemp(suffix=".jsonl", dir=folder)
    with open(handle, "wb", buffering=1 << 20) as lines:
        write = lines.write
        for _, found in _window_occurrences(path):
            for o in found:
                if o.gloss and o.gloss_kind:
                    numbers.append(distinct.setdefault((o.term, o.gloss, o.gloss_kind, o.kind), len(distinct)) + 1)
                else:
                    numbers.append(0)
                write((occurrence_line(o) + "\n").encode("utf-8"))
    return list(distinct), numbers, name


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one file is extracted, and let it run again after.

    Why: extraction makes no reference cycles (its records are freed as soon
    as they are dropped), but it allocates millions of short-lived objects,
    and each allocation threshold set the collector walking every object the
    run keeps (per-term memos, dictionary lines): about 5 % of the CPU of
    ``extract`` on a corpus of varied text. Garbage a cycle would hold is
    still collected, once the file is done.
    """
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _guarded(work: Callable[[Path], Any], path: Path, named: bool, skipping: bool) -> tuple[str | None, Any]:
    """(None, result) of one file, or (reason, None) for a walked file that cannot be read and may be skipped.

    The work runs with the cycle collector paused (:func:`_collector_paused`).
    """
    from glossary.model import InputError

    try:
        with _collector_paused():
            return None, work(path)
    except InputError as exc:
        if named or not skipping:
            raise
        return exc.reason, None


def extract_files(
    paths: list[Path], *, jobs: int | None = None, work: Callable[[Path], Any] | None = None,
    skipped: list[Skipped] | None = None, progress: Progress | None = None,
) -> Iterator[Any]:
    """Each file's record, text hash and occurrences, in the order the files are walked.

    Files are independent, so up to ``jobs`` worker processes (default: the
    machine's cores) read and extract them; results come back in walk order
    whatever finishes first, so the output never depends on ``jobs``. One
    job, or one file, runs in this process. ``work`` replaces the unit of
    work (default: read, decode, extract; see :func:`stream_jsonl`).
    ``skipped`` and ``progress`` as in :func:`glossary.sources.iter_sources`.

    >>> list(extract_files([]))
    []
    """
    from functools import partial

    from glossary.sources import _size, list_sources

    files = list_sources(paths, skipped)
    work = work or _extract_file
    jobs = default_jobs() if jobs is None else max(1, jobs)
    sizes = [_size(p) for p, _ in files] if progress is not None else []
    if progress is not None:
        progress.start(len(files), sum(sizes))
    guarded = partial(_guarded, work, skipping=skipped is not None)
    pools: list[Any] = []  # the worker pool, once made
    digests, kept = _digests(files) if work is _extract_file else ([], set())
    missing = [f for n, f in enumerate(files) if n not in kept]
    if jobs == 1 or len(missing) < 2:
        results: Iterator[tuple[str | None, Any]] = (guarded(p, named) for p, named in missing)
    else:
        results = _pooled(missing, guarded, jobs, pools)
    if digests:  # a build's cache is open: files it keeps are not read again, the others are kept
        results = _with_kept(files, digests, kept, results, guarded)
    try:
        for n, (reason, result) in enumerate(results):
            if reason is not None and skipped is not None:
                skipped.append(Skipped(str(files[n][0]), reason))
            else:
                yield result
            del result
            if progress is not None:
                progress.advance(str(files[n][0]), sizes[n])
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)


def _file_digest(path: Path) -> str | None:
    """sha256 of a regular file's bytes and of the limits that decide how it is read; None for anything else."""
    import stat

    from glossary.limits import current

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a pipe or a device: read once, by its reader
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None  # its reader says why
    limits = current()
    digest.update(f"\0{limits.text_bytes}\0{limits.text_window}".encode())
    return digest.hexdigest()


def _digests(files: list[tuple[Path, bool]]) -> tuple[list[str | None], set[int]]:
    """Each file's digest (:func:`_file_digest`), and the positions of those whose extraction the build's cache keeps.

    Nothing to hash when no cache is open (``glossary.memo.cache_file``).
    """
    from glossary import memo

    if not memo.caching():
        return [], set()
    known = memo.file_digests()
    digests = [_file_digest(path) for path, _ in files]
    return digests, {n for n, d in enumerate(digests) if d is not None and known.get(str(files[n][0])) == d}


def _with_kept(files: list[tuple[Path, bool]], digests: list[str | None], kept: set[int],
               computed: Iterator[tuple[str | None, Any]],
               guarded: Callable[[Path, bool], tuple[str | None, Any]]) -> Iterator[tuple[str | None, Any]]:
    """The results of every file in walk order: kept ones decoded from the cache, the others computed and kept."""
    from glossary import memo

    for n, (path, named) in enumerate(files):
        value = memo.stored_file(str(path), digests[n]) if n in kept else None  # type: ignore[arg-type]
        if value is not None:
            try:
                decoded = _decode_file(value)
            except (ValueError, TypeError):  # a damaged cache: the file is read again, as if not kept
                decoded = None
            if decoded is not None:
                yield None, decoded
                continue
        # a kept file whose row cannot be read back is extracted here; the others came from `computed`, in order
        reason, result = guarded(path, named) if n in kept else next(computed)
        if reason is None and digests[n] is not None:
            memo.keep_file(str(path), digests[n], _encode_file(result))  # type: ignore[arg-type]
        yield reason, result


def _encode_file(result: tuple[FileRead, str, list[Occurrence]]) -> str:
    """One file's extraction as the cache keeps it: a JSON line of the record and text hash,
    then one JSON array of its occurrences' rows (:func:`glossary.occurrences.occurrence_row`)."""
    from glossary.jsonenc import encoder
    from glossary.occurrences import occurrence_row

    read, digest, found = result
    compact = encoder(",", ":")
    return compact([read.path, read.encoding, read.language, digest]) + "\n" + compact([occurrence_row(o) for o in found])


def _decode_file(value: str) -> tuple[FileRead, str, list[Occurrence]]:
    """What :func:`_encode_file` wrote, back (JSON escapes every line break inside a string)."""
    import json

    from glossary.occurrences import occurrence_from_row

    head, rows = value.split("\n")
    path, encoding, language, digest = json.loads(head)
    return FileRead(path, encoding, language), digest, [occurrence_from_row(row) for row in json.loads(rows)]


def _pooled(files: list[tuple[Path, bool]], guarded: Callable[[Path, bool], Any], jobs: int,
            pools: list[Any]) -> Iterator[tuple[str | None, Any]]:
    """The results of ``guarded`` over ``files`` in order, from worker processes (the pool goes into ``pools``).

    fork: the workers start with the parent's imports and data; each opens
    its own connection to the dictionaries (glossary.datastore). The first
    file is extracted here, before the fork, and handed on before the
    workers start: they begin with what it loaded and warmed (the OpenCC
    converters, pinyin and hanja tables, dictionary pages, the per-term memos
    of extraction) instead of each loading them again,
    and without its results in their memory. Nothing is loaded ahead of
    need: a folder of texts without hanzi loads no table at all.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    rest = files
    if method == "fork":
        yield guarded(files[0][0], files[0][1])
        rest = files[1:]
    workers = min(jobs, len(rest))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    pools.append(pool)
    # A few files ahead of the one handed on, not all: results wait in this process
    # in walk order, so a file read out of turn is held, and memory stays bounded.
    pending: deque[Any] = deque()
    files_left = iter(rest)
    for path, named in islice(files_left, 2 * workers):
        pending.append(pool.submit(guarded, path, named))
    while pending:
        result = pending.popleft().result()
        for path, named in islice(files_left, 1):
            pending.append(pool.submit(guarded, path, named))
        yield result
        del result


def extract_paths(paths: list[Path], *, jobs: int | None = None, skipped: list[Skipped] | None = None,
                  progress: Progress | None = None) -> list[Occurrence]:
    """Every occurrence of the texts, after the corpus-wide agreement on renderings.

    What :func:`glossary.extract.extract_corpus` does, with the files
    extracted in parallel (:func:`extract_files`).
    """
    from glossary.extract import agree_renderings

    found = extract_files(paths, jobs=jobs, skipped=skipped, progress=progress)
    return agree_renderings([occ for _, _, occs in found for occ in occs])


def stream_jsonl(paths: list[Path], out: TextIO, *, jobs: int | None = None, skipped: list[Skipped] | None = None,
                 progress: Progress | None = None) -> int:
    """Write every occurrence of the texts to ``out`` as JSON lines (``extract --format jsonl``); return the count.

    The same records as :func:`extract_paths`, in the same order, with
    memory flat in the size of the corpus and the density of its terms:
    each file's records go to a file of their own in a temporary folder as
    they are found (:func:`_extract_file_jsonl`), with a count of each
    (term, rendering) met; the agreement on renderings then runs on those
    counts alone (:func:`glossary.extract.agree.changed_renderings`), and
    the files are copied to ``out`` in walk order with the renderings it changed.
    """
    import json
    import tempfile
    from collections import Counter
    from functools import partial

    from array import array

    from glossary.extract.agree import changed_renderings

    seen: Counter[tuple[str, str, str, str]] = Counter()
    ids: dict[tuple[str, str, str, str], int] = {}
    line_keys = array("I")  # per record: 1 + id of its (term, rendering), 0 for none; 4 bytes a record
    count = 0
    names: list[str] = []  # each file's lines, in walk order: together, the spool
    with tempfile.TemporaryDirectory(prefix="glossary-extract-") as folder:
        work = partial(_extract_file_jsonl, folder=folder)
        for keys, numbers, name in extract_files(paths, jobs=jobs, work=work, skipped=skipped, progress=progress):
            met = Counter(numbers)
            ours = array("I", [0])  # the file's numbers -> the corpus's
            for n, key in enumerate(keys, 1):
                seen[key] += met[n]
                ours.append(ids.setdefault(key, len(ids)) + 1)
            line_keys.extend(map(ours.__getitem__, numbers))
            names.append(name)
            count += len(numbers)
            del keys, numbers  # not held while the next file is read (the first file's, while the workers fork)
        changed: dict[int, str] = {}
        for key, better in changed_renderings(seen).items():
            changed[ids[key] + 1] = better
        if not changed:
            for name in names:
                with open(name, encoding="utf-8") as lines:
                    while chunk := lines.read(1 << 20):
                        out.write(chunk)
            return count
        batch: list[str] = []
        number = 0
        for name in names:
            with open(name, encoding="utf-8") as lines:
                for line in lines:
                    better = changed.get(line_keys[number])
                    number += 1
                    if better is not None:
                        record = json.loads(line)
                        record["gloss"] = better
                        line = json.dumps(record, ensure_ascii=False) + "\n"
                    batch.append(line)
                    if len(batch) >= 4096:
                        out.write("".join(batch))
                        batch.clear()
        out.write("".join(batch))
    return count


def run_pipeline(
    paths: list[Path], terms_path: Path, *, terms_required: bool, jobs: int | None = None,
    occurrence_files: list[Path] | tuple[Path, ...] = (), progress: Progress | None = None, stream: bool = False,
) -> BuildResult:
    """Read the term base and the texts, extract, merge.

    ``terms_required`` is True when the user named the term base: then a
    missing file is an error; otherwise a missing ``terms.yaml`` means an
    empty term base. Files in folders that cannot be read are skipped and
    listed in the result; ``progress`` is told of every file read. ``jobs``:
    worker processes for extraction (default: the machine's cores).
    ``occurrence_files``: JSONL occurrences extracted elsewhere (``glossary
    extract --format jsonl``), merged with those of ``paths``; each file
    counts as an input of the index. ``stream``: the entries are an
    :class:`EntryStream`, made as they are read (once), instead of a list:
    the build's memory then holds a batch of entries, not all of them.
    """
    from glossary.extract import agree_renderings
    from glossary.merge import MergedEntries
    from glossary.occurrences import read_occurrences
    from glossary.termbase import read_termbase

    termbase = read_termbase(terms_path, required=terms_required)
    files: list[FileRead] = []
    inputs: dict[str, str] = {}
    if termbase.path is not None and termbase.sha256:
        inputs[str(termbase.path)] = termbase.sha256
    skipped: list[Skipped] = []
    occurrences: list[Occurrence] = []
    for read, digest, found in extract_files(paths, jobs=jobs, skipped=skipped, progress=progress):
        files.append(read)
        inputs[read.path] = digest
        occurrences.extend(found)
    for path in occurrence_files:
        occurrences.extend(read_occurrences(path))
        inputs[str(path)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    occurrences = agree_renderings(occurrences)
    merged = MergedEntries(occurrences, termbase)
    entries: list[Entry] | EntryStream
    if stream:
        entries = EntryStream(merged)  # pykakasi let go once the last entry is made
    else:
        from glossary.readings import release_kakasi

        entries = list(merged)
        release_kakasi()  # the writers and the index read no kana: pykakasi's 96 MB go before they run
    folders = tuple(str(p) for p in paths if Path(p).is_dir())
    return BuildResult(entries=entries, occurrences=occurrences, files=files, termbase=termbase, inputs=inputs,
                       folders=folders, skipped=skipped)
