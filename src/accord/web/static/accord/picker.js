// The delegation picker: a field that takes delegations, separated by commas, suggests them
// as the person types the start of a name or a code ("Bra…", "BRA"), for the delegation
// being typed after the last comma. Without the script the page's list still completes a
// field holding one delegation; the server reads names and codes either way.
(function () {
  "use strict";
  var list = document.getElementById("delegation-names");
  if (!list) { return; }
  var all = Array.prototype.map.call(list.options, function (option) {
    return { name: option.value, code: option.dataset.code };
  });

  function matches(entry, typed) {
    var word = typed.toLowerCase();
    if (entry.code.toLowerCase().indexOf(word) === 0) { return true; }
    return entry.name.toLowerCase().split(/[\s(),'-]+/).some(function (part) {
      return part.indexOf(word) === 0;
    }) || entry.name.toLowerCase().indexOf(word) === 0;
  }

  function suggest(field) {
    var value = field.value;
    var cut = Math.max(value.lastIndexOf(","), value.lastIndexOf(";"));
    var head = cut < 0 ? "" : value.slice(0, cut + 1) + " ";
    var typed = value.slice(cut + 1).trim();
    var found = typed ? all.filter(function (entry) { return matches(entry, typed); }) : all;
    list.replaceChildren.apply(list, found.slice(0, 50).map(function (entry) {
      var option = document.createElement("option");
      option.value = head + entry.name;
      option.label = head + entry.code;
      option.dataset.code = entry.code;
      return option;
    }));
  }

  document.querySelectorAll('input[list="delegation-names"]').forEach(function (field) {
    field.addEventListener("input", function () { suggest(field); });
    field.addEventListener("focus", function () { suggest(field); });
  });
})();
