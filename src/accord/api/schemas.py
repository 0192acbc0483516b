from datetime import datetime

from ninja import Schema


class ProcessOut(Schema):
    slug: str
    title: str


class ProvisionOut(Schema):
    uid: str
    kind: str
    label: str
    text: str
    parent: str | None
    content_hash: str


class VersionOut(Schema):
    document: str
    number: int
    label: str
    title: str
    issued_at: datetime
    content_hash: str
    is_current: bool
    provisions: list[ProvisionOut]


class OperationOut(Schema):
    kind: str
    old: str
    new: str


class ProposalOut(Schema):
    id: int
    provision: str
    delegation: str
    delegation_name: str
    on_behalf_of: str | None
    wording: str
    operations: list[OperationOut]
    justification: str
    status: str
    submitted_at: datetime


class CompilationEntryOut(Schema):
    provision: ProvisionOut
    proposals: list[ProposalOut]


class CompilationOut(Schema):
    document: str
    version: int
    entries: list[CompilationEntryOut]


class ProposalIn(Schema):
    provision: str
    wording: str
    justification: str = ""
    on_behalf_of: str | None = None


class Problem(Schema):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str
