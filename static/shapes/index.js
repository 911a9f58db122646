// @ts-check
// The shape table: how each kind of ballot form becomes a ballot and is
// filled in again. A kind declares its form's shape on the server
// (`Show::form_shape` in its own folder); the page's form carries it as
// data-shape, and the module here of that name does the rest. A new kind of
// an existing shape needs nothing here; a new shape is its module and its
// line below.
import { choices } from './choices.js';
import { counts } from './counts.js';
import { ideas } from './ideas.js';
import { order } from './order.js';
import { pick } from './pick.js';

/**
 * What a shape's module may use of the page.
 * @typedef {object} Ctx
 * @property {import('../app/state.js').Room} room
 * @property {(message: import('../app/state.js').Message, origin?: Element) => string} send
 * @property {(form: HTMLFormElement, note: string) => void} edited
 * @property {() => void} fillForms
 * @property {() => boolean} stopped whether this page gave way to another tab or device
 */

/**
 * A shape: reading its form into the ballot's one field, filling it in
 * again, and saying a draft in words. The hooks are for shapes that need
 * more than that.
 * @typedef {object} Shape
 * @property {(form: HTMLFormElement) => any} read the ballot's field
 * @property {(form: HTMLFormElement, value: any, ctx: Ctx) => void} fill
 * @property {(form: HTMLFormElement) => string[]} summarise a draft in words
 * @property {boolean} [noBallot] sends something else (ideas): no ballot, no drafts
 * @property {boolean} [byItem] answered item by item: each answer its own message
 * @property {(form: HTMLFormElement, ctx: Ctx) => void} [start] fills a form with no saved ballot
 * @property {(form: HTMLFormElement) => void} [filled] after each fill
 * @property {(form: HTMLFormElement, ctx: Ctx) => void} [shown] after the form is filled in on a redraw
 * @property {(form: HTMLFormElement, button: HTMLButtonElement, ctx: Ctx) => void} [click] a button in the form
 * @property {(form: HTMLFormElement, field: HTMLElement, ctx: Ctx) => boolean} [input] typing; true when handled
 * @property {(form: HTMLFormElement, submitter: HTMLElement | null, ctx: Ctx) => boolean} [submit] false stops the save
 * @property {(form: HTMLFormElement, sent: import('../app/state.js').Message, ctx: Ctx) => void} [saved] acked
 * @property {(form: HTMLFormElement, items: Record<string, any>) => Array<[string, string]>} [held] answers not to send, and why
 * @property {(form: HTMLFormElement) => string | null} [note] what to say of a change, when "Not saved yet." is not enough
 */

/** @type {Record<string, Shape>} */
export const SHAPES = { choices, counts, ideas, order, pick };

/**
 * The shape of a ballot form, if it has one.
 * @param {HTMLFormElement} form
 * @returns {Shape | null}
 */
export function shapeOf(form) {
  return SHAPES[form.dataset.shape || ''] || null;
}
