"""Tone toward each mention: how a news sentence's charged words reach the people it names.

A sentence's ``tone`` says how charged its wording is; it does not say about
whom. "Mayor Ilse Varga praised the firefighters who saved Tomas Reh" is good
news for the firefighters, and "Varga condemned the attack on Reh" is not bad
news for Varga. :func:`mention_tones` scores one sentence toward each mention
(a character span) in [-1, 1], from the same word valences as ``tone``
(VADER's lexicon with ``data/lexicons/tone.yml`` on top) and the rules below,
whose word lists live in ``data/lexicons/target_tone.yml``.

How a word's charge reaches a mention
-------------------------------------
Every rated word in the sentence (outside every mention: the "Hope" of
"Dell Hope" is a name) counts toward a mention with a weight:

* **distance in a cheap clause split**: the sentence is cut at ``, ; : ( )``
  and dashes, and before clause openers ("but", "while", "because", "who",
  "which", ...). A word in the mention's own clause counts fully, each clause
  further away multiplies by ``CLAUSE_DECAY``, and every ``TOKEN_HALF_LIFE``
  tokens of distance halve a word's weight; words more than ``REACH``
  tokens away do not count (this also keeps the work linear in the sentence's
  length, however many mentions it has);
* **appositions and labels**: a comma clause right after the name that opens
  with a determiner ("X, a convicted fraudster, ...", "X, the group's
  founder") or a relative pronoun ("X, who was convicted in 2016, ...")
  counts as the name's own clause; a label before the name is in its clause
  anyway ("convicted fraudster X"). A hyphen inside a word ("Ocasio-Cortez")
  does not cut a clause, a dash between spaces does;
* **agent and patient of a directed verb**: verbs that aim their charge at
  their object (``directed``: "praised", "condemned", "blamed", "arrested",
  "fined", "elected", naming verbs such as "called Y a liar")
  give their object the full charge and their subject only the listed share,
  together with the words of the object phrase ("X condemned Y's brutal
  attack" is about Y). The passive turns this around: "Y was arrested", "Y was
  praised by X" charge Y fully;
* **quotes and reported speech**: everything a mention says, when it is the
  subject of a reporting verb ("X said ...", "..., X said", "according to
  X") or the name before a headline's colon ("X: no decision yet on the
  vote"), is that speaker's stance, not the outlet's tone toward the speaker:
  its negative words count only ``SPEAKER_WEIGHT`` (0.1: attacks and warnings
  are about others), its positive ones ``SPEAKER_POSITIVE`` (0.3: hope,
  thanks and praise portray their speaker a little). Quoted words reach
  anyone else outside the quote with ``QUOTE_WEIGHT`` (1: "X called Y 'a
  disgrace'" is about Y), and a mention inside the quote is scored on the
  quote's words like any other;
* **negation**: a negation flips and damps (x -0.74, VADER's factor) the positive
  words among the next three tokens of its clause (and cancels the negative
  ones); "but" halves the words of the clause before it, as in ``tone``,
  and words on the other side of a contrast ("but", "however", "while")
  count ``CONTRAST_WEIGHT``;
* **settings**: a name after "in", "at", "near", ... (``settings``) is where
  something happened: the sentence's words reach it with ``SETTING_WEIGHT``;
* **contests and harm**: the winner of "X defeated Y" gains what Y loses
  (a negative share in ``directed``); words of harm ("killed", "death",
  "wounded", ``suffered``) reach their victim only by half, their doer fully;
* **opposing a wrong** (``reversers``): the negative words within
  ``REVERSE_WINDOW`` tokens after "fight", "against", "condemned", "prevent",
  "a ban on" ... are what the opponent is against, not what it does: for a
  mention outside that span they count ``-0.5`` times (mildly good), and the
  reverser's own negative charge ("fight" -1.6) counts 0. A mention inside the
  span ("condemned the attack on Y") keeps the full charge;
* **reporting verbs with their own charge** (``reporting``): "X admitted",
  "X boasted", "X claimed" add the verb's charge to X.

Positive words count ``POSITIVE_SCALE`` (half) as much as negative ones: news
uses words of praise loosely ("helped", "agreed", "supporters"), and on the
NewsMTSC fit half this asymmetry raised macro-F1 more than any other
constant. The weighted sum is squashed like VADER's (``x / sqrt(x^2 + 15)``).
Mixing in the sentence's ``tone`` was tried and lowered the agreement, so
the mention tone stands on its own words.

Word valences: the tone lexicon first, then the rules' own ``words`` (charged
words of wrongdoing and standing VADER lacks: "indicted", "misconduct",
"embattled"), then Pattern's polarity of adjectives VADER does not rate (x
``PATTERN_SCALE``), then the same for the word without its inflection
("idiots", "lambasting"). Intensifiers are not words of their own; a negated
negative word ("not guilty", "can't rule out terrorism") is denied, not
praised: it counts 0 (``NEGATED_NEGATIVE``), a negated positive one flips.

Limits
------
Measured on the NewsMTSC dev file (``train.jsonl``; thresholds fitted on one
fixed half, macro-F1 on the other; ``benchmarks/RESULTS.md``): 0.530 for the
sentence ``tone`` of the mention's sentence, 0.602 for the first version of
these rules, 0.612 now (0.634 on the half the constants and word lists were
chosen on: the rules were read off that half's errors, and part of the gain
did not carry over). Published neural models reach 0.83 on NewsMTSC's own test
set; a lexicon cannot read most of what people read in these sentences.

No parser: subject and object are found by position in the clause (the
mention before the verb within a few tokens is its subject, after it its
object), so long subjects, relative clauses that skip a clause boundary,
coordination ("X and Y praised Z") and pronoun antecedents are guessed, not
analysed. A pronoun is scored like a name only when it is given as a mention.
The word valences are the lexicon's: irony, world knowledge ("X won the
election" is good for X, "... against X" is not) and whose good news an event
is remain out of reach. Reversers read only the next few tokens ("fight the
deeply entrenched corruption" works, a longer object does not), and cannot
tell "fought the reforms" (bad for the reforms) from "fought crime". A name
that modifies another ("the X campaign", "X supporters") is scored like the
actor it names: NewsMTSC's coders charge the campaign's deeds to X (weighting
such names down lowered the agreement). Questions, conditionals and modals
("if X is elected", "could face charges") are read as statements (damping
them did not help on the fit half). Measured on NewsMTSC (``benchmarks/RESULTS.md``);
read it as a pointer to sentences to read, with ``compare.evidence``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from analysis.errors import LexiconError
from analysis.resources import Layer

__all__ = [
    "CLAUSE_DECAY",
    "POSITIVE_SCALE",
    "QUOTE_WEIGHT",
    "SPEAKER_POSITIVE",
    "SPEAKER_WEIGHT",
    "TargetRules",
    "load_target_rules",
    "mention_tones",
    "score_mentions",
]

#: Weight of a word one clause away from the mention (two clauses: its square, ...).
CLAUSE_DECAY = 0.5
#: Weight of words in a quotation the mention is outside of and does not speak ("X called Y 'a disgrace'").
QUOTE_WEIGHT = 1.0
#: Weight of the negative words a mention says (its quote or reported clause) toward the mention itself.
SPEAKER_WEIGHT = 0.1
#: Weight of the positive words a mention says toward the mention itself (hope, thanks and praise
#: portray their speaker a little; attacks and warnings are the speaker's stance about others).
SPEAKER_POSITIVE = 0.3
#: Extra weight of a word on the other side of a contrast ("X stumbled, but Y was calm").
CONTRAST_WEIGHT = 0.25
#: Tokens after which a word's weight halves, beside the clause distance (0: no token decay).
TOKEN_HALF_LIFE = 10
#: Weight of the words around a name that is the setting of an event ("fighting in X").
SETTING_WEIGHT = 0.5
#: Tokens before and after a mention that can reach it.
REACH = 40
#: Tokens between a subject and its verb ("X, 54, on Tuesday praised"), and a verb and its object.
VERB_REACH = 6
#: Pattern's polarity (-1 .. 1) of an adjective VADER does not rate is multiplied by this (VADER's scale).
PATTERN_SCALE = 2.0
#: Weight of a positive word relative to a negative one (news uses praise words loosely).
POSITIVE_SCALE = 0.5
#: VADER's normalisation constant and negation factor.
_ALPHA = 15.0
_N_SCALAR = -0.74
#: Factor for a negated negative word ("not guilty", "can't rule out terrorism"): weaker than VADER's.
NEGATED_NEGATIVE = 0.0
_NEGATION_WINDOW = 3
#: Tokens after a reverser ("fight", "against") whose negative words it opposes.
REVERSE_WINDOW = 4

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
_OPEN_QUOTES = frozenset("\u201c\u00ab\u2018\u201e")
_CLOSE_QUOTES = frozenset("\u201d\u00bb\u2019")
_BOUNDARIES = frozenset(",;:()[]\u2014\u2013")
_PREPOSITIONS = frozenset("of for to with against on from about over under into".split())
_CONTRAST = frozenset({"but", "however", "yet", "whereas", "while"})
_BE = frozenset("is are was were be been being am get got gets getting".split())
_RULE_KEYS = frozenset(
    {"version", "words", "directed", "reporting", "suffered", "reversers", "clause_openers", "determiners", "settings"}
)


# -- rules ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TargetRules:
    """The word lists of ``data/lexicons/target_tone.yml``.

    Attributes:
        directed: verb -> share of its charge that reaches its subject (-1 .. 1; negative: the
            subject gains what the object loses, "X defeated Y").
        settings: prepositions that make a name the setting of an event ("in X", "near X").
        suffered: words of harm done to someone -> the share of their charge that reaches the
            one who suffers it (-1 .. 1; "the killing of X" does not portray X badly).
        words: words rated for their charge toward a person (-4 .. 4), on top of the tone lexicon.
        reporting: reporting verb -> its own charge toward the speaker (-4 .. 4).
        clause_openers: words that start a new clause.
        determiners: words that open an apposition after a name.
        source: where the rules came from (for messages).
    """

    directed: dict[str, float]
    reporting: dict[str, float]
    words: dict[str, float]
    clause_openers: frozenset[str]
    determiners: frozenset[str]
    source: str = "<default>"
    suffered: dict[str, float] = field(default_factory=dict)
    settings: frozenset[str] = frozenset()
    reversers: dict[str, float] = field(default_factory=dict)


def _compile(layer: Layer) -> TargetRules:
    """Check one rules document and build the rules; errors name its file and line."""
    doc, where = layer.data, layer.where

    def fail(keys: Sequence[str], problem: str) -> LexiconError:
        return layer.error(tuple(keys), problem)

    unknown = sorted(set(map(str, doc)) - _RULE_KEYS)
    if unknown:
        raise fail([unknown[0]], f"unknown section {unknown[0]!r}; allowed: {', '.join(sorted(_RULE_KEYS))}")
    maps: dict[str, dict[str, float]] = {}
    ranges = (
        ("words", -4.0, 4.0),
        ("directed", -1.0, 1.0),
        ("reporting", -4.0, 4.0),
        ("suffered", -1.0, 1.0),
        ("reversers", -1.0, 1.0),
    )
    for section, low, high in ranges:
        entries = doc.get(section) or {}
        if not isinstance(entries, Mapping):
            raise fail([section], f"'{section}' must map words to numbers, e.g. `praised: 0.3`")
        maps[section] = {}
        for key, value in entries.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise fail(
                    [section, str(key)], f"{section}: {key!r} needs a number in {low:g} .. {high:g}, got {value!r}"
                )
            maps[section][str(key).strip().lower()] = float(value)
    sets: dict[str, frozenset[str]] = {}
    for section in ("clause_openers", "determiners", "settings"):
        listed = doc.get(section) or []
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            raise fail([section], f"'{section}' must be a list of words, e.g. `[but, while]`")
        sets[section] = frozenset(w.strip().lower() for w in listed)
    return TargetRules(
        maps["directed"],
        maps["reporting"],
        maps["words"],
        sets["clause_openers"],
        sets["determiners"],
        where,
        maps["suffered"],
        sets["settings"],
        maps["reversers"],
    )


@cache
def _default_rules() -> TargetRules:
    return _load(None)


def _load(rules: str | Path | Mapping | None) -> TargetRules:
    from analysis.resources import load_layers, merge_layers

    layers = load_layers("target_tone.yml", rules, kind="target tone rules")
    for layer in layers:
        _compile(layer)  # each document checked on its own, so an error names its line
    return _compile(Layer(layers[-1].where, merge_layers(layers)))


def load_target_rules(rules: str | Path | Mapping | TargetRules | None = None) -> TargetRules:
    """Return the rules :func:`mention_tones` uses: the packaged file, with yours added to it.

    The rule is every lexicon's (:mod:`analysis.resources`): your entries are
    added to each section (a verb listed again takes your value); ``inherit:
    false`` at the top makes your file the whole set of rules.

    Args:
        rules: None for ``data/lexicons/target_tone.yml``; a YAML path or a
            mapping with any of the same sections; or a :class:`TargetRules`
            (returned as is).

    Raises:
        LexiconError: a malformed file or mapping (file and line in the message).
        FileNotFoundError: the path does not exist.
        TypeError: ``rules`` is of another type.
    """
    if rules is None:
        return _default_rules()
    if isinstance(rules, TargetRules):
        return rules
    if not isinstance(rules, str | Path | Mapping):
        raise TypeError(f"rules must be a path, a mapping or None, not {type(rules).__name__}")
    return _load(rules)


# -- the sentence, read once ---------------------------------------------------------------------
@dataclass
class _Sentence:
    starts: list[int]
    ends: list[int]
    lows: list[str]
    clause: list[int]  # clause number of each token
    quote: list[int]  # id of the outermost quotation a token is in, -1 outside
    valence: list[float]  # the word's valence (VADER scale), 0 inside a mention
    contrast: list[int]  # contrast words ("but", "however") before each token
    # a word opposed by a reverser ("fight racism"): (factor, first, end) of the reverser's scope
    reversed: dict[int, tuple[float, int, int]]


_VALENCES: dict[tuple[int, int], tuple[object, object, object]] = {}


def _valences(lex, rules: TargetRules):
    """Return ``(known, valence)`` for this lexicon and these rules, cached.

    ``valence`` is a ``word -> valence`` function; ``known`` the dict of the
    words it has already rated (one lookup for a word seen before).

    The tone lexicon first; then the rules' own ``words``; then Pattern's
    adjective polarity (x ``PATTERN_SCALE``); then the same for the word
    without an inflection ("idiots", "criticising", "boldly").
    """
    key = (id(lex), id(rules))
    found = _VALENCES.get(key)
    if found is not None and found[0] is lex and found[1] is rules:
        return found[2]
    from analysis.sentiment._pattern import get_scorer

    table: dict[str, float] = {w: PATTERN_SCALE * p for w, p in get_scorer().polarities.items() if " " not in w and p}
    table.update(lex.words)
    for word in lex.boosters:
        table.pop(word, None)
    table.update(rules.words)
    cache: dict[str, float] = {}

    def valence(low: str) -> float:
        value = cache.get(low)
        if value is None:
            value = table.get(low)
            if value is None:
                value = 0.0
                for suffix, repl in _INFLECTIONS:
                    if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                        base = low[: len(low) - len(suffix)]
                        if (suffix == "es" and not base.endswith(_SIBILANTS)) or (suffix == "s" and low[-2] in "sui"):
                            continue  # "robes" is not "rob" + es, "press" not "pres" + s
                        stem = table.get(base + repl)
                        if stem is not None:
                            value = stem
                            break
            if len(cache) < 200_000:
                cache[low] = value
        return value

    if len(_VALENCES) >= 8:  # lexicons built per call (a path given each time) must not pile up
        _VALENCES.clear()
    _VALENCES[key] = (lex, rules, (cache, valence))
    return cache, valence


_SIBILANTS = ("s", "x", "z", "ch", "sh")
_RELATIVE = frozenset({"who", "whose"})
#: Inflections tried, in order, for a word no lexicon rates: (suffix, replacement).
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                ("ing", "e"), ("ly", ""))  # fmt: skip


def _quotes(words: Sequence[str]) -> list[int]:
    """Per token, the id of the outermost quotation it is inside (-1 outside); marks count as inside."""
    out = []
    depth = 0
    straight_open = False
    current = -1
    for i, w in enumerate(words):
        if w == '"':
            if straight_open:
                out.append(current)
                straight_open = False
                depth = max(0, depth - 1)
                current = current if depth else -1
                continue
            straight_open = True
            depth += 1
        elif w in _OPEN_QUOTES and not (w == "\u2018" and i and words[i - 1][-1:].isalnum()):
            depth += 1
        elif w in _CLOSE_QUOTES and depth:
            out.append(current)
            depth -= 1
            current = current if depth else -1
            continue
        else:
            out.append(current)
            continue
        if depth == 1:
            current = i
        out.append(current)
    return out


def _read(text: str, spans: Sequence[tuple[int, int]], lex, rules: TargetRules) -> tuple[_Sentence, list]:
    matches = list(_TOKEN.finditer(text))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    words = [m.group() for m in matches]
    lowered = text.lower().replace("\u2019", "'")  # once per sentence; per word only if lower() changed a length
    lows = (
        [lowered[i:j] for i, j in zip(starts, ends, strict=True)]
        if len(lowered) == len(text)
        else [w.lower().replace("\u2019", "'") for w in words]
    )
    n = len(lows)
    # token range of every mention
    import bisect

    ranges = []
    in_mention = [False] * n
    for start, end in spans:
        a = bisect.bisect_right(ends, start)
        b = bisect.bisect_left(starts, end)
        if b <= a:
            a, b = min(a, max(n - 1, 0)), min(a + 1, n)
        ranges.append((a, b))
        for k in range(a, b):
            in_mention[k] = True
    clause = []
    c = 0
    openers = rules.clause_openers
    after_boundary = True
    for i, low in enumerate(lows):
        if low in openers and not after_boundary:
            c += 1
        clause.append(c)
        # a dash between spaces cuts a clause; a hyphen inside a word ("Ocasio-Cortez", "well-known") does not
        after_boundary = low in _BOUNDARIES or (low in ("-", "--") and (not i or starts[i] > ends[i - 1]))
        if after_boundary:
            c += 1
    quote = _quotes(words)
    known, word_valence = _valences(lex, rules)
    valence = [known[low] if low in known else word_valence(low) for low in lows]
    for a, b in ranges:
        valence[a:b] = [0.0] * (b - a)
    if lex.phrase_ends.intersection(lows):
        by_end = lex.phrases_by_end
        for i, low in enumerate(lows):
            if low in by_end:
                for phrase, value in by_end[low]:
                    k = len(phrase)
                    if i >= k - 1 and tuple(lows[i - k + 1 : i + 1]) == phrase:
                        for j in range(i - k + 1, i):
                            valence[j] = 0.0
                        valence[i] = 0.0 if in_mention[i] else value
    if "kind" in lows or "sort" in lows:
        for i in range(n - 1):
            if lows[i + 1] == "of" and lows[i] in ("kind", "sort"):
                valence[i] = 0.0
    negations = lex.negations
    negated = "n't" in text or "n\u2019t" in text or "not" in lows or not negations.isdisjoint(lows)
    for i, low in enumerate(lows if negated else ()):
        if low in negations or low.endswith("n't") or low == "not":
            for j in range(i + 1, min(n, i + 1 + _NEGATION_WINDOW)):
                if clause[j] != clause[i]:
                    break
                valence[j] *= _N_SCALAR if valence[j] > 0 else NEGATED_NEGATIVE
    if "but" in lows:
        at = lows.index("but")
        before = clause[at - 1] if at and lows[at - 1] not in _BOUNDARIES else clause[at] - 1
        for j in range(at):
            if clause[j] == before:
                valence[j] *= 0.5
    contrast = [0] * n  # how many "but"s precede each token
    count = 0
    for i, low in enumerate(lows if not _CONTRAST.isdisjoint(lows) else ()):
        count += low in _CONTRAST
        contrast[i] = count
    reversed_ = _reversed(lows, clause, valence, rules)
    return _Sentence(starts, ends, lows, clause, quote, valence, contrast, reversed_), ranges


def _reversed(lows, clause, valence, rules: TargetRules) -> dict[int, tuple[float, int, int]]:
    """Negative words opposed by a reverser ("fight racism", "a ban on torture") and the reverser itself."""
    out: dict[int, tuple[float, int, int]] = {}
    reversers = rules.reversers
    if not reversers or reversers.keys().isdisjoint(lows):
        return out
    n = len(lows)
    for i, low in enumerate(lows):
        factor = reversers.get(low)
        if factor is None:
            continue
        end = i + 1
        while end < n and end <= i + REVERSE_WINDOW and clause[end] == clause[i]:
            end += 1
        hits = [j for j in range(i + 1, end) if valence[j] < 0]
        if hits:
            for j in hits:
                out[j] = (factor, i, end)
            if valence[i] < 0:
                out[i] = (0.0, i, end)
    return out


def _role(s: _Sentence, a: int, b: int, rules: TargetRules) -> tuple[int, str, int]:
    """Return ``(verb position, role, reporting position)`` of the mention at tokens ``a:b``.

    role is "subject" (active subject of a directed verb), "patient" (object or
    passive subject), or "" (neither). The reporting position is the reporting
    verb the mention is the speaker of, or -1.
    """
    lows, clause = s.lows, s.clause
    n = len(lows)
    directed, reporting = rules.directed, rules.reporting
    verb, role, says = -1, "", -1
    passive = False
    for j in range(b, min(n, b + VERB_REACH)):
        low = lows[j]
        if low in _BE:
            passive = True
        if low in reporting and says < 0 and s.quote[j] == s.quote[a]:
            says = j
        if clause[j] != clause[a]:
            break
        if low in directed:
            verb = j
            nxt = lows[j + 1] if j + 1 < n else ""
            role = "patient" if passive or (nxt == "by" and low.endswith("ed")) else "subject"
            break
    if verb < 0:
        for j in range(a - 1, max(-1, a - VERB_REACH - 1), -1):
            low = lows[j]
            if clause[j] != clause[a] and low not in reporting:
                break
            if low in directed:
                verb, role = j, "patient"
                if j and lows[j - 1] in _BE and "by" in lows[j + 1 : a]:  # "Y was praised by X"
                    role = "subject"
                break
    if says < 0 and b < n and lows[b] == ":" and (a == 0 or not lows[a - 1][:1].isalnum()):
        says = b  # a headline's speaker: "X: no decision yet on the vote"
    if says < 0:  # "..., said X." / "according to X": the name ends its clause
        ends_clause = b >= n or not lows[b][:1].isalnum()
        for j in range(a - 1, max(-1, a - 4), -1):
            if lows[j] in reporting and s.quote[j] == s.quote[a] and (ends_clause or lows[j] == "according"):
                says = j
                break
    return verb, role, says


def _does(s: _Sentence, a: int, b: int, j: int, rules: TargetRules) -> bool:
    """True when the mention at tokens ``a:b`` is the active subject of the word at ``j`` ("X killed").

    Not after a preposition: "shelling in X killed" and "the wife of X killed" name someone else.
    """
    if not 0 < j - b + 1 <= VERB_REACH or s.clause[j] != s.clause[a]:
        return False
    if a and (s.lows[a - 1] in rules.settings or s.lows[a - 1] in _PREPOSITIONS):
        return False
    return not any(low in _BE for low in s.lows[b:j])


def _tone_of(s: _Sentence, a: int, b: int, rules: TargetRules) -> float:
    verb, role, says = _role(s, a, b, rules)
    lows, clause, quote, valence = s.lows, s.clause, s.quote, s.valence
    n = len(lows)
    own_clause = clause[a]
    # an apposition or label right after the name counts as its own clause
    label_clause = -1
    if b < n and lows[b] == "," and b + 1 < n and lows[b + 1] in rules.determiners:
        label_clause = clause[b + 1]
    elif b < n and (lows[b] in _RELATIVE or (lows[b] == "," and b + 1 < n and lows[b + 1] in _RELATIVE)):
        label_clause = clause[b + 1] if lows[b] == "," else clause[b]  # "X, who was convicted in 2016, ..."
    share = rules.directed.get(lows[verb], 1.0) if role == "subject" else 1.0
    object_clauses = {clause[verb]} if role == "subject" else set()
    if role == "subject":  # the object's apposition: "X condemned Y, a convicted fraudster"
        k = next((k for k in range(verb + 1, min(n, verb + REACH)) if clause[k] != clause[verb]), n)
        if k < n and lows[k - 1] == "," and lows[k] in rules.determiners:
            object_clauses.add(clause[k])
    total = 0.0
    setting = SETTING_WEIGHT if a and lows[a - 1] in rules.settings else 1.0
    lo, hi = max(0, a - REACH), min(n, b + REACH)
    for j in range(lo, hi):
        v = valence[j]
        if not v or a <= j < b:
            continue
        d = abs(clause[j] - own_clause)
        w = 1.0 if d == 0 or clause[j] == label_clause else CLAUSE_DECAY**d
        if s.contrast[j] != s.contrast[a]:
            w *= CONTRAST_WEIGHT
        if TOKEN_HALF_LIFE:
            w *= 0.5 ** ((a - j if j < a else j - b + 1) / TOKEN_HALF_LIFE)
        if quote[j] >= 0 and quote[j] != quote[a]:
            w *= (SPEAKER_WEIGHT if v < 0 else SPEAKER_POSITIVE) if says >= 0 else QUOTE_WEIGHT
        elif says >= 0 and not (min(a, says) <= j <= max(b - 1, says)):
            w *= SPEAKER_WEIGHT if v < 0 else SPEAKER_POSITIVE
        if role == "subject" and j >= verb and clause[j] in object_clauses:
            w *= share
        flipped = s.reversed.get(j)
        if flipped is not None and not flipped[1] < a < flipped[2]:
            w *= flipped[0]
        harm = rules.suffered.get(lows[j])
        if harm is not None and not _does(s, a, b, j, rules):
            w *= harm
        total += setting * w * v * (POSITIVE_SCALE if v > 0 else 1.0)
    if says >= 0:
        total += rules.reporting.get(lows[says], 0.0)
    return total / math.sqrt(total * total + _ALPHA) if total else 0.0


def mention_tones(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    lexicon=None,
    rules: str | Path | Mapping | TargetRules | None = None,
) -> list[float]:
    """Score one sentence's tone toward each mention (see the module docstring).

    Args:
        text: the sentence.
        spans: ``(start, end)`` character offsets of each mention in ``text``
            (end exclusive); other mentions' words are never read as charged.
        lexicon: the word valences, as for :func:`analysis.sentiment.score_sentences`.
        rules: the verb and clause lists (see :func:`load_target_rules`).

    Returns:
        One tone in [-1, 1] per span, in order.

    Example:
        >>> text = "Senator Hala Dorrin condemned Mayor Iver Kast."
        >>> [round(t, 2) for t in mention_tones(text, [(8, 19), (36, 45)])]
        [-0.09, -0.39]
    """
    from analysis.sentiment.score import load_tone_lexicon

    text = text if isinstance(text, str) else ("" if text is None else str(text))
    if not spans:
        return []
    lex = load_tone_lexicon(lexicon)
    rule_set = load_target_rules(rules)
    sentence, ranges = _read(text, spans, lex, rule_set)
    out = []
    for a, b in ranges:
        value = _tone_of(sentence, a, b, rule_set) if b > a else 0.0
        out.append(max(-1.0, min(1.0, value)) if math.isfinite(value) else 0.0)
    return out


def score_mentions(
    sentences: Sequence[Mapping],
    entities: Sequence[Mapping],
    *,
    lexicon=None,
    rules: str | Path | Mapping | TargetRules | None = None,
) -> list[float]:
    """Tone toward every entity mention of one article (the ``entities.tone`` column).

    Each sentence is read once with all its mentions, so a mention's words are
    never read as another mention's charge.

    Args:
        sentences: rows with ``sentence_id``, ``start`` (offset in the article)
            and ``text``.
        entities: rows with ``sentence_id``, ``start``, ``end`` (offsets in the
            article).
        lexicon: the word valences, as for :func:`analysis.sentiment.score_sentences`.
        rules: the verb and clause lists (see :func:`load_target_rules`).

    Returns:
        One tone in [-1, 1] per entity row, in order; NaN for a mention whose
        sentence is not among ``sentences``.

    Example:
        >>> sentences = [{"sentence_id": 0, "start": 0, "text": "Dana Oyelaran was arrested."}]
        >>> [round(t, 2) for t in score_mentions(sentences, [{"sentence_id": 0, "start": 0, "end": 13}])]
        [-0.43]
    """
    from analysis.sentiment.score import load_tone_lexicon

    lexicon, rules = load_tone_lexicon(lexicon), load_target_rules(rules)  # read once, not per sentence
    by_sentence: dict[object, list[int]] = {}
    for k, row in enumerate(entities):
        by_sentence.setdefault(row["sentence_id"], []).append(k)
    out = [math.nan] * len(entities)
    for sentence in sentences:
        rows = by_sentence.get(sentence["sentence_id"])
        if not rows:
            continue
        offset = int(sentence["start"])
        spans = [(int(entities[k]["start"]) - offset, int(entities[k]["end"]) - offset) for k in rows]
        for k, value in zip(rows, mention_tones(sentence["text"], spans, lexicon=lexicon, rules=rules), strict=True):
            out[k] = value
    return out
