"""The plausibility of a decoding, counted at C speed, is the per-character count's to the last bit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.sources.text import LEGACY_CODECS, _plausibility_by_character, plausibility

#: Hangul, hanzi (frequent and rare), CJK punctuation, ASCII with spaces: what decodings turn into.
CHARS = st.sampled_from("가힣쩑쩟눈톝똠以舊換新两会國家鐵𠀋 a.,\n\t·「」　，。") | st.characters(max_codepoint=0xFFFF,
                                                                             blacklist_categories=("Cs",))


@settings(max_examples=400, deadline=None)
@given(text=st.text(CHARS, max_size=60), codec=st.sampled_from(LEGACY_CODECS))
def test_plausibility_is_the_per_character_count(text: str, codec: str) -> None:
    assert plausibility(text, codec) == _plausibility_by_character(text, codec)


def test_plausibility_of_real_texts_is_unchanged() -> None:
    korean = "시진핑(習近平) 국가주석은 양회(兩會)에서 공동부유(共同富裕)를 강조했다. " * 40
    for codec in LEGACY_CODECS:
        data = korean.encode("cp949")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        assert plausibility(text, codec) == _plausibility_by_character(text, codec)
    long = korean * 100  # past the 50,000 characters looked at
    assert plausibility(long, "big5") == _plausibility_by_character(long, "big5")
