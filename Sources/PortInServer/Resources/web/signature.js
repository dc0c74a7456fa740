// The signature pad of the LOA sign form: draw on the canvas with a mouse, finger or pen, or adopt
// the typed name (keyboard users). The drawing goes to the form's hidden input as a PNG data URL,
// which the server decodes and checks.
(function () {
  "use strict";
  function setUp(canvas) {
    var input = document.getElementById(canvas.getAttribute("data-signature-input"));
    var form = canvas.closest("form");
    var context = canvas.getContext("2d");
    var drawing = false, drawn = false, last = null;
    context.lineWidth = 2.5;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#0b1f44";

    function point(event) {
      var box = canvas.getBoundingClientRect();
      return { x: (event.clientX - box.left) * (canvas.width / box.width), y: (event.clientY - box.top) * (canvas.height / box.height) };
    }
    function save() { input.value = drawn ? canvas.toDataURL("image/png") : ""; }
    function clear() {
      context.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      save();
    }
    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      drawing = true;
      last = point(event);
      if (canvas.setPointerCapture) { canvas.setPointerCapture(event.pointerId); }
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      var next = point(event);
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(next.x, next.y);
      context.stroke();
      last = next;
      drawn = true;
    });
    function stop() {
      if (drawing) { drawing = false; save(); }
    }
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointerleave", stop);
    canvas.addEventListener("pointercancel", stop);

    var clearButton = form.querySelector("[data-signature-clear='" + canvas.id + "']");
    if (clearButton) { clearButton.addEventListener("click", clear); }
    var adopt = form.querySelector("[data-signature-adopt='" + canvas.id + "']");
    if (adopt) {
      adopt.addEventListener("click", function () {
        var name = form.querySelector("[name='" + canvas.getAttribute("data-signature-name") + "']");
        var text = name ? name.value.trim() : "";
        if (!text) { if (name) { name.focus(); } return; }
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = "#0b1f44";
        context.font = "italic 56px 'Brush Script MT', 'Segoe Script', cursive, serif";
        context.textBaseline = "middle";
        context.fillText(text, 24, canvas.height / 2, canvas.width - 48);
        drawn = true;
        save();
      });
    }
    form.addEventListener("submit", save);
  }
  var pads = document.querySelectorAll("canvas.signature-pad");
  for (var i = 0; i < pads.length; i++) { setUp(pads[i]); }
})();
