// Share buttons without third-party scripts: native share sheet (Zalo appears there on phones),
// copy link, print. Everything works without JavaScript except these conveniences.
(function () {
  "use strict";
  // What the status line and the prompt say is written by the page in its language
  // (templates/includes/share.html: data-copied, data-copy-prompt, data-zalo-…): no text here.
  function say(button, name) {
    var box = button.closest(".share");
    return (box && box.getAttribute("data-" + name)) || "";
  }
  function announce(button, message) {
    var status = button.closest(".share") && button.closest(".share").querySelector(".share__status");
    if (status) { status.textContent = message; }
  }
  // `done` is said once the link is really on the clipboard (the copy finishes later), so a
  // caller's own hint is passed in rather than announced after the call.
  function copy(button, url, done, label) {
    done = done || say(button, "copied");
    label = label || say(button, "copy-prompt");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { announce(button, done); },
        function () { window.prompt(label, url); }
      );
    } else {
      window.prompt(label, url);
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-link],[data-share-native],[data-print]");
    if (!button) { return; }
    if (button.hasAttribute("data-print")) { window.print(); return; }
    if (button.hasAttribute("data-copy-link")) { copy(button, button.getAttribute("data-copy-link")); return; }
    var url = button.getAttribute("data-share-url");
    if (navigator.share) {
      navigator.share({ title: button.getAttribute("data-share-title"), url: url }).catch(function () {});
    } else {
      // No share sheet (a desktop browser): copy the link and say where to paste it.
      copy(button, url, say(button, "zalo-copied"), say(button, "zalo-prompt"));
    }
  });
})();

// Search suggestions: titles and exemplar names from /tim-kiem/goi-y/ fill the input's datalist.
(function () {
  "use strict";
  var timer = null;
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-suggest-url]")) { return; }
    var list = document.getElementById(input.getAttribute("list"));
    clearTimeout(timer);
    if (!list || input.value.trim().length < 2) { return; }
    timer = setTimeout(function () {
      fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(input.value))
        .then(function (response) { return response.json(); })
        .then(function (data) {
          list.textContent = "";
          data.results.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            option.label = item.kind_label;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
