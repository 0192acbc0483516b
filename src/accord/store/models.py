"""Thin models. Rules live in `accord.core`; writes go through `accord.actions`."""

from enum import StrEnum

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.checker.corpus import SourceStatus
from accord.core.decisions import DecisionRule, StakeholderModality
from accord.core.participants import ParticipantKind, Role
from accord.core.proposals import ProposalStatus
from accord.core.provisions import ProvisionKind
from accord.core.silence import ProposalsUnderSilence, SilenceState

ROLE_LABELS = {
    Role.CHAIR: _("Chair"),
    Role.SECRETARIAT: _("Secretariat"),
    Role.BUREAU: _("Member of the Bureau"),
    Role.DELEGATE: _("Delegate"),
    Role.OBSERVER: _("Observer"),
    Role.STAKEHOLDER: _("Stakeholder"),
    Role.PUBLIC: _("Public"),
}


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


class Delegation(models.Model):
    """A state or organisation that takes part in processes (reference data)."""

    class Kind(models.TextChoices):
        MEMBER_STATE = "member-state"
        OBSERVER_STATE = "observer-state"
        OBSERVER_ORGANISATION = "observer-organisation"
        STAKEHOLDER = "stakeholder"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    regional_group = models.ForeignKey(
        "Group", null=True, blank=True, on_delete=models.PROTECT, related_name="regional_members"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    """A coalition that may speak on behalf of its members (regional group, EU, ...)."""

    class Kind(models.TextChoices):
        REGIONAL = "regional"
        POLITICAL = "political"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    members = models.ManyToManyField(Delegation, related_name="groups", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Process(models.Model):
    """One negotiating body and mandate, with its rules of procedure."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    is_public = models.BooleanField(default=True)
    silence_minimum_hours = models.PositiveIntegerField(default=72)
    decision_rule = models.CharField(
        max_length=30, choices=_choices(DecisionRule), default=DecisionRule.CONSENSUS.value
    )
    stakeholder_modality = models.CharField(
        max_length=20, choices=_choices(StakeholderModality), default=StakeholderModality.NONE.value
    )
    proposals_under_silence = models.CharField(
        max_length=20,
        choices=_choices(ProposalsUnderSilence),
        default=ProposalsUnderSilence.ALLOWED.value,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    """A delegation's place in a process: member, observer or stakeholder."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT)
    kind = models.CharField(max_length=20, choices=_choices(ParticipantKind))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "delegation"], name="one_participation")
        ]


class Accreditation(models.Model):
    """A user's role in a process and, for delegates, the delegation they act for."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="accreditations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="accreditations"
    )
    role = models.CharField(max_length=20, choices=[(r.value, ROLE_LABELS[r]) for r in Role])
    delegation = models.ForeignKey(Delegation, null=True, blank=True, on_delete=models.PROTECT)
    mandates = models.ManyToManyField(Group, blank=True, related_name="mandated")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["process", "user"], name="one_role")]


class Document(models.Model):
    """A work under negotiation (a report, a resolution); its text lives in its versions."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="documents")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=300)
    symbol = models.CharField(max_length=80, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "slug"], name="document_slug_per_process")
        ]

    def __str__(self) -> str:
        return self.title


class Version(models.Model):
    """One expression of a document: zero draft, Rev.1, ... The highest number is current."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=80)
    title = models.CharField(max_length=300)
    issued_at = models.DateTimeField()
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} — {self.label}"


class Provision(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="provisions")
    uid = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=_choices(ProvisionKind))
    label = models.CharField(max_length=20)
    text = models.TextField()
    parent_uid = models.CharField(max_length=40, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "uid"], name="provision_uid"),
            models.UniqueConstraint(fields=["version", "position"], name="provision_position"),
        ]


class Proposal(models.Model):
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="proposals")
    provision_uid = models.CharField(max_length=40)
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    wording = models.TextField()
    amendment = models.JSONField()
    justification = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=_choices(ProposalStatus), default=ProposalStatus.OPEN
    )
    submitted_at = models.DateTimeField()
    # Alternative wordings (Option 1, Option 2, ...) when the proposal offers alternatives.
    options = models.JSONField(default=list, blank=True)
    # A whole-provision operation: {"op": "add"|"delete"|"move", ...}; null for a rewording.
    structure = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["version", "provision_uid"])]


class EventQuerySet(models.QuerySet["Event"]):
    def update(self, **kwargs: object) -> int:
        raise EventsAreAppendOnly()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise EventsAreAppendOnly()


class EventsAreAppendOnly(Exception):
    """The event log is append-only: events are never updated or deleted."""


class Event(models.Model):
    """One state change, written by exactly one action. Never updated, never deleted: the
    application refuses here, and the database refuses too (triggers in the migrations).

    ``body`` is the event's canonical JSON as the public log carries it, and the record
    itself; the other columns repeat parts of it for querying. ``digest`` chains it to the
    event before (see `accord.core.eventlog`) and ``signature`` is the instance's Ed25519
    signature of it. An event of a process that is not public is sealed: its full content is
    kept in ``sealed`` and its public ``body`` holds only a salted commitment to it, so the
    chain verifies without revealing it and a later release can be checked.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public"
        DELEGATIONS = "delegations"

    seq = models.PositiveBigIntegerField(unique=True)
    process = models.ForeignKey(
        Process, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(max_length=200)
    payload = models.JSONField(default=dict)
    occurred_at = models.DateTimeField()
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    body = models.TextField()
    sealed = models.TextField(blank=True)
    salt = models.CharField(max_length=32, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    signature = models.CharField(max_length=128)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise EventsAreAppendOnly()
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise EventsAreAppendOnly()


class ChainHead(models.Model):
    """The last event of the chain, one row locked by every append so that concurrent
    actions line up one after the other instead of forking the chain."""

    seq = models.PositiveBigIntegerField(default=0)
    digest = models.CharField(max_length=64)


class SigningKey(models.Model):
    """The instance's Ed25519 key, created on first use; its public half is published."""

    private_pem = models.TextField()
    public_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)


class ApiToken(models.Model):
    """A personal token for programs, stored as a hash; shown to its owner once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    # The public part, for finding the token and for showing it in lists.
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    read_only = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class ProposalFate(models.Model):
    """What a revision did with a proposal: reflected (in which provisions), partly reflected,
    merged with others, not taken up, withdrawn or still pending. ``recorded`` is False where
    the Chair accepted the engine's suggestion without saying otherwise."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="fates")
    revision = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="fates")
    kind = models.CharField(max_length=20)
    provisions = models.JSONField(default=list)
    merged_with = models.JSONField(default=list)
    recorded = models.BooleanField(default=True)

    class Meta:
        ordering = ["revision__number", "proposal_id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "revision"], name="one_fate_per_revision")
        ]


class Position(models.Model):
    """A delegation's stance on a provision (by its stable uid), bound to the hash of the text
    it judged; a later position of the same delegation replaces it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="positions")
    provision_uid = models.CharField(max_length=40)
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=20)
    text_hash = models.CharField(max_length=64)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["document", "provision_uid"])]


class CorpusEntry(models.Model):
    """One provision of the agreed-language checker's corpus, as imported from a file.

    ``batch`` is the content hash of the file it came from; ``line`` its line in that file.
    """

    document = models.CharField(max_length=300)
    provision = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=_choices(SourceStatus))
    holder = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField()
    batch = models.CharField(max_length=64, db_index=True)
    line = models.PositiveIntegerField()
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]


# How an adoption was decided: by consensus at a meeting, or by silence procedure.
ADOPTION_METHODS = [
    ("consensus", _("Consensus")),
    ("silence", _("Silence procedure")),
    ("vote", _("Recorded vote")),
]


class Adoption(models.Model):
    """The Chair's record of an adoption meeting on a version: adopted by consensus or not,
    the members who objected, those who joined but disassociated from named provisions, and
    the hash of every provision the decision covered."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="adoptions")
    adopted = models.BooleanField()
    objections = models.JSONField(default=list)
    disassociations = models.JSONField(default=dict)
    provision_hashes = models.JSONField(default=dict)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ADOPTION_METHODS, default="consensus")

    class Meta:
        ordering = ["decided_at", "id"]


class RecordedVote(models.Model):
    """The recorded vote an adoption was decided by: each member delegation's ballot (yes,
    no or abstain; a member not listed did not vote), the rule that said the majority needed,
    and the counts derived from the ballots."""

    adoption = models.OneToOneField(Adoption, on_delete=models.CASCADE, related_name="vote")
    rule = models.CharField(max_length=30, choices=_choices(DecisionRule))
    ballots = models.JSONField(default=dict)
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    abstentions = models.PositiveIntegerField()
    present = models.PositiveIntegerField()
    needed = models.PositiveIntegerField()
    quorum_needed = models.PositiveIntegerField()
    quorum_met = models.BooleanField()


class ExplanationOfPosition(models.Model):
    """A delegation's explanation after a decision: a national view, always attributed."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="explanations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["delegation__name"]


class DeskVisit(models.Model):
    """The last event of a process a person has seen on their desk: what "changed since my
    last visit" counts from. Personal bookkeeping, not an act of the negotiation, so it is
    not an event of the record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    seen_seq = models.PositiveBigIntegerField(default=0)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "process"], name="one_desk_visit_per_user")
        ]


class StatusMark(models.Model):
    """The Chair's mark on a provision (by its stable uid): agreed ad referendum, agreed
    pending the named members, or reopened; bound to the hash of the text it covered, so a
    later change of that text lifts it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="status_marks")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="status_marks")
    provision_uid = models.CharField(max_length=40)
    kind = models.CharField(max_length=20)
    pending = models.JSONField(default=list)
    text_hash = models.CharField(max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["document", "provision_uid"])]


class CoSponsorship(models.Model):
    """An invitation from a proposal's delegation to another member to co-sponsor it, and
    the answer: only an accepted invitation makes the invitee a co-sponsor."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="invitations")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, default="pending")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "delegation"], name="one_invitation")
        ]


class SilenceProcedure(models.Model):
    """A version put under silence by the Chair until ``deadline``. ``state`` is "running"
    until it closes, at ``closed_at``, as "passed" or "broken" at the deadline, "superseded"
    by the revision ``superseded_by``, "withdrawn" by the Chair for ``reason``, or
    "closed-by-adoption" (see `accord.core.silence`). ``adoption`` links the adoption it ended
    in: by silence when it passed, the meeting's when it closed by adoption."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="silences")
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    launched_at = models.DateTimeField()
    deadline = models.DateTimeField(db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        max_length=20, choices=_choices(SilenceState), default=SilenceState.RUNNING.value
    )
    reason = models.TextField(blank=True)
    superseded_by = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adoption = models.OneToOneField(
        Adoption, null=True, blank=True, on_delete=models.PROTECT, related_name="silence"
    )

    class Meta:
        ordering = ["launched_at", "id"]

    @property
    def is_running(self) -> bool:
        return self.state == SilenceState.RUNNING


class SilenceBreak(models.Model):
    """A member delegation's letter breaking silence, naming the provisions (uids) of
    concern: a national view, always attributed."""

    procedure = models.ForeignKey(SilenceProcedure, on_delete=models.CASCADE, related_name="breaks")
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    letter = models.TextField()
    provisions = models.JSONField(default=list)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]


class StakeholderRequest(models.Model):
    """The Secretariat's proposal to accredit a stakeholder organisation on a non-objection
    basis: accredited at ``deadline`` unless a member delegation objected. ``accredited`` is
    None while pending."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="stakeholder_requests"
    )
    organisation = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    deadline = models.DateTimeField(db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    accredited = models.BooleanField(null=True)

    class Meta:
        ordering = ["proposed_at", "id"]


class StakeholderObjection(models.Model):
    """A member delegation's objection to a stakeholder request, with its reason."""

    request = models.ForeignKey(
        StakeholderRequest, on_delete=models.CASCADE, related_name="objections"
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]


class Statement(models.Model):
    """A national view in a document of its own: a statement delivered by a member or
    observer delegation, or a written input of a stakeholder (kept apart, never counted).
    ``holder`` is who holds it, as cited; ``provision_uids`` the paragraphs of ``version``
    it speaks to, if any."""

    class Kind(models.TextChoices):
        STATEMENT = "statement"
        WRITTEN_INPUT = "written-input"

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    delegation = models.ForeignKey(
        Delegation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    holder = models.CharField(max_length=200)
    text = models.TextField()
    version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provision_uids = models.JSONField(default=list)
    delivered_on = models.DateField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["delivered_on", "id"]
        indexes = [models.Index(fields=["process", "kind"])]


class ChairSummary(models.Model):
    """The Chair's summary of a process: under the Chair's own responsibility, not
    negotiated, not adopted. Made of attributed entries."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="chair_summary")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()


class ChairSummaryEntry(models.Model):
    """One view or proposal that did not reach consensus, attributed to the delegations and
    groups that hold it: quoted from a proposal not taken up, written by the Chair, or moved
    out of the negotiated text (then ``provision_uid`` and ``text_hash`` name what moved)."""

    class Source(models.TextChoices):
        PROPOSAL = "proposal"
        FREE_TEXT = "free-text"
        MOVED_PROVISION = "moved-provision"

    summary = models.ForeignKey(ChairSummary, on_delete=models.CASCADE, related_name="entries")
    source = models.CharField(max_length=20, choices=Source.choices)
    text = models.TextField()
    delegations = models.ManyToManyField(Delegation, blank=True, related_name="+")
    groups = models.ManyToManyField(Group, blank=True, related_name="+")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provision_uid = models.CharField(max_length=40, blank=True)
    text_hash = models.CharField(max_length=64, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at", "id"]


class ExportJob(models.Model):
    """A file rendered in the background (a long PDF): what was asked for, how far the
    rendering has got (``done`` of ``total`` parts), and the file once it is ready, or the
    error that stopped it. Not part of the negotiation's record: no event is written."""

    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="export_jobs")
    against = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    view = models.CharField(max_length=20)
    format = models.CharField(max_length=10)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    content = models.BinaryField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    media_type = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["status", "updated_at"])]


class WorkingDraft(models.Model):
    """The draft of a document's next revision, as the Chair and those preparing it with the
    Chair left it: stored so that it survives sign-out and is shared with the Bureau and the
    Secretariat, who edit it when ``others_may_edit``. ``choices`` holds the fates chosen so
    far (proposal id as text → ``{"fate": kind, "merged_with": [ids]}``). Never public and
    not part of the record: no event is written for it, and it is deleted when the revision
    is issued."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="working_draft"
    )
    text = models.TextField()
    label = models.CharField(max_length=80, blank=True)
    choices = models.JSONField(default=dict)
    others_may_edit = models.BooleanField(default=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()
