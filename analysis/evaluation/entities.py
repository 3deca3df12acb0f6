"""Evaluate entity recognition and alias merging against annotated text.

``python -m analysis evaluate entities --format gold|meantime|conll|uner PATH`` prints
precision, recall and F1 by type for exact spans and for partial matches, and,
where the data groups mentions into chains, how well aliases are merged:

* ``chains merged``: share of gold chains (two or more found mentions) whose
  found mentions all got one canonical name;
* ``chains apart``: share of pairs of different gold chains in one article whose
  found mentions share no canonical name;
* for ``gold``, ``canonical accuracy``: share of found gold mentions (exact
  span) whose canonical name equals the gold canonical name;
* ``cross-document B-cubed``: over the gold chains found in two or more
  articles, how well the canonical names cluster their mentions, with the
  article-level names and with the event-level names of
  :func:`analysis.entities.event_names` (see :mod:`analysis.evaluation.coreference`).
  Articles are grouped by their event (MEANTIME has none: the whole corpus is one).
* for MEANTIME, ``person recall by gold head``: MEANTIME annotates job titles
  with a proper-noun head as persons ("Apple CEO", "the Prime Minister"); the
  rules name people, not their posts, so person recall is shown apart for
  gold persons headed by a name and by a role word;
* ``event-level labels``: precision, recall and F1 again after the vote of
  :func:`analysis.entities.event_labels` (one label per actor across the
  event), which is what the ``entities`` table of ``analyze`` holds; the table
  above scores each article's own labels.

For ``gold`` the figures are printed twice: without the events' own lexicons
(``data/events/<event>/aliases.yml``) and with each event's lexicon applied to
its articles.

Formats:
    gold: the bundled corpus (``data/gold`` via :func:`analysis.evaluation.gold.load_gold_dir`).
        Partial match = spans overlap. Types: PERSON, ORG, GPE, LOC, NORP.
    meantime: NewsReader MEANTIME English (a folder with ``meantime.conll`` and
        ``entities_mentions.json``). Only named mentions count (head POS PROPN,
        types PER/ORG/LOC), in the first six sentences of each article (the
        part annotated in full). Types scored as PER, ORG, LOC (GPE and LOC
        predictions both count as LOC; NORP is not scored). Partial match = the
        prediction contains the gold head word.
    conll: CoNLL-2003-style files (token first, BIO tag last; ``-DOCSTART-``
        separates documents). Types PER, ORG, LOC (GPE -> LOC); MISC is not scored.
        Partial match = spans overlap.
    uner: Universal NER IOB2 files (``index token tag ...`` one token a line,
        ``# text =`` holds the sentence, ``# newdoc id =`` starts a document).
        The sentence text is taken as written; sentences of a document are
        joined by blank lines. Types PER, ORG, LOC (GPE -> LOC). Partial match
        = spans overlap.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_TO_PER_ORG_LOC = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class GoldMention:
    """A gold mention: character span, type, optional head span and chain."""

    doc: str
    start: int
    end: int
    label: str
    head: tuple[int, int] | None = None
    chain: str = ""
    canonical: str = ""


@dataclass
class EvalDoc:
    """One document to evaluate: its text, gold mentions and the scored region."""

    doc_id: str
    text: str
    gold: list[GoldMention]
    limit: int | None = None  # predictions starting at or after this offset are ignored
    title: str | None = None
    others: list[GoldMention] = field(default_factory=list)  # annotated but not scored (error analysis)
    event: str = ""  # the article's event (cross-document names are resolved per event)


@dataclass
class Scores:
    """Counts per type for one matching mode."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def row(self, label: str | None) -> tuple[float, float, float, int, int]:
        """Precision, recall, F1, number of gold and of predicted mentions (all types when label is None)."""
        keys = [label] if label else sorted(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn, tp + fp


def _match(golds: list[GoldMention], preds: list[dict], partial: bool, scores: Scores) -> dict[int, dict]:
    """Greedy one-to-one typed matching; returns gold index -> matched prediction."""
    used: set[int] = set()
    matched: dict[int, dict] = {}
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi in used or p["type"] != g.label:
                continue
            if partial:
                if g.head is not None:
                    ok = p["start"] <= g.head[0] and g.head[1] <= p["end"]
                else:
                    ok = p["start"] < g.end and g.start < p["end"]
            else:
                ok = p["start"] == g.start and p["end"] == g.end
            if ok:
                used.add(pi)
                matched[gi] = p
                break
    for gi, g in enumerate(golds):
        if gi in matched:
            scores.tp[g.label] += 1
        else:
            scores.fn[g.label] += 1
    for pi, p in enumerate(preds):
        if pi not in used:
            scores.fp[p["type"]] += 1
    return matched


def evaluate(
    docs: Iterable[EvalDoc], recognizer, type_map: dict[str, str] | None = None, *, recognizers: dict | None = None
) -> dict[str, object]:
    """Run ``recognizer`` on every document and score it.

    Args:
        docs: documents with gold mentions.
        recognizer: an :class:`~analysis.entities.EntityRecognizer`.
        type_map: maps the package's labels to the gold's types (None = identity);
            predictions whose label is not in the map are ignored.
        recognizers: event -> recognizer for the articles of that event (an event lexicon).

    Returns:
        A dict with ``exact`` and ``partial`` :class:`Scores`, chain scores,
        canonical accuracy, word and second counts.
    """
    from analysis.text import process

    exact, partial = Scores(), Scores()
    chains_total = chains_merged = pairs_total = pairs_apart = 0
    canon_total = canon_ok = 0
    words = 0
    seconds = 0.0
    n_docs = 0
    chain_rows: list[tuple[EvalDoc, GoldMention, dict | None]] = []
    event_rows: dict[str, list[dict]] = defaultdict(list)
    scored: list[EvalDoc] = []
    person_heads = {"name": [0, 0], "title": [0, 0]}  # found, total: gold persons by their head word
    for d in docs:
        n_docs += 1
        processed = process(d.text, title=d.title)
        words += processed.n_words
        t0 = time.perf_counter()
        rows = (recognizers or {}).get(d.event, recognizer).find(processed)
        seconds += time.perf_counter() - t0
        event_rows[d.event].extend({**row, "article_id": d.doc_id} for row in rows)
        scored.append(d)
        preds = []
        for row in rows:
            label = type_map.get(row["label"]) if type_map is not None else row["label"]
            if label is None or (d.limit is not None and row["start"] >= d.limit):
                continue
            preds.append({**row, "type": label})
        _match(d.gold, preds, False, exact)
        matched = _match(d.gold, preds, True, partial)
        exact_matched = {
            gi: p for gi, p in matched.items() if p["start"] == d.gold[gi].start and p["end"] == d.gold[gi].end
        }
        chain_rows.extend((d, g, matched.get(gi)) for gi, g in enumerate(d.gold) if g.chain)
        for gi, g in enumerate(d.gold):
            if g.label in ("PER", "PERSON") and g.head is not None:
                kind = "title" if _is_title(d.text[g.head[0] : g.head[1]]) else "name"
                person_heads[kind][0] += gi in matched
                person_heads[kind][1] += 1
        for gi, p in exact_matched.items():
            if d.gold[gi].canonical:
                canon_total += 1
                canon_ok += p["canonical"] == d.gold[gi].canonical
        by_chain: dict[str, set[str]] = defaultdict(set)
        sizes: dict[str, int] = defaultdict(int)
        for gi, p in matched.items():
            chain = d.gold[gi].chain
            if chain:
                by_chain[chain].add(p["canonical"])
                sizes[chain] += 1
        for chain, names in by_chain.items():
            if sizes[chain] >= 2:
                chains_total += 1
                chains_merged += len(names) == 1
        keys = sorted(by_chain)
        for a in range(len(keys)):
            for b in range(a + 1, len(keys)):
                pairs_total += 1
                pairs_apart += not (by_chain[keys[a]] & by_chain[keys[b]])
    return {
        "exact": exact,
        "partial": partial,
        "chains": (chains_merged, chains_total),
        "pairs": (pairs_apart, pairs_total),
        "canonical": (canon_ok, canon_total),
        **_cross_document(chain_rows, event_rows),
        "event_labels": _event_typing(scored, event_rows, type_map),
        "person_heads": person_heads,
        "docs": n_docs,
        "words": words,
        "seconds": seconds,
    }


def _is_title(head: str) -> bool:
    """True for a head word that is a job title or role ("CEO", "Minister"), not a name."""
    from analysis.entities.rules import ROLE_WORDS

    return head.lower().rstrip(".") in ROLE_WORDS


def _event_typing(
    docs: list[EvalDoc], event_rows: dict[str, list[dict]], type_map: dict[str, str] | None
) -> dict[str, Scores]:
    """Exact and partial scores with the labels after the event vote (:func:`analysis.entities.event_labels`),
    what the ``entities`` table of ``analyze`` holds; documents without an event are one corpus-wide event."""
    from analysis.entities import event_labels

    by_doc: dict[str, list[dict]] = defaultdict(list)
    for rows in event_rows.values():
        for row, label in zip(rows, event_labels(rows), strict=True):
            by_doc[row["article_id"]].append({**row, "label": label})
    exact, partial = Scores(), Scores()
    for d in docs:
        preds = []
        for row in by_doc.get(d.doc_id, []):
            label = type_map.get(row["label"]) if type_map is not None else row["label"]
            if label is None or (d.limit is not None and row["start"] >= d.limit):
                continue
            preds.append({**row, "type": label})
        _match(d.gold, preds, False, exact)
        _match(d.gold, preds, True, partial)
    return {"exact": exact, "partial": partial}


def _cross_document(chain_rows: list, event_rows: dict[str, list[dict]]) -> dict[str, object]:
    """The hook to :mod:`analysis.evaluation.coreference`: B-cubed with article- and event-level names."""
    from analysis.entities import event_names
    from analysis.evaluation.coreference import ChainMention, cross_document

    resolved: dict[tuple[str, int], str] = {}
    for rows in event_rows.values():
        for row, name in zip(rows, event_names(rows), strict=True):
            resolved[(row["article_id"], row["start"])] = name
    article_level = [ChainMention(d.doc_id, d.event, g.chain, p["canonical"] if p else None) for d, g, p in chain_rows]
    event_level = [
        ChainMention(d.doc_id, d.event, g.chain, resolved[(d.doc_id, p["start"])] if p else None)
        for d, g, p in chain_rows
    ]
    ok = sum(
        1
        for d, g, p in chain_rows
        if p
        and g.canonical
        and p["start"] == g.start
        and p["end"] == g.end
        and resolved[(d.doc_id, p["start"])] == g.canonical
    )
    n = sum(1 for d, g, p in chain_rows if p and g.canonical and p["start"] == g.start and p["end"] == g.end)
    return {
        "crossdoc_article": cross_document(article_level),
        "crossdoc_event": cross_document(event_level),
        "canonical_event": (ok, n),
    }


# -- readers ---------------------------------------------------------------------------------
def read_gold(path: str | Path) -> list[EvalDoc]:
    """The bundled gold corpus below ``path`` (e.g. ``data/gold``)."""
    from analysis.evaluation.gold import load_gold_dir, read_article

    gold = load_gold_dir(path)
    docs = []
    for article_id, article in gold.articles.items():
        mentions = [
            GoldMention(
                article_id, int(r.start), int(r.end), str(r.label), chain=str(r.canonical), canonical=str(r.canonical)
            )
            for r in article.entities.itertuples()
        ]
        title = article.text.split("\n", 1)[0].strip() or None
        for mention in mentions:
            mention.canonical = mention.chain
        event = str(read_article(article.article_path)[0].get("event") or "")
        docs.append(EvalDoc(article_id, article.text, mentions, title=title, event=event))
    return docs


def _detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into readable text; returns the text and each token's span."""
    no_space_before = {",", ".", ";", ":", ")", "]", "'s", "'", "n't", "%", "?", "!", "'re", "'ve", "'ll", "'d", "'m"}
    out: list[str] = []
    spans = []
    pos = 0
    previous = ""
    for tok in tokens:
        if out and tok not in no_space_before and previous not in ("(", "[", "$"):
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        previous = tok
    return "".join(out), spans


def read_meantime(path: str | Path, *, first_sentences: int = 6) -> list[EvalDoc]:
    """MEANTIME English: text rebuilt from ``meantime.conll``, named gold mentions from ``entities_mentions.json``.

    Args:
        path: the folder holding both files.
        first_sentences: only the first sentences of each article are scored (the fully annotated part).
    """
    path = Path(path)
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    order: list[str] = []
    with open(path / "meantime.conll", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#begin"):
                order.append(line.split("(", 1)[1].split(")", 1)[0])
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            sentences[parts[0]][int(parts[1])].append(parts[3])
    mentions = json.loads((path / "entities_mentions.json").read_text(encoding="utf-8"))
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    other_by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        if m["sent_id"] >= first_sentences:
            continue
        if m["mention_type"] in _MEANTIME_TYPES and m["mention_head_pos"] == "PROPN":
            gold_by_doc[m["conll_doc_key"]].append(m)
        else:
            other_by_doc[m["conll_doc_key"]].append(m)
    docs = []
    for key in order:
        if key not in gold_by_doc:
            continue  # articles without entity annotation in the prepared copy
        paragraphs = []
        offsets: dict[int, list[tuple[int, int]]] = {}
        pos = 0
        limit = None
        for sid in sorted(sentences[key]):
            if sid == first_sentences:
                limit = pos
            text, spans = _detokenize(sentences[key][sid])
            offsets[sid] = [(a + pos, b + pos) for a, b in spans]
            paragraphs.append(text)
            pos += len(text) + 2
        text = "\n\n".join(paragraphs)
        seen: set[tuple[int, int]] = set()
        gold = []
        skipped = 0
        for m in sorted(gold_by_doc[key], key=lambda m: (m["sent_id"], m["tokens_number"][0])):
            spans = offsets.get(m["sent_id"], [])
            tokens = m["tokens_number"]
            if not tokens or max(tokens) >= len(spans):
                skipped += 1
                continue
            head_id = m["mention_head_id"] if m["mention_head_id"] in tokens else tokens[-1]
            head = spans[head_id]
            if head in seen:
                continue  # the same name annotated in two nested mentions
            seen.add(head)
            chain = m["coref_chain"].split("_")[-1]
            gold.append(
                GoldMention(
                    key, spans[tokens[0]][0], spans[tokens[-1]][1], _MEANTIME_TYPES[m["mention_type"]], head, chain
                )
            )
        others = []
        for m in other_by_doc[key]:
            spans = offsets.get(m["sent_id"], [])
            tokens = m["tokens_number"]
            if tokens and max(tokens) < len(spans):
                head_id = m["mention_head_id"] if m["mention_head_id"] in tokens else tokens[-1]
                label = f"{m['mention_type']}/{m['mention_head_pos']}"
                others.append(GoldMention(key, spans[tokens[0]][0], spans[tokens[-1]][1], label, spans[head_id]))
        title = paragraphs[0] if paragraphs else None
        docs.append(EvalDoc(key, text, gold, limit, title=title, others=others))
    return docs


def read_conll(path: str | Path) -> list[EvalDoc]:
    """CoNLL-2003-style NER: one token per line (token first, BIO tag last), blank lines between sentences."""
    docs: list[EvalDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def flush_doc() -> None:
        if current:
            sentences.append(list(current))
            current.clear()
        if not sentences:
            return
        paragraphs, gold, pos = [], [], 0
        for sentence in sentences:
            text, spans = _detokenize([t for t, _ in sentence])
            start = label = None
            for k, (_, tag) in enumerate([*sentence, ("", "O")]):
                inside = tag[2:] if tag[:2] in ("B-", "I-") else None
                if start is not None and (inside != label or tag.startswith("B-")):
                    if label in ("PER", "ORG", "LOC"):
                        gold.append(GoldMention(str(len(docs)), spans[start][0] + pos, spans[k - 1][1] + pos, label))
                    start = label = None
                if inside is not None and start is None:
                    start, label = k, inside
            paragraphs.append(text)
            pos += len(text) + 2
        docs.append(EvalDoc(str(len(docs)), "\n\n".join(paragraphs), gold))
        sentences.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(list(current))
                    current.clear()
                continue
            if parts[0] == "-DOCSTART-":
                flush_doc()
                continue
            current.append((parts[0], parts[-1]))
    flush_doc()
    return docs


def _align(text: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Character span of each token in ``text``, in order; None when a token is not found."""
    spans = []
    pos = 0
    for token in tokens:
        at = text.find(token, pos)
        if at < 0:
            return None
        spans.append((at, at + len(token)))
        pos = at + len(token)
    return spans


def _iob2_mentions(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token inclusive, type) of each IOB2 span; an ``I-`` after ``O`` opens a span."""
    out = []
    start = label = None
    for k, tag in enumerate([*tags, "O"]):
        inside = tag[2:] if tag[:2] in ("B-", "I-") else None
        if start is not None and (inside != label or tag.startswith("B-")):
            out.append((start, k - 1, label))
            start = label = None
        if inside is not None and start is None:
            start, label = k, inside
    return out


def _uner_sentences(file: Path) -> Iterable[tuple[str, str, list[str], list[str], int]]:
    """(document id, sentence text, tokens, tags, line number) of each sentence of an IOB2 file."""
    doc_id = file.stem
    text = ""
    tokens: list[str] = []
    tags: list[str] = []
    line_no = 0
    with open(file, encoding="utf-8") as fh:
        for line_no, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("#") or not line.strip():
                if tokens:
                    yield doc_id, text, tokens, tags, line_no
                    text, tokens, tags = "", [], []
                if line.startswith("# newdoc id ="):
                    doc_id = line.split("=", 1)[1].strip()
                elif line.startswith("# text ="):
                    text = line.split("=", 1)[1].strip()
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise ValueError(f"{file}:{line_no}: expected 'index<TAB>token<TAB>tag', got {line!r}")
            tokens.append(parts[1])
            tags.append(parts[2])
    if tokens:
        yield doc_id, text, tokens, tags, line_no


def read_uner(path: str | Path) -> list[EvalDoc]:
    """Universal NER (IOB2): documents of sentences, text from the ``# text =`` lines.

    Args:
        path: an ``.iob2`` file (or a folder holding one or more).

    Returns:
        One :class:`EvalDoc` per ``# newdoc`` (or per file when there is none), gold
        PER / ORG / LOC mentions at their character offsets in the joined text.

    Raises:
        ValueError: when there is no ``.iob2`` file, a line is malformed, or a token
            is not in its sentence's ``# text`` line (file and line).
    """
    path = Path(path)
    files = sorted(path.glob("*.iob2")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no .iob2 file found; give a Universal NER .iob2 file or its folder")
    grouped: dict[str, tuple[list[str], list[GoldMention]]] = {}
    for file in files:
        for doc_id, text, tokens, tags, line_no in _uner_sentences(file):
            text = text or " ".join(tokens)
            spans = _align(text, tokens)
            if spans is None:
                raise ValueError(f"{file}:{line_no}: a token of the sentence is not in its '# text =' line")
            paragraphs, gold = grouped.setdefault(doc_id, ([], []))
            pos = sum(len(p) + 2 for p in paragraphs)
            for first, last, label in _iob2_mentions(tags):
                if label in ("PER", "ORG", "LOC"):
                    gold.append(GoldMention(doc_id, pos + spans[first][0], pos + spans[last][1], label))
            paragraphs.append(text)
    return [EvalDoc(doc_id, "\n\n".join(paragraphs), gold) for doc_id, (paragraphs, gold) in grouped.items()]


# -- command line ---------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis evaluate entities``."""
    parser.add_argument("path", type=Path, help="data folder or file (see --format)")
    parser.add_argument(
        "--format",
        choices=["gold", "meantime", "conll", "uner"],
        default="gold",
        dest="data_format",
        help="gold: the bundled data/gold YAML; meantime: a MEANTIME folder; conll: a CoNLL NER file; "
        "uner: a Universal NER .iob2 file or folder (default: gold)",
    )
    parser.add_argument("--method", default="rules", choices=["rules", "spacy", "nltk"], help="entity backend")
    parser.add_argument("--model", default=None, help="spaCy pipeline name for --method spacy")
    parser.add_argument("--aliases", type=Path, nargs="*", default=None, help="extra alias lexicon file(s)")
    parser.add_argument(
        "--event-aliases",
        type=Path,
        default=None,
        help="folder of <event>/aliases.yml event lexicons (gold: data/events beside the gold folder)",
    )


def report(result: dict[str, object], types: list[str]) -> str:
    """The printed table of an :func:`evaluate` result."""
    lines = []
    for mode in ("exact", "partial"):
        scores: Scores = result[mode]  # type: ignore[assignment]
        lines.append(f"{mode:8s} {'type':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s} {'pred':>6s}")
        for label in [*types, None]:
            p, r, f, n_gold, n_pred = scores.row(label)
            lines.append(f"{'':8s} {label or 'ALL':6s} {p:6.3f} {r:6.3f} {f:6.3f} {n_gold:6d} {n_pred:6d}")
    merged, total = result["chains"]  # type: ignore[misc]
    apart, pairs = result["pairs"]  # type: ignore[misc]
    ok, n = result["canonical"]  # type: ignore[misc]
    if total:
        lines.append(f"chains merged (one canonical name): {merged}/{total} = {merged / total:.3f}")
    if pairs:
        lines.append(f"chains apart (no shared canonical): {apart}/{pairs} = {apart / pairs:.3f}")
    if n:
        lines.append(f"canonical accuracy (exact-span matches): {ok}/{n} = {ok / n:.3f}")
    ok, n = result.get("canonical_event", (0, 0))  # type: ignore[misc]
    if n and result.get("canonical") != (0, 0):
        lines.append(f"canonical accuracy, event-level names: {ok}/{n} = {ok / n:.3f}")
    for key, what in (("crossdoc_article", "article-level names"), ("crossdoc_event", "event-level names")):
        score = result.get(key)
        if score and score["chains"]:  # type: ignore[index]
            lines.append(
                f"cross-document B-cubed, {what}: P {score['precision']:.3f} R {score['recall']:.3f} "  # type: ignore[index]
                f"F1 {score['f1']:.3f} ({score['chains']} chains in 2+ articles, {score['mentions']} mentions, "  # type: ignore[index]
                f"{score['found']} found)"  # type: ignore[index]
            )
    heads = result.get("person_heads") or {}
    if heads and heads["title"][1]:  # type: ignore[index]
        (nf, nt), (tf, tt) = heads["name"], heads["title"]  # type: ignore[index]
        lines.append(
            f"person recall, partial, by gold head: names {nf}/{nt} = {nf / max(nt, 1):.3f}; "
            f"job titles ('Apple CEO', 'the Prime Minister') {tf}/{tt} = {tf / tt:.3f}"
        )
    voted: dict[str, Scores] = result.get("event_labels") or {}  # type: ignore[assignment]
    for mode, scores in voted.items():
        cells = []
        for label in [*types, None]:
            p, r, f, _n_gold, _n_pred = scores.row(label)
            cells.append(f"{label or 'ALL'} {p:.3f}/{r:.3f}/{f:.3f}")
        lines.append(f"{mode}, event-level labels (P/R/F1): " + "  ".join(cells))
    words, seconds = result["words"], result["seconds"]
    if seconds:
        lines.append(f"{result['docs']} documents, {words} words, entity stage {words / seconds:,.0f} words/s")
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """Run the evaluation and print the table; returns the exit code."""
    from analysis.entities import EntityRecognizer

    recognizer = EntityRecognizer(args.method, aliases=args.aliases or None, model=args.model)
    if args.data_format == "gold":
        docs, type_map, types = read_gold(args.path), None, ["PERSON", "ORG", "GPE", "LOC", "NORP"]
    elif args.data_format == "meantime":
        docs, type_map, types = read_meantime(args.path), _TO_PER_ORG_LOC, ["PER", "ORG", "LOC"]
    elif args.data_format == "uner":
        docs, type_map, types = read_uner(args.path), _TO_PER_ORG_LOC, ["PER", "ORG", "LOC"]
    else:
        docs, type_map, types = read_conll(args.path), _TO_PER_ORG_LOC, ["PER", "ORG", "LOC"]
    result = evaluate(docs, recognizer, type_map)
    print(f"entities: format={args.data_format} method={args.method} path={args.path}")
    folder = getattr(args, "event_aliases", None)
    if folder is None and args.data_format == "gold":
        folder = Path(args.path).resolve().parent / "events"
    lexicons = {}
    if folder is not None and Path(folder).is_dir():
        from analysis.entities import event_lexicons

        lexicons = event_lexicons(folder)
    if lexicons:
        print("-- without the event lexicons --")
    print(report(result, types))
    if lexicons:
        base = list(args.aliases or [])
        recognizers = {
            event: EntityRecognizer(args.method, aliases=[*base, path], model=args.model)
            for event, path in lexicons.items()
        }
        with_lexicons = evaluate(docs, recognizer, type_map, recognizers=recognizers)
        print(f"-- with the event lexicons ({', '.join(sorted(lexicons))}) --")
        print(report(with_lexicons, types))
    return 0
