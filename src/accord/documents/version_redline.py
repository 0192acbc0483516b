"""The redline between two versions, as the exporters take it: one entry per link of the
engine's lineage (`accord.core.redline.compare_versions`), with its old and new numbers.

A split or merged provision is one entry whose numbers list every part ("12, 13"), compared
as the joined text of its parts, exactly as the engine compares it.
"""

from accord.core.provisions import Version
from accord.core.redline import RedlineEntry, compare_versions
from accord.documents.model import ProvisionRedline


def provision_redlines(old: Version, new: Version) -> tuple[ProvisionRedline, ...]:
    """Every provision of either version, in the new reading order, deleted ones where they
    stood; deleted words are never dropped."""
    return tuple(_entry(old, new, entry) for entry in compare_versions(old, new).entries)


def _entry(old: Version, new: Version, entry: RedlineEntry) -> ProvisionRedline:
    link = entry.link
    uid = link.new[0] if link.new else link.old[0]
    return ProvisionRedline(
        uid,
        entry.kind.value,
        ", ".join(link.new_labels),
        entry.marks,
        old_label=", ".join(link.old_labels),
        # A deleted sub-paragraph keeps the paragraph it stood under.
        parent=(new if link.new else old).provision(uid).parent,
    )
