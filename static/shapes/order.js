// @ts-check
// `order`: the options in the person's order (`li[data-option]`, moved with
// Up / Down buttons), read as `["<option>", ...]`. A ranking starts in a
// neutral order, shuffled once per phone and kept in the browser so that it
// does not change under someone's thumb; an unmoved order is saved only when
// asked for.
import { ownText, say } from '../app/dom.js';
import { t } from '../app/words.js';

/** @type {Record<string, string[]>} activity -> this phone's starting order */
const shuffles = {};
/** @type {Record<string, boolean>} activity -> "keep this order" offered */
const keepOffered = {};

/**
 * @param {HTMLFormElement} form
 * @returns {string[]}
 */
function ids(form) {
  return Array.from(form.querySelectorAll('li[data-option]'), function (li) { return /** @type {HTMLElement} */ (li).dataset.option || ''; });
}

/**
 * This phone's starting order for the form's options.
 * @param {HTMLFormElement} form
 * @param {string} session
 * @returns {string[]}
 */
export function shuffleOf(form, session) {
  const activity = form.dataset.activity || '';
  const key = 'topteam:order:' + session + ':' + activity;
  const options = ids(form);
  let order = shuffles[activity];
  if (!order) { try { order = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { order = []; } }
  const same = order && order.length === options.length && options.every(function (id) { return order.indexOf(id) >= 0; });
  if (!same) {
    order = options.slice();
    const random = new Uint32Array(order.length);
    crypto.getRandomValues(random);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random[i] % (i + 1);
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    try { localStorage.setItem(key, JSON.stringify(order)); } catch (e) { /* kept in memory */ }
  }
  shuffles[activity] = order;
  return order;
}

/** @type {import('./index.js').Shape} */
export const order = {
  read: ids,
  fill(form, value) {
    const first = form.querySelector('li[data-option]');
    const list = first && first.parentNode;
    if (!list) return;
    value.forEach(function (/** @type {string} */ id) {
      const li = list.querySelector('li[data-option="' + CSS.escape(id) + '"]');
      if (li) list.appendChild(li);
    });
  },
  start(form, ctx) {
    const activity = form.dataset.activity || '';
    order.fill(form, shuffleOf(form, ctx.room.session), ctx);
    const keep = /** @type {HTMLElement | null} */ (form.querySelector('.keep-order'));
    if (keep && keepOffered[activity]) keep.hidden = false;
  },
  summarise(form) {
    return Array.from(form.querySelectorAll('li[data-option]'), function (li, i) {
      return (i + 1) + '. ' + ownText(li.querySelector('.label'));
    });
  },
  click(form, button, ctx) {
    if (!button.dataset.move) return;
    const li = button.closest('li');
    const list = li && li.parentNode;
    if (!li || !list) return;
    const up = button.dataset.move === '-1';
    const sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    list.insertBefore(li, up ? sibling : sibling.nextElementSibling);
    button.focus();
    const place = Array.prototype.indexOf.call(list.children, li) + 1;
    ctx.edited(form, t('moved-option', { option: ownText(li.querySelector('.label')), place: place }) + ' ' + t('not-saved-yet'));
  },
  // An order nobody moved is saved only when asked for: it may be the
  // phone's shuffle, not the person's view.
  submit(form, submitter, ctx) {
    const activity = form.dataset.activity || '';
    if (ctx.room.myBallots[activity] || (submitter && submitter.getAttribute('name') === 'keep')) return true;
    const now = ids(form);
    const start = shuffleOf(form, ctx.room.session);
    if (now.length !== start.length || now.some(function (id, i) { return id !== start[i]; })) return true;
    keepOffered[activity] = true;
    const keep = /** @type {HTMLElement | null} */ (form.querySelector('.keep-order'));
    if (keep) keep.hidden = false;
    say(form, t('order-not-moved'), false);
    return false;
  },
  saved(form) {
    delete keepOffered[form.dataset.activity || ''];
    const keep = /** @type {HTMLElement | null} */ (form.querySelector('.keep-order'));
    if (keep) keep.hidden = true;
  },
};
