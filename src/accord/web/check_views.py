"""The public page "Check a passage" of the agreed-language checker."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accord.core.checker.languages import LANGUAGES
from accord.core.errors import Refusal
from accord.store import queries
from accord.web.templatetags.check_text import LANGUAGE_NAMES
from accord.words.refusals import explain


class CheckForm(forms.Form):
    corpus = forms.ChoiceField(
        label=_("Compare with"),
        choices=[
            ("instance", _("this instance's corpus")),
            ("starter", _("the agreed language shipped with accord (UN reports on ICTs)")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Passage to check"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "aria-describedby": "passage-help", "dir": "auto"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the passage"),
        choices=[("", _("tell from the passage")), *((c, LANGUAGE_NAMES[c]) for c in LANGUAGES)],
        required=False,
        help_text=_("The passage is compared with the agreed language in its language."),
    )


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    counts = queries.corpus_counts()
    default = "instance" if counts.total else "starter"
    form = CheckForm(request.POST or None, initial={"corpus": default})
    report = None
    if request.method == "POST" and form.is_valid():
        starter = (form.cleaned_data["corpus"] or default) == "starter"
        try:
            report = queries.check_text(
                form.cleaned_data["text"],
                starter=starter,
                language=form.cleaned_data["language"] or None,
            )
        except Refusal as refusal:
            form.add_error("text", explain(refusal))
    context = {"form": form, "report": report, "counts": counts}
    return render(request, "accord/check.html", context, status=400 if form.errors else 200)
