"""What each refusal of the core says to a person, in their language.

The core raises typed refusals carrying data; the web pages, the API and the CLI all explain
them through `explain`, so a refusal reads the same everywhere.
"""

from functools import cache
from typing import cast

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.core.errors import Refusal
from accord.core.participants import Reason
from accord.store.reference import reference_data


def _reasons() -> dict[str, str]:
    return {
        Reason.NOT_A_DELEGATE: _("Only delegates of a delegation may do this."),
        Reason.NOT_A_MEMBER: _(
            "Only delegations of member states may make proposals; observers and "
            "stakeholders may submit statements instead."
        ),
        Reason.OTHER_DELEGATION: _("You may act only for the delegation you are accredited to."),
        Reason.NO_GROUP_MANDATE: _("Your delegation holds no mandate to speak for this group."),
        Reason.NOT_SECRETARIAT: _("Only the Secretariat may do this."),
        Reason.NOT_A_DRAFTER: _("Only the Chair or the Secretariat may publish a draft."),
        Reason.NOT_THE_CHAIR: _("Only the Chair may do this."),
        Reason.MAY_NOT_CREATE_PROCESS: _(
            "Only staff of this instance may set up a process; ask its administrators."
        ),
        Reason.NOT_A_STAKEHOLDER: _("Only accredited stakeholders submit written inputs."),
        Reason.OWN_ACCREDITATION: _(
            "You cannot withdraw your own accreditation; another member of the Secretariat may."
        ),
        Reason.NOT_REVISION_TEAM: _(
            "Only the Chair, the Bureau and the Secretariat see the draft of a revision "
            "before it is issued."
        ),
        Reason.WORKSPACE_CLOSED: _(
            "The Chair has not allowed the Bureau and the Secretariat to edit the draft of "
            "this revision; you may read it."
        ),
        Reason.NOT_CONVERGENCE_AUDIENCE: _(
            "The rules of this process show the convergence analytics only to the Chair and "
            "the Bureau, or to those taking part."
        ),
    }


def _messages() -> dict[str, str]:
    return {
        "unknown-provision": _("This version has no provision %(uid)s."),
        "version-not-current": _(
            "%(version)s is no longer the current version; propose on %(current)s instead."
        ),
        "empty-text": _("The proposed wording is empty."),
        "text-too-long": _(
            "The text is %(length)d characters long; the limit is %(limit)d characters."
        ),
        "unchanged-text": _("The proposed wording is the same as the current text."),
        "not-amendable": _("Section headings cannot be amended; propose on a paragraph."),
        "malformed-draft": _("Line %(line)d: %(problem)s."),
        "amendment-does-not-apply": _(
            "The amendment expected “%(expected)s” but the text has “%(found)s”."
        ),
        "not-participating": _("%(delegation)s does not take part in this process."),
        "already-accredited": _("%(username)s is already accredited to this process."),
        "silence-not-allowed": _(
            "The rules of procedure of this process do not provide for adopting a text under "
            "a silence procedure; only a process deciding by consensus or silence procedure may."
        ),
        "no-stakeholders": _("The rules of procedure of this process admit no stakeholders."),
        "stakeholders-by-non-objection": _(
            "This process admits stakeholders on a non-objection basis: propose the "
            "organisation on the Stakeholders page; members may object until its deadline."
        ),
        "stakeholders-open": _(
            "This process admits accredited stakeholders openly: accredit the person on the "
            "Participants page; no request for non-objection is needed."
        ),
        "role-mismatch": _(
            "A person in the role %(role)s cannot act for a participant of the kind "
            "%(participant_kind)s."
        ),
        "password-needed": _(
            "%(username)s has no account yet: give an initial password of at least "
            "%(minimum)d characters."
        ),
        "proposal-not-open": _(
            "Proposal %(proposal)d is %(status)s; only an open one can be withdrawn."
        ),
        "document-exists": _("This process already has a document called “%(slug)s”."),
        "already-adopted": _(
            "“%(document)s” has been adopted; nothing more can be proposed, revised or adopted "
            "on it."
        ),
        "overlapping-operations": _(
            "Two changes of the amendment overlap (words %(first)s and %(second)s)."
        ),
        "contradictory-operations": _("The amendment both changes and removes provision %(uid)s."),
        "preamble-out-of-order": _(
            "The preambular paragraph %(uid)s would follow an operative paragraph; a "
            "preambular paragraph moves within the preamble."
        ),
        "amendment-cannot-be-carried": _(
            "The amendment cannot be carried onto the new text: the words it changed "
            "(“%(words)s”) are no longer there."
        ),
        "amendment-for-other-text": _("The amendment was made on another text than this one."),
        "unknown-proposal": _("There is no proposal %(proposal)s here."),
        "cannot-stay-pending": _(
            "Proposal %(proposal)d cannot stay pending: the revision deletes paragraph "
            "%(label)s, which it concerns. Record what the revision does with it."
        ),
        "not-a-member": _("%(delegation)s is not a member: only members state positions and vote."),
        "impossible-threshold": _("This rule cannot be met: %(what)s of %(value)s."),
        "deadline-too-short": _(
            "The silence procedure lasts %(hours)s hours; the rules ask for at least "
            "%(minimum_hours)s."
        ),
        "voting-not-allowed": _("The rules of procedure of this process do not allow a vote."),
        "vote-required": _(
            "The rules of procedure of this process decide by a recorded vote: record the vote; "
            "its result follows from the ballots."
        ),
        "stage-out-of-order": _("A %(stage)s cannot follow the %(current)s."),
        "empty-corpus": _("The corpus file holds no provision; nothing was stored."),
        "corpus-too-large": _(
            "The corpus file is %(size)d bytes long; the limit is %(limit)d bytes."
        ),
        "corpus-already-imported": _("This corpus file is already in the corpus."),
        "empty-passage": _("The passage to check has no words."),
        "invalid-batch-line": _("Line %(line)d of the batch file: %(problem)s."),
        "passage-too-long": _(
            "The passage is %(length)d characters long; the limit is %(limit)d characters."
        ),
        "paragraph-not-in-draft": _(
            "Paragraph %(label)s is no longer in the draft of the revision; type the wording "
            "in by hand where it belongs."
        ),
        "cannot-take-in": _("Proposal %(proposal)d offers no such alternative."),
        "pending-mismatch": _(
            "Name the delegations that still have to confirm when marking a paragraph "
            "“agreed pending”, and only then (the mark asked for was “%(kind)s”)."
        ),
        "pending-not-a-member": _(
            "%(delegation)s is not a member of this process; only members are named as still "
            "to confirm."
        ),
        "nothing-to-reopen": _("Paragraph %(label)s is not agreed, so there is nothing to reopen."),
        "bad-slug": _(
            "“%(slug)s” cannot be a short name: use lower-case letters, digits and hyphens, "
            "starting and ending with a letter or digit, at most 80 characters."
        ),
        "process-exists": _("There is already a process called “%(slug)s”."),
        "unknown-delegations": _("No delegation has the code %(codes)s."),
        "not-the-proposer": _(
            "Only the delegation that made proposal %(proposal)d may invite co-sponsors."
        ),
        "invitee-not-a-member": _(
            "%(delegation)s cannot be invited: only other member delegations of this process "
            "co-sponsor."
        ),
        "already-invited": _("%(delegation)s has already been invited to co-sponsor."),
        "not-invited": _(
            "Your delegation has no pending invitation to co-sponsor proposal %(proposal)d."
        ),
        "cosponsorship-proposal-not-open": _(
            "Proposal %(proposal)d is %(status)s; only an open proposal can be co-sponsored."
        ),
        "empty-statement": _("The text is empty."),
        "unattributed": _(
            "Name at least one delegation or group: every view in the Chair's summary is "
            "attributed."
        ),
        "proposal-taken-up": _(
            "Proposal %(proposal)s was not left out of the latest revision (its fate: "
            "%(fate)s); only a proposal not taken up goes to the Chair's summary."
        ),
        "already-moved": _("Provision %(uid)s has already been moved to the Chair's summary."),
        "not-adopted": _(
            "%(document)s has not been adopted; explanations of position follow an adoption."
        ),
        "already-explained": _(
            "%(delegation)s has already explained its position on this adoption."
        ),
        "unknown-groups": _("No group has the code %(codes)s."),
        "mandate-outside-group": _(
            "Only a delegation that is one of its members may hold the mandate of the group "
            "%(group)s."
        ),
        "not-accredited": _("%(username)s holds no accreditation to this process."),
        "key-on-token": _(
            "The signing key is held in a PKCS#11 token, and accord does not yet rotate a key "
            "held in a token."
        ),
        "not-a-witness-key": _(
            "A witness is registered with an Ed25519 public key in PEM, as `accord witness` "
            "writes it beside its key; this is not one."
        ),
        "witness-already-registered": _(
            "The key %(key_id)s is already registered, to the witness %(name)s."
        ),
        "unknown-witness": _(
            "No witness is registered here with the key %(key_id)s; the Secretariat registers "
            "witnesses with `accord witnesses add`."
        ),
        "unknown-checkpoint": _(
            "This instance signed no such checkpoint of %(size)d events; co-sign a checkpoint "
            "as the instance published it."
        ),
        "cosignature-refused": _("The co-signature was not kept: %(problem)s."),
        "refused": _("This action is not allowed."),
    }


def _draft_problems() -> dict[str, str]:
    return {
        "no-paragraphs": _("the draft has no numbered paragraphs"),
        "text-outside-paragraph": _("text that belongs to no numbered paragraph"),
        "subparagraph-without-paragraph": _("a sub-paragraph before any paragraph"),
        "duplicate-number": _("a paragraph number used twice"),
        "preambular-after-operative": _("a preambular paragraph (PP) after an operative one (OP)"),
    }


@cache
def _reference_names() -> dict[str, str]:
    data = reference_data()
    entries = (*data["members"], *data["observer_states"], *data["observer_organisations"])
    return {entry["code"]: entry["name"] for entry in entries}


def delegation_name(code: str) -> str:
    """The short name the UN uses for the delegation ``code`` (from the shipped reference
    data), or the code itself for a delegation it does not list."""
    return _reference_names().get(code, code)


def _batch_problem(reason: str, detail: object) -> str:
    return {
        "not-json": _("not valid JSON"),
        "no-text": _("not an object with the passage as text"),
        "unknown-field": _("unknown field “%(field)s”; a line holds “text” and “id”")
        % {"field": detail},
    }[reason]


def explain(refusal: Refusal) -> str:
    """One sentence saying why ``refusal`` happened."""
    if refusal.code in _document_messages():
        return _explain_document(refusal)
    if refusal.code == "unsafe-character":
        return _explain_character(refusal)
    params = refusal.params()
    if refusal.code == "not-permitted":
        return _reasons()[str(params["reason"])]
    if isinstance(params.get("delegation"), str):
        params = {**params, "delegation": delegation_name(str(params["delegation"]))}
    if params.get("name"):
        # A document is named as people call it, not by its short name in addresses.
        params = {**params, "document": params["name"]}
    if refusal.code == "malformed-draft":
        params = {**params, "problem": _draft_problems()[str(params["problem"])]}
    if refusal.code == "invalid-batch-line":
        params = {**params, "problem": _batch_problem(str(params["reason"]), params["detail"])}
    # A list (the proposals a revision would lose, unknown codes) reads as "4, 7", not "[4, 7]".
    params = {
        k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()
    }
    if refusal.code == "missing":
        return _missing()[str(params["what"])]
    if "status" in params and refusal.code.endswith("proposal-not-open"):
        params = {**params, "status": _proposal_statuses()[str(params["status"])]}
    if refusal.code in _silence_messages():
        return _silence_messages()[refusal.code] % params
    if refusal.code == "adoption-not-confirmed":
        return _outstanding(params)
    if "count" in params and refusal.code in (counted := _counted(cast("int", params["count"]))):
        return counted[refusal.code] % params
    return _messages().get(refusal.code, _messages()["refused"]) % params


def _counted(n: int) -> dict[str, str]:
    """Sentences that count ``n`` things, in the grammatical number ``n`` asks for."""
    return {
        "proposals-without-fate": ngettext(
            "%(count)d open proposal would vanish without a fate: %(proposals)s. Record what "
            "the revision does with it.",
            "%(count)d open proposals would vanish without a fate: %(proposals)s. Record what "
            "the revision does with each of them.",
            n,
        ),
        "invalid-corpus": ngettext(
            "The corpus file has %(count)d invalid line: line %(first)d; nothing from it was "
            "stored.",
            "The corpus file has %(count)d invalid lines, the first on line %(first)d; "
            "nothing from it was stored.",
            n,
        ),
        "too-few-options": ngettext(
            "Alternatives need between 2 and %(limit)d different wordings; %(count)d was given.",
            "Alternatives need between 2 and %(limit)d different wordings; %(count)d were given.",
            n,
        ),
    }


def _outstanding(params: dict[str, object]) -> str:
    """What stands in the way of an adoption the Chair did not confirm, each count in its
    grammatical number."""

    def count(name: str) -> int:
        return cast("int", params[name])

    matters = {
        "not_agreed": ngettext(
            "%(n)d paragraph not agreed", "%(n)d paragraphs not agreed", count("not_agreed")
        ),
        "open_proposals": ngettext(
            "%(n)d open proposal", "%(n)d open proposals", count("open_proposals")
        ),
        "silences_running": ngettext(
            "%(n)d silence procedure running",
            "%(n)d silence procedures running",
            count("silences_running"),
        ),
        "reserving": ngettext(
            "%(n)d delegation reserving", "%(n)d delegations reserving", count("reserving")
        ),
        "objecting": ngettext("%(n)d objecting", "%(n)d objecting", count("objecting")),
    }
    said = {name: text % {"n": count(name)} for name, text in matters.items()}
    return (
        _(
            "Matters are outstanding: %(not_agreed)s, %(open_proposals)s, %(silences_running)s, "
            "%(reserving)s and %(objecting)s. Confirm that you record the outcome all the same; "
            "nothing was recorded."
        )
        % said
    )


def _document_messages() -> dict[str, str]:
    """Sentences for the refusals of the importers (`accord.documents.errors`)."""
    return {
        "file-too-large": _(
            "The file is %(size)d bytes; files up to %(limit)d bytes can be imported."
        ),
        "archive-too-large": _(
            "The file would expand to %(expanded)d bytes, more than the %(limit)d bytes allowed; "
            "it was not opened."
        ),
        "unreadable-document": _("The file could not be imported: %(problem)s%(where)s."),
        "invalid-akoma-ntoso": _(
            "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at "
            "line %(line)d: %(what)s."
        ),
        "too-many-paragraphs": _(
            "The file holds more than %(limit)d paragraphs, the most a draft may have; it was "
            "not read further and nothing was stored."
        ),
    }


def _document_problems() -> dict[str, str]:
    return {
        "not-a-zip": _("it is not a Word (.docx) file"),
        "not-a-word-file": _("it holds no Word document"),
        "malformed-xml": _("its XML is malformed"),
        "forbidden-xml": _(
            "it declares a DTD or XML entities, which accord never accepts (they can read files "
            "on the server or expand without end)"
        ),
        "no-paragraphs": _("no numbered paragraphs were recognised in it"),
        "duplicate-number": _("a paragraph number is used twice"),
        "subparagraph-without-paragraph": _("a sub-paragraph comes before any paragraph"),
        "not-akoma-ntoso": _("it is not an Akoma Ntoso document"),
    }


def _schema_problems() -> dict[str, str]:
    """What is wrong in an Akoma Ntoso file (`accord.documents.errors.SchemaProblem`), and
    what to change."""
    return {
        "date": _(
            "the date “%(value)s” (%(element)s, attribute %(attribute)s) is not a full date: a "
            "date must be a full date, YYYY-MM-DD"
        ),
        "value": _(
            "the value “%(value)s” of the attribute %(attribute)s of %(element)s is not one the "
            "schema allows"
        ),
        "missing-attribute": _("the element %(element)s needs the attribute %(attribute)s"),
        "unknown-attribute": _(
            "the element %(element)s cannot have the attribute %(attribute)s; remove it"
        ),
        "missing-element": _(
            "the element %(element)s lacks an element it must hold (one of: %(expected)s)"
        ),
        "unexpected-element": _(
            "the element %(element)s is not allowed here; the schema expects one of: %(expected)s"
        ),
        "other": _("%(message)s"),
    }


def _explain_document(refusal: Refusal) -> str:
    params = refusal.params()
    if refusal.code == "invalid-akoma-ntoso":
        what = _schema_problems()[str(params["problem"])] % params
        return _document_messages()[refusal.code] % {"line": params["line"], "what": what}
    if refusal.code == "unreadable-document":
        where = str(params["where"])
        params = {
            "problem": _document_problems().get(str(params["problem"]), str(params["problem"])),
            "where": (_(" (at %(where)s)") % {"where": where}) if where else "",
        }
    return _document_messages()[refusal.code] % params


def _corpus_line_reasons() -> dict[str, str]:
    return {
        "not-utf8": _("the file is not UTF-8 text from here on"),
        "not-json": _("not valid JSON (%(detail)s)"),
        "not-an-object": _("not a JSON object"),
        "missing-field": _("the field “%(detail)s” is missing"),
        "unknown-field": _("the field “%(detail)s” is not part of the format"),
        "not-text": _("the field “%(detail)s” must be a string"),
        "empty-field": _("the field “%(detail)s” is empty"),
        "bad-status": _(
            "the status “%(detail)s” is not one of consensus, vote, chairs-summary, "
            "national-view or proposal"
        ),
        "holder-required": _("a %(detail)s needs a holder (the delegation whose it is)"),
        "holder-not-allowed": _("a %(detail)s has no holder; give null"),
        "bad-date": _("the date “%(detail)s” is not a date like 2021-03-12"),
        "too-long": _("the field “%(detail)s” is too long"),
    }


def explain_corpus_line(line: int, reason: str, detail: str) -> str:
    """One sentence saying why line ``line`` of a corpus file was refused."""
    said = _corpus_line_reasons()[reason] % {"detail": detail}
    return _("Line %(line)d: %(reason)s.") % {"line": line, "reason": said}


def _proposal_statuses() -> dict[str, str]:
    """A proposal's status as a sentence says it: "Proposal 5 is not taken up"."""
    return {
        "open": _("open"),
        "reflected": _("reflected"),
        "partly-reflected": _("partly reflected"),
        "merged": _("merged"),
        "not-taken-up": _("not taken up"),
        "withdrawn": _("withdrawn"),
    }


def _missing() -> dict[str, str]:
    return {
        "letter": _("A letter breaking silence needs its text."),
        "reason": _("An objection needs its reason."),
        "withdrawal": _("Say why the silence procedure is withdrawn."),
        "organisation": _("Give the name of the organisation."),
        "explanation": _("An explanation of position needs its text."),
        "witness": _("Give the witness a name, such as the delegation or library that runs it."),
    }


def _silence_messages() -> dict[str, str]:
    """Sentences for the refusals of silence and non-objection procedures."""
    return {
        "deadline-passed": _("The deadline (%(deadline)s) has passed."),
        "no-provisions-named": _(
            "A letter breaking silence names the paragraphs of concern; name at least one."
        ),
        "silence-already-open": _(
            "A silence procedure is already running on %(document)s; it closes at its deadline, "
            "when a revision is issued, or when the Chair withdraws it."
        ),
        "silence-superseded": _(
            "A revision of %(document)s was issued: this silence procedure was superseded then "
            "and is closed; silence can no longer be broken on it."
        ),
        "silence-withdrawn": _(
            "The Chair withdrew this silence procedure on %(document)s; it is closed and silence "
            "can no longer be broken on it."
        ),
        "silence-closed-by-adoption": _(
            "%(document)s was adopted: this silence procedure closed then, and silence can no "
            "longer be broken on it."
        ),
        "silence-closed": _(
            "This silence procedure closed at its deadline (%(deadline)s); silence can no longer "
            "be broken on it."
        ),
        "proposals-frozen": _(
            "A silence procedure is running on %(document)s and the rules of procedure freeze "
            "proposals while it runs; propose again once it has closed."
        ),
        "request-pending": _(
            "A request to accredit %(username)s as a stakeholder is already pending."
        ),
    }


def _text_fields() -> dict[str, str]:
    """The fields text is given for, as a sentence names them (`UnsafeCharacter.field`)."""
    return {
        "wording": _("The wording"),
        "options": _("An alternative"),
        "justification": _("The justification"),
        "text": _("The text"),
        "title": _("The title"),
        "label": _("The label"),
        "symbol": _("The symbol"),
        "note": _("The note"),
        "letter": _("The letter"),
        "reason": _("The reason"),
        "explanation": _("The explanation of position"),
        "organisation": _("The organisation's name"),
        "name": _("The name"),
        "full_name": _("The full name"),
        "filename": _("The file name"),
    }


def _character_problems() -> dict[str, str]:
    """Why a character is refused (`accord.core.text_hygiene.Unsafe`)."""
    return {
        "control": _("a control character, which no text of a negotiation holds"),
        "line-break": _("a tab or line break, which this one-line field cannot hold"),
        "surrogate": _("half of a UTF-16 pair (a lone surrogate), which is not a character"),
        "noncharacter": _("a Unicode non-character, which never stands in text"),
        "bidi-control": _(
            "a bidirectional control, which can make text display in another order than the "
            "one recorded"
        ),
        "invisible": _(
            "an invisible character, which would make the text differ from what readers see"
        ),
    }


def _explain_character(refusal: Refusal) -> str:
    params = refusal.params()
    field = _text_fields().get(str(params["field"]), str(params["field"]))
    if params["where"]:
        field = _("%(field)s of provision %(where)s") % {"field": field, "where": params["where"]}
    name = str(params["name"])
    return _(
        "%(field)s holds %(character)s%(name)s at character %(position)d: %(problem)s. "
        "Remove it; nothing was recorded."
    ) % {
        "field": field,
        "character": params["character"],
        "name": f" ({name})" if name else "",
        "position": params["position"],
        "problem": _character_problems().get(str(params["problem"]), str(params["problem"])),
    }
