from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Forms and moderation")

    def warm_up(self):
        """Check a filled-in copy of each public form, in each language, without
        saving it: the validators compile their patterns (the web and email
        addresses' take tens of milliseconds) and the country names are sorted
        once, before gunicorn forks its workers (alliance_site/wsgi.py), not in
        each worker during its first posts."""
        from django import forms
        from django.conf import settings
        from django.db import DatabaseError
        from django.utils import translation

        from .forms import CooperateForm, JoinForm, PracticeForm, SignForm

        samples = {
            forms.EmailField: "name@example.org",
            forms.URLField: "https://www.example.org",
            forms.DateField: "2020-01-01",
            forms.IntegerField: "2020",
        }
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for form_class in (JoinForm, CooperateForm, SignForm, PracticeForm):
                    data = {}
                    for name, field in form_class.base_fields.items():
                        data[name] = next(
                            (v for kind, v in samples.items() if isinstance(field, kind)), "Sample"
                        )
                        if isinstance(field, forms.ChoiceField):
                            data[name] = next((str(v) for v, _label in field.choices if v), "")
                    try:
                        form = form_class(data=data)
                        form.is_valid()
                        str(form)
                    except DatabaseError:
                        # A database that `migrate` has not made yet (the practice
                        # form reads its themes): the server starts all the same.
                        continue
