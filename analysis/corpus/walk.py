"""Walk a folder: which files are read, and why every other entry is skipped or rejected.

Nothing is passed over in silence. A folder is read recursively, in sorted
order, and every entry ends up in one of three places:

- read: a regular file inside the folder (directly, or through a link that
  stays inside the folder);
- skipped (listed in ``corpus.skipped``): entries that are not articles by
  design: hidden files and folders (``.git``, ``.DS_Store``), notes about the
  folder (``README``, ``LICENSE``, ``CHANGELOG``, ... by their exact name), and
  output folders written by ``python -m analysis analyze`` (they hold our own
  tables, never input);
- rejected (listed in ``corpus.rejects``): links that lead out of the folder
  (not followed: ``x.txt -> /etc/passwd`` is not an article), FIFOs, devices
  and sockets (never opened: reading them blocks or never ends), folders that
  cannot be listed, and links that lead nowhere.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: File names (without extension, any case) that describe a folder rather than hold an article.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "copying", "notice", "authors", "contributing"})

#: An event's own alias lexicon beside its articles: an input of the entity stage
#: (``analysis.entities.event_lexicons``), not an article.
EVENT_LEXICON_NAMES = frozenset({"aliases.yml", "aliases.yaml"})

#: The file :meth:`analysis.Analysis.save` writes into every output folder; its ``written_by`` value.
OUTPUT_MARKER = "analysis.json"
WRITTEN_BY = "news-analysis"

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


@dataclass(frozen=True)
class Entry:
    """One entry of a folder walk: a file to read (``reason`` empty), or a skip or reject with its reason."""

    path: Path
    reason: str = ""
    fix: str = ""
    skipped: bool = False


def is_output_folder(folder: Path) -> bool:
    """True when ``folder`` holds the marker file of an analysis saved by this package."""
    marker = folder / OUTPUT_MARKER
    try:
        if not marker.is_file() or marker.stat().st_size > 65536:
            return False
        meta = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and (meta.get("written_by") == WRITTEN_BY or {"format", "tables"} <= set(meta))


def special_file(path: Path) -> Entry | None:
    """A reject when ``path`` (links followed) is not a regular file, else None. Never opens the file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return Entry(path, f"cannot be read ({exc.strerror})", "check that the file exists and may be read")
    if stat.S_ISREG(mode):
        return None
    kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
    return Entry(
        path,
        f"not a regular file ({kind}); not opened, as reading it could block or never end",
        "copy the article into an ordinary .md, .txt, .csv or .jsonl file",
    )


def walk(root: Path) -> Iterator[Entry]:
    """Every entry under ``root`` in sorted order: files to read, and the skips and rejects with reasons.

    Args:
        root: the folder given by the user (links inside it are followed only when they stay inside).
    """
    top = root.resolve()
    if is_output_folder(top):
        yield _output(root)
        return
    yield from _walk(root, top, {top})


def _walk(folder: Path, top: Path, seen: set[Path]) -> Iterator[Entry]:
    try:
        with os.scandir(folder) as listing:
            children = sorted(Path(entry.path) for entry in listing)
    except OSError as exc:
        yield Entry(
            folder,
            f"folder cannot be read ({exc.strerror}); its files were not loaded",
            "give yourself read permission on the folder (chmod u+rx), or move it out",
        )
        return
    for child in children:
        try:
            yield from _child(child, top, seen)
        except OSError as exc:  # e.g. a folder that may be listed but not entered (no x permission)
            yield Entry(
                child,
                f"cannot be read ({exc.strerror})",
                "give yourself read permission on it and on its folder (chmod u+rx), or move it out",
            )


def _child(child: Path, top: Path, seen: set[Path]) -> Iterator[Entry]:
    if child.name.startswith("."):
        yield Entry(child, "hidden (its name starts with '.')", "rename it without the dot to load it", True)
        return
    if child.is_symlink():
        target = _link_target(child, top)
        if isinstance(target, Entry):
            yield target
            return
    else:
        target = child
    if target.is_dir():
        resolved = target.resolve()
        if resolved in seen:
            yield Entry(child, "a link to a folder already read; not read twice", "nothing to fix", True)
        elif is_output_folder(target):
            yield _output(child)
        else:
            yield from _walk(child, top, seen | {resolved})
        return
    if child.name.lower() in EVENT_LEXICON_NAMES:
        yield Entry(
            child,
            "the event's alias lexicon, read by the entity stage (analyze(..., event_aliases=FOLDER))",
            "nothing to fix",
            True,
        )
        return
    if child.stem.lower() in FOLDER_NOTES:
        yield Entry(
            child,
            "a note about the folder (README, LICENSE, ...), not an article",
            "rename it if it is an article",
            True,
        )
        return
    yield special_file(child) or Entry(child)


def _link_target(link: Path, top: Path) -> Path | Entry:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return Entry(
            link,
            f"a link to {os.readlink(link)}, which does not exist (or loops)",
            "remove the broken link",
        )
    if not target.is_relative_to(top):
        return Entry(
            link,
            f"links to {target}, outside the folder being loaded; links out of the folder are not followed",
            "copy the file into the folder if it is an article",
        )
    return target


def _output(folder: Path) -> Entry:
    return Entry(
        folder,
        f"an output folder of `python -m analysis analyze` (it holds {OUTPUT_MARKER}); never read as input",
        "write outputs outside the corpus folder, or delete the folder if it is stale",
        True,
    )
