from django import forms
from django.utils.translation import gettext_lazy as _

from accord.documents.safezip import MAX_FILE_BYTES


class ImportForm(forms.Form):
    """Only the shape of the upload; reading the file is the importer's, run by the action."""

    file = forms.FileField(
        label=_("Word (.docx) or Akoma Ntoso (.xml) file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xml"}),
    )
    slug = forms.SlugField(label=_("Short name of the document"), max_length=80, initial="report")
    label = forms.CharField(label=_("Version label"), max_length=80, initial=_("Zero draft"))
    symbol = forms.CharField(label=_("Document symbol (optional)"), max_length=80, required=False)

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d bytes; files up to %(limit)d bytes can be imported.")
                % {"size": upload.size, "limit": MAX_FILE_BYTES}
            )
        return upload


class ConfirmImportForm(forms.Form):
    """The previewed file is named by its SHA-256, so what is stored is what was shown."""

    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    slug = forms.SlugField(widget=forms.HiddenInput, max_length=80)
    label = forms.CharField(widget=forms.HiddenInput, max_length=80)
    symbol = forms.CharField(widget=forms.HiddenInput, max_length=80, required=False)


class LanguageVersionForm(forms.Form):
    """A language version's Word file and its language; the action reads and matches it."""

    language = forms.ChoiceField(label=_("Language"))
    file = forms.FileField(
        label=_("Word (.docx) or Akoma Ntoso (.xml) file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xml"}),
    )

    def __init__(self, *args: object, languages: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["language"].choices = languages  # type: ignore[attr-defined]
