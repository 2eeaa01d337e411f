"""Article pictures: resized once when saved, served in <picture> at the right size."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import Article

from ..news_helpers import jpeg_upload, make_article


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pictured(title="Pictured", **kwargs):
    return make_article(
        title,
        image=jpeg_upload(**kwargs),
        image_alt_en="Mayors at the meeting",
        image_alt_fr="Des maires à la réunion",
        image_credit_en="© Council of Europe",
        image_credit_fr="© Conseil de l'Europe",
    )


@pytest.mark.django_db
def test_renditions_are_webp_and_jpeg_no_wider_than_the_original(media):
    article = pictured(width=700, height=350)
    renditions = article.image_renditions
    assert [r["width"] for r in renditions["webp"]] == [320, 640, 700]
    assert [r["width"] for r in renditions["jpeg"]] == [320, 640, 700]
    assert renditions["jpeg"][0]["height"] == 160
    for rendition in renditions["webp"]:
        with Image.open(media / rendition["name"]) as image:
            assert image.format == "WEBP"
            assert image.size == (rendition["width"], rendition["height"])


@pytest.mark.django_db
def test_transparent_png_gets_a_white_background_in_jpeg(media):
    buffer = BytesIO()
    Image.new("RGBA", (400, 200), (255, 0, 0, 0)).save(buffer, "PNG")
    article = make_article(
        "Logo", image=SimpleUploadedFile("logo.png", buffer.getvalue()), image_alt_en="Logo"
    )
    with Image.open(media / article.image_renditions["jpeg"][0]["name"]) as image:
        assert image.convert("RGB").getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.django_db
def test_replacing_the_image_replaces_its_renditions(media):
    article = pictured(width=800, height=400)
    old = [r["name"] for r in article.image_renditions["jpeg"]]
    article.image = jpeg_upload(name="other.jpg", width=400, height=400)
    article.save()
    assert [r["width"] for r in article.image_renditions["jpeg"]] == [320, 400]
    assert not any((media / name).exists() for name in old)
    article.image = ""
    article.save()
    article.refresh_from_db()
    assert article.image_renditions == {}


@pytest.mark.django_db
def test_saving_without_touching_the_image_does_not_resize_it_again(media):
    article = pictured()
    names = article.image_renditions
    article.title_en = "New title"
    article.save()
    assert Article.objects.get(pk=article.pk).image_renditions == names


@pytest.mark.django_db
def test_article_page_serves_the_picture_sized_with_credit_and_alt(client, media):
    article = pictured(width=2000, height=1000)
    page = client.get(article.get_absolute_url()).content.decode()
    picture = re.search(r"<picture>.*?</picture>", page, re.S).group(0)
    assert '<source type="image/webp" srcset="/media/' in picture
    assert " 320w, " in picture and " 1600w" in picture
    assert 'width="1600" height="800"' in picture
    assert 'alt="Mayors at the meeting"' in picture
    assert 'loading="lazy"' not in picture  # the main picture is at the top
    assert "sizes=" in picture
    assert '<figcaption class="credit">© Council of Europe</figcaption>' in page
    assert '<meta property="og:image" content="http://testserver/media/' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    french = client.get(article.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    assert 'alt="Des maires à la réunion"' in french
    assert "© Conseil de l’Europe" in french


@pytest.mark.django_db
def test_lists_load_pictures_below_the_first_lazily(client, media):
    pictured("Older", width=400, height=200)
    pictured("Newer", width=400, height=200)
    page = client.get("/en/").content.decode()
    # The articles' pictures, not the site's mark or the small map.
    images = [image for image in re.findall(r"<img [^>]*>", page) if "/static/" not in image]
    assert len(images) == 2
    assert 'loading="lazy"' not in images[0]
    assert 'loading="lazy"' in images[1]
    assert all('width="400" height="200"' in image for image in images)
