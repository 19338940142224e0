"""Admiralty-style judgments of claims: source reliability A–F, information credibility 1–6, a
status, and the one-line reason for them.

Source reliability comes from `data/sources.yaml`. Information credibility comes from the links:

| credibility | status    | when                                                                    |
|-------------|-----------|-------------------------------------------------------------------------|
| 1 confirmed | confirmed | an independent source confirms it and nothing contradicts it            |
| 2 probably  | confirmed | confirmed, though something contradicts it                              |
| 2 probably  | claimed   | an admission against interest: a side reporting its own losses/retreat |
| 3 possibly  | claimed   | no links, a source rated A–C                                            |
| 4 doubtful  | contested | contradicted, and neither side confirmed                                |
| 5 improbable| refuted   | contradicted by a confirmed claim                                       |
| 6 cannot be judged | claimed | no links and no source, or a source rated D–F                      |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from fogwatch.claims.linking import Statement
from fogwatch.records import Assessment, ClaimLink, ClaimStatus, Reliability

# Predicates that cost the side whose actors they are about: reported by that side, they are
# admissions against interest and count toward credibility.
_COSTLY = frozenset({"withdrew", "killed", "wounded", "encircled"})
_RELIABLE = frozenset({"A", "B", "C"})


def assess(statements: Sequence[Statement], links: Iterable[ClaimLink]) -> dict[str, Assessment]:
    """An assessment for every statement, judged on `links` among `statements` (and others)."""
    by_id = {s.claim_id: s for s in statements}
    confirmed_by: dict[str, list[str]] = {}
    contradicted_by: dict[str, list[str]] = {}
    for link in links:
        if link.relation == "confirms":
            confirmed_by.setdefault(link.b, []).append(link.a)
        elif link.relation == "contradicts":
            contradicted_by.setdefault(link.a, []).append(link.b)
            contradicted_by.setdefault(link.b, []).append(link.a)
    confirmed = {claim for claim, by in confirmed_by.items() if by}
    return {
        s.claim_id: _judge(s, by_id, confirmed_by, contradicted_by, confirmed) for s in statements
    }


def _judge(
    statement: Statement,
    by_id: Mapping[str, Statement],
    confirmed_by: Mapping[str, list[str]],
    contradicted_by: Mapping[str, list[str]],
    confirmed: set[str],
) -> Assessment:
    reliability, source = _reliability(statement)
    confirmers = confirmed_by.get(statement.claim_id, [])
    opponents = contradicted_by.get(statement.claim_id, [])
    is_confirmed = bool(confirmers)
    status: ClaimStatus
    if opponents and not is_confirmed and any(o in confirmed for o in opponents):
        winner = next(o for o in opponents if o in confirmed)
        status, credibility = "refuted", 5
        reason = f"contradicted by a confirmed claim{_by(by_id, winner)}"
    elif is_confirmed:
        status, credibility = "confirmed", 2 if opponents else 1
        reason = f"confirmed{_by(by_id, confirmers[0])}"
        if opponents:
            reason += f", though contradicted{_by(by_id, opponents[0])}"
    elif opponents:
        status, credibility = "contested", 4
        reason = f"contradicted{_by(by_id, opponents[0])}; no independent confirmation"
    elif _admission(statement):
        status, credibility = "claimed", 2
        reason = f"admission against interest: {statement.speaker_side} reports its own side {statement.predicate}"
    elif reliability in _RELIABLE and statement.origin is not None:
        status, credibility = "claimed", 3
        reason = f"{source} (reliability {reliability}); not confirmed or contradicted yet"
    else:
        status, credibility = "claimed", 6
        reason = f"{source}; not confirmed or contradicted — cannot be judged yet"
    return Assessment(statement.claim_id, reliability, credibility, status, reason)


def _reliability(statement: Statement) -> tuple[Reliability, str]:
    origin = statement.origin
    if origin is None:
        return "F", "unresolved source"
    return origin.reliability, origin.name.replace("_", " ")


def _admission(statement: Statement) -> bool:
    return (
        statement.affirms
        and statement.predicate in _COSTLY
        and statement.speaker_side is not None
        and statement.speaker_side == statement.actor_side
    )


def _by(by_id: Mapping[str, Statement], claim_id: str) -> str:
    other = by_id.get(claim_id)
    if other is None:
        return f" by claim {claim_id}"
    origin = other.origin
    who = origin.name.replace("_", " ") if origin is not None else "an unresolved source"
    return f" by {who} (claim {claim_id}, {other.published.isoformat()})"
