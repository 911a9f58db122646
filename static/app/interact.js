// @ts-check
// What people do on the page: buttons, typing, choosing and sending, on the
// phone's ballot forms and on the console's commands.
import { clearInlineError, keyOf, say, showInlineError } from './dom.js';
import { edited } from './forms.js';
import { sendByItem } from './items.js';
import { html } from './state.js';
import { shapeOf } from '../shapes/index.js';
import { t } from './words.js';

/** @typedef {import('../shapes/index.js').Ctx} Ctx */

/**
 * Listens on the live region for the rest of the page's life: views are
 * redrawn inside it, so listeners on it outlive every view.
 * @param {Ctx} ctx
 */
export function listen(ctx) {
  const live = ctx.room.live;
  live.addEventListener('click', function (event) { click(event, ctx); });
  live.addEventListener('input', function (event) { typed(event, ctx); });
  live.addEventListener('change', function (event) { changed(event, ctx); });
  live.addEventListener('submit', function (event) { submitted(/** @type {SubmitEvent} */ (event), ctx); });
}

/**
 * A control used again: its earlier refusal no longer applies.
 * @param {Ctx} ctx
 * @param {Element} el
 */
function forget(ctx, el) {
  clearInlineError(el);
  const key = keyOf(el);
  if (key) ctx.room.inlineErrors.delete(key);
}

/** @param {Ctx} ctx */
function sending(ctx) {
  const status = ctx.room.consoleStatus;
  if (status) { status.textContent = t('sending'); status.classList.remove('error'); }
}

/**
 * @param {Event} event
 * @param {Ctx} ctx
 */
function click(event, ctx) {
  const button = /** @type {HTMLButtonElement | null} */ (html(/** @type {Element} */ (event.target)).closest('button'));
  if (!button || !ctx.room.live.contains(button)) return;
  const form = /** @type {HTMLFormElement | null} */ (button.closest('form.ballot'));
  const shape = form && shapeOf(form);
  if (form && shape && shape.click) {
    shape.click(form, button, ctx);
  } else if (!form && button.dataset.command && !button.closest('form')) {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    /** @type {import('./state.js').Message} */
    const message = { type: button.dataset.command };
    ['activity', 'participant', 'idea', 'action'].forEach(function (k) { if (button.dataset[k]) message[k] = button.dataset[k]; });
    if (button.dataset.page) message.page = parseInt(button.dataset.page, 10);
    forget(ctx, button);
    ctx.send(message, button);
    sending(ctx);
  }
}

/**
 * @param {Event} event
 * @param {Ctx} ctx
 */
function typed(event, ctx) {
  const field = /** @type {HTMLInputElement} */ (event.target);
  const key = keyOf(field);
  if (key && field.type !== 'radio') ctx.room.touched.set(key, field.value);
  const form = /** @type {HTMLFormElement | null} */ (field.closest('form.ballot'));
  if (!form) return;
  const shape = shapeOf(form);
  if (shape && shape.input && shape.input(form, field, ctx)) return;
  if (field.dataset.max) tooLong(field);
  edited(ctx.room, form, t('not-saved-yet'));
}

/**
 * @param {Event} event
 * @param {Ctx} ctx
 */
function changed(event, ctx) {
  const target = /** @type {Element} */ (event.target);
  const form = /** @type {HTMLFormElement | null} */ (target.closest('form.ballot'));
  const fs = /** @type {HTMLElement | null} */ (target.closest('fieldset[data-item]'));
  const errors = form && ctx.room.itemErrors[form.dataset.activity || ''];
  if (fs && errors) {
    // Answered again: the old refusal no longer applies.
    delete errors[fs.dataset.item || ''];
    const shown = fs.querySelector('.item-error');
    if (shown) shown.remove();
  }
  const shape = form && shapeOf(form);
  if (form && shape && !shape.noBallot) edited(ctx.room, form, (shape.note && shape.note(form)) || t('not-saved-yet'));
}

/**
 * A reason longer than the server takes says so beside itself.
 * @param {HTMLInputElement} field
 */
function tooLong(field) {
  const max = parseInt(field.dataset.max || '0', 10);
  const n = Array.from(field.value).length;
  let note = field.nextElementSibling;
  if (!note || !note.classList.contains('over-limit')) {
    note = document.createElement('p');
    note.className = 'over-limit';
    note.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', note);
  }
  note.textContent = n > max ? t('too-many-characters', { over: n - max, max: max }) : '';
}

/**
 * @param {SubmitEvent} event
 * @param {Ctx} ctx
 */
function submitted(event, ctx) {
  const form = /** @type {HTMLFormElement} */ (event.target);
  event.preventDefault();
  const submitter = /** @type {HTMLButtonElement | null} */ (event.submitter);
  if (form.matches('form.ballot') && ctx.stopped()) {
    say(form, t('not-sent-stopped'), false);
    return;
  }
  if (form.matches('form.ballot')) {
    const shape = shapeOf(form);
    if (!shape) return;
    if (shape.submit && !shape.submit(form, submitter, ctx)) return;
    if (shape.byItem) { sendByItem(form, ctx); return; }
    /** @type {Record<string, any>} */
    const ballot = {};
    ballot[form.dataset.field || ''] = shape.read(form);
    ctx.send({ type: 'vote', activity: form.dataset.activity || '', ballot: ballot });
    say(form, t('saving'));
  } else if (form.dataset.command) {
    command(form, submitter, ctx);
  }
}

/**
 * A console form: its fields become the command's.
 * @param {HTMLFormElement} form
 * @param {HTMLButtonElement | null} submitter
 * @param {Ctx} ctx
 */
function command(form, submitter, ctx) {
  /** @type {import('./state.js').Message} */
  const message = { type: form.dataset.command || '' };
  const minutes = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=minutes]'));
  if (minutes) {
    // "5" or "2:30": the timer takes seconds on the wire.
    const m = /^\s*(\d{1,4})(?::([0-5]\d))?\s*$/.exec(minutes.value);
    const seconds = m ? parseInt(m[1], 10) * 60 + (m[2] ? parseInt(m[2], 10) : 0) : 0;
    forget(ctx, minutes);
    if (!seconds) {
      const why = t('write-minutes');
      const key = keyOf(minutes);
      if (key) ctx.room.inlineErrors.set(key, why);
      showInlineError(ctx.room.live, key, why);
      return;
    }
    message.seconds = seconds;
  }
  ['activity', 'item'].forEach(function (k) { if (form.dataset[k]) message[k] = form.dataset[k]; });
  new FormData(form).forEach(function (value, name) {
    if (value === '' || name === 'minutes') return;
    if (name.indexOf('fields.') === 0) { message.fields = message.fields || {}; message.fields[name.slice(7)] = value; }
    else message[name] = name === 'seconds' ? parseInt(String(value), 10) : value;
  });
  if (submitter && submitter.name) message[submitter.name] = submitter.value;
  forget(ctx, form);
  if (submitter) forget(ctx, submitter);
  ctx.send(message, submitter || form);
  sending(ctx);
}
