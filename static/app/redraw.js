// @ts-check
// Drawing a new view without losing what people are doing: the control
// that had focus keeps it, text typed and not yet sent stays, ballot forms
// are filled in again from what this browser holds.
import { findByKey, keyOf } from './dom.js';
import { formOf } from './forms.js';

/**
 * What a redraw does after the new HTML is in.
 * @typedef {object} Redraw
 * @property {import('./state.js').Room} room
 * @property {(activity: string) => void} formGone a ballot form the last view had is gone
 * @property {() => void} after fills forms back in, shows kept drafts, ticks timers
 */

/**
 * Puts the server's new view in place of the old.
 * @param {Redraw} redraw
 * @param {string} markup the server-rendered (and escaped) view
 */
export function render(redraw, markup) {
  const room = redraw.room;
  const live = room.live;
  const active = document.activeElement;
  const focusKey = active && live.contains(active) ? keyOf(active) : null;
  // If that control goes (Open becomes Close, Admit becomes Remove), the
  // focus stays with what it acted on, in the same part of the page.
  const near = active && live.contains(active) ? nearOf(/** @type {HTMLElement} */ (active)) : null;
  const hadForms = Array.from(live.querySelectorAll('form.ballot'), function (f) { return /** @type {HTMLElement} */ (f).dataset.activity || ''; });
  const wereOpen = Array.from(live.querySelectorAll('details[open]'), detailsKey);
  live.innerHTML = markup;
  // A box the facilitator had opened (the timer's, the list of keys) stays
  // open through a redraw, as does any box holding the focus.
  live.querySelectorAll('details').forEach(function (d) {
    if (wereOpen.indexOf(detailsKey(d)) >= 0) /** @type {HTMLDetailsElement} */ (d).open = true;
  });
  hadForms.forEach(function (activity) { if (!formOf(room, activity)) redraw.formGone(activity); });
  room.touched.forEach(function (value, key) {
    const field = /** @type {HTMLInputElement | null} */ (findByKey(live, key));
    if (field && field.type !== 'radio') field.value = value;
  });
  redraw.after();
  const again = findByKey(live, focusKey) || findNear(live, near);
  if (again) {
    for (let box = again.closest('details'); box; box = box.parentElement && box.parentElement.closest('details')) {
      /** @type {HTMLDetailsElement} */ (box).open = true;
    }
    again.focus();
  }
}

/**
 * A details box as the next view will have it: its id, or its summary's words.
 * @param {Element} details
 */
function detailsKey(details) {
  if (details.id) return '#' + details.id;
  const summary = details.querySelector('summary');
  return 'summary:' + (summary ? (summary.textContent || '').trim() : '');
}

/**
 * What a control acts on (an activity, a person) and the part of the page
 * it is in, to find its successor when a redraw replaces it.
 * @param {HTMLElement} el
 * @returns {{ section: string, what: string, value: string } | null}
 */
function nearOf(el) {
  const section = el.closest('section[aria-labelledby]');
  if (!section) return null;
  // The narrowest thing first: an idea's Hide becomes its Show, not the
  // activity's first button (which closes voting).
  const what = el.dataset.idea ? 'idea' : el.dataset.participant ? 'participant' : el.dataset.activity ? 'activity' : '';
  if (!what) return null;
  return { section: section.getAttribute('aria-labelledby') || '', what: what, value: el.dataset[what] || '' };
}

/**
 * The first control in the same part of the page acting on the same thing.
 * @param {HTMLElement} live
 * @param {{ section: string, what: string, value: string } | null} near
 * @returns {HTMLElement | null}
 */
function findNear(live, near) {
  if (!near) return null;
  const section = live.querySelector('section[aria-labelledby="' + CSS.escape(near.section) + '"]');
  if (!section) return null;
  const attribute = 'data-' + near.what;
  const all = section.querySelectorAll('button[' + attribute + ']');
  for (let i = 0; i < all.length; i++) {
    const el = /** @type {HTMLElement} */ (all[i]);
    if (el.getAttribute(attribute) === near.value) return el;
  }
  return null;
}
