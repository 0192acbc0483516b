// Actions keep their place: after an action the page returns to what was acted on (the
// address's #fragment); its confirmation is moved beside it and said again to screen
// readers, rather than left at the top of a long page.
(function () {
  "use strict";
  var box = document.querySelector(".messages");
  var id = window.location.hash.slice(1);
  if (!box || !id) { return; }
  var target = document.getElementById(decodeURIComponent(id));
  if (!target) { return; }
  var said = box.innerHTML;
  box.innerHTML = "";
  box.classList.add("beside");
  target.appendChild(box);
  window.setTimeout(function () { box.innerHTML = said; }, 100);
})();
