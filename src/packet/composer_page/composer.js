(function () {
  "use strict";
  var state = JSON.parse(document.getElementById("packet-state").textContent);
  var main = document.getElementById("composer");
  var token = state.token;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), attrs[key]); }
      else if (attrs[key] !== false && attrs[key] !== null) { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-Packet-Token": token},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { data.status = response.status; return data; });
    });
  }

  function list(items, className) {
    return el("ul", {"class": className}, items.map(function (text) {
      return el("li", {text: text});
    }));
  }

  if (state.deleted) { showDeleted(); return; }
  if (!state.catalogue) {
    main.appendChild(el("p", {text: "The project has problems to fix before lessons can be composed:"}));
    main.appendChild(list(state.problems, "problems"));
    main.setAttribute("aria-busy", "false");
    return;
  }

  var catalogue = state.catalogue;
  var modulesById = {};
  catalogue.modules.forEach(function (m) { modulesById[m.id] = m; });
  var form = state.form;
  var isNew = state.lesson === null;
  var lessonId = state.lesson || "";
  var opened = state.opened;
  var options = {edition: "student", paper: null, large_print: false, booklet: false,
                 double_sided: null};

  // -- the form ---------------------------------------------------------------------
  var idInput = el("input", {type: "text", id: "lesson-id", name: "id", value: lessonId,
    autocomplete: "off", "aria-describedby": "id-help", readonly: isNew ? false : "readonly"});
  var titleInput = el("input", {type: "text", id: "lesson-title", name: "title", value: form.title});
  var summaryInput = el("textarea", {id: "lesson-summary", name: "summary"});
  summaryInput.value = form.summary;
  var enquiryInput = el("textarea", {id: "lesson-enquiry", name: "enquiry"});
  enquiryInput.value = form.enquiry;
  var advisoryInput = el("textarea", {id: "lesson-advisory", name: "advisory"});
  advisoryInput.value = form.advisory;
  var search = el("input", {type: "search", id: "module-search",
    placeholder: "Title or key term", "aria-controls": "found-modules"});
  var chosen = el("ol", {"class": "chosen", id: "chosen-modules", "aria-label": "Modules in the lesson"});
  var found = el("ul", {"class": "found", id: "found-modules", "aria-label": "Modules to add"});
  var announce = el("p", {"class": "visually-hidden", "aria-live": "polite", id: "announce"});

  function say(text) { announce.textContent = text; }

  function moduleRow(id, index) {
    var m = modulesById[id] || {id: id, title: id, terms: []};
    var row = el("li", {draggable: "true", "data-id": id});
    row.appendChild(el("span", {"class": "name", text: (index + 1) + ". " + m.title + (m.draft ? " (draft)" : "")}));
    row.appendChild(el("button", {type: "button", "aria-label": "Move " + m.title + " up",
      disabled: index === 0 ? "disabled" : false, onclick: function () { move(index, -1); }}, [document.createTextNode("↑")]));
    row.appendChild(el("button", {type: "button", "aria-label": "Move " + m.title + " down",
      disabled: index === form.modules.length - 1 ? "disabled" : false,
      onclick: function () { move(index, 1); }}, [document.createTextNode("↓")]));
    row.appendChild(el("button", {type: "button", "aria-label": "Remove " + m.title,
      onclick: function () { removeModule(index); }}, [document.createTextNode("Remove")]));
    row.addEventListener("dragstart", function (event) {
      row.classList.add("dragging");
      event.dataTransfer.setData("text/plain", String(index));
    });
    row.addEventListener("dragend", function () { row.classList.remove("dragging"); });
    row.addEventListener("dragover", function (event) { event.preventDefault(); });
    row.addEventListener("drop", function (event) {
      event.preventDefault();
      var from = Number(event.dataTransfer.getData("text/plain"));
      if (isNaN(from) || from === index) { return; }
      var moved = form.modules.splice(from, 1)[0];
      form.modules.splice(index, 0, moved);
      say(m.title + " moved");
      changed();
    });
    return row;
  }

  function move(index, step) {
    var other = index + step;
    if (other < 0 || other >= form.modules.length) { return; }
    var moved = form.modules[index];
    form.modules[index] = form.modules[other];
    form.modules[other] = moved;
    changed();
    say((modulesById[moved] || {title: moved}).title + " is now number " + (other + 1));
    var button = chosen.children[other].querySelectorAll("button")[step < 0 ? 0 : 1];
    if (button.disabled) { button = chosen.children[other].querySelectorAll("button")[step < 0 ? 1 : 0]; }
    button.focus();
  }

  function removeModule(index) {
    var gone = form.modules.splice(index, 1)[0];
    changed();
    say((modulesById[gone] || {title: gone}).title + " removed");
    search.focus();
  }

  function addModule(id) {
    form.modules.push(id);
    changed();
    say(modulesById[id].title + " added as number " + form.modules.length);
  }

  function drawModules() {
    chosen.textContent = "";
    form.modules.forEach(function (id, index) { chosen.appendChild(moduleRow(id, index)); });
    found.textContent = "";
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    catalogue.modules.forEach(function (m) {
      if (form.modules.indexOf(m.id) >= 0) { return; }
      var haystack = (m.title + " " + m.id + " " + m.terms.join(" ")).toLowerCase();
      if (!words.every(function (w) { return haystack.indexOf(w) >= 0; })) { return; }
      found.appendChild(el("li", {}, [
        el("span", {"class": "name"}, [
          document.createTextNode(m.title + (m.draft ? " (draft)" : "")),
          el("br"), el("span", {"class": "terms", text: m.terms.join(", ")})]),
        el("button", {type: "button", "aria-label": "Add " + m.title,
          onclick: function () { addModule(m.id); }}, [document.createTextNode("Add")])
      ]));
    });
    if (!found.children.length) {
      found.appendChild(el("li", {text: words.length ? "No module matches." : "Every module is in the lesson."}));
    }
  }

  function checkboxes(name, values, chosenValues, labels) {
    var box = el("div", {"class": "choices", id: name + "-choices"});
    values.forEach(function (value) {
      var input = el("input", {type: "checkbox", name: name, value: value,
        checked: chosenValues.indexOf(value) >= 0 ? "checked" : false});
      input.addEventListener("change", changed);
      box.appendChild(el("label", {"class": "inline"}, [input,
        document.createTextNode(labels ? labels[value] || value : value)]));
    });
    return box;
  }

  function ticked(name, keepOrder) {
    var values = Array.prototype.map.call(
      main.querySelectorAll("input[name=" + name + "]:checked"), function (i) { return i.value; });
    if (!keepOrder) { return values; }
    var kept = keepOrder.filter(function (v) { return values.indexOf(v) >= 0; });
    return kept.concat(values.filter(function (v) { return kept.indexOf(v) < 0; }));
  }

  var sectionLabels = {documents: "Documents", timeline: "Timeline", glossary: "Glossary",
    sources: "Sources", questions: "All questions again", comparison: "Comparing the sources"};
  var activityLabels = {vocabulary: "Key terms (matching)", timeline: "Dates and order",
    "source-comparison": "Comparing the sources"};
  var sectionsBox = checkboxes("sections", catalogue.sections, form.sections, sectionLabels);
  var activitiesAll = el("input", {type: "checkbox", id: "activities-all",
    checked: form.activities === null ? "checked" : false});
  var activitiesBox = checkboxes("activities", catalogue.activities, form.activities || catalogue.activities, activityLabels);
  var documentsAll = el("input", {type: "checkbox", id: "documents-all",
    checked: form.documents === null ? "checked" : false});
  var documentsBox = el("div", {"class": "choices", id: "documents-choices"});
  var supportInput = el("input", {type: "checkbox", id: "lesson-support",
    checked: form.support ? "checked" : false});

  function drawDocuments() {
    documentsBox.textContent = "";
    var chosenDocs = form.documents || [];
    catalogue.documents.forEach(function (d) {
      var input = el("input", {type: "checkbox", name: "documents", value: d.id,
        checked: chosenDocs.indexOf(d.id) >= 0 ? "checked" : false});
      input.addEventListener("change", changed);
      documentsBox.appendChild(el("label", {"class": "inline"}, [input, document.createTextNode(d.title)]));
    });
    documentsBox.hidden = documentsAll.checked;
    activitiesBox.hidden = activitiesAll.checked;
  }

  // -- print options (not saved in the lesson) ---------------------------------------
  function select(id, values, labels, onchange) {
    var node = el("select", {id: id});
    values.forEach(function (v) { node.appendChild(el("option", {value: v, text: labels[v]})); });
    node.addEventListener("change", onchange);
    return node;
  }
  var editionSelect = select("print-edition", ["student", "teacher"],
    {student: "Student edition", teacher: "Teacher edition"}, printChanged);
  var paperSelect = select("print-paper", ["", "a4", "letter"],
    {"": "The project's paper", a4: "A4", letter: "US Letter"}, printChanged);
  var sidedSelect = select("print-sided", ["", "yes", "no"],
    {"": "As the project prints", yes: "Double-sided", no: "Single-sided"}, printChanged);
  var largeInput = el("input", {type: "checkbox", id: "print-large"});
  largeInput.addEventListener("change", printChanged);
  var bookletInput = el("input", {type: "checkbox", id: "print-booklet"});
  bookletInput.addEventListener("change", printChanged);

  function printChanged() {
    options.edition = editionSelect.value;
    options.paper = paperSelect.value || null;
    options.double_sided = sidedSelect.value === "" ? null : sidedSelect.value === "yes";
    options.large_print = largeInput.checked;
    options.booklet = bookletInput.checked;
    drawDownloads();
    schedule();
  }

  // -- status, preview and actions ----------------------------------------------------
  var status = el("p", {"class": "status", id: "preview-status", role: "status"});
  var problemsList = el("ul", {"class": "problems", id: "preview-problems", hidden: "hidden"});
  var warningsList = el("ul", {"class": "warnings", id: "preview-warnings", hidden: "hidden"});
  var message = el("p", {"class": "message", id: "message", role: "alert", hidden: "hidden"});
  var frame = el("iframe", {id: "preview-frame", title: "Preview of the packet",
    sandbox: "allow-same-origin", src: "about:blank"});
  var saveButton = el("button", {type: "button", "class": "primary", id: "save", onclick: save,
    "aria-keyshortcuts": "Control+S", title: "Save (Ctrl+S)"}, [document.createTextNode("Save")]);
  var deleteButton = el("button", {type: "button", "class": "danger", id: "delete", onclick: remove}, [document.createTextNode("Delete…")]);
  var downloads = el("p", {"class": "downloads", id: "downloads"});

  function drawDownloads() {
    downloads.textContent = "";
    if (isNew) {
      downloads.appendChild(document.createTextNode("Save the lesson to download its PDF, answer key and lesson plan."));
      return;
    }
    var query = [];
    if (options.paper) { query.push("paper=" + options.paper); }
    if (options.large_print) { query.push("large-print=1"); }
    if (options.booklet) { query.push("booklet=1"); }
    if (options.double_sided !== null) { query.push("double-sided=" + (options.double_sided ? "1" : "0")); }
    var q = query.length ? "?" + query.join("&") : "";
    var base = "/" + encodeURIComponent(lessonId) + "/";
    [["student.pdf", "Student PDF"], ["teacher.pdf", "Teacher PDF"],
     ["answer-key.pdf", "Answer key"], ["lesson-plan.pdf", "Lesson plan"]].forEach(function (pair) {
      downloads.appendChild(el("a", {href: base + pair[0] + q, download: "", id: "download-" + pair[0].replace(".pdf", ""), text: pair[1]}));
    });
  }

  function currentForm() {
    return {
      title: titleInput.value,
      summary: summaryInput.value,
      enquiry: enquiryInput.value,
      advisory: advisoryInput.value,
      modules: form.modules.slice(),
      sections: ticked("sections", form.sections),
      activities: activitiesAll.checked ? null : ticked("activities"),
      documents: documentsAll.checked ? null : ticked("documents", form.documents || []),
      support: supportInput.checked
    };
  }

  function changed() {
    var modules = form.modules;
    form = currentForm();
    form.modules = modules;
    drawModules();
    drawDocuments();
    schedule();
  }

  var timer = null, inFlight = false, again = false, shown = 0;
  var generation = 0, layoutTimer = null, laidOut = 0;
  function schedule() {
    clearTimeout(timer);
    clearTimeout(layoutTimer);
    generation += 1;
    timer = setTimeout(refresh, 120);
  }

  function draft() {
    return {id: idInput.value.trim(), new: isNew, lesson: currentForm(), options: options};
  }

  function refresh() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    status.textContent = "Updating the preview…";
    var started = performance.now();
    var asked = generation;
    post("/lessons/preview", draft())
      .then(function (data) {
        showPreview(data, performance.now() - started);
        if (data.url && asked === generation) {
          layoutTimer = setTimeout(function () { layOut(asked); }, 1000);
        }
      })
      .catch(function (error) { status.textContent = "The preview could not be updated: " + error; })
      .then(function () {
        inFlight = false;
        if (again) { again = false; refresh(); }
      });
  }

  // A moment after the last change, the packet is laid out as its PDF will be: the exact
  // pages and sheets, and what the print preflight finds (a stranded heading, a split table).
  function layOut(asked) {
    post("/lessons/pages", draft()).then(function (data) {
      if (data.superseded || asked !== generation || data.status !== 200) { return; }
      if (data.problems && data.problems.length) { fill(problemsList, data.problems); return; }
      status.textContent = data.pages + " pages · " + data.sheets +
        " sheets per copy (laid out for print in " + data.seconds.toFixed(1) + " s)";
      fill(warningsList, data.warnings || []);
      laidOut += 1;
      main.setAttribute("data-layouts", String(laidOut));
    });
  }

  function fill(node, items) {
    node.textContent = "";
    items.forEach(function (text) { node.appendChild(el("li", {text: text})); });
    node.hidden = !items.length;
  }

  function showPreview(data, milliseconds) {
    fill(problemsList, data.problems || (data.error ? [data.error] : []));
    fill(warningsList, data.warnings || []);
    if (data.url) {
      var keep = 0;
      try { keep = frame.contentWindow.scrollY; } catch (e) { keep = 0; }
      frame.onload = function () {
        try { frame.contentWindow.scrollTo(0, keep); } catch (e) { /* a blank frame */ }
        shown += 1;
        main.setAttribute("data-previews", String(shown));
        main.setAttribute("data-preview-ms", String(Math.round(milliseconds)));
      };
      frame.src = data.url;
      status.textContent = "About " + data.pages + " pages · " + data.sheets +
        " sheets per copy · updated in " + (milliseconds / 1000).toFixed(1) + " s";
    } else {
      status.textContent = "The preview shows the packet once the problems below are fixed.";
      shown += 1;
      main.setAttribute("data-previews", String(shown));
    }
  }

  function showMessage(text, bad, extra) {
    message.textContent = text;
    message.className = bad ? "message bad" : "message";
    if (extra) { message.appendChild(document.createTextNode(" ")); message.appendChild(extra); }
    message.hidden = false;
  }

  // Saving marks the button busy rather than disabling it: a disabled button loses the
  // keyboard's focus.
  var saving = false;
  function save() {
    if (saving) { return; }
    saving = true;
    saveButton.setAttribute("aria-busy", "true");
    var id = idInput.value.trim();
    post("/lessons/save", {id: id, opened: opened, lesson: currentForm()}).then(function (data) {
      saving = false;
      saveButton.removeAttribute("aria-busy");
      if (data.status === 200) {
        opened = data.opened;
        if (isNew) {
          isNew = false;
          lessonId = id;
          idInput.setAttribute("readonly", "readonly");
          history.replaceState(null, "", "/lessons/" + encodeURIComponent(id) + "/edit");
          deleteButton.hidden = false;
          drawDownloads();
        }
        showMessage("Saved as " + data.path + ".", false);
      } else if (data.status === 409) {
        var reload = el("button", {type: "button", id: "reload", onclick: function () { location.reload(); }},
          [document.createTextNode("Reload")]);
        showMessage(data.error, true, reload);
      } else {
        showMessage(data.error || "Not saved: fix the problems listed below.", true);
        if (data.problems) { fill(problemsList, data.problems); }
      }
    }).catch(function (error) {
      saving = false;
      saveButton.removeAttribute("aria-busy");
      showMessage("Not saved: " + error, true);
    });
  }

  function remove() {
    if (!window.confirm("Delete the lesson '" + lessonId + "'? Its file moves to " +
        catalogue.deleted + "/, from where it can be restored.")) { return; }
    post("/lessons/delete", {id: lessonId, opened: opened}).then(function (data) {
      if (data.status === 200) {
        main.textContent = "";
        main.appendChild(el("h1", {text: "Lesson deleted"}));
        main.appendChild(el("p", {"class": "message", role: "alert",
          text: "The lesson '" + lessonId + "' is now " + catalogue.deleted + "/" + data.name + "."}));
        main.appendChild(el("p", {}, [el("a", {href: "/lessons/deleted", id: "deleted-link",
          text: "Restore it from the deleted lessons"})]));
        main.appendChild(el("p", {}, [el("a", {href: "/", text: "Back to the lessons"})]));
      } else {
        showMessage(data.error, true);
      }
    });
  }

  // -- layout --------------------------------------------------------------------------
  // Each group of choices is a fieldset: a screen reader names the group with each box.
  function group(legend, children) {
    return el("fieldset", {"class": "group"}, [el("legend", {text: legend})].concat(children));
  }

  function field(label, input, help) {
    var id = input.getAttribute("id");
    return el("div", {}, [el("label", {"for": id, text: label}), input,
      help ? el("small", {id: help[0], text: help[1]}) : null]);
  }

  var panel = el("form", {"class": "form", id: "lesson-form", "aria-label": "The lesson",
    onsubmit: function (event) { event.preventDefault(); save(); }}, [
    field("Lesson id (its file name)", idInput, ["id-help", isNew ?
      "Lower-case letters, digits and hyphens, like 7-legacy; it cannot be changed later." :
      "The file content/lessons/" + lessonId + ".yaml"]),
    field("Title", titleInput),
    field("Summary", summaryInput),
    field("Enquiry question", enquiryInput),
    field("Content advisory", advisoryInput),
    el("h2", {text: "Modules"}),
    chosen,
    field("Find a module", search),
    found,
    group("Back sections", [sectionsBox]),
    group("Activities", [
      el("label", {"class": "inline"}, [activitiesAll, document.createTextNode("Every activity the modules support")]),
      activitiesBox]),
    group("Documents", [
      el("label", {"class": "inline"}, [documentsAll, document.createTextNode("The documents of the chosen modules")]),
      documentsBox]),
    group("Support", [
      el("label", {"class": "inline"}, [supportInput, document.createTextNode("Word banks and sentence starters for weaker readers")])]),
    group("Printing (preview and downloads; not saved in the lesson)", [
      field("Edition", editionSelect),
      field("Paper", paperSelect),
      field("Sides", sidedSelect),
      el("label", {"class": "inline"}, [largeInput, document.createTextNode("Large print")]),
      el("label", {"class": "inline"}, [bookletInput, document.createTextNode("Booklet")])]),
    el("div", {"class": "actions"}, [saveButton, isNew ? null : deleteButton]),
    message,
    downloads
  ]);
  if (isNew) { deleteButton.hidden = true; panel.querySelector(".actions").appendChild(deleteButton); }
  var preview = el("section", {"class": "preview", "aria-label": "Preview"}, [
    status, problemsList, warningsList, frame]);
  main.appendChild(el("div", {"class": "layout"}, [panel, preview]));
  main.appendChild(announce);

  [titleInput, summaryInput, enquiryInput, advisoryInput, idInput].forEach(function (input) {
    input.addEventListener("input", schedule);
  });
  search.addEventListener("input", drawModules);
  activitiesAll.addEventListener("change", changed);
  documentsAll.addEventListener("change", function () {
    if (!documentsAll.checked && form.documents === null) { form.documents = []; }
    changed();
  });
  supportInput.addEventListener("change", changed);
  // Ctrl+S (Cmd+S on a Mac) saves, as in an editor.
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
  });
  drawModules();
  drawDocuments();
  drawDownloads();
  main.setAttribute("aria-busy", "false");
  refresh();

  // A save to a module or the timeline shows in the preview too.
  var events = new EventSource("/events");
  var seen = null;
  events.onmessage = function (event) {
    if (seen !== null && event.data !== seen) { schedule(); }
    seen = event.data;
  };

  // -- the deleted lessons ------------------------------------------------------------
  function showDeleted() {
    var items = state.deleted.map(function (d) {
      var button = el("button", {type: "button", "aria-label": "Restore " + d.lesson + " (deleted " + d.when + ")",
        onclick: function () {
          post("/lessons/restore", {name: d.name}).then(function (data) {
            var note = el("span", {role: "alert"});
            if (data.status === 200) {
              note.appendChild(document.createTextNode("Restored. "));
              note.appendChild(el("a", {href: "/lessons/" + encodeURIComponent(data.lesson) + "/edit", text: "Open " + data.lesson}));
              button.remove();
            } else {
              note.textContent = data.error;
            }
            row.appendChild(note);
          });
        }}, [document.createTextNode("Restore")]);
      var row = el("li", {}, [el("span", {"class": "name", text: d.lesson + " — deleted " + d.when + " (" + d.name + ")"}), button]);
      return row;
    });
    main.appendChild(el("p", {text: "Deleted lessons wait in " + state.folder + "/. Restoring one moves it back to content/lessons/."}));
    if (items.length) {
      main.appendChild(el("ul", {"class": "found", id: "deleted-lessons"}, items));
    } else {
      main.appendChild(el("p", {id: "deleted-lessons", text: "There are none."}));
    }
    main.setAttribute("aria-busy", "false");
  }
})();
