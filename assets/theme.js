/* theme.js: runs in <head>, before the page paints, so that a reader who
   chose a theme never sees a flash of the other one. A stored choice
   ("light" or "dark", set by the toggle in main.js) becomes data-theme on
   <html>; with no choice, the stylesheet follows prefers-color-scheme.
   The "js" class lets the stylesheet show controls that need scripts. */
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var t = localStorage.getItem("nhiglossary-theme");
    if (t === "light" || t === "dark") root.setAttribute("data-theme", t);
  } catch (e) { /* storage blocked: follow the system */ }
})();
