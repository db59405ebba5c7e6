-- Lookup index written by `glossary build` (glossary/index/build.py: build_index).
--
-- Every form of every entry is folded (lower case, no tone marks, no spaces,
-- hyphens or punctuation; see glossary/index/fold.py: fold_key) and stored once in
-- `forms`. Form ids follow (length, text) order, so the smallest ids among a
-- set of candidates are the shortest forms, and a length window is an id range
-- (`form_lengths`). `grams` holds, for each q-gram (bigram for CJK, kana and
-- hangul, padded trigram for Latin), the sorted form ids that contain it as a
-- packed array of uint32: substring search intersects them, fuzzy search
-- counts them (the q-gram count filter) before an edit-distance check.
-- English renderings are also in an FTS5 table for word search, and their
-- words in `words`/`word_grams` (same scheme) to correct typos word by word.

CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE entries (
    id     INTEGER PRIMARY KEY,
    key    TEXT NOT NULL,      -- the merge key (simplified form)
    weight INTEGER NOT NULL,   -- ranks entries that share a form: approved, often seen
    json   BLOB NOT NULL       -- the entry JSON (as `lookup --json` prints it), deflated
);

CREATE TABLE forms (
    id   INTEGER PRIMARY KEY,  -- in (length(text), text) order
    text TEXT NOT NULL UNIQUE  -- folded form
);

CREATE TABLE form_lengths (
    length   INTEGER PRIMARY KEY,
    first_id INTEGER NOT NULL  -- smallest form id of this length
);

CREATE TABLE keys (
    form_id  INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    field    INTEGER NOT NULL, -- index into glossary.index.FIELDS
    PRIMARY KEY (form_id, entry_id, field)
) WITHOUT ROWID;

-- Postings live in rowid tables, their grams in an index of their own: in a
-- WITHOUT ROWID table a key is compared with the whole row, so finding one
-- gram read the long postings beside it (megabytes) in full.
CREATE TABLE grams (
    id   INTEGER PRIMARY KEY,  -- in gram order
    gram TEXT NOT NULL UNIQUE,
    ids  BLOB NOT NULL         -- sorted form ids, array('I')
);

CREATE TABLE words (
    id   INTEGER PRIMARY KEY,  -- in (length(word), word) order
    word TEXT NOT NULL UNIQUE
);

CREATE TABLE word_lengths (
    length   INTEGER PRIMARY KEY,
    first_id INTEGER NOT NULL
);

CREATE TABLE word_grams (
    id   INTEGER PRIMARY KEY,
    gram TEXT NOT NULL UNIQUE,
    ids  BLOB NOT NULL         -- sorted word ids, array('I')
);

CREATE VIRTUAL TABLE english USING fts5 (
    text,
    entry_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
