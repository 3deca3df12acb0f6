"""Score attribution (speaker, cue, content) and numbers against annotated articles.

``python -m analysis evaluate claims --format gold data/gold`` runs the whole
pipeline on every annotated article and compares its ``claims`` rows with the
answer key; ``--format brat DIR`` does the same for standoff annotation
(``.txt`` + ``.ann`` pairs with Source / Cue / Content text-bound annotations
linked by relations or events, as in public attribution corpora), and
``--format polnear DIR`` for the PolNeAR layout (``text/NAME.txt`` beside
``attributions/NAME_ANNOTATOR.ann``; one annotator per article, the first by
name, when an article was annotated twice).

Figures (attributions are rows whose ``quote`` is not "none"):

* content precision / recall / F1: a predicted and a gold attribution match
  when their content spans overlap by at least half their union (one-to-one,
  best overlap first); the same with any overlap;
* speaker accuracy on matched pairs: the canonical names agree (case-insensitive,
  "" = the outlet's own voice); a description ("officials", "a European
  diplomat in Beirut") agrees with a description with the same head noun;
* speaker span accuracy (brat, polnear): on matched pairs whose gold has a
  Source span, the predicted speaker span overlaps it;
* cue accuracy on matched pairs (case-insensitive text), quote-kind accuracy;
* recall of quoted and of unquoted gold contents, separately;
* polnear: the rows of one relation (a quote over several sentences, all pointing at the
  same source words) are scored as one span (:func:`merge_relations`), as PolNeAR
  annotates them; ``precision_rows`` / ``recall_rows`` / ``f1_rows`` keep the per-row figures;
* claim sentences: precision / recall of which sentences are claims;
* numbers (gold format): :func:`analysis.evaluation.numbers.score_numbers`.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.evaluation.matching import pair_best_first

__all__ = [
    "add_arguments",
    "main",
    "match_spans",
    "merge_relations",
    "read_brat",
    "read_polnear",
    "same_speaker",
    "score_attributions",
]

_FORMATS = ("gold", "brat", "polnear")
_QUANTIFIERS = frozenset("a an the several some many most other two three four five dozens".split())
_POSTMODIFIER = re.compile(r"\s(?:in|at|on|from|with|near|inside|who|which|speaking)\s")


# ------------------------------------------------------------------ matching
def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match_spans(
    predicted: list[tuple[str, int, int]], gold: list[tuple[str, int, int]], *, threshold: float = 0.5
) -> list[tuple[int, int]]:
    """Pair predicted and gold spans one-to-one, best overlap first.

    Args:
        predicted: ``(document, start, end)`` per predicted item.
        gold: ``(document, start, end)`` per gold item.
        threshold: the least overlap-over-union for a pair; ``0`` means any overlap.

    Returns:
        ``(predicted index, gold index)`` pairs.
    """
    by_doc: dict[str, list[int]] = {}
    for j, (doc, _, _) in enumerate(gold):
        by_doc.setdefault(doc, []).append(j)
    candidates = []
    for i, (doc, start, end) in enumerate(predicted):
        for j in by_doc.get(doc, ()):
            score = _iou((start, end), gold[j][1:])
            if score > 0 and score >= threshold:
                candidates.append((score, i, j))
    return pair_best_first(candidates)


def _head(description: str) -> str:
    text = description.lower().replace("’", "'")
    text = _POSTMODIFIER.split(f" {text} ")[0]
    words = [w for w in re.split(r"[\s,]+", text) if w and w not in _QUANTIFIERS]
    for i, w in enumerate(words):
        if w in ("for", "of") and i > 0:  # "a spokesman for the group": the spokesman
            return words[i - 1]
    return words[-1] if words else ""


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether a predicted speaker agrees with a gold speaker.

    Names agree when equal ignoring case; "" (own voice) only with "". A gold
    description (it starts in lower case: "officials", "a European diplomat")
    also agrees with a prediction that has the same head noun.

    Args:
        predicted: the predicted speaker (canonical name or description).
        gold: the gold speaker.

    Returns:
        True when they agree.
    """
    p, g = " ".join(str(predicted).split()).lower(), " ".join(str(gold).split()).lower()
    if p == g:
        return True
    if not p or not g:
        return False
    if str(gold)[:1].islower():
        return _head(p) == _head(g)
    return False


def _ratio(num: float, den: float) -> float:
    return num / den if den else math.nan


def _f1(p: float, r: float) -> float:
    if math.isnan(p) or math.isnan(r) or p + r == 0:
        return math.nan if math.isnan(p) or math.isnan(r) else 0.0
    return 2 * p * r / (p + r)


def score_attributions(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float | int]:
    """Compare predicted attributions with gold attributions.

    Args:
        predicted: claim rows with ``document``, ``content_start``, ``content_end``,
            ``speaker``, ``cue``, ``quote`` (own-voice rows, quote "none", are skipped).
        gold: gold rows with the same columns; optional ``speaker_text``,
            ``speaker_start``, ``speaker_end`` let a speaker also match by span (brat).

    Returns:
        ``n_predicted``, ``n_gold``, ``n_matched``, ``precision``, ``recall``, ``f1``
        (overlap over union >= 0.5), ``precision_any``, ``recall_any``, ``f1_any``
        (any overlap), ``speaker_accuracy``, ``cue_accuracy``, ``quote_accuracy``
        (on the >= 0.5 pairs), ``speaker_span_accuracy`` (on the >= 0.5 pairs whose
        gold has a speaker span: the predicted span overlaps it), ``recall_quoted`` and
        ``recall_unquoted`` (gold contents by quote kind). Ratios with an empty
        denominator are NaN.
    """
    pred = predicted[predicted["quote"] != "none"].reset_index(drop=True)
    gold = gold[gold["quote"] != "none"].reset_index(drop=True)
    p_spans = list(zip(pred["document"], pred["content_start"], pred["content_end"], strict=True))
    g_spans = list(zip(gold["document"], gold["content_start"], gold["content_end"], strict=True))
    pairs = match_spans(p_spans, g_spans)
    any_pairs = match_spans(p_spans, g_spans, threshold=0.0)
    speaker_ok = cue_ok = quote_ok = 0
    span_ok = span_n = 0
    for i, j in pairs:
        prow, grow = pred.iloc[i], gold.iloc[j]
        speaker_ok += _speaker_ok(prow, grow)
        if int(grow.get("speaker_start", -1)) >= 0:
            span_n += 1
            span_ok += _span_overlaps(prow, grow)
        cue_ok += str(prow["cue"]).strip().lower() == str(grow["cue"]).strip().lower()
        quote_ok += prow["quote"] == grow["quote"]
    n_p, n_g, n_m = len(pred), len(gold), len(pairs)
    precision, recall = _ratio(n_m, n_p), _ratio(n_m, n_g)
    matched_gold = {j for _, j in pairs}
    quoted = [j for j, q in enumerate(gold["quote"]) if q == "direct"]
    unquoted = [j for j, q in enumerate(gold["quote"]) if q != "direct"]
    precision_any, recall_any = _ratio(len(any_pairs), n_p), _ratio(len(any_pairs), n_g)
    return {
        "n_predicted": n_p,
        "n_gold": n_g,
        "n_matched": n_m,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "precision_any": precision_any,
        "recall_any": recall_any,
        "f1_any": _f1(precision_any, recall_any),
        "speaker_accuracy": _ratio(speaker_ok, n_m),
        "speaker_span_accuracy": _ratio(span_ok, span_n),
        "cue_accuracy": _ratio(cue_ok, n_m),
        "quote_accuracy": _ratio(quote_ok, n_m),
        "recall_quoted": _ratio(sum(j in matched_gold for j in quoted), len(quoted)),
        "recall_unquoted": _ratio(sum(j in matched_gold for j in unquoted), len(unquoted)),
    }


def _span_overlaps(prow: pd.Series, grow: pd.Series) -> bool:
    """The predicted speaker span overlaps the gold Source span (both given)."""
    p_start, g_start = int(prow.get("speaker_start", -1)), int(grow.get("speaker_start", -1))
    if p_start < 0 or g_start < 0:
        return False
    return p_start < int(grow["speaker_end"]) and g_start < int(prow["speaker_end"])


def _speaker_ok(prow: pd.Series, grow: pd.Series) -> bool:
    if same_speaker(prow["speaker"], grow["speaker"]):
        return True
    g_start = int(grow.get("speaker_start", -1))
    p_start = int(prow.get("speaker_start", -1))
    # span annotation (brat): the predicted speaker phrase overlaps the gold one
    if (
        not str(grow["speaker"])
        and g_start >= 0
        and p_start >= 0
        and _iou((p_start, int(prow["speaker_end"])), (g_start, int(grow["speaker_end"])))
    ):
        return True
    g_text = str(grow.get("speaker_text", "") or "")
    return bool(g_text) and not str(grow["speaker"]) and same_speaker(prow["speaker"], g_text)


def score_claim_sentences(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float | int]:
    """Precision / recall / F1 of which sentences are claims (by document and sentence start)."""
    p = set(zip(predicted["document"], predicted["sentence_start"], strict=True))
    g = set(zip(gold["document"], gold["sentence_start"], strict=True))
    precision, recall = _ratio(len(p & g), len(p)), _ratio(len(p & g), len(g))
    return {"claim_precision": precision, "claim_recall": recall, "claim_f1": _f1(precision, recall)}


# ------------------------------------------------------------------- brat
@dataclass(frozen=True)
class BratDocument:
    """One brat document: its text and its gold attributions (rows like the claims table)."""

    name: str
    text: str
    attributions: pd.DataFrame


_BRAT_ROLES = {"source": "source", "speaker": "source", "cue": "cue", "content": "content"}


def read_brat(folder: str | Path) -> list[BratDocument]:
    """Read brat standoff attribution annotation.

    Text-bound annotations typed Source (or Speaker), Cue and Content (any case)
    are grouped into attributions through the relations (``R``) and events
    (``E``) that connect them; a Content with no links is an attribution with
    no speaker. Discontinuous spans are taken from their first to last character.

    Args:
        folder: a folder with ``name.txt`` and ``name.ann`` pairs (searched recursively).

    Returns:
        The documents, sorted by path.

    Raises:
        FileNotFoundError: when the folder holds no ``.ann`` file.
        ValueError: for a line that cannot be read (file and line in the message).
    """
    folder = Path(folder)
    anns = sorted(folder.rglob("*.ann"))
    if not anns:
        raise FileNotFoundError(f"{folder}: no .ann files found; give a folder of brat .txt/.ann pairs")
    return [_read_brat_pair(ann) for ann in anns]


def read_polnear(folder: str | Path) -> list[BratDocument]:
    """Read PolNeAR attribution annotation (``text/NAME.txt``, ``attributions/NAME_ANNOTATOR.ann``).

    Args:
        folder: a PolNeAR split folder holding ``text/`` and ``attributions/``.

    Returns:
        One document per text, with the annotation of its first annotator (by
        file name) when the article was annotated more than once.

    Raises:
        FileNotFoundError: when ``text/`` holds no ``.txt`` or a text has no annotation.
    """
    folder = Path(folder)
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"{folder}: no text/*.txt files; give a PolNeAR split folder (text/, attributions/)")
    docs = []
    for txt in texts:
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == txt.stem]
        if not anns:
            raise FileNotFoundError(f"{txt}: no attributions/{txt.stem}_ANNOTATOR.ann beside it")
        doc = _read_brat_pair(anns[0], txt)
        docs.append(BratDocument(txt.stem, doc.text, doc.attributions.assign(document=txt.stem)))
    return docs


def _read_brat_pair(ann: Path, txt: Path | None = None) -> BratDocument:
    txt = txt or ann.with_suffix(".txt")
    if not txt.exists():
        raise FileNotFoundError(f"{ann}: its text {txt.name} is missing next to it")
    text = txt.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, int, int]] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[find(a)] = find(b)

    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        ident = fields[0]
        try:
            if ident.startswith("T"):
                kind, _, offsets = fields[1].partition(" ")
                role = _BRAT_ROLES.get(kind.lower())
                if role is None:
                    continue
                pieces = [p.split() for p in offsets.split(";")]
                start, end = int(pieces[0][0]), int(pieces[-1][1])
                spans[ident] = (role, start, end)
                parent.setdefault(ident, ident)
            elif ident.startswith("R"):
                args = [a.split(":", 1)[1] for a in fields[1].split()[1:]]
                for other in args[1:]:
                    union(args[0], other)
            elif ident.startswith("E"):
                parts = fields[1].split()
                args = [p.split(":", 1)[1] for p in parts]
                for other in args[1:]:
                    union(args[0], other)
        except (IndexError, ValueError) as exc:
            raise ValueError(f"{ann}, line {number}: cannot read {line!r} as brat standoff ({exc})") from None
    groups: dict[str, list[str]] = {}
    for ident in spans:
        groups.setdefault(find(ident), []).append(ident)
    rows = []
    for members in groups.values():
        by_role: dict[str, list[tuple[int, int]]] = {}
        for ident in sorted(members, key=lambda m: spans[m][1]):
            role, start, end = spans[ident]
            by_role.setdefault(role, []).append((start, end))
        source = by_role.get("source", [(-1, -1)])[0]
        cue = by_role.get("cue", [(-1, -1)])[0]
        for start, end in by_role.get("content", []):
            content = text[start:end]
            # a double quote mark, or two apostrophes standing for one (''like this'', some newspaper archives)
            opening = content.strip()
            quoted = (
                opening[:1] in '"“'
                or opening.startswith("''")
                or text[max(start - 1, 0) : start] in ('"', "“")
                or text[max(start - 2, 0) : start] == "''"
            )
            rows.append(
                {
                    "document": ann.stem,
                    "content_start": start,
                    "content_end": end,
                    "speaker": "",
                    "speaker_text": text[source[0] : source[1]] if source[0] >= 0 else "",
                    "speaker_start": source[0],
                    "speaker_end": source[1],
                    "cue": text[cue[0] : cue[1]] if cue[0] >= 0 else "",
                    "quote": "direct" if quoted else "indirect",
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "document",
            "content_start",
            "content_end",
            "speaker",
            "speaker_text",
            "speaker_start",
            "speaker_end",
            "cue",
            "quote",
        ],
    )
    return BratDocument(ann.stem, text, frame.sort_values("content_start", ignore_index=True))


# ---------------------------------------------------------------- running
def _analyze(text: str, title: str | None, gold_entities: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims and numbers tables for one text, from the full pipeline (or with gold entities)."""
    if gold_entities is None:
        from analysis import analyze_text

        result = analyze_text(text, title=title)
        sentence = result.sentences.set_index("sentence_id")["text"]
        claims = result.claims.assign(sentence=result.claims["sentence_id"].map(sentence).astype(str))
        return claims, result.numbers
    from analysis.claims import ClaimFinder
    from analysis.numbers import find_numbers
    from analysis.text import process

    doc = process(text, title=title)
    claims = [
        {**c, "sentence": doc.sentences[c["sentence_id"]].text}
        for c in ClaimFinder().find(doc, gold_entities.to_dict("records"))
    ]
    return pd.DataFrame(claims), pd.DataFrame(find_numbers(doc))


def _with_sentence_start(claims: pd.DataFrame, text: str, document: str) -> pd.DataFrame:
    out = claims.copy()
    out["document"] = document
    out["sentence_start"] = [text.find(t) for t in out["sentence"]] if len(out) else []  # claims.text is the content
    return out


def evaluate_gold(path: str | Path, *, gold_entities: bool = False) -> tuple[dict, list[str]]:
    """Run the pipeline on every gold article below ``path`` and score it.

    Args:
        path: a gold folder (``data/gold`` or one event's folder).
        gold_entities: feed the gold entity rows to the claims stage instead
            of the entity recogniser's (isolates claim errors from entity errors).

    Returns:
        The figures and a list of error lines (missed / spurious / wrong speaker).
    """
    from analysis.evaluation.gold import load_gold_dir, read_article

    gold_set = load_gold_dir(path)
    predicted, numbers = [], []
    for article_id, article in gold_set.articles.items():
        meta, _ = read_article(article.article_path)
        claims, nums = _analyze(article.text, meta.get("title"), article.entities if gold_entities else None)
        predicted.append(_with_sentence_start(claims, article.text, article_id))
        nums = nums.copy()
        nums["article_id"] = article_id
        numbers.append(nums)
    pred = pd.concat(predicted, ignore_index=True) if predicted else pd.DataFrame()
    gold = gold_set.claims.rename(columns={"article_id": "document"})
    figures = score_attributions(pred, gold)
    figures.update(score_claim_sentences(pred, gold))
    if numbers:
        from analysis.evaluation.numbers import score_numbers

        nums = pd.concat(numbers, ignore_index=True)
        figures.update({f"numbers_{k}": v for k, v in score_numbers(nums, gold_set.numbers).items()})
    texts = {a: art.text for a, art in gold_set.articles.items()}
    return figures, _errors(pred, gold, texts)


def evaluate_brat(path: str | Path, *, polnear: bool = False) -> tuple[dict, list[str]]:
    """Run the pipeline on every brat document below ``path`` and score attribution.

    Args:
        path: a folder of brat ``.txt``/``.ann`` pairs, or a PolNeAR split folder.
        polnear: read the PolNeAR layout (:func:`read_polnear`).
    """
    docs = read_polnear(path) if polnear else read_brat(path)
    predicted = []
    for doc in docs:
        claims, _ = _analyze(doc.text, None, None)
        predicted.append(_with_sentence_start(claims, doc.text, doc.name))
    pred = pd.concat(predicted, ignore_index=True)
    gold = pd.concat([d.attributions for d in docs], ignore_index=True)
    texts = {d.name: d.text for d in docs}
    figures = score_attributions(pred, gold)
    if polnear:
        # PolNeAR annotates one content per source and cue: a quote over several sentences,
        # or split by its cue, is one span. Score the rows of one relation as one as well.
        rows = {f"{k}_rows": figures[k] for k in ("precision", "recall", "f1")}
        pred = merge_relations(pred, texts)
        figures = score_attributions(pred, gold) | rows
    return figures, _errors(pred, gold, texts)


def merge_relations(claims: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Join the rows of one attribution relation into one row, as relation-level annotation has them.

    The claims table has one row per quotation (a quote over several sentences, or split by its
    cue, is one row); rows it keeps apart may still point at the same source words. Consecutive direct-quote
    rows of one document with the same speaker span, in the same or the next sentence and the
    same paragraph, become one row whose content runs from the first start to the last end.

    Args:
        claims: claim rows with ``document``, ``sentence_id``, ``speaker_start``, ``speaker_end``,
            ``content_start``, ``content_end``, ``quote``.
        texts: the text of each document (to keep paragraphs apart).

    Returns:
        The rows, merged, in the same order; own-voice rows are kept as they are.
    """
    out: list[dict] = []
    last_sentence = -9
    for row in claims.to_dict("records"):
        last = out[-1] if out else None
        if (
            last is not None
            and row["quote"] == "direct"
            and last["quote"] == "direct"
            and row["document"] == last["document"]
            and int(row["speaker_start"]) >= 0
            and (row["speaker_start"], row["speaker_end"]) == (last["speaker_start"], last["speaker_end"])
            and 0 <= int(row["sentence_id"]) - last_sentence <= 1
            and "\n" not in texts[row["document"]][int(last["content_end"]) : int(row["content_start"])]
        ):
            last["content_start"] = min(int(last["content_start"]), int(row["content_start"]))
            last["content_end"] = max(int(last["content_end"]), int(row["content_end"]))
            last["cue"] = last["cue"] or row["cue"]
            last_sentence = int(row["sentence_id"])
            continue
        out.append(dict(row))
        last_sentence = int(row["sentence_id"])
    return pd.DataFrame(out, columns=claims.columns)


def _errors(pred: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    pred = pred[pred["quote"] != "none"].reset_index(drop=True)
    gold = gold[gold["quote"] != "none"].reset_index(drop=True)
    p_spans = list(zip(pred["document"], pred["content_start"], pred["content_end"], strict=True))
    g_spans = list(zip(gold["document"], gold["content_start"], gold["content_end"], strict=True))
    pairs = match_spans(p_spans, g_spans)
    lines = []

    def snippet(doc: str, start: int, end: int) -> str:
        return texts[doc][start:end][:90]

    for i, j in pairs:
        prow, grow = pred.iloc[i], gold.iloc[j]
        if not _speaker_ok(prow, grow):
            lines.append(
                f"speaker  {grow['document']}: {prow['speaker']!r} for gold {grow['speaker']!r} "
                f"({snippet(grow['document'], int(grow['content_start']), int(grow['content_end']))!r})"
            )
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    for j, (doc, start, end) in enumerate(g_spans):
        if j not in matched_g:
            lines.append(
                f"missed   {doc}: {gold.iloc[j]['speaker']!r} {gold.iloc[j]['cue']!r} {snippet(doc, start, end)!r}"
            )
    for i, (doc, start, end) in enumerate(p_spans):
        if i not in matched_p:
            lines.append(
                f"spurious {doc}: {pred.iloc[i]['speaker']!r} {pred.iloc[i]['cue']!r} {snippet(doc, start, end)!r}"
            )
    return lines


# -------------------------------------------------------------------- CLI
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate claims`` options to ``parser``."""
    parser.add_argument("--format", choices=_FORMATS, default="gold", help="annotation format (default: gold)")
    parser.add_argument(
        "path", type=Path, help="gold folder (data/gold), a folder of brat .txt/.ann pairs, or a PolNeAR split"
    )
    parser.add_argument(
        "--gold-entities",
        action="store_true",
        help="(gold format) give the claims stage the gold entities, to separate its errors from entity errors",
    )
    parser.add_argument("--errors", action="store_true", help="also list missed, spurious and wrong-speaker items")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _print(figures: dict, errors: Iterable[str], *, show_errors: bool, as_json: bool) -> None:
    if as_json:
        print(json.dumps({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in figures.items()}))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"{key:<{width}}  {shown}")
    if show_errors:
        for line in errors:
            print(line)


def main(args: argparse.Namespace) -> int:
    """Run ``evaluate claims`` and print the figures; returns the exit status."""
    if not Path(args.path).exists():
        raise FileNotFoundError(f"{args.path}: no such folder; give data/gold or a folder of brat files")
    if args.format == "gold":
        figures, errors = evaluate_gold(args.path, gold_entities=args.gold_entities)
    else:
        figures, errors = evaluate_brat(args.path, polnear=args.format == "polnear")
    _print(figures, errors, show_errors=args.errors, as_json=args.json)
    return 0
