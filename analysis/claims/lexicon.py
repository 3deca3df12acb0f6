"""The word lists of the claims stage: reporting cues, hedges, boosters, speaker kinds.

The packaged list is ``claims.yml`` in :func:`analysis.resources.lexicon_dir`. A
user file with any of the same sections is read *in addition* to it: its
entries are added to the defaults (the rule every lexicon follows, see
:mod:`analysis.resources`). Each section is a YAML list of words or phrases,
matched case-insensitively on whole tokens.

Example:
    >>> lex = load_claim_lexicon()
    >>> "according to" in lex.phrases("cues")
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.text import normalize

if TYPE_CHECKING:
    from analysis.resources import Layer

#: The sections a claims lexicon may hold, each a list of words or phrases.
SECTIONS: tuple[str, ...] = (
    "cues",
    "colon_cues",
    "hedges",
    "boosters",
    "anonymous",
    "official_bodies",
    "person_roles",
    "described_roles",
    "speaks_for",
    "outlets",
    "intentions",
    "object_cues",
    "nominal_cues",
    "documents",
    "page_labels",
)


#: A token's normal form (lower case, straight quotes): the text wing's own :func:`~analysis.text.normalize`.
norm = normalize


class PhraseMatcher:
    """Find lexicon phrases in a token sequence in one left-to-right pass.

    Phrases are indexed by their first word; at each token only the phrases
    starting with that word are tried, so matching is linear in the number of
    tokens times the (small, fixed) number of phrases sharing a first word.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(norm(w) for w in phrase.split())
            if words:
                by_first.setdefault(words[0], []).append(words)
        for options in by_first.values():
            options.sort(key=len, reverse=True)  # longest match first
        self._by_first = by_first
        self.words = frozenset(" ".join(w) for opts in by_first.values() for w in opts)

    def match_at(self, words: Sequence[str], i: int) -> int:
        """Return the number of tokens of the longest phrase starting at ``words[i]`` (0 if none)."""
        options = self._by_first.get(words[i])
        if not options:
            return 0
        for phrase in options:
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return n
        return 0

    def find(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """Return ``(first, end)`` token ranges of non-overlapping matches, left to right."""
        found = []
        i = 0
        while i < len(words):
            n = self.match_at(words, i)
            if n:
                found.append((i, i + n))
                i += n
            else:
                i += 1
        return found


@dataclass(frozen=True)
class ClaimLexicon:
    """The merged word lists, one tuple of lower-case phrases per section."""

    entries: dict[str, tuple[str, ...]]

    def phrases(self, section: str) -> tuple[str, ...]:
        """Return the phrases of one section (lower case)."""
        return self.entries.get(section, ())

    def words(self, section: str) -> frozenset[str]:
        """Return the phrases of one section as a set (lower case)."""
        return frozenset(self.entries.get(section, ()))

    def matcher(self, section: str) -> PhraseMatcher:
        """Return a :class:`PhraseMatcher` for one section."""
        return PhraseMatcher(self.phrases(section))


def read_claim_lexicon(path: str | Path) -> dict[str, list[str]]:
    """Read and check one claims lexicon file.

    Args:
        path: a YAML file: a mapping from section names (see :data:`SECTIONS`) to lists of strings.

    Returns:
        The entries per section, lower-cased, in file order.

    Raises:
        LexiconError: naming the file and line when the YAML does not parse, a
            section name is unknown, a section is not a list, or an entry is not
            a non-empty string.
        FileNotFoundError: when the file does not exist.
    """
    from analysis.resources import read_layer

    return _checked(read_layer(path, kind=KIND)).data


#: What this lexicon is called in messages.
KIND = "claims lexicon"


def _checked(layer: Layer) -> Layer:
    """The layer with every section checked and its entries in normal form (lower case, single spaces)."""
    out: dict[str, list[str]] = {}
    for section, items in layer.data.items():
        if section not in SECTIONS:
            raise layer.error((section,), f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
        if items is None:
            continue
        if not isinstance(items, list):
            raise layer.error((section,), f"section {section!r} must be a list of words, one '- word' line each")
        entries = out.setdefault(section, [])
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise layer.error((section, i), f"entries of {section!r} must be words or phrases (plain text)")
            text = " ".join(item.split())
            if not text:
                raise layer.error((section, i), f"empty entry in {section!r}; remove the line")
            entries.append(norm(text))
    return replace(layer, data=out)


def load_claim_lexicon(extra: str | Path | Mapping | Sequence[str | Path | Mapping] | None = None) -> ClaimLexicon:
    """Return the packaged claims lexicon with your files added to it.

    The rule is every lexicon's (:mod:`analysis.resources`): your entries are
    added to each section; ``inherit: false`` makes your file the whole lexicon.

    Args:
        extra: a YAML file or mapping (or a list of them) read after the packaged ``claims.yml``.

    Returns:
        The merged :class:`ClaimLexicon`.

    Raises:
        LexiconError: when a file is malformed (file and line in the message).
        FileNotFoundError: when a file does not exist.
    """
    from analysis.resources import load_layers, merge_layers

    merged = merge_layers([_checked(layer) for layer in load_layers("claims.yml", extra, kind=KIND)])
    return ClaimLexicon({section: tuple(merged.get(section, ())) for section in SECTIONS})
