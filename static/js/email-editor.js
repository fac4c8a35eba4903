// The visual email editor: TipTap (window.TipTap, bundled from npm by scripts/setup) edits the
// body as a small document: headings, bold/italic, lists, links, button links, images by URL
// and variables as atomic chips. Its HTML is kept in <textarea name="body_visual">; the server
// sanitises it and lays it out as email HTML (templates_app/visual.py), for the preview and on
// save alike. Developers switch between this and the HTML mode (Monaco); the server converts
// both ways, so the two modes never disagree about what is stored. All labels come from the
// page (Django's translations); no inline scripts (the Content-Security-Policy).
(function () {
  "use strict";

  var T = window.TipTap;
  var form = document.getElementById("template-form");
  var field = document.getElementById("body-field");
  var host = document.getElementById("visual-editor");
  var mount = document.getElementById("visual-content");
  var store = document.getElementById("id_body_visual");
  var htmlArea = document.getElementById("id_body_html");
  var modeInput = document.getElementById("id_body_mode");
  if (!T || !form || !field || !host || !mount || !store || !htmlArea || !modeInput) {
    return; // Without TipTap the HTML textarea (or Monaco) is the editor.
  }
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  var VARIABLE_NAME = /^[a-z][a-z0-9_]{0,49}$/;
  var errorKey = new T.PluginKey("undeclaredVariables");
  var editor = null;

  function changed() {
    // htmx renders the preview on this event (hx-trigger on #template-form).
    if (window.htmx) {
      window.htmx.trigger(form, "template-input");
    }
  }

  // --- URLs: the server's rule (templates_app.visual.clean_url), checked here to say so early.

  function allowedUrl(value, schemes) {
    var url = (value || "").trim();
    if (/^\{\{\s*[a-z][a-z0-9_]{0,49}\s*\}\}$/.test(url)) {
      return true;
    }
    var bare = url.replace(/\{\{\s*[a-z][a-z0-9_]{0,49}\s*\}\}/g, "x");
    var lower = bare.toLowerCase();
    var schemeOk = (schemes || ["http://", "https://", "mailto:", "tel:"]).some(function (s) {
      return lower.indexOf(s) === 0 && lower.length > s.length;
    });
    return schemeOk && !/[\s{}<>"'`\\]/.test(bare);
  }

  // --- The document's own nodes -----------------------------------------------------------

  function variableOf(match) {
    return { name: /[a-z][a-z0-9_]*/.exec(match[0])[0] };
  }

  var Variable = T.Node.create({
    name: "variable",
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    addAttributes: function () {
      return {
        name: {
          default: null,
          parseHTML: function (element) {
            return element.getAttribute("data-variable");
          },
          renderHTML: function (attributes) {
            return { "data-variable": attributes.name };
          }
        }
      };
    },
    parseHTML: function () {
      return [
        {
          tag: "span[data-variable]",
          getAttrs: function (element) {
            return VARIABLE_NAME.test(element.getAttribute("data-variable") || "") ? null : false;
          }
        }
      ];
    },
    renderHTML: function (props) {
      return [
        "span",
        T.mergeAttributes(props.HTMLAttributes, { class: "variable-chip" }),
        props.node.attrs.name
      ];
    },
    renderText: function (props) {
      return "{{ " + props.node.attrs.name + " }}";
    },
    addInputRules: function () {
      // Typing {{ name }} makes a chip, as choosing it in the list does. No capture group:
      // with one, nodeInputRule would replace only the name and leave the braces.
      return [
        T.nodeInputRule({
          find: /\{\{\s*[a-z][a-z0-9_]{0,49}\s*\}\}$/,
          type: this.type,
          getAttributes: variableOf
        })
      ];
    },
    addPasteRules: function () {
      return [
        T.nodePasteRule({
          find: /\{\{\s*[a-z][a-z0-9_]{0,49}\s*\}\}/g,
          type: this.type,
          getAttributes: variableOf
        })
      ];
    },
    addProseMirrorPlugins: function () {
      var message = host.getAttribute("data-variable-error") || "";
      // The preview names the undeclared variables; their chips are marked as errors.
      return [
        new T.Plugin({
          key: errorKey,
          state: {
            init: function () {
              return [];
            },
            apply: function (tr, names) {
              var given = tr.getMeta(errorKey);
              return given === undefined ? names : given;
            }
          },
          props: {
            decorations: function (state) {
              var names = errorKey.getState(state);
              if (!names || !names.length) {
                return null;
              }
              var marks = [];
              state.doc.descendants(function (node, pos) {
                if (node.type.name === "variable" && names.indexOf(node.attrs.name) !== -1) {
                  marks.push(
                    T.Decoration.node(pos, pos + node.nodeSize, {
                      class: "is-error",
                      "aria-invalid": "true",
                      title: message
                    })
                  );
                }
              });
              return T.DecorationSet.create(state.doc, marks);
            }
          }
        })
      ];
    }
  });

  var EmailButton = T.Node.create({
    name: "emailButton",
    group: "block",
    content: "(text | variable)*",
    marks: "",
    defining: true,
    addAttributes: function () {
      return {
        href: {
          default: "",
          parseHTML: function (element) {
            return element.getAttribute("data-href") || "";
          },
          renderHTML: function (attributes) {
            return { "data-href": attributes.href };
          }
        }
      };
    },
    parseHTML: function () {
      return [{ tag: 'div[data-type="email-button"]', priority: 60 }];
    },
    renderHTML: function (props) {
      return [
        "div",
        T.mergeAttributes(props.HTMLAttributes, { "data-type": "email-button", class: "email-button" }),
        0
      ];
    },
    addKeyboardShortcuts: function () {
      var self = this;
      return {
        // Enter ends the button: the text goes on in a new paragraph below it.
        Enter: function () {
          var $from = self.editor.state.selection.$from;
          if ($from.parent.type.name !== "emailButton") {
            return false;
          }
          var after = $from.after();
          return self.editor
            .chain()
            .insertContentAt(after, { type: "paragraph" })
            .setTextSelection(after + 1)
            .run();
        }
      };
    }
  });

  // --- Toolbar: one tab stop, arrow keys between the buttons (WAI-ARIA toolbar) -------------

  var toolbar = host.querySelector("[role=toolbar]");
  var tools = Array.prototype.slice.call(toolbar.querySelectorAll("button[data-command]"));

  function rove(index) {
    tools.forEach(function (tool, i) {
      tool.tabIndex = i === index ? 0 : -1;
    });
    tools[index].focus();
  }
  tools.forEach(function (tool, i) {
    tool.tabIndex = i === 0 ? 0 : -1;
  });
  toolbar.addEventListener("keydown", function (event) {
    var index = tools.indexOf(document.activeElement);
    if (index === -1) {
      return;
    }
    var next = {
      ArrowRight: (index + 1) % tools.length,
      ArrowLeft: (index - 1 + tools.length) % tools.length,
      Home: 0,
      End: tools.length - 1
    }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      rove(next);
    }
  });

  var ACTIVE = {
    bold: function () { return editor.isActive("bold"); },
    italic: function () { return editor.isActive("italic"); },
    heading1: function () { return editor.isActive("heading", { level: 1 }); },
    heading2: function () { return editor.isActive("heading", { level: 2 }); },
    heading3: function () { return editor.isActive("heading", { level: 3 }); },
    bulletList: function () { return editor.isActive("bulletList"); },
    orderedList: function () { return editor.isActive("orderedList"); },
    link: function () { return editor.isActive("link"); },
    button: function () { return editor.isActive("emailButton"); }
  };

  function refreshToolbar() {
    if (!editor) {
      return;
    }
    tools.forEach(function (tool) {
      var active = ACTIVE[tool.getAttribute("data-command")];
      if (active) {
        tool.setAttribute("aria-pressed", active() ? "true" : "false");
      }
    });
  }

  var COMMANDS = {
    bold: function (c) { return c.toggleBold(); },
    italic: function (c) { return c.toggleItalic(); },
    heading1: function (c) { return c.toggleHeading({ level: 1 }); },
    heading2: function (c) { return c.toggleHeading({ level: 2 }); },
    heading3: function (c) { return c.toggleHeading({ level: 3 }); },
    bulletList: function (c) { return c.toggleBulletList(); },
    orderedList: function (c) { return c.toggleOrderedList(); },
    undo: function (c) { return c.undo(); },
    redo: function (c) { return c.redo(); }
  };

  toolbar.addEventListener("click", function (event) {
    var tool = event.target.closest("button[data-command]");
    if (!tool || !editor) {
      return;
    }
    var command = tool.getAttribute("data-command");
    rove(tools.indexOf(tool));
    if (command === "link" || command === "button") {
      openLinkDialog(command);
    } else if (command === "image") {
      openImageDialog();
    } else {
      COMMANDS[command](editor.chain().focus()).run();
    }
  });

  // --- Dialogs for links, buttons and images ----------------------------------------------

  function dialogButtons(dialog, handlers) {
    dialog.addEventListener("click", function (event) {
      var button = event.target.closest("[data-dialog]");
      if (button && handlers[button.getAttribute("data-dialog")]) {
        handlers[button.getAttribute("data-dialog")]();
      }
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.tagName === "INPUT") {
        event.preventDefault();
        handlers.ok();
      }
    });
    dialog.addEventListener("close", function () {
      if (editor) {
        editor.commands.focus();
      }
    });
  }

  var linkDialog = document.getElementById("link-dialog");
  var linkKind = "link";
  var linkText = document.getElementById("link-text");
  var linkTarget = document.getElementById("link-target");
  var linkUrl = document.getElementById("link-url");
  var linkError = document.getElementById("link-error");

  function showUrlField() {
    document.getElementById("link-url-field").hidden = linkTarget.value !== "url";
  }

  function setTarget(href) {
    var match = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(href || "");
    var option = match && linkTarget.querySelector("option[value='var:" + match[1] + "']");
    if (option) {
      linkTarget.value = option.value;
      linkUrl.value = "";
    } else if (href) {
      linkTarget.value = "url";
      linkUrl.value = href;
    } else {
      linkTarget.value = linkKind === "button" ? "var:bestilling_link" : "url";
      linkUrl.value = "";
    }
    showUrlField();
  }

  function openLinkDialog(kind) {
    linkKind = kind;
    var title = document.getElementById("link-dialog-title");
    title.textContent = title.getAttribute(kind === "button" ? "data-button" : "data-link");
    var inButton = editor.isActive("emailButton");
    var href = kind === "button"
      ? (inButton ? editor.getAttributes("emailButton").href : "")
      : editor.getAttributes("link").href || "";
    // Text is asked for only where there is none yet: a new button, a link with no selection.
    var needsText = kind === "button" ? !inButton : editor.state.selection.empty && !href;
    document.getElementById("link-text-field").hidden = !needsText;
    linkText.value = "";
    var textLabel = document.querySelector("label[for=link-text]");
    textLabel.textContent = textLabel.getAttribute(kind === "button" ? "data-button" : "data-link");
    linkDialog.querySelector("[data-dialog=remove]").hidden = kind === "button" ? !inButton : !href;
    linkError.hidden = true;
    linkUrl.removeAttribute("aria-invalid");
    setTarget(href);
    linkDialog.showModal();
    (needsText ? linkText : linkTarget).focus();
  }

  if (linkDialog) {
    linkTarget.addEventListener("change", showUrlField);
    dialogButtons(linkDialog, {
      ok: function () {
        var target = linkTarget.value;
        var href = target === "url" ? linkUrl.value.trim() : "{{ " + target.slice(4) + " }}";
        if (!allowedUrl(href)) {
          linkError.hidden = false;
          linkUrl.setAttribute("aria-invalid", "true");
          linkUrl.focus();
          return;
        }
        var text = linkText.value.trim();
        var chain = editor.chain().focus();
        if (linkKind === "button") {
          if (editor.isActive("emailButton")) {
            chain.updateAttributes("emailButton", { href: href }).run();
          } else {
            chain
              .insertContent({
                type: "emailButton",
                attrs: { href: href },
                content: [{ type: "text", text: text || linkTarget.selectedOptions[0].text }]
              })
              .run();
          }
        } else if (!document.getElementById("link-text-field").hidden) {
          chain
            .insertContent({
              type: "text",
              text: text || href,
              marks: [{ type: "link", attrs: { href: href } }]
            })
            .run();
        } else {
          chain.extendMarkRange("link").setLink({ href: href }).run();
        }
        linkDialog.close();
      },
      remove: function () {
        if (linkKind === "button") {
          // The button becomes a paragraph with the same text.
          editor.chain().focus().setNode("paragraph").run();
        } else {
          editor.chain().focus().extendMarkRange("link").unsetLink().run();
        }
        linkDialog.close();
      },
      cancel: function () {
        linkDialog.close();
      }
    });
  }

  var imageDialog = document.getElementById("image-dialog");
  var imageSrc = document.getElementById("image-src");
  var imageAlt = document.getElementById("image-alt");
  var imageError = document.getElementById("image-error");

  function openImageDialog() {
    var current = editor.isActive("image") ? editor.getAttributes("image") : {};
    imageSrc.value = current.src || "";
    imageAlt.value = current.alt || "";
    imageError.hidden = true;
    imageSrc.removeAttribute("aria-invalid");
    imageDialog.showModal();
    imageSrc.focus();
  }

  if (imageDialog) {
    dialogButtons(imageDialog, {
      ok: function () {
        var src = imageSrc.value.trim();
        if (!allowedUrl(src, ["http://", "https://"])) {
          imageError.hidden = false;
          imageSrc.setAttribute("aria-invalid", "true");
          imageSrc.focus();
          return;
        }
        var attrs = { src: src, alt: imageAlt.value.trim() };
        if (editor.isActive("image")) {
          editor.chain().focus().updateAttributes("image", attrs).run();
        } else {
          editor.chain().focus().setImage(attrs).run();
        }
        imageDialog.close();
      },
      cancel: function () {
        imageDialog.close();
      }
    });
  }

  // --- Undeclared variables, as the preview reports them -----------------------------------

  function markUndeclared() {
    if (!editor) {
      return;
    }
    var names = Array.prototype.map.call(
      document.querySelectorAll("#undeclared-variables li[data-variable]"),
      function (item) {
        return item.getAttribute("data-variable");
      }
    );
    editor.view.dispatch(editor.state.tr.setMeta(errorKey, names).setMeta("addToHistory", false));
  }
  document.body.addEventListener("htmx:afterSettle", markUndeclared);

  // Choosing a variable in the list puts a chip where the cursor is (template-editor.js does
  // the HTML mode's insert).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert-variable]");
    if (button && editor && modeInput.value === "visual") {
      event.preventDefault();
      editor
        .chain()
        .focus()
        .insertContent({ type: "variable", attrs: { name: button.getAttribute("data-insert-variable") } })
        .run();
    }
  });

  // --- Modes --------------------------------------------------------------------------------

  var monacoHost = document.getElementById("body-html-editor");
  var note = document.getElementById("mode-note");

  function show(mode) {
    var visual = mode === "visual";
    modeInput.value = visual ? "visual" : "html";
    field.setAttribute("data-mode", mode);
    host.hidden = !visual;
    document.getElementById("visual-hint").hidden = !visual;
    document.getElementById("body-visual-label").hidden = mode === "html";
    document.getElementById("id_body_html-label").hidden = mode !== "html";
    var monacoReady = monacoHost && monacoHost.getAttribute("data-monaco-ready") === "true";
    if (monacoHost) {
      monacoHost.hidden = mode !== "html" || !monacoReady;
    }
    htmlArea.hidden = mode !== "html" || monacoReady;
    var hint = document.getElementById("id_body_html-hint");
    if (hint) {
      hint.hidden = mode !== "html" || !monacoReady;
    }
    Array.prototype.forEach.call(document.querySelectorAll("#mode-switch [data-mode]"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-mode") === mode ? "true" : "false");
    });
  }

  function convert(target, content, lenient) {
    var body = new URLSearchParams();
    body.set("to", target);
    body.set("content", content);
    if (lenient) {
      body.set("lenient", "1");
    }
    return fetch(host.getAttribute("data-convert-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf ? csrf.value : "", "Content-Type": "application/x-www-form-urlencoded" },
      body: body
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          throw new Error((data.errors && data.errors[0] && data.errors[0].message) || response.statusText);
        }
        return data;
      });
    });
  }

  function loadVisual(visualHtml) {
    editor.commands.setContent(visualHtml, { emitUpdate: false });
    store.value = editor.getHTML();
    note.hidden = true;
    show("visual");
    markUndeclared();
    changed();
  }

  function switchTo(mode) {
    if (mode === modeInput.value && !(mode === "html" && field.getAttribute("data-mode") === "readonly")) {
      return;
    }
    if (mode === "html") {
      convert("html", store.value).then(function (data) {
        htmlArea.value = data.html;
        htmlArea.dispatchEvent(new CustomEvent("template-html-replaced"));
        show("html");
        changed();
      }, function (error) {
        note.textContent = error.message;
        note.hidden = false;
      });
    } else {
      convert("visual", htmlArea.value).then(function (data) {
        loadVisual(data.visual);
      }, function (error) {
        note.textContent = error.message;
        note.hidden = false;
      });
    }
  }

  var modeSwitch = document.getElementById("mode-switch");
  if (modeSwitch) {
    modeSwitch.hidden = false;
    modeSwitch.addEventListener("click", function (event) {
      var button = event.target.closest("[data-mode]");
      if (button) {
        switchTo(button.getAttribute("data-mode"));
      }
    });
  }

  var makeVisual = document.getElementById("make-visual");
  if (makeVisual) {
    makeVisual.hidden = false;
    makeVisual.addEventListener("click", function () {
      if (!window.confirm(makeVisual.getAttribute("data-confirm"))) {
        return;
      }
      convert("visual", htmlArea.value, true).then(function (data) {
        loadVisual(data.visual);
        makeVisual.parentNode.hidden = true;
        editor.commands.focus("start");
      });
    });
  }

  // --- The editor ---------------------------------------------------------------------------

  editor = new T.Editor({
    element: mount,
    extensions: [
      T.StarterKit.configure({
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        heading: { levels: [1, 2, 3] },
        link: {
          openOnClick: false,
          autolink: false,
          linkOnPaste: true,
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: function (url) {
            return allowedUrl(url);
          }
        }
      }),
      T.Image.configure({ inline: false, allowBase64: false }),
      Variable,
      EmailButton
    ],
    content: store.value,
    editorProps: {
      attributes: {
        id: "visual-doc",
        class: "visual-doc",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": host.getAttribute("data-label") || "",
        "aria-describedby": "visual-hint"
      }
    },
    onUpdate: function () {
      store.value = editor.getHTML();
      changed();
    },
    onTransaction: refreshToolbar
  });
  // What TipTap read from the server's HTML, in its own words: a save without a change
  // stores the same.
  store.value = editor.getHTML();
  if (field.getAttribute("data-mode") === "visual") {
    show("visual");
  }
  markUndeclared();
  refreshToolbar();
  host.setAttribute("data-ready", "true");
})();
