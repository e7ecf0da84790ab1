/* Leverage Lab embeds: apply ?theme=light|dark before first paint (a file, not inline, for a strict CSP). */
(function () {
  var t = new URLSearchParams(location.search).get('theme');
  if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
})();
