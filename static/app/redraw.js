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
  const hadForms = Array.from(live.querySelectorAll('form.ballot'), function (f) { return /** @type {HTMLElement} */ (f).dataset.activity || ''; });
  live.innerHTML = markup;
  hadForms.forEach(function (activity) { if (!formOf(room, activity)) redraw.formGone(activity); });
  room.touched.forEach(function (value, key) {
    const field = /** @type {HTMLInputElement | null} */ (findByKey(live, key));
    if (field && field.type !== 'radio') field.value = value;
  });
  redraw.after();
  const again = findByKey(live, focusKey);
  if (again) again.focus();
}
