// @ts-check
// What the server said to a message: an ack (saved, on disk) or an error
// (nothing changed), shown where the message came from.
import { say, showInlineError } from './dom.js';
import { storeDraft } from './drafts.js';
import { formOf, savedLine } from './forms.js';
import { isItemPart, settleItems } from './items.js';
import { shapeOf } from '../shapes/index.js';
import { rememberIdea } from '../shapes/ideas.js';
import { t } from './words.js';

/** @typedef {import('../shapes/index.js').Ctx} Ctx */

/**
 * @param {any} m the server's ack or error
 * @param {boolean} ok
 * @param {Ctx} ctx
 */
export function settle(m, ok, ctx) {
  const room = ctx.room;
  const sent = room.pending.get(m.client_id);
  const origin = room.origins.get(m.client_id) || null;
  room.pending.delete(m.client_id);
  room.origins.delete(m.client_id);
  const status = room.consoleStatus;
  if (!sent) {
    if (!ok && status) { status.textContent = m.error.message; status.classList.add('error'); }
    return;
  }
  const form = sent.activity ? formOf(room, sent.activity) : null;
  if (sent.type === 'vote' && isItemPart(m.client_id)) {
    settleItems(m, ok, sent, form, ctx);
  } else if (sent.type === 'vote' || sent.type === 'idea') {
    const shape = form && shapeOf(form);
    if (!ok) {
      say(form, m.error.message, false);
    } else if (sent.type === 'idea') {
      rememberIdea(room, sent);
      if (form && shape && shape.saved) shape.saved(form, sent, ctx);
    } else {
      const activity = sent.activity || '';
      room.myBallots[activity] = Object.assign({}, sent.ballot);
      delete room.drafts[activity];
      storeDraft(room, activity, null);
      if (form && shape && shape.saved) shape.saved(form, sent, ctx);
      if (form) say(form, savedLine(room, form), true);
    }
  } else if (status) {
    status.textContent = ok ? t('done') : m.error.message;
    status.classList.toggle('error', !ok);
    // The refusal stays beside its control through redraws, until that
    // control is used again.
    if (!ok && origin) {
      room.inlineErrors.set(origin, m.error.message);
      showInlineError(room.live, origin, m.error.message);
    }
    if (ok && origin) room.inlineErrors.delete(origin);
    if (ok) {
      room.touched.clear();
      // "Done." says the last command took; it goes once read, so it never
      // sits atop the console as if it meant something later.
      const shown = status.textContent;
      setTimeout(function () {
        if (status.textContent === shown) status.textContent = '';
      }, 4000);
    }
  }
}
