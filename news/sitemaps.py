from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    """Every published article, in each language."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at", "published_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return max(article.updated_at, article.published_at)
