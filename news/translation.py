from modeltranslation.translator import TranslationOptions, register

from .models import Article, ArticleDocument, Tag


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "image_alt", "image_credit", "event_city")
    required_languages = {"en": ("title",)}


@register(ArticleDocument)
class ArticleDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}
