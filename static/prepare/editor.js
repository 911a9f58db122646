// @ts-check
// topteam: the agenda editor. Reads the form into a workshop script
// (`script.js`) and PUTs it to /api/sessions/{id}/script; problems come back
// with their fields (`activity[2].dots`) and are shown beside those fields
// and in a summary (`problems.js`).
import { clearProblems, showProblems } from './problems.js';
import { readScript, slug } from './script.js';
import { t } from '../app/words.js';

const form = document.getElementById('prepare');
if (form) editor(form);

/**
 * A fresh copy of what a <template> holds (a new activity, a new option).
 * @param {string} id
 * @returns {HTMLElement}
 */
function template(id) {
  const holder = /** @type {HTMLTemplateElement} */ (document.getElementById(id));
  return /** @type {HTMLElement} */ (/** @type {Element} */ (holder.content.firstElementChild).cloneNode(true));
}

function editor(form) {
  const session = form.dataset.session;
  const list = document.getElementById('activities');
  const status = document.getElementById('save-status');
  const problemsBox = document.getElementById('problems');
  let original = null; // the script as the server has it

  fetch('/api/sessions/' + session + '/script', { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (script) { original = script; });

  function activities() { return Array.prototype.slice.call(list.children); }

  // Numbers, ids and labels follow the order on screen, so each field keeps a
  // unique id and its label still names it after a move, copy or removal.
  function renumber() {
    activities().forEach(function (li, i) {
      const n = i + 1;
      li.querySelector('.number').textContent = n;
      li.querySelectorAll('[id]').forEach(function (el) {
        el.id = el.id.replace(/^a\d+-/, 'a' + n + '-');
      });
      li.querySelectorAll('label[for]').forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/^a\d+-/, 'a' + n + '-');
      });
      li.querySelectorAll('[aria-describedby]').forEach(function (el) {
        el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').replace(/^a\d+-/, 'a' + n + '-'));
      });
      li.querySelectorAll('.activity-actions .visually-hidden, .add-option .visually-hidden').forEach(function (el) {
        el.textContent = el.textContent.replace(/\d+$/, String(n));
      });
      li.querySelectorAll('.option-list > li').forEach(function (o, j) {
        o.querySelectorAll('.option-number').forEach(function (number) { number.textContent = String(j + 1); });
      });
    });
  }

  function say(text) { status.textContent = text; }
  // A change on screen, not yet saved.
  function edited(text) { say(text + ' ' + t('not-saved-yet')); }

  // An activity by its title as the reader reads it: a Welsh reader's by
  // its Welsh title, when it has one.
  function titleOf(li) {
    const welsh = document.documentElement.lang === 'cy' ? li.querySelector('[name=title-cy]') : null;
    const input = li.querySelector('[name=title]');
    return (welsh && welsh.value.trim()) || (input && input.value.trim()) ||
      t('editor-activity-n', { n: li.querySelector('.number').textContent });
  }

  // What the problems' module needs of the page.
  const ed = { form: form, problemsBox: problemsBox, activities: activities, titleOf: titleOf };

  form.addEventListener('click', function (event) {
    const button = event.target.closest('button');
    if (!button) return;
    const li = button.closest('.activity-edit');
    if (button.dataset.edit && li) {
      const what = button.dataset.edit;
      if (what === 'up' && li.previousElementSibling) {
        list.insertBefore(li, li.previousElementSibling);
      } else if (what === 'down' && li.nextElementSibling) {
        list.insertBefore(li.nextElementSibling, li);
      } else if (what === 'duplicate') {
        const copy = li.cloneNode(true);
        copy.dataset.id = '';
        delete copy.dataset.locked;
        copy.querySelector('fieldset').disabled = false;
        const locked = copy.querySelector('.locked');
        if (locked) locked.remove();
        // Each title says it is a copy in its own language.
        const title = copy.querySelector('[name=title]');
        title.value = title.value + ' ' + (form.dataset.copyEn || '');
        const welsh = copy.querySelector('[name=title-cy]');
        if (welsh && welsh.value.trim()) welsh.value = welsh.value + ' ' + (form.dataset.copyCy || '');
        li.after(copy);
        renumber();
        title.focus();
        edited(t('editor-copied', { title: titleOf(li) }));
        return;
      } else if (what === 'remove') {
        const next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        renumber();
        // Focus the next activity's title, not its Remove: a second Enter
        // must not remove another activity.
        if (next) next.querySelector('[name=title]').focus();
        edited(t('editor-removed', { title: titleOf(li) }));
        return;
      } else {
        return;
      }
      renumber();
      button.focus();
      edited(t('editor-moved', { title: titleOf(li), place: li.querySelector('.number').textContent }));
    } else if (button.classList.contains('add-option') && li) {
      const option = template('new-option-' + li.dataset.kind);
      const fields = (li.dataset.fields || '').split(',').filter(Boolean);
      // Each field's name in the reader's language, as the page wrote them.
      const names = (li.dataset.fieldNames || '').split('\n');
      fields.forEach(function (field, i) {
        const label = document.createElement('label');
        label.textContent = (names[i] || field) + ' ';
        const input = document.createElement('input');
        input.type = 'text';
        input.name = 'field:' + field;
        input.maxLength = 300;
        label.appendChild(input);
        option.insertBefore(label, option.querySelector('.option-actions'));
      });
      li.querySelector('.option-list').appendChild(option);
      renumber();
      /** @type {HTMLElement} */ (option.querySelector('[name=label]')).focus();
    } else if (button.dataset.optionMove) {
      const option = button.closest('.option-edit');
      const up = button.dataset.optionMove === 'up';
      const sibling = up ? option.previousElementSibling : option.nextElementSibling;
      if (!sibling) return;
      option.parentNode.insertBefore(option, up ? sibling : sibling.nextElementSibling);
      renumber();
      button.focus();
      const label = option.querySelector('[name=label]').value.trim() || t('editor-the-option');
      edited(t('moved-option', { option: label, place: option.querySelector('.option-number').textContent }));
    } else if (button.classList.contains('remove-option')) {
      const option = button.closest('.option-edit');
      const options = option.parentNode;
      option.remove();
      renumber();
      const last = options.lastElementChild;
      (last ? last.querySelector('[name=label]') : li.querySelector('.add-option')).focus();
      edited(t('editor-option-removed'));
    } else if (button.id === 'add-activity') {
      const kind = /** @type {HTMLSelectElement} */ (document.getElementById('new-kind')).value;
      const fresh = template('new-' + kind);
      list.appendChild(fresh);
      renumber();
      /** @type {HTMLElement} */ (fresh.querySelector('[name=title]')).focus();
      say(t('editor-added'));
    }
  });

  // ---- The question follows its numbers: "Spread your 5 dots" becomes
  // "Spread your 7 dots" when the budget changes, and says so ----

  // A setting the question quotes says how (the kind declares it, and the
  // page writes it as data-phrase-before and data-phrase-after).
  function wordsFor(input) {
    return input.dataset && input.dataset.phraseAfter !== undefined
      ? [input.dataset.phraseBefore || '', input.dataset.phraseAfter]
      : null;
  }
  form.addEventListener('focusin', function (event) {
    const input = event.target;
    if (wordsFor(input)) input.dataset.was = input.value;
  });
  form.addEventListener('change', function (event) {
    const input = event.target;
    const words = wordsFor(input);
    if (!words) return;
    const li = input.closest('.activity-edit');
    const prompt = li && li.querySelector('[name=prompt]');
    const was = input.dataset.was;
    const now = input.value.trim();
    // An emptied field keeps the value the question last quoted.
    if (now) input.dataset.was = now;
    if (!prompt || !was || !now || was === now) return;
    // The Welsh question, beside it, quotes the value in its own words.
    const welsh = li.querySelector('[name=prompt-cy]');
    if (welsh && input.dataset.phraseCyAfter !== undefined) {
      const before = input.dataset.phraseCyBefore || '';
      const after = input.dataset.phraseCyAfter;
      welsh.value = welsh.value.split(before + was + after).join(before + now + after);
    }
    const old = words[0] + was + words[1];
    if (prompt.value.indexOf(old) < 0) return;
    prompt.value = prompt.value.split(old).join(words[0] + now + words[1]);
    edited(t('editor-question-follows', { words: words[0] + now + words[1] }));
  });

  // ---- Save as a template ----

  const templateForm = document.getElementById('save-template');
  if (templateForm) {
    templateForm.addEventListener('submit', function (event) {
      event.preventDefault();
      const out = document.getElementById('template-status');
      const name = /** @type {HTMLInputElement} */ (document.getElementById('template-name')).value.trim();
      if (!/[\p{L}\p{N}]/u.test(name)) { out.textContent = t('template-needs-name'); return; }
      if (!original) { out.textContent = t('editor-loading'); return; }
      const script = readScript(activities(), original).script;
      script.id = slug(name, new Set());
      script.title = name;
      out.textContent = t('saving');
      fetch('/api/workshops', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(script)
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (reply) {
        out.textContent = reply.ok
          ? t('template-saved', { name: name })
          : t('not-saved-because', { why: (reply.body.error && reply.body.error.message) || t('server-refused') });
      }).catch(function () { out.textContent = t('not-saved-unreachable'); });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!original) { say(t('editor-loading')); return; }
    clearProblems(ed);
    const { script, numberProblems } = readScript(activities(), original);
    if (numberProblems.length) {
      showProblems(ed, numberProblems.map(function (p) { return { field: p.field, message: p.message }; }));
      say(t('editor-not-whole-numbers'));
      return;
    }
    say(t('saving'));
    fetch('/api/sessions/' + session + '/script', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(script)
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (reply) {
      if (reply.ok) {
        original = reply.body.script;
        // New activities and options now have ids; keep them for the next save.
        activities().forEach(function (li, i) {
          const saved = original.activity[i];
          if (!saved) return;
          li.dataset.id = saved.id;
          li.querySelectorAll('.option-edit').forEach(function (o, j) { if (saved.option[j]) o.dataset.id = saved.option[j].id; });
        });
        say(t('editor-saved'));
      } else {
        const error = reply.body.error || { message: t('agenda-not-saved') };
        // The problems are listed above, each by its activity's number and
        // field; the line beside the button only counts them.
        const n = error.problems ? error.problems.length : 0;
        if (n) showProblems(ed, error.problems);
        else showProblems(ed, [{ path: '', message: error.message }]);
        say(n ? t('editor-problems', { n: n }) : t('not-saved-because', { why: error.message }));
      }
    }).catch(function () {
      say(t('editor-unreachable'));
    });
  });
}
