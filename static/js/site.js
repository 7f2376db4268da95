// Share buttons without third-party scripts: native share sheet (Zalo appears there on phones),
// copy link, print. Everything works without JavaScript except these conveniences.
(function () {
  "use strict";
  function announce(button, message) {
    var status = button.closest(".share") && button.closest(".share").querySelector(".share__status");
    if (status) { status.textContent = message; }
  }
  function copy(button, url) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { announce(button, "Đã sao chép liên kết."); },
        function () { window.prompt("Sao chép liên kết:", url); }
      );
    } else {
      window.prompt("Sao chép liên kết:", url);
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
      copy(button, url);
      announce(button, "Đã sao chép liên kết, hãy dán vào Zalo để chia sẻ.");
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
