/* Live read time for the radio script field in the page editor (no dependencies).
   Same estimate as syndication/radio.py: one syllable per word; a run of n digits counts 2n − 1. */
(function () {
  "use strict";
  var script = document.currentScript;
  var perMinute = parseInt((script && script.dataset.syllablesPerMinute) || "220", 10);
  // The admin's JavaScript catalogue (/admin/jsi18n/, locale/vi/LC_MESSAGES/djangojs.po) is
  // loaded before this script; without it the English source strings show.
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (_, name) { return String(values[name]); });
  };

  function syllables(text) {
    var tokens = (text || "").match(/[\p{L}\p{N}\p{M}_]+/gu) || [];
    return tokens.reduce(function (sum, token) {
      return sum + (/^\d+$/.test(token) ? 2 * token.length - 1 : 1);
    }, 0);
  }

  function duration(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    var values = { minutes: minutes, seconds: rest };
    if (!minutes) return interpolate(gettext("%(seconds)s sec"), values, true);
    return interpolate(
      rest ? gettext("%(minutes)s min %(seconds)s sec") : gettext("%(minutes)s min"), values, true
    );
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
        ? interpolate(
          ngettext(
            "%(count)s syllable · about %(duration)s to read (%(rate)s syllables/min)",
            "%(count)s syllables · about %(duration)s to read (%(rate)s syllables/min)",
            count
          ),
          { count: count, duration: duration(seconds), rate: perMinute },
          true
        )
        : gettext("Leave empty: the script is made from the story's text.");
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
