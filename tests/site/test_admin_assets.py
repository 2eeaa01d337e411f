import re

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/news/article/add/", "/admin/pages/sitesettings/"])
def test_admin_forms_load_every_script_from_the_site(client, url):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    sources = re.findall(r'<script[^>]+src="([^"]+)"', response.content.decode())
    assert "/static/admin/js/core.js" in sources
    for src in sources:
        assert src.startswith("/") and not src.startswith("//"), src


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/news/article/add/", "/admin/pages/page/add/", "/admin/practices/practice/add/"]
)
def test_the_editor_import_map_carries_the_nonce_its_policy_allows(client, url):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get(url)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    importmap = re.search(r'<script type="importmap"[^>]*>', response.content.decode()).group(0)
    assert f'nonce="{nonce}"' in importmap
    # A second request gets a fresh nonce: it cannot be guessed from an old page.
    again = client.get(url)
    assert nonce not in again["Content-Security-Policy"]
