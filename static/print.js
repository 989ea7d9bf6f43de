// Shows the handouts' Print button and makes it call the browser's print dialogue.
// Without JavaScript the button stays hidden and the browser's own Print command works the same.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
