// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy
// allows scripts from our own origin only.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]")) {
      el.form.submit();
    }
  });
  // htmx: no eval, no inline indicator styles (CSP).
  if (window.htmx) {
    window.htmx.config.allowEval = false;
    window.htmx.config.includeIndicatorStyles = false;
  }
})();
