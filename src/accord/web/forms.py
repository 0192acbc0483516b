import re
from functools import cache
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accord.actions.adoption import MAX_EXPLANATION_CHARS
from accord.core.decisions import Ballot
from accord.core.fates import FateKind
from accord.core.national_views import MAX_ENTRY_CHARS, MAX_STATEMENT_CHARS
from accord.core.proposals import MAX_JUSTIFICATION_CHARS, MAX_WORDING_CHARS, Proposal
from accord.core.revising import CHAIR_FATES
from accord.store.reference import every_name, reference_data

# The id of a page's list of delegations (`{% delegation_picker %}`): the fields that take
# delegations name it, and suggest names and codes from it as the person types.
PICKER_LIST = "delegation-names"
PICKER = forms.TextInput(attrs={"list": PICKER_LIST, "autocomplete": "off"})


@cache
def _codes_by_word() -> dict[str, str]:
    """Every delegation and regional group of the shipped reference data, by its short name
    in any of the six languages and by its code, lower-cased: what a person may type to name
    it."""
    data = reference_data()
    entries = (
        *data["members"],
        *data["observer_states"],
        *data["observer_organisations"],
        *data["regional_groups"],
        *data["groups"],
    )
    found = {entry["code"].lower(): entry["code"] for entry in entries}
    found |= {entry["name"].lower(): entry["code"] for entry in entries}
    return found | every_name()


def delegation_code(word: str) -> str:
    """The code of the delegation (or group) ``word`` names, by its name ("Brazil") or its
    code in any case ("bra"); a word naming none is given back as typed, for the rules to
    refuse by what the person wrote."""
    said = " ".join(word.split())
    return _codes_by_word().get(said.lower(), said)


def delegation_codes(text: str, *, upper: bool = False) -> list[str]:
    """The delegations (or groups) named in ``text``, separated by commas or semicolons, each
    by its name or its code, in the order named and once each. A list of bare codes
    separated by spaces ("BRA KEN") is read too; a name is never split at its spaces.
    ``upper`` upper-cases what names nothing known (delegation codes are upper-case)."""
    found: list[str] = []
    for part in re.split(r"[,;\n]+", text):
        words = part.split()
        if not words:
            continue
        known = " ".join(words).lower() in _codes_by_word()
        pieces = [" ".join(words)] if known or len(words) == 1 else words
        for piece in pieces:
            code = delegation_code(piece)
            code = code.upper() if upper and code == piece else code
            if code not in found:
                found.append(code)
    return found


class ProposalForm(forms.Form):
    """Only the shape of the input; the rules are the core's, applied by the action."""

    kind = forms.ChoiceField(
        label=_("What you propose"),
        choices=[
            ("wording", _("New wording for this paragraph")),
            ("alternatives", _("Alternative wordings (options) for this paragraph")),
            ("add", _("A new paragraph after this one")),
            ("delete", _("Deleting this paragraph")),
            ("move", _("Moving this paragraph")),
        ],
        initial="wording",
        widget=forms.RadioSelect,
        required=False,
    )
    wording = forms.CharField(
        label=_("Proposed wording (for a new paragraph: its text; for alternatives: Option 1)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_WORDING_CHARS,
        strip=True,
        required=False,
    )
    alternatives = forms.CharField(
        label=_("Further options for alternatives, one wording a line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_WORDING_CHARS * 4,
        required=False,
    )
    after = forms.ChoiceField(label=_("For a move: to follow"), required=False)
    justification = forms.CharField(
        label=_("Justification (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_JUSTIFICATION_CHARS,
        required=False,
    )
    on_behalf_of = forms.ChoiceField(
        # Translators: a choice of "for my delegation" or "on behalf of" a group it speaks for.
        label=pgettext_lazy("whom a proposal is submitted for", "Submit as"),
        required=False,
    )

    def __init__(
        self,
        *args: object,
        groups: list[tuple[str, str]],
        anchors: list[tuple[str, str]] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["on_behalf_of"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("For my delegation"))] + [
            (code, _("On behalf of %(group)s") % {"group": name}) for code, name in groups
        ]
        after = self.fields["after"]
        assert isinstance(after, forms.ChoiceField)
        after.choices = [("", "—"), *(anchors or [])]

    def clean_kind(self) -> str:
        """New wording unless the form says otherwise."""
        return str(self.cleaned_data["kind"] or "wording")

    @property
    def options(self) -> tuple[str, ...]:
        """Option 1 (the wording) and the further options, one a line, for alternatives."""
        data = self.cleaned_data
        if data["kind"] != "alternatives":
            return ()
        lines = [line for line in data["alternatives"].splitlines() if line.strip()]
        return (data["wording"], *lines)


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name (what the token is for)"), max_length=100)
    read_only = forms.BooleanField(label=_("Read only"), required=False)


class DraftForm(forms.Form):
    """A draft typed or pasted as numbered paragraphs; the core reads its structure."""

    text = forms.CharField(
        label=_(
            "Text, with the title on a line starting with #, sections with ## and numbered"
            " paragraphs"
        ),
        widget=forms.Textarea(attrs={"rows": 20}),
        max_length=2_000_000,
    )
    label = forms.CharField(label=_("Version"), initial=_("Zero draft"), max_length=80)
    slug = forms.SlugField(label=_("Short name in addresses"), initial="report", max_length=80)
    symbol = forms.CharField(label=_("Document symbol (optional)"), required=False, max_length=80)


class AccreditationForm(forms.Form):
    """A person to accredit; the rules of who may act for whom are the core's."""

    username = forms.SlugField(label=_("User name"), max_length=150)
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    password = forms.CharField(
        label=_("Initial password (for a new account)"),
        widget=forms.PasswordInput,
        min_length=12,
        required=False,
    )
    role = forms.ChoiceField(label=_("Role"))
    delegation = forms.ChoiceField(label=_("Acting for"), required=False)
    mandates = forms.MultipleChoiceField(
        label=_("May speak on behalf of"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: object,
        roles: list[tuple[str, str]],
        delegations: list[tuple[str, str]],
        groups: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, choices in (
            ("role", roles),
            ("delegation", [("", "—"), *delegations]),
            ("mandates", groups),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices


class PositionForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("Your delegation's position"),
        choices=[
            ("support", pgettext_lazy("position on a paragraph", "Support")),
            ("can-accept", pgettext_lazy("position on a paragraph", "Can accept")),
            ("reserve", _("Reserve (pending instructions from capital)")),
            ("object", pgettext_lazy("position on a paragraph", "Object")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2_000,
    )


def _coded_lines(text: str) -> dict[str, str]:
    """Lines of the form ``Delegation: rest`` (by name or code) as {CODE: rest}; a line
    without a colon is an error."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        code, colon, rest = line.partition(":")
        if not colon or not code.strip():
            raise forms.ValidationError(
                _("Line %(line)d should read “Delegation: …”.") % {"line": number}
            )
        found[delegation_code(code).upper()] = rest.strip()
    return found


CONFIRM_LABEL = _("I have seen what is outstanding and record the outcome all the same")
BALLOTS = [
    (Ballot.YES.value, pgettext_lazy("ballot in a recorded vote", "Yes")),
    (Ballot.NO.value, pgettext_lazy("ballot in a recorded vote", "No")),
    (Ballot.ABSTAIN.value, pgettext_lazy("ballot in a recorded vote", "Abstain")),
    ("", _("Not voting")),
]


class VoteForm(forms.Form):
    """The Chair's record of a recorded vote: one ballot per member delegation (a member left
    "not voting" casts none) and explanations of vote; the result is the core's to derive."""

    explanations = forms.CharField(
        label=_("Explanations of vote, one delegation a line: “Brazil: text”"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    confirm = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    def __init__(self, *args: Any, members: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for code, name in members:
            self.fields[f"ballot-{code}"] = forms.ChoiceField(
                label=name, choices=BALLOTS, required=False
            )

    def rows(self) -> list[tuple[str, str, str, str]]:
        """Each member's code, name, the ballot the form holds for it ("" for none) and what
        is wrong with it."""
        data = self.data if self.is_bound else {}
        errors = self.errors if self.is_bound else {}
        return [
            (
                code,
                name,
                data.get(f"ballot-{code}", ""),
                " ".join(map(str, errors.get(f"ballot-{code}", ()))),
            )
            for code, name in self.members
        ]

    def clean_explanations(self) -> dict[str, str]:
        return _coded_lines(self.cleaned_data["explanations"])

    def ballots(self) -> dict[str, Ballot]:
        """The ballots cast, by delegation code (valid forms only)."""
        return {
            code: Ballot(self.cleaned_data[f"ballot-{code}"])
            for code, _name in self.members
            if self.cleaned_data[f"ballot-{code}"]
        }


class AdoptionForm(forms.Form):
    """The Chair's record of the adoption meeting; who counts is the core's rule."""

    objections = forms.CharField(
        label=_(
            "Members objecting (names or codes, separated by commas, e.g. Brazil, KEN; "
            "empty: no objection)"
        ),
        required=False,
        widget=PICKER,
    )
    disassociations = forms.CharField(
        label=_("Disassociations, one delegation a line: “Brazil: 13, 14(a)”"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    explanations = forms.CharField(
        label=_("Explanations of position, one delegation a line: “Brazil: text”"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    confirm = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    def clean_objections(self) -> list[str]:
        return delegation_codes(self.cleaned_data["objections"], upper=True)

    def clean_disassociations(self) -> dict[str, list[str]]:
        lines = _coded_lines(self.cleaned_data["disassociations"])
        return {
            code: [label.strip() for label in rest.split(",") if label.strip()]
            for code, rest in lines.items()
        }

    def clean_explanations(self) -> dict[str, str]:
        return _coded_lines(self.cleaned_data["explanations"])


def _fate_choices() -> list[tuple[str, str]]:
    words = {
        FateKind.REFLECTED: _("reflected"),
        FateKind.PARTLY_REFLECTED: _("partly reflected"),
        FateKind.MERGED: _("merged with other proposals"),
        FateKind.NOT_TAKEN_UP: _("not taken up"),
        FateKind.PENDING: _("pending"),
    }
    choices = [(k.value, str(words[k])) for k in CHAIR_FATES]
    return [("", str(_("as the engine suggests"))), *choices]


class RevisionForm(forms.Form):
    """The Chair's draft of a revision, its label, and a fate for each open proposal; the
    core reads the text and settles the fates."""

    text = forms.CharField(
        label=_("Text of the revision (numbered paragraphs, as in a pasted draft)"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=2_000_000,
    )
    label = forms.CharField(label=_("Label of the revision"), max_length=80, required=False)

    def __init__(self, *args: object, proposals: list[Proposal], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for p in proposals:
            self.fields[f"fate_{p.id}"] = forms.ChoiceField(
                label=_("Fate of proposal %(id)d") % {"id": p.id},
                choices=_fate_choices(),
                required=False,
            )
            self.fields[f"merged_{p.id}"] = forms.TypedMultipleChoiceField(
                label=_("Merged with"),
                choices=[
                    (str(q.id), f"{q.id} — {q.proponent.delegation_name}")
                    for q in proposals
                    if q.id != p.id
                ],
                coerce=int,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 3}),
            )


class CompilationFilterForm(forms.Form):
    """Which proposals the compilation shows; every field may stay at "any"."""

    delegation = forms.ChoiceField(label=_("Proposed by"), required=False)
    group = forms.ChoiceField(label=_("Group (on its behalf or by its members)"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", pgettext_lazy("filter: no restriction", "Any")),
            ("open", pgettext_lazy("status of a proposal", "Open")),
            ("reflected", _("Reflected")),
            ("partly-reflected", _("Partly reflected")),
            ("merged", _("Merged with other proposals")),
            ("not-taken-up", _("Not taken up")),
            ("withdrawn", _("Withdrawn")),
        ],
    )

    def __init__(
        self,
        *args: object,
        delegations: list[tuple[str, str]],
        groups: list[tuple[str, str]],
        sections: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, choices in (
            ("delegation", delegations),
            ("group", groups),
            ("section", sections),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", pgettext_lazy("filter: no restriction", "Any")), *choices]


class StatementForm(forms.Form):
    """A statement or a written input: its text, and the paragraphs it speaks to."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_STATEMENT_CHARS,
    )
    delivered_on = forms.DateField(
        label=_("Date delivered (YYYY-MM-DD; today if left empty)"), required=False
    )
    document = forms.ChoiceField(label=_("Document it speaks to (optional)"), required=False)
    paragraphs = forms.CharField(
        label=_("Paragraph numbers in its current version, separated by commas (optional)"),
        required=False,
        max_length=500,
    )

    def __init__(self, *args: object, documents: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["document"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", pgettext_lazy("no document chosen", "None")), *documents]

    def clean_paragraphs(self) -> list[str]:
        return [
            label.strip() for label in self.cleaned_data["paragraphs"].split(",") if label.strip()
        ]


class SummaryEntryForm(forms.Form):
    """An entry of the Chair's summary: the Chair's own words, attributed."""

    text = forms.CharField(
        label=_("View or proposal, in the Chair's words"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_ENTRY_CHARS,
    )
    holders = forms.CharField(
        label=_(
            "Held by (delegations or groups, by name or code, separated by commas, e.g. Brazil, eu)"
        ),
        max_length=500,
        widget=PICKER,
    )

    def clean_holders(self) -> list[str]:
        return delegation_codes(self.cleaned_data["holders"])


class SummaryProposalForm(forms.Form):
    """A proposal not taken up, quoted in the Chair's summary with its proponents."""

    proposal = forms.TypedChoiceField(label=_("Proposal not taken up"), coerce=int)

    def __init__(self, *args: object, proposals: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["proposal"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = proposals


class MoveProvisionForm(forms.Form):
    """Moving a paragraph of the current text out of the negotiation, into the summary."""

    document = forms.ChoiceField(label=_("Document"))
    paragraph = forms.CharField(label=_("Paragraph number in its current version"), max_length=20)
    holders = forms.CharField(
        label=_("Held by (delegations or groups, by name or code, separated by commas)"),
        max_length=500,
    )

    def __init__(self, *args: object, documents: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["document"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = documents

    def clean_holders(self) -> list[str]:
        return delegation_codes(self.cleaned_data["holders"])


class ExplanationForm(forms.Form):
    text = forms.CharField(
        label=_("Explanation of position"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_EXPLANATION_CHARS,
        strip=True,
    )
