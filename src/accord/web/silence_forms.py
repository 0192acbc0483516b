"""Forms of the silence procedure and of stakeholder requests: only the shape of the input."""

from datetime import datetime, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.core.provisions import Version
from accord.core.silence import MAX_LETTER_CHARS


class DeadlineInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class LaunchSilenceForm(forms.Form):
    deadline = forms.DateTimeField(label=_("Deadline (UTC)"), widget=DeadlineInput())

    def __init__(self, *args: object, earliest: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["deadline"]
        field.initial = (earliest + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        field.help_text = _("No sooner than %(earliest)s UTC, as the rules of procedure allow.") % {
            "earliest": earliest.strftime("%Y-%m-%d %H:%M")
        }


class BreakSilenceForm(forms.Form):
    provisions = forms.MultipleChoiceField(
        label=_("Paragraphs of concern"), widget=forms.CheckboxSelectMultiple
    )
    letter = forms.CharField(
        label=_("Letter breaking silence"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_LETTER_CHARS,
    )

    def __init__(self, *args: object, text: Version, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["provisions"]
        assert isinstance(field, forms.MultipleChoiceField)
        amendable = [p for p in text if p.is_amendable]
        field.choices = [(p.uid, _("Paragraph %(label)s") % {"label": p.label}) for p in amendable]
        self.excerpts = [p.text for p in amendable]

    def concerns(self) -> list[tuple[object, str]]:
        """Each paragraph's checkbox with the paragraph's text, to choose by what it says."""
        return list(zip(self["provisions"], self.excerpts, strict=True))


class WithdrawSilenceForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the silence procedure is withdrawn"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_LETTER_CHARS,
    )


class StakeholderRequestForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    username = forms.SlugField(label=_("User name of its representative"), max_length=150)
    deadline = forms.DateTimeField(label=_("Objection deadline (UTC)"), widget=DeadlineInput())

    def __init__(self, *args: object, earliest: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["deadline"]
        field.initial = (earliest + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        field.help_text = _("No sooner than %(earliest)s UTC.") % {
            "earliest": earliest.strftime("%Y-%m-%d %H:%M")
        }


class ObjectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the objection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_LETTER_CHARS,
    )
