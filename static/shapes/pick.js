// @ts-check
// `pick`: options chosen from a list, radio buttons for one or checkboxes
// for several, read as `["<option>", ...]`.
import { ownText } from '../app/dom.js';

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
  summarise(form) {
    return Array.from(form.querySelectorAll('input:checked'), function (el) {
      const input = /** @type {HTMLInputElement} */ (el);
      const label = form.querySelector('label[for="' + CSS.escape(input.id) + '"]');
      return label ? ownText(label) : input.value;
    });
  },
};
