"""One whole negotiation through the pages, as its people click it: the Secretariat sets up
and staffs a process, the Chair publishes a zero draft, delegations propose every kind of
amendment, revisions carry a pending proposal and take it in, silence is broken, superseded
and then passes, an objection leaves a declaration not adopted, and consensus adopts it with a
disassociation. The process is new, so the shared demo stays as the other tests read it."""

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from tests.accord_at_fixed_time import SCRIPT as AT_FIXED_TIME
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

SLUG = "lifecycle"
TITLE = "Open-ended working group on the lifecycle"
REPORT = """# Report of the working group

## Introduction

1. The working group met in New York.

2. States discussed threats to information security.

3. States recalled the framework of responsible behaviour.

4. States noted the role of the private sector.

5. States welcomed the progress made.
"""
MET_IN_2026 = "The working group met in New York in 2026."
THREATS_OPTION_1 = "States discussed existing and potential threats to information security."
THREATS_OPTION_2 = "States discussed threats to information security and their prevention."
INTERNATIONAL_LAW = "States affirmed that international law applies to the use of ICTs."
# The zero draft as the Chair's draft reads once every proposal but Kenya's is taken in: the
# paragraphs keep their numbers until the Chair renumbers them.
TAKEN_IN = """# Report of the working group

## Introduction

1. The working group met in New York in 2026.

5. States welcomed the progress made.

2. States discussed threats to information security.

3. States recalled the framework of responsible behaviour.

3bis. States affirmed that international law applies to the use of ICTs.
"""
REV_1 = """# Report of the working group

## Introduction

1. The working group met in New York in 2026.

2. States welcomed the progress made.

3. States considered threats to information security.

4. States recalled the framework of responsible behaviour.

5. States affirmed that international law applies to the use of ICTs.
"""
CUBA_LETTER = "Cuba cannot accept paragraph 4 without a reference to the Charter."
REV_2 = REV_1.replace(
    "3. States considered threats to information security.",
    f"3. {THREATS_OPTION_1}",
)
REV_3 = REV_2.replace(
    "4. States recalled the framework of responsible behaviour.",
    "4. States recalled the framework of responsible behaviour and the Charter.",
)
DECLARATION = """# Declaration on responsible State behaviour

1. States commit to the framework of responsible State behaviour.

2. States will cooperate to build capacity.

3. States will meet again in 2027.
"""
CAPACITY = "States will cooperate to build capacity, on request."
CUBA_EXPLAINS = "Cuba joins consensus; capacity-building must answer the needs of States."
CONFIRM = "I have seen what is outstanding and record the outcome all the same"
KENYA_EXPLAINS = "Kenya welcomes the declaration and its promise of capacity-building."


def _as(page: Page, url: str, username: str) -> None:
    if page.get_by_role("button", name="Sign out").count():
        sign_out(page)
    sign_in(page, url, username)


def _set_up_and_staff(page: Page, url: str) -> None:
    _as(page, url, "secretariat")
    page.goto(f"{url}/processes/new/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label(re.compile("^Short name in addresses")).fill(SLUG)
    page.get_by_label("Decision rule").select_option(
        label="Consensus, and adoption under a silence procedure allowed"
    )
    page.get_by_label("Shortest silence procedure, in hours").fill("1")
    page.get_by_label("Members", exact=True).select_option(label="Only the members listed below")
    page.get_by_label(re.compile("^Member codes")).fill("BRA CUB DEU KEN")
    page.get_by_label(re.compile("^Observer codes")).fill("VAT")
    page.get_by_role("button", name="Set up the process").click()
    expect(page.get_by_text(f"“{TITLE}” was set up; you are its Secretariat.")).to_be_visible()

    page.goto(f"{url}/p/{SLUG}/participants/")
    expect(
        page.get_by_text("4 member States take part; only members count for consensus.")
    ).to_be_visible()
    for username, role, delegation, mandate in (
        ("chair", "Chair", None, None),
        ("bra", "Delegate", "Brazil", None),
        ("cub", "Delegate", "Cuba", None),
        ("deu", "Delegate", "Germany", "European Union"),
        ("ken", "Delegate", "Kenya", None),
        ("vat", "Observer", "Holy See", None),
    ):
        page.get_by_label("User name").fill(username)
        page.get_by_label("Role").select_option(label=role)
        if delegation:
            page.get_by_label("Acting for").select_option(label=delegation)
        if mandate:
            page.get_by_label(mandate).check()
        page.get_by_role("button", name="Accredit", exact=True).click()
        expect(page.get_by_text(f"{username} was accredited.")).to_be_visible()


def _publish_zero_draft(page: Page, url: str) -> None:
    _as(page, url, "chair")
    page.goto(f"{url}/p/{SLUG}/drafts/new/")
    page.get_by_label(re.compile("^Text, with the title")).fill(REPORT)
    page.get_by_role("button", name="Preview").click()
    expect(
        page.get_by_role("heading", name="Recognised: “Report of the working group”, 6 provisions")
    ).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The draft was published.")).to_be_visible()


def _propose(
    page: Page,
    url: str,
    label: str,
    kind: str,
    wording: str = "",
    *,
    options: str = "",
    after: str = "",
    behalf: str = "",
    document: str = "report",
) -> None:
    page.goto(f"{url}/p/{SLUG}/{document}/")
    page.get_by_role("link", name=f"Propose on {label}", exact=True).click()
    page.get_by_label(kind).check()
    if wording:
        page.get_by_label(re.compile("^Proposed wording")).fill(wording)
    if options:
        page.get_by_label("Further options for alternatives, one wording a line").fill(options)
    if after:
        page.get_by_label("For a move: to follow").select_option(label=after)
    if behalf:
        page.get_by_label("Submit as").select_option(label=f"On behalf of {behalf}")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.get_by_text(f"Your proposal on paragraph {label} was submitted.")).to_be_visible()


def _propose_every_kind(page: Page, url: str) -> None:
    _as(page, url, "bra")
    _propose(page, url, "1", "New wording for this paragraph", MET_IN_2026)
    _propose(page, url, "5", "Moving this paragraph", after="1")
    page.goto(f"{url}/p/{SLUG}/report/v1/compilation/")
    page.get_by_label("Invite a member delegation to co-sponsor").first.select_option(label="Kenya")
    page.get_by_role("button", name="Invite", exact=True).first.click()
    expect(page.get_by_text("Kenya was invited to co-sponsor your proposal.")).to_be_visible()

    _as(page, url, "ken")
    page.goto(f"{url}/p/{SLUG}/invitations/")
    expect(page.locator("blockquote")).to_have_text(MET_IN_2026)
    page.get_by_role("button", name=re.compile(r"^Accept: co-sponsor proposal \d+$")).click()
    expect(page.get_by_text("Your delegation now co-sponsors this proposal.")).to_be_visible()
    _propose(
        page,
        url,
        "2",
        "Alternative wordings (options) for this paragraph",
        THREATS_OPTION_1,
        options=THREATS_OPTION_2,
    )

    _as(page, url, "cub")
    _propose(page, url, "3", "A new paragraph after this one", INTERNATIONAL_LAW)

    _as(page, url, "deu")
    _propose(page, url, "4", "Deleting this paragraph", behalf="European Union")

    page.goto(f"{url}/p/{SLUG}/report/v1/compilation/")
    expect(page.get_by_text("5 proposals on this version.")).to_be_visible()
    expect(page.get_by_role("list", name="Proposals on 1").locator(".cosponsors")).to_have_text(
        "Co-sponsored by Kenya"
    )
    expect(page.get_by_role("list", name="Proposals on 4").locator(".attribution")).to_have_text(
        "Germany, on behalf of European Union open"
    )


def _take_in(page: Page, button: str, said: str) -> None:
    """Take in the one open proposal whose button ends so; the page says whose it was."""
    page.get_by_role(
        "button", name=re.compile(rf"^Take in proposal \d+{re.escape(button)}$")
    ).click()
    expect(page.get_by_text(re.compile(rf"^Proposal \d+ by {re.escape(said)}$"))).to_be_visible()


def _fate_row(page: Page, delegation: str, paragraph: str) -> Locator:
    """The row of the preview's table of fates for a proposal of a delegation on a paragraph."""
    return (
        page.get_by_role("table", name="The fate of every open proposal")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile(rf"^\d+ — {delegation}")))
        .filter(has=page.get_by_role("cell", name=paragraph, exact=True))
    )


def _issue_rev1_leaving_the_alternatives_pending(page: Page, url: str) -> None:
    _as(page, url, "chair")
    page.goto(f"{url}/p/{SLUG}/report/")
    page.get_by_role("link", name="Issue a revision").click()
    expect(page.get_by_text("5 open proposals, paragraph by paragraph")).to_be_visible()
    _take_in(page, " as paragraph 1", "Brazil was taken into paragraph 1.")
    _take_in(page, ": add its paragraph after 3", "Cuba on paragraph 3 was taken in.")
    _take_in(page, ": delete paragraph 4", "Germany on paragraph 4 was taken in.")
    _take_in(page, ": move paragraph 5", "Brazil on paragraph 5 was taken in.")
    text = page.get_by_label(re.compile("^Text of the revision"))
    expect(text).to_have_value(TAKEN_IN)
    # The Chair renumbers, and rewords paragraph 2, on which Kenya's proposal stays pending.
    text.fill(REV_1)
    page.get_by_label("Label of the revision").fill("Rev.1")
    page.get_by_role("button", name="Preview the revision").click()
    expect(_fate_row(page, "Brazil", "1")).to_contain_text("reflected in 1")
    expect(_fate_row(page, "Brazil", "5")).to_contain_text("reflected in 2")
    # Cuba's paragraph, proposed after 3, stands as paragraph 5 of Rev.1.
    expect(_fate_row(page, "Cuba", "3")).to_contain_text("reflected in 5")
    expect(_fate_row(page, "Germany", "4")).to_contain_text("reflected")
    kenya = _fate_row(page, "Kenya", "2")
    expect(kenya).to_contain_text("needs a fate")
    kenya.get_by_label(re.compile("^Fate of proposal")).select_option(label="pending")
    page.get_by_role("button", name="Issue the revision").click()
    expect(page.get_by_text("Rev.1 was issued.")).to_be_visible()


def _take_in_the_pending_one_at_rev2(page: Page, url: str) -> None:
    _as(page, url, "ken")
    page.goto(f"{url}/p/{SLUG}/report/v2/compilation/")
    expect(page.get_by_text("1 proposal on this version.")).to_be_visible()
    # Kenya's proposal, made on paragraph 2 of the zero draft, is now on 3 and still open.
    kenya = page.get_by_role("list", name="Proposals on 3").locator("li.proposal")
    expect(kenya.locator(".attribution")).to_have_text("Kenya open")
    expect(kenya.locator(".carried")).to_have_text(
        "Made on Zero draft, on paragraph 2; still open. The words it changes were revised "
        "since: its wording is compared with today's text."
    )
    expect(kenya.locator(".fate")).to_have_text("Rev.1: pending")

    _as(page, url, "chair")
    page.goto(f"{url}/p/{SLUG}/report/revise/")
    expect(page.get_by_text("1 open proposal, paragraph by paragraph")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Take in option 1 of proposal \d+$")).click()
    expect(
        page.get_by_text(re.compile(r"^Proposal \d+ by Kenya was taken into paragraph 3\.$"))
    ).to_be_visible()
    page.get_by_label("Label of the revision").fill("Rev.2")
    page.get_by_role("button", name="Preview the revision").click()
    expect(_fate_row(page, "Kenya", "3")).to_contain_text("reflected in 3")
    page.get_by_role("button", name="Issue the revision").click()
    expect(page.get_by_text("Rev.2 was issued.")).to_be_visible()
    page.goto(f"{url}/p/{SLUG}/report/v3/compilation/")
    expect(page.get_by_text("0 proposals on this version.")).to_be_visible()


def _launch_silence(page: Page, url: str, number: int, label: str) -> None:
    page.goto(f"{url}/p/{SLUG}/report/v{number}/silence/")
    expect(page.get_by_role("heading", name=f"Put {label} under silence")).to_be_visible()
    # The server's clock is stopped at 09:00, and the rules ask for at least one hour.
    expect(
        page.get_by_text("The deadline may be no sooner than 1 June 2026 10:00 UTC.")
    ).to_be_visible()
    expect(page.get_by_label("Deadline (UTC)")).to_have_value("2026-06-01T11:00")
    page.get_by_role("button", name="Launch the silence procedure").click()
    expect(page.get_by_text("The silence procedure was launched.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Silence procedure on {label}")).to_be_visible()
    expect(_fact(page, "Status")).to_have_text("Under silence")
    expect(_fact(page, "Deadline")).to_have_text("1 June 2026 11:00 UTC")


def _fact(page: Page, name: str) -> Locator:
    """What a silence procedure's page says against one of its facts (Status, Deadline…)."""
    return page.locator(f"dt:text-is('{name}') + dd")


def _silence_broken_then_superseded(page: Page, browser: Browser, url: str) -> None:
    _launch_silence(page, url, 3, "Rev.2")

    _as(page, url, "cub")
    page.goto(f"{url}/p/{SLUG}/report/v3/silence/")
    page.get_by_role("link", name=re.compile("^Launched")).click()
    expect(_fact(page, "Status")).to_have_text("Under silence")
    expect(_fact(page, "Time left")).to_have_text("2\xa0hours")
    page.get_by_role("group", name="Paragraphs of concern").get_by_label(
        "Paragraph 4", exact=True
    ).check()
    page.get_by_label("Letter breaking silence").fill(CUBA_LETTER)
    page.get_by_role("button", name="Break silence").click()
    expect(page.get_by_text("Your delegation broke silence.")).to_be_visible()
    letter = page.locator("blockquote", has_text="Letter from Cuba (national view)")
    expect(letter).to_contain_text("Paragraph of concern: 4")
    expect(letter).to_contain_text(CUBA_LETTER)
    procedure = page.url

    # Brazil opens the letter form; meanwhile the Chair issues Rev.3, answering Cuba.
    _as(page, url, "bra")
    page.goto(procedure)
    page.get_by_role("group", name="Paragraphs of concern").get_by_label(
        "Paragraph 2", exact=True
    ).check()
    page.get_by_label("Letter breaking silence").fill("Brazil cannot accept paragraph 2.")
    chair = browser.new_page()
    sign_in(chair, url, "chair")
    chair.goto(f"{url}/p/{SLUG}/report/revise/")
    expect(chair.get_by_label(re.compile("^Text of the revision"))).to_have_value(REV_2)
    chair.get_by_label(re.compile("^Text of the revision")).fill(REV_3)
    chair.get_by_label("Label of the revision").fill("Rev.3")
    chair.get_by_role("button", name="Preview the revision").click()
    expect(chair.get_by_text("1 provision changed from Rev.2.", exact=False)).to_be_visible()
    chair.get_by_role("button", name="Issue the revision").click()
    expect(chair.get_by_text("Rev.3 was issued.")).to_be_visible()
    chair.context.close()

    page.get_by_role("button", name="Break silence").click()
    # The refusal names the document by its short name in addresses.
    expect(page.get_by_role("alert")).to_have_text(
        "A revision of report was issued: this silence procedure was superseded then and is "
        "closed; silence can no longer be broken on it."
    )
    page.goto(procedure)
    expect(_fact(page, "Status")).to_have_text("Superseded: closed when Rev.3 was issued")
    expect(
        page.get_by_text(
            "Rev.3 was issued: silence follows the text, so this procedure closed then.",
            exact=False,
        )
    ).to_be_visible()
    expect(
        page.get_by_text("This silence procedure is closed: silence can no longer be broken on it.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Break silence")).to_have_count(0)
    expect(page.locator("blockquote", has_text="Letter from")).to_have_count(1)


def _accord_at(moment: str, environment: dict[str, str], *command: str) -> str:
    """Run an `accord` command on the demo's database as if the clock read ``moment``."""
    done = subprocess.run(
        [sys.executable, str(AT_FIXED_TIME), "--at", moment, *command],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def _silence_passes(page: Page, url: str, environment: dict[str, str]) -> None:
    _as(page, url, "chair")
    _launch_silence(page, url, 4, "Rev.3")
    procedure = page.url
    # The deadline passes: the worker runs once, a minute after it.
    ran = _accord_at("2026-06-01T11:01:00+00:00", environment, "worker", "--once")
    assert "close-silence-procedures: 1\n" in ran

    _as(page, url, "ken")
    page.goto(procedure)
    expect(_fact(page, "Status")).to_have_text("Passed: adopted by silence procedure")
    expect(_fact(page, "Why it closed")).to_have_text(
        "The deadline came and no member delegation had broken silence: the text is adopted by "
        "silence procedure."
    )
    expect(page.get_by_text("No delegation has broken silence.")).to_be_visible()
    page.goto(f"{url}/p/{SLUG}/report/")
    expect(page.locator(".adopted .status")).to_have_text("Adopted by silence procedure")
    expect(page.get_by_role("link", name=re.compile("^Propose on"))).to_have_count(0)


def _an_objection_then_consensus(page: Page, browser: Browser, url: str) -> None:
    _as(page, url, "chair")
    page.goto(f"{url}/p/{SLUG}/drafts/new/")
    page.get_by_label(re.compile("^Text, with the title")).fill(DECLARATION)
    page.get_by_label("Short name in addresses").fill("declaration")
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The draft was published.")).to_be_visible()

    _as(page, url, "ken")
    _propose(page, url, "2", "New wording for this paragraph", CAPACITY, document="declaration")

    _as(page, url, "chair")
    page.goto(f"{url}/p/{SLUG}/declaration/")
    page.get_by_role("link", name="Adoption").click()
    checklist = page.get_by_role("region", name="Before recording the outcome: what is outstanding")
    expect(checklist.get_by_role("listitem").first).to_have_text(
        "3 paragraphs are not agreed: 1, 2, 3."
    )
    expect(checklist.get_by_role("listitem").nth(1)).to_have_text(
        "1 proposal is open: by Kenya on paragraph 2 of Zero draft"
    )
    # An objection at the meeting, recorded without confirming first: refused, said why.
    page.get_by_label(re.compile("^Members objecting")).fill("CUB, VAT")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Matters are outstanding. 3 paragraphs are not agreed. 1 proposal is open. Confirm that "
        "you record the outcome all the same; nothing was recorded."
    )
    expect(page.locator(".not-adopted")).to_have_count(0)
    page.get_by_label(CONFIRM).check()
    page.get_by_role("button", name="Record the outcome").click()
    # The Holy See's objection is recorded but, an observer's, never counted.
    expect(page.locator(".messages")).to_have_text("Not adopted — objection by Cuba")
    expect(page.locator(".not-adopted .status")).to_have_text("Not adopted — objection by Cuba")

    # Everyone reads it: an observer, on the status board and in the history.
    _as(page, url, "vat")
    page.goto(f"{url}/p/{SLUG}/declaration/v1/status/")
    expect(page.get_by_text("You act as Observer for Holy See.")).to_be_visible()
    expect(page.locator(".not-adopted .status")).to_have_text("Not adopted — objection by Cuba")
    page.goto(f"{url}/p/{SLUG}/declaration/")
    expect(page.locator(".not-adopted .status")).to_have_text("Not adopted — objection by Cuba")
    # Observers do not propose.
    expect(page.get_by_role("link", name=re.compile("^Propose on"))).to_have_count(0)
    page.goto(f"{url}/p/{SLUG}/history/")
    for what in (
        "Adoption recorded: Not adopted — objection by Cuba",
        "Silence procedure closed at its deadline: passed, the text is adopted",
        "Silence procedure superseded by a revision",
        "Silence broken",
        "Rev.3 of Report of the working group",
    ):
        expect(page.get_by_role("cell", name=what, exact=True)).to_have_count(1)

    # Brazil starts a proposal on the declaration while the Chair adopts it by consensus.
    _as(page, url, "bra")
    page.goto(f"{url}/p/{SLUG}/declaration/")
    page.get_by_role("link", name="Propose on 3", exact=True).click()
    page.get_by_label(re.compile("^Proposed wording")).fill("States will meet again in 2028.")
    chair = browser.new_page()
    sign_in(chair, url, "chair")
    chair.goto(f"{url}/p/{SLUG}/declaration/v1/adoption/")
    chair.get_by_label(re.compile("^Disassociations")).fill("CUB: 2")
    chair.get_by_label(re.compile("^Explanations of position")).fill(f"CUB: {CUBA_EXPLAINS}")
    chair.get_by_label(CONFIRM).check()
    chair.get_by_role("button", name="Record the outcome").click()
    expect(chair.locator(".messages")).to_have_text("Adopted by consensus")
    expect(chair.locator(".adopted .status")).to_have_text("Adopted by consensus")
    expect(
        chair.get_by_text(
            "Cuba joined consensus and disassociated from 1 paragraph (national view)."
        )
    ).to_be_visible()
    expect(chair.locator(".adopted blockquote p")).to_have_text(
        ["Explanation of position by Cuba (national view)", CUBA_EXPLAINS]
    )
    expect(chair.get_by_role("link", name="Adoption", exact=True)).to_have_count(0)
    chair.context.close()

    page.get_by_role("button", name="Submit proposal").click()
    # The refusal names the document by its title, as people call it.
    expect(page.get_by_role("alert")).to_have_text(
        "“Declaration on responsible State behaviour” has been adopted; nothing more can be "
        "proposed, revised or adopted on it."
    )
    page.goto(f"{url}/p/{SLUG}/declaration/")
    expect(page.get_by_role("link", name=re.compile("^Propose on"))).to_have_count(0)

    _as(page, url, "ken")
    page.goto(f"{url}/p/{SLUG}/declaration/")
    page.get_by_role("link", name="Deliver an explanation of position for your delegation").click()
    page.get_by_label("Explanation of position").fill(KENYA_EXPLAINS)
    page.get_by_role("button", name=re.compile("^Deliver")).click()
    expect(page.locator(".messages")).to_have_text("Your explanation of position was delivered.")
    expect(page.locator(".adopted blockquote").last.locator("p")).to_have_text(
        ["Explanation of position by Kenya (national view)", KENYA_EXPLAINS]
    )


def test_a_whole_negotiation_through_the_pages(
    page: Page, browser: Browser, demo_server: str, demo_environment: dict[str, str]
):
    url = demo_server
    _set_up_and_staff(page, url)
    _publish_zero_draft(page, url)
    _propose_every_kind(page, url)
    _issue_rev1_leaving_the_alternatives_pending(page, url)
    _take_in_the_pending_one_at_rev2(page, url)
    _silence_broken_then_superseded(page, browser, url)
    _silence_passes(page, url, demo_environment)
    _an_objection_then_consensus(page, browser, url)
