"""Babel display names and numbers: ``"ko"`` -> 한국어 / Korean, ``12345`` -> ``12,345``.

Input: a language or locale code (``ko``, ``zh_Hant``, ``en_US``) and the
locale to name it in (default: the interface language of
:mod:`glossary.i18n`). Output: text from CLDR, through Babel.

Babel costs ~40 ms to import, so it is imported inside the functions, and
the lookup fast path (:mod:`glossary.launcher`) does not use this module.
"""

from __future__ import annotations

from functools import cache

#: CLDR's ``localeDisplayPattern`` for the languages whose pattern is not
#: "{0} ({1})": Korean puts no space before the bracket, Chinese uses
#: full-width brackets. Babel hard-codes " (", so we apply the pattern here.
_DISPLAY_PATTERN = {"ko": "{0}({1})", "zh": "{0}（{1}）"}


def language_name(code: str, locale: str | None = None) -> str:
    """The name of the language ``code`` in ``locale``, as CLDR writes it.

    CLDR's own name for the whole code comes first ("Traditional Chinese"),
    unless it carries a qualifier the reader does not need (Korean CLDR says
    중국어(만다린, 번체)); then language and script/region are joined with the
    locale's display pattern. An unknown code is returned as given, an
    unknown ``locale`` names in English.

    >>> language_name("ko", "ko"), language_name("ko", "en")
    ('한국어', 'Korean')
    >>> language_name("zh_Hant", "ko"), language_name("zh_Hant", "en")
    ('중국어(번체)', 'Traditional Chinese')
    """
    return _language_name(code, _ui_locale(locale))


def format_number(number: float, locale: str | None = None) -> str:
    """``number`` with the grouping and decimal signs of ``locale``.

    >>> format_number(12345, "ko"), format_number(1234.5, "en")
    ('12,345', '1,234.5')
    """
    from babel.numbers import format_decimal

    return format_decimal(number, locale=_ui_locale(locale))


def _ui_locale(locale: str | None) -> str:
    if locale:
        return locale.replace("-", "_")
    from glossary.i18n import current_language

    return current_language()


@cache
def _language_name(code: str, locale: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        names_in = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        names_in = Locale.parse("en")
    try:
        named = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    whole = names_in.languages.get(code.replace("-", "_"))
    if whole and "(" not in whole and "（" not in whole:
        return whole
    name = names_in.languages.get(named.language) or code
    given = code.replace("-", "_").split("_")[1:]  # only what the code spells out, not likely subtags
    details = []
    if named.script and named.script in given:
        details.append(names_in.scripts.get(named.script, named.script))
    if named.territory and named.territory in given:
        details.append(names_in.territories.get(named.territory, named.territory))
    if not details:
        return name
    pattern = _DISPLAY_PATTERN.get(names_in.language, "{0} ({1})")
    return pattern.format(name, ", ".join(details))
