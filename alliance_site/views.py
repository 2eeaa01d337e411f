"""Views that cut across the apps."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

# Uploaded files a browser may show in the page; everything else is downloaded.
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"}
# An uploaded file is never a page: no script, style, frame or form of its own.
MEDIA_POLICY = "default-src 'none'; sandbox"


def serve_media(request, path):
    """An uploaded file, served while developing the way the reverse proxy serves it.

    Production never reaches this view: nginx serves /media/ with the same
    headers (see README, "Deploying").
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    if content_type not in INLINE_TYPES:
        # Downloaded, under the file name FileResponse already gave.
        _inline, _semicolon, name = response.headers.get("Content-Disposition", "").partition(";")
        response["Content-Disposition"] = f"attachment;{name}" if name else "attachment"
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Crawlers may read every public page; the sitemap lists them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico on pages that name no icon."""
    return HttpResponsePermanentRedirect(static("img/mark.svg"))
