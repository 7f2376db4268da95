/* Live read time for the radio script field in the page editor (no dependencies).
   Same estimate as syndication/radio.py: one syllable per word; a run of n digits counts 2n − 1. */
(function () {
  "use strict";
  var script = document.currentScript;
  var perMinute = parseInt((script && script.dataset.syllablesPerMinute) || "220", 10);

  function syllables(text) {
    var tokens = (text || "").match(/[\p{L}\p{N}\p{M}_]+/gu) || [];
    return tokens.reduce(function (sum, token) {
      return sum + (/^\d+$/.test(token) ? 2 * token.length - 1 : 1);
    }, 0);
  }

  function duration(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    if (!minutes) return rest + " giây";
    return rest ? minutes + " phút " + rest + " giây" : minutes + " phút";
  }

  function attach(field) {
    if (field.dataset.readTimeAttached) return;
    field.dataset.readTimeAttached = "1";
    var output = document.createElement("p");
    output.className = "help radio-read-time";
    output.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", output);
    function update() {
      var count = syllables(field.value);
      var seconds = Math.ceil((count * 60) / perMinute);
      output.textContent = count
        ? count + " âm tiết · đọc khoảng " + duration(seconds) + " (" + perMinute + " âm tiết/phút)"
        : "Để trống: kịch bản được tạo tự động từ nội dung bài.";
    }
    field.addEventListener("input", update);
    update();
  }

  function init() {
    document.querySelectorAll('textarea[name="radio_script"]').forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
