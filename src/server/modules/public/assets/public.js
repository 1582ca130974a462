// Progressive enhancement only: every form works without this file.
(function () {
  'use strict';
  // GOV.UK error summary: move focus to it so screen readers announce the problems.
  var summary = document.querySelector('[data-error-summary]');
  if (summary && document.activeElement !== summary) summary.focus();
  // Tell about a too-large file before it is uploaded (the server checks again).
  var inputs = document.querySelectorAll('input[type=file][data-max-bytes]');
  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener('change', function () {
      var max = Number(input.getAttribute('data-max-bytes'));
      var tooLarge = Array.prototype.some.call(input.files || [], function (f) {
        return f.size > max;
      });
      input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') || 'Too large' : '');
      if (tooLarge) input.reportValidity();
    });
  });
  // Prevent a double submission by a double click (the server is idempotent as well).
  Array.prototype.forEach.call(document.querySelectorAll('form[data-once]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sent')) {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sent', '1');
    });
  });
})();
