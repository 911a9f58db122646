// @ts-check
// Timers count down between views, to the server's clock (from the socket's
// `time` message), so a phone whose own clock is wrong shows the room's time.
import { t } from './words.js';

/**
 * Redraws every running timer in `live`.
 * @param {ParentNode} live
 * @param {number} clockOffset the server's clock minus this device's, in ms
 */
export function tickTimers(live, clockOffset) {
  live.querySelectorAll('.timer[data-ends-at]').forEach(function (timer) {
    const ends = Date.parse(/** @type {HTMLElement} */ (timer).dataset.endsAt || '');
    const left = Math.max(0, Math.ceil((ends - (Date.now() + clockOffset)) / 1000));
    const clock = timer.querySelector('.clock');
    if (clock) clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    const up = left === 0;
    if (up !== timer.classList.contains('up')) {
      timer.classList.toggle('up', up);
      const label = timer.querySelector('.timer-label');
      if (label) label.textContent = (up ? t('time-up') : t('time-left')) + ' ';
    }
  });
}
