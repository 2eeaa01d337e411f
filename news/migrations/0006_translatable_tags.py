"""Tags become the site's own, named in each language (news.Tag).

Every tag of taggit's table moves across with its id, name (as the English
name) and slug, so the articles' links to them need no rewriting; taggit's
table is then emptied. Going back copies them the other way.
"""

import django.db.models.deletion
import taggit.managers
from django.core.management.color import no_style
from django.db import migrations, models


def _copy(source, target, schema_editor, english):
    """Every row of `source` into `target`, same id and slug; then the id sequence
    of `target` is moved past them (PostgreSQL)."""
    rows = []
    for tag in source.objects.using(schema_editor.connection.alias).order_by("pk"):
        name = (tag.name_en or tag.name) if english else tag.name
        fields = {"pk": tag.pk, "name": name, "slug": tag.slug}
        if not english:
            fields["name_en"] = name
        rows.append(target(**fields))
    target.objects.using(schema_editor.connection.alias).bulk_create(rows)
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [target]):
            cursor.execute(sql)


def tags_to_news(apps, schema_editor):
    _copy(apps.get_model("taggit", "Tag"), apps.get_model("news", "Tag"), schema_editor, False)


def empty_taggit(apps, schema_editor):
    apps.get_model("taggit", "Tag").objects.using(schema_editor.connection.alias).delete()


def tags_to_taggit(apps, schema_editor):
    _copy(apps.get_model("news", "Tag"), apps.get_model("taggit", "Tag"), schema_editor, True)


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_article_search_forgives_accents'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='As visitors read it in lists, filters and feeds.', max_length=100, verbose_name='name')),
                ('name_en', models.CharField(help_text='As visitors read it in lists, filters and feeds.', max_length=100, null=True, verbose_name='name')),
                ('name_fr', models.CharField(help_text='As visitors read it in lists, filters and feeds.', max_length=100, null=True, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, help_text="The last part of the tag's web address (/news/tag/ADDRESS/). Leave empty to make it from the English name. Changing it breaks links to the tag's page.", max_length=100, unique=True, verbose_name='address')),
            ],
            options={
                'verbose_name': 'tag',
                'verbose_name_plural': 'tags',
            },
        ),
        migrations.RunPython(tags_to_news, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='article',
            name='tags',
            field=taggit.managers.TaggableManager(blank=True, help_text='Separate tags with commas, for example: ROMACT, Roma Day. A new tag is created with that name; translate it under News › Tags.', through='news.TaggedArticle', to='news.Tag', verbose_name='tags'),
        ),
        migrations.AlterField(
            model_name='taggedarticle',
            name='tag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='news.tag'),
        ),
        migrations.RunPython(empty_taggit, tags_to_taggit),
    ]
