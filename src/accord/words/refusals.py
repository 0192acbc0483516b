"""What each refusal of the core says to a person, in their language.

The core raises typed refusals carrying data; the web pages, the API and the CLI all explain
them through `explain`, so a refusal reads the same everywhere.
"""

from typing import cast

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from accord.core.errors import Refusal
from accord.core.participants import ParticipantKind, Reason, Role
from accord.store.models.processes import ROLE_LABELS
from accord.store.reference import local_name


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
        "password-needed": _(
            "%(username)s has no account yet: give an initial password of at least "
            "%(minimum)d characters."
        ),
        "proposal-not-open": _(
            # Translators: "status" is the status of a proposal (not taken up, reflected…), said
            # of a proposal; "open" is the status in which a proposal can still be withdrawn.
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
        "deadline-too-short": _(
            "The silence procedure lasts %(hours)s hours; the rules ask for at least "
            "%(minimum_hours)s."
        ),
        "voting-not-allowed": _("The rules of procedure of this process do not allow a vote."),
        "vote-required": _(
            "The rules of procedure of this process decide by a recorded vote: record the vote; "
            "its result follows from the ballots."
        ),
        "stage-out-of-order": _(
            # Translators: "stage" and "current" are the names of the stages of a document (zero
            # draft, final draft…) or a revision's symbol such as "Rev.2".
            "A version cannot be issued at the stage “%(stage)s” after the current version, "
            "“%(current)s”."
        ),
        "empty-corpus": _("The corpus file holds no provision; nothing was stored."),
        "corpus-too-large": _(
            "The corpus file is %(size)d bytes long; the limit is %(limit)d bytes."
        ),
        "corpus-already-imported": _("This corpus file is already in the corpus."),
        "empty-passage": _("The passage to check has no words."),
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
            # Translators: "status" is the status of a proposal (not taken up, reflected…).
            "Proposal %(proposal)d is %(status)s; only an open proposal can be co-sponsored."
        ),
        "empty-statement": _("The text is empty."),
        "unattributed": _(
            "Name at least one delegation or group: every view in the Chair's summary is "
            "attributed."
        ),
        "proposal-taken-up": _(
            # Translators: "fate" is what the latest revision did with the proposal, as the
            # status of a proposal reads (reflected, partly reflected, merged…).
            "Proposal %(proposal)s was not left out of the latest revision (its fate: "
            "“%(fate)s”); only a proposal not taken up goes to the Chair's summary."
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
    """What was wrong on line ``line`` of a draft typed in (`MalformedDraft.problem`)."""
    return {
        "no-paragraphs": _("Line %(line)d: the draft has no numbered paragraphs."),
        "text-outside-paragraph": _("Line %(line)d: text that belongs to no numbered paragraph."),
        "subparagraph-without-paragraph": _("Line %(line)d: a sub-paragraph before any paragraph."),
        "duplicate-number": _("Line %(line)d: a paragraph number used twice."),
        "preambular-after-operative": _(
            "Line %(line)d: a preambular paragraph (PP) after an operative one (OP)."
        ),
    }


def delegation_name(code: str) -> str:
    """The short name the UN uses for the delegation ``code`` in the reader's language (from
    the shipped reference data), or the code itself for a delegation it does not list."""
    return local_name(code)


def _batch_problems() -> dict[str, str]:
    """What was wrong with line ``line`` of a batch of passages (`InvalidBatchLine.reason`)."""
    return {
        "not-json": _("Line %(line)d of the batch file: not valid JSON."),
        "no-text": _("Line %(line)d of the batch file: not an object with the passage as text."),
        "unknown-field": _(
            "Line %(line)d of the batch file: unknown field “%(detail)s”; a line holds “text”, "
            "“id” and “language”."
        ),
    }


def explain(refusal: Refusal) -> str:
    """One sentence saying why ``refusal`` happened."""
    if refusal.code in _document_messages() or refusal.code == "unreadable-document":
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
        return _draft_problems()[str(params["problem"])] % params
    if refusal.code == "invalid-batch-line":
        return _batch_problems()[str(params["reason"])] % params
    if refusal.code == "impossible-threshold":
        return _thresholds()[str(params["what"])] % params
    if refusal.code == "stage-out-of-order":
        params = {k: _stage_name(str(params[k])) for k in ("stage", "current")}
    if refusal.code == "role-mismatch":
        return _role_mismatch(str(params["role"]), str(params["participant_kind"]))
    if refusal.code == "proposal-taken-up":
        params = {**params, "fate": _fates().get(str(params["fate"]), str(params["fate"]))}
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


def _thresholds() -> dict[str, str]:
    """A decision rule no vote or procedure could meet, one sentence for each part of the rule
    (`ImpossibleThreshold.what`); ``value`` is a fraction such as 3/2, or hours."""
    return {
        "majority": _("This rule cannot be met: a majority of %(value)s of the votes cast."),
        "majority-more-than": _(
            "This rule cannot be met: a majority of more than %(value)s of the votes cast."
        ),
        "quorum": _("This rule cannot be met: a quorum of %(value)s of the members."),
        "silence-minimum": _(
            "This rule cannot be met: a silence procedure of at least %(value)s hours."
        ),
    }


def _stages() -> dict[str, str]:
    """The stages of a document (`accord.core.documents.Stage`) as a name on its own."""
    return {
        "pre-draft": pgettext("stage of a document", "Pre-draft"),
        "zero-draft": pgettext("stage of a document", "Zero draft"),
        "revision": pgettext("stage of a document", "Revision"),
        "final-draft": pgettext("stage of a document", "Final draft"),
        "adopted": pgettext("stage of a document", "Adopted text"),
    }


def _stage_name(value: str) -> str:
    """A stage by its name; a revision's symbol ("Rev.2") stays as it is."""
    return _stages().get(value, value)


def _participant_kinds() -> dict[str, str]:
    return {
        ParticipantKind.MEMBER: pgettext("kind of participant", "Member State"),
        ParticipantKind.OBSERVER: pgettext("kind of participant", "Observer"),
        ParticipantKind.STAKEHOLDER: pgettext("kind of participant", "Stakeholder"),
    }


def _role_mismatch(role: str, kind: str) -> str:
    """`RoleMismatch`: the role and the kind of participant by their names; ``kind`` is
    "none" when the role needs a delegation and none was named."""
    said = {"role": str(ROLE_LABELS[Role(role)]) if role in Role else role}
    if kind in ParticipantKind:
        said["participant_kind"] = _participant_kinds()[kind]
        return (
            _(
                "A person in the role “%(role)s” cannot act for a participant of the kind "
                "“%(participant_kind)s”."
            )
            % said
        )
    return _("A person in the role “%(role)s” cannot be accredited without a delegation.") % said


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
    """What stands in the way of an adoption the Chair did not confirm: a sentence for each
    matter outstanding, each count in its grammatical number."""

    def count(name: str) -> int:
        return cast("int", params[name])

    matters = {
        "not_agreed": ngettext(
            "%(n)d paragraph is not agreed.",
            "%(n)d paragraphs are not agreed.",
            count("not_agreed"),
        ),
        "open_proposals": ngettext(
            "%(n)d proposal is open.", "%(n)d proposals are open.", count("open_proposals")
        ),
        "silences_running": ngettext(
            "%(n)d silence procedure is running.",
            "%(n)d silence procedures are running.",
            count("silences_running"),
        ),
        "reserving": ngettext(
            "%(n)d delegation reserves its position.",
            "%(n)d delegations reserve their positions.",
            count("reserving"),
        ),
        "objecting": ngettext(
            "%(n)d delegation objects.", "%(n)d delegations object.", count("objecting")
        ),
    }
    said = [text % {"n": count(name)} for name, text in matters.items() if count(name)]
    return " ".join(
        [
            _("Matters are outstanding."),
            *said,
            _("Confirm that you record the outcome all the same; nothing was recorded."),
        ]
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
        "invalid-akoma-ntoso": _(
            "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at "
            "line %(line)d: %(what)s."
        ),
        "too-many-paragraphs": _(
            "The file holds more than %(limit)d paragraphs, the most a draft may have; it was "
            "not read further and nothing was stored."
        ),
        "unknown-language": _(
            "%(language)s is not one of the six official languages (ar, zh, en, fr, ru, es)."
        ),
        "negotiating-language": _(
            "The document is negotiated in %(language)s; its language versions are in the "
            "other official languages."
        ),
        "translation-length": _(
            "The original has %(expected)d provisions and the file %(found)d: a language "
            "version must follow the original paragraph by paragraph. Nothing was stored."
        ),
        "translation-mismatch": _(
            "Provision %(position)d of the file is numbered %(found)s where the original has "
            "%(expected)s: a language version must follow the original paragraph by "
            "paragraph. Nothing was stored."
        ),
        "missing-translation": _(
            "The language version gives no text for provision %(uid)s; give every provision "
            "of the version."
        ),
    }


def _document_problems() -> dict[str, str]:
    """Why a file could not be imported (`UnreadableDocument.problem`), a sentence each."""
    return {
        "not-a-zip": _("The file could not be imported: it is not a Word (.docx) file."),
        "not-a-word-file": _("The file could not be imported: it holds no Word document."),
        "malformed-xml": _("The file could not be imported: its XML is malformed."),
        "forbidden-xml": _(
            "The file could not be imported: it declares a DTD or XML entities, which accord "
            "never accepts (they can read files on the server or expand without end)."
        ),
        "no-paragraphs": _(
            "The file could not be imported: no numbered paragraphs were recognised in it."
        ),
        "duplicate-number": _("The file could not be imported: a paragraph number is used twice."),
        "subparagraph-without-paragraph": _(
            "The file could not be imported: a sub-paragraph comes before any paragraph."
        ),
        "not-akoma-ntoso": _("The file could not be imported: it is not an Akoma Ntoso document."),
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
    if refusal.code != "unreadable-document":
        return _document_messages()[refusal.code] % params
    said = _document_problems()[str(params["problem"])]
    if where := str(params["where"]):
        # Translators: "where" is a place in the file: a part of the package such as
        # word/document.xml (with a line number), a paragraph's number or a line's.
        said += " " + _("Place in the file: %(where)s.") % {"where": where}
    return said


def _corpus_line_reasons() -> dict[str, str]:
    """Why a line of a corpus file was refused (`LineReason`), a sentence each; ``detail``
    names the field, or quotes the value, as it stands in the file."""
    return {
        "not-utf8": _("Line %(line)d: the file is not UTF-8 text from here on."),
        "not-json": _("Line %(line)d: not valid JSON (%(detail)s)."),
        "not-an-object": _("Line %(line)d: not a JSON object."),
        "missing-field": _("Line %(line)d: the field “%(detail)s” is missing."),
        "unknown-field": _("Line %(line)d: the field “%(detail)s” is not part of the format."),
        "not-text": _("Line %(line)d: the field “%(detail)s” must be a string."),
        "empty-field": _("Line %(line)d: the field “%(detail)s” is empty."),
        "bad-status": _(
            # Translators: the values listed are codes of the file format; keep them as they are.
            "Line %(line)d: the status “%(detail)s” is not one of consensus, vote, "
            "chairs-summary, national-view or proposal."
        ),
        "bad-date": _("Line %(line)d: the date “%(detail)s” is not a date like 2021-03-12."),
        "too-long": _("Line %(line)d: the field “%(detail)s” is too long."),
        "bad-language": _(
            # Translators: the values listed are codes of the file format; keep them as they are.
            "Line %(line)d: the language “%(detail)s” is not one of en, fr, es, ru, ar or zh."
        ),
    }


def _corpus_holders() -> dict[tuple[str, str], str]:
    """A holder given or missing, for each status of a provision (`SourceStatus`)."""
    return {
        ("holder-required", "proposal"): _(
            "Line %(line)d: a proposal needs a holder (the delegation that made it)."
        ),
        ("holder-required", "national-view"): _(
            "Line %(line)d: a national view needs a holder (the delegation whose view it is)."
        ),
        ("holder-not-allowed", "consensus"): _(
            "Line %(line)d: language adopted by consensus has no holder; give null."
        ),
        ("holder-not-allowed", "vote"): _(
            "Line %(line)d: language adopted by a vote has no holder; give null."
        ),
        ("holder-not-allowed", "chairs-summary"): _(
            "Line %(line)d: language of a Chair's summary has no holder; give null."
        ),
    }


def explain_corpus_line(line: int, reason: str, detail: str) -> str:
    """One sentence saying why line ``line`` of a corpus file was refused."""
    said = _corpus_holders().get((reason, detail)) or _corpus_line_reasons()[reason]
    return said % {"line": line, "detail": detail}


def _proposal_statuses() -> dict[str, str]:
    """A proposal's status as a sentence says it: "Proposal 5 is not taken up"."""
    return {
        "open": pgettext("status of a proposal", "open"),
        "reflected": pgettext("status of a proposal", "reflected"),
        "partly-reflected": pgettext("status of a proposal", "partly reflected"),
        "merged": pgettext("status of a proposal", "merged"),
        "not-taken-up": pgettext("status of a proposal", "not taken up"),
        "withdrawn": pgettext("status of a proposal", "withdrawn"),
    }


def _fates() -> dict[str, str]:
    """What the latest revision did with a proposal (`FateKind`, or "none" while none did)."""
    return {
        **_proposal_statuses(),
        "pending": pgettext("status of a proposal", "pending"),
        "none": pgettext("status of a proposal", "no fate recorded yet"),
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
    """The fields text is given for, by their names (`UnsafeCharacter.field`)."""
    return {
        "wording": pgettext("name of a field", "Wording"),
        "options": pgettext("name of a field", "Alternative"),
        "justification": pgettext("name of a field", "Justification"),
        "text": pgettext("name of a field", "Text"),
        "title": pgettext("name of a field", "Title"),
        "label": pgettext("name of a field", "Label"),
        "symbol": pgettext("name of a field", "Symbol"),
        "note": pgettext("name of a field", "Note"),
        "letter": pgettext("name of a field", "Letter"),
        "reason": pgettext("name of a field", "Reason"),
        "explanation": pgettext("name of a field", "Explanation of position"),
        "organisation": pgettext("name of a field", "Organisation's name"),
        "name": pgettext("name of a field", "Name"),
        "full_name": pgettext("name of a field", "Full name"),
        "filename": pgettext("name of a field", "File name"),
    }


def _character_problems() -> dict[str, str]:
    """Why a character is refused (`accord.core.text_hygiene.Unsafe`), a sentence each."""
    return {
        "control": _("It is a control character, which no text of a negotiation holds."),
        "line-break": _("It is a tab or line break, which this one-line field cannot hold."),
        "surrogate": _("It is half of a UTF-16 pair (a lone surrogate), which is not a character."),
        "noncharacter": _("It is a Unicode non-character, which never stands in text."),
        "bidi-control": _(
            "It is a bidirectional control, which can make text display in another order than "
            "the one recorded."
        ),
        "invisible": _(
            "It is an invisible character, which would make the text differ from what readers see."
        ),
    }


def _explain_character(refusal: Refusal) -> str:
    params = refusal.params()
    name = str(params["name"])
    said = {
        "field": _text_fields().get(str(params["field"]), str(params["field"])),
        "where": params["where"],
        # The code point and its Unicode name, which no language translates.
        "character": f"{params['character']} ({name})" if name else params["character"],
        "position": params["position"],
    }
    if params["where"]:
        found = _(
            # Translators: "field" is the name of a field (Wording, Alternative…); "character" a
            # code point such as U+200B with its Unicode name.
            "The field “%(field)s” of provision %(where)s holds %(character)s at character "
            "%(position)d."
        )
    else:
        # Translators: "field" is the name of a field (Wording, Alternative…); "character" a
        # code point such as U+200B with its Unicode name.
        found = _("The field “%(field)s” holds %(character)s at character %(position)d.")
    return " ".join(
        [
            found % said,
            _character_problems()[str(params["problem"])],
            _("Remove it; nothing was recorded."),
        ]
    )
