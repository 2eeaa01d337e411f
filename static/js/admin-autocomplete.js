// Names each autocomplete box (Django's select2) after its field's label, for screen
// readers: select2 names the box by the text shown in it (the value, or an empty
// placeholder), and gives that text a role of its own that has no name.
(function () {
  "use strict";
  function name(select) {
    var label = document.querySelector("label[for='" + select.id + "']");
    var container = select.nextElementSibling;
    var box = container && container.querySelector(".select2-selection[role=combobox]");
    if (!label || !box) {
      return;
    }
    if (!label.id) {
      label.id = select.id + "-label";
    }
    var shown = box.querySelector(".select2-selection__rendered");
    if (shown && shown.getAttribute("role") === "textbox") {
      shown.removeAttribute("role");
      shown.removeAttribute("aria-readonly");
    }
    var names = [label.id];
    if (shown && shown.id) {
      names.push(shown.id);
    }
    box.setAttribute("aria-labelledby", names.join(" "));
    var search = container.querySelector(".select2-search__field");
    if (search && !search.hasAttribute("aria-labelledby")) {
      search.setAttribute("aria-labelledby", label.id);
    }
  }
  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete[id]").forEach(name);
  }
  new MutationObserver(nameAll).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameAll);
})();
