// Live reload for `timeline serve`: added to pages by the server, never
// written into the built site. Reloads the page when a build finishes.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var seen = null;
  var es = new EventSource("/_timeline/events");
  es.addEventListener("build", function (e) {
    var build = String(e.data).split(" ")[0];
    if (seen === null) { seen = build; return; }
    if (build !== seen) { window.location.reload(); }
  });
})();
