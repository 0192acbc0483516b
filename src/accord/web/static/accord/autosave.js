// The revision desk: store the draft as it is typed. The status line (an aria-live region)
// says when it was saved last, or why it was not. Without this script the "Save the draft"
// button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  var status = document.getElementById("draft-saved");
  if (!form || !status || !window.fetch) {
    return;
  }
  var timer = null;
  var sent = 0;

  function save() {
    var number = ++sent;
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        // Only the answer to the latest change is shown.
        if (number === sent) {
          status.textContent = answer.status;
        }
      })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 800);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
