"""Sentiment per sentence, per article and per entity: ``tone`` beside the raw scores.

Every sentence gets four numbers:

``compound``
    VADER's compound score (vaderSentiment, its bundled lexicon), in [-1, 1].
``polarity``, ``subjectivity``
    TextBlob's ``PatternAnalyzer`` (Pattern's adjective lexicon), polarity in
    [-1, 1], subjectivity in [0, 1].
``tone``
    The package's own score in [-1, 1], described below.

The raw scores are exactly what those packages return (the implementations in
:mod:`analysis.sentiment._vader` and :mod:`analysis.sentiment._pattern` are fast re-statements of
their rules over their own resources, checked equal by the tests).

How ``tone`` is computed
------------------------
1. **Word valences** come from VADER's lexicon with the news adjustments of
   ``data/lexicons/tone.yml`` applied on top (missing conflict words such as
   "casualties", "massacre", "liberated"; names that contain rated words, such
   as "United States" or "Free Syrian Army", made neutral; "terrorist" and
   "killed" kept negative but below "kill"). The file is documented and can be
   extended by the user (``lexicon=``; ``inherit: false`` in the user's file replaces it),
   by the rule every lexicon follows (:mod:`analysis.resources`).
2. **Rules**, like VADER's but with two fixes:

   * intensifiers ("very", "extremely", dampeners such as "slightly") in the
     three words before a rated word raise or lower it, as in VADER;
   * a negation ("not", "no", "never", "without", any "n't" form, ...) flips
     and damps (x -0.74) the rated words among the next three tokens, but the
     window stops at a clause boundary (a comma, semicolon, colon or "but").
     VADER looks three words back from each rated word and checks negation only
     through unrated words, so "not a good" and "not, good" are both negated;
   * two news rules for negation (lists in ``tone.yml``, see
     :func:`_negation_scope`): a negated verb of continuation ("the ceasefire
     is not holding", "isn't working") turns mildly negative and flips its
     subject's words; a denying quantifier ("no", "not a single", "not one")
     with a verb of remaining ("remains", "survives") covers its whole clause,
     so "not a single settlement remains under terrorist control" is good news.
     Checked on the rated sets: no set loses agreement (``benchmarks/RESULTS.md``);
   * "but": words before the first "but" count half, after it one and a half,
     by position. VADER finds each score with ``list.index`` (the first equal
     value), so when the same value occurs twice ("good ... but ... good") it
     scales the wrong word or the same word twice;
   * ALL-CAPS emphasis, "!" and "??" emphasis and the normalisation
     ``x / sqrt(x^2 + 15)`` are VADER's.

   Longer negation windows were tried and lowered the agreement with people on
   all three rated sets (see ``benchmarks/RESULTS.md``).
3. **Calibration**: ``tone = W * lexical + (1 - W) * polarity`` with
   ``W = TONE_WEIGHT``. The two scores make different errors (VADER knows
   slang, emoticons, nouns and verbs; Pattern knows many more adjectives and
   their intensity), so the mix agrees with people better than either. ``W``
   is the single fitted number: it was chosen on a fixed half of the three
   VADER rated sets (the items whose id hashes to an even SHA-1, see
   :func:`analysis.evaluation.sentiment.is_fit_half`), maximising the mean
   Pearson r, and is reported on the other half too. Both terms lie in
   [-1, 1], so ``tone`` does too.

``tone`` remains a lexicon score: it does not know who is speaking, irony, or
whose good news a sentence is ("the offensive is not stalling" is good for
one side); negation rules beyond the two above (e.g. "the fighting is not
ending") are not handled. Read it as "how charged is the wording", compare it between
sources on the same event, and look at the sentences behind any number
(``compare.evidence``).

Articles and entities
---------------------
:func:`article_scores` averages sentences (VADER saturates on long text, so
an article is never scored as one string). The tone toward each entity
mention (the ``tone`` column of the ``entities`` table) is not a sentence's
tone: see :mod:`analysis.sentiment.target`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import compress
from pathlib import Path

import pandas as pd

from analysis.resources import Layer

__all__ = [
    "SENTENCE_COLUMNS",
    "TONE_WEIGHT",
    "ToneLexicon",
    "article_scores",
    "load_tone_lexicon",
    "score_sentence",
    "score_sentences",
]

#: Columns returned by :func:`score_sentences`.
SENTENCE_COLUMNS = ["tone", "polarity", "subjectivity", "compound"]

#: Weight of the lexical (VADER-style) part of ``tone``; the rest is TextBlob's
#: polarity. Fitted on the fit half of the VADER rated sets
#: (``python benchmarks/bench_sentiment.py --data ../shared/datasets/vader_dev --fit``).
TONE_WEIGHT = 0.6

#: Tokens after a negation whose valence is flipped.
NEGATION_WINDOW = 3

_LEXICON_KEYS = frozenset({"version", "words", "phrases", "negations", "boosters", "when_negated", "persistence"})
#: Negations that deny the existence of the subject ("no", "not a single", "not one", ...).
_QUANTIFIER_NEGATIONS = frozenset({"no", "none", "nothing", "neither", "nobody"})
#: How far after such a negation a persistence verb may come ("not a single settlement remains").
_PERSISTENCE_REACH = 7
#: Auxiliaries before "not"/"never" that make it negate the clause's verb ("is not holding").
_AUXILIARIES = frozenset(
    "is are was were am be been has have had does do did will would can could shall should may might must".split()
)
#: Words allowed between a negation and a negated verb of continuation ("has not been working").
_VERB_GAP = frozenset({"be", "been", "yet", "really", "always", "ever", "fully", "properly", "quite"})
#: How many tokens before a verb negation its subject may start ("the ceasefire in Idlib is not holding").
_SUBJECT_REACH = 5
_MAX_VALENCE = 4.0
_BOOST_STEPS = ((1, 1.0), (2, 0.95), (3, 0.9))  # VADER's damping of a booster 1, 2, 3 words back


# -- lexicon ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ToneLexicon:
    """The word valences and rules ``tone`` uses (VADER's lexicon plus adjustments).

    Attributes:
        words: lower-case word -> valence on VADER's -4 .. 4 scale.
        phrases: tuple of lower-case words -> valence, scored at the last word.
        negations: words that negate the next tokens.
        when_negated: words with no valence of their own (verbs of continuation,
            "holding", "working") -> their valence when negated.
        persistence: verbs of remaining or existing ("remains", "survives") that
            widen a quantifier negation to the end of its clause.
        boosters: intensifier -> added intensity.
        source: where the adjustments came from (for messages).
    """

    words: dict[str, float]
    phrases: dict[tuple[str, ...], float] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    boosters: dict[str, float] = field(default_factory=dict)
    source: str = "<default>"
    when_negated: dict[str, float] = field(default_factory=dict)
    persistence: frozenset[str] = frozenset()

    @cached_property
    def phrases_by_end(self) -> dict[str, list[tuple[tuple[str, ...], float]]]:
        """The phrases (with their values) indexed by their last word."""
        index: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for phrase, value in self.phrases.items():
            index.setdefault(phrase[-1], []).append((phrase, value))
        return index

    @cached_property
    def phrase_ends(self) -> frozenset[str]:
        """The last words of the phrases (a phrase can match only where one occurs)."""
        return frozenset(self.phrases_by_end)

    @cached_property
    def triggers(self) -> frozenset[str]:
        """Words without which ``tone``'s lexical part is 0: rated words, phrase ends, ``when_negated`` words."""
        return frozenset(self.words) | self.phrase_ends | frozenset(self.when_negated)

    @cached_property
    def phrases_text(self) -> dict[tuple[str, ...], tuple[str, float]]:
        """Phrases with their space-joined form (a quick substring pre-check)."""
        return {phrase: (" ".join(phrase), value) for phrase, value in self.phrases.items()}


def _checked(layer: Layer) -> Layer:
    """Check one tone lexicon document; raise :class:`LexiconError` naming its file and line."""
    doc = layer.data
    unknown = sorted(set(doc) - _LEXICON_KEYS)
    if unknown:
        raise layer.error((unknown[0],), f"unknown section {unknown[0]!r}; allowed: {', '.join(sorted(_LEXICON_KEYS))}")
    for section in ("words", "phrases", "boosters", "when_negated"):
        entries = doc.get(section) or {}
        if not isinstance(entries, Mapping):
            raise layer.error((section,), f"'{section}' must map words to numbers, e.g. `killed: -3.0`")
        for key, value in entries.items():
            if not isinstance(key, str) or not key.strip():
                raise layer.error((section,), f"every key in '{section}' must be a word, got {key!r}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise layer.error((section, key), f"{key!r} needs a number, got {value!r}")
            if section != "boosters" and abs(value) > _MAX_VALENCE:
                raise layer.error((section, key), f"{key!r}: {value} is outside VADER's scale -4 .. 4")
            if section in ("words", "when_negated") and len(key.split()) != 1:
                raise layer.error((section, key), f"{key!r} has several words; put it under 'phrases'")
            if section == "phrases" and len(key.split()) < 2:
                raise layer.error((section, key), f"{key!r} is one word; put it under 'words'")
    for section, example in (("negations", "[no longer]"), ("persistence", "[remains, survives]")):
        listed = doc.get(section) or []
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            raise layer.error((section,), f"'{section}' must be a list of words, e.g. `{example}`")
    return layer


def _build(doc: Mapping, source: str) -> ToneLexicon:
    """VADER's word list and rules with a merged tone lexicon document laid over them."""
    from analysis.sentiment._vader import get_scorer

    vader = get_scorer()
    words = dict(vader.lexicon)
    negations = set(vader.negations) | {"no"}
    boosters = dict(vader.boosters)
    for word, value in (doc.get("words") or {}).items():
        words[word.strip().lower()] = float(value)
    phrases = {tuple(phrase.lower().split()): float(value) for phrase, value in (doc.get("phrases") or {}).items()}
    negations.update(w.strip().lower() for w in doc.get("negations") or [])
    for word, value in (doc.get("boosters") or {}).items():
        boosters[word.strip().lower()] = float(value)
    when_negated = {word.strip().lower(): float(value) for word, value in (doc.get("when_negated") or {}).items()}
    persistence = frozenset(w.strip().lower() for w in doc.get("persistence") or [])
    return ToneLexicon(words, phrases, frozenset(negations), boosters, source, when_negated, persistence)


@cache
def _default_lexicon() -> ToneLexicon:
    return _load(None)


def _load(lexicon: str | Path | Mapping | None) -> ToneLexicon:
    from analysis.resources import load_layers, merge_layers

    layers = [_checked(layer) for layer in load_layers("tone.yml", lexicon, kind="tone lexicon")]
    return _build(merge_layers(layers), layers[-1].where)


def load_tone_lexicon(lexicon: str | Path | Mapping | ToneLexicon | None = None) -> ToneLexicon:
    """Return the lexicon ``tone`` uses: the packaged adjustments, with yours added to them.

    The rule is every lexicon's (:mod:`analysis.resources`): your words and
    phrases are added (a word listed again takes your valence); ``inherit:
    false`` at the top drops the packaged ``tone.yml``, leaving VADER's word
    list with your file over it.

    Args:
        lexicon: None for ``data/lexicons/tone.yml``; a path to a YAML file or a
            mapping with the same sections (``words``, ``phrases``,
            ``negations``, ``boosters``, ``when_negated``, ``persistence``,
            optional ``inherit: false``); or a :class:`ToneLexicon` (returned as is).

    Returns:
        The merged :class:`ToneLexicon`.

    Raises:
        LexiconError: a malformed file or mapping (file and line in the message).
        FileNotFoundError: the path does not exist.
        TypeError: ``lexicon`` is of another type.
    """
    if lexicon is None:
        return _default_lexicon()
    if isinstance(lexicon, ToneLexicon):
        return lexicon
    if not isinstance(lexicon, str | Path | Mapping):
        raise TypeError(f"lexicon must be a path, a mapping or None, not {type(lexicon).__name__}")
    return _load(lexicon)


# -- scoring ------------------------------------------------------------------------------------
def _lexical_tone(
    text: str,
    tokens: tuple[Sequence, Sequence, Sequence, Sequence],
    lex: ToneLexicon,
    vader: object = None,
    emphasis: float | None = None,
) -> float:
    """The VADER-style part of ``tone`` (see the module docstring), in [-1, 1].

    ``emphasis`` is VADER's punctuation emphasis of ``text`` when already known.
    """
    if vader is None:
        from analysis.sentiment._vader import get_scorer

        vader = get_scorer()
    _words, lows, caps, clause_ends = tokens
    n = len(lows)
    if n == 0:
        return 0.0
    if lex.triggers.isdisjoint(lows):
        return 0.0
    valences = lex.words
    phrase_ends = lex.phrase_ends
    boosters = lex.boosters
    negations = lex.negations
    n_scalar = vader.n_scalar
    c_incr = vader.c_incr
    scored = {i: valences[lows[i]] for i in compress(range(n), map(valences.__contains__, lows))}
    joined = " ".join(lows)
    if not phrase_ends.isdisjoint(lows):
        for phrase, (pattern, value) in lex.phrases_text.items():
            if pattern in joined:
                k = len(phrase)
                last = phrase[-1]
                for i in range(k - 1, n):
                    if lows[i] == last and tuple(lows[i - k + 1 : i + 1]) == phrase:
                        for j in range(i - k + 1, i):
                            scored.pop(j, None)
                        scored[i] = value
    for i in list(scored):
        low = lows[i]
        if low in boosters:
            del scored[i]
        elif low == "no" and i < n - 1 and lows[i + 1] in valences:
            scored[i] = 0.0
    negated: set[int] = set()
    fixed: dict[int, float] = {}
    if "n't" in joined or not negations.isdisjoint(lows):
        negated, fixed = _negation_scope(lows, clause_ends, lex)
        scored.update(fixed)
    if not scored:
        return 0.0
    cap_diff = 0 < n - sum(caps) < n
    but_at = lows.index("but") if "but" in lows else -1
    total = 0.0
    boosted = not boosters.keys().isdisjoint(lows)
    for i, value in scored.items():
        if cap_diff and caps[i]:
            value = value + c_incr if value > 0 else value - c_incr
        for back, damp in _BOOST_STEPS if boosted else ():
            j = i - back
            if j < 0:
                break
            b = boosters.get(lows[j])
            if b is not None:
                s = -b if value < 0 else b
                if cap_diff and caps[j]:
                    s = s + c_incr if value > 0 else s - c_incr
                value += s * damp
        if i in negated and i not in fixed:
            value *= n_scalar
        if but_at >= 0:
            if i < but_at:
                value *= 0.5
            elif i > but_at:
                value *= 1.5
        total += value
    if emphasis is None:
        emphasis = vader.punctuation_emphasis(text)
    return vader.finish(total, emphasis)


def _negation_scope(
    lows: Sequence[str], clause_ends: Sequence[bool], lex: ToneLexicon
) -> tuple[set[int], dict[int, float]]:
    """Return the positions a negation covers, and the values of negated neutral words.

    A negation covers the next ``NEGATION_WINDOW`` tokens, stopping at a clause
    boundary (a token ending in ``,`` ``;`` ``:``, or "but"). Two news rules
    (words from ``lex.when_negated`` and ``lex.persistence``):

    * a negated verb of continuation ("not holding", "isn't working", "has
      never worked") takes its ``when_negated`` valence when it follows the
      negation directly (or after "be", "been", "yet", ...; not after the
      determiner "no": "no holds barred"). When the negation negates a verb
      phrase (an "n't" form, or "not"/"never" after an auxiliary), it also
      reaches back to the rated words of its clause up to five tokens before it,
      the subject: "the ceasefire" in "the ceasefire is not holding" flips;
    * a quantifier negation ("no", "none", "nothing", "not a single", "not one",
      "not any") followed in its clause by a persistence verb ("remains",
      "survives", "exists") covers the rest of the clause: "not a single
      settlement remains under terrorist control" denies the negative state.

    Args:
        lows: lower-cased tokens.
        clause_ends: per token, whether it ends with ``,`` ``;`` or ``:``.
        lex: the tone lexicon.

    Returns:
        ``(negated positions, {position: valence} for negated when_negated words)``.
    """
    negations = lex.negations
    when_negated = lex.when_negated
    persistence = lex.persistence
    n = len(lows)
    negated: set[int] = set()
    fixed: dict[int, float] = {}
    negated_until = -1
    negation_at = -1
    clause_start = negation_clause_start = 0
    for i, low in enumerate(lows):
        boundary = clause_ends[i] or low == "but"
        if i <= negated_until:
            negated.add(i)
            value = when_negated.get(low)
            if value is not None and lows[negation_at] != "no":
                gap = i - negation_at
                if gap == 1 or (gap == 2 and lows[i - 1] in _VERB_GAP):
                    fixed[i] = value
                    negation = lows[negation_at]
                    if "n't" in negation or (negation_at > 0 and lows[negation_at - 1] in _AUXILIARIES):
                        start = max(negation_clause_start, negation_at - _SUBJECT_REACH)
                        negated.update(range(start, negation_at))
            if boundary:
                negated_until = i
        if low in negations or "n't" in low:
            negated_until = i + NEGATION_WINDOW
            negation_at, negation_clause_start = i, clause_start
            if clause_ends[i]:
                negated_until = i
            elif persistence and _denies_existence(lows, clause_ends, i, persistence):
                negated_until = n - 1  # to the end of the clause (cut at the boundary above)
        if boundary:
            clause_start = i + 1
    return negated, fixed


def _denies_existence(lows: Sequence[str], clause_ends: Sequence[bool], i: int, persistence: frozenset[str]) -> bool:
    """True when the negation at ``i`` quantifies its subject and a persistence verb follows in the clause."""
    low = lows[i]
    if low not in _QUANTIFIER_NEGATIONS:
        after = tuple(lows[i + 1 : i + 3])
        if not (low == "not" and (after[:1] in (("one",), ("any",)) or after == ("a", "single"))):
            return False
    for j in range(i + 1, min(len(lows), i + 1 + _PERSISTENCE_REACH)):
        if lows[j] in persistence:
            return True
        if clause_ends[j] or lows[j] == "but":
            return False
    return False


def score_sentence(text: str, *, lexicon: str | Path | Mapping | ToneLexicon | None = None) -> dict[str, float]:
    """Score one sentence; see :func:`score_sentences`.

    Args:
        text: the sentence.
        lexicon: as for :func:`score_sentences`.

    Returns:
        ``{"tone", "polarity", "subjectivity", "compound"}``.

    Example:
        >>> s = score_sentence("The ceasefire is holding.")
        >>> s["tone"] > 0, s["compound"]
        (True, 0.0)
    """
    row = _score_one(_clean(text), load_tone_lexicon(lexicon))
    return dict(zip(SENTENCE_COLUMNS, row, strict=True))


def _clean(text: object) -> str:
    if isinstance(text, str):
        return text
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return str(text)


def _scorers() -> tuple:
    from analysis.sentiment._pattern import get_scorer as pattern_scorer
    from analysis.sentiment._shared_tokens import get_tokenizer
    from analysis.sentiment._vader import get_scorer as vader_scorer
    from analysis.sentiment.check import check_fast_paths

    check_fast_paths()  # once per process: the fast paths still equal the installed packages
    return vader_scorer(), pattern_scorer(), get_tokenizer()


def _score_reference(text: str, lex: ToneLexicon) -> tuple[float, float, float, float]:
    """The audit route: ``compound``, ``polarity``, ``subjectivity`` from the packages themselves."""
    from analysis.sentiment._vader import get_scorer as vader_scorer
    from analysis.sentiment.check import reference_scores

    compound, polarity, subjectivity = reference_scores(text)
    vader = vader_scorer()
    lexical = _lexical_tone(text, vader.tokens(text), lex, vader)
    tone = TONE_WEIGHT * lexical + (1.0 - TONE_WEIGHT) * polarity
    return (max(-1.0, min(1.0, tone)), polarity, subjectivity, compound)


def _score_one(text: str, lex: ToneLexicon, scorers: tuple | None = None) -> tuple[float, float, float, float]:
    vader, pattern, tokenizer = scorers or _scorers()
    shared = tokenizer.sentence(text)
    if shared is None:  # emoji: VADER reads their descriptions, Pattern the characters
        tokens = vader.tokens(text)
        compound = vader.compound(text, tokens)
        polarity, subjectivity = pattern.score(text)
        lexical = _lexical_tone(text, tokens, lex, vader)
    else:
        lows, caps, clause_ends, vader_hits, vader_context, pattern_text, pattern_hit = shared
        polarity, subjectivity = pattern.score_pieces(pattern_text, pattern_hit)
        if not vader_hits and lex.triggers.isdisjoint(lows):  # no word for compound or tone to score
            compound = lexical = 0.0
        else:
            tokens = (lows, lows, caps, clause_ends)  # the words as written are not read by the scorers
            emphasis = vader.punctuation_emphasis(text)
            compound = vader.compound(text, tokens, vader_hits, vader_context, emphasis) if vader_hits else 0.0
            lexical = _lexical_tone(text, tokens, lex, vader, emphasis)
    tone = TONE_WEIGHT * lexical + (1.0 - TONE_WEIGHT) * polarity
    return (max(-1.0, min(1.0, tone)), float(polarity), float(subjectivity), float(compound))


def score_sentences(
    texts: Sequence[str],
    *,
    lexicon: str | Path | Mapping | ToneLexicon | None = None,
    method: str = "fast",
) -> pd.DataFrame:
    """Score sentences: ``tone`` and the raw VADER and TextBlob scores.

    Identical sentences are scored once. The analyzers and lexicons are loaded
    on the first call and cached.

    Args:
        texts: sentences (one row each). Missing values (None, NaN) score 0.
        lexicon: the tone adjustments: None for the packaged
            ``data/lexicons/tone.yml``, a YAML path or a mapping applied on top of
            it (see :func:`load_tone_lexicon`). Affects ``tone`` only.
        method: ``"fast"`` (the package's re-statements of VADER and
            TextBlob, checked equal to them on canary sentences at first use)
            or ``"reference"``: ``compound`` from vaderSentiment's
            ``SentimentIntensityAnalyzer`` and ``polarity``/``subjectivity``
            from TextBlob's ``PatternAnalyzer`` themselves, 4-5x slower, to
            audit the fast path (the two give equal frames).

    Returns:
        A DataFrame with float columns ``tone, polarity, subjectivity,
        compound``, one row per text in order, with a RangeIndex.

    Raises:
        LexiconError: the lexicon is malformed (file and line in the message).
        FastPathMismatchError: the installed vaderSentiment or textblob no
            longer agrees with the fast path (the message names the versions).
        ValueError: an unknown ``method``.

    Example:
        >>> score_sentences(["Not good.", ""]).round(3).to_dict("list")["compound"]
        [-0.341, 0.0]
    """
    if method not in ("fast", "reference"):
        raise ValueError(f"method must be 'fast' or 'reference', got {method!r}")
    lex = load_tone_lexicon(lexicon)
    scorers = _scorers() if method == "fast" else None
    seen: dict[str, tuple[float, float, float, float]] = {}
    rows = []
    for raw in texts:
        text = raw if type(raw) is str else _clean(raw)
        row = seen.get(text)
        if row is None:
            row = seen[text] = _score_one(text, lex, scorers) if scorers else _score_reference(text, lex)
        rows.append(row)
    frame = pd.DataFrame.from_records(rows, columns=SENTENCE_COLUMNS)
    if frame.empty:
        frame = pd.DataFrame({c: pd.Series([], dtype="float64") for c in SENTENCE_COLUMNS})
    return frame.astype("float64")


# -- aggregation --------------------------------------------------------------------------------
def article_scores(sentences: pd.DataFrame) -> dict[str, float]:
    """Aggregate one article's sentence scores.

    Rule: the unweighted mean over the article's non-debris sentences whose
    score is present. Every such sentence counts, neutral ones too, so an
    article of flat reporting with one charged sentence stays near zero; a
    long article is not scored as one string (VADER saturates on long text).

    Args:
        sentences: the article's rows with ``tone, polarity, subjectivity,
            compound`` and ``is_debris`` (bool; missing means not debris).

    Returns:
        ``{"tone", "polarity", "subjectivity", "compound", "n_scored"}``; NaN
        scores and ``n_scored`` 0 when no sentence qualifies.
    """
    if "is_debris" in sentences.columns:
        keep = ~sentences["is_debris"].fillna(False).astype(bool)
        sentences = sentences.loc[keep]
    scored = sentences.dropna(subset=["tone"]) if len(sentences) else sentences
    out: dict[str, float] = {}
    for column in SENTENCE_COLUMNS:
        values = pd.to_numeric(scored[column], errors="coerce") if len(scored) else pd.Series([], dtype=float)
        out[column] = float(values.mean()) if len(values) else math.nan
    out["n_scored"] = len(scored)
    return out
