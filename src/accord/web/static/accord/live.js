// Live updates for the pages that show a version (clean text, compilation, positions).
//
// The page subscribes to the record's server-sent events for its process. When something
// happens to its document (a proposal submitted or withdrawn, a position recorded, a status
// marked...), it says so in a polite live region and fetches the page again, replacing the
// content of <main> without a full reload, keeping focus and scroll. A new version of the
// document is announced with a link to it instead. EventSource reconnects by itself and
// resumes after the last event it received (the Last-Event-ID header).
(function () {
  "use strict";

  var config = document.getElementById("live-updates");
  if (!config || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var data = config.dataset;
  var documentSlug = data.document;
  var versionNumber = Number(data.version);
  var NEW_VERSION = ["revision.issued", "draft.published", "draft.imported"];

  var region = document.createElement("div");
  region.className = "live-notice";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  document.body.appendChild(region);

  var pending = false;
  var refreshing = false;
  var timer = null;
  var lastNotice = "";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values[name] === undefined || values[name] === null ? whole : String(values[name]);
    });
  }

  function say(text, link) {
    region.replaceChildren();
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    if (link) {
      paragraph.append(" ");
      paragraph.appendChild(link);
    }
    region.appendChild(paragraph);
  }

  function editing() {
    var active = document.activeElement;
    var main = document.getElementById("main");
    if (!active || !main || !main.contains(active)) {
      return false;
    }
    return active.matches("textarea, select, input:not([type=submit]):not([type=button])");
  }

  // Where focus was, in terms that survive the swap: the element's id, or else what it is
  // (its tag, the address or form it leads to, its text).
  function focusKey(element) {
    if (!element || element === document.body) {
      return null;
    }
    return {
      id: element.id,
      tag: element.tagName,
      href: element.getAttribute("href"),
      action: element.form ? element.form.getAttribute("action") : null,
      text: element.textContent,
    };
  }

  function restoreFocus(key) {
    if (!key) {
      return;
    }
    var again = key.id ? document.getElementById(key.id) : null;
    if (!again) {
      var main = document.getElementById("main");
      again = Array.from(main ? main.querySelectorAll(key.tag) : []).find(function (el) {
        return (
          el.getAttribute("href") === key.href &&
          (el.form ? el.form.getAttribute("action") : null) === key.action &&
          el.textContent === key.text
        );
      });
    }
    if (again && typeof again.focus === "function") {
      again.focus({ preventScroll: true });
    }
  }

  function refresh() {
    if (editing()) {
      pending = true;
      say(data.noticeWaiting);
      return;
    }
    if (refreshing) {
      pending = true;
      return;
    }
    refreshing = true;
    pending = false;
    var focused = focusKey(document.activeElement);
    var x = window.scrollX;
    var y = window.scrollY;
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        var main = document.getElementById("main");
        if (!fresh || !main) {
          return;
        }
        fresh.querySelectorAll("script").forEach(function (script) {
          script.remove();
        });
        main.replaceChildren.apply(main, Array.from(fresh.childNodes));
        restoreFocus(focused);
        window.scrollTo(x, y);
        if (lastNotice) {
          say(lastNotice);
        }
      })
      .catch(function () {
        // The next event tries again; the page as it is stays readable.
      })
      .finally(function () {
        refreshing = false;
        if (pending && !editing()) {
          schedule();
        }
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    // A burst of events (a revision settles many proposals) needs one fetch, not many.
    timer = window.setTimeout(refresh, 250);
  }

  function notice(kind, record) {
    var payload = record.payload || {};
    var names = document.getElementById("live-names");
    var known = names ? JSON.parse(names.textContent) : {};
    var values = { delegation: known[record.delegation] || record.delegation, label: payload.label };
    if (kind === "proposal.submitted") {
      return fill(data.noticeProposal, values);
    }
    if (kind === "proposal.withdrawn") {
      return data.noticeWithdrawn;
    }
    if (kind === "position.recorded") {
      return fill(data.noticePosition, values);
    }
    return data.noticeOther;
  }

  function newVersion(payload) {
    var number = Number(payload.version);
    var link = document.createElement("a");
    link.href = data.versionUrl.replace(/\/v0\/$/, "/v" + number + "/");
    link.textContent = fill(data.linkRevision, { label: payload.label || number });
    say(fill(data.noticeRevision, { label: payload.label || number }), link);
  }

  function handle(message) {
    var kind = message.type;
    var record;
    try {
      record = JSON.parse(message.data);
    } catch (error) {
      return;
    }
    var payload = record.payload || {};
    if (payload.document !== undefined && payload.document !== documentSlug) {
      return;
    }
    if (NEW_VERSION.indexOf(kind) !== -1) {
      if (Number(payload.version) > versionNumber) {
        newVersion(payload);
      }
      return;
    }
    lastNotice = notice(kind, record);
    schedule();
  }

  var source = new EventSource(data.events);
  // Every event arrives under its own kind; listen to those the pages show.
  [
    "proposal.submitted",
    "proposal.withdrawn",
    "position.recorded",
    "status.marked",
    "cosponsorship.accepted",
    "silence.launched",
    "silence.broken",
    "silence.closed",
    "silence.superseded",
    "silence.withdrawn",
    "silence.ended",
    "summary.moved",
    "adoption.recorded",
    "revision.issued",
    "draft.published",
    "draft.imported",
  ].forEach(function (kind) {
    source.addEventListener(kind, handle);
  });
  source.onmessage = handle;

  document.addEventListener("focusout", function () {
    if (pending) {
      window.setTimeout(function () {
        if (pending && !editing()) {
          schedule();
        }
      }, 0);
    }
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
