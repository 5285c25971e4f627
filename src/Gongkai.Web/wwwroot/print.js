// Buttons marked data-print print the page (the print stylesheet keeps only the document, e.g. the 回执).
// A file of its own: the Content-Security-Policy allows scripts from this site only, never inline handlers.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
