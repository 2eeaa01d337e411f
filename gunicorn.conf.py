"""gunicorn's settings for the site, read from this folder when gunicorn starts.

    gunicorn alliance_site.wsgi

The request limits are gunicorn's own defaults, written out because the site
relies on them: a request line, header or header count beyond them is answered
with 4xx before the site sees it.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Threads within each worker: a request that waits on the database or the cache
# (a form post) leaves the worker free for others, so a page from the cache is
# never stuck behind a queue of posts.
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# The application is loaded and warmed up once (alliance_site/wsgi.py), then the
# workers are forked from it: none makes its first visitors wait for that.
preload_app = True
timeout = 30
# Only the reverse proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = "127.0.0.1,::1"

limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190


def post_worker_init(worker):
    """Open the worker's pool of database connections (DATABASE_POOL in the
    settings) in the background, before its first request needs one.

    And let threads take turns on the interpreter lock every millisecond
    instead of every five: a cached page (a millisecond of work between reads
    of the cache and of the socket) then waits at most about that long each
    time for a thread that is busy with a form."""
    import sys

    from django.db import connection

    sys.setswitchinterval(0.001)
    if getattr(connection, "pool", None) is not None:
        connection.pool.open(wait=False)
