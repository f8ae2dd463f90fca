// timeline: progressive enhancement of the chronology page. The page
// works fully without this script; it adds filtering by text, source,
// person or place, and key events or conflicts only, with the state kept
// in the URL query (?q=&source=&name=&only=key,conflict) so a filtered
// view can be shared and survives a reload.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.querySelector(".chronology");
  if (!form || !list || !window.URLSearchParams || !window.history) {
    return;
  }
  var events = Array.prototype.slice.call(list.querySelectorAll("li.event"));
  var periods = Array.prototype.slice.call(list.querySelectorAll("li.period")).reverse();
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("no-results");
  var text = events.map(function (li) { return li.textContent.toLowerCase(); });
  var fields = { q: form.elements.q, source: form.elements.source, name: form.elements.name };
  var only = Array.prototype.slice.call(form.querySelectorAll("input[name=only]"));

  function words(s) {
    return s.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // read sets the form from the URL.
  function read() {
    var p = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (k) {
      var el = fields[k];
      if (!el) { return; }
      var v = p.get(k) || "";
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
        v = "";
      }
      el.value = v;
    });
    var on = (p.get("only") || "").split(",");
    only.forEach(function (c) { c.checked = on.indexOf(c.value) >= 0; });
  }

  // write puts the form's state into the URL without reloading.
  function write() {
    var p = new URLSearchParams();
    Object.keys(fields).forEach(function (k) {
      var el = fields[k];
      if (el && el.value.trim()) { p.set(k, el.value.trim()); }
    });
    var on = only.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    if (on.length) { p.set("only", on.join(",")); }
    var qs = p.toString();
    var url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function apply() {
    var q = words(fields.q ? fields.q.value : "");
    var source = fields.source ? fields.source.value : "";
    var name = fields.name ? fields.name.value : "";
    var flags = only.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    var shown = 0;
    events.forEach(function (li, i) {
      var ok = q.every(function (w) { return text[i].indexOf(w) >= 0; });
      if (ok && source) { ok = (" " + li.dataset.sources + " ").indexOf(" " + source + " ") >= 0; }
      if (ok && name) { ok = ("|" + li.dataset.names + "|").indexOf("|" + name + "|") >= 0; }
      if (ok && flags.length) {
        var f = " " + li.dataset.flags + " ";
        ok = flags.every(function (x) { return f.indexOf(" " + x + " ") >= 0; });
      }
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    // Hide months and years left empty, and grey out their rail links.
    periods.forEach(function (p) {
      var any = p.querySelector("li.event:not([hidden])") !== null;
      p.hidden = !any;
      if (p.id) {
        var a = document.querySelector('.rail a[data-period="' + p.id + '"]');
        if (a) { a.classList.toggle("is-empty", !any); }
      }
    });
    var filtered = shown !== events.length;
    count.textContent = filtered ? "Showing " + shown + " of " + events.length + " events." : events.length + " events.";
    if (empty) { empty.hidden = shown !== 0; }
  }

  var timer = 0;
  function changed() {
    apply();
    write();
  }
  form.addEventListener("input", function (e) {
    if (e.target === fields.q) {
      clearTimeout(timer);
      timer = setTimeout(changed, 120);
      return;
    }
    changed();
  });
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (e) { e.preventDefault(); changed(); });
  form.addEventListener("reset", function () { setTimeout(changed, 0); });
  window.addEventListener("popstate", function () { read(); apply(); });

  read();
  form.hidden = false;
  apply();
})();
