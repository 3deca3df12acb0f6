"""Where the package's own data files (lexicons) live, and how a lexicon is read and combined.

The editable lexicons are kept in the repository's ``data/lexicons/`` folder so
that users find and change them next to the corpus. An installed wheel carries
the same files as the package ``analysis/lexicons`` (see ``pyproject.toml``);
a source checkout or editable install reads them from ``data/lexicons``.

Every lexicon of every stage is loaded the same way (:func:`load_layers`, then
:func:`merge_layers`), so one rule says what a lexicon you pass does:

1. The packaged file is read first, then each of your files (or mappings) in
   the order given. Each is checked on its own, so an error names *its* file
   and line.
2. Your file **adds to** what came before it. A section that is a list gains
   your entries (an entry already there is not repeated); a section that is a
   mapping gains your keys, and where a key is already there your value wins
   (mappings inside mappings merge the same way, key by key); a plain value
   (a number, a word) is replaced by yours.
3. ``inherit: false`` at the top of your file drops everything before it: your
   file is the whole lexicon (for tone, the VADER word list still lies beneath,
   since it is not a file of ours).

Example:
    >>> base = Layer("packaged.yml", {"cues": ["said"], "units": {"%": "percent"}})
    >>> mine = Layer("mine.yml", {"cues": ["said", "quipped"], "units": {"pct": "percent"}})
    >>> merge_layers([base, mine])
    {'cues': ['said', 'quipped'], 'units': {'%': 'percent', 'pct': 'percent'}}
    >>> merge_layers([base, Layer("only.yml", {"cues": ["quipped"]}, inherit=False)])
    {'cues': ['quipped']}
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

#: The root of the source checkout the package runs from: ``data/``, ``notebooks/`` and
#: ``benchmarks/`` live there, not in an installed wheel (see :func:`checkout_path`).
CHECKOUT = _PACKAGE_DIR.parent


def checkout_path(*parts: str) -> Path:
    """A file or folder of the project checkout (the bundled corpus, the notebooks, the dev gold).

    Args:
        *parts: the path inside the checkout, e.g. ``checkout_path("data", "events")``.

    Returns:
        The path, which exists.

    Raises:
        MissingResourceError: when it does not exist, saying to run from a checkout.
    """
    from analysis.errors import MissingResourceError

    path = CHECKOUT.joinpath(*parts)
    if not path.exists():
        raise MissingResourceError(
            f"{path} not found: {'/'.join(parts)} comes with a checkout of the project, not with the installed "
            "package. Run this from a checkout of the project (clone it, then `make setup`), or pass the path "
            "yourself."
        )
    return path


@cache
def lexicon_dir() -> Path:
    """Return the folder holding the packaged default lexicons.

    Returns:
        ``analysis/lexicons`` inside an installed wheel, else the checkout's
        ``data/lexicons``.

    Raises:
        FileNotFoundError: when neither folder exists (a broken install).
    """
    for candidate in (_PACKAGE_DIR / "lexicons", _PACKAGE_DIR.parent / "data" / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "The package's lexicons were not found next to "
        f"{_PACKAGE_DIR}. Reinstall the package with `pip install -e .` from a checkout."
    )


def lexicon_path(name: str) -> Path:
    """Return the path of one packaged lexicon file, e.g. ``lexicon_path("tone.yml")``.

    Args:
        name: the file name inside the lexicon folder.

    Returns:
        The path (it may not exist yet; callers report a missing file themselves).
    """
    return lexicon_dir() / name


def read_yaml(path: str | Path) -> object:
    """Parse a YAML lexicon safely, turning syntax errors into a :class:`LexiconError`.

    Args:
        path: the file to read (UTF-8).

    Returns:
        The parsed document (``yaml.safe_load``).

    Raises:
        LexiconError: naming the file and line when the YAML does not parse.
        FileNotFoundError: when the file does not exist.
    """
    import yaml

    from analysis.errors import LexiconError

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(path, line, f"not valid YAML ({exc.problem}); fix the syntax there") from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise LexiconError(path, None, f"not valid YAML ({exc})") from exc


def yaml_lines(path: str | Path) -> dict[tuple[str | int, ...], int]:
    """Map every key path of a YAML file to its 1-based line, for error messages.

    The document is composed (not constructed) with PyYAML's safe loader and its
    node tree walked once. A path is the tuple of keys leading to a node:
    mapping keys as the ``str`` of their source text, sequence positions as
    ``int``; the empty tuple is the root. A mapping entry's line is the line of
    its key, a sequence item's line is where the item starts, the root's line is
    where the document's content starts. A repeated key keeps the line of its
    last occurrence (the one ``yaml.safe_load`` keeps); a node reached again
    through a YAML alias is not walked twice, and non-scalar keys are skipped.

    Args:
        path: the file to read (UTF-8).

    Returns:
        The lines by path, e.g. ``{(): 1, ("entities",): 1, ("entities", 0): 2}``;
        empty for an empty document.

    Raises:
        LexiconError: naming the file and line when the YAML does not parse
            (the same error as :func:`read_yaml`).
        FileNotFoundError: when the file does not exist.
    """
    import yaml

    from analysis.errors import LexiconError

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(path, line, f"not valid YAML ({exc.problem}); fix the syntax there") from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise LexiconError(path, None, f"not valid YAML ({exc})") from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if root is None:
        return lines
    lines[()] = root.start_mark.line + 1
    seen: set[int] = set()
    stack: list[tuple[tuple[str | int, ...], yaml.Node]] = [((), root)]
    while stack:
        prefix, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        children: list[tuple[tuple[str | int, ...], int, yaml.Node]] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    children.append(((*prefix, str(key.value)), key.start_mark.line + 1, value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                children.append(((*prefix, i), item.start_mark.line + 1, item))
        lines.update((child_path, line) for child_path, line, _ in children)
        # Reversed, so nodes are walked in file order and a repeated key's later subtree wins.
        stack.extend((child_path, child) for child_path, _, child in reversed(children))
    return lines


# -- one way to load every lexicon ---------------------------------------------------------------
@dataclass(frozen=True)
class Layer:
    """One lexicon document, checked on its own before it is merged with the others.

    Attributes:
        where: the file it came from (or ``"<mapping>"``), for error messages.
        data: its top-level sections (``inherit`` removed).
        lines: key path -> 1-based line (:func:`yaml_lines`); empty for a mapping.
        inherit: False when the document replaces everything loaded before it.
    """

    where: str
    data: dict
    lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict)
    inherit: bool = True

    def line(self, *keys: str | int) -> int | None:
        """The line of the deepest of ``keys`` found in the file (None when unknown)."""
        for depth in range(len(keys), -1, -1):
            line = self.lines.get(tuple(keys[:depth]) if depth else ())
            if line is not None:
                return line
        return None

    def error(self, keys: Sequence[str | int], problem: str):
        """A :class:`~analysis.errors.LexiconError` at ``keys`` of this document (raise it)."""
        from analysis.errors import LexiconError

        return LexiconError(self.where, self.line(*keys), problem)


def read_layer(source: str | Path | Mapping, *, kind: str = "lexicon", list_key: str | None = None) -> Layer:
    """Read one lexicon document: a YAML file or a mapping written in Python.

    Args:
        source: the file, or a mapping with the lexicon's sections.
        kind: what the lexicon is ("tone lexicon"), for messages.
        list_key: for a lexicon of one list section (``entities:``), the section a
            document that is a bare list is read as.

    Returns:
        The :class:`Layer`; an empty file gives an empty one.

    Raises:
        FileNotFoundError: the file does not exist.
        LexiconError: the YAML does not parse, the document is not a mapping of
            sections, or ``inherit`` is not true or false (file and line in the message).
        TypeError: ``source`` is neither a path nor a mapping.
    """
    if isinstance(source, Mapping):
        where, data, lines = "<mapping>", dict(source), {}
    elif isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"{kind} {path} does not exist; pass an existing .yml file")
        where, data, lines = str(path), read_yaml(path), yaml_lines(path)
    else:
        raise TypeError(f"a {kind} is a path or a mapping, not {type(source).__name__}")
    data = {} if data is None else data
    if list_key is not None and isinstance(data, list):
        data = {list_key: data}
        lines = {(): lines.get((), 1), (list_key,): lines.get((), 1)} | {
            (list_key, *k): n for k, n in lines.items() if k
        }
    layer = Layer(where, {}, lines)
    if not isinstance(data, dict):
        raise layer.error(
            (), f"a {kind} is a mapping of section names to entries (`section:` lines), not a list or a word"
        )
    data = {str(key): value for key, value in data.items()}
    inherit = data.pop("inherit", True)
    if not isinstance(inherit, bool):
        raise layer.error(("inherit",), "'inherit' must be true or false")
    return Layer(where, data, lines, inherit)


def load_layers(
    packaged: str | Sequence[str],
    user: str | Path | Mapping | Sequence[str | Path | Mapping] | None = None,
    *,
    kind: str = "lexicon",
    list_key: str | None = None,
) -> list[Layer]:
    """The documents one lexicon is made of, in the order they apply (see the module's rule).

    Args:
        packaged: the packaged file name(s) in :func:`lexicon_dir` (``"claims.yml"``).
        user: your file or mapping, or a list of them read in order; None for the packaged ones only.
        kind: what the lexicon is, for messages.
        list_key: as in :func:`read_layer`.

    Returns:
        The layers after the last one with ``inherit: false`` (from the first when none has it).

    Raises:
        FileNotFoundError, LexiconError, TypeError: as :func:`read_layer`.
    """
    names = [packaged] if isinstance(packaged, str) else list(packaged)
    layers = [_packaged_layer(name, kind, list_key) for name in names]
    if user is not None:
        sources = [user] if isinstance(user, str | Path | Mapping) else list(user)
        layers += [read_layer(source, kind=kind, list_key=list_key) for source in sources]
    start = max((i for i, layer in enumerate(layers) if not layer.inherit), default=0)
    return layers[start:]


@cache
def _packaged_layer(name: str, kind: str, list_key: str | None) -> Layer:
    return read_layer(lexicon_path(name), kind=kind, list_key=list_key)


def merge_layers(layers: Sequence[Layer]) -> dict:
    """Merge checked layers by the module's rule: lists extend, mappings merge key by key, values are replaced.

    A layer with ``inherit: false`` starts over from nothing.

    Args:
        layers: the documents in the order they apply (:func:`load_layers`).

    Returns:
        One document; the layers are not changed.
    """
    merged: dict = {}
    for layer in layers:
        merged = _merge_value({} if not layer.inherit else merged, layer.data)
    return copy.deepcopy(merged)  # the packaged layers are cached: never hand out their lists


def _merge_value(old: object, new: object) -> object:
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        for key, value in new.items():
            out[key] = _merge_value(out[key], value) if key in out else value
        return out
    if isinstance(old, list) and isinstance(new, list):
        return old + [item for item in new if item not in old]
    return new
