// @ts-check
// Timers count down between views, to the server's clock (from the socket's
// `time` message), so a phone whose own clock is wrong shows the room's time.

/**
 * Redraws every running timer in `live`.
 * @param {ParentNode} live
 * @param {number} clockOffset the server's clock minus this device's, in ms
 */
export function tickTimers(live, clockOffset) {
  live.querySelectorAll('.timer[data-ends-at]').forEach(function (timer) {
    const ends = Date.parse(/** @type {HTMLElement} */ (timer).dataset.endsAt || '');
    const left = Math.max(0, Math.ceil((ends - (Date.now() + clockOffset)) / 1000));
    // A bilingual projector has a clock in each language.
    timer.querySelectorAll('.clock').forEach(function (clock) {
      clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    });
    // The page has both labels; the style shows "up" or "left" by the class.
    timer.classList.toggle('up', left === 0);
  });
}
