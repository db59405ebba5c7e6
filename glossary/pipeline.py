"""The whole job in one call: texts + term base -> entries.

Input: paths of texts (files or folders) and of ``terms.yaml``.
Output: a :class:`BuildResult` with the entries, the occurrences, what was
read, and a hash of every input (for the lookup index's staleness check).
Steps: ``sources`` -> ``extract`` -> ``merge`` (``normalize``, ``readings``,
``glosses``), with ``termbase`` read first so a broken term base fails fast.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from glossary.model import Entry, Occurrence, Term
from glossary.sources import Progress, Skipped
from glossary.termbase import Termbase, read_termbase


@dataclass(frozen=True, slots=True)
class FileRead:
    """One text the build read."""

    path: str
    encoding: str | None
    language: str  # "ko" when the text is mostly hangul, else "en"


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Everything a build produced, for the exporters, the index and the summary."""

    entries: list[Entry]
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
        with_en = sum(bool(e.en) for e in self.entries)
        from_context = sum(any(r.source == "context" for r in e.en) for e in self.entries)
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
        from glossary.korean import ko_source
        from glossary.locales import format_number as num

        sources = [ko_source(e.ko, e.ko_renderings) for e in self.entries if e.ko]
        return _("Korean: {with_ko} of {terms} terms ({from_context} from the texts, {transcribed} transcribed).").format(
            with_ko=num(len(sources)), terms=num(len(self.entries)),
            from_context=num(sources.count("context")), transcribed=num(sources.count("transcription")),
        )

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
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    return "ko" if hangul > latin / 3 else "en"


def run_pipeline(paths: list[Path], terms_path: Path, *, terms_required: bool,
                 progress: Progress | None = None) -> BuildResult:
    """Read the term base and the texts, extract, merge.

    ``terms_required`` is True when the user named the term base: then a
    missing file is an error; otherwise a missing ``terms.yaml`` means an
    empty term base. Files in folders that cannot be read are skipped and
    listed in the result; ``progress`` is told of every file read.
    """
    from glossary.extract import extract_corpus
    from glossary.merge import merge_entries
    from glossary.sources import iter_sources

    termbase = read_termbase(terms_path, required=terms_required)
    files: list[FileRead] = []
    inputs: dict[str, str] = {}
    if termbase.path is not None and termbase.sha256:
        inputs[str(termbase.path)] = termbase.sha256

    skipped: list[Skipped] = []

    def read_all():  # noqa: ANN202 - generator of Source
        for source in iter_sources(paths, skipped=skipped, progress=progress):
            files.append(FileRead(source.path, source.encoding, _language(source.text)))
            inputs[source.path] = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
            yield source

    occurrences = extract_corpus(read_all())
    entries = merge_entries(occurrences, termbase)
    folders = tuple(str(p) for p in paths if Path(p).is_dir())
    return BuildResult(entries=entries, occurrences=occurrences, files=files, termbase=termbase, inputs=inputs,
                       folders=folders, skipped=skipped)
