"""Input validation of the agreement pages: the editor, its repeated rows, the signing form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ItemCode
from .models import Agreement

CONTENT = [
    "agreement_date",
    "facts",
    "admission",
    "apology",
    "understanding",
    "leniency_requested",
    "confidentiality",
    "other_terms",
    "payment_mode",
    "payment_method",
    "pay_by",
    "guarantee",
    "victim_consents_to_instalments",
]


class AgreementForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Agreement
        fields = CONTENT
        widgets = {
            "agreement_date": forms.DateInput(attrs={"type": "date"}),
            "pay_by": forms.DateInput(attrs={"type": "date"}),
            "facts": forms.Textarea(attrs={"rows": 4}),
            "admission": forms.Textarea(attrs={"rows": 2}),
            "apology": forms.Textarea(attrs={"rows": 2}),
            "understanding": forms.Textarea(attrs={"rows": 2}),
            "confidentiality": forms.Textarea(attrs={"rows": 2}),
            "other_terms": forms.Textarea(attrs={"rows": 2}),
            "guarantee": forms.Textarea(attrs={"rows": 2}),
        }


class ItemForm(forms.Form):
    code = forms.ChoiceField(label=_("项目"), choices=[("", "—"), *ItemCode.choices])
    label = forms.CharField(label=_("名称"), max_length=100, required=False)
    amount = forms.DecimalField(label=_("金额"), max_digits=12, decimal_places=2)


class InstalmentForm(forms.Form):
    due_on = forms.DateField(label=_("应付日期"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("金额"), max_digits=12, decimal_places=2)


ItemFormSet = forms.formset_factory(ItemForm, extra=2, can_delete=True, max_num=30)
InstalmentFormSet = forms.formset_factory(InstalmentForm, extra=2, can_delete=True, max_num=60)


def rows(formset) -> list[dict]:
    """The filled rows of a valid formset, without deleted or empty ones."""
    return [
        {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        for form in formset.forms
        if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class SignForm(forms.Form):
    password = forms.CharField(
        label=_("登录密码"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    id_last4 = forms.CharField(
        label=_("身份证号码后四位"),
        max_length=4,
        min_length=4,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("作废原因"), widget=forms.Textarea(attrs={"rows": 2}))
