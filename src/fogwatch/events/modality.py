"""Whether a trigger's event is said to have happened, from the words above it.

"would"/"could"/"threatens to"/"proposals for" are hypothetical, "will"/"plans to" future,
"not"/"denied that"/"rejected"/"instead of" negated (cues in `data/event_triggers.yaml`,
`modality`). The climb stops at the trigger's own clause, after reading what its governor says
of the whole clause ("denied that …", "hopes that …"). An asserted event whose own date ends a
month or more before publication is historical; `events.clause` decides that once it has the date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.events import syntax
from fogwatch.events.lexicon import TERRITORY_FRAMES, TriggerEntry
from fogwatch.records import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading

_NOMINAL_DEPS = frozenset({"csubj", "csubjpass", "pcomp", "pobj", "dobj", "nsubj", "appos"})
"""Where a gerund names an activity ("Capturing it would …") rather than reports one."""


def find(reading: Reading, token: Token, entry: TriggerEntry) -> Modality:
    """The modality of the trigger's event: negated, hypothetical, future or asserted."""
    lexicon = reading.lexicon
    negated = hypothetical = future = past_mark = False
    node = token
    previous: Token | None = None
    for _ in range(syntax.MAX_CLIMB):
        for child in node.children:
            word = child.lower_
            dep = child.dep_
            if dep == "neg" or (dep == "det" and word in lexicon.negations):
                negated = True
            elif dep in ("aux", "auxpass") and child.tag_ == "MD":
                if word in lexicon.future_modals or child.lemma_.lower() in lexicon.future_modals:
                    future = True
                elif word in lexicon.hypothetical_modals:
                    hypothetical = True
            elif dep == "mark" and word in lexicon.conditional_marks:
                hypothetical = True
            elif dep in ("mark", "prep") and word in lexicon.past_marks:
                past_mark = True
            elif dep == "advmod" and word in lexicon.negating_words:
                negated = True  # "instead of attacking", "rather than storming"
            elif dep == "amod" and node.pos_ in syntax.NOUNS:
                # the trigger's noun phrase: "a possible offensive", "the planned assault"
                modifier = child.lemma_.lower()
                if modifier in lexicon.future_adjectives or word in lexicon.future_adjectives:
                    future = True
                elif modifier in lexicon.hypothetical_adjectives:
                    hypothetical = True
        if _objective(node) or _after_goal_colon(reading, node):
            hypothetical = True  # "(Russian objective: Capture Donetsk Oblast)"
        if node.dep_ == "acl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            hypothetical = True  # "enough missiles to conduct attacks", "a bid to capture"
        if node is not token:
            lemma = node.lemma_.lower()
            adjective = node.pos_ == "ADJ"
            if (
                lemma in lexicon.negating_verbs
                or node.lower_ in lexicon.negating_words
                or (adjective and lemma in lexicon.negating_adjectives)
            ):
                negated = True
            elif (
                node.pos_ in syntax.VERBS and lemma in lexicon.future_verbs and previous is not None
            ):
                future = future or previous.dep_ == "xcomp"
            elif (
                (node.pos_ in syntax.VERBS and lemma in lexicon.hypothetical_verbs)
                or (node.pos_ in syntax.NOUNS and lemma in lexicon.hypothetical_nouns)
                or (adjective and lemma in lexicon.hypothetical_adjectives)
            ):
                hypothetical = True
            elif node.dep_ == "prep" and node.lower_ in lexicon.past_marks:
                past_mark = True
        own_clause = syntax.is_clause(node) and (
            node is not token or syntax.has_subject(node) or node.dep_ == "ROOT"
        )
        if own_clause:
            # what is said of a whole clause: "denied that …", "hopes that …"
            if node.dep_ == "ccomp":
                governor = node.head.lemma_.lower()
                if governor in lexicon.negating_verbs:
                    negated = True
                elif governor in lexicon.hypothetical_verbs:
                    hypothetical = True
            break
        if node.head.i == node.i:
            break
        if syntax.pos(token) == "NOUN" and _background(reading, node):
            break  # "in the wake of a missile attack", "after the shelling": it happened
        previous, node = node, node.head
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    purpose = token.dep_ in ("advcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
    if entry.frame in TERRITORY_FRAMES and purpose:
        hypothetical = True  # "counterattacks to regain lost positions": an aim
    nominal = token.dep_ in _NOMINAL_DEPS and not progressive
    if entry.frame in TERRITORY_FRAMES and token.tag_ == "VBG" and nominal and not past_mark:
        hypothetical = True  # "Capturing it would …", "the aim of taking the city"
    if _ahead_in_time_clause(token):
        future = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "asserted"


_TIME_MARKS = frozenset({"after", "once", "when", "until", "before", "till"})


def _ahead_in_time_clause(token: Token) -> bool:
    """ "after Russian forces take Mariupol", "once they capture it": a present-tense verb in a
    time clause tells what is expected, not what happened."""
    return (
        token.tag_ in ("VBP", "VBZ")
        and token.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ in _TIME_MARKS for child in token.children)
    )


def in_background(reading: Reading, token: Token) -> bool:
    """Whether a noun trigger is told as the background of its clause ("strikes, likely in
    response to recent counterattacks", "amid shelling"): an earlier or ongoing incident, not
    the one the clause reports."""
    if syntax.pos(token) != "NOUN":
        return False
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if syntax.is_clause(node):
            return False
        if _background(reading, node):
            return True
        if node.head.i == node.i:
            return False  # the root of a verbless sentence (spaCy's root is its own head)
        node = node.head
    return False


_BACKGROUND_MARKS = frozenset({"after", "since", "following", "before", "as", "while", "amid"})
"""Words that make a clause or phrase the time or setting of another ("a day after police
arrested …", "as forces battle …")."""


def told_as_background(reading: Reading, token: Token) -> bool:
    """Whether the trigger's event is told as the time or setting of another event of its
    sentence: a background noun (`in_background`), or an adverbial clause or phrase of time
    ("A day after police arrested protesters, the council said its members were abducted";
    "after the capture of X"). Whether it happened is `find`'s question; this one is which
    event the sentence reports."""
    if in_background(reading, token):
        return True
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.dep_ == "advcl" and any(
            child.dep_ == "mark" and child.lower_ in _BACKGROUND_MARKS for child in node.children
        ):
            return True
        if node.dep_ == "prep" and node.lower_ in _BACKGROUND_MARKS:
            return True
        if syntax.is_clause(node) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _background(reading: Reading, node: Token) -> bool:
    """A preposition that gives a clause its past cause or time ("following", "since", "amid",
    "in the wake of", "in response to"): a noun event under it is presupposed to have happened
    ("after" is not: "will withdraw after the capture of X" can be ahead)."""
    lexicon = reading.lexicon
    if node.dep_ == "prep" and node.lower_ in lexicon.background_words:
        return True
    return (
        node.pos_ in syntax.NOUNS
        and node.lemma_.lower() in lexicon.background_words
        and node.head.dep_ == "prep"
    )


def _objective(token: Token) -> bool:
    """A bare base-form verb heading its sentence: a goal or a headline, not a report."""
    if token.tag_ != "VB" or token.dep_ not in ("ROOT", "appos", "dep"):
        return False
    return not any(child.dep_ in ("aux", "auxpass", *syntax.SUBJECTS) for child in token.children)


def _after_goal_colon(reading: Reading, token: Token) -> bool:
    """ "objective: capture …", "main goal on the eastern front: taking …"."""
    start, _ = reading.sentence_bounds(token.i)
    tokens = reading.tokens
    for i in range(token.i - 1, max(start, token.i - 3) - 1, -1):
        if tokens[i].text == ":":
            before = tokens[max(start, i - 6) : i]
            return any(t.lemma_.lower() in reading.lexicon.hypothetical_nouns for t in before)
    return False
