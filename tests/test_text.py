"""Sentences, words and tags: golden splits on tricky news sentences, offset properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import ngrams, normalize, paragraphs, process, sentence_spans, stopwords, word_spans

# Each case: the paragraph and the sentences a careful reader splits it into.
GOLDEN_SPLITS = [
    ("Mr. Smith arrived at noon. He left at two.", ["Mr. Smith arrived at noon.", "He left at two."]),
    (
        "Mr Rudskoi said the mission was over. Nobody objected.",
        ["Mr Rudskoi said the mission was over.", "Nobody objected."],
    ),
    (
        "Gen. Staff officers met on Monday. Lt. Col. Ivanov chaired.",
        ["Gen. Staff officers met on Monday.", "Lt. Col. Ivanov chaired."],
    ),
    (
        "The U.S. military said it would stop. The U.K. agreed.",
        ["The U.S. military said it would stop.", "The U.K. agreed."],
    ),
    ("He moved to the U.S. The next day he left.", ["He moved to the U.S.", "The next day he left."]),
    (
        "Prices rose 3.5 percent in Nov. last year. Analysts were surprised.",
        ["Prices rose 3.5 percent in Nov. last year.", "Analysts were surprised."],
    ),
    (
        "Dr. Jane K. Rowe, a U.N. envoy, spoke first. She was brief.",
        ["Dr. Jane K. Rowe, a U.N. envoy, spoke first.", "She was brief."],
    ),
    ("Acme Inc. shares fell. Beta Corp. shares rose.", ["Acme Inc. shares fell.", "Beta Corp. shares rose."]),
    (
        '"We have won. The war is over," the general said. Reporters left.',
        ['"We have won.', 'The war is over," the general said.', "Reporters left."],
    ),
    (
        '"The territory of Syria has been completely liberated from this terrorist group". The officer smiled.',
        [
            '"The territory of Syria has been completely liberated from this terrorist group".',
            "The officer smiled.",
        ],
    ),
    (
        "“It is over,” he said. “We won.” Then he left.",
        ["“It is over,” he said.", "“We won.”", "Then he left."],
    ),
    ('"Is it over?" he asked. Nobody answered.', ['"Is it over?" he asked.', "Nobody answered."]),
    # a quoted question, then its attribution by name: one sentence; a quoted question, then prose: two
    (
        "“How long must we wait?” Ana Varga asked on Monday. “We need an answer.”",
        ["“How long must we wait?” Ana Varga asked on Monday.", "“We need an answer.”"],
    ),
    (
        "“Why?” The council met on Monday to decide what to do next about the dam.",
        ["“Why?”", "The council met on Monday to decide what to do next about the dam."],
    ),
    # an initialism with periods that no list holds does not end a sentence before a lower-case word
    (
        "It is because the S.E.C. has been vague. Agents of the F.B.I. said so.",
        ["It is because the S.E.C. has been vague.", "Agents of the F.B.I. said so."],
    ),
    ("He filed with the I.R.S. The audit began.", ["He filed with the I.R.S.", "The audit began."]),
    # initials, party-state tags and an abbreviation after an opening quote do not end a sentence
    (
        "“It is a sad day,” said Rep. T.J. Marrow (D-N.C.), who chairs the panel. “Mr. Speaker, no.”",
        ["“It is a sad day,” said Rep. T.J. Marrow (D-N.C.), who chairs the panel.", "“Mr. Speaker, no.”"],
    ),
    ("Growth was 3.5. Prices fell.", ["Growth was 3.5.", "Prices fell."]),
    (
        "He hesitated... then he spoke. The room fell silent.",
        ["He hesitated... then he spoke.", "The room fell silent."],
    ),
    (
        "The vote was 52.4 per cent. Turnout was 61.2 per cent.",
        ["The vote was 52.4 per cent.", "Turnout was 61.2 per cent."],
    ),
    ("It cost $1.5 million. That is a lot.", ["It cost $1.5 million.", "That is a lot."]),
    (
        "He met Sen. Harris and Gov. Lee on Jan. 5. They talked.",
        ["He met Sen. Harris and Gov. Lee on Jan. 5.", "They talked."],
    ),
    (
        "The St. Louis office closed. Staff moved to No. 10 Main St. downtown.",
        ["The St. Louis office closed.", "Staff moved to No. 10 Main St. downtown."],
    ),
    (
        "The group, e.g. the militants, left. Others stayed.",
        ["The group, e.g. the militants, left.", "Others stayed."],
    ),
    (
        "She arrived at 5 p.m. on Friday. The talks began.",
        ["She arrived at 5 p.m. on Friday.", "The talks began."],
    ),
    ("Did the strikes stop? Officials would not say.", ["Did the strikes stop?", "Officials would not say."]),
    (
        "Stop the bombing! Protesters shouted for hours.",
        ["Stop the bombing!", "Protesters shouted for hours."],
    ),
    (
        "The Pres. of the council, Mrs. Ortiz, resigned. Her deputy took over.",
        ["The Pres. of the council, Mrs. Ortiz, resigned.", "Her deputy took over."],
    ),
    (
        "Capt. Reyes and Sgt. Bell were injured. Both survived.",
        ["Capt. Reyes and Sgt. Bell were injured.", "Both survived."],
    ),
    ("He said: 'We will return.' The crowd cheered.", ["He said: 'We will return.'", "The crowd cheered."]),
    (
        "Russia's Defense Ministry reported on Wednesday that Syria has been completely liberated. "
        "The ministry gave no details",
        [
            "Russia's Defense Ministry reported on Wednesday that Syria has been completely liberated.",
            "The ministry gave no details",
        ],
    ),
    (
        "Officials said 340,000 people have been killed. The figure is disputed.",
        ["Officials said 340,000 people have been killed.", "The figure is disputed."],
    ),
    (
        "The U.S.-backed forces advanced. They took the town.",
        ["The U.S.-backed forces advanced.", "They took the town."],
    ),
    (
        "Headline Without A Period\nFirst sentence of the body.",
        ["Headline Without A Period", "First sentence of the body."],
    ),
    (
        "A line wrapped at a fixed\nwidth stays one sentence.",
        ["A line wrapped at a fixed\nwidth stays one sentence."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_SPLITS)
def test_golden_sentence_splits(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


GOLDEN_TOKENS = [
    ("Russia's Defense Ministry reported.", ["Russia", "'s", "Defense", "Ministry", "reported", "."]),
    ('He said "it is over" today.', ["He", "said", '"', "it", "is", "over", '"', "today", "."]),
    ("“It’s over,” he said.", ["“", "It", "’s", "over", ",", "”", "he", "said", "."]),
    ("They fired 1,500 rounds at 3.5 km.", ["They", "fired", "1,500", "rounds", "at", "3.5", "km", "."]),
    ("Mr Rudskoi didn't say.", ["Mr", "Rudskoi", "did", "n't", "say", "."]),
    ("The U.S.-backed SDF won...", ["The", "U.S.-backed", "SDF", "won", "..."]),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_TOKENS)
def test_golden_tokens_and_offsets(text, expected):
    spans = word_spans(text)
    assert [text[a:b] for a, b in spans] == expected


def test_seed_article_sentences_and_debris(seed_text):
    doc = process(seed_text)
    kinds = [s.kind for s in doc.sentences]
    assert kinds[:2] == ["headline", "title_repeat"]
    assert kinds[-1] == "related" and doc.sentences[-1].text == "Related Articles"
    captions = [s.text for s in doc.sentences if s.kind == "caption"]
    assert len(captions) == 1 and captions[0].startswith("A handout picture taken on June 18, 2016")
    body = [s.text for s in doc.sentences if s.kind == "body"]
    assert len(body) == 12
    assert body[0].startswith("Russia's Defense Ministry reported on Wednesday")
    assert body[1] == '"The territory of Syria has been completely liberated from this terrorist group".'
    assert body[-1].startswith("More than 340,000 people have been killed")
    assert any(s.startswith("On Wednesday, Syrian forces") and s.endswith("Mr Rudskoi said.") for s in body)


def test_tags_are_penn_tags_from_pattern():
    doc = process("Russia's Defense Ministry reported on Wednesday that Syria has been liberated.")
    tags = {t.text: t.pos for t in doc.tokens}
    assert tags["Russia"] == "NNP" and tags["reported"] == "VBD" and tags["liberated"] == "VBN"
    assert tags["'s"] == "POS"


def test_paragraphs_split_lines_and_keep_offsets():
    text = "Title line\n\n  First para.\nSecond line.\r\n\nthird"
    assert [text[a:b] for a, b in paragraphs(text)] == ["Title line", "First para.", "Second line.", "third"]


def test_normal_forms_stopwords_and_ngrams():
    assert normalize("“Daesh’s”") == '"daesh\'s"'
    assert {"the", "of", "and"} <= stopwords() and "said" not in stopwords()
    assert ngrams(["a", "b", "c"], 2) == [("a", "b"), ("b", "c")]
    with pytest.raises(ValueError, match="at least 1"):
        ngrams(["a"], 0)


def test_empty_and_whitespace_text():
    assert process("").sentences == ()
    assert process(" \n\n \t").tokens == ()


news_alphabet = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + [
        " ",
        " ",
        " ",
        ".",
        ",",
        "\n",
        "\n\n",
        '"',
        "'",
        "“",
        "”",
        "’",
        "...",
        "Mr.",
        "U.S.",
        "(",
        ")",
        "-",
        "?",
        "!",
        "$",
        "%",
        "é",
        "ü",
        "Дамаск",
        "\t",
        "``",
        "''",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=120).map("".join))
def test_offsets_are_increasing_inside_and_exact(text):
    doc = process(text)
    previous_end = 0
    for sentence in doc.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
        for token in doc.sentence_tokens(sentence.index):
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start : token.end] == token.text
    starts = [t.start for t in doc.tokens]
    assert starts == sorted(starts)
    ends = [t.end for t in doc.tokens]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))
    # every non-space character belongs to a sentence
    covered = sum(len(s.text) for s in doc.sentences)
    assert covered >= len("".join(text.split()))


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=80).map("".join))
def test_recompiled_tokenizer_gives_nltks_own_tokens(text):
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.text.tokens import _word_tokenizer

    assert _word_tokenizer().tokenize(text) == NLTKWordTokenizer().tokenize(text)


def test_a_caption_fills_its_paragraph():
    text = (
        "Recount Goes On\n\nOfficials counted all night.\n\n"
        "Photo: Election workers recount ballots on Thursday. (Tarnesk Observer)\n\nThe count ended."
    )
    kinds = [(s.text, s.kind) for s in process(text).sentences]
    assert kinds == [
        ("Recount Goes On", "headline"),
        ("Officials counted all night.", "body"),
        ("Photo: Election workers recount ballots on Thursday.", "caption"),
        ("(Tarnesk Observer)", "caption"),
        ("The count ended.", "body"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "A handout picture taken on June 18, 2016 shows the minister.",
        "Photo: Riot police stand guard outside the commission.",
        "Picture: Smoke rises over the dye works (file photo)",
        "Read more",
        "Related Articles",
        "___.",  # the separator between the entries of a live report
        "* * *",
    ],
)
def test_debris_lines_are_recognised(line):
    text = f"Some Headline\n\nA body sentence here.\n\n{line}"
    assert process(text).sentences[-1].is_debris


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Russia",
                "russia",
                "The",
                "the",
                "strikes",
                "liberated",
                "IS",
                "Is",
                "is",
                "1,500",
                "well-known",
                "quickly",
                "'s",
                "n't",
                ".",
                ",",
                "Rudskoi",
                "daily",
                "organize",
                "Ø",
            ]
        ),
        max_size=25,
    )
)
def test_memoised_tags_equal_patterns_own(tokens):
    from textblob.en import parser

    from analysis.text import tag

    assert tag(tokens) == [t for _, t in parser.find_tags(list(tokens))]


def test_the_tag_memo_stays_bounded_and_tags_stay_patterns_own(monkeypatch):
    """A corpus keeps meeting new tokens (names, figures): the memo is emptied when full, never grows past
    its limit, and a token tagged again after that gets the same tag."""
    from textblob.en import parser

    from analysis.text import tag, tokens

    monkeypatch.setattr(tokens, "TAG_MEMO_LIMIT", 5)
    monkeypatch.setattr(tokens, "_LATER_TAGS", {})
    monkeypatch.setattr(tokens, "_FIRST_TAGS", {})
    sentence = ["Officials", "said", "1,204", "people", "left", "Dervin", "on", "Monday", "."]
    for figure in range(40):
        words = [sentence[0], *sentence[1:2], f"{figure * 37:,}", *sentence[3:]]
        assert tag(words) == [t for _, t in parser.find_tags(words)]
        assert len(tokens._LATER_TAGS) <= 5 and len(tokens._FIRST_TAGS) <= 5


@settings(max_examples=400, deadline=None)
@given(st.lists(news_alphabet, max_size=150).map("".join))
def test_batched_tokens_equal_nltk_sentence_by_sentence(text):
    from nltk.tokenize import NLTKWordTokenizer

    from analysis.text import sentence_word_spans

    spans = sentence_spans(text)
    nltk_tokenizer = NLTKWordTokenizer()
    for (start, end), batched in zip(spans, sentence_word_spans(text, spans), strict=True):
        piece = text[start:end].translate({0x2019: "'", 0x2018: "'"})
        expected = [(start + a, start + b) for a, b in nltk_tokenizer.span_tokenize(piece)]
        assert batched == expected


def test_batched_tokens_on_the_bundled_corpus(root):
    from analysis import load_corpus
    from analysis.text import sentence_word_spans

    for article in load_corpus(root / "data" / "events"):
        spans = sentence_spans(article.text)
        one_by_one = [word_spans(article.text, a, b) for a, b in spans]
        assert sentence_word_spans(article.text, spans) == one_by_one


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        (
            "MOSCOW, December 7 (Derzhava Daily) - The Russian Armed Forces have won.",
            "MOSCOW, December 7 (Derzhava Daily) - ",
        ),
        ("MOSCOW/BEIRUT, Dec 7 (Northwind Wire) - Russia said so.", "MOSCOW/BEIRUT, Dec 7 (Northwind Wire) - "),
        (
            "BELMARRO, Kestria, March 12 (Tideline Wire) – At least 23 died.",
            "BELMARRO, Kestria, March 12 (Tideline Wire) – ",
        ),
        ("ORVANTA - A recount began.", "ORVANTA - "),
        ("DEATH TRAP: Nearly 30 workers die", ""),
        ("The UN - and others - objected.", ""),
        ("US-backed forces advanced.", ""),
    ],
)
def test_dateline_length(sentence, dateline):
    from analysis.text import dateline_length

    assert sentence[: dateline_length(sentence)] == dateline


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=150).map("".join))
def test_recompiled_punkt_gives_punkts_own_sentences(text):
    from analysis.text.sentences import _punkt

    assert list(_punkt().span_tokenize(text)) == list(_punkt(False).span_tokenize(text))


def test_recompiled_punkt_on_the_bundled_corpus(root):
    from analysis import load_corpus
    from analysis.text.sentences import _punkt

    fast, plain = _punkt(), _punkt(False)
    assert type(fast._lang_vars._re_word_tokenizer).__module__ == "re"
    for article in load_corpus(root / "data" / "events"):
        for a, b in paragraphs(article.text):
            assert list(fast.span_tokenize(article.text[a:b])) == list(plain.span_tokenize(article.text[a:b]))


def test_two_apostrophes_standing_for_a_double_quote_are_paired():
    from analysis.text import find_quotes

    text = "Ms. Varn said the plan ''will not work,'' and added: ''We warned them.'' It isn't over."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["''will not work,''", "''We warned them.''"]
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["will not work,", "We warned them."]
    # one apostrophe is never a quote mark
    assert find_quotes("The workers' union said it isn't over.") == []
