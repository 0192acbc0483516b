"""The few words an exported document says beyond its text.

The documents layer speaks no language of its own: callers that know the reader's language
(`accord.words.documents`) pass translated `Words`; the English defaults serve tests and tools.
"""

from dataclasses import dataclass
from datetime import date

from accord.core.proposals import Carried, Proposal
from accord.core.provisions import TitleBlock

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Words:
    united_nations: str = "United Nations"
    organ: str = "General Assembly"
    distribution: str = "Distr.: General"
    original: str = "Original: %(language)s"
    language: str = "English"
    on_behalf: str = "%(delegation)s, on behalf of %(group)s"
    cosponsored: str = "Co-sponsored by %(names)s"
    compilation: str = "Compilation of proposals"
    redline: str = "Changes from %(old)s to %(new)s"
    justification: str = "Justification: %(text)s"
    carried: str = "Made on %(version)s, on paragraph %(label)s; still open."
    inserted: str = "inserted"
    deleted: str = "deleted"
    no_proposals: str = "No proposals."
    footnotes: str = "Notes"
    bracketed: str = "Bracketed text"
    option: str = "Option"
    agenda_item: str = "Agenda item %(item)s"
    draft_resolution: str = "%(sponsors)s: draft resolution"
    last_of_list: str = "%(list)s and %(last)s"
    months: tuple[str, ...] = _MONTHS

    def masthead(self, block: TitleBlock | None) -> tuple[str, ...]:
        """A resolution's masthead lines: its body, session, agenda item and sponsors
        ("Brazil, Kenya and Singapore: draft resolution"); none for a report."""
        if block is None:
            return ()
        lines = [block.body, block.session]
        if block.agenda_item:
            lines.append(self.agenda_item % {"item": block.agenda_item})
        if block.sponsors:
            *first, last = block.sponsors
            names = self.last_of_list % {"list": ", ".join(first), "last": last} if first else last
            lines.append(self.draft_resolution % {"sponsors": names})
        return tuple(line for line in lines if line)

    def date(self, day: date) -> str:
        """A date as UN documents print it: 29 November 2026."""
        return f"{day.day} {self.months[day.month - 1]} {day.year}"

    def made_on(self, carried: Carried | None) -> str:
        """Where a proposal carried from an earlier version was made; empty for the others."""
        if carried is None:
            return ""
        return self.carried % {"version": carried.version_label, "label": carried.provision_label}

    def proponent(self, delegation: str, group: str | None) -> str:
        if group:
            return self.on_behalf % {"delegation": delegation, "group": group}
        return delegation

    def proposed_by(self, proposal: Proposal) -> str:
        """Who made ``proposal``: "Egypt", or "Egypt, on behalf of Arab Group"."""
        return self.proponent(proposal.proponent.delegation_name, proposal.proponent.group_name)

    def cosponsors(self, proposal: Proposal) -> str:
        """ "Co-sponsored by Brazil, Chile" for a proposal with co-sponsors; empty without."""
        if not proposal.cosponsors:
            return ""
        names = ", ".join(c.delegation_name for c in proposal.cosponsors)
        return self.cosponsored % {"names": names}


ENGLISH = Words()
