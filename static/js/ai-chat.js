// The AI chat: htmx posts each message and appends the turn to the conversation; this file
// only adds comfort around it. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  var form = document.getElementById("chat-form");
  var text = document.getElementById("chat-text");
  var conversation = document.getElementById("conversation");
  var failure = document.getElementById("chat-failure");
  if (!form || !text || !conversation) {
    return;
  }

  function scrollToLatest() {
    var last = conversation.lastElementChild;
    if (last && last.scrollIntoView) {
      last.scrollIntoView({ block: "nearest" });
    }
  }

  // Ctrl+Enter (or Cmd+Enter) sends, Enter alone makes a new line.
  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
  });

  // The examples fill the text field; the user decides whether to send.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-chat-example]");
    if (button) {
      text.value = button.getAttribute("data-chat-example");
      text.focus();
    }
  });

  form.addEventListener("htmx:beforeRequest", function () {
    if (failure) {
      failure.hidden = true;
    }
  });

  // After a turn: clear the text unless the assistant failed (then it stays for a retry).
  conversation.addEventListener("htmx:afterSwap", function () {
    var empty = document.getElementById("chat-empty");
    if (empty) {
      empty.remove();
    }
    var replies = conversation.querySelectorAll(".msg[data-kind]");
    var last = replies.length ? replies[replies.length - 1] : null;
    if (last && last.getAttribute("data-kind") !== "error") {
      text.value = "";
    }
    scrollToLatest();
    text.focus();
  });

  // A network error or a server error: nothing was swapped, the text is kept.
  function failed() {
    if (failure) {
      failure.hidden = false;
    }
  }
  form.addEventListener("htmx:responseError", failed);
  form.addEventListener("htmx:sendError", failed);

  scrollToLatest();
})();
