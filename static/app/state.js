// @ts-check
// What the page's modules share: who this page is for, the live region the
// server's views go into, and what this browser holds for the room (saved
// ballots, drafts, messages not yet acked). One object, made once per page.

/**
 * @typedef {{ type: string, client_id?: string, activity?: string,
 *   ballot?: Record<string, any>, text?: string, [k: string]: any }} Message
 */

/**
 * @typedef {object} Room
 * @property {string} role participant, facilitate or screen
 * @property {string} session the session's id
 * @property {HTMLElement} live where the server's views are drawn
 * @property {HTMLElement | null} consoleStatus the console's status line
 * @property {Map<string, Message>} pending client_id -> message not yet acked
 * @property {Map<string, string | null>} origins client_id -> key of the control that sent it
 * @property {Record<string, Record<string, any>>} myBallots activity -> the saved ballot
 * @property {Record<string, Record<string, any> | null>} drafts activity -> a ballot being edited
 * @property {Record<string, number>} ideasSent activity -> ideas this phone has offered
 * @property {Record<string, string[]>} myEntries activity -> what the server says this participant gave there, as now worded
 * @property {Map<string, string>} touched field key -> value typed but not yet sent
 * @property {Record<string, Record<string, string>>} itemErrors activity -> item -> why refused
 * @property {Map<string, string>} inlineErrors control key -> why the server refused what it sent
 * @property {number} clockOffset the server's clock minus this device's, in ms
 */

/**
 * The room as this page sees it, read from the page's body.
 * @param {Document} doc
 * @returns {Room | null} null on a page with no live session
 */
export function roomOf(doc) {
  const body = doc.body;
  const role = body.dataset.role;
  const session = body.dataset.session;
  const live = doc.getElementById('live');
  if (!role || !session || !live) return null;
  return {
    role,
    session,
    live,
    consoleStatus: doc.getElementById('console-status'),
    pending: new Map(),
    origins: new Map(),
    myBallots: {},
    drafts: {},
    ideasSent: {},
    myEntries: {},
    touched: new Map(),
    itemErrors: {},
    inlineErrors: new Map(),
    clockOffset: 0,
  };
}

/**
 * The element as an HTMLElement, for its dataset (every element the views
 * draw is one).
 * @param {Element | null | undefined} el
 * @returns {HTMLElement}
 */
export function html(el) {
  return /** @type {HTMLElement} */ (el);
}
