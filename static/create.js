// @ts-check
// topteam: the console's create form. Workshops 2 and 3 carry priorities
// from an earlier workshop's activity in the same series; when the chosen
// series has not run it, say so before the session is made, as its options
// would then be what the earlier script planned, not what the council chose.
import { t } from './app/words.js';

(function () {
  const workshop = /** @type {HTMLSelectElement | null} */ (document.getElementById('workshop'));
  const series = /** @type {HTMLSelectElement | null} */ (document.getElementById('series'));
  const warning = document.getElementById('carry-warning');
  if (!workshop || !series || !warning) return;

  function check() {
    const w = workshop.options[workshop.selectedIndex];
    const s = series.options[series.selectedIndex];
    const needs = (w.dataset.needs || '').split(' ').filter(Boolean);
    const has = (s.dataset.has || '').split(' ').filter(Boolean);
    const missing = needs.filter(function (id) { return has.indexOf(id) < 0; });
    const args = { workshop: w.textContent.trim(), earlier: w.dataset.needsTitle || missing.join(', ') };
    warning.textContent = missing.length
      ? t(s.value ? 'carry-warning-series' : 'carry-warning-new', args)
      : '';
    warning.classList.toggle('warning', missing.length > 0);
  }
  // The new series' name matters only when "A new series" is chosen.
  const naming = document.getElementById('new-series-field');
  function showNaming() { if (naming) naming.hidden = series.value !== ''; }
  workshop.addEventListener('change', check);
  series.addEventListener('change', check);
  series.addEventListener('change', showNaming);
  check();
  showNaming();
})();
