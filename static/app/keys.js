// @ts-check
// The console's keys: N or → the next step, ← back, H hide results, T the
// timer, P the projector's page, ? the list. Never while typing.

/** @type {Record<string, string>} */
const BUTTONS = {
  n: 'next-step', N: 'next-step', ArrowRight: 'next-step', ArrowLeft: 'back-step',
  h: 'hide-results', H: 'hide-results', t: 'timer-toggle', T: 'timer-toggle',
  p: 'page-next', P: 'page-next',
};

/** Listens for the console's keys. */
export function consoleKeys() {
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = /** @type {Element} */ (event.target);
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    let done = false;
    if (event.key === '?') {
      const list = /** @type {HTMLDetailsElement | null} */ (document.getElementById('shortcuts'));
      const summary = list && list.querySelector('summary');
      if (list && summary) { list.open = !list.open; summary.focus(); done = true; }
    } else if (BUTTONS[event.key]) {
      const button = /** @type {HTMLButtonElement | null} */ (document.getElementById(BUTTONS[event.key]));
      if (button && !button.disabled) { button.click(); done = true; }
    }
    if (done) event.preventDefault();
  });
}
