"""Run every stage over a corpus, in order, and collect the tables.

This is the only module that knows the order of the stages::

    text.process -> entities -> numbers -> claims -> sentiment -> tables
    then, per event: one canonical name per actor across its articles

Each article is analysed on its own (the map, :func:`analyze_articles`), so
articles can be streamed to worker processes; the tables are assembled once at
the end, in corpus order, and the steps that need a whole event run there as a
reduce (:func:`resolve_events`), so ``jobs=4`` gives exactly the rows of
``jobs=1``. On a Dask cluster (``analyze(..., client=, out=)``) the same map
runs per partition and the same reduce per event (:mod:`analysis.cluster`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus import Article, Corpus, load_corpus
from analysis.result import Analysis
from analysis.text import process

#: Above this many articles a progress bar is shown when ``progress=None``.
PROGRESS_THRESHOLD = 50


@dataclass(frozen=True)
class Options:
    """Settings passed to every stage. Every field is used; none is silently ignored.

    Attributes:
        entity_method: ``"rules"`` (offline default), ``"spacy"`` or ``"nltk"``.
        entity_model: the spaCy pipeline name for ``entity_method="spacy"``.
        aliases: extra alias lexicon file(s), read after the packaged ones.
        event_aliases: ``(event, files)`` pairs: a lexicon read after ``aliases``
            for the articles of that event only.
        claim_lexicon: extra cue / hedge / booster lexicon file.
        tone_lexicon: a tone lexicon file added to the packaged adjustments.
    """

    entity_method: str = "rules"
    entity_model: str | None = None
    aliases: str | Path | tuple[str | Path, ...] | None = None
    event_aliases: tuple[tuple[str, tuple[str | Path, ...]], ...] = ()
    claim_lexicon: str | Path | None = None
    tone_lexicon: str | Path | None = None


class _Stages:
    """The stage objects for one process, built once (they load lexicons lazily)."""

    def __init__(self, options: Options) -> None:
        from analysis.claims import ClaimFinder
        from analysis.entities import EntityRecognizer
        from analysis.sentiment import load_tone_lexicon

        self.options = options
        self.recognizer = EntityRecognizer(options.entity_method, aliases=options.aliases, model=options.entity_model)
        base = [] if options.aliases is None else list(_as_paths(options.aliases))
        self.event_recognizers = {
            event: EntityRecognizer(options.entity_method, aliases=[*base, *files], model=options.entity_model)
            for event, files in options.event_aliases
        }
        for event, files in options.event_aliases:
            for path in files:
                if not Path(path).is_file():
                    raise FileNotFoundError(
                        f"event lexicon {path} (event {event!r}) does not exist; pass an existing .yml file"
                    )
        self.claim_finder = ClaimFinder(lexicon=options.claim_lexicon)
        # a tone lexicon file is read and merged once here, not for every article
        self.tone_lexicon = None if options.tone_lexicon is None else load_tone_lexicon(options.tone_lexicon)

    def run(self, article_id: str, text: str, title: str, event: str = "") -> dict[str, list[dict]]:
        from analysis.claims import claim_sentences as find_claim_sentences
        from analysis.numbers import find_numbers
        from analysis.sentiment import score_mentions, score_sentences

        doc = process(text, title=title or None)
        entities = self.event_recognizers.get(event, self.recognizer).find(doc)
        numbers = find_numbers(doc)
        claims = self.claim_finder.find(doc, entities, numbers)
        scores = score_sentences([s.text for s in doc.sentences], lexicon=self.tone_lexicon)
        claim_sentences = find_claim_sentences(doc, claims)  # a quotation over several sentences covers each
        sentences = [
            {
                "sentence_id": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "kind": s.kind,
                "is_debris": s.is_debris,
                "n_words": doc.sentence_n_words(s.index),
                "is_claim": s.index in claim_sentences,
            }
            for s in doc.sentences
        ]
        for row, score in zip(sentences, scores.to_dict(orient="records"), strict=True):
            row.update(score)
        for row, tone in zip(entities, score_mentions(sentences, entities, lexicon=self.tone_lexicon), strict=True):
            row["tone"] = tone
        tables = {"sentences": sentences, "entities": entities, "numbers": numbers, "claims": claims}
        for rows in tables.values():
            for row in rows:
                row["article_id"] = article_id
        return tables


_WORKER_STAGES: _Stages | None = None


def _init_worker(options: Options) -> None:
    global _WORKER_STAGES
    # Forked workers inherit the parent's stages with their lexicons already loaded.
    if _WORKER_STAGES is None or _WORKER_STAGES.options != options:
        _WORKER_STAGES = _Stages(options)


def _run_in_worker(item: tuple[str, str, str, str]) -> dict[str, list[dict]]:
    assert _WORKER_STAGES is not None, "worker not initialised"
    return _WORKER_STAGES.run(*item)


def analyze(
    corpus: Corpus | str | Path | pd.DataFrame,
    jobs: int = 1,
    progress: bool | None = None,
    *,
    client=None,
    out: str | Path | None = None,
    overwrite: bool = False,
    entity_method: str = "rules",
    entity_model: str | None = None,
    aliases: str | Path | Iterable[str | Path] | None = None,
    event_aliases: str | Path | Mapping[str, str | Path | Iterable[str | Path]] | None = None,
    claim_lexicon: str | Path | None = None,
    tone_lexicon: str | Path | None = None,
):
    """Analyse every article of a corpus.

    Args:
        corpus: a :class:`Corpus`, or anything :func:`analysis.load_corpus` accepts.
        jobs: worker processes (``1`` runs in this process; ``0`` or negative
            means one per CPU). Results are identical for any value.
        progress: show a progress bar (``None``: only for more than
            :data:`PROGRESS_THRESHOLD` articles).
        client: a Dask ``distributed.Client``: run on its cluster instead
            (needs ``out``; see :mod:`analysis.cluster`). ``jobs`` is then unused.
        out: with ``client``, the folder the tables are written to, one Parquet
            dataset per table, partitioned by event.
        overwrite: with ``client``, replace what ``out`` holds (another run's output).
        entity_method: entity backend, ``"rules"``, ``"spacy"`` or ``"nltk"``.
        entity_model: spaCy pipeline name for ``entity_method="spacy"``.
        aliases: extra alias lexicon file(s) (YAML), added to the packaged ones.
        event_aliases: lexicons that apply to one event each: ``{event: file(s)}``,
            or a corpus folder whose ``<event>/aliases.yml`` files are the events'
            lexicons (:func:`analysis.entities.event_lexicons`); for the bundled
            corpus, ``event_aliases="data/events"``.
        claim_lexicon: extra reporting-cue / hedge / booster lexicon (YAML).
        tone_lexicon: tone lexicon (YAML) added to the packaged news adjustments (``inherit: false``
            in it replaces them; the rule of every lexicon, :mod:`analysis.resources`).

    Returns:
        An :class:`Analysis`. Its ``entities.canonical`` is the event-level name
        of each actor (the same in every article of an event; articles without
        an event are resolved together), and ``claims.speaker`` carries the same
        name where the speaker is an entity. With ``client``, the result on disk,
        opened lazily (:class:`analysis.stored.StoredAnalysis`).

    Raises:
        FileNotFoundError: when a lexicon file does not exist.
        ValueError: when only one of ``client`` and ``out`` is given.
    """
    if client is not None or out is not None:
        if client is None or out is None:
            raise ValueError(
                "a cluster run needs both client= (a dask.distributed Client) and out= (the output folder)"
            )
        from analysis.cluster import run

        return run(
            corpus,
            client=client,
            out=out,
            overwrite=overwrite,
            progress=progress,
            **_options_dict(entity_method, entity_model, aliases, event_aliases, claim_lexicon, tone_lexicon),
        )
    corpus = load_corpus(corpus)
    options = _options(entity_method, entity_model, aliases, event_aliases, claim_lexicon, tone_lexicon)
    rows, article_rows = _map(corpus, options, jobs, progress, reuse_stages=False)
    resolve_events(rows, {a.article_id: a.event for a in corpus})
    return _analysis(corpus, rows, article_rows)


def analyze_articles(
    corpus: Corpus | str | Path | pd.DataFrame,
    jobs: int = 1,
    progress: bool | None = None,
    *,
    reuse_stages: bool = False,
    resolve: bool = False,
    **options,
) -> Analysis:
    """The map alone: every article analysed on its own, without the per-event reduce (unless ``resolve``).

    The tables are those of :func:`analyze` except that ``entities.canonical``
    (and a claim's ``speaker`` that names an entity) is the article-level name;
    :func:`resolve_events` turns it into the event-level name. A Dask task runs
    this with ``resolve`` on one group of whole events (:mod:`analysis.cluster`).

    Args:
        corpus, jobs, progress: as for :func:`analyze`.
        reuse_stages: keep the stages built for these options in this process and
            reuse them on the next call with the same options (lexicons load once
            per worker, not once per partition).
        resolve: run the per-event reduce too (:func:`resolve_events`): the tables of
            :func:`analyze`, right only when ``corpus`` holds every article of each of its events
            (a cluster run's task holds whole events).
        **options: as for :func:`analyze` (``entity_method``, ``aliases``, ``event_aliases``, ...).

    Returns:
        An :class:`Analysis` (of the map alone unless ``resolve``).
    """
    corpus = load_corpus(corpus)
    rows, article_rows = _map(corpus, _options(**options), jobs, progress, reuse_stages=reuse_stages)
    if resolve:
        resolve_events(rows, {a.article_id: a.event for a in corpus})
    return _analysis(corpus, rows, article_rows)


def _options(
    entity_method: str = "rules",
    entity_model: str | None = None,
    aliases: str | Path | Iterable[str | Path] | None = None,
    event_aliases: str | Path | Mapping[str, str | Path | Iterable[str | Path]] | None = None,
    claim_lexicon: str | Path | None = None,
    tone_lexicon: str | Path | None = None,
) -> Options:
    if isinstance(aliases, Iterable) and not isinstance(aliases, str | Path):
        aliases = tuple(aliases)
    return Options(entity_method, entity_model, aliases, _event_aliases(event_aliases), claim_lexicon, tone_lexicon)


def _options_dict(*args) -> dict:
    """The options as keywords of :func:`analyze_articles`, with ``event_aliases`` read into a mapping
    on this side (a worker then needs only the lexicon files, not the corpus folder)."""
    options = _options(*args)

    def absolute(value):  # workers may run in another folder
        if value is None:
            return None
        if isinstance(value, str | Path):
            return str(Path(value).resolve())
        return tuple(str(Path(v).resolve()) for v in value)

    return {
        "entity_method": options.entity_method,
        "entity_model": options.entity_model,
        "aliases": absolute(options.aliases),
        "event_aliases": {event: absolute(files) for event, files in options.event_aliases} or None,
        "claim_lexicon": absolute(options.claim_lexicon),
        "tone_lexicon": absolute(options.tone_lexicon),
    }


_REUSED_STAGES: _Stages | None = None


def _map(
    corpus: Corpus, options: Options, jobs: int, progress: bool | None, *, reuse_stages: bool
) -> tuple[dict[str, list[dict]], list[dict]]:
    global _REUSED_STAGES, _WORKER_STAGES
    if reuse_stages and _REUSED_STAGES is not None and _REUSED_STAGES.options == options:
        stages = _REUSED_STAGES
    else:
        stages = _Stages(options)  # validates options (and raises) before any worker starts
        if reuse_stages:
            _REUSED_STAGES = stages
    items = [(a.article_id, a.text, a.title, a.event) for a in corpus]
    jobs = (os.cpu_count() or 1) if jobs <= 0 else jobs
    show = len(items) > PROGRESS_THRESHOLD if progress is None else progress
    if jobs == 1 or len(items) < 2:
        results: Iterator = (stages.run(*item) for item in items)
        return _collect(corpus, _with_progress(results, len(items), show))
    import itertools
    import multiprocessing

    # The first article runs here: it loads every lexicon and gazetteer once, and
    # forked workers then share them instead of loading their own copies.
    first = stages.run(*items[0])
    _WORKER_STAGES = stages
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    chunksize = max(1, min(16, len(items) // (jobs * 8) or 1))
    try:
        with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
            results = itertools.chain([first], pool.imap(_run_in_worker, items[1:], chunksize=chunksize))
            return _collect(corpus, _with_progress(results, len(items), show))
    finally:
        _WORKER_STAGES = None


def _with_progress(results: Iterator, total: int, show: bool) -> Iterator:
    if not show:
        return results
    from tqdm.auto import tqdm

    return tqdm(results, total=total, desc="analysing", unit="article")


def _collect(corpus: Corpus, results: Iterable[dict[str, list[dict]]]) -> tuple[dict[str, list[dict]], list[dict]]:
    from analysis.sentiment import article_scores

    rows: dict[str, list[dict]] = {"sentences": [], "entities": [], "numbers": [], "claims": []}
    article_rows = []
    for article, tables in zip(corpus, results, strict=True):
        for name, table_rows in tables.items():
            rows[name].extend(table_rows)
        article_rows.append(_article_row(article, tables, article_scores))
    return rows, article_rows


def _analysis(corpus: Corpus, rows: dict[str, list[dict]], article_rows: list[dict]) -> Analysis:
    frames = {name: pd.DataFrame(table_rows) for name, table_rows in rows.items()}
    frames["articles"] = pd.DataFrame(article_rows)
    return Analysis(frames, {a.article_id: a.text for a in corpus}, strict=True)


def resolve_events(rows: Mapping[str, list[dict]], event_of: Mapping[str, str]) -> None:
    """The reduce: one canonical name per actor across the articles of each event (in place).

    Entity rows get the event-level name in ``canonical`` and the actor's label
    (:func:`analysis.entities.event_labels`); a claim's ``speaker`` that is an
    entity's article-level name gets the same event-level name. The in-memory
    pipeline runs it over the whole corpus, a cluster run over each task's
    whole events (:func:`analysis.cluster.analyze_group`); each event is resolved from its own
    rows alone, so both give the same names and labels.

    Args:
        rows: ``{"entities": [...], "claims": [...]}``, the rows of the map
            (:func:`analyze_articles`) as dicts; other tables are not read.
        event_of: article id -> event, for every article id in ``rows``.
    """
    from analysis.claims import retype_speaker
    from analysis.entities import event_labels, event_names

    by_event: dict[str, list[dict]] = {}
    for row in rows["entities"]:
        by_event.setdefault(event_of[row["article_id"]], []).append(row)
    renamed: dict[tuple[str, str], str] = {}
    labelled: dict[tuple[str, str], str] = {}
    for event_rows in by_event.values():
        names = event_names(event_rows)
        for row, name, label in zip(event_rows, names, event_labels(event_rows, names), strict=True):
            renamed[(row["article_id"], row["canonical"])] = name
            labelled[(row["article_id"], row["canonical"])] = label
            row["label"] = label  # one label per actor across the event
    for row in rows["entities"]:
        row["canonical"] = renamed[(row["article_id"], row["canonical"])]
    for row in rows["claims"]:
        speaker = row.get("speaker")
        if speaker:
            key = (row["article_id"], speaker)
            row["speaker"] = renamed.get(key, speaker)
            row["speaker_type"] = retype_speaker(row.get("speaker_type"), labelled.get(key))


def _as_paths(value: str | Path | Iterable[str | Path]) -> tuple[str | Path, ...]:
    return (value,) if isinstance(value, str | Path) else tuple(value)


def _event_aliases(
    value: str | Path | Mapping[str, str | Path | Iterable[str | Path]] | None,
) -> tuple[tuple[str, tuple[str | Path, ...]], ...]:
    """``event_aliases`` as sorted ``(event, files)`` pairs (a folder is read with ``event_lexicons``)."""
    if value is None:
        return ()
    if isinstance(value, str | Path):
        from analysis.entities import event_lexicons

        value = event_lexicons(value)
    if not isinstance(value, Mapping):
        raise TypeError(
            f"event_aliases must be a folder or a mapping {{event: lexicon file(s)}}, not {type(value).__name__}"
        )
    return tuple(sorted((str(event), _as_paths(files)) for event, files in value.items()))


def _article_row(article: Article, tables: dict[str, list[dict]], article_scores) -> dict:
    sentences = pd.DataFrame(tables["sentences"])
    kept = [s for s in tables["sentences"] if not s["is_debris"]]
    claims = tables["claims"]
    scores = article_scores(sentences) if len(sentences) else {}
    return {
        "article_id": article.article_id,
        "source": article.source,
        "event": article.event,
        "title": article.title,
        "published": article.published,
        "n_sentences": len(kept),
        "n_words": sum(s["n_words"] for s in kept),
        "n_entities": len(tables["entities"]),
        # claims (rows of the claims table), the unit of n_attributed and of compare.voice; a sentence
        # may hold two ("A said X, and B said Y") and a quotation over four sentences is one:
        # sentences.is_claim counts sentences
        "n_claims": len(claims),
        "n_attributed": sum(1 for c in claims if c["quote"] != "none"),
        "tone": scores.get("tone", float("nan")),
        "polarity": scores.get("polarity", float("nan")),
        "subjectivity": scores.get("subjectivity", float("nan")),
        "compound": scores.get("compound", float("nan")),
        "url": article.url,
        "n_debris": len(tables["sentences"]) - len(kept),
        "warnings": "; ".join(article.warnings),
        **{k: v for k, v in article.extra.items() if isinstance(v, str | int | float | bool)},
    }


def analyze_text(
    text: str, source: str | None = None, *, title: str | None = None, event: str | None = None, **options
) -> Analysis:
    """Analyse one article given as a string; offsets in the result index ``text`` itself.

    Args:
        text: the article text.
        source: the outlet's name, if known.
        title: the headline, if known (helps recognise a repeated title).
        event: an event label, if any.
        **options: as for :func:`analyze` (``entity_method``, ``aliases``, ...).

    Returns:
        An :class:`Analysis` with one article.
    """
    record = {"text": text, "source": source or "", "title": title or "", "event": event or ""}
    corpus = load_corpus([record], strict=True)
    return analyze(corpus, jobs=1, progress=False, **options)
