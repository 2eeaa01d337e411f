"""The Content-Security-Policy's one exception: the admin's rich-text editor.

The policy allows no inline script or style. The prose editor loads its modules
through an import map, which a browser only reads from an inline
``<script type="importmap">``; django-csp can add a per-request nonce to the
policy, and js-asset's ``Media`` puts that nonce on the tags it renders. The
editor (Tiptap) also adds one fixed ``<style>`` element of its own, allowed by
its hash. Both exceptions are sent only with the admin forms that hold an
editor: public pages never ask for a nonce, so their policy stays without one.
"""

from js_asset import Media

# sha256 of the base stylesheet that Tiptap injects (django-prose-editor 0.28).
# If an upgrade changes it, the browser test of the editor reports the
# violation along with the new hash.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


class NonceMediaAdmin:
    """A ModelAdmin mixin for forms with a prose editor (see the module's docstring)."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=str(request.csp_nonce))
        response = super().render_change_form(request, context, *args, **kwargs)
        response._csp_update = {"style-src": [EDITOR_STYLE_HASH]}
        return response

    def render_history_view(self, request, template, context, **kwargs):
        """The form of an earlier version (HistoryAdmin) holds the same editors."""
        if "adminform" in context:
            media = self.media + context["adminform"].media
            context["media"] = Media.from_media(media, nonce=str(request.csp_nonce))
        response = super().render_history_view(request, template, context, **kwargs)
        if "adminform" in context:
            update = getattr(response, "_csp_update", {})
            styles = [*update.get("style-src", []), EDITOR_STYLE_HASH]
            response._csp_update = {**update, "style-src": styles}
        return response
