/*! Leverage Lab embed loader, v1. Immutable: bloggers pin this file's SRI hash, so a change is a new /embed/v2/.
 * Sizes every iframe[data-leveragelab] from the height its frame reports, and passes the host's light or dark theme
 * to frames marked data-follow-theme. No dependencies, no network, no storage. A message is trusted only from one of
 * our frames (matched by event.source), with our origin or "null" (a sandboxed frame), and every field checked; a
 * height is applied in whole pixels, clamped to 120-4000 px. */
(function () {
  'use strict';
  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src).origin : location.origin;
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 4000;
  var frames = new Map();

  function clampHeight(h) {
    return Math.min(Math.max(Math.ceil(h), MIN_HEIGHT), MAX_HEIGHT);
  }

  function ours(f) {
    try {
      var u = new URL(f.src);
      return u.origin === ORIGIN && u.pathname.indexOf('/embed/') === 0;
    } catch {
      return false;
    }
  }

  function scan() {
    document.querySelectorAll('iframe[data-leveragelab]').forEach(function (f) {
      if (f.contentWindow && ours(f)) frames.set(f.contentWindow, f);
    });
  }

  function hostTheme() {
    var root = document.documentElement;
    var marked =
      root.className +
      ' ' +
      (root.getAttribute('data-theme') || '') +
      ' ' +
      (document.body ? document.body.className : '');
    if (/\bdark\b/.test(marked)) return 'dark';
    if (/\blight\b/.test(marked)) return 'light';
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function sendTheme(f) {
    if (f.hasAttribute('data-follow-theme') && f.contentWindow) {
      f.contentWindow.postMessage({ source: 'leveragelab', v: 1, type: 'set-theme', theme: hostTheme() }, '*');
    }
  }

  addEventListener('message', function (e) {
    if (!e.source) return;
    var f = frames.get(e.source);
    if (!f) {
      scan();
      f = frames.get(e.source);
    }
    if (!f) return;
    if (e.origin !== ORIGIN && e.origin !== 'null') return;
    var d = e.data;
    if (typeof d !== 'object' || d === null || d.source !== 'leveragelab' || d.v !== 1) return;
    if (d.type === 'resize') {
      var h = d.height;
      if (typeof h !== 'number' || !isFinite(h) || h <= 0) return;
      f.style.height = clampHeight(h) + 'px';
    } else if (d.type === 'ready') {
      sendTheme(f);
    }
  });

  function followAll() {
    frames.forEach(sendTheme);
  }
  new MutationObserver(followAll).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-theme'],
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followAll);
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
