"""The word lists of the claims stage: reporting cues, hedges, boosters, speaker kinds.

The packaged list is ``claims.yml`` in :func:`analysis.resources.lexicon_dir`. A
user file with any of the same sections is read *in addition* to it; its
entries are added, never replacing the defaults. Each section is a YAML list of
words or phrases, matched case-insensitively on whole tokens.

Example:
    >>> lex = load_claim_lexicon()
    >>> "according to" in lex.phrases("cues")
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.errors import LexiconError
from analysis.text import normalize

#: The sections a claims lexicon may hold, each a list of words or phrases.
SECTIONS: tuple[str, ...] = (
    "cues",
    "hedges",
    "boosters",
    "anonymous",
    "official_bodies",
    "person_roles",
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
    import yaml

    from analysis.resources import read_yaml

    path = Path(path)
    read_yaml(path)  # syntax errors, reported with their line
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(
            path, root.start_mark.line + 1, "a claims lexicon is a mapping of section names to lists of words"
        )
    out: dict[str, list[str]] = {}
    for key_node, value_node in root.value:
        section = key_node.value
        line = key_node.start_mark.line + 1
        if section not in SECTIONS:
            raise LexiconError(path, line, f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
        if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "~", "null"):
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            raise LexiconError(path, line, f"section {section!r} must be a list of words, one '- word' line each")
        items = out.setdefault(section, [])
        for item in value_node.value:
            item_line = item.start_mark.line + 1
            if not isinstance(item, yaml.ScalarNode) or item.tag != "tag:yaml.org,2002:str":
                raise LexiconError(path, item_line, f"entries of {section!r} must be words or phrases (plain text)")
            text = " ".join(item.value.split())
            if not text:
                raise LexiconError(path, item_line, f"empty entry in {section!r}; remove the line")
            items.append(norm(text))
    return out


@cache
def _default_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    from analysis.resources import lexicon_path

    entries = read_claim_lexicon(lexicon_path("claims.yml"))
    return tuple((k, tuple(v)) for k, v in entries.items())


def load_claim_lexicon(extra: str | Path | None = None) -> ClaimLexicon:
    """Return the packaged claims lexicon, with a user's file added to it.

    Args:
        extra: an optional YAML file whose entries are added to the defaults.

    Returns:
        The merged :class:`ClaimLexicon`.

    Raises:
        LexiconError: when either file is malformed (file and line in the message).
    """
    merged: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for section, items in _default_entries():
        merged[section].extend(items)
    if extra is not None:
        for section, items in read_claim_lexicon(extra).items():
            merged[section].extend(w for w in items if w not in merged[section])
    return ClaimLexicon({k: tuple(v) for k, v in merged.items()})
