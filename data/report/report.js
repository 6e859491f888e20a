// threadstance report: filters by claim and stance. Reads data-* attributes only; never writes HTML.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var claimSelect = document.getElementById('f-claim');
  var reviewOnly = document.getElementById('f-review');
  var count = document.getElementById('f-count');
  var note = document.getElementById('f-note');
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="f-stance"]'));
  var comments = Array.prototype.slice.call(document.querySelectorAll('li.comment'));

  // "isis:support ukraine:none" → { isis: 'support', ukraine: 'none' }
  var stancesOf = comments.map(function (li) {
    var map = {};
    (li.getAttribute('data-stances') || '').split(' ').forEach(function (pair) {
      var at = pair.lastIndexOf(':');
      if (at > 0) map[pair.slice(0, at)] = pair.slice(at + 1);
    });
    return map;
  });

  function claimsOf(el, attr) {
    return (el.getAttribute(attr) || '').split(' ');
  }

  function apply() {
    var claim = claimSelect.value;
    var wanted = {};
    var chosen = [];
    boxes.forEach(function (b) {
      if (b.checked) { wanted[b.value] = true; chosen.push(b.value); }
    });
    var shown = 0;
    comments.forEach(function (li, i) {
      var stances = stancesOf[i];
      var ok = claim
        ? wanted[stances[claim] || 'none'] === true
        : Object.keys(stances).some(function (k) { return wanted[stances[k]] === true; });
      if (reviewOnly.checked && li.getAttribute('data-review') !== '1') ok = false;
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    // With one claim chosen, the marks and badges of the other claims step back.
    document.querySelectorAll('mark[data-claims]').forEach(function (m) {
      m.classList.toggle('dim', claim !== '' && claimsOf(m, 'data-claims').indexOf(claim) < 0);
    });
    document.querySelectorAll('ul.stances li[data-claim]').forEach(function (li) {
      li.classList.toggle('dim', claim !== '' && li.getAttribute('data-claim') !== claim);
    });
    document.querySelectorAll('section.thread').forEach(function (s) {
      var empty = s.querySelector('.empty-filter');
      if (empty) empty.hidden = s.querySelector('li.comment:not([hidden])') !== null;
    });
    count.textContent = shown + ' of ' + comments.length + ' comments shown';
    var all = !claim && chosen.length === boxes.length && !reviewOnly.checked;
    note.textContent = all ? '' : 'Filtered: ' + (claim ? 'claim ' + claim : 'any claim') + ', stance ' +
      (chosen.join(', ') || '(none chosen)') + (reviewOnly.checked ? ', flagged comments only' : '') +
      ' (' + shown + ' of ' + comments.length + ' comments).';
  }

  function reset() {
    claimSelect.value = '';
    boxes.forEach(function (b) { b.checked = true; });
    reviewOnly.checked = false;
    apply();
  }

  form.addEventListener('change', apply);
  document.getElementById('f-reset').addEventListener('click', reset);
  // A link to a comment the filter hides shows everything first, so that the link lands.
  document.addEventListener('click', function (e) {
    var a = e.target instanceof Element ? e.target.closest('a[href^="#c-"]') : null;
    if (!a) return;
    var target = document.getElementById(a.getAttribute('href').slice(1));
    if (target && target.hidden) reset();
  });
  apply();
}());
