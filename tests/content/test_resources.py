import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from declaration.models import Declaration, DeclarationTranslation
from resources.models import Document

from ..pages_helpers import assert_public_page


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resources_is_a_public_page(client, demo_content, lang):
    assert_public_page(client, f"/{lang}/resources/", lang)


@pytest.mark.django_db
def test_documents_are_grouped_with_their_language_type_and_size(client):
    Document.objects.create(
        kind=Document.Kind.RESOLUTION,
        number="333",
        year=2011,
        title_en="The situation of Roma in Europe",
        title_fr="La situation des Roms en Europe",
        language="fr",
        file=SimpleUploadedFile("res333-fr.pdf", b"%PDF-1.4" + b"x" * 2040),
    )
    Document.objects.create(
        kind=Document.Kind.BROCHURE,
        title_en="The Alliance in brief",
        language="en",
        url="https://example.org/brochure.pdf",
    )
    Document.objects.create(
        kind=Document.Kind.BROCHURE,
        title_en="Withdrawn leaflet",
        url="https://example.org/leaflet.pdf",
        is_published=False,
    )
    Document.objects.create(kind=Document.Kind.BROCHURE, title_en="A leaflet with no link")
    html = client.get("/fr/resources/").content.decode()
    adopted = html.index("Textes adoptés du Congrès")
    brochures = html.index("Brochures")
    resolution = html.index("Résolution 333 (2011)")
    assert adopted < resolution < brochures
    assert "La situation des Roms en Europe" in html
    assert "français, PDF, 2,0\xa0Kio" in html
    assert 'href="https://example.org/brochure.pdf" hreflang="en"' in html
    assert "anglais" in html
    assert "Withdrawn leaflet" not in html
    assert "A leaflet with no link" not in html


@pytest.mark.django_db
def test_adopted_text_needs_its_number_and_year():
    document = Document(kind=Document.Kind.RECOMMENDATION, title_en="Untitled", year=2011)
    with translation.override("en"), pytest.raises(ValidationError, match="number and year"):
        document.full_clean()


@pytest.mark.django_db
def test_resources_page_is_one_query_for_the_documents(client, django_assert_max_num_queries):
    for size in (10, 1000):
        Document.objects.all().delete()
        Document.objects.bulk_create(
            Document(
                kind=Document.Kind.OTHER,
                title_en=f"Document {i}",
                url=f"https://example.org/document-{i}.pdf",
            )
            for i in range(size)
        )
        client.get("/en/resources/")
        # One more than before: the next scheduled change, once per content version.
        with django_assert_max_num_queries(6):
            response = client.get("/en/resources/")
        assert f"Document {size - 1}" in response.content.decode()


@pytest.mark.django_db
def test_declaration_translations_are_listed_with_type_and_size(client):
    declaration = Declaration.load()
    DeclarationTranslation.objects.create(
        declaration=declaration,
        language="hu",
        document=SimpleUploadedFile("declaration-hu.pdf", b"%PDF" + b"x" * 3068),
    )
    DeclarationTranslation.objects.create(
        declaration=declaration, language="ro", text="Declarația împotriva anti-țigănismului"
    )
    html = client.get("/en/resources/").content.decode()
    section = html[html.index("in other languages") :]
    assert 'hreflang="hu" lang="hu">Magyar</a>' in section
    assert "PDF, 3.0\xa0KB" in section
    assert 'href="/en/declaration/translations/ro/" hreflang="ro"' in section


@pytest.mark.django_db
def test_a_published_document_needs_its_file_or_its_link():
    document = Document(kind=Document.Kind.BROCHURE, title_en="The Alliance in brief")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "Give the document's file or its link" in str(error.value.message_dict["file"])
    document.url = "https://example.org/brochure.pdf"
    document.full_clean()
    Document(kind=Document.Kind.BROCHURE, title_en="Draft", is_published=False).full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_demo_lists_no_document_the_sources_do_not_give(client, demo_content, lang):
    html = client.get(f"/{lang}/resources/").content.decode()
    assert not Document.objects.exists()
    assert "Resolution 333" not in html and "Résolution 333" not in html
