// @ts-check
// `counts`: a number per option within a budget (`li[data-option]` with an
// `output.count` and − / + steppers), read as `{"<option>": n}`.
import { ownText } from '../app/dom.js';
import { t } from '../app/words.js';

/** @param {Element} li */
function countIn(li) {
  const out = li.querySelector('output.count');
  return out ? parseInt(out.textContent || '0', 10) || 0 : 0;
}

/**
 * The budget left, and which steppers may still be pressed.
 * @param {HTMLFormElement} form
 */
export function update(form) {
  const budgetEl = /** @type {HTMLElement | null} */ (form.querySelector('.budget'));
  if (!budgetEl) return;
  const budget = parseInt(budgetEl.dataset.budget || '0', 10);
  const cap = parseInt(budgetEl.dataset.cap || '0', 10);
  let used = 0;
  form.querySelectorAll('li[data-option]').forEach(function (li) { used += countIn(li); });
  const left = form.querySelector('output.left');
  if (left) left.textContent = String(budget - used);
  form.querySelectorAll('li[data-option]').forEach(function (li) {
    const n = countIn(li);
    const more = /** @type {HTMLButtonElement} */ (li.querySelector('[data-step="1"]'));
    const fewer = /** @type {HTMLButtonElement} */ (li.querySelector('[data-step="-1"]'));
    if (more) more.disabled = used >= budget || n >= cap;
    if (fewer) fewer.disabled = n <= 0;
  });
}

/** @type {import('./index.js').Shape} */
export const counts = {
  read(form) {
    /** @type {Record<string, number>} */
    const out = {};
    form.querySelectorAll('li[data-option]').forEach(function (li) {
      const n = countIn(li);
      if (n > 0) out[/** @type {HTMLElement} */ (li).dataset.option || ''] = n;
    });
    return out;
  },
  fill(form, value) {
    form.querySelectorAll('li[data-option]').forEach(function (li) {
      const out = li.querySelector('output.count');
      if (out) out.textContent = String(value[/** @type {HTMLElement} */ (li).dataset.option || ''] || 0);
    });
  },
  filled: update,
  summarise(form) {
    /** @type {string[]} */
    const lines = [];
    form.querySelectorAll('li[data-option]').forEach(function (li) {
      const n = countIn(li);
      if (n > 0) lines.push(ownText(li.querySelector('.label')) + ': ' + t('dots-count', { n: n }));
    });
    return lines;
  },
  click(form, button, ctx) {
    if (!button.dataset.step) return;
    const li = button.closest('li');
    const out = li && li.querySelector('output.count');
    if (!out) return;
    out.textContent = String(Math.max(0, (parseInt(out.textContent || '0', 10) || 0) + parseInt(button.dataset.step, 10)));
    update(form);
    ctx.edited(form, t('not-saved-yet'));
    if (button.disabled && button.parentNode) {
      const other = /** @type {HTMLElement | null} */ (button.parentNode.querySelector('button:not([disabled])'));
      if (other) other.focus();
    }
  },
};
