// @ts-check
// `pick`: options chosen from a list, radio buttons for one or checkboxes
// for several, read as `["<option>", ...]`.
import { ownText } from '../app/dom.js';
import { t } from '../app/words.js';

/** @type {import('./index.js').Shape} */
export const pick = {
  read(form) {
    return Array.from(form.querySelectorAll('input:checked'), function (input) { return /** @type {HTMLInputElement} */ (input).value; });
  },
  fill(form, value) {
    const chosen = Array.isArray(value) ? value : [value];
    form.querySelectorAll('input[type=radio], input[type=checkbox]').forEach(function (el) {
      const input = /** @type {HTMLInputElement} */ (el);
      input.checked = chosen.indexOf(input.value) >= 0;
    });
  },
  // More chosen than the poll allows is said at once, not on saving.
  note(form) {
    const set = /** @type {HTMLElement | null} */ (form.querySelector('fieldset[data-most]'));
    const most = set ? parseInt(set.dataset.most || '0', 10) : 0;
    const chosen = form.querySelectorAll('input:checked').length;
    return most && chosen > most ? t('chosen-too-many', { chosen: chosen, most: most }) : null;
  },
  summarise(form) {
    return Array.from(form.querySelectorAll('input:checked'), function (el) {
      const input = /** @type {HTMLInputElement} */ (el);
      const label = form.querySelector('label[for="' + CSS.escape(input.id) + '"]');
      return label ? ownText(label) : input.value;
    });
  },
};
