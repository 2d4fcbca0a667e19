/* cstotimeline --format html: the filters. Inlined into the page; it reads the events from
   the page itself (data-id, data-type, data-actors) and loads nothing. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return; // no events
  }
  var cards = Array.prototype.slice.call(document.querySelectorAll("#events > .event"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("#overview .mark"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=type]"));
  var actor = document.getElementById("actor");
  var shown = document.getElementById("shown");
  var none = document.getElementById("none");
  var actorsOf = {};
  cards.forEach(function (card) {
    actorsOf[card.dataset.id] = JSON.parse(card.dataset.actors);
  });

  function apply() {
    var types = {};
    boxes.forEach(function (box) {
      if (box.checked) {
        types[box.value] = true;
      }
    });
    var who = actor.value;
    var visible = {};
    var count = 0;
    cards.forEach(function (card) {
      var id = card.dataset.id;
      var ok = types[card.dataset.type] === true &&
        (who === "" || actorsOf[id].indexOf(who) >= 0);
      card.hidden = !ok;
      visible[id] = ok;
      if (ok) {
        count += 1;
      }
    });
    marks.forEach(function (mark) {
      mark.hidden = !visible[mark.dataset.id];
    });
    shown.textContent = count + " of " + cards.length + " events shown";
    none.hidden = count > 0;
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  document.getElementById("reset").addEventListener("click", function () {
    boxes.forEach(function (box) {
      box.checked = true;
    });
    actor.value = "";
    apply();
  });
  form.hidden = false;
  apply();
  // On a narrow screen the overview scrolls sideways: start with the latest events in view.
  var overview = document.getElementById("overview");
  overview.scrollLeft = overview.scrollWidth;
})();
