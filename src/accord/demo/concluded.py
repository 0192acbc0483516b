"""An earlier, concluded process in the demo: a short report negotiated to adoption, so the
consensus report, the provenance of every adopted paragraph and the national views attached
to it can be seen next to the live negotiation."""

from django.contrib.auth.models import User

from accord.actions.adoption import deliver_explanation, record_adoption
from accord.actions.processes import publish_draft
from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.actions.status import mark_provision_status
from accord.core.fates import Fate, FateKind
from accord.core.status import ActKind
from accord.demo.languages import add_report_translations, add_translated_summary
from accord.demo.members import open_process
from accord.store import models, queries

SLUG = "oewg-2021-demo"
TITLE = "OEWG on ICT security, first session (demo, concluded)"
SYMBOL = "A/AC.290/2021/CRP.2"

DRAFT = """# Final report of the working group (demo)

## A. Introduction

1. The working group held three substantive sessions and informal consultations with
stakeholders between sessions.

## B. Rules, norms and principles

2. States should not conduct ICT activity that intentionally damages critical
infrastructure providing services to the public.

3. States should respond to appropriate requests for assistance by another State whose
critical infrastructure is subject to malicious ICT acts.

4. States should encourage responsible reporting of ICT vulnerabilities.

## C. Capacity-building

5. Capacity-building should be demand-driven, sustainable and respectful of national
ownership.
"""

REV1 = """# Final report of the working group (demo)

## A. Introduction

1. The working group held three substantive sessions and informal consultations with
stakeholders between sessions.

## B. Rules, norms and principles

2. States should not conduct or knowingly support ICT activity contrary to their obligations
under international law that intentionally damages critical infrastructure providing
services to the public.

3. States should respond to appropriate requests for assistance by another State whose
critical infrastructure is subject to malicious ICT acts.

4. States should encourage responsible reporting of ICT vulnerabilities and share
associated information on available remedies.

## C. Capacity-building

5. Capacity-building should be demand-driven, sustainable, gender-sensitive and respectful
of national ownership.
"""

DELEGATIONS = ("BRA", "CHN", "DEU", "KEN", "RUS", "USA")


def add_concluded_process(chair: User, secretariat: User, delegates: dict[str, User]) -> None:
    """Build the concluded process through the same actions as the live one."""
    process = open_process(
        SLUG, TITLE, chair, secretariat, {code: delegates[code] for code in DELEGATIONS}
    )
    zero = publish_draft(
        process, by=chair, slug="report", text=DRAFT, label="Zero draft", symbol=SYMBOL
    )
    uid_of = dict(zero.provisions.filter(kind="paragraph").values_list("label", "uid"))
    by_code = {code: delegates[code] for code in DELEGATIONS}
    submit_proposal(
        zero,
        by=by_code["DEU"],
        provision_uid=uid_of["2"],
        wording=(
            "States should not conduct or knowingly support ICT activity contrary to their "
            "obligations under international law that intentionally damages critical "
            "infrastructure providing services to the public."
        ),
        justification="Align with the language of the 2015 report.",
    )
    submit_proposal(
        zero,
        by=by_code["KEN"],
        provision_uid=uid_of["5"],
        wording=(
            "Capacity-building should be demand-driven, sustainable, gender-sensitive and "
            "respectful of national ownership."
        ),
    )
    submit_proposal(
        zero,
        by=by_code["USA"],
        provision_uid=uid_of["4"],
        wording="States should encourage and protect responsible reporting of ICT vulnerabilities.",
    )
    not_taken = models.Proposal.objects.get(version=zero, delegation__code="USA")
    rev1 = issue_revision(
        zero.document,
        by=chair,
        text=REV1,
        label="Rev.1",
        fates={not_taken.pk: Fate(not_taken.pk, FateKind.NOT_TAKEN_UP, revision="Rev.1")},
    )
    for uid in (p.uid for p in queries.version_value(rev1) if p.is_amendable):
        mark_provision_status(rev1, by=chair, provision_uid=uid, kind=ActKind.AGREED)
    record_adoption(
        rev1,
        by=chair,
        disassociations={"RUS": [uid_of["4"]]},
        explanations={"CHN": "China joined consensus and reads paragraph 2 as recalling norms."},
        confirm=True,
    )
    deliver_explanation(
        rev1.document,
        by=by_code["USA"],
        text="The United States joined consensus; it regrets that paragraph 4 does not protect "
        "those who report vulnerabilities.",
    )
    add_report_translations(rev1.document, secretariat)
    add_translated_summary(process, chair, secretariat, not_taken)
