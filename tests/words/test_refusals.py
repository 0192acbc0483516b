"""Every refusal accord can raise is explained in words of its own: `SENTENCES` names each
refusal exactly once, with the sentence a person reads."""

import contextlib
import importlib
import pkgutil

import pytest

import accord
from accord.actions.adoption import AlreadyExplained, NotAdopted
from accord.actions.keys import KeyOnToken
from accord.actions.preconditions import AlreadyAdopted
from accord.actions.processes import (
    AlreadyAccredited,
    BadSlug,
    DocumentExists,
    NotAccredited,
    NotParticipating,
    PasswordNeeded,
    ProcessExists,
    UnknownDelegations,
)
from accord.actions.proposals import NotOpen
from accord.actions.silence import SilenceAlreadyOpen
from accord.actions.stakeholders import RequestPending
from accord.actions.witnesses import (
    CosignatureRefused,
    NotAWitnessKey,
    UnknownCheckpoint,
    UnknownWitness,
    WitnessAlreadyRegistered,
)
from accord.core import errors as e
from accord.core import language_versions as lv
from accord.core.accreditation import (
    MandateOutsideGroup,
    NoStakeholders,
    RoleMismatch,
    StakeholdersByNonObjection,
    StakeholdersOpen,
    UnknownGroups,
)
from accord.core.adoption import AdoptionNotConfirmed
from accord.core.checker.errors import (
    CorpusAlreadyImported,
    CorpusTooLarge,
    EmptyCorpus,
    EmptyPassage,
    InvalidBatchLine,
    InvalidCorpus,
    LineProblem,
    PassageTooLong,
    UnknownLanguage,
)
from accord.core.cosponsorship import (
    AlreadyInvited,
    InviteeNotAMember,
    NotInvited,
    NotTheProposer,
    ProposalNotOpen,
)
from accord.core.national_views import AlreadyMoved, EmptyStatement, ProposalTakenUp, Unattributed
from accord.core.proposals import TooFewOptions
from accord.core.status import NothingToReopen, PendingMismatch, PendingNotAMember
from accord.core.text_hygiene import UnsafeCharacter
from accord.documents.errors import (
    ArchiveTooLarge,
    FileTooLarge,
    InvalidAkomaNtoso,
    TooManyParagraphs,
    UnreadableDocument,
)
from accord.words.refusals import explain, explain_corpus_line

SENTENCES: list[tuple[e.Refusal, str]] = [
    # accord.core.errors
    (e.UnknownProvision("p9"), "This version has no provision p9."),
    (
        e.VersionNotCurrent("Zero draft", "Rev.1"),
        "Zero draft is no longer the current version; propose on Rev.1 instead.",
    ),
    (e.EmptyText(), "The proposed wording is empty."),
    (
        e.TextTooLong(5001, 5000),
        "The text is 5001 characters long; the limit is 5000 characters.",
    ),
    (e.UnchangedText("p4"), "The proposed wording is the same as the current text."),
    (e.NotPermitted("not-the-chair"), "Only the Chair may do this."),
    (
        e.MalformedDraft(3, "duplicate-number"),
        "Line 3: a paragraph number used twice.",
    ),
    (
        e.AmendmentDoesNotApply("due diligence", "due care"),
        "The amendment expected “due diligence” but the text has “due care”.",
    ),
    (e.NotAmendable("s1"), "Section headings cannot be amended; propose on a paragraph."),
    (
        e.OverlappingOperations(4, 6),
        "Two changes of the amendment overlap (words 4 and 6).",
    ),
    (e.ContradictoryOperations("p5"), "The amendment both changes and removes provision p5."),
    (
        e.PreambleOutOfOrder("pp2"),
        "The preambular paragraph pp2 would follow an operative paragraph; a preambular "
        "paragraph moves within the preamble.",
    ),
    (
        e.AmendmentCannotBeCarried(12, "in cyberspace"),
        "The amendment cannot be carried onto the new text: the words it changed "
        "(“in cyberspace”) are no longer there.",
    ),
    (e.UnknownProposal(41), "There is no proposal 41 here."),
    (
        e.ProposalsWithoutFate((4, 7)),
        "2 open proposals would vanish without a fate: 4, 7. Record what the revision does "
        "with each of them.",
    ),
    (
        e.CannotStayPending(8, "12"),
        "Proposal 8 cannot stay pending: the revision deletes paragraph 12, which it concerns. "
        "Record what the revision does with it.",
    ),
    (e.NotAMember("VAT"), "Holy See is not a member: only members state positions and vote."),
    (
        e.ImpossibleThreshold("majority", "3/2"),
        "This rule cannot be met: a majority of 3/2 of the votes cast.",
    ),
    (
        e.DeadlineTooShort(12.0, 24.0),
        "The silence procedure lasts 12.0 hours; the rules ask for at least 24.0.",
    ),
    (e.VotingNotAllowed(), "The rules of procedure of this process do not allow a vote."),
    (
        e.SilenceNotAllowed(),
        "The rules of procedure of this process do not provide for adopting a text under a "
        "silence procedure; only a process deciding by consensus or silence procedure may.",
    ),
    (
        e.VoteRequired(),
        "The rules of procedure of this process decide by a recorded vote: record the vote; "
        "its result follows from the ballots.",
    ),
    (
        e.StageOutOfOrder("Rev.2", "zero-draft"),
        "A version cannot be issued at the stage “Zero draft” after the current version, “Rev.2”.",
    ),
    (
        e.AmendmentForOtherText("ab12", "cd34"),
        "The amendment was made on another text than this one.",
    ),
    (
        e.ParagraphNotInDraft("9"),
        "Paragraph 9 is no longer in the draft of the revision; type the wording in by hand "
        "where it belongs.",
    ),
    (e.CannotTakeIn(6), "Proposal 6 offers no such alternative."),
    (
        e.DeadlinePassed("2025-03-14T18:00:00+00:00"),
        "The deadline (2025-03-14T18:00:00+00:00) has passed.",
    ),
    (
        e.SilenceSuperseded("report"),
        "A revision of report was issued: this silence procedure was superseded then and is "
        "closed; silence can no longer be broken on it.",
    ),
    (
        e.SilenceWithdrawn("report"),
        "The Chair withdrew this silence procedure on report; it is closed and silence can no "
        "longer be broken on it.",
    ),
    (
        e.SilenceClosedByAdoption("report"),
        "report was adopted: this silence procedure closed then, and silence can no longer be "
        "broken on it.",
    ),
    (
        e.SilenceClosed("2025-03-14T18:00:00+00:00"),
        "This silence procedure closed at its deadline (2025-03-14T18:00:00+00:00); silence can "
        "no longer be broken on it.",
    ),
    (
        e.ProposalsFrozen("report"),
        "A silence procedure is running on report and the rules of procedure freeze proposals "
        "while it runs; propose again once it has closed.",
    ),
    (e.Missing("reason"), "An objection needs its reason."),
    (
        e.NoProvisionsNamed(),
        "A letter breaking silence names the paragraphs of concern; name at least one.",
    ),
    # accord.core, one module to an area
    (
        RoleMismatch("chair", "member"),
        "A person in the role “Chair” cannot act for a participant of the kind “Member State”.",
    ),
    (UnknownGroups(("xx", "zz")), "No group has the code xx, zz."),
    (
        MandateOutsideGroup("eu", "BRA"),
        "Only a delegation that is one of its members may hold the mandate of the group eu.",
    ),
    (NoStakeholders(), "The rules of procedure of this process admit no stakeholders."),
    (
        StakeholdersByNonObjection(),
        "This process admits stakeholders on a non-objection basis: propose the organisation on "
        "the Stakeholders page; members may object until its deadline.",
    ),
    (
        StakeholdersOpen(),
        "This process admits accredited stakeholders openly: accredit the person on the "
        "Participants page; no request for non-objection is needed.",
    ),
    (
        AdoptionNotConfirmed(
            not_agreed=2, open_proposals=0, silences_running=1, reserving=3, objecting=1
        ),
        "Matters are outstanding. 2 paragraphs are not agreed. 1 silence procedure is running. "
        "3 delegations reserve their positions. 1 delegation objects. Confirm that you record "
        "the outcome all the same; nothing was recorded.",
    ),
    (
        NotTheProposer(7),
        "Only the delegation that made proposal 7 may invite co-sponsors.",
    ),
    (
        InviteeNotAMember("VAT"),
        "Holy See cannot be invited: only other member delegations of this process co-sponsor.",
    ),
    (AlreadyInvited("FRA"), "France has already been invited to co-sponsor."),
    (NotInvited(7), "Your delegation has no pending invitation to co-sponsor proposal 7."),
    (
        ProposalNotOpen(7, "partly-reflected"),
        "Proposal 7 is partly reflected; only an open proposal can be co-sponsored.",
    ),
    (EmptyStatement(), "The text is empty."),
    (
        Unattributed(),
        "Name at least one delegation or group: every view in the Chair's summary is attributed.",
    ),
    (
        ProposalTakenUp(7, "reflected"),
        "Proposal 7 was not left out of the latest revision (its fate: “reflected”); only a "
        "proposal not taken up goes to the Chair's summary.",
    ),
    (AlreadyMoved("p3"), "Provision p3 has already been moved to the Chair's summary."),
    (
        TooFewOptions(1),
        "Alternatives need between 2 and 5 different wordings; 1 was given.",
    ),
    (
        PendingMismatch("agreed"),
        "Name the delegations that still have to confirm when marking a paragraph “agreed "
        "pending”, and only then (the mark asked for was “agreed”).",
    ),
    (
        PendingNotAMember("ICRC"),
        "ICRC is not a member of this process; only members are named as still to confirm.",
    ),
    (NothingToReopen("13"), "Paragraph 13 is not agreed, so there is nothing to reopen."),
    # accord.core.checker
    (
        InvalidCorpus((LineProblem(3, "not-json", "bad"), LineProblem(9, "bad-date", "x"))),
        "The corpus file has 2 invalid lines, the first on line 3; nothing from it was stored.",
    ),
    (EmptyCorpus(), "The corpus file holds no provision; nothing was stored."),
    (
        CorpusTooLarge(10_000_001, 10_000_000),
        "The corpus file is 10000001 bytes long; the limit is 10000000 bytes.",
    ),
    (CorpusAlreadyImported("ab12"), "This corpus file is already in the corpus."),
    (EmptyPassage(), "The passage to check has no words."),
    (
        UnknownLanguage("de"),
        "de is not one of the six official languages (ar, zh, en, fr, ru, es).",
    ),
    (InvalidBatchLine(3, "not-json"), "Line 3 of the batch file: not valid JSON."),
    (
        PassageTooLong(50_005, 50_000),
        "The passage is 50005 characters long; the limit is 50000 characters.",
    ),
    # accord.documents
    (
        UnreadableDocument("malformed-xml", "word/document.xml"),
        "The file could not be imported: its XML is malformed. Place in the file: "
        "word/document.xml.",
    ),
    (
        InvalidAkomaNtoso(12, "FRBRdate", "date", "date", "2009"),
        "The file could not be imported: it does not follow the Akoma Ntoso 3.0 schema at line "
        "12: the date “2009” (FRBRdate, attribute date) is not a full date: a date must be a "
        "full date, YYYY-MM-DD.",
    ),
    (
        FileTooLarge(30, 20),
        "The file is 30 bytes; files up to 20 bytes can be imported.",
    ),
    (
        ArchiveTooLarge(900, 100),
        "The file would expand to 900 bytes, more than the 100 bytes allowed; it was not opened.",
    ),
    (
        TooManyParagraphs(5000),
        "The file holds more than 5000 paragraphs, the most a draft may have; it was not read "
        "further and nothing was stored.",
    ),
    # accord.core.language_versions
    (
        lv.UnknownLanguage("de"),
        "de is not one of the six official languages (ar, zh, en, fr, ru, es).",
    ),
    (
        lv.NegotiatingLanguage("en"),
        "The document is negotiated in en; its language versions are in the other official "
        "languages.",
    ),
    (
        lv.TranslationLength(8, 7),
        "The original has 8 provisions and the file 7: a language version must follow the "
        "original paragraph by paragraph. Nothing was stored.",
    ),
    (
        lv.TranslationMismatch(8, "4.", "5."),
        "Provision 8 of the file is numbered 5. where the original has 4.: a language version "
        "must follow the original paragraph by paragraph. Nothing was stored.",
    ),
    (
        lv.MissingTranslation("p3"),
        "The language version gives no text for provision p3; give every provision of the version.",
    ),
    # accord.core.text_hygiene
    (
        UnsafeCharacter("wording", 0x200B, 3, "invisible"),
        "The field “Wording” holds U+200B (ZERO WIDTH SPACE) at character 3. It is an invisible "
        "character, which would make the text differ from what readers see. Remove it; nothing "
        "was recorded.",
    ),
    # accord.actions
    (
        AlreadyAdopted("report"),
        "“report” has been adopted; nothing more can be proposed, revised or adopted on it.",
    ),
    (
        NotOpen(5, "not-taken-up"),
        "Proposal 5 is not taken up; only an open one can be withdrawn.",
    ),
    (
        SilenceAlreadyOpen("report"),
        "A silence procedure is already running on report; it closes at its deadline, when a "
        "revision is issued, or when the Chair withdraws it.",
    ),
    (
        RequestPending("gfce"),
        "A request to accredit gfce as a stakeholder is already pending.",
    ),
    (
        NotAdopted("report"),
        "report has not been adopted; explanations of position follow an adoption.",
    ),
    (
        AlreadyExplained("IRN"),
        "Iran (Islamic Republic of) has already explained its position on this adoption.",
    ),
    (NotParticipating("ATA"), "ATA does not take part in this process."),
    (AlreadyAccredited("bra"), "bra is already accredited to this process."),
    (
        PasswordNeeded("newcomer"),
        "newcomer has no account yet: give an initial password of at least 12 characters.",
    ),
    (DocumentExists("report"), "This process already has a document called “report”."),
    (
        BadSlug("Bad Slug"),
        "“Bad Slug” cannot be a short name: use lower-case letters, digits and hyphens, "
        "starting and ending with a letter or digit, at most 80 characters.",
    ),
    (ProcessExists("oewg"), "There is already a process called “oewg”."),
    (UnknownDelegations(("XXX",)), "No delegation has the code XXX."),
    (NotAccredited("bra"), "bra holds no accreditation to this process."),
    (
        KeyOnToken(),
        "The signing key is held in a PKCS#11 token, and accord does not yet rotate a key held"
        " in a token.",
    ),
    (
        NotAWitnessKey(),
        "A witness is registered with an Ed25519 public key in PEM, as `accord witness` writes"
        " it beside its key; this is not one.",
    ),
    (
        WitnessAlreadyRegistered("ab12", "Library of the Graduate Institute"),
        "The key ab12 is already registered, to the witness Library of the Graduate Institute.",
    ),
    (
        UnknownWitness("ab12"),
        "No witness is registered here with the key ab12; the Secretariat registers witnesses"
        " with `accord witnesses add`.",
    ),
    (
        UnknownCheckpoint(160),
        "This instance signed no such checkpoint of 160 events; co-sign a checkpoint as the"
        " instance published it.",
    ),
    (
        CosignatureRefused("the co-signature of checkpoint 160 does not verify"),
        "The co-signature was not kept: the co-signature of checkpoint 160 does not verify.",
    ),
]

REFUSALS = [refusal for refusal, _ in SENTENCES]


def _name(value: object) -> str:
    return type(value).__name__


def _all_refusals() -> set[type[e.Refusal]]:
    """Every refusal class in accord, as its module holds it."""
    for module in pkgutil.walk_packages(accord.__path__, "accord."):
        if ".migrations" not in module.name and not module.name.endswith("asgi"):
            importlib.import_module(module.name)
    found, queue = set(), [e.Refusal]
    while queue:
        for sub in queue.pop().__subclasses__():
            # ``@dataclass(slots=True)`` replaces the class it decorates; the one replaced may
            # linger among the subclasses until it is collected. The module holds the real one.
            if getattr(importlib.import_module(sub.__module__), sub.__qualname__, None) is sub:
                found.add(sub)
            queue.append(sub)
    return found


def test_the_sentences_name_every_refusal_exactly_once():
    named = [type(refusal) for refusal in REFUSALS]
    assert len(named) == len(set(named))
    assert set(named) == _all_refusals()


@pytest.mark.parametrize(("refusal", "sentence"), SENTENCES, ids=_name)
def test_every_refusal_is_explained_in_its_own_words(refusal, sentence):
    assert explain(refusal) == sentence


@pytest.mark.parametrize(
    ("refusal", "sentence"),
    [
        (
            e.ProposalsWithoutFate((4,)),
            "1 open proposal would vanish without a fate: 4. Record what the revision does "
            "with it.",
        ),
        (
            InvalidCorpus((LineProblem(3, "not-json", "bad"),)),
            "The corpus file has 1 invalid line: line 3; nothing from it was stored.",
        ),
        (TooFewOptions(6), "Alternatives need between 2 and 5 different wordings; 6 were given."),
        (
            AdoptionNotConfirmed(1, 1, 0, 1, 0),
            "Matters are outstanding. 1 paragraph is not agreed. 1 proposal is open. "
            "1 delegation reserves its position. Confirm that you record the outcome all the "
            "same; nothing was recorded.",
        ),
    ],
    ids=_name,
)
def test_a_count_takes_the_grammatical_number_it_asks_for(refusal, sentence):
    assert explain(refusal) == sentence


@pytest.mark.parametrize("refusal", REFUSALS, ids=_name)
def test_every_refusal_can_be_raised_through_a_context_manager(refusal):
    # contextlib sets the traceback of the exception passing through; a frozen dataclass
    # would refuse that with a TypeError instead of letting the refusal through.
    @contextlib.contextmanager
    def around():
        yield

    with pytest.raises(type(refusal)) as raised, around():
        raise refusal
    assert raised.value is refusal


def test_a_document_is_named_as_people_call_it_when_the_refusal_knows_its_name():
    assert explain(AlreadyAdopted("report", "A/AC.292/2026/CRP.1")) == (
        "“A/AC.292/2026/CRP.1” has been adopted; nothing more can be proposed, revised or "
        "adopted on it."
    )
    assert explain(SilenceAlreadyOpen("report", "Draft report of the working group")) == (
        "A silence procedure is already running on Draft report of the working group; it "
        "closes at its deadline, when a revision is issued, or when the Chair withdraws it."
    )
    # The name is for messages: refusals compare by what they are about.
    assert AlreadyAdopted("report", "A/AC.292/2026/CRP.1") == AlreadyAdopted("report")


def test_a_delegation_is_named_by_its_short_name_and_an_unlisted_one_by_its_code():
    assert explain(e.NotAMember("BRA")) == (
        "Brazil is not a member: only members state positions and vote."
    )
    assert explain(e.NotAMember("XEU")) == (
        "XEU is not a member: only members state positions and vote."
    )


@pytest.mark.parametrize(
    ("refusal", "sentence"),
    [
        (
            InvalidBatchLine(4, "no-text"),
            "Line 4 of the batch file: not an object with the passage as text.",
        ),
        (
            InvalidBatchLine(5, "unknown-field", "txt"),
            (
                "Line 5 of the batch file: unknown field “txt”; a line holds “text”, “id” and "
                "“language”."
            ),
        ),
    ],
)
def test_each_problem_of_a_batch_line_is_named(refusal, sentence):
    assert explain(refusal) == sentence


@pytest.mark.parametrize(
    ("refusal", "sentence"),
    [
        (
            e.ImpossibleThreshold("majority-more-than", "1/1"),
            "This rule cannot be met: a majority of more than 1/1 of the votes cast.",
        ),
        (
            e.ImpossibleThreshold("quorum", "3/2"),
            "This rule cannot be met: a quorum of 3/2 of the members.",
        ),
        (
            e.ImpossibleThreshold("silence-minimum", "0.0"),
            "This rule cannot be met: a silence procedure of at least 0.0 hours.",
        ),
        (
            e.StageOutOfOrder("adopted", "revision"),
            "A version cannot be issued at the stage “Revision” after the current version, "
            "“Adopted text”.",
        ),
        (
            e.StageOutOfOrder("final-draft", "pre-draft"),
            "A version cannot be issued at the stage “Pre-draft” after the current version, "
            "“Final draft”.",
        ),
        (
            RoleMismatch("delegate", None),
            "A person in the role “Delegate” cannot be accredited without a delegation.",
        ),
        (
            ProposalTakenUp(7, "none"),
            "Proposal 7 was not left out of the latest revision (its fate: “no fate recorded "
            "yet”); only a proposal not taken up goes to the Chair's summary.",
        ),
        (
            UnreadableDocument("not-a-zip"),
            "The file could not be imported: it is not a Word (.docx) file.",
        ),
        (
            UnsafeCharacter("options", 0x1, 2, "control", "p4"),
            "The field “Alternative” of provision p4 holds U+0001 at character 2. It is a "
            "control character, which no text of a negotiation holds. Remove it; nothing was "
            "recorded.",
        ),
    ],
    ids=_name,
)
def test_each_value_is_said_by_its_name_in_a_whole_sentence(refusal, sentence):
    assert explain(refusal) == sentence


@pytest.mark.parametrize(
    ("reason", "detail", "sentence"),
    [
        (
            "holder-required",
            "proposal",
            "Line 4: a proposal needs a holder (the delegation that made it).",
        ),
        (
            "holder-required",
            "national-view",
            "Line 4: a national view needs a holder (the delegation whose view it is).",
        ),
        (
            "holder-not-allowed",
            "consensus",
            "Line 4: language adopted by consensus has no holder; give null.",
        ),
        (
            "holder-not-allowed",
            "vote",
            "Line 4: language adopted by a vote has no holder; give null.",
        ),
        (
            "holder-not-allowed",
            "chairs-summary",
            "Line 4: language of a Chair's summary has no holder; give null.",
        ),
        ("missing-field", "provision", "Line 4: the field “provision” is missing."),
        (
            "bad-language",
            "de",
            "Line 4: the language “de” is not one of en, fr, es, ru, ar or zh.",
        ),
    ],
)
def test_a_corpus_line_is_refused_in_a_sentence_of_its_own(reason, detail, sentence):
    assert explain_corpus_line(4, reason, detail) == sentence
