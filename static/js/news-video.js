// Articles with a video: the page shows a link to it; with JavaScript, a
// button also offers to play it in place. Nothing is loaded from the video
// site until the visitor presses that button.
(function () {
  "use strict";
  document.querySelectorAll(".video[data-player]").forEach(function (box) {
    var consent = box.querySelector(".video__consent");
    var button = box.querySelector(".video__play");
    if (!consent || !button) {
      return;
    }
    consent.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-player");
      frame.title = button.getAttribute("data-title");
      frame.width = "640";
      frame.height = "360";
      frame.allow = "fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video__frame";
      consent.replaceWith(frame);
      frame.focus();
    });
  });
})();
