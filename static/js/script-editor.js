// The script editor: Monaco on top of the form's <textarea name="source"> (kept in sync, so
// saving works the same with and without JavaScript). As you type, the script is checked on
// the server (debounced); its errors become editor markers and its preview is shown beside.
// No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  var form = document.getElementById("script-form");
  var host = document.getElementById("script-editor");
  var textarea = document.getElementById("id_source");
  var status = document.getElementById("script-status");
  if (!form || !textarea) {
    return;
  }
  var checkUrl = form.getAttribute("data-check-url");
  var examples = {};
  try {
    examples = JSON.parse(document.getElementById("script-examples").textContent);
  } catch (e) {
    examples = {};
  }
  var editor = null;
  var timer = null;
  var sequence = 0;
  var lastErrors = [];
  var DELAY_MS = 400;

  function language() {
    var checked = form.querySelector("input[name=language]:checked");
    return checked ? checked.value : "python";
  }

  function source() {
    return editor ? editor.getValue() : textarea.value;
  }

  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setMarkers(errors) {
    lastErrors = errors;
    if (!editor || !window.monaco) {
      return;
    }
    var model = editor.getModel();
    var lines = model.getLineCount();
    var markers = errors.map(function (error) {
      var line = Math.max(1, Math.min(error.line || 1, lines));
      var column = Math.max(1, error.column || 1);
      var endLine = error.end_line ? Math.min(error.end_line, lines) : line;
      var endColumn = error.end_column || model.getLineMaxColumn(endLine);
      if (endLine === line && endColumn <= column) {
        endColumn = model.getLineMaxColumn(line);
      }
      return {
        severity: window.monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn: Math.max(endColumn, column + 1)
      };
    });
    window.monaco.editor.setModelMarkers(model, "workflow-script", markers);
  }

  function showResult(data) {
    var preview = document.getElementById("script-preview");
    var empty = document.getElementById("script-preview-empty");
    var list = document.getElementById("script-errors");
    var heading = document.getElementById("script-errors-heading");
    if (preview) {
      preview.textContent = "";
      (data.preview || []).forEach(function (line) {
        var li = document.createElement("li");
        li.className = "preview-" + line.kind;
        if (line.kind === "name") {
          var strong = document.createElement("strong");
          strong.textContent = line.text;
          li.appendChild(strong);
        } else {
          li.textContent = line.text;
        }
        preview.appendChild(li);
      });
    }
    if (empty) {
      empty.hidden = (data.preview || []).length > 0;
    }
    if (list) {
      list.textContent = "";
      (data.errors || []).forEach(function (error) {
        var li = document.createElement("li");
        li.setAttribute("data-line", error.line);
        li.setAttribute("data-column", error.column);
        li.textContent = (list.getAttribute("data-line-label") || "Line") + " " + error.line +
          ", " + (list.getAttribute("data-column-label") || "column") + " " + error.column +
          ": " + error.message;
        list.appendChild(li);
      });
    }
    if (heading) {
      heading.hidden = (data.errors || []).length === 0;
    }
    if (status) {
      status.textContent = status.getAttribute(data.ok ? "data-ok" : "data-problems") || "";
    }
    setMarkers(data.errors || []);
  }

  function check() {
    var body = new URLSearchParams();
    body.set("language", language());
    body.set("source", source());
    var mine = ++sequence;
    form.setAttribute("data-checking", "true");
    fetch(checkUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString()
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        if (mine === sequence) {
          showResult(data);
          form.removeAttribute("data-checking");
        }
      })
      .catch(function () {
        if (mine === sequence) {
          form.removeAttribute("data-checking");
          if (status) {
            status.textContent = status.getAttribute("data-failed") || "";
          }
        }
      });
  }

  function changed() {
    textarea.value = source();
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DELAY_MS);
  }

  textarea.addEventListener("input", changed);

  // The language switch: the example follows the language while it is still untouched.
  form.addEventListener("change", function (event) {
    if (event.target.name !== "language") {
      return;
    }
    var lang = language();
    var current = source().trim();
    var untouched = Object.keys(examples).some(function (key) {
      return examples[key].trim() === current;
    });
    if ((untouched || !current) && examples[lang]) {
      if (editor) {
        editor.setValue(examples[lang]);
      } else {
        textarea.value = examples[lang];
      }
    }
    if (editor) {
      window.monaco.editor.setModelLanguage(editor.getModel(), lang);
    }
    changed();
  });

  // After a failed save htmx swaps in the server's problems: mark them too.
  document.body.addEventListener("htmx:afterSettle", function () {
    var items = document.querySelectorAll("#script-errors li[data-line]");
    setMarkers(Array.prototype.map.call(items, function (item) {
      return {
        line: parseInt(item.getAttribute("data-line"), 10),
        column: parseInt(item.getAttribute("data-column"), 10),
        message: item.textContent.trim()
      };
    }));
  });

  if (!host || typeof window.require !== "function" || !window.require.config) {
    return; // No Monaco: the plain textarea stays, is still checked as you type, and saves.
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
    host.hidden = false;
    editor = window.monaco.editor.create(host, {
      theme: window.appMonacoTheme ? window.appMonacoTheme(window.monaco) : "vs",
      value: textarea.value,
      language: language(),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: language() === "python" ? 4 : 2,
      scrollBeyondLastLine: false,
      ariaLabel: host.getAttribute("data-label") || "Script"
    });
    textarea.hidden = true;
    textarea.setAttribute("aria-hidden", "true");
    editor.onDidChangeModelContent(changed);
    var label = document.getElementById("id_source-label");
    if (label) {
      label.addEventListener("click", function (event) {
        event.preventDefault();
        editor.focus();
      });
    }
    host.setAttribute("data-ready", "true");
    setMarkers(lastErrors);
    check();
  });
})();
