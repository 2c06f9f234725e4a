// The page's CSRF token (meta tag) goes with every htmx request as a header; avatar preview before upload.
// No inline script anywhere: the CSP allows only this file and htmx.
(function () {
  'use strict';
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : '';
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header');
    if (header) {
      event.detail.headers[header] = meta('csrf-token');
    }
  });
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-preview]')) {
      return;
    }
    var preview = document.getElementById(input.getAttribute('data-preview'));
    if (!preview || !input.files || !input.files[0]) {
      return;
    }
    if (preview.src) {
      URL.revokeObjectURL(preview.src);
    }
    preview.src = URL.createObjectURL(input.files[0]);
    preview.hidden = false;
  });
})();
