/* packet's answers script: the student HTML packet as a worksheet answered on screen.
   Answers stay in this browser (localStorage) and in files the student saves; nothing is
   ever sent anywhere (the page's Content-Security-Policy allows no request at all). */
(function () {
  "use strict";
  // The packet's data is the block just before this script (never looked up by its id,
  // which a template could give another element).
  var state = JSON.parse(document.currentScript.previousElementSibling.textContent);
  var packetKey = [state.project, state.lesson, state.edition];
  var storeKey = "packet-answers:" + JSON.stringify(packetKey.concat([state.version]));
  var MAX_FILE = 5000000;
  // Packet's words in the packet's language (answers.py's WORDS, from the catalogue; none
  // for English, whose words are these): each `{name}` filled from `values`.
  var words = state.words || {};
  function t(text, values) {
    var said = Object.prototype.hasOwnProperty.call(words, text) ? words[text] : text;
    return said.replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-answer]"));
  var byId = {};
  fields.forEach(function (field) { byId[field.getAttribute("data-answer")] = field; });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) { node.textContent = text; }
    return node;
  }

  // -- the bar ------------------------------------------------------------------------
  var bar = el("div", {"class": "answers-bar screen-only", role: "region", "aria-label": t("Your answers")});
  var note = el("p", {"class": "answers-note", role: "status"}, t("Your answers are kept in this browser only. Save them to a file to hand them in."));
  var printButton = el("button", {type: "button", id: "answers-print"}, t("Print my answers"));
  var saveButton = el("button", {type: "button", id: "answers-save"}, t("Save my answers"));
  var loadButton = el("button", {type: "button", id: "answers-load"}, t("Load answers…"));
  var clearButton = el("button", {type: "button", id: "answers-clear"}, t("Clear…"));
  var picker = el("input", {type: "file", accept: ".json,application/json", id: "answers-file", hidden: "hidden", "aria-label": t("An answers file")});
  [note, printButton, saveButton, loadButton, clearButton, picker].forEach(function (n) { bar.appendChild(n); });
  document.body.insertBefore(bar, document.body.firstChild);

  function say(text) { note.textContent = text; }

  // -- keeping them ---------------------------------------------------------------------
  var store = null;
  try { store = window.localStorage; store.getItem(storeKey); } catch (e) { store = null; }

  function values() {
    var answers = {};
    fields.forEach(function (field) {
      if (field.value !== "") { answers[field.getAttribute("data-answer")] = field.value; }
    });
    return answers;
  }

  var timer = null;
  function keep() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!store) { return; }
      try {
        store.setItem(storeKey, JSON.stringify({answers: values(), kept: new Date().toISOString()}));
      } catch (e) {
        say(t("This browser could not keep your answers ({error}): save them to a file.", {error: e.name}));
      }
    }, 250);
  }

  // What prints in place of each written answer: the text itself, not a scrolled box.
  function mirror(field) {
    if (field.tagName !== "TEXTAREA") { return; }
    var copy = field.nextElementSibling;
    if (!copy || !copy.classList.contains("answer-print")) {
      copy = el("div", {"class": "answer-print", "aria-hidden": "true"});
      field.parentNode.insertBefore(copy, field.nextSibling);
    }
    copy.textContent = field.value;
    var holder = field.closest("[data-answer-holder]") || field.parentNode;
    holder.classList.toggle("answered", field.value.trim() !== "");
  }

  // The name also prints on the cover's Name line.
  var nameLine = document.querySelector(".name-line");
  var namePrint = null;
  if (nameLine && byId.name) {
    namePrint = el("span", {"class": "name-print", "aria-hidden": "true"});
    nameLine.appendChild(namePrint);
  }

  function fill(answers) {
    fields.forEach(function (field) {
      var id = field.getAttribute("data-answer");
      field.value = Object.prototype.hasOwnProperty.call(answers, id) ? String(answers[id]) : "";
      mirror(field);
    });
    if (namePrint) { namePrint.textContent = byId.name.value; }
  }

  // What this browser kept for this packet; else for an earlier version of it (its
  // questions since changed): the answers whose questions it still has.
  function keptAnswers() {
    var kept = JSON.parse(store.getItem(storeKey) || "null");
    if (kept && kept.answers) { return kept.answers; }
    var latest = null;
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (key.indexOf("packet-answers:") !== 0) { continue; }
      var named = JSON.parse(key.slice("packet-answers:".length));
      if (JSON.stringify(named.slice(0, 3)) !== JSON.stringify(packetKey)) { continue; }
      var entry = JSON.parse(store.getItem(key) || "null");
      if (entry && entry.answers && (!latest || entry.kept > latest.kept)) { latest = entry; }
    }
    return latest ? latest.answers : null;
  }

  if (store) {
    try {
      var answers = keptAnswers();
      if (answers) { fill(answers); }
    } catch (e) { /* a damaged entry: start empty */ }
  } else {
    say(t("This browser does not keep answers for pages opened from a file: save them to a file before you close it."));
  }
  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      mirror(field);
      if (field === byId.name && namePrint) { namePrint.textContent = field.value; }
      keep();
    });
  });

  // -- print, save, load, clear ------------------------------------------------------------
  printButton.addEventListener("click", function () { window.print(); });

  function asked(field) {
    var given = field.getAttribute("data-question");
    if (given) { return given; }
    var question = field.closest(".question, .judgement, .task");
    var ask = question && question.querySelector(".ask, .task-prompt");
    return ask ? ask.textContent.replace(/\s+/g, " ").trim() : (field.getAttribute("aria-label") || "");
  }

  saveButton.addEventListener("click", function () {
    var nameField = byId.name;
    var name = nameField ? nameField.value.trim() : "";
    var saved = {
      format: "packet-answers",
      format_version: 1,
      project: state.project,
      lesson: state.lesson,
      lesson_title: state.lesson_title,
      edition: state.edition,
      version: state.version,
      language: state.language,  // of packet's words (absent: English)
      name: name,
      saved: new Date().toISOString(),
      answers: fields.map(function (field) {
        return {id: field.getAttribute("data-answer"), question: asked(field), answer: field.value};
      })
    };
    var blob = new Blob([JSON.stringify(saved, null, 1)], {type: "application/json"});
    var link = el("a", {href: URL.createObjectURL(blob),
      download: state.lesson + "-answers" + (name ? "-" + name.replace(/[^A-Za-z0-9]+/g, "-") : "") + ".json"});
    document.body.appendChild(link);
    link.click();
    link.remove();
    say(t("Saved to a file in your downloads: hand that file in, or load it here later."));
  });

  loadButton.addEventListener("click", function () { picker.click(); });
  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) { return; }
    if (file.size > MAX_FILE) {
      say(t("That file is too large to be answers saved from a packet."));
      picker.value = "";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var saved;
      try { saved = JSON.parse(reader.result); } catch (e) { saved = null; }
      if (!saved || saved.format !== "packet-answers" || !Array.isArray(saved.answers)) {
        say(t("That file is not answers saved from a packet."));
        return;
      }
      picker.value = "";
      if (saved.lesson !== state.lesson &&
          !window.confirm(t("These answers were saved from another lesson ({lesson}). Load them anyway?", {lesson: String(saved.lesson)}))) {
        return;
      }
      var written = Object.keys(values()).length > 0;
      if (written && !window.confirm(t("Replace the answers on this page with those in the file?"))) {
        return;
      }
      var answers = {};
      saved.answers.forEach(function (a) {
        if (a && typeof a.id === "string" && typeof a.answer === "string") { answers[a.id] = a.answer; }
      });
      fill(answers);
      keep();
      var missing = saved.answers.filter(function (a) { return a && a.answer && !byId[a.id]; }).length;
      var name = typeof saved.name === "string" ? saved.name : "";
      var given = {name: name, missing: missing};
      if (missing) {
        say(name ? t("Loaded {name}'s answers; {missing} of them belong to questions this packet no longer has.", given)
                 : t("Loaded answers; {missing} of them belong to questions this packet no longer has.", given));
      } else {
        say(name ? t("Loaded {name}'s answers.", given) : t("Loaded answers.", given));
      }
    };
    reader.readAsText(file);
  });

  clearButton.addEventListener("click", function () {
    if (!window.confirm(t("Clear every answer on this page? Answers you have not saved to a file are lost."))) { return; }
    fill({});
    if (store) {
      try { store.setItem(storeKey, JSON.stringify({answers: {}, kept: new Date().toISOString()})); }
      catch (e) { /* nothing kept */ }
    }
    say(t("Cleared."));
  });
})();
