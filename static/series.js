// @ts-check
// topteam: small helps on the console's series pages. A "Copy" button puts
// a link on the clipboard (the field stays selectable without it); the
// button is shown only where the browser can copy.
import { t } from './app/words.js';

(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll('button[data-copy]').forEach(function (el) {
    const button = /** @type {HTMLButtonElement} */ (el);
    const field = /** @type {HTMLInputElement | null} */ (document.getElementById(button.dataset.copy));
    const said = button.parentElement.querySelector('.copied');
    if (!field) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (said) said.textContent = t('copied');
      }, function () {
        field.select();
        if (said) said.textContent = t('copy-failed');
      });
    });
  });
})();
