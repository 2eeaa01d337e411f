import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings")

application = get_wsgi_application()


def warm_up():
    """Do at start what the first request of each kind would pay for: the URL
    resolver with every admin route (a form post's staff notice links into the
    admin) and the templates of the pages and emails. With `preload_app`
    (gunicorn.conf.py) it is done once, before the workers are forked."""
    from django.db import connections
    from django.template.loader import get_template
    from django.urls import reverse

    reverse("admin:index")
    for name in (
        "base.html",
        "news/home.html",
        "submissions/submission_form.html",
        "submissions/email/acknowledgement.txt",
        "submissions/email/staff_notification.txt",
    ):
        get_template(name)
    warm_up_forms()
    # No connection may be shared by the forked workers, nor a pool of them
    # (DATABASE_POOL): each worker opens its own (gunicorn.conf.py).
    connections.close_all()
    for connection in connections.all(initialized_only=True):
        if getattr(connection, "pool", None) is not None:
            connection.close_pool()


def warm_up_forms():
    """Check a filled-in copy of each public form, in each language, without
    saving it: the validators compile their patterns (the web and email
    addresses' take tens of milliseconds) and the country names are sorted once,
    not in each worker during its first posts."""
    from django import forms
    from django.conf import settings
    from django.utils import translation

    from submissions.forms import CooperateForm, JoinForm, PracticeForm, SignForm

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
                    sample = next(
                        (v for kind, v in samples.items() if isinstance(field, kind)), "Sample"
                    )
                    if isinstance(field, forms.ChoiceField):
                        sample = next((str(v) for v, _label in field.choices if v), "")
                    data[name] = sample
                form = form_class(data=data)
                form.is_valid()
                str(form)


warm_up()
