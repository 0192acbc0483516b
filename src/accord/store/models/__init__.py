"""Thin models, one module per area. Rules live in `accord.core`; writes go through
`accord.actions`. Every model is importable from here (``models.Proposal``)."""

from accord.store.models.accounts import ApiToken, DeskVisit, Profile
from accord.store.models.corpus import CorpusEntry
from accord.store.models.decisions import (
    ADOPTION_METHODS,
    Adoption,
    ExplanationOfPosition,
    RecordedVote,
)
from accord.store.models.documents import Document, Provision, Version
from accord.store.models.language_versions import LanguageVersion, SummaryEntryTranslation
from accord.store.models.positions import Position, StatusMark
from accord.store.models.processes import (
    ROLE_LABELS,
    Accreditation,
    Participation,
    Process,
    StakeholderObjection,
    StakeholderRequest,
)
from accord.store.models.proposals import CoSponsorship, Proposal, ProposalFate
from accord.store.models.record import (
    ChainHead,
    Checkpoint,
    Cosignature,
    Event,
    EventQuerySet,
    EventsAreAppendOnly,
    RecordTile,
    TreeHead,
    Witness,
)
from accord.store.models.reference import Delegation, Group
from accord.store.models.silence import SilenceBreak, SilenceProcedure
from accord.store.models.statements import ChairSummary, ChairSummaryEntry, Statement
from accord.store.models.workspace import ExportJob, WorkingDraft

__all__ = [
    "ADOPTION_METHODS",
    "ROLE_LABELS",
    "Accreditation",
    "Adoption",
    "ApiToken",
    "ChainHead",
    "ChairSummary",
    "ChairSummaryEntry",
    "Checkpoint",
    "CoSponsorship",
    "CorpusEntry",
    "Cosignature",
    "Delegation",
    "DeskVisit",
    "Document",
    "Event",
    "EventQuerySet",
    "EventsAreAppendOnly",
    "ExplanationOfPosition",
    "ExportJob",
    "Group",
    "LanguageVersion",
    "Participation",
    "Position",
    "Process",
    "Profile",
    "Proposal",
    "ProposalFate",
    "Provision",
    "RecordTile",
    "RecordedVote",
    "SilenceBreak",
    "SilenceProcedure",
    "StakeholderObjection",
    "StakeholderRequest",
    "Statement",
    "StatusMark",
    "SummaryEntryTranslation",
    "TreeHead",
    "Version",
    "Witness",
    "WorkingDraft",
]
