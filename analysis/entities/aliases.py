"""The entity alias lexicon: which names refer to the same actor.

A lexicon file is YAML with a top-level ``entities:`` list (a bare list is
accepted too); each entry is a mapping ``{canonical, label, aliases, note}``.
:func:`load_aliases` reads the packaged ``entities*.yml`` files and any files a
user passes, checks every entry and reports problems with the file and line.

``label`` is optional. An entry with a label types its names (the general
lexicon: "Daesh" is the ORG "Islamic State"). An entry without one only says
which names are one actor ("KTDC" and "Korrath" are "Korrath Textile and Dye
Company"); the type then comes from the evidence in the text. An event's own
lexicon (``<event folder>/aliases.yml``, see :func:`event_lexicons`) is written
that way: it is an input of that event, passed where the event is analysed,
never a default.

Example:
    >>> lexicon = load_aliases()
    >>> lexicon.lookup("Daesh")
    AliasEntry(canonical='Islamic State', label='ORG')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from analysis.errors import LexiconError
from analysis.resources import Layer

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
_KEYS = frozenset({"canonical", "label", "aliases", "note"})
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{0,4}$")


class AliasEntry(NamedTuple):
    """What a name refers to: its canonical name and label."""

    canonical: str
    label: str


def alias_key(text: str) -> str:
    """The form under which a name is looked up: words split as the tokenizer splits them.

    Apostrophes are straightened and every run of spaces becomes one space, and
    a possessive ``'s`` is its own word (``"Russia's"`` -> ``"Russia 's"``), so a
    name matches whatever spacing the article uses.
    """
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\w)'s\b", " 's", text)
    return " ".join(text.split())


def is_short_acronym(alias: str) -> bool:
    """True for short all-capital aliases (``IS``, ``US``, ``U.S.``, ``WHO``) never matched in all-caps text."""
    return bool(_ACRONYM.match(alias)) and sum(ch.isalpha() for ch in alias) <= 4


@dataclass
class AliasLexicon:
    """Names -> :class:`AliasEntry`, with the files they came from.

    Attributes:
        exact: alias key (case-sensitive) -> entry.
        upper: upper-cased alias key -> entry, for all-caps text (no short acronyms).
        names: alias key -> canonical name, for entries without a label (no type claim).
        first_words: the first word of every alias (to skip tokens cheaply).
        max_words: the longest alias in words.
        paths: the files read, in order.
    """

    exact: dict[str, AliasEntry] = field(default_factory=dict)
    upper: dict[str, AliasEntry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_words: int = 0
    paths: list[Path] = field(default_factory=list)
    _names_pattern: tuple[int, re.Pattern | None] | None = field(default=None, repr=False, compare=False)

    def add(self, alias: str, entry: AliasEntry) -> None:
        """Register one alias (a later call for the same alias replaces the earlier one).

        An entry without a label (``entry.label == ""``) only renames: it goes to
        :attr:`names` and never types a mention.
        """
        key = alias_key(alias)
        if not key:
            return
        if not entry.label:
            self.names[key] = entry.canonical
            return
        words = key.split(" ")
        self.exact[key] = entry
        self.first_words.add(words[0])
        if not is_short_acronym(alias):
            self.upper[key.upper()] = entry
            self.first_words.add(words[0].upper())
        self.max_words = max(self.max_words, len(words))

    def lookup(self, text: str) -> AliasEntry | None:
        """The entry for a name as written (case-sensitive), or None."""
        return self.exact.get(alias_key(text))

    def lookup_upper(self, text: str) -> AliasEntry | None:
        """The entry for a name written in capitals (``"ISLAMIC STATE"``), or None."""
        return self.upper.get(alias_key(text).upper())

    def rename(self, text: str) -> str | None:
        """The canonical name an untyped entry gives a name as written, or None."""
        return self.names.get(alias_key(text))

    def names_pattern(self) -> re.Pattern | None:
        """A regex finding the untyped names of two words or more in a text (None when there are none).

        Apostrophes match either form and spaces any run of spaces; the longest name wins.
        """
        if self._names_pattern is None or self._names_pattern[0] != len(self.names):
            multi = sorted((key for key in self.names if " " in key), key=len, reverse=True)
            parts = [re.escape(key).replace("'", "['’]").replace(r"\ ", r"\s+") for key in multi]
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None
            self._names_pattern = (len(self.names), pattern)
        return self._names_pattern[1]


def default_alias_paths() -> list[Path]:
    """The packaged alias lexicons: every ``entities*.yml`` in the lexicon folder, ``entities.yml`` first.

    These load for every text, so they hold general knowledge only; an event's
    own names live beside the event (:func:`event_lexicons`).
    """
    from analysis.resources import lexicon_dir

    paths = sorted(lexicon_dir().glob("entities*.yml"))
    return sorted(paths, key=lambda p: (p.name != "entities.yml", p.name))


#: The file name of an event's own alias lexicon, inside the event's folder.
EVENT_LEXICON = "aliases.yml"


def event_lexicons(folder: str | Path) -> dict[str, Path]:
    """The event lexicons below a corpus folder: ``<folder>/<event>/aliases.yml`` by event name.

    The event is the name of the folder holding ``aliases.yml``; it must match
    the ``event`` of the articles it is meant for (the bundled events do).
    Pass the result to ``analyze(..., event_aliases=...)``: each file then
    applies to the articles of its event only.

    Args:
        folder: a corpus folder such as ``data/events`` (or one event's folder).

    Returns:
        Event name -> lexicon path, sorted by event; empty when there is none.

    Raises:
        FileNotFoundError: when ``folder`` is not a folder.

    Example:
        >>> from analysis.resources import lexicon_dir
        >>> sorted(event_lexicons(lexicon_dir().parent / "events"))[:1]
        ['kestria-factory-fire-2025']
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder; pass the folder that holds one sub-folder per event")
    found = sorted(folder.glob(f"*/{EVENT_LEXICON}"))
    if (folder / EVENT_LEXICON).is_file():
        found.append(folder / EVENT_LEXICON)
    return {path.parent.name: path for path in sorted(found)}


def load_aliases(extra: str | Path | Mapping | Sequence[str | Path | Mapping] | None = None) -> AliasLexicon:
    """Read the packaged alias lexicons and then ``extra``: yours are added, and win on conflicts.

    The rule is every lexicon's (:mod:`analysis.resources`): the ``entities:``
    list gains your entries, and an alias you list again goes to your
    canonical name; ``inherit: false`` at the top of your file drops the
    packaged lexicons.

    Args:
        extra: a file or mapping, or a list of them, read after the defaults; None for the defaults only.

    Returns:
        An :class:`AliasLexicon`.

    Raises:
        LexiconError: naming the file and line of a malformed file or entry.
        FileNotFoundError: when a passed file does not exist.
    """
    from analysis.resources import load_layers

    names = [path.name for path in default_alias_paths()]
    lexicon = AliasLexicon()
    for layer in load_layers(names, extra, kind="alias lexicon", list_key="entities"):
        for alias, entry in _layer_pairs(layer):
            lexicon.add(alias, entry)
        if layer.where != "<mapping>":
            lexicon.paths.append(Path(layer.where))
    return lexicon


def read_alias_file(path: str | Path) -> list[tuple[str, AliasEntry]]:
    """Read and check one alias lexicon.

    Args:
        path: a YAML file with a top-level ``entities:`` list of ``{canonical, label, aliases, note}``
            (``label`` optional: an entry without one renames and never types).

    Returns:
        ``(alias, entry)`` pairs in file order, the canonical name first for each entry.

    Raises:
        LexiconError: naming the file, the line and the problem.
        FileNotFoundError: when the file does not exist.
    """
    from analysis.resources import read_layer

    return _layer_pairs(read_layer(path, kind="alias lexicon", list_key="entities"))


def _layer_pairs(layer: Layer) -> list[tuple[str, AliasEntry]]:
    data = layer.data
    if not data:
        return []
    if set(data) != {"entities"}:
        raise layer.error((), "the file must hold one key, 'entities:', with a list of entries")
    entries = data["entities"]
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise layer.error(("entities",), "'entities' must be a list of {canonical, label, aliases} entries")
    pairs: list[tuple[str, AliasEntry]] = []
    for i, item in enumerate(entries):
        pairs.extend(_entry_pairs(layer.where, item, layer.line("entities", i)))
    return pairs


def _entry_pairs(path: str | Path, item: object, line: int | None) -> Iterable[tuple[str, AliasEntry]]:
    if not isinstance(item, dict):
        raise LexiconError(
            path, line, "each entry must be a mapping such as {canonical: Syria, label: GPE, aliases: [...]}"
        )
    unknown = set(item) - _KEYS
    if unknown:
        raise LexiconError(
            path, line, f"unknown key(s) {sorted(map(str, unknown))}; allowed: canonical, label, aliases, note"
        )
    canonical = item.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise LexiconError(path, line, "entry has no 'canonical' name (a non-empty string)")
    label = item.get("label") or ""
    if label and label not in LABELS:
        raise LexiconError(
            path, line, f"label {label!r} of {canonical!r} is not one of {', '.join(sorted(LABELS))} (or leave it out)"
        )
    aliases = item.get("aliases") or []
    if isinstance(aliases, str) or not isinstance(aliases, list):
        raise LexiconError(path, line, f"'aliases' of {canonical!r} must be a list, e.g. aliases: [IS, ISIL]")
    for alias in aliases:
        if not isinstance(alias, str) or not alias.strip():
            raise LexiconError(path, line, f"alias {alias!r} of {canonical!r} must be a non-empty string (quote it)")
    entry = AliasEntry(canonical.strip(), label)
    return [(canonical.strip(), entry)] + [(a.strip(), entry) for a in aliases]
