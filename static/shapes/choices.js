// @ts-check
// `choices`: an answer per item (`fieldset[data-item]`), read as
// `{"<item>": answer}` and sent item by item. The form's data-answer says
// each answer's form: `text` or `number` (a radio's value), `response` (an
// agreement: `{"response", "version", "reason"?}`, the version from the
// fieldset), or `point` (two selects, `{"x", "y"}`).
import { ownText, say } from '../app/dom.js';
import { t } from '../app/words.js';

/**
 * One item's answer, or null while it has none: a checked radio, or for a
 * point both of its scales chosen.
 * @param {string} answer the form's data-answer
 * @param {Element} fs the item's fieldset
 * @returns {any}
 */
export function readAnswer(answer, fs) {
  if (answer === 'point') {
    const x = /** @type {HTMLSelectElement | null} */ (fs.querySelector('select[data-axis=x]'));
    const y = /** @type {HTMLSelectElement | null} */ (fs.querySelector('select[data-axis=y]'));
    if (!x || !y || !x.value || !y.value) return null;
    return { x: parseInt(x.value, 10), y: parseInt(y.value, 10) };
  }
  const checked = /** @type {HTMLInputElement | null} */ (fs.querySelector('input[type=radio]:checked'));
  if (!checked) return null;
  if (answer === 'number') return parseInt(checked.value, 10);
  if (answer !== 'response') return checked.value;
  const reason = /** @type {HTMLTextAreaElement | null} */ (fs.querySelector('textarea'));
  /** @type {{ response: string, version: number, reason?: string }} */
  const response = { response: checked.value, version: parseInt(/** @type {HTMLElement} */ (fs).dataset.version || '0', 10) };
  // A reason goes with an objection only, never with a later agreement.
  if (checked.value === 'object' && reason && reason.value.trim()) response.reason = reason.value.trim();
  return response;
}

/**
 * The amended note on an item answered to an earlier wording.
 * @param {HTMLFormElement} form
 * @param {Element} fs
 */
function amended(form, fs) {
  if (!fs.querySelector('.amended')) {
    const note = document.createElement('p');
    note.className = 'amended';
    note.textContent = t('statement-amended-note');
    fs.insertBefore(note, fs.children[1] || null);
  }
  say(form, t('statement-amended-answer-again'), false);
}

/**
 * Puts one saved answer back in its fieldset.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} fs
 * @param {any} value
 */
function fillItem(form, fs, value) {
  if (value && typeof value === 'object') {
    if (value.x !== undefined) {
      ['x', 'y'].forEach(function (axis) {
        const select = /** @type {HTMLSelectElement | null} */ (fs.querySelector('select[data-axis=' + axis + ']'));
        if (select) select.value = String(value[axis]);
      });
      return;
    }
    if (value.version && String(value.version) !== fs.dataset.version) {
      // Answered an earlier wording: that answer no longer counts.
      amended(form, fs);
      return;
    }
    const reason = /** @type {HTMLTextAreaElement | null} */ (fs.querySelector('textarea'));
    if (reason && value.reason && !reason.value) reason.value = value.reason;
    value = value.response;
  }
  const radio = /** @type {HTMLInputElement | null} */ (fs.querySelector('input[type=radio][value="' + CSS.escape(String(value)) + '"]'));
  if (radio) radio.checked = true;
}

/** @type {import('./index.js').Shape} */
export const choices = {
  byItem: true,
  read(form) {
    /** @type {Record<string, any>} */
    const items = {};
    form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
      const answer = readAnswer(form.dataset.answer || '', fs);
      if (answer !== null) items[/** @type {HTMLElement} */ (fs).dataset.item || ''] = answer;
    });
    return items;
  },
  fill(form, items) {
    Object.keys(items).forEach(function (item) {
      const fs = /** @type {HTMLElement | null} */ (form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]'));
      if (fs) fillItem(form, fs, items[item]);
    });
  },
  summarise(form) {
    /** @type {string[]} */
    const lines = [];
    form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
      const item = ownText(fs.querySelector('legend'));
      const point = readAnswer('point', fs);
      if (point) {
        const names = fs.querySelectorAll('label');
        lines.push(item + ': ' + (names[0].textContent || '').trim() + ' ' + point.x + ', ' + (names[1].textContent || '').trim() + ' ' + point.y);
        return;
      }
      const checked = fs.querySelector('input[type=radio]:checked');
      if (!checked) return;
      const label = form.querySelector('label[for="' + CSS.escape(checked.id) + '"]');
      lines.push(item + ': ' + (label ? (label.textContent || '').trim() : /** @type {HTMLInputElement} */ (checked).value));
    });
    return lines;
  },
  // Answers stopped here, beside them, and never sent: a point placed on one
  // scale only (half an answer is not one), and an objection without its
  // reason or with one too long (a refusal the server counted would say, to
  // anyone timing it, that someone just objected).
  held(form, items) {
    /** @type {Array<[string, string]>} */
    const out = [];
    form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
      const scales = Array.prototype.filter.call(fs.querySelectorAll('select[data-axis]'), function (s) { return s.value; });
      if (scales.length === 1) out.push([/** @type {HTMLElement} */ (fs).dataset.item || '', t('matrix-both-scales')]);
    });
    Object.keys(items).forEach(function (id) {
      const answer = items[id];
      if (!answer || typeof answer !== 'object' || answer.response !== 'object') return;
      const fs = form.querySelector('fieldset[data-item="' + CSS.escape(id) + '"]');
      const box = /** @type {HTMLTextAreaElement | null} */ (fs && fs.querySelector('textarea'));
      const max = box && box.dataset.max ? parseInt(box.dataset.max, 10) : 0;
      if (!answer.reason) out.push([id, t('reason-needed')]);
      else if (max && Array.from(/** @type {string} */ (answer.reason)).length > max) out.push([id, t('reason-too-long', { max: max })]);
    });
    return out;
  },
};
