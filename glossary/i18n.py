"""Messages in the user's language: choose it, load its catalog, translate.

Input: the language asked for (``--lang``) and the environment. Output: the
:func:`gettext` / :func:`ngettext` every user-facing message goes through,
and click's own messages (``Usage:``, ``Error: ...``) in the same language.

Steps:

1. :func:`choose_language`: ``--lang``, else ``GLOSSARY_LANG``, else the
   first non-empty of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` (POSIX order),
   else English. ``ko_KR.UTF-8`` means Korean; ``C``/``POSIX`` and any
   language we have no catalog for mean English, never an error.
2. :func:`set_language`: load the compiled catalog of that language
   (``glossary/locale/<lang>/LC_MESSAGES/glossary.mo``); once click is
   imported, also click's (``click.mo``), and route click's module-level
   ``_``/``ngettext`` (bound to the standard ``gettext.gettext`` at click's
   import) through this module.
3. :func:`gettext` / :func:`ngettext` at the moment a message is shown.
   Help texts are translated when click reads them, not when the decorators
   run, because the language is only known after the arguments are read.

Message ids are the English text, with named placeholders filled in after
translation: ``_("{path}: no such file").format(path=path)``.
The catalogs are edited as ``.po`` files and rebuilt with
``python scripts/update_catalogs.py`` (Babel's extract, update, compile).

Only the standard library, and nothing done at import time: this module is
on the path of every ``glossary lookup``; English never opens a file.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # `typing` costs milliseconds on the lookup path; annotations are strings anyway
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

#: Languages with a catalog, plus English, the language of the message ids.
LANGUAGES = ("en", "ko")
DEFAULT_LANGUAGE = "en"
#: Our messages, then click's: a message is looked up in that order.
DOMAINS = ("glossary", "click")
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
#: Environment variables consulted after ``--lang``, first non-empty wins.
ENV_VARS = ("GLOSSARY_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

_language = DEFAULT_LANGUAGE
_catalog: Any = None  # GNUTranslations of _language (click's chained behind once click runs), None for English
_loaded: dict[tuple[str, str], Any] = {}  # (language, domain) -> catalog


def normalize_language(value: str | None) -> str:
    """The catalog language for a ``--lang`` value or a POSIX locale name.

    Encoding (``.UTF-8``), modifier (``@euro``) and territory (``_KR``) are
    dropped; anything we have no catalog for is English.

    >>> [normalize_language(v) for v in ("ko_KR.UTF-8", "ko", "KO-kr", "C", "POSIX", "fr_FR", "", None)]
    ['ko', 'ko', 'ko', 'en', 'en', 'en', 'en', 'en']
    """
    if not value:
        return DEFAULT_LANGUAGE
    code = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language: ``--lang``, ``GLOSSARY_LANG``, the POSIX locale, English.

    An unknown value is English, not an error, and stops the search: the
    user asked for something, we cannot give it, English is the neutral answer.

    >>> choose_language(None, {"LANG": "ko_KR.UTF-8"}), choose_language("en", {"LANG": "ko_KR.UTF-8"})
    ('ko', 'en')
    >>> choose_language(None, {"LC_ALL": "", "LC_MESSAGES": "C", "LANG": "ko_KR.UTF-8"})
    'en'
    """
    if requested:
        return normalize_language(requested)
    env = os.environ if environ is None else environ
    for name in ENV_VARS:
        if env.get(name):
            return normalize_language(env[name])
    return DEFAULT_LANGUAGE


def find_lang_option(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` in ``args`` (before ``--``), or None.

    Read before click parses anything, so that click's own parsing errors
    are already in the chosen language.

    >>> find_lang_option(["--lang", "ko", "lookup", "以旧换新"]), find_lang_option(["lookup", "--lang=en", "x"])
    ('ko', 'en')
    >>> find_lang_option(["lookup", "--", "--lang"]) is None
    True
    """
    value = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value


def set_language(language: str) -> str:
    """Show every later message in ``language`` (normalised); return it.

    A language whose catalog is missing shows English.

    >>> set_language("ko"), gettext("Usage:"), set_language("xx"), gettext("Usage:")
    ('ko', '사용법:', 'en', 'Usage:')
    """
    global _language, _catalog
    _language = normalize_language(language)
    _catalog = None if _language == DEFAULT_LANGUAGE else _load_catalog(_language, "glossary")
    if _catalog is None:
        _language = DEFAULT_LANGUAGE
    if "click" in sys.modules:  # not on the lookup fast path: click's catalog is read only when click runs
        _route_click()
        click_catalog = _load_catalog(_language, "click") if _catalog is not None else None
        if click_catalog is not None and click_catalog is not _catalog and click_catalog not in _fallbacks(_catalog):
            _catalog.add_fallback(click_catalog)
    return _language


def current_language() -> str:
    """The language messages are shown in now (``"en"`` until :func:`set_language`).

    >>> current_language() in LANGUAGES
    True
    """
    return _language


def gettext(message: str) -> str:
    """``message`` in the current language (itself when there is no translation).

    >>> gettext("no translation for this")
    'no translation for this'
    """
    return message if _catalog is None else _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n``, in the current language.

    >>> set_language("en"), ngettext("{count} file", "{count} files", 2)
    ('en', '{count} files')
    """
    if _catalog is None:
        return singular if n == 1 else plural
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where ``context`` tells apart the same English word.

    A lookup label "ko" and a field name "ko" are one word in English, two in Korean.

    >>> set_language("ko"), pgettext("lookup label", "seen"), set_language("en"), pgettext("lookup label", "seen")
    ('ko', '출처', 'en', 'seen')
    """
    return message if _catalog is None else _catalog.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the conventional name, found by `pybabel extract -k N_`
    """Mark ``message`` for the catalog without translating it now (translated where shown).

    >>> N_("text")
    'text'
    """
    return message


_ = gettext

#: The operating-system errors a user meets reading texts and writing
#: outputs. Their ``strerror`` is the C library's English; these read well
#: in the catalog's languages. Any other error keeps ``strerror``.
_OS_REASONS = {
    "ENOENT": N_("no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("operation not permitted"),
    "EISDIR": N_("is a folder"),
    "ENOTDIR": N_("not a folder"),
    "ENOSPC": N_("no space left on the device"),
    "EROFS": N_("read-only file system"),
    "EEXIST": N_("already exists"),
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in the current language.

    >>> set_language("en"), os_reason(PermissionError(13, "Permission denied"))
    ('en', 'permission denied')
    """
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return gettext(_OS_REASONS[name])
    return exc.strerror or str(exc)


def _load_catalog(language: str, domain: str) -> Any:
    """The compiled catalog of one domain (``GNUTranslations``), or None when there is none."""
    if (language, domain) not in _loaded:
        import gettext as stdlib_gettext

        path = os.path.join(LOCALE_DIR, language, "LC_MESSAGES", f"{domain}.mo")
        try:
            with open(path, "rb") as fh:
                _loaded[language, domain] = stdlib_gettext.GNUTranslations(fh)
        except OSError:
            _loaded[language, domain] = None
    return _loaded[language, domain]


def _fallbacks(catalog: Any) -> list[Any]:
    chain = []
    while getattr(catalog, "_fallback", None) is not None:
        catalog = catalog._fallback
        chain.append(catalog)
    return chain


def _route_click() -> None:
    """Point click's ``_``/``ngettext`` at this module.

    click does ``from gettext import gettext as _`` in each of its modules,
    so its messages go to the standard library's global ``messages`` domain,
    whose language comes from the environment alone. Rebinding those names
    to our functions makes ``--lang`` apply to click too, with our catalog
    of click's message ids (domain ``click``). Idempotent.
    """
    import gettext as stdlib_gettext

    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        if getattr(module, "_", None) is stdlib_gettext.gettext:
            module._ = gettext
        if getattr(module, "ngettext", None) is stdlib_gettext.ngettext:
            module.ngettext = ngettext
