import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings")

application = get_wsgi_application()


def warm_up():
    """Do at start what the first request of each kind would pay for: the URL
    resolver with every admin route (a form post's staff notice links into the
    admin) and the templates of the pages and emails. With `preload_app`
    (gunicorn.conf.py) it is done once, before the workers are forked."""
    from django.apps import apps
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
    # What each app has to do once (an app config's `warm_up()`).
    for app_config in apps.get_app_configs():
        if hasattr(app_config, "warm_up"):
            app_config.warm_up()
    # No connection may be shared by the forked workers, nor a pool of them
    # (DATABASE_POOL): each worker opens its own (gunicorn.conf.py).
    connections.close_all()
    for connection in connections.all(initialized_only=True):
        if getattr(connection, "pool", None) is not None:
            connection.close_pool()


warm_up()
