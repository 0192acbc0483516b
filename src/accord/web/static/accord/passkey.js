// Passkeys: hand the server's options to the browser's authenticator and post its answer
// back in the form's hidden "credential" field. The options come from the page
// (<script type="application/json" id="passkey-options">), so no inline script is needed.
(function () {
  "use strict";
  var form = document.querySelector("form[data-passkey]");
  var source = document.getElementById("passkey-options");
  if (!form || !source) {
    return;
  }
  var button = form.querySelector("[data-passkey-start]");
  var supported =
    window.PublicKeyCredential &&
    PublicKeyCredential.parseCreationOptionsFromJSON &&
    PublicKeyCredential.parseRequestOptionsFromJSON;
  if (!supported) {
    button.hidden = true;
    var note = form.querySelector(".passkey-unsupported");
    if (note) {
      note.hidden = false;
    }
    return;
  }
  var options = JSON.parse(source.textContent);
  button.addEventListener("click", function () {
    var asked =
      form.dataset.passkey === "create"
        ? navigator.credentials.create({
            publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
          })
        : navigator.credentials.get({
            publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
          });
    button.disabled = true;
    asked
      .then(function (credential) {
        form.elements.credential.value = JSON.stringify(credential.toJSON());
        form.requestSubmit();
      })
      .catch(function () {
        // Cancelled or timed out: the user may try again, or use a code.
        button.disabled = false;
      });
  });
})();
