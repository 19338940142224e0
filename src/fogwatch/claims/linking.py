"""Links between claims: which confirm, contradict or repeat which, with the evidence in words.

A `Statement` is a claim flattened to what comparing needs (its proposition's keys, its speaker's
origin, where and when it was published), built from a `Claim` here or from stored rows by the
store. `link(statements, fresh)` compares every pair that touches a fresh claim and could link
(`_candidates`: never all pairs of a long report):

- contradicts: a denial and the claims it answers without repeating them ("denied the report",
  "denied responsibility" next to an accusation; `claims.answers`); or same place, times within
  `WINDOW_DAYS`, and either the same predicate with opposite polarities ("captured" ↔ "denied …
  captured"), a pair of predicates the reviewed table in `data/claim_conflicts.yaml` says cannot
  both hold ("encircled" ↔ "can_supply"), or counts that cannot both hold, within
  `TOLL_WINDOW_DAYS`: tolls ("12 killed" ↔ "up to 180 killed") and shares of one place
  destroyed ("60-70% destroyed" ↔ "90% destroyed"); or, in one story, a party's harmless
  explanation of an incident (`explanations` in the table: "the detonation of stored
  ammunition") and another speaker's claim blaming that party for harm. Two voices of one party
  to the war are one account: their opposite polarities are a misread stance, their
  incompatible predicates one situation told twice ("the siege" and "supplies are dwindling")
  and their differing tolls an update, not a contradiction;
- confirms, by an independent source: a confirmation and the claims it answers without
  repeating them ("confirmed the report"; `claims.answers`); a confirm- or observe-class claim
  ("Reuters confirmed …", "footage shows …"), or one whose content verifies ("the video had been
  geolocated"), about the same fact (one predicate, place and moment; one day for an incident
  such as "struck"); a confirm-class or verifying claim about the same evidence object, the last
  one shown before it in the same article ("Reuters confirmed that the video was filmed …" → the
  bloggers' posted video; new footage is more evidence, not a check of the footage before); or
  the very toll another source gave ("5,000 killed" in the words of both sides);
- repeats: the same fact, or the same thing in other words (most of the distinctive words of
  the shorter content, at least three, not about two places; or, between two speakers of one
  side in one article, a word only those two claims use: "fog"), from the same origin or one
  party to the war (a republished story, a ministry and its spokesman) — never one or two
  common words.

Independence: two claims are independent only when both origins are known and differ, and they
do not sit in two copies of one story (the same near-duplicate cluster).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files

import yaml

from fogwatch.claims import sources
from fogwatch.claims.propositions import load_vocabulary
from fogwatch.records import Article, Claim, ClaimLink

CONFLICT_FILE = "claim_conflicts.yaml"
WINDOW_DAYS = 3
"""Two claims about a place are about the same moment when their days are this close."""
TOLL_WINDOW_DAYS = 1
"""Counts of the dead are compared only this close: tolls of different strikes differ."""
_TOLL_PREDICATES = frozenset({"killed", "wounded"})
_SHARE = "percent"
# Predicates whose share of a place is one figure: "the city is 90% destroyed".
_SHARE_PREDICATES = frozenset({"destroyed"})
_CONFIRMING = frozenset({"confirm", "observe"})
_EVIDENCE_PREDICATES = frozenset({"verified", "filmed"})
_NEIGHBOURS = 250
"""Inside one article, claims sharing a place or word are compared with this many next ones."""
_MIN_SHARED_KEYWORDS = 3
_SHARED_SHARE = 2 / 3
"""Of the shorter content's distinctive words, the share two wordings of one thing share."""
# Cues with no named source that the outlet itself vouches for: "reportedly", "footage shows".
_OUTLET_CUES = frozenset({"report", "observe", "hedge"})


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim with what linking and credibility need to know about it."""

    claim_id: str
    article_id: str
    position: int
    """The cue's offset, to order claims within an article."""
    published: dt.date
    publisher: str | None
    cluster: str
    """The article's near-duplicate cluster (its own id when it has no copies)."""
    speaker: str | None
    """The speaker's actor id; None when the source is unresolved or there is none."""
    speaker_side: str | None
    speaker_kind: str | None
    """The speaker's kind of actor ("government", "media" …), for judging an unlisted speaker."""
    source_kind: str
    """"actor" (a resolved speaker), "unresolved" (a named source fogwatch could not resolve), or
    "outlet" (no speaker, or only the evidence — "footage shows": the outlet vouches for it)."""
    cue_class: str
    stance: str
    predicate: str | None
    place: str | None
    place_name: str | None
    actor_side: str | None
    quantity: tuple[float, float] | None
    """The range of values the claim's count allows, from `toll_range`."""
    unit: str | None
    """What the count counts ("killed", "percent" …)."""
    time: dt.date | None
    polarity: bool
    modality: str
    object: str | None
    keywords: tuple[str, ...]
    answers: tuple[str, ...] = ()
    """The claims this denial answers without repeating them ("denied the report")."""
    near: bool = False
    """The place is a reference point ("near X"), not where the claim says things happened."""
    blames: str | None = None
    """The side the content holds responsible for harm ("a Russian missile was fired")."""

    @property
    def day(self) -> dt.date:
        return self.time or self.published

    @property
    def affirms(self) -> bool:
        """Whether the speaker holds the proposition true: its polarity, flipped by a denial."""
        return self.polarity != (self.stance == "deny")

    @property
    def origin(self) -> sources.Family | None:
        """Who answers for the claim; None when nobody can be named."""
        registry = sources.registry()
        if self.source_kind == "actor" and self.speaker is not None:
            return registry.of_actor(self.speaker, self.speaker_side, self.speaker_kind)
        if self.source_kind == "outlet":
            return registry.of_publisher(self.publisher)
        return None

    @property
    def confirming(self) -> bool:
        return self.cue_class in _CONFIRMING or self.predicate in _EVIDENCE_PREDICATES


def statement(claim: Claim, article: Article) -> Statement:
    """The statement of a claim made in `article`."""
    proposition = claim.proposition
    source_text = claim.source_span.of(article.text) if claim.source_span else ""
    if claim.source is not None:
        kind = "actor"
    elif _names_evidence(source_text) or (not source_text and claim.cue_class in _OUTLET_CUES):
        kind = "outlet"
    else:
        kind = "unresolved"
    quantity = proposition.quantity if proposition else None
    place = proposition.place if proposition else None
    return Statement(
        claim_id=claim.id,
        article_id=article.id,
        position=claim.cue_span.start,
        published=article.published,
        publisher=article.source,
        cluster=article.dup_cluster or article.id,
        speaker=claim.source.id if claim.source else None,
        speaker_side=claim.source.side if claim.source else None,
        speaker_kind=claim.source.kind if claim.source else None,
        source_kind=kind,
        cue_class=claim.cue_class,
        stance=claim.stance,
        predicate=proposition.predicate if proposition else None,
        place=place.key if place else None,
        place_name=place.name if place else None,
        actor_side=proposition.actor.side if proposition and proposition.actor else None,
        quantity=toll_range(quantity.low, quantity.best, quantity.high, quantity.hedge)
        if quantity
        else None,
        unit=quantity.unit if quantity else None,
        time=proposition.time if proposition else None,
        polarity=proposition.polarity if proposition else True,
        modality=proposition.modality if proposition else "asserted",
        object=proposition.object if proposition else None,
        keywords=proposition.keywords if proposition else (),
        answers=proposition.answers if proposition else (),
        near=proposition.near if proposition else False,
        blames=proposition.blames if proposition else None,
    )


def _names_evidence(source_text: str) -> bool:
    words = source_text.casefold().split()
    return bool(words) and words[-1] in _evidence_words()


@functools.cache
def _evidence_words() -> frozenset[str]:
    nouns = load_vocabulary().objects
    return frozenset(nouns) | frozenset(n + "s" for n in nouns)


@dataclass(frozen=True)
class _Conflicts:
    pairs: dict[frozenset[str], str]
    """Predicate pair → which actors it needs: "any", "same side" or "different sides"."""
    negatable: frozenset[str]
    generic: frozenset[str]
    explanations: frozenset[str] = frozenset()


@functools.cache
def _conflicts() -> _Conflicts:
    data = yaml.safe_load(files("fogwatch.data").joinpath(CONFLICT_FILE).read_text("utf-8"))
    pairs: dict[frozenset[str], str] = {}
    for entry in data["incompatible"]:
        first, second = entry["predicates"]
        actors = entry.get("actors", "any")
        if actors not in ("any", "same side", "different sides"):
            raise ValueError(
                f"{CONFLICT_FILE}: actors {actors!r} — use any, same side or different sides"
            )
        pairs[frozenset((first, second))] = actors
    return _Conflicts(
        pairs,
        frozenset(data["negatable"]),
        frozenset(data["generic_keywords"]),
        frozenset(data.get("explanations", ())),
    )


def independent(a: Statement, b: Statement) -> bool:
    """Whether `a` and `b` come from different origins and not from copies of one story."""
    origin_a, origin_b = a.origin, b.origin
    if origin_a is None or origin_b is None or origin_a.name == origin_b.name:
        return False
    return a.article_id == b.article_id or a.cluster != b.cluster


def link(statements: Sequence[Statement], fresh: Iterable[str] | None = None) -> list[ClaimLink]:
    """Every link between two of `statements` where at least one is in `fresh` (all if None)."""
    ordered = sorted(statements, key=_order)
    wanted = None if fresh is None else set(fresh)
    # a keyword only two claims of one article share says they are about one thing ("fog");
    # counted per article, so the answer does not depend on what else is stored yet
    users: dict[tuple[str, str], list[int]] = defaultdict(list)  # (article, word) → claims
    for i, s in enumerate(ordered):
        for k in set(s.keywords):
            users[(s.article_id, k)].append(i)
    rare = {key: members for key, members in users.items() if len(members) == 2}
    shown = _shown_before(ordered)
    links: dict[tuple[str, str, str], ClaimLink] = {}
    for i, j in sorted(_candidates(ordered, shown, rare)):
        first, second = ordered[i], ordered[j]
        if wanted is not None and first.claim_id not in wanted and second.claim_id not in wanted:
            continue
        if not comparable(first, second):
            continue
        found = _relate(first, second, shown, rare)
        if found is not None:
            links.setdefault((found.a, found.b, found.relation), found)
    return sorted(links.values(), key=lambda k: (k.relation, k.a, k.b))


def _candidates(
    ordered: Sequence[Statement],
    shown: Mapping[str, Statement],
    rare: Mapping[tuple[str, str], Sequence[int]],
) -> set[tuple[int, int]]:
    """The index pairs that can be linked at all, found without comparing every pair.

    Each rule names a condition every kind of link needs: an answer names what it answers;
    contradictions, confirmations of a fact or a toll and repeated facts need one place and
    moment; a harmless explanation stays in its story; a confirmation of shown evidence answers
    the last one shown; repeated words share a word only the two use in their article, or one
    of the rarest few of the shorter content's distinctive words (prefix filtering, as in
    set-similarity joins). Inside one article, claims sharing a place or word are compared with
    their `_NEIGHBOURS` nearest (sorted-neighbourhood blocking), so a long report costs linear
    time; across articles every such pair is compared."""
    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            pairs.add((min(i, j), max(i, j)))

    index = {s.claim_id: i for i, s in enumerate(ordered)}
    by_place: dict[str, list[int]] = defaultdict(list)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(ordered):
        for answered in s.answers:
            if answered in index:
                add(i, index[answered])
        if s.claim_id in shown:
            add(i, index[shown[s.claim_id].claim_id])
        if s.place is not None:
            by_place[s.place].append(i)
        by_article[s.article_id].append(i)
    for members in by_place.values():
        for i, j in _near_pairs(ordered, members):
            if abs((ordered[i].day - ordered[j].day).days) <= WINDOW_DAYS:
                add(i, j)
    explanations = _conflicts().explanations
    for members in by_article.values():
        for n, i in enumerate(members):
            if ordered[i].predicate in explanations:
                for j in members[max(0, n - _NEIGHBOURS) : n + _NEIGHBOURS + 1]:
                    add(i, j)
    for first, second in rare.values():
        add(first, second)
    _shared_word_candidates(ordered, add)
    return pairs


def _near_pairs(ordered: Sequence[Statement], members: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The pairs of `members` (indices in `ordered`, ascending) to compare: every pair from two
    articles, and within one article each with its `_NEIGHBOURS` next."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_article[ordered[i].article_id].append(i)
    groups = list(by_article.values())
    for group in groups:
        for n, i in enumerate(group):
            for j in group[n + 1 : n + 1 + _NEIGHBOURS]:
                yield i, j
    for first, second in itertools.combinations(groups, 2):
        yield from itertools.product(first, second)


def _shared_word_candidates(ordered: Sequence[Statement], add: Callable[[int, int], None]) -> None:
    """Pairs `_repetition` may call the same words for sharing most of the shorter content's
    distinctive words: at least one of its rarest few."""
    generic = _conflicts().generic
    words = [[k for k in s.keywords if k not in generic] for s in ordered]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, mine in enumerate(words):
        for k in mine:
            holders[k].append(i)
    probes: dict[str, list[int]] = defaultdict(list)
    for i, mine in enumerate(words):
        need = _MIN_SHARED_KEYWORDS
        while need < len(mine) and need < _SHARED_SHARE * len(mine):
            need += 1
        if len(mine) < need:
            continue
        for k in sorted(mine, key=lambda k: (len(holders[k]), k))[: len(mine) - need + 1]:
            probes[k].append(i)
    for k, probing in probes.items():
        probe = set(probing)
        for i, j in _near_pairs(ordered, sorted(probe | set(holders[k]))):
            if i in probe or j in probe:
                add(i, j)


def comparable(a: Statement, b: Statement) -> bool:
    """Whether two claims are compared at all: one article, one story, or one place and moment.

    The store fetches exactly these as candidates, so the links found never depend on which
    articles happened to be linked together.
    """
    if a.article_id == b.article_id or a.cluster == b.cluster:
        return True
    return a.place is not None and a.place == b.place and _same_moment(a, b)


def _order(s: Statement) -> tuple[dt.date, str, int]:
    return (s.published, s.article_id, s.position)


def _relate(
    earlier: Statement,
    later: Statement,
    shown: Mapping[str, Statement],
    rare: Mapping[tuple[str, str], Sequence[int]],
) -> ClaimLink | None:
    if earlier.claim_id == later.claim_id:
        return None
    for answer, answered in ((later, earlier), (earlier, later)):
        if answered.claim_id not in answer.answers:
            continue
        if answer.stance == "deny":
            return ClaimLink(
                answered.claim_id,
                answer.claim_id,
                "contradicts",
                f"{answer.speaker_side} denies what {answered.speaker_side} says",
            )
        if answer.confirming and independent(answer, answered):
            origin = answer.origin
            return ClaimLink(
                answer.claim_id,
                answered.claim_id,
                "confirms",
                f"{origin.name if origin else '?'} confirms what {answered.speaker_side} says",
            )
    contradiction = _contradiction(earlier, later) or _explained_otherwise(earlier, later)
    if contradiction is not None:
        return ClaimLink(earlier.claim_id, later.claim_id, "contradicts", contradiction)
    for confirmer, confirmed in ((later, earlier), (earlier, later)):
        evidence = _confirmation(confirmer, confirmed, shown)
        if evidence is not None:
            return ClaimLink(confirmer.claim_id, confirmed.claim_id, "confirms", evidence)
    repetition = _repetition(later, earlier, rare)
    if repetition is not None:
        return ClaimLink(later.claim_id, earlier.claim_id, "repeats", repetition)
    return None


def _same_moment(a: Statement, b: Statement) -> bool:
    return abs((a.day - b.day).days) <= WINDOW_DAYS


def _sides_agree(a: Statement, b: Statement) -> bool:
    return a.actor_side is None or b.actor_side is None or a.actor_side == b.actor_side


def _where(a: Statement) -> str:
    return f" at {a.place_name}" if a.place_name else ""


def _contradiction(a: Statement, b: Statement) -> str | None:
    if a.modality != "asserted" or b.modality != "asserted":
        return None  # "would open the way", "will fall" cannot clash with what happened
    if a.place is None or a.place != b.place or a.near or b.near or not _same_moment(a, b):
        return None  # "repelled assaults near Bakhmut" says nothing of who holds Bakhmut
    if a.predicate is None or b.predicate is None:
        return None
    conflicts = _conflicts()
    if (
        a.predicate == b.predicate
        and a.predicate in conflicts.negatable
        and a.affirms != b.affirms
        and _sides_agree(a, b)
        and not _one_party(a, b)  # a premier's "not fallen" and his army's "disinformation"
    ):
        return f"{_said(a)} ↔ {_said(b)}{_where(a)}"
    if not (a.affirms and b.affirms):
        return None
    needs = conflicts.pairs.get(frozenset((a.predicate, b.predicate)))
    if needs is not None and _actors_fit(a, b, needs) and not _one_party(a, b):
        return f"{a.predicate} ↔ {b.predicate}{_where(a)}"
    if (
        a.quantity is not None
        and b.quantity is not None
        and _one_count(a, b)
        and abs((a.day - b.day).days) <= TOLL_WINDOW_DAYS
        and _tolls_clash(a.quantity, b.quantity)
        and not _one_party(a, b)  # one side's tolls are updated, not contradicted
    ):
        return f"{a.predicate} {_figure(a.quantity, a.unit)} ↔ {_figure(b.quantity, b.unit)}{_where(a)}"
    return None


def _one_count(a: Statement, b: Statement) -> bool:
    """Whether two counts measure one thing: the toll of one predicate ("12 killed" ↔ "180
    killed"), or the share of one place destroyed ("60-70% destroyed" ↔ "90% destroyed")."""
    if a.predicate != b.predicate or (a.unit == _SHARE) != (b.unit == _SHARE):
        return False
    if a.unit == _SHARE:
        return a.predicate in _SHARE_PREDICATES
    return a.predicate in _TOLL_PREDICATES


def _explained_otherwise(a: Statement, b: Statement) -> str | None:
    """A party's harmless explanation of an incident ("the detonation of stored ammunition")
    against another speaker's claim, in the same story, that blames that party for harm."""
    if a.article_id != b.article_id or a.modality != "asserted" or b.modality != "asserted":
        return None
    if a.place is not None and b.place is not None and a.place != b.place:
        return None
    explanations = _conflicts().explanations
    for explainer, accuser in ((a, b), (b, a)):
        side = explainer.speaker_side
        if (
            explainer.predicate in explanations
            and explainer.affirms
            and side is not None
            and side not in sources.registry().non_party_sides
            and accuser.blames == side
            and accuser.affirms
            and accuser.speaker_side is not None
            and accuser.speaker_side != side
        ):
            return f"{accuser.speaker_side} blames {side}; {side} says {explainer.predicate}"
    return None


def _one_party(a: Statement, b: Statement) -> bool:
    """Whether both speak for one party to the war: their words are read as one account."""
    side = a.speaker_side
    return (
        side is not None
        and side == b.speaker_side
        and side not in sources.registry().non_party_sides
    )


def _actors_fit(a: Statement, b: Statement, needs: str) -> bool:
    if needs == "any":
        return True
    if a.actor_side is None or b.actor_side is None:
        return False
    return (a.actor_side == b.actor_side) == (needs == "same side")


def toll_range(low: float, best: float, high: float, hedge: str) -> tuple[float, float]:
    """The values a reported count allows: "at least 5" → 5 and up; "up to 180" → 90–180 (a
    source saying "up to" means a figure near it); "about 150" → 120–180; "12" → 12."""
    if hedge in ("at least", "more than"):
        return (best, math.inf)
    if hedge in ("up to", "less than"):
        return (high / 2, high)
    if hedge == "between":
        return (low, high)
    if hedge:
        return (best * 0.8, best * 1.2)
    return (best, best)


def _tolls_clash(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _figure(allowed: tuple[float, float], unit: str | None = None) -> str:
    low, high = allowed
    sign = "%" if unit == _SHARE else ""
    if low == high:
        return f"{low:g}{sign}"
    return f"{low:g}{sign}+" if math.isinf(high) else f"{low:g}–{high:g}{sign}"


def _said(s: Statement) -> str:
    return f"{s.predicate}" if s.affirms else f"not {s.predicate}"


def _confirmation(
    confirmer: Statement, confirmed: Statement, shown: Mapping[str, Statement]
) -> str | None:
    if not confirmer.affirms or confirmer.modality != "asserted":
        return None
    if not independent(confirmer, confirmed):
        return None
    origin = confirmer.origin
    who = origin.name if origin else "?"
    if not confirmer.confirming:
        return _same_count(confirmer, confirmed, who)
    if confirmer.object is not None and confirmed.cue_class == "observe":
        # new footage is more evidence, not a check of the footage before it
        if confirmer.cue_class == "observe" and confirmer.predicate not in _EVIDENCE_PREDICATES:
            return None
        last = shown.get(confirmer.claim_id)
        if last is not None and last.claim_id == confirmed.claim_id:
            return f"{who} confirms the {confirmer.object}{_where(confirmer) or _where(confirmed)}"
        return None
    if (
        confirmer.predicate is not None
        and confirmer.predicate not in _EVIDENCE_PREDICATES
        and confirmer.predicate == confirmed.predicate
        and _same_fact(confirmer, confirmed)
    ):
        return f"{who} confirms {confirmer.predicate}{_where(confirmer)}"
    return None


def _same_fact(a: Statement, b: Statement) -> bool:
    """Whether two affirmed claims of one predicate can be about one fact: one place, one
    moment — one day for an incident ("struck", "killed"): strikes days apart are other strikes."""
    if a.place is None or a.place != b.place or a.near or b.near:
        return False
    if not (a.affirms and b.affirms) or not _sides_agree(a, b):
        return False
    if a.predicate in load_vocabulary().harm_predicates:
        return abs((a.day - b.day).days) <= TOLL_WINDOW_DAYS
    return _same_moment(a, b)


def _same_count(confirmer: Statement, confirmed: Statement, who: str) -> str | None:
    """An independent source giving the very toll another gave ("5,000 killed" in the words of
    both sides) confirms it; a toll that merely fits ("at least 5" and "12") does not."""
    if (
        confirmer.predicate in _TOLL_PREDICATES
        and confirmer.predicate == confirmed.predicate
        and confirmer.quantity is not None
        and confirmer.quantity == confirmed.quantity
        and confirmer.quantity[0] > 0
        and not math.isinf(confirmer.quantity[1])
        and confirmer.unit != _SHARE
        and confirmed.unit != _SHARE
        and confirmed.modality == "asserted"
        and _same_fact(confirmer, confirmed)
    ):
        figure = _figure(confirmer.quantity)
        return f"{who} gives the same toll: {confirmer.predicate} {figure}{_where(confirmer)}"
    return None


def _shown_before(ordered: Sequence[Statement]) -> dict[str, Statement]:
    """For each claim naming an evidence object, the evidence a definite "the video" refers to:
    the last observation of that object before it in the same article."""
    last: dict[tuple[str, str], Statement] = {}
    found: dict[str, Statement] = {}
    for s in sorted(ordered, key=lambda s: (s.article_id, s.position)):
        if s.object is None:
            continue
        earlier = last.get((s.article_id, s.object))
        if earlier is not None and earlier.position < s.position:
            found[s.claim_id] = earlier
        if s.cue_class == "observe":
            last[(s.article_id, s.object)] = s
    return found


def _speaking_for(s: Statement) -> str | None:
    """The actor a speaker speaks for: the person's actor for a person (`UKR.government/…`)."""
    return s.speaker.partition(sources.PERSON_SEPARATOR)[0] if s.speaker else None


def _repetition(
    later: Statement, earlier: Statement, rare: Mapping[tuple[str, str], Sequence[int]]
) -> str | None:
    same_origin = later.cluster == earlier.cluster and later.article_id != earlier.article_id
    if not same_origin:
        origin_a, origin_b = later.origin, earlier.origin
        same_origin = (
            origin_a is not None and origin_b is not None and origin_a.name == origin_b.name
        )
    same_side = _one_party(later, earlier)
    if not (same_origin or same_side) or not _same_moment(later, earlier):
        return None
    if (
        _speaking_for(later) == _speaking_for(earlier)
        and later.article_id == earlier.article_id
        and later.speaker is not None
    ):
        return None  # one speaker going on in one article is not a repetition
    if (
        later.predicate is not None
        and later.predicate == earlier.predicate
        and later.affirms == earlier.affirms
        and (
            _same_fact(later, earlier)
            or (not later.affirms and later.place is not None and later.place == earlier.place)
        )
    ):
        return f"{_said(later)}{_where(later)} again"
    generic = _conflicts().generic
    mine = [k for k in later.keywords if k not in generic]
    theirs = [k for k in earlier.keywords if k not in generic]
    shared = [k for k in mine if k in theirs]
    # the same thing in other words shares most of its content words, not one or two of many
    fewer = min(len(mine), len(theirs))
    # one word only these two claims of the article use, between two speakers of one side
    rare_here = (
        same_side
        and later.article_id == earlier.article_id
        and any((later.article_id, k) in rare for k in shared)
    )
    # the same words about two places are two reports ("converted a hospital" in two towns)
    elsewhere = (
        later.place is not None and earlier.place is not None and later.place != earlier.place
    )
    enough = (
        len(shared) >= _MIN_SHARED_KEYWORDS
        and len(shared) >= _SHARED_SHARE * fewer
        and not elsewhere
    )
    if (enough or rare_here) and later.affirms == earlier.affirms:
        return "same words: " + ", ".join(shared)
    return None
