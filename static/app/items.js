// @ts-check
// Item-by-item answers (a role map, statements, scores, points) go one to a
// message, so an answer refused (a statement amended meanwhile, an objection
// without a reason) is refused alone, its message beside it, and every other
// answer is saved.
import { say } from './dom.js';
import { storeDraft } from './drafts.js';
import { itemError, readBallot, savedLine, summarise } from './forms.js';
import { shapeOf } from '../shapes/index.js';
import { t } from './words.js';

/** @typedef {import('../shapes/index.js').Ctx} Ctx */
/** @typedef {{ left: number, failed: number }} Batch */

/** @type {Map<string, { batch: Batch, items: string[] }>} client_id -> its part of a save */
const batches = new Map();

/**
 * Whether this ack or error answers part of an item-by-item save.
 * @param {string} clientId
 */
export function isItemPart(clientId) {
  return batches.has(clientId);
}

/**
 * Sends the answers changed since the last save, each alone.
 * @param {HTMLFormElement} form
 * @param {Ctx} ctx
 */
export function sendByItem(form, ctx) {
  const room = ctx.room;
  const activity = form.dataset.activity || '';
  const field = form.dataset.field || '';
  const shape = shapeOf(form);
  const items = (readBallot(form) || {})[field] || {};
  const saved = (room.myBallots[activity] && room.myBallots[activity][field]) || {};
  form.querySelectorAll('.item-error').forEach(function (e) { e.remove(); });
  room.itemErrors[activity] = {};
  const held = shape && shape.held ? shape.held(form, items) : [];
  if (!Object.keys(items).length && !held.length) { say(form, t('choose-answer-first'), false); return; }
  held.forEach(function ([id, why]) { itemError(room, form, id, why); delete items[id]; });
  const n = held.length;
  const changed = Object.keys(items).filter(function (id) { return JSON.stringify(items[id]) !== JSON.stringify(saved[id]); });
  // Anonymous: nothing goes until every answer can. Saving the rest would
  // show this person "in progress", and with it that an answer was held
  // back, which in an agreement means an objection.
  if (n && form.dataset.anonymous) {
    say(form, t('nothing-sent-fix', { n: n }), false);
    return;
  }
  if (n && !changed.length) {
    say(form, t('answers-need-attention', { n: n }), false);
    return;
  }
  if (!changed.length) {
    delete room.drafts[activity];
    storeDraft(room, activity, null);
    say(form, savedLine(room, form), true);
    return;
  }
  const batch = { left: 0, failed: n };
  // Past twenty changed answers (a long first save) they go together, as
  // one message, within the socket's burst.
  const groups = changed.length <= 20 ? changed.map(function (id) { return [id]; }) : [changed];
  groups.forEach(function (group) {
    /** @type {Record<string, any>} */
    const part = {};
    group.forEach(function (id) { part[id] = items[id]; });
    /** @type {Record<string, any>} */
    const ballot = {};
    ballot[field] = part;
    const id = ctx.send({ type: 'vote', activity: activity, ballot: ballot });
    batch.left += 1;
    batches.set(id, { batch: batch, items: group });
  });
  say(form, t('saving'));
}

/**
 * One answer of an item-by-item save came back; once all have, the form
 * says whether every answer was saved, and keeps a draft of the rest.
 * @param {any} m the ack or error
 * @param {boolean} ok
 * @param {import('./state.js').Message} sent
 * @param {HTMLFormElement | null} form
 * @param {Ctx} ctx
 */
export function settleItems(m, ok, sent, form, ctx) {
  const room = ctx.room;
  const activity = sent.activity || '';
  const part = batches.get(m.client_id);
  batches.delete(m.client_id);
  if (!part) return;
  part.batch.left -= 1;
  if (ok) {
    const field = Object.keys(sent.ballot || {})[0];
    const merged = Object.assign({}, room.myBallots[activity]);
    merged[field] = Object.assign({}, merged[field], (sent.ballot || {})[field]);
    room.myBallots[activity] = merged;
    // Answered to the new wording: the note asking for it has done its job.
    part.items.forEach(function (item) {
      const fs = form && form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]');
      const note = fs && fs.querySelector('.amended');
      if (note) note.remove();
    });
  } else {
    part.batch.failed += 1;
    part.items.forEach(function (item) { itemError(room, form, item, m.error.message); });
  }
  if (part.batch.left > 0) return;
  if (part.batch.failed === 0) {
    delete room.drafts[activity];
    storeDraft(room, activity, null);
    if (form) say(form, savedLine(room, form), true);
  } else if (form) {
    room.drafts[activity] = readBallot(form);
    storeDraft(room, activity, { ballot: room.drafts[activity], summary: summarise(form) });
    const n = part.batch.failed;
    say(form, t('answers-not-saved', { n: n }), false);
  }
}
