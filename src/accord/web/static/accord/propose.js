// The propose page: show the derived amendment while the delegate types. Without this
// script the "Preview" button does the same through the server.
(function () {
  "use strict";
  var form = document.querySelector("form[data-preview-url]");
  if (!form || !window.fetch) {
    return;
  }
  var target = document.getElementById("preview");
  var timer = null;
  var sent = 0;

  function refresh() {
    var number = ++sent;
    var data = new FormData(form);
    fetch(form.dataset.previewUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        // Only the answer to the latest keystroke is shown.
        if (html !== null && number === sent) {
          target.innerHTML = html;
        }
      })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  refresh();
})();
