"""Sentences: NLTK's Punkt with the package's own news parameters, run per paragraph.

Works with no NLTK data: the abbreviation list (:data:`ABBREVIATIONS`) and
sentence starters are ours, so a headline or a "Related Articles" line is never
glued to the next sentence and "U.S. officials" does not end one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from analysis.text.tokens import recompiled

#: Abbreviations (lower case, without the final period) that do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    (
        # titles and honorifics
        "mr mrs ms messrs dr prof rev fr sr jr st hon amb sen rep gov pres supt insp det"
        # military and police ranks
        " gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig cmdt"
        # months and days
        " jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
        # countries and bodies written with periods
        " u.s u.k u.n e.u u.s.a u.a.e d.c n.y l.a"
        # companies and places
        " inc corp co ltd llc plc bros dept univ assn ave blvd rd mt ft no nos vol"
        # Latin and measurement
        " e.g i.e vs approx est fig cf al a.m p.m"
        # single-letter initials
        " a b c d e f g h i j k l m n o p q r s t u v w x y z"
    ).split()
)

#: Words that start a new sentence even right after an abbreviation ("... in the U.S. The next day").
SENTENCE_STARTERS: frozenset[str] = frozenset(
    [
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "but",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "there",
        "however",
        "meanwhile",
        "officials",
        "after",
    ]
)

_CLOSERS = "\"”’»)]'"
#: What may stand before an abbreviation inside its token: "“Mr.", "(Gen.".
_OPENERS = "\"“‘'«([{"
#: A period between two letters: "g.k" (G.K.), "s.e.c", "n.c" (D-N.C.), "ph.d"; not "3.5".
_INNER_PERIOD = re.compile(r"[^\W\d_]\.[^\W\d_]")


class _Abbreviations(frozenset):
    """:data:`ABBREVIATIONS` as Punkt asks about them (``word in abbrev_types``), plus two kinds no list holds.

    * a word with a period between letters: initials ("Rep. G.K. Butterfield"),
      initialisms ("the S.E.C. has"), party-state tags ("(D-N.C.)"), "Ph.D.";
    * a listed abbreviation glued to an opening quote or bracket ("“Mr. President").

    Punkt still ends the sentence at such a word when a sentence starter
    follows (:data:`SENTENCE_STARTERS`: "... to the F.B.I. The agency said").
    """

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        word = word.lstrip(_OPENERS)
        return frozenset.__contains__(self, word) or _INNER_PERIOD.search(word) is not None


#: An initialism written with periods at the end of a piece: "the S.E.C.", "F.B.I.", "Ph.D.".
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Za-z]{1,2}\.){2,}$")
#: A sentence that is one quoted question or exclamation: '"Is it over?"', '“Stop!”'.
_QUOTED_ASKING = re.compile(r"[\"“‘'«][^\n]*[?!][\"”’'»]$")
#: A short attribution after it: a capitalised name of up to four words, then a verb in lower
#: case and at most four more words ("Varga said.", "Mayor Ana Varga asked on Monday.").
_NAMED_ATTRIBUTION = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}[a-z]+(?:\s+[\w'’,]+){0,4}[.!]$")
_HARD_WRAP = re.compile(r"[a-z,;\-]$")
_LOWER_START = re.compile(r"^\s*[a-z]")


@cache
def _punkt(fast: bool = True):
    """Punkt with the package's parameters.

    With ``fast`` (the default) its own patterns run on Python's ``re`` instead
    of NLTK 3.10's timed ``regex`` wrapper, as for the word tokenizer; the
    sentences are the same (checked in ``tests/test_text.py``).
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

    params = PunktParameters()
    params.abbrev_types = _Abbreviations(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    if not fast:
        return PunktSentenceTokenizer(params)

    class LanguageVars(PunktLanguageVars):
        re_boundary_realignment = recompiled(PunktLanguageVars.re_boundary_realignment, 0)

        def __init__(self) -> None:
            super().__init__()
            # NLTK compiles these on first use and caches them on the instance: replace the cache.
            self._re_word_tokenizer = recompiled(super()._word_tokenizer_re(), 0)
            self._re_period_context = recompiled(super().period_context_re(), 0)

    class Token(PunktToken):
        _RE_ELLIPSIS = recompiled(PunktToken._RE_ELLIPSIS, 0)
        _RE_NUMERIC = recompiled(PunktToken._RE_NUMERIC, 0)
        _RE_INITIAL = recompiled(PunktToken._RE_INITIAL, 0)
        _RE_ALPHA = recompiled(PunktToken._RE_ALPHA, 0)

        @property
        def is_non_punct(self):
            return _NON_PUNCT.search(self.type)

    return PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=Token)


_NON_PUNCT = re.compile(r"[^\W\d]")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: a non-empty line, or hard-wrapped lines joined.

    A line break ends a paragraph unless the line ends in a lower-case letter,
    comma, semicolon or hyphen and the next line starts in lower case (text
    wrapped at a fixed width).
    """
    pos = 0
    start = end = None
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            if start is not None:
                yield start, end
                start = None
            continue
        first = line_start + (len(body) - len(body.lstrip()))
        last = line_start + len(body.rstrip())
        if start is not None and not (_HARD_WRAP.search(text[start:end]) and _LOWER_START.match(stripped)):
            yield start, end
            start = None
        if start is None:
            start = first
        end = last
    if start is not None:
        yield start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: the article text.

    Returns:
        ``(start, end)`` character spans, in order, covering every non-space
        character of ``text`` exactly once.
    """
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        chunk = text[p_start:p_end]
        for s_start, s_end in punkt.span_tokenize(chunk):
            spans.append((p_start + s_start, p_start + s_end))
    return _merge_continuations(text, spans)


def _merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that Punkt cut where a news sentence does not end.

    Two cuts are undone when the next piece starts in lower case (a news
    sentence starts with a capital or a digit):

    * after a quoted question or exclamation: ``"Is it over?" he asked.``;
    * after a sentence that is all one quoted question or exclamation, a short
      piece that is its attribution, a name and the verb: ``"Is it over?" Varga
      asked.``, ``"Why now?" Mayor Ana Varga said on Monday.`` (Punkt sees a
      capital after "?");
    * after an initialism written with periods that is not in
      :data:`ABBREVIATIONS`: ``the S.E.C. has been vague``, ``the F.B.I. said``
      (Punkt, with no trained data, takes any unknown word ending in a period
      as a sentence end).
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (
            (
                text[start].islower()
                and (text[merged[-1][1] - 1] in _CLOSERS or _INITIALISM_END.search(text, merged[-1][0], merged[-1][1]))
            )
            or (_QUOTED_ASKING.match(text, *merged[-1]) and _NAMED_ATTRIBUTION.match(text, start, end))
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
