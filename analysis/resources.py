"""Where the package's own data files (lexicons) live.

The editable lexicons are kept in the repository's ``data/lexicons/`` folder so
that users find and change them next to the corpus. An installed wheel carries
the same files as the package ``analysis/lexicons`` (see ``pyproject.toml``);
a source checkout or editable install reads them from ``data/lexicons``.
"""

from __future__ import annotations

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
