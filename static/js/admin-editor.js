// Names each rich-text editor after its field's label, for screen readers: the
// editor replaces the labelled textarea with an editable area of its own.
(function () {
  "use strict";
  function name(area) {
    var editor = area.closest(".prose-editor");
    var textarea = editor && editor.querySelector("textarea[id]");
    var label = textarea && document.querySelector("label[for='" + textarea.id + "']");
    if (label && !area.hasAttribute("aria-label")) {
      area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
  }
  function nameAll() {
    document.querySelectorAll(".prose-editor [role=textbox]").forEach(name);
  }
  new MutationObserver(nameAll).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameAll);
})();
