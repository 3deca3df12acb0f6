"""Load a corpus of articles, validated, with every bad record kept in ``rejects``.

>>> corpus = load_corpus("data/events")          # doctest: +SKIP
>>> len(corpus), len(corpus.rejects)             # doctest: +SKIP

Inputs: a folder (read recursively) of ``.md``/``.txt`` files with optional
YAML front matter, ``.csv``, ``.jsonl`` and ``.parquet`` files, a single such file, a pandas
DataFrame, or a list of dicts. Fields: ``text`` (required), ``id``,
``source``, ``title``, ``published``, ``event``, ``url``, ``language``;
unknown fields are kept as extra columns.

Rules, so that nothing vanishes: ``len(corpus) + len(corpus.rejects)`` equals
the number of records read. A record is rejected (with where, reason and fix)
when it cannot be read, has no text, repeats an earlier ``id``, repeats an
earlier article's text exactly, or holds characters no file can store (a lone
surrogate such as ``\udcb5``, left by decoding with ``surrogateescape``; a NUL).
Files deliberately not read (hidden, ``README``, our own output folders) are
listed in ``corpus.skipped``; see :mod:`analysis.corpus.walk`. Problems that do
not lose the article (a date that does not parse or that pandas cannot hold, a
file decoded as Windows-1252) go to its ``warnings``. Dates with a UTC offset
are converted to UTC and stored without the offset, so that every date of a
corpus compares with every other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.corpus.readers import Record, Reject, Skip, read_path
from analysis.errors import CorpusError

#: The fields every article has (others are kept as extra columns).
FIELDS = ("article_id", "source", "event", "title", "published", "url", "language")
REJECT_COLUMNS = ("where", "reason", "fix")


@dataclass(frozen=True)
class Article:
    """One validated article. ``text`` is exactly what offsets index."""

    article_id: str
    text: str
    source: str = ""
    event: str = ""
    title: str = ""
    published: pd.Timestamp | None = None
    url: str = ""
    language: str = ""
    where: str = ""
    warnings: tuple[str, ...] = ()
    extra: Mapping[str, object] = field(default_factory=dict)


class Corpus:
    """A list of :class:`Article` plus the records that were rejected.

    Attributes:
        articles: the articles, in input order.
        rejects: DataFrame with columns ``where``, ``reason``, ``fix``.
        skipped: DataFrame with the same columns: files and folders deliberately
            not read (hidden, notes such as ``README``, our own output folders).
        n_read: how many records the input held (``len(self) + len(self.rejects)``).
    """

    def __init__(
        self, articles: Iterable[Article], rejects: Iterable[Reject] = (), skipped: Iterable[Skip] = ()
    ) -> None:
        self.articles: list[Article] = list(articles)
        self._by_id = {a.article_id: a for a in self.articles}
        self.rejects = pd.DataFrame([(r.where, r.reason, r.fix) for r in rejects], columns=list(REJECT_COLUMNS))
        self.skipped = pd.DataFrame([(r.where, r.reason, r.fix) for r in skipped], columns=list(REJECT_COLUMNS))

    @property
    def n_read(self) -> int:
        return len(self.articles) + len(self.rejects)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __getitem__(self, article_id: str) -> Article:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r} in this corpus") from None

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} articles, {len(self.rejects)} rejects>"

    def to_frame(self) -> pd.DataFrame:
        """The articles as a DataFrame: one row each, the standard fields, text, where, warnings, extras."""
        rows = []
        for a in self.articles:
            row = {name: getattr(a, name) for name in FIELDS}
            row.update(text=a.text, where=a.where, warnings="; ".join(a.warnings))
            for key, value in a.extra.items():
                row.setdefault(key, value)
            rows.append(row)
        columns = [*FIELDS, "text", "where", "warnings"]
        frame = pd.DataFrame(rows, columns=None if rows else columns)
        frame["published"] = pd.to_datetime(frame["published"], utc=False)
        return frame

    def filter(self, *, event: str | None = None, sources: Iterable[str] | None = None) -> Corpus:
        """A new corpus with only the articles of ``event`` and/or ``sources`` (rejects kept)."""
        wanted = set(sources) if sources is not None else None
        kept = [
            a for a in self.articles if (event is None or a.event == event) and (wanted is None or a.source in wanted)
        ]
        corpus = Corpus(kept)
        corpus.rejects = self.rejects.copy()
        corpus.skipped = self.skipped.copy()
        return corpus


def load_corpus(source: str | Path | pd.DataFrame | Iterable[Mapping] | Corpus, *, strict: bool = False) -> Corpus:
    """Load and validate articles.

    Args:
        source: a folder, a ``.md``/``.txt``/``.csv``/``.jsonl``/``.parquet`` file, a DataFrame
            with a ``text`` column, a list of dicts, or a :class:`Corpus` (returned as is).
        strict: raise one :class:`CorpusError` listing every reject instead of
            collecting them in ``corpus.rejects``.

    Returns:
        A :class:`Corpus`.

    Raises:
        CorpusError: when the path does not exist, the input type is not
            supported, or ``strict`` is set and any record was rejected.
    """
    if isinstance(source, Corpus):
        return source
    corpus, _, _ = validate(read_records(source))
    if strict and len(corpus.rejects):
        lines = [f"- {r.where}: {r.reason} (fix: {r.fix})" for r in corpus.rejects.itertuples()]
        raise CorpusError(f"{len(lines)} record(s) rejected:\n" + "\n".join(lines))
    return corpus


def read_records(source: str | Path | pd.DataFrame | Iterable[Mapping]) -> Iterator[Record | Reject | Skip]:
    """The records :func:`load_corpus` validates, as read from ``source`` (nothing checked yet).

    Raises:
        CorpusError: when the path does not exist or the input type is not supported.
    """
    if isinstance(source, pd.DataFrame):
        return _frame_records(source)
    if isinstance(source, str | Path):
        text = str(source)
        if re.match(r"^[a-z]+://", text):
            raise CorpusError(
                f"{text}: load_corpus reads local files only (no network). Download the file first, then pass its path."
            )
        path = Path(source).expanduser()
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder. Check the path (cwd is {Path.cwd()}).")
        return read_path(path)
    if isinstance(source, Iterable):
        return (
            Record(f"record {i}", dict(item))
            if isinstance(item, Mapping)
            else Reject(f"record {i}", f"a {type(item).__name__}, not a mapping", "pass dicts with a 'text' key")
            for i, item in enumerate(source)
        )
    raise CorpusError(
        f"cannot load a corpus from a {type(source).__name__}; pass a path, a DataFrame or a list of dicts"
    )


def _frame_records(frame: pd.DataFrame) -> Iterator[Record | Reject]:
    if "text" not in frame.columns:
        raise CorpusError(
            f"the DataFrame has no 'text' column (columns: {', '.join(map(str, frame.columns))}); "
            "rename the column holding the article text to 'text'"
        )
    for position, row in enumerate(frame.to_dict(orient="records")):
        fields = {k: v for k, v in row.items() if not _missing(v)}
        yield Record(f"DataFrame row {position}", fields)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def validate(
    records: Iterable[Record | Reject | Skip],
    *,
    seen_ids: Mapping[str, str] | None = None,
    seen_texts: Mapping[str, str] | None = None,
) -> tuple[Corpus, dict[str, str], dict[str, str]]:
    """Turn read records into articles and rejects, by the loader's rules.

    A record becomes an article, a reject (no text, unstorable characters, a
    word list, an id or a text seen before) or a skip. Passing the ids and
    texts seen in earlier parts of the same input lets a corpus be validated in
    pieces (one Dask partition at a time) with exactly the result of validating
    it whole: the first occurrence, in input order, wins.

    Args:
        records: what a reader yields (:func:`analysis.corpus.readers.read_path`).
        seen_ids: ``article_id -> where`` of articles accepted earlier in the input.
        seen_texts: text digest (:func:`identities`) -> description of the article that had it first.

    Returns:
        ``(corpus, seen_ids, seen_texts)``: the corpus of these records, and the
        two mappings extended with its articles (new dicts; the arguments are not changed).

    >>> first, ids, texts = validate([Record("a.md", {"text": "Rain fell.", "id": "a"})])
    >>> second, _, _ = validate([Record("b.md", {"text": "Rain fell.", "id": "b"})], seen_ids=ids, seen_texts=texts)
    >>> len(first), len(second), second.rejects["reason"].iloc[0]
    (1, 0, "exact duplicate of the text of 'a' (a.md)")
    """
    articles: list[Article] = []
    rejects: list[Reject] = []
    skipped: list[Skip] = []
    ids: dict[str, str] = dict(seen_ids or {})
    texts: dict[str, str] = dict(seen_texts or {})
    for record in records:
        if isinstance(record, Skip):
            skipped.append(record)
            continue
        if isinstance(record, Reject):
            rejects.append(record)
            continue
        result = _checked(record)
        if isinstance(result, Reject):
            rejects.append(result)
            continue
        if result.article_id in ids:
            rejects.append(_repeated_id(record.where, result.article_id, ids[result.article_id]))
            continue
        digest = _digest(result.text)
        if digest in texts:
            rejects.append(_repeated_text(record.where, texts[digest]))
            continue
        ids[result.article_id] = record.where
        texts[digest] = _description(result)
        articles.append(result)
    return Corpus(articles, rejects, skipped), ids, texts


def identities(records: Iterable[Record | Reject | Skip]) -> list[tuple[str, str, str, str]]:
    """What the duplicate checks of :func:`validate` look at, for every record that would be an article.

    Used to validate a corpus in pieces: a client collects the identities of
    every piece, replays the checks in input order, and hands each piece the
    ids and texts that earlier pieces accepted (``seen_ids``, ``seen_texts``).

    Returns:
        ``(article_id, where, text digest, description)`` of each record that
        passes every check but the duplicate ones, in order.
    """
    found = []
    for record in records:
        if isinstance(record, Record):
            result = _checked(record)
            if isinstance(result, Article):
                found.append((result.article_id, record.where, _digest(result.text), _description(result)))
    return found


def screen(
    records: Iterable[Record | Reject | Skip],
) -> tuple[list[tuple[int, Article, tuple]], list[tuple[int, Reject]]]:
    """Every check of :func:`validate` but the duplicate ones, record by record.

    Used to validate a corpus in pieces that are not in input order (a cluster
    run reads each event's records together): the records that would be
    articles are kept, already validated, with their identity, and
    :func:`judge_repeats` then runs the duplicate checks over the whole input's
    identities in input order. An article kept here and not judged a repeat is
    exactly the article :func:`validate` makes of the record.

    Returns:
        ``(kept, rejects)``: ``kept`` holds ``(position, article, identity)`` of
        each record that passes every check but the duplicate ones (``identity``
        as in :func:`identities`; ``position`` counts every record read, skips
        aside); ``rejects`` the others, as ``(position, reject)``, in order.
    """
    kept = []
    rejects = []
    position = 0
    for record in records:
        if isinstance(record, Skip):
            continue
        if isinstance(record, Reject):
            rejects.append((position, record))
        else:
            result = _checked(record)
            if isinstance(result, Reject):
                rejects.append((position, result))
            else:
                identity = (result.article_id, record.where, _digest(result.text), _description(result))
                kept.append((position, result, identity))
        position += 1
    return kept, rejects


def judge_repeats(found: Iterable[tuple[str, str, str, str]]) -> list[Reject | None]:
    """The duplicate checks of :func:`validate` over identities in input order.

    Returns:
        For each identity: ``None`` when its record is an article (the first
        occurrence of its id and of its text), else its reject, with the same
        message :func:`validate` gives when it reads the whole input at once.

    >>> a = ("a", "a.md", "d1", "'a' (a.md)")
    >>> [r and r.reason for r in judge_repeats([a, ("b", "b.md", "d1", "'b' (b.md)"), ("a", "c.md", "d2", "")])]
    [None, "exact duplicate of the text of 'a' (a.md)", "duplicate id 'a' (first at a.md)"]
    """
    ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    judged: list[Reject | None] = []
    for article_id, where, digest, description in found:
        if article_id in ids:
            judged.append(_repeated_id(where, article_id, ids[article_id]))
        elif digest in texts:
            judged.append(_repeated_text(where, texts[digest]))
        else:
            ids[article_id] = where
            texts[digest] = description
            judged.append(None)
    return judged


def _repeated_id(where: str, article_id: str, first: str) -> Reject:
    return Reject(
        where,
        f"duplicate id {article_id!r} (first at {first})",
        "give each article its own id, or remove the repeated record",
    )


def _repeated_text(where: str, first: str) -> Reject:
    return Reject(
        where,
        f"exact duplicate of the text of {first}",
        "remove the repeated article (or edit it if it is a different story)",
    )


def _checked(record: Record) -> Article | Reject:
    try:
        return _article(record)
    except RecursionError:
        return Reject(record.where, "a field is nested too deeply to read", "flatten the record: one value per field")


def _digest(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()


def _description(article: Article) -> str:
    return f"{article.article_id!r} ({article.where})"


def _is_word_list(text: str, *, min_lines: int = 10) -> bool:
    """True for a lexicon-like text: at least ``min_lines`` lines (``#`` comments aside), nine in
    ten of them a single word. No article reads like that; a stop-word file does."""
    lines = [line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#")]
    if len(lines) < min_lines:
        return False
    single = sum(1 for line in lines if len(line.split()) == 1)
    return single >= 0.9 * len(lines)


def _article(record: Record) -> Article | Reject:
    fields = dict(record.fields)
    text = fields.pop("text", None)
    if not isinstance(text, str):
        if text is None:
            return Reject(record.where, "no 'text' field", "add the article text under 'text'")
        return Reject(record.where, f"'text' is a {type(text).__name__}, not a string", "put the text in quotes")
    if not text.strip():
        return Reject(record.where, "empty text", "add the article text, or remove the record")
    unstorable = _unstorable(fields, text)
    if unstorable:
        return Reject(record.where, *unstorable)
    if _is_word_list(text):
        return Reject(
            record.where,
            "a word list (one word per line), not an article",
            "keep lexicon files out of the folder you load (for the bundled data, load data/events)",
        )
    warnings = list(record.warnings)
    source = _as_text(fields.pop("source", ""))
    title = _as_text(fields.pop("title", ""))
    published, problem = _parse_date(fields.pop("published", None))
    if problem:
        warnings.append(problem)
    given_id = fields.pop("id", None)
    if given_id is None:
        given_id = fields.pop("article_id", None)
    else:
        fields.pop("article_id", None)
    article_id = (
        _as_text(given_id)
        if not _missing(given_id) and _as_text(given_id)
        else _derive_id(source, title, published, text)
    )
    return Article(
        article_id=article_id,
        text=text,
        source=source,
        event=_as_text(fields.pop("event", "")),
        title=title,
        published=published,
        url=_as_text(fields.pop("url", "")),
        language=_as_text(fields.pop("language", "")),
        where=record.where,
        warnings=tuple(warnings),
        extra=fields,
    )


_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def _unstorable(fields: Mapping[str, object], text: str) -> tuple[str, str] | None:
    """``(reason, fix)`` when the text or a text field holds a lone surrogate or a NUL, else None.

    No UTF-8 file, CSV or Parquet table can store a lone surrogate, and a NUL
    is a sign of binary data; keeping either would crash a later stage.
    """
    for name, value in [("text", text), *fields.items()]:
        if not isinstance(value, str):
            continue
        found = _UNSTORABLE.search(value)
        if found is None:
            continue
        char = found.group()
        if char == "\x00":
            return (
                f"{name!r} holds a NUL character (U+0000) at character {found.start()}; it is not text",
                "remove the NUL characters (a file saved as UTF-16 without a byte-order mark looks like this)",
            )
        return (
            f"{name!r} holds a lone surrogate U+{ord(char):04X} at character {found.start()} "
            "(bytes that were not decoded, e.g. with errors='surrogateescape')",
            "decode the source with the right encoding, or with errors='replace'",
        )
    return None


def _as_text(value: object) -> str:
    if value is None or _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse_date(value: object) -> tuple[pd.Timestamp | None, str | None]:
    if value is None or _missing(value) or value == "":
        return None, None
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return _in_range(value, str(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][\d:.]+ ?(Z|[+-]\d{2}:?\d{2})?)?", text):
        try:
            return _in_range(pd.Timestamp(text), text)
        except ValueError:
            pass
    return None, f"published {text!r} is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM); left empty"


def _in_range(value: dt.date | pd.Timestamp, text: str) -> tuple[pd.Timestamp | None, str | None]:
    """A naive nanosecond Timestamp (UTC when the value had an offset), or a warning when pandas cannot hold it."""
    try:
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.as_unit("ns"), None
    except (ValueError, OverflowError):
        return None, (
            f"published {text!r} is outside the dates pandas can hold "
            f"({pd.Timestamp.min:%Y-%m-%d} to {pd.Timestamp.max:%Y-%m-%d}); left empty"
        )


def _derive_id(source: str, title: str, published: pd.Timestamp | None, text: str) -> str:
    """A stable id from source, title, date and the text: same input, same id, on any machine."""
    date = published.strftime("%Y-%m-%d") if published is not None else ""
    digest = hashlib.sha1("\x1f".join([source, title, date, text]).encode("utf-8")).hexdigest()[:12]
    slug = re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")[:24]
    return f"{slug}-{digest}" if slug else digest
