// Lan Tỏa engagement beacon: first party, no cookie, no storage (docs/engagement.md).
(function (d, w) {
  "use strict";
  var s = d.currentScript, c = s.dataset, u = c.endpoint, p = +c.page || 0, done = {};
  function send(e) {
    if (p) { e.p = p; }
    var b = JSON.stringify(e);
    if (!(navigator.sendBeacon && navigator.sendBeacon(u, b)) && w.fetch) {
      fetch(u, { method: "POST", body: b, keepalive: true }).catch(function () {});
    }
  }
  function once(k, e) { if (!done[k]) { done[k] = 1; send(e); } }
  if (p) { send({ t: "view", r: d.referrer.slice(0, 500) }); }
  var q = new URLSearchParams(location.search).get("q");
  if (/^\/tim-kiem\//.test(location.pathname) && q && q.trim()) {
    var e = { t: "search", q: q.trim().slice(0, 200) }, n = d.querySelector("[data-result-count]");
    if (n) { e.n = +n.getAttribute("data-result-count") || 0; }
    send(e);
  }
  if (!p) { return; }
  var need = +c.readSeconds || 0, seen = 0;
  if (need) {
    var t = setInterval(function () {
      if (d.visibilityState === "visible" && ++seen >= need) { clearInterval(t); once("r", { t: "read" }); }
    }, 1000);
  }
  var end = d.querySelector("[data-read-end]");
  if (c.readAtEnd !== undefined && end && w.IntersectionObserver) {
    new IntersectionObserver(function (x, o) {
      if (x[0].isIntersecting) { o.disconnect(); once("r", { t: "read" }); }
    }).observe(end);
  }
  d.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("[data-share]");
    if (a) { send({ t: "share", c: a.getAttribute("data-share") }); }
  }, true);
  d.addEventListener("play", function (ev) {
    var a = ev.target;
    if (a.tagName === "AUDIO" && !a._lt) { a._lt = 1; send({ t: "audio" }); }
  }, true);
})(document, window);
