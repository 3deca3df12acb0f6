"""Closed-class English and part-of-speech tag sets that the attribution rules share.

Word lists a researcher would argue with (reporting verbs, speaker nouns) are in
``data/lexicons/claims.yml``; these are the grammar words and tags that more than one of the
cue, speaker, content and quotation rules read (:mod:`analysis.claims.cues`,
:mod:`analysis.claims.contents`, :mod:`analysis.claims.noun_phrases`, ...).
"""

from __future__ import annotations

#: Cues whose object is the person addressed ("told reporters that").
ADDRESSEE_CUES = frozenset("told tells telling warned warns warning reminded reminds assured assures".split())
#: Words after a short quote that end the reported words ("he said 'no' and left").
CLAUSE_JOINERS = frozenset("and but or nor before after then while as when because so".split())
#: Words after which a finite verb continues the clause rather than opening a new one.
CLAUSE_LINKS = frozenset("and or but , that which who ; :".split())
#: Words that join the parts of one noun phrase ("a spokesman for the ministry of defence").
CONNECT = frozenset("of for at from in and by to on".split())
#: Words that end a noun phrase read leftwards (a relative pronoun or demonstrative before it).
NOT_NP = frozenset("that which who whom whose this these those there here what".split())
#: Part-of-speech tags of nouns, and of every word a noun phrase may hold.
NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())
NP_TAGS = frozenset("DT JJ JJR JJS NN NNS NNP NNPS POS PRP$ CD".split())
#: Words that make the clause after them a question or a condition, not a claim ("whether she knew").
QUESTION_LEADS = frozenset("whether if".split())
#: Quotation marks as the tokenizer writes them.
QUOTE_MARKS = frozenset("\" “ ” « » `` ''".split())
#: Tags of a clause's subject word (a noun or a pronoun).
SUBJECT_TAGS = frozenset("NN NNS NNP NNPS PRP".split())
#: Conjunctions that open a subordinate clause.
SUBORDINATORS = frozenset("after before since until when while once because if although though whether unless".split())
#: Words before a time word in an adverbial of time ("last week", "on Monday").
TIME_LEAD = frozenset("on last this earlier late early".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year day weekend "
    "morning evening night today yesterday".split()
)
#: Wh-words.
WH_WORDS = frozenset("what how why who when where which".split())
#: Finite forms of "be" and "have": after "said that" they make "that" the subject ("said that is wrong").
BE_HAVE = frozenset("is was are were has had have".split())

#: Words opening the outlet's clause of circumstance after an attribution ("Y, he said, as he left").
CIRCUMSTANCE = frozenset("as when while after before since although though whereas once until where amid".split())
