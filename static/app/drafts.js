// @ts-check
// Drafts: a ballot being edited is kept in this browser until it is saved,
// so a reload or a closed tab loses nothing; and when voting closes on an
// unsaved draft, the phone says what it had and that it was not counted.
import { t } from './words.js';

/** @typedef {import('./state.js').Room} Room */
/** @typedef {{ ballot: Record<string, any> | null, summary: string[] }} Draft */

/**
 * Where a draft is kept.
 * @param {string} session
 * @param {string} activity
 */
export function draftKey(session, activity) {
  return 'topteam:draft:' + session + ':' + activity;
}

/**
 * Keeps (or with null, forgets) an activity's draft.
 * @param {Room} room
 * @param {string} activity
 * @param {Draft | null} draft
 */
export function storeDraft(room, activity, draft) {
  try {
    if (draft) localStorage.setItem(draftKey(room.session, activity), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(room.session, activity));
  } catch (e) { /* storage full or blocked: the in-page draft still holds */ }
}

/**
 * @param {Room} room
 * @param {string} activity
 * @returns {Draft | null}
 */
export function loadDraft(room, activity) {
  try { return JSON.parse(localStorage.getItem(draftKey(room.session, activity)) || 'null'); } catch (e) { return null; }
}

/** Drafts voting closed on: what they had, to show under the activity. */
export class KeptDrafts {
  /** @param {Room} room */
  constructor(room) {
    this.room = room;
    /** @type {Record<string, string[]>} activity -> lines of a draft voting closed on */
    this.kept = {};
  }

  /**
   * The form for `activity` has gone while a draft was unsaved. When the
   * view shows that activity closed, keep what it had to show; when the
   * facilitator only moved to another activity, keep the draft for when it
   * comes back.
   * @param {string} activity
   */
  formGone(activity) {
    const room = this.room;
    const draft = loadDraft(room, activity);
    if (!draft) return;
    const step = /** @type {HTMLElement | null} */ (room.live.querySelector('.step[data-activity="' + CSS.escape(activity) + '"]'));
    if (!step || step.dataset.status !== 'closed') return;
    delete room.drafts[activity];
    storeDraft(room, activity, null);
    if (draft.summary && draft.summary.length) this.kept[activity] = draft.summary;
  }

  /** Shows each kept draft under its closed activity. */
  show() {
    const live = this.room.live;
    Object.keys(this.kept).forEach((activity) => {
      const step = live.querySelector('.step[data-activity="' + CSS.escape(activity) + '"]');
      if (!step) return;
      const box = document.createElement('div');
      box.className = 'kept';
      box.setAttribute('role', 'status');
      const head = document.createElement('p');
      head.textContent = t('closed-before-saved');
      const list = document.createElement('ul');
      this.kept[activity].forEach(function (line) {
        const li = document.createElement('li');
        li.textContent = line;
        list.appendChild(li);
      });
      box.append(head, list);
      step.appendChild(box);
    });
  }
}
