/* Handelwijzer chat widget: plain JavaScript, no dependencies.
 *
 * On a website:
 *   <script src="https://CHAT-SERVER/webhooks/web/static/widget.js" defer></script>
 * The chat opens from a button in the corner; with an element
 * <div id="handelwijzer-chat"></div> on the page it is shown inline there.
 *
 * Accessibility: every control is a real button or labelled field, new
 * messages are announced through a live region, focus is always visible,
 * sizes are in rem so text zooms, and the layout works from 320px wide.
 * The conversation (a random id and the messages) is kept in this browser's
 * localStorage, so a reload keeps it; nothing else is stored on the device.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var src = script && script.src ? script.src : window.location.href;
  var base = (script && script.dataset.server) || src.replace(/\/static\/widget\.js.*$/, "");
  var STORE = "handelwijzer:" + base;
  var MAX_LENGTH = 2000;

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { el.textContent = attrs[k]; }
      else if (k === "className") { el.className = attrs[k]; }
      else { el.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { el.appendChild(c); } });
    return el;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE) || "null");
      if (saved && typeof saved.sender === "string" && Array.isArray(saved.messages)) { return saved; }
    } catch (e) { /* a broken store starts a new conversation */ }
    return { sender: randomId(), messages: [] };
  }

  function save(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: no history */ }
  }

  // Relative luminance and contrast (WCAG 2.x) to keep a configured colour readable.
  function luminance(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) { return null; }
    var n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }).reduce(function (acc, v, i) { return acc + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }

  function readableColour(hex) {
    var l = luminance(hex);
    return l !== null && (1.05 / (l + 0.05)) >= 4.5 ? hex : "#00606e";
  }

  /* Answers are plain text: paragraphs, "- " lists, "1. " lists and a source line. */
  function renderText(text) {
    var frag = document.createDocumentFragment();
    String(text || "").split(/\n{2,}/).forEach(function (block) {
      var lines = block.split("\n");
      var list = null;
      var para = [];
      function flushPara() {
        if (para.length) { frag.appendChild(h("p", { text: para.join(" ") })); para = []; }
      }
      lines.forEach(function (line) {
        var bullet = /^\s*-\s+(.*)$/.exec(line);
        var numbered = /^\s*(\d+)\.\s+(.*)$/.exec(line);
        if (/^Bron:/.test(line)) {
          flushPara(); list = null;
          frag.appendChild(h("p", { className: "hw-source" }, [h("small", { text: line })]));
        } else if (bullet || numbered) {
          flushPara();
          var kind = bullet ? "ul" : "ol";
          if (!list || list.tagName.toLowerCase() !== kind) { list = h(kind); frag.appendChild(list); }
          list.appendChild(h("li", { text: bullet ? bullet[1] : numbered[2] }));
        } else if (line.trim()) {
          list = null;
          para.push(line.trim());
        }
      });
      flushPara();
    });
    return frag;
  }

  function build(config) {
    var colour = readableColour(config.colour);
    var state = load();
    var pending = null;
    var inline = document.getElementById("handelwijzer-chat");
    var root = h("section", { className: "hw-chat" + (inline ? " hw-inline" : " hw-floating"), "aria-label": "Chat met " + config.name });
    root.style.setProperty("--hw-colour", colour);

    var title = h("h2", { className: "hw-title", id: "hw-title", text: config.name });
    var sub = h("p", { className: "hw-subtitle", text: "Vragen over zorghandelingen" });
    var closeBtn = inline ? null : h("button", { type: "button", className: "hw-close", "aria-label": "Chat sluiten", text: "×" });
    var header = h("div", { className: "hw-header" }, [h("div", {}, [title, sub]), closeBtn]);

    var log = h("div", { className: "hw-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-labelledby": "hw-title", tabindex: "0" });
    var status = h("p", { className: "hw-status", role: "status", "aria-live": "polite" });
    var label = h("label", { "for": "hw-input", className: "hw-label", text: "Typ je vraag" });
    var input = h("textarea", { id: "hw-input", className: "hw-input", rows: "2", maxlength: String(MAX_LENGTH), autocomplete: "off" });
    var send = h("button", { type: "submit", className: "hw-send", text: "Verstuur" });
    var form = h("form", { className: "hw-form" }, [label, h("div", { className: "hw-row" }, [input, send])]);
    var contact = h("p", { className: "hw-contact", text: config.contact ? "Liever een mens spreken? " + config.contact : "" });
    var restart = h("button", { type: "button", className: "hw-restart", text: "Nieuw gesprek" });
    root.appendChild(header);
    root.appendChild(log);
    root.appendChild(status);
    root.appendChild(form);
    root.appendChild(h("div", { className: "hw-footer" }, [contact, restart]));

    function scroll(item, fromBot) {
      // A long answer is read from its first line: show the top of a new bot
      // message, not the end of it.
      if (fromBot && item) {
        log.scrollTop += item.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
      } else {
        log.scrollTop = log.scrollHeight;
      }
    }

    function addMessage(msg) {
      var item = h("div", { className: "hw-msg hw-" + msg.from });
      var who = h("span", { className: "hw-visually-hidden", text: msg.from === "user" ? "Jij: " : config.name + ": " });
      var body = h("div", { className: "hw-body" });
      body.appendChild(who);
      if (msg.from === "bot") { body.appendChild(renderText(msg.text)); }
      else { body.appendChild(h("p", { text: msg.text })); }
      item.appendChild(body);
      if (msg.buttons && msg.buttons.length) {
        var group = h("div", { className: "hw-quick", role: "group", "aria-label": "Snelle keuzes" });
        msg.buttons.forEach(function (b) {
          var btn = h("button", { type: "button", className: "hw-quick-btn", text: b.title });
          btn.addEventListener("click", function () { ask(b.payload, b.title); });
          group.appendChild(btn);
        });
        item.appendChild(group);
      }
      log.appendChild(item);
      scroll(item, msg.from === "bot");
    }

    function setBusy(busy) {
      send.disabled = busy;
      input.setAttribute("aria-busy", busy ? "true" : "false");
      status.textContent = "";
      status.className = "hw-status";
      if (busy) {
        status.appendChild(h("span", { className: "hw-typing", "aria-hidden": "true" }, [h("span"), h("span"), h("span")]));
        status.appendChild(h("span", { text: config.name + " typt een antwoord…" }));
      }
    }

    function showError() {
      status.textContent = "";
      status.className = "hw-status hw-error";
      var retry = h("button", { type: "button", className: "hw-retry", text: "Opnieuw proberen" });
      retry.addEventListener("click", function () { if (pending) { post(pending.payload); } });
      status.appendChild(h("span", { text: "Het lukt nu niet om de chat te bereiken. Controleer je verbinding. " }));
      status.appendChild(retry);
      retry.focus();
    }

    function post(payload) {
      setBusy(true);
      var controller = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (controller) { controller.abort(); } }, 30000);
      return fetch(base + "/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: state.sender, message: payload }),
        signal: controller ? controller.signal : undefined
      }).then(function (res) {
        if (!res.ok) { throw new Error("status " + res.status); }
        return res.json();
      }).then(function (answers) {
        clearTimeout(timer);
        pending = null;
        setBusy(false);
        (answers || []).forEach(function (a) {
          if (a.custom && a.custom.handoff) {
            var msg = { from: "bot", text: "Contact: " + a.custom.handoff.contact };
            state.messages.push(msg); addMessage(msg, true);
            return;
          }
          if (!a.text && !(a.buttons || []).length) { return; }
          var m = { from: "bot", text: a.text || "", buttons: (a.buttons || []).map(function (b) { return { title: b.title, payload: b.payload }; }) };
          state.messages.push(m);
          addMessage(m, true);
        });
        save(state);
        input.focus();
      }).catch(function () {
        clearTimeout(timer);
        showError();
      });
    }

    function ask(payload, shown) {
      var text = String(shown || payload).trim();
      if (!text) { return; }
      var msg = { from: "user", text: text };
      state.messages.push(msg);
      save(state);
      addMessage(msg, false);
      pending = { payload: payload };
      post(payload);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) { input.focus(); return; }
      input.value = "";
      ask(text);
    });
    input.addEventListener("keydown", function (e) {
      // Enter sends, Shift+Enter starts a new line.
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : send.click(); }
    });
    restart.addEventListener("click", function () {
      state = { sender: randomId(), messages: [] };
      save(state);
      log.textContent = "";
      greet();
      input.focus();
    });

    function greet() {
      var hello = { from: "bot", text: config.welcome || ("Hallo! Ik ben " + config.name + ". Wat wil je weten?") };
      addMessage(hello, false);
    }

    greet();
    state.messages.forEach(function (m) { addMessage(m, false); });

    if (inline) {
      inline.appendChild(root);
    } else {
      var opener = h("button", { type: "button", className: "hw-open", "aria-expanded": "false", "aria-controls": "hw-panel", text: "Vraag het " + config.name });
      root.id = "hw-panel";
      root.hidden = true;
      opener.style.setProperty("--hw-colour", colour);
      opener.addEventListener("click", function () {
        root.hidden = false; opener.setAttribute("aria-expanded", "true"); opener.hidden = true; input.focus();
      });
      closeBtn.addEventListener("click", function () {
        root.hidden = true; opener.hidden = false; opener.setAttribute("aria-expanded", "false"); opener.focus();
      });
      document.body.appendChild(opener);
      document.body.appendChild(root);
    }
    var org = document.getElementById("hw-org");
    if (org) { org.textContent = config.name; }
  }

  function start() {
    if (!document.querySelector('link[href*="widget.css"]')) {
      document.head.appendChild(h("link", { rel: "stylesheet", href: base + "/static/widget.css" }));
    }
    fetch(base + "/config").then(function (r) { return r.json(); }).catch(function () { return {}; }).then(function (c) {
      build({ name: c.name || "Handelwijzer", colour: c.colour, contact: c.contact || "", welcome: c.welcome || "" });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
