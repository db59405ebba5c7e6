"""JSON text of small values, by json's C encoder built once, for the build's writers, index and cache.

Input: a value of JSON types (dicts with string keys, lists, tuples,
strings, numbers, None). Output: exactly what ``json.dumps(value,
ensure_ascii=False, separators=...)`` gives.

Why hand-written: ``json.dumps`` with any argument builds a new
``JSONEncoder`` and, inside it, a new C encoder on every call, which costs
more than encoding an entry's field; a build encodes a few hundred thousand
small values (the JSON file a field at a time, each index entry, each cached
result). The C encoder is made once per pair of separators here and called
directly. Without the circular-reference check: the values are trees made by
the build. Where Python has no C encoder, ``JSONEncoder.encode`` does it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any


@cache
def encoder(item_separator: str = ", ", key_separator: str = ": ") -> Callable[[Any], str]:
    """A function giving ``json.dumps(value, ensure_ascii=False, separators=(item_separator, key_separator))``.

    >>> encoder()({"text": "兩會", "count": [1, 2]}), encoder(",", ":")({"a": None})
    ('{"text": "兩會", "count": [1, 2]}', '{"a":null}')
    """
    from json import encoder as json_encoder

    plain = json_encoder.JSONEncoder(ensure_ascii=False, separators=(item_separator, key_separator))
    make = json_encoder.c_make_encoder
    if make is None:  # no C accelerator: the library's own path
        return plain.encode
    string = json_encoder.encode_basestring
    c_encode = make(None, plain.default, string, None, key_separator, item_separator, False, False, True)
    join = "".join

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return string(value)
        return join(c_encode(value, 0))

    return encode
