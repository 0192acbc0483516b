"""An adoption's outcome said in words: adopted, and how, or not adopted, and why."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from accord.store import models


def outcome_words(
    *,
    adopted: bool,
    method: str,
    objecting: Sequence[str] = (),
    vote: Mapping[str, Any] | None = None,
) -> str:
    """E.g. "Adopted by consensus", or "Not adopted — objection by Brazil, China"; a recorded
    vote reads with its tally (yes, no, abstain: "120-10-30" written with en dashes) and,
    when not carried, what it lacked. ``vote`` holds the counts: yes, no, abstentions,
    needed, quorum_needed and quorum_met."""
    if vote is not None:
        tally = "\N{EN DASH}".join(str(vote[k]) for k in ("yes", "no", "abstentions"))
        said = {"tally": tally, "needed": vote["needed"], "quorum": vote["quorum_needed"]}
        if adopted:
            return _("Adopted by a recorded vote of %(tally)s (yes, no, abstain)") % said
        if not vote["quorum_met"]:
            return (
                _(
                    "Not adopted — a recorded vote of %(tally)s (yes, no, abstain) without the "
                    "quorum of %(quorum)d members"
                )
                % said
            )
        return (
            _(
                "Not adopted — a recorded vote of %(tally)s (yes, no, abstain); %(needed)d yes "
                "votes were needed"
            )
            % said
        )
    if adopted:
        if method == "silence":
            return _("Adopted by silence procedure")
        return _("Adopted by consensus")
    if objecting:
        return _("Not adopted — objection by %(delegations)s") % {
            "delegations": ", ".join(objecting)
        }
    return _("Not adopted")


def vote_counts(vote: models.RecordedVote) -> dict[str, Any]:
    """The counts of a recorded vote as `outcome_words` reads them."""
    return {
        "yes": vote.yes,
        "no": vote.no,
        "abstentions": vote.abstentions,
        "needed": vote.needed,
        "quorum_needed": vote.quorum_needed,
        "quorum_met": vote.quorum_met,
    }


def adoption_words(adoption: models.Adoption, objecting: Sequence[str] = ()) -> str:
    """`outcome_words` for a stored adoption, ``objecting`` naming the members who objected."""
    return outcome_words(
        adopted=adoption.adopted,
        method=adoption.method,
        objecting=objecting,
        vote=vote_counts(adoption.vote) if adoption.method == "vote" else None,
    )
