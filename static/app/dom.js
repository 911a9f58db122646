// @ts-check
// Finding controls again after the server redraws the page, and saying
// things beside them: a status line in a form, an error beside a field.
import { html } from './state.js';

const KEY_PARTS = ['command', 'activity', 'participant', 'idea', 'item', 'step', 'move', 'option'];

/**
 * A key that finds the same control in the next view: its id, or what it
 * does and what it is for.
 * @param {Element | null} el
 * @returns {string | null}
 */
export function keyOf(el) {
  if (!el || !el.getAttribute) return null;
  if (el.id) return '#' + el.id;
  const data = html(el).dataset;
  const parts = KEY_PARTS.map(function (k) { return data[k] || ''; });
  const holder = el.closest('[data-option],[data-item]');
  if (holder) parts.push(html(holder).dataset.option || html(holder).dataset.item || '');
  const inForm = el.closest('form');
  if (inForm) parts.push(inForm.dataset.command || inForm.dataset.activity || '');
  const field = /** @type {HTMLInputElement} */ (el);
  return el.tagName + ':' + parts.join('|') + ':' + (field.name || '') + ':' + (field.value || '');
}

/**
 * The control with this key in `within`, if it is there.
 * @param {ParentNode} within
 * @param {string | null} key
 * @returns {HTMLElement | null}
 */
export function findByKey(within, key) {
  if (!key) return null;
  if (key.charAt(0) === '#') return document.getElementById(key.slice(1));
  const all = within.querySelectorAll('button, input, select, textarea, a');
  for (let i = 0; i < all.length; i++) if (keyOf(all[i]) === key) return html(all[i]);
  return null;
}

/**
 * A form's status line: `ok` true says saved, false an error, else news.
 * @param {Element | null} form
 * @param {string} text
 * @param {boolean} [ok]
 */
export function say(form, text, ok) {
  const status = form && form.querySelector('.saved');
  if (!status) return;
  status.textContent = text;
  status.classList.toggle('ok', ok === true);
  status.classList.toggle('error', ok === false);
}

/** @param {Element | null} el */
export function clearInlineError(el) {
  const next = el && el.nextElementSibling;
  if (next && next.classList.contains('inline-error')) next.remove();
}

/**
 * An error beside the control with this key.
 * @param {ParentNode} within
 * @param {string | null} key
 * @param {string} text
 * @returns {boolean} whether the control was found
 */
export function showInlineError(within, key, text) {
  const el = findByKey(within, key);
  if (!el) return false;
  clearInlineError(el);
  const p = document.createElement('p');
  p.className = 'inline-error';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  el.insertAdjacentElement('afterend', p);
  return true;
}

/**
 * A label's own words, without what it holds (a detail line, a count).
 * @param {Element | null} el
 * @returns {string}
 */
export function ownText(el) {
  const first = el && el.firstChild;
  return first && first.textContent ? first.textContent.trim() : '';
}
