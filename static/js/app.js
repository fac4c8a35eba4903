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
  // Monaco's light theme, with the few syntax colours that are too pale on white (under
  // 4.5:1, WCAG 1.4.3) darkened. The script and template editors both use it.
  window.appMonacoTheme = function (monaco) {
    monaco.editor.defineTheme("app-light", {
      base: "vs",
      inherit: true,
      rules: [
        { token: "annotation", foreground: "666666" },
        { token: "attribute.name", foreground: "c00000" },
        { token: "metatag.content.html", foreground: "c00000" },
        { token: "metatag.html", foreground: "666666" },
        { token: "metatag.xml", foreground: "666666" },
        { token: "string.sql", foreground: "c00000" },
        { token: "operator.sql", foreground: "5a6673" }
      ],
      colors: { "editorLineNumber.dimmedForeground": "#6b7280" }
    });
    return "app-light";
  };
})();
