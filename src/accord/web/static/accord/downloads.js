// The download menu: a PDF takes a few seconds to set, so the menu says it is being
// prepared and when it is ready, rather than leaving the reader to wonder whether the click
// was taken. A long compilation answers with its progress page, which the browser then
// opens. "Print this page" prints the page with the print stylesheet. Without the script,
// every link downloads as it is.
(function () {
  "use strict";
  var menu = document.querySelector("details.downloads");
  if (!menu) { return; }
  var said = menu.querySelector(".download-progress");
  var print = menu.querySelector("[data-print]");
  print.parentNode.hidden = false;
  print.addEventListener("click", function () { menu.open = false; window.print(); });

  function filename(response, link) {
    var header = response.headers.get("Content-Disposition") || "";
    var found = /filename="([^"]+)"/.exec(header);
    return found ? found[1] : link.pathname.split("/").pop();
  }

  function save(blob, name) {
    var address = URL.createObjectURL(blob);
    var anchor = document.createElement("a");
    anchor.href = address;
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(function () { URL.revokeObjectURL(address); }, 60000);
  }

  menu.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-long]");
    if (!link) { return; }
    event.preventDefault();
    said.textContent = said.dataset.preparing;
    link.setAttribute("aria-busy", "true");
    fetch(link.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("text/html") === 0) {
        window.location.assign(response.url);
        return null;
      }
      return response.blob().then(function (blob) {
        save(blob, filename(response, link));
        said.textContent = said.dataset.ready;
      });
    }).catch(function () {
      said.textContent = said.dataset.failed;
    }).then(function () {
      link.removeAttribute("aria-busy");
    });
  });
})();
