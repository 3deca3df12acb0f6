"""What a claim asserts, beyond its words: polarity, modality, and the base form of irregular verbs.

Two claims state one proposition only when they agree on *what* is asserted.
Shared content words are the main evidence (:mod:`analysis.compare.alignment`);
this module adds the closed-class parts of the predicate that shared words miss:

* :func:`polarity`: "negative" when the content denies ("not", "n't", "no",
  "never", "nobody", "nothing", "neither", "none"); "did not pay taxes" is
  not "paid taxes", however many words they share;
* :func:`modality`: "obligation" ("should", "must", "has to", "needs to",
  "ought to"; not the past "had to", which reports what happened), ""
  otherwise. Saying someone *should* do something is an opinion, not the
  report that they did it; possibility ("may", "could") and the future
  ("will") only hedge or date one proposition, so they do not split it;
* :func:`base_form`: the base form of common irregular verbs ("left" ->
  "leave", "took" -> "take"), which a suffix stemmer cannot reach, so
  "Clinton left the event" and "forced her to leave the event" share "leave".

The words are closed-class English (negators, modals, irregular verb forms), so
they live here and not in a lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

__all__ = ["FUNCTION_WORDS", "IRREGULAR", "NOT_PREDICATE", "base_form", "modality", "polarity"]

#: Words of a claim's content that say when or that something was said, not what is asserted:
#: days, months, parts of the day, and the plain reporting verbs.
NOT_PREDICATE = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec today tonight yesterday tomorrow morning afternoon evening night week
    weekend month earlier later recently ago day days weeks months say says said saying tell tells told
    telling add adds added""".split()
)

#: Closed-class words the package's stopword list (``data/lexicons/stopwords.txt``, the text wing's, also read
#: by the entity rules and the distinctive-term tables) leaves out: prepositions and conjunctions ("since",
#: "whether"), indefinite pronouns ("something", "anyone") and sentence adverbs ("even", "perhaps",
#: "however"). Two claims sharing them share no part of what is asserted. Quantifiers ("every", "many")
#: stay words: they say of whom a claim holds ("every candidate has done it"); negators ("never",
#: "nothing") are read by :func:`polarity`.
FUNCTION_WORDS = frozenset(
    """since until unless though although whether upon within without across among toward towards via per
    around else anything something everything anyone someone everyone whose whatever whichever whoever ever
    still yet already even really quite rather perhaps maybe however therefore thus hence instead otherwise
    meanwhile might must shall may""".split()
)

_NEGATION = re.compile(
    r"\b(?:not|no|never|nobody|nothing|neither|nor|none|cannot)\b|n['’]t\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(
    r"\b(?:should|must|ought to|(?:has|have|need|needs|got) to|'ve got to|’ve got to)\b",
    re.IGNORECASE,
)

#: Irregular past and participle forms of verbs common in news, mapped to their base form.
IRREGULAR: dict[str, str] = {
    form: base
    for base, forms in {
        "arise": "arose arisen", "be": "was were been", "bear": "bore borne born", "beat": "beaten",
        "become": "became", "begin": "began begun", "bring": "brought", "build": "built", "buy": "bought",
        "catch": "caught", "choose": "chose chosen", "come": "came", "deal": "dealt", "draw": "drew drawn",
        "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen", "feel": "felt", "fight": "fought",
        "find": "found", "flee": "fled", "fly": "flew flown", "forget": "forgot forgotten",
        "forgive": "forgave forgiven", "freeze": "froze frozen", "get": "got gotten", "give": "gave given",
        "go": "went gone", "grow": "grew grown", "hang": "hung", "have": "had has", "hear": "heard",
        "hide": "hid hidden", "hold": "held", "keep": "kept", "know": "knew known", "lead": "led",
        "leave": "left", "lend": "lent", "lose": "lost", "make": "made", "mean": "meant", "meet": "met",
        "pay": "paid", "ride": "rode ridden", "rise": "rose risen", "run": "ran", "say": "said",
        "see": "saw seen", "seek": "sought", "sell": "sold", "send": "sent", "shake": "shook shaken",
        "shoot": "shot", "sing": "sang sung", "sink": "sank sunk", "sit": "sat", "sleep": "slept",
        "speak": "spoke spoken", "spend": "spent", "stand": "stood", "steal": "stole stolen",
        "stick": "stuck", "strike": "struck stricken", "swear": "swore sworn", "take": "took taken",
        "teach": "taught", "tear": "tore torn", "tell": "told", "think": "thought", "throw": "threw thrown",
        "understand": "understood", "wake": "woke woken", "wear": "wore worn", "win": "won",
        "withdraw": "withdrew withdrawn", "write": "wrote written", "do": "did done does",
    }.items()
    for form in forms.split()
}  # fmt: skip


def polarity(text: str, negators: Iterable[str] = ()) -> str:
    """``"negative"`` when the content is denied, else ``"positive"``.

    Args:
        text: the content.
        negators: verbs that deny the verb they govern (``alignment.yml``'s ``negators``, one form
            each): "avoided paying" and "refused to release" deny as "did not pay" does. Such a verb
            counts only before a gerund or "to" and a verb; alone it is a predicate ("avoided the
            press").

    >>> polarity("He did not pay federal taxes"), polarity("He paid no taxes"), polarity("He paid taxes")
    ('negative', 'negative', 'positive')
    >>> polarity("He avoided paying taxes", ["avoid"]), polarity("He avoided the press", ["avoid"])
    ('negative', 'positive')
    """
    if _NEGATION.search(text):
        return "negative"
    found = _negator_pattern(tuple(negators))
    return "negative" if found is not None and found.search(text) else "positive"


@cache
def _negator_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """A verb of ``words`` (any ending) before a gerund or "to" and a word."""
    if not words:
        return None
    alternatives = "|".join(sorted((re.escape(w.rstrip("e")) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})[a-z]*\s+(?:to\s+[a-z]+|[a-z]+ing)\b", re.IGNORECASE)


def modality(text: str) -> str:
    """``"obligation"`` for a claim about what should or must be, else ``""``.

    >>> modality("Varn should release his returns"), modality("Varn will release his returns")
    ('obligation', '')
    """
    return "obligation" if _OBLIGATION.search(text) else ""


def base_form(word: str) -> str:
    """The base form of an irregular verb form, else the word itself (lower case).

    >>> base_form("Left"), base_form("took"), base_form("killed")
    ('leave', 'take', 'killed')
    """
    w = word.lower()
    return IRREGULAR.get(w, w)
