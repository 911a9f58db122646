// @ts-check
// `ideas`: short texts sent one at a time, not a ballot. The box counts
// characters (a paste over the limit is kept and flagged, never cut), what
// is typed survives a reload, and the phone lists the ideas it has offered.
import { keyOf, say } from '../app/dom.js';
import { t } from '../app/words.js';

/** @typedef {import('./index.js').Ctx} Ctx */

/**
 * @param {string} session
 * @param {string} activity
 */
function ideaDraftKey(session, activity) { return 'topteam:idea-draft:' + session + ':' + activity; }
/**
 * @param {string} session
 * @param {string} activity
 */
function ideasKey(session, activity) { return 'topteam:ideas:' + session + ':' + activity; }

/**
 * @param {string} session
 * @param {string} activity
 */
function ideaDraft(session, activity) {
  try { return localStorage.getItem(ideaDraftKey(session, activity)) || ''; } catch (e) { return ''; }
}

/**
 * @param {string} session
 * @param {string} activity
 * @param {string} text
 */
function keepIdeaDraft(session, activity, text) {
  try {
    if (text) localStorage.setItem(ideaDraftKey(session, activity), text);
    else localStorage.removeItem(ideaDraftKey(session, activity));
  } catch (e) { /* the typed text stays in the box */ }
}

/**
 * The ideas this participant has offered that are still listed: as the
 * server last said (their current wording, after the facilitator's edits),
 * or before it has said, as this browser kept them.
 * @param {import('../app/state.js').Room} room
 * @param {string} activity
 * @returns {string[]}
 */
function myIdeas(room, activity) {
  const told = room.myEntries[activity];
  if (told) return told;
  try { return JSON.parse(localStorage.getItem(ideasKey(room.session, activity)) || '[]'); } catch (e) { return []; }
}

/**
 * @param {HTMLFormElement} form
 * @param {import('../app/state.js').Room} room
 */
function listIdeas(form, room) {
  const old = form.parentNode && form.parentNode.querySelector('.my-ideas');
  if (old) old.remove();
  const ideas = myIdeas(room, form.dataset.activity || '');
  if (!ideas.length) return;
  const box = document.createElement('div');
  box.className = 'my-ideas';
  const head = document.createElement('p');
  head.textContent = t('ideas-so-far');
  const list = document.createElement('ul');
  ideas.forEach(function (text) { const li = document.createElement('li'); li.textContent = text; list.appendChild(li); });
  box.append(head, list);
  form.after(box);
}

/** @param {HTMLFormElement} form */
function maxIdeas(form) {
  const holder = /** @type {HTMLElement | null} */ (form.querySelector('[data-max-ideas]'));
  return holder ? parseInt(holder.dataset.maxIdeas || '0', 10) || 0 : 0;
}

/**
 * @param {HTMLFormElement} form
 * @param {number} n
 */
function ideasLine(form, n) {
  const max = maxIdeas(form);
  const offered = t('ideas-offered', { n: n });
  return offered + ' ' + (max && n >= max ? t('ideas-no-more') : t('ideas-another'));
}

/**
 * The character count under the box.
 * @param {HTMLFormElement} form
 * @param {HTMLTextAreaElement} field
 */
export function countIdea(form, field) {
  const counter = /** @type {HTMLElement | null} */ (form.querySelector('.counter'));
  if (!counter) return;
  const max = parseInt(counter.dataset.max || '0', 10);
  const n = Array.from(field.value).length;
  counter.textContent = n > max
    ? t('idea-counter-over', { n: n, max: max, over: n - max })
    : t('idea-counter', { n: n, max: max });
  counter.classList.toggle('over', n > max);
}

/** @param {HTMLFormElement} form */
function box(form) {
  return /** @type {HTMLTextAreaElement | null} */ (form.querySelector('textarea'));
}

/**
 * An idea was acked: count it and list it, whether or not its form is
 * still on the page.
 * @param {import('../app/state.js').Room} room
 * @param {import('../app/state.js').Message} sent
 */
export function rememberIdea(room, sent) {
  const activity = sent.activity || '';
  room.ideasSent[activity] = (room.ideasSent[activity] || 0) + 1;
  const all = myIdeas(room, activity).concat([sent.text || '']);
  if (room.myEntries[activity]) room.myEntries[activity] = all;
  try { localStorage.setItem(ideasKey(room.session, activity), JSON.stringify(all)); } catch (e) { /* the list is a convenience */ }
}

/** @type {import('./index.js').Shape} */
export const ideas = {
  noBallot: true,
  read() { return null; },
  fill() { /* ideas are sent, not filled in */ },
  summarise() { return []; },
  shown(form, ctx) {
    const room = ctx.room;
    const activity = form.dataset.activity || '';
    const sent = room.ideasSent[activity];
    if (sent) say(form, ideasLine(form, sent), true);
    listIdeas(form, room);
    // At the limit the box goes: the phone says so instead of inviting more.
    // What the server said is the count; before it has, what was sent here.
    const listed = myIdeas(room, activity).length;
    const mine = room.myEntries[activity] ? listed : Math.max(listed, sent || 0);
    const max = maxIdeas(form);
    const full = max > 0 && mine >= max;
    form.querySelectorAll('label, textarea, .counter, button[type=submit]').forEach(function (el) { /** @type {HTMLElement} */ (el).hidden = full; });
    if (full) say(form, ideasLine(form, mine), true);
    // An idea typed and not yet sent survives a reload.
    const field = box(form);
    const typed = ideaDraft(room.session, activity);
    if (field && !field.value && typed) { field.value = typed; countIdea(form, field); }
  },
  input(form, field, ctx) {
    countIdea(form, /** @type {HTMLTextAreaElement} */ (field));
    // "Write your idea first" is answered once something is written.
    const status = form.querySelector('.saved.error');
    if (status && /** @type {HTMLTextAreaElement} */ (field).value.trim()) say(form, '');
    keepIdeaDraft(ctx.room.session, form.dataset.activity || '', /** @type {HTMLTextAreaElement} */ (field).value);
    return true;
  },
  submit(form, _submitter, ctx) {
    const field = box(form);
    const text = field ? field.value.trim() : '';
    if (!text) { say(form, t('write-idea-first'), false); return false; }
    const counter = /** @type {HTMLElement | null} */ (form.querySelector('.counter'));
    const max = counter ? parseInt(counter.dataset.max || '0', 10) : 0;
    const length = Array.from(text).length;
    if (max && length > max) { say(form, t('idea-too-long', { over: length - max }), false); return false; }
    ctx.send({ type: 'idea', activity: form.dataset.activity || '', text: text });
    say(form, t('saving'));
    return false;
  },
  saved(form, sent, ctx) {
    const room = ctx.room;
    const activity = form.dataset.activity || '';
    listIdeas(form, room);
    const field = box(form);
    if (field) { field.value = ''; room.touched.delete(keyOf(field) || ''); }
    keepIdeaDraft(room.session, activity, '');
    const counter = /** @type {HTMLElement | null} */ (form.querySelector('.counter'));
    if (counter) counter.textContent = t('idea-counter', { n: 0, max: counter.dataset.max || '0' });
    ctx.fillForms();
    const offered = room.myEntries[activity] ? myIdeas(room, activity).length : room.ideasSent[activity];
    say(form, t('idea-is-in') + ' ' + ideasLine(form, offered), true);
  },
};
