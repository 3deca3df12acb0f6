"""Score claim alignment across outlets against hand-labelled shared claims and number pairs.

``python -m analysis evaluate alignment --format polnear-dev PATH`` reads the
development gold in ``benchmarks/alignment_dev/`` (``stories.yml``,
``claims.tsv``, ``numbers.tsv``: offsets into PolNeAR dev articles, labelled by
reading them before the aligner was run), loads each story's articles as one
event (source = the outlet, the first part of the file name), runs
:func:`analysis.analyze` and :func:`analysis.compare.claim_alignment` per story
and compares the predicted claim groups with the gold.

``--format meantime PATH`` is a second, looser check on MEANTIME English
(``event_mentions.json`` and ``meantime.conll``): sentences of two different
articles that mention the same event instance (one cross-document event chain)
form a gold pair, each article counting as its own source and each topic as one
event. This measures topical event co-reference (two sentences about one
happening), a looser notion than the same claim; only sentences that carry an
event annotation are scored.

Predicted claims are mapped to gold by their sentence: a predicted sentence
states a gold claim when it overlaps one of the claim's spans by at least half
of the shorter of the two. Figures (every pair is between two different
sources):

* cross-outlet pair precision / recall / F1: predicted pairs are the pairs of
  distinct sentences of one claim group from two sources; a pair is correct when
  both sentences state one gold claim. Gold pairs are the pairs of instances of
  one gold claim from two sources; one is found when a correct predicted pair
  covers it;
* purity: the share of predicted multi-outlet groups whose sentences all state
  one common gold claim;
* gold shared claims with no cross-outlet link: no gold pair of theirs found;
* number disagreements: a flag is a claim group, or a pair of claim groups, for
  which :func:`analysis.compare.number_disagreements` reports a disagreeing pair
  (figures are compared across groups too, so one flag may join two groups). A
  flag is correct when one of its pairs has one side of a gold disagreement in
  each of its two sentences (a sentence containing each number span); recall is
  over gold disagreements. Flags whose pairs hold both sides of a labelled
  negative (``agree`` or ``different_quantity``) are counted as false alarms on
  near-misses;
* the multi-outlet groups by kind of error: ``pure``, ``mixed claims`` (two or
  more gold claims), ``claim + unlabelled`` (a gold claim with sentences that
  state no shared claim), ``unlabelled`` (no gold claim at all).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from analysis.errors import GoldError
from analysis.resources import CHECKOUT, checkout_path

__all__ = [
    "GoldSpan",
    "NumberPair",
    "PredictedSentence",
    "Scores",
    "Story",
    "add_arguments",
    "main",
    "read_claims",
    "read_numbers",
    "read_stories",
    "score_alignment",
]

#: The committed development gold (relative to the repository root).
GOLD_DIR = CHECKOUT / "benchmarks" / "alignment_dev"

_CLAIM_COLUMNS = ("story", "claim", "file", "start", "end", "voice", "role", "proposition")
_NUMBER_COLUMNS = ("story", "pair", "label", "file_a", "start_a", "end_a", "value_a",
                   "file_b", "start_b", "end_b", "value_b", "unit", "counted", "reason")  # fmt: skip
_VOICES = ("own", "attributed")
_ROLES = ("main", "embedded")
_NUMBER_LABELS = ("disagree", "agree", "different_quantity")

Span = tuple[str, int, int]  # (document, start, end), end exclusive


# ------------------------------------------------------------------ gold files
@dataclass(frozen=True)
class Story:
    """One story: articles of several outlets about the same event."""

    id: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class GoldSpan:
    """One instance of a shared claim: a sentence span of one article."""

    story: str
    claim: str
    doc: str
    start: int
    end: int
    voice: str = "own"
    role: str = "main"


@dataclass(frozen=True)
class NumberPair:
    """Two number expressions of different outlets, labelled disagree / agree / different_quantity."""

    story: str
    pair: str
    label: str
    a: Span
    b: Span
    value_a: float = 0.0
    value_b: float = 0.0
    unit: str = ""
    counted: str = ""


def read_stories(path: str | Path) -> list[Story]:
    """Read ``stories.yml``: a ``stories`` list of ``{id, files}``.

    Raises:
        GoldError: naming the file (and the story) when the layout is wrong.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise GoldError(f"{where}: not valid YAML ({exc}); fix the indentation or quoting there") from None
    if not isinstance(data, dict) or not isinstance(data.get("stories"), list):
        raise GoldError(f"{path}: expected a top-level 'stories:' list of {{id, files}} entries")
    stories, seen = [], set()
    for i, entry in enumerate(data["stories"], start=1):
        if not isinstance(entry, dict) or not entry.get("id") or not isinstance(entry.get("files"), list):
            raise GoldError(f"{path}: story #{i} needs an 'id' and a 'files' list")
        if entry["id"] in seen:
            raise GoldError(f"{path}: story id {entry['id']!r} is used twice; give each story its own id")
        seen.add(entry["id"])
        stories.append(Story(str(entry["id"]), tuple(str(f) for f in entry["files"])))
    return stories


def _rows(path: Path, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file with ``#`` comments and a header line, with their line numbers."""
    header: list[str] | None = None
    with open(path, encoding="utf-8", newline="") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                missing = [c for c in columns if c not in cells]
                if missing:
                    raise GoldError(
                        f"{path}:{number}: header lacks column(s) {', '.join(missing)}; "
                        f"the header line must name: {' '.join(columns)} (tab separated)"
                    )
                header = cells
                continue
            if len(cells) > len(header):
                raise GoldError(f"{path}:{number}: {len(cells)} cells but {len(header)} columns; remove extra tabs")
            yield number, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
    if header is None:
        raise GoldError(f"{path}: no header line; the first non-comment line must name the columns")


def _offset(path: Path, number: int, row: Mapping[str, str], name: str) -> int:
    try:
        value = int(row[name])
    except ValueError:
        raise GoldError(f"{path}:{number}: {name}={row[name]!r} is not a character offset (a whole number)") from None
    if value < 0:
        raise GoldError(f"{path}:{number}: {name}={value} is negative; offsets start at 0")
    return value


def _span(path: Path, number: int, row: Mapping[str, str], doc: str, start: str, end: str) -> Span:
    if not row[doc]:
        raise GoldError(f"{path}:{number}: empty {doc}; name the article file")
    a, b = _offset(path, number, row, start), _offset(path, number, row, end)
    if b <= a:
        raise GoldError(f"{path}:{number}: {end}={b} is not after {start}={a}; a span needs end > start")
    return row[doc], a, b


def _choice(path: Path, number: int, row: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str:
    if row[name] not in allowed:
        raise GoldError(f"{path}:{number}: {name}={row[name]!r}; use one of {', '.join(allowed)}")
    return row[name]


def read_claims(path: str | Path) -> list[GoldSpan]:
    """Read ``claims.tsv`` (columns explained in its header comment).

    Raises:
        GoldError: ``file:line`` and what to fix for a bad offset, voice, role or column.
    """
    path = Path(path)
    spans = []
    for number, row in _rows(path, _CLAIM_COLUMNS):
        if not row["story"] or not row["claim"]:
            raise GoldError(f"{path}:{number}: empty story or claim id")
        doc, start, end = _span(path, number, row, "file", "start", "end")
        voice = _choice(path, number, row, "voice", _VOICES)
        role = _choice(path, number, row, "role", _ROLES)
        spans.append(GoldSpan(row["story"], row["claim"], doc, start, end, voice, role))
    return spans


def read_numbers(path: str | Path) -> list[NumberPair]:
    """Read ``numbers.tsv`` (columns explained in its header comment).

    Raises:
        GoldError: ``file:line`` and what to fix for a bad label, offset or value.
    """
    path = Path(path)
    pairs = []
    for number, row in _rows(path, _NUMBER_COLUMNS):
        label = _choice(path, number, row, "label", _NUMBER_LABELS)
        a = _span(path, number, row, "file_a", "start_a", "end_a")
        b = _span(path, number, row, "file_b", "start_b", "end_b")
        try:
            va, vb = float(row["value_a"]), float(row["value_b"])
        except ValueError:
            raise GoldError(f"{path}:{number}: value_a / value_b must be plain numbers (e.g. 916000000)") from None
        pairs.append(NumberPair(row["story"], row["pair"], label, a, b, va, vb, row["unit"], row["counted"]))
    return pairs


def check_spans(spans: Iterable[GoldSpan], texts: Mapping[str, str]) -> list[str]:
    """Problems with gold spans against the article texts: unknown files, spans past the end, stray spaces.

    Returns:
        One line per problem (empty when all spans fall inside their files).
    """
    problems = []
    for s in spans:
        text = texts.get(s.doc)
        if text is None:
            problems.append(f"{s.story}/{s.claim}: no article {s.doc}")
        elif s.end > len(text):
            problems.append(f"{s.story}/{s.claim}: {s.doc} [{s.start}, {s.end}) ends past the text ({len(text)})")
        elif text[s.start : s.end] != text[s.start : s.end].strip():
            problems.append(f"{s.story}/{s.claim}: {s.doc} [{s.start}, {s.end}) starts or ends with white space")
    return problems


# ------------------------------------------------------------------ scoring
@dataclass(frozen=True)
class PredictedSentence:
    """A sentence placed in a predicted claim group (one row per group the sentence is in)."""

    doc: str
    source: str
    start: int
    end: int
    group: str


@dataclass
class Scores:
    """What :func:`score_alignment` measured (counts, so figures can be recomputed and summed)."""

    pairs_predicted: int = 0
    pairs_correct: int = 0
    gold_pairs: int = 0
    gold_pairs_found: int = 0
    groups_multi: int = 0
    groups_pure: int = 0
    gold_claims: int = 0
    claims_unlinked: int = 0
    flagged: int = 0
    flagged_correct: int = 0
    disagreements: int = 0
    disagreements_found: int = 0
    flagged_negatives: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        """Correct predicted cross-source pairs over predicted pairs (0 when none predicted)."""
        return self.pairs_correct / self.pairs_predicted if self.pairs_predicted else 0.0

    @property
    def recall(self) -> float:
        """Gold cross-source pairs found over gold pairs (0 when there are none)."""
        return self.gold_pairs_found / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of :attr:`precision` and :attr:`recall`."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def purity(self) -> float:
        """Share of predicted multi-source groups whose sentences all state one gold claim."""
        return self.groups_pure / self.groups_multi if self.groups_multi else 0.0

    def add(self, other: Scores) -> Scores:
        """The sum of two sets of counts (stories scored one by one, reported together)."""
        total = Scores(**{k: getattr(self, k) + getattr(other, k) for k in _COUNTS})
        total.error_kinds = {k: self.error_kinds.get(k, 0) + other.error_kinds.get(k, 0)
                             for k in {*self.error_kinds, *other.error_kinds}}  # fmt: skip
        return total


_COUNTS = [k for k in Scores.__dataclass_fields__ if k != "error_kinds"]


def _overlaps(s: int, e: int, a: int, b: int) -> bool:
    """At least half of the shorter of [s, e) and [a, b) is shared."""
    inter = min(e, b) - max(s, a)
    return inter > 0 and inter * 2 >= min(e - s, b - a)


def _contains(s: int, e: int, a: int, b: int) -> bool:
    """The sentence [s, e) holds most of the number span [a, b)."""
    inter = min(e, b) - max(s, a)
    return inter > 0 and inter * 2 >= b - a


def score_alignment(
    predicted: Iterable[PredictedSentence],
    gold: Iterable[GoldSpan],
    source_of: Mapping[str, str],
    *,
    flagged: Iterable[str] = (),
    numbers: Iterable[NumberPair] = (),
    scope: Iterable[Span] | None = None,
    flag_pairs: Iterable[tuple[str, Span, Span]] | None = None,
) -> Scores:
    """Compare predicted claim groups with gold shared claims (pairs across sources, purity, numbers).

    Args:
        predicted: the sentences of each predicted group.
        gold: the instances of the gold shared claims (claims are keyed by story and claim id).
        source_of: document -> its source (outlet); pairs within one source are not counted.
        flagged: groups reported with a number disagreement (scored when ``flag_pairs`` is None: a
            group is correct when it holds both sides of a gold disagreement).
        numbers: labelled number pairs (``disagree`` ones are the gold; the others are near-misses).
        flag_pairs: the reported disagreeing pairs, ``(flag, sentence_a, sentence_b)`` with each
            sentence as ``(doc, start, end)``; a flag (a claim group or two) is correct when one of its
            pairs holds one side of a gold disagreement in each sentence.
        scope: when given, only predicted sentences overlapping one of these spans are scored
            (for gold that annotates part of each article).

    Returns:
        The counts; see :class:`Scores` for the figures.
    """
    gold = list(gold)
    instances: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # doc -> (start, end, instance id)
    claim_of: dict[str, tuple[str, str]] = {}
    for i, g in enumerate(gold):
        key = f"i{i}"
        instances[g.doc].append((g.start, g.end, key))
        claim_of[key] = (g.story, g.claim)
    scope_by_doc: dict[str, list[tuple[int, int]]] | None = None
    if scope is not None:
        scope_by_doc = defaultdict(list)
        for doc, a, b in scope:
            scope_by_doc[doc].append((a, b))

    groups: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for p in predicted:
        if scope_by_doc is not None and not any(_overlaps(p.start, p.end, a, b) for a, b in scope_by_doc[p.doc]):
            continue
        groups[p.group].add((p.doc, p.start, p.end))

    def inst(sentence: tuple[str, int, int]) -> set[str]:
        doc, s, e = sentence
        return {k for a, b, k in instances.get(doc, ()) if _overlaps(s, e, a, b)}

    scores = Scores()
    predicted_pairs: dict[frozenset, bool] = {}
    found: set[frozenset] = set()
    kinds: dict[str, int] = defaultdict(int)
    for members in groups.values():
        sentences = sorted(members)
        if len({source_of[d] for d, _, _ in sentences}) >= 2:
            claims_per = [{claim_of[k] for k in inst(s)} for s in sentences]
            common = set.intersection(*claims_per)
            union = set().union(*claims_per)
            scores.groups_multi += 1
            if common:
                kind = "pure"
            elif len(union) >= 2:
                kind = "mixed claims"
            elif union:
                kind = "claim + unlabelled"
            else:
                kind = "unlabelled"
            kinds[kind] += 1
        for x, y in combinations(sentences, 2):
            if source_of[x[0]] == source_of[y[0]]:
                continue
            ix, iy = inst(x), inst(y)
            hits = {frozenset((a, b)) for a in ix for b in iy if a != b and claim_of[a] == claim_of[b]}
            key = frozenset((x, y))
            predicted_pairs[key] = predicted_pairs.get(key, False) or bool(hits)
            found |= hits
    scores.groups_pure = kinds.get("pure", 0)
    scores.error_kinds = dict(kinds)
    scores.pairs_predicted = len(predicted_pairs)
    scores.pairs_correct = sum(predicted_pairs.values())

    by_claim: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, claim in claim_of.items():
        by_claim[claim].append(key)
    doc_of = {f"i{i}": g.doc for i, g in enumerate(gold)}
    for keys in by_claim.values():
        pairs = {frozenset((a, b)) for a, b in combinations(keys, 2) if source_of[doc_of[a]] != source_of[doc_of[b]]}
        if not pairs:
            continue
        scores.gold_claims += 1
        scores.gold_pairs += len(pairs)
        hit = pairs & found
        scores.gold_pairs_found += len(hit)
        scores.claims_unlinked += not hit

    numbers = list(numbers)
    if flag_pairs is not None:
        _score_flag_pairs(scores, list(flag_pairs), numbers)
        return scores
    flagged = {g for g in flagged if g in groups}
    scores.flagged = len(flagged)

    def holds(group: str, span: Span) -> bool:
        return any(_has(sentence, span) for sentence in groups[group])

    _count_flags(scores, numbers, lambda pair: {g for g in flagged if holds(g, pair.a) and holds(g, pair.b)})
    return scores


def _has(sentence: Span, span: Span) -> bool:
    """Whether a predicted sentence ``(doc, start, end)`` holds a gold span."""
    return sentence[0] == span[0] and _contains(sentence[1], sentence[2], span[1], span[2])


def _count_flags(scores: Scores, numbers: list[NumberPair], hits) -> None:
    """Number-disagreement counts: ``hits(pair)`` is the set of flags that cover a labelled pair."""
    correct: set[str] = set()
    for pair in numbers:
        found = hits(pair)
        if pair.label == "disagree":
            scores.disagreements += 1
            scores.disagreements_found += bool(found)
            correct |= found
        else:
            scores.flagged_negatives += len(found)
    scores.flagged_correct = len(correct)


def _score_flag_pairs(scores: Scores, flag_pairs: list[tuple[str, Span, Span]], numbers: list[NumberPair]) -> None:
    """Number-disagreement counts from the reported pairs (see :func:`score_alignment`)."""
    scores.flagged = len({flag for flag, _, _ in flag_pairs})

    def hits(pair: NumberPair) -> set[str]:
        return {flag for flag, x, y in flag_pairs
                if (_has(x, pair.a) and _has(y, pair.b)) or (_has(x, pair.b) and _has(y, pair.a))}  # fmt: skip

    _count_flags(scores, numbers, hits)


def format_scores(scores: Scores, title: str) -> str:
    """The printed block of figures for one data set."""
    dis_p = f"{scores.flagged_correct / scores.flagged:.3f}" if scores.flagged else "n/a"
    dis_r = f"{scores.disagreements_found / scores.disagreements:.3f}" if scores.disagreements else "n/a"
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(scores.error_kinds.items(), key=lambda kv: -kv[1]))
    return "\n".join(
        [
            title,
            f"  cross-outlet pairs  P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}"
            f"  ({scores.pairs_correct} of {scores.pairs_predicted} predicted pairs correct;"
            f" {scores.gold_pairs_found} of {scores.gold_pairs} gold pairs found)",
            f"  purity              {scores.purity:.3f}  ({scores.groups_pure} of {scores.groups_multi}"
            " multi-outlet groups state one gold claim)",
            f"  unlinked gold claims {scores.claims_unlinked} of {scores.gold_claims}",
            f"  number disagreements  P {dis_p}  R {dis_r}  ({scores.flagged_correct} of {scores.flagged} flags"
            f" correct; {scores.disagreements_found} of {scores.disagreements} gold found;"
            f" {scores.flagged_negatives} flags on labelled near-misses)",
            f"  multi-outlet groups by kind: {kinds or 'none'}",
        ]
    )


# ------------------------------------------------------------------ running the package
def _predict(records: list[dict], events: Iterable[str], result=None):
    """Analyse the records (unless ``result`` holds their analysis) and align claims per event;
    returns (predicted sentences, flagged pairs ``(flag, sentence_a, sentence_b)``, result)."""
    from analysis import analyze, load_corpus
    from analysis.compare import align

    if result is None:
        corpus = load_corpus(records)
        if len(corpus.rejects):
            row = corpus.rejects.iloc[0]
            raise GoldError(f"{row['where']}: article rejected by the loader ({row['reason']}); fix: {row['fix']}")
        result = analyze(corpus, jobs=1, progress=False)
    sentences = result.sentences.set_index(["article_id", "sentence_id"])[["start", "end"]]
    source_of = dict(zip(result.articles["article_id"].astype(str), result.articles["source"].astype(str), strict=True))
    predicted, flagged = [], []

    def span(where: tuple) -> Span:
        start, end = sentences.loc[(where[0], where[1])]
        return (str(where[0]), int(start), int(end))

    for event in events:
        table, pairs = align(result, event=event)
        for row in table.itertuples():
            group = f"{event}#{row.claim_group}"
            for article_id, sentence_id in row.evidence:
                start, end = sentences.loc[(article_id, sentence_id)]
                predicted.append(PredictedSentence(str(article_id), source_of[str(article_id)], int(start), int(end),
                                                   group))  # fmt: skip
        for p in pairs.itertuples():
            groups = "/".join(str(g) for g in sorted({int(p.claim_group), int(p.claim_group_b)}))
            flagged.append((f"{event}#{groups}", span(p.evidence[0]), span(p.evidence[1])))
    return predicted, flagged, result


def _outlet(file_name: str) -> str:
    return file_name.split("_", 1)[0]


def evaluate_polnear(
    path: str | Path, gold_dir: str | Path = GOLD_DIR, *, main_only: bool = False, result=None
) -> tuple[Scores, dict[str, Scores], object]:
    """Run the package on the gold stories of PolNeAR dev and score them.

    Args:
        path: the PolNeAR dev folder (holding ``text/``).
        gold_dir: the folder with ``stories.yml``, ``claims.tsv`` and ``numbers.tsv``.
        main_only: score only the instances that are a sentence's main assertion (``role`` main);
            sentences stating a claim only in passing then count as stating no shared claim.
        result: the analysis of the stories' articles from an earlier run (the third item returned);
            None analyses them (alignment alone is then re-run, for comparing aligner changes).

    Returns:
        (all stories together, per story, (the analysis result, the predicted sentences, the gold spans)).

    Raises:
        GoldError: a malformed gold file, or a gold span outside its article.
        FileNotFoundError: an article named in the gold is missing.
    """
    path, gold_dir = Path(path), Path(gold_dir)
    text_dir = path / "text" if (path / "text").is_dir() else path
    stories = read_stories(gold_dir / "stories.yml")
    claims = read_claims(gold_dir / "claims.tsv")
    numbers = read_numbers(gold_dir / "numbers.tsv")
    records, texts, story_of = [], {}, {}
    for story in stories:
        for name in story.files:
            file = text_dir / name
            if not file.is_file():
                raise FileNotFoundError(f"{file}: article of story {story.id} not found; pass the PolNeAR dev folder")
            text = file.read_text(encoding="utf-8")
            doc = Path(name).stem
            texts[name], story_of[name] = text, story.id
            record = {"article_id": doc, "text": text, "source": _outlet(name), "event": story.id}
            record["title"] = text.split("\n", 1)[0][:200]
            date = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
            if date:
                record["published"] = date.group(1)
            records.append(record)
    problems = check_spans(claims, texts)
    problems += [f"{p.story}/{p.pair}: {side[0]} not in a story file" for p in numbers for side in (p.a, p.b)
                 if side[0] not in texts]  # fmt: skip
    if problems:
        raise GoldError(f"{gold_dir / 'claims.tsv'}: " + "; ".join(problems[:3]))
    predicted, flagged, result = _predict(records, [s.id for s in stories], result)
    source_of = {Path(n).stem: _outlet(n) for n in texts}
    gold = [
        GoldSpan(c.story, c.claim, Path(c.doc).stem, c.start, c.end, c.voice, c.role)
        for c in claims
        if not main_only or c.role == "main"
    ]
    nums = [NumberPair(p.story, p.pair, p.label, (Path(p.a[0]).stem, *p.a[1:]), (Path(p.b[0]).stem, *p.b[1:]),
                       p.value_a, p.value_b, p.unit, p.counted) for p in numbers]  # fmt: skip
    per_story = {}
    for story in stories:
        prefix = story.id + "#"
        per_story[story.id] = score_alignment(
            [p for p in predicted if p.group.startswith(prefix)],
            [g for g in gold if g.story == story.id],
            source_of,
            flag_pairs=[f for f in flagged if f[0].startswith(prefix)],
            numbers=[n for n in nums if n.story == story.id],
        )
    total = Scores()
    for s in per_story.values():
        total = total.add(s)
    return total, per_story, (result, predicted, gold)


def read_meantime_events(path: str | Path) -> tuple[list[dict], list[GoldSpan], list[Span]]:
    """MEANTIME English as article records, cross-document event chains as gold, annotated sentences as scope.

    Each article is rebuilt from ``meantime.conll`` (one sentence a paragraph);
    its source is the article itself and its event the topic. A chain whose
    mentions fall in two or more articles is one gold "claim", its instances the
    sentences holding a mention.

    Args:
        path: the MEANTIME folder (``meantime.conll``, ``event_mentions.json``).
    """
    from analysis.evaluation.entities import _detokenize

    path = Path(path)
    mentions = json.loads((path / "event_mentions.json").read_text(encoding="utf-8"))
    topics = {m["conll_doc_key"]: m["topic"] for m in mentions}
    tokens: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(path / "meantime.conll", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[0] in topics:
                tokens[parts[0]][int(parts[1])].append(parts[3])
    records, sentence_span = [], {}
    for key in sorted(tokens):
        paragraphs, pos = [], 0
        for sid in sorted(tokens[key]):
            text, _ = _detokenize(tokens[key][sid])
            sentence_span[(key, sid)] = (pos, pos + len(text))
            paragraphs.append(text)
            pos += len(text) + 2
        record = {"article_id": key, "text": "\n\n".join(paragraphs), "source": key, "event": topics[key],
                  "title": paragraphs[0][:200]}  # fmt: skip
        day = _dateline(paragraphs[1] if len(paragraphs) > 1 else "")
        if day:
            record["published"] = day
        records.append(record)
    chains: dict[str, set[tuple[str, int]]] = defaultdict(set)
    scope = set()
    for m in mentions:
        where = (m["conll_doc_key"], int(m["sent_id"]))
        if where in sentence_span:
            chains[m["coref_chain"]].add(where)
            scope.add((where[0], *sentence_span[where]))
    gold = [GoldSpan(topics[doc], chain, doc, *sentence_span[(doc, sid)])
            for chain, where in chains.items() if len({d for d, _ in where}) >= 2
            for doc, sid in sorted(where)]  # fmt: skip
    return records, gold, sorted(scope)


def _dateline(line: str) -> str | None:
    """The ISO date of a Wikinews date line ("March 01, 2008", the second line of every MEANTIME
    article), or None: the publication date a figure is as of (its topic spans years)."""
    from datetime import datetime

    try:
        return datetime.strptime(line.strip(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def evaluate_meantime(path: str | Path) -> Scores:
    """Score claim alignment on MEANTIME cross-document event chains (see the module docstring)."""
    records, gold, scope = read_meantime_events(path)
    events = sorted({r["event"] for r in records})
    predicted, flagged, _ = _predict(records, events)
    source_of = {r["article_id"]: r["source"] for r in records}
    return score_alignment(predicted, gold, source_of, flag_pairs=flagged, scope=scope)


# ------------------------------------------------------------------ command line
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis evaluate alignment``."""
    parser.add_argument("path", type=Path, help="PolNeAR dev folder (polnear-dev) or MEANTIME folder (meantime)")
    parser.add_argument(
        "--format",
        choices=["polnear-dev", "meantime"],
        default="polnear-dev",
        dest="data_format",
        help="polnear-dev: the labelled stories of benchmarks/alignment_dev; meantime: cross-document event chains",
    )
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of the polnear-dev gold files")
    parser.add_argument("--groups", action="store_true", help="also print every multi-outlet group, for reading")
    parser.add_argument(
        "--main-only", action="store_true", help="polnear-dev: only gold instances that are a sentence's main assertion"
    )


def _print_groups(result, predicted: list[PredictedSentence], gold: list[GoldSpan]) -> None:
    members: dict[str, list[PredictedSentence]] = defaultdict(list)
    for p in predicted:
        members[p.group].append(p)
    for group, sentences in members.items():
        if len({p.source for p in sentences}) < 2:
            continue
        print(f"\n[{group}]")
        for p in sorted(set(sentences), key=lambda p: (p.source, p.doc, p.start)):
            labels = sorted({g.claim for g in gold if g.doc == p.doc and _overlaps(p.start, p.end, g.start, g.end)})
            text = result.text(p.doc)[p.start : p.end].replace("\n", " ")
            print(f"  {p.source:12s} {','.join(labels) or '-':8s} {text[:160]}")


def main(args: argparse.Namespace) -> int:
    """Run the evaluation and print the figures; returns the exit code."""
    if args.data_format != "meantime" and Path(args.gold) == GOLD_DIR:
        args.gold = checkout_path("benchmarks", "alignment_dev")  # says what to do when not in a checkout
    if args.data_format == "meantime":
        scores = evaluate_meantime(args.path)
        print(format_scores(scores, f"alignment: format=meantime path={args.path} (cross-document event chains)"))
        return 0
    total, per_story, (result, predicted, gold) = evaluate_polnear(args.path, args.gold, main_only=args.main_only)
    scope = " (main assertions only)" if args.main_only else ""
    print(format_scores(total, f"alignment: format=polnear-dev path={args.path} gold={args.gold}{scope}"))
    print("\nper story: pairs correct/predicted, gold pairs found/all, multi-outlet groups pure/all")
    for story, s in per_story.items():
        print(f"  {story:28s} {s.pairs_correct:3d}/{s.pairs_predicted:<4d} {s.gold_pairs_found:3d}/{s.gold_pairs:<4d}"
              f" {s.groups_pure:3d}/{s.groups_multi}")  # fmt: skip
    if args.groups:
        _print_groups(result, predicted, gold)
    return 0
