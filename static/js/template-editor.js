// The email template editor: Monaco for the HTML body, kept in sync with the form's
// <textarea name="body_html">, so saving and the live preview work the same with and without
// JavaScript. The preview itself is htmx's job (hx-trigger on #template-form); this file only
// tells htmx that the HTML changed, marks the checker's problems in the editor and inserts
// variables. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  var form = document.getElementById("template-form");
  var host = document.getElementById("body-html-editor");
  var textarea = document.getElementById("id_body_html");
  if (!form || !textarea) {
    return;
  }
  var editor = null;
  // The visual editor (email-editor.js) owns the body while this is "visual".
  var modeInput = document.getElementById("id_body_mode");
  function visualMode() {
    return !!modeInput && modeInput.value === "visual";
  }

  function problemMarkers() {
    // The save errors beside the field and the preview's problems both carry data-line.
    var items = document.querySelectorAll(
      "#id_body_html-errors li[data-line], #preview-problems li[data-field='body_html'][data-line]"
    );
    var seen = {};
    var markers = [];
    Array.prototype.forEach.call(items, function (item) {
      var line = parseInt(item.getAttribute("data-line"), 10);
      var message = item.textContent.trim();
      if (!line || seen[line + message]) {
        return;
      }
      seen[line + message] = true;
      markers.push({
        severity: window.monaco.MarkerSeverity.Error,
        message: message,
        startLineNumber: line,
        startColumn: 1,
        endLineNumber: line,
        endColumn: editor.getModel().getLineMaxColumn(Math.min(line, editor.getModel().getLineCount()))
      });
    });
    window.monaco.editor.setModelMarkers(editor.getModel(), "template-check", markers);
  }

  function changed() {
    // htmx listens for this on the form (hx-trigger="template-input delay:500ms").
    if (window.htmx) {
      window.htmx.trigger(form, "template-input");
    }
  }

  function insertVariable(name) {
    var text = "{{ " + name + " }}";
    if (editor) {
      var selection = editor.getSelection();
      editor.executeEdits("insert-variable", [
        { range: selection, text: text, forceMoveMarkers: true }
      ]);
      editor.focus();
      return;
    }
    var start = textarea.selectionStart || 0;
    var end = textarea.selectionEnd || 0;
    textarea.value = textarea.value.slice(0, start) + text + textarea.value.slice(end);
    textarea.focus();
    textarea.setSelectionRange(start + text.length, start + text.length);
    changed();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert-variable]");
    if (button && !textarea.disabled && !visualMode()) {
      event.preventDefault();
      insertVariable(button.getAttribute("data-insert-variable"));
    }
  });

  // After htmx swapped in a new preview, mark its problems in the editor.
  document.body.addEventListener("htmx:afterSettle", function () {
    if (editor) {
      problemMarkers();
    }
  });

  if (!host || typeof window.require !== "function" || !window.require.config) {
    return; // No Monaco: the plain textarea stays, and still works.
  }
  var loader = host.getAttribute("data-monaco-loader");
  var base = loader.replace(/\/loader\.js(\?.*)?$/, "");
  // Workers from our own origin: the CSP allows 'self' and blob: for workers, nothing else.
  window.MonacoEnvironment = {
    getWorkerUrl: function () {
      return new URL(base + "/base/worker/workerMain.js", window.location.href).toString();
    }
  };
  window.require.config({ paths: { vs: base } });
  window.require(["vs/editor/editor.main"], function () {
    var readOnly = textarea.disabled || textarea.readOnly;
    host.hidden = visualMode();
    editor = window.monaco.editor.create(host, {
      theme: window.appMonacoTheme ? window.appMonacoTheme(window.monaco) : "vs",
      value: textarea.value,
      language: "html",
      readOnly: readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: "on",
      fontSize: 14,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      ariaLabel: host.getAttribute("data-label") || "HTML"
    });
    textarea.hidden = true;
    textarea.setAttribute("aria-hidden", "true");
    var hint = document.getElementById("id_body_html-hint");
    if (hint && !readOnly) {
      hint.hidden = visualMode();
    }
    // The label points at the hidden textarea; send its clicks to the editor instead.
    var label = document.getElementById("id_body_html-label");
    if (label) {
      label.addEventListener("click", function (event) {
        event.preventDefault();
        editor.focus();
      });
    }
    editor.onDidChangeModelContent(function () {
      textarea.value = editor.getValue();
      changed();
    });
    form.addEventListener("submit", function () {
      textarea.value = editor.getValue();
    });
    // The visual editor's content, converted when switching back to HTML.
    textarea.addEventListener("template-html-replaced", function () {
      editor.setValue(textarea.value);
    });
    host.setAttribute("data-monaco-ready", "true");
    problemMarkers();
  });
})();
