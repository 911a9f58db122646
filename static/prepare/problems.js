// @ts-check
// Problems with a saved agenda shown as people read them: beside each field
// (`activity[2].option[1].label` finds it) and in a summary at the top whose
// links go to the fields, each named by its activity's title.
import { t } from '../app/words.js';

/** @param {{form: HTMLElement, problemsBox: HTMLElement}} ed */
export function clearProblems(ed) {
  const form = ed.form;
  form.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
  form.querySelectorAll('[aria-invalid]').forEach(function (el) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id.indexOf('err-') !== 0; });
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
  });
  ed.problemsBox.innerHTML = '';
}

// `activity[2].option[1].label` -> the field it names, if the form has it.
function fieldFor(ed, path) {
  const m = /^activity\[(\d+)\](?:\.option\[(\d+)\])?\.?([a-z_]*)/.exec(path);
  if (!m) return null;
  const li = ed.activities()[Number(m[1])];
  if (!li) return null;
  let scope = li;
  if (m[2] !== undefined) scope = li.querySelectorAll('.option-edit')[Number(m[2])] || li;
  const base = m[3] === 'option' ? 'label' : (m[3] || 'title');
  // `title.cy` is the Welsh beside it.
  const name = /\.cy$/.test(path) ? base + '-cy' : base;
  return scope.querySelector('[name=' + name + ']') || scope.querySelector('[name=title]') || scope.querySelector('input, textarea');
}

export function showProblems(ed, problems) {
  const form = ed.form;
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = t('agenda-problems', { n: problems.length });
  summary.appendChild(h);
  const ul = document.createElement('ul');
  problems.forEach(function (p, i) {
    const field = p.field || fieldFor(ed, p.path || '');
    const li = document.createElement('li');
    const label = field && (field.closest('label') || form.querySelector('label[for="' + CSS.escape(field.id) + '"]'));
    // The field as its label names it ("Title, Cymraeg"), without its hint.
    const what = label ? (label.textContent || '').replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim() : '';
    const title = field ? ed.titleOf(field.closest('.activity-edit')) : '';
    if (field) {
      const id = 'err-' + i;
      const note = document.createElement('p');
      note.className = 'field-error';
      note.id = id;
      note.textContent = p.message;
      (field.closest('label') || field).insertAdjacentElement('afterend', note);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      if (!field.id) field.id = 'field-' + i;
      const a = document.createElement('a');
      a.href = '#' + field.id;
      // The title in its own <bdi>: a title holding a bidi control must not
      // scramble the rest of the line.
      const name = document.createElement('bdi');
      name.textContent = title;
      a.appendChild(name);
      a.appendChild(document.createTextNode((what ? ', ' + what : '') + ': ' + p.message));
      li.appendChild(a);
    } else {
      li.textContent = (p.path ? p.path + ': ' : '') + p.message;
    }
    ul.appendChild(li);
  });
  summary.appendChild(ul);
  ed.problemsBox.appendChild(summary);
  ed.problemsBox.focus();
}
