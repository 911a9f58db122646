// @ts-check
// Ballot forms: a form says how it becomes a ballot (data-field, data-shape,
// data-answer: see FormShape in src/activity/show/mod.rs) and the shape's
// module reads and fills it; nothing here knows one kind of activity from
// another. Drafts are kept as people edit, and filled back in on redraw.
import { say } from './dom.js';
import { loadDraft, storeDraft } from './drafts.js';
import { html } from './state.js';
import { shapeOf } from '../shapes/index.js';
import { t } from './words.js';

/** @typedef {import('./state.js').Room} Room */
/** @typedef {import('./state.js').Message} Message */
/** @typedef {import('../shapes/index.js').Ctx} Ctx */

/**
 * The ballot form of an activity, if the view shows one.
 * @param {Room} room
 * @param {string} activity
 * @returns {HTMLFormElement | null}
 */
export function formOf(room, activity) {
  return room.live.querySelector('form.ballot[data-activity="' + CSS.escape(activity) + '"]');
}

/**
 * The form's ballot, `{"<field>": ...}`, or null for a form that makes none.
 * @param {HTMLFormElement} form
 * @returns {Record<string, any> | null}
 */
export function readBallot(form) {
  const shape = shapeOf(form);
  if (!shape || shape.noBallot) return null;
  /** @type {Record<string, any>} */
  const ballot = {};
  ballot[form.dataset.field || ''] = shape.read(form);
  return ballot;
}

/**
 * Fills a form in from a ballot (saved, or a draft).
 * @param {HTMLFormElement} form
 * @param {Record<string, any> | null | undefined} ballot
 * @param {Ctx} ctx
 */
export function fillForm(form, ballot, ctx) {
  const shape = shapeOf(form);
  if (!shape) return;
  const value = ballot && ballot[form.dataset.field || ''];
  if (value) shape.fill(form, value, ctx);
  if (shape.filled) shape.filled(form);
}

/**
 * How many items of an item-by-item form the saved ballot answers (to the
 * current wording), and how many there are; null for whole ballots.
 * @param {HTMLFormElement} form
 * @param {Record<string, any> | undefined} ballot
 */
export function answered(form, ballot) {
  const sets = form.querySelectorAll('fieldset[data-item]');
  if (!sets.length) return null;
  const items = (ballot && ballot[form.dataset.field || '']) || {};
  let n = 0;
  sets.forEach(function (fs) {
    const data = html(fs).dataset;
    const v = items[data.item || ''];
    if (v === undefined) return;
    if (v && typeof v === 'object' && v.version && String(v.version) !== data.version) return;
    n += 1;
  });
  return { n: n, of: sets.length };
}

/**
 * What the form says once its ballot is saved.
 * @param {Room} room
 * @param {HTMLFormElement} form
 */
export function savedLine(room, form) {
  const count = answered(form, room.myBallots[form.dataset.activity || '']);
  if (!count || count.n === count.of) return t('vote-saved');
  return t('answers-so-far', { n: count.n, of: count.of });
}

/**
 * The draft in words, from the form's own labels.
 * @param {HTMLFormElement} form
 * @returns {string[]}
 */
export function summarise(form) {
  const shape = shapeOf(form);
  return shape ? shape.summarise(form) : [];
}

/**
 * The form was changed: keep it as a draft, and say so.
 * @param {Room} room
 * @param {HTMLFormElement} form
 * @param {string} note
 */
export function edited(room, form, note) {
  const shape = shapeOf(form);
  const activity = form.dataset.activity || '';
  if (shape && !shape.noBallot) {
    room.drafts[activity] = readBallot(form);
    storeDraft(room, activity, { ballot: room.drafts[activity], summary: summarise(form) });
  }
  say(form, note);
}

/**
 * After every view: each form shows the saved ballot, then any draft over
 * it, and says which it shows.
 * @param {Ctx} ctx
 */
export function fillForms(ctx) {
  const room = ctx.room;
  room.live.querySelectorAll('form.ballot').forEach(function (el) {
    const form = /** @type {HTMLFormElement} */ (el);
    const activity = form.dataset.activity || '';
    const shape = shapeOf(form);
    if (!shape) return;
    if (shape.start && !room.myBallots[activity]) shape.start(form, ctx);
    fillForm(form, room.myBallots[activity], ctx);
    if (!room.drafts[activity] && !shape.noBallot) {
      const stored = loadDraft(room, activity);
      if (stored && stored.ballot) room.drafts[activity] = stored.ballot;
    }
    if (room.drafts[activity]) {
      fillForm(form, room.drafts[activity], ctx);
      say(form, t('not-saved-yet'));
    } else if (room.myBallots[activity]) {
      say(form, savedLine(room, form), true);
    }
    // A refused answer's message stays beside it through a re-render.
    const refused = room.itemErrors[activity] || {};
    Object.keys(refused).forEach(function (item) { itemError(room, form, item, refused[item]); });
    if (shape.shown) shape.shown(form, ctx);
  });
}

/**
 * An item's answer was refused: say why beside it, and remember it.
 * @param {Room} room
 * @param {HTMLFormElement | null} form
 * @param {string} item
 * @param {string} text
 */
export function itemError(room, form, item, text) {
  const fs = form && form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]');
  if (!form || !fs) return;
  const activity = form.dataset.activity || '';
  (room.itemErrors[activity] = room.itemErrors[activity] || {})[item] = text;
  const old = fs.querySelector('.item-error');
  if (old) old.remove();
  const p = document.createElement('p');
  p.className = 'item-error inline-error';
  p.setAttribute('role', 'alert');
  p.textContent = text.charAt(0).toUpperCase() + text.slice(1);
  fs.insertBefore(p, fs.children[1] || null);
}
