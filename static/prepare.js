// topteam: the agenda editor. Reads the form into a workshop script and PUTs
// it to /api/sessions/{id}/script; problems come back with their fields
// (`activity[2].dots`) and are shown beside those fields and in a summary.
// Activities already opened are sent exactly as the server has them.
'use strict';
(function () {
  const form = document.getElementById('prepare');
  if (!form) return;
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
        o.querySelector('.option-number').textContent = j + 1;
      });
    });
  }

  function say(text) { status.textContent = text; }

  function titleOf(li) {
    const input = li.querySelector('[name=title]');
    return (input && input.value.trim()) || 'activity ' + li.querySelector('.number').textContent;
  }

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
        const title = copy.querySelector('[name=title]');
        title.value = title.value + ' (copy)';
        li.after(copy);
        renumber();
        title.focus();
        say('Copied ' + titleOf(li) + '. Not saved yet.');
        return;
      } else if (what === 'remove') {
        const next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        renumber();
        // Focus the next activity's title, not its Remove: a second Enter
        // must not remove another activity.
        if (next) next.querySelector('[name=title]').focus();
        say('Removed ' + titleOf(li) + '. Not saved yet.');
        return;
      } else {
        return;
      }
      renumber();
      button.focus();
      say('Moved ' + titleOf(li) + ' to place ' + li.querySelector('.number').textContent + '. Not saved yet.');
    } else if (button.classList.contains('add-option') && li) {
      const option = document.getElementById('new-option-' + li.dataset.kind).content.firstElementChild.cloneNode(true);
      const fields = (li.dataset.fields || '').split(',').filter(Boolean);
      fields.forEach(function (field) {
        const label = document.createElement('label');
        label.textContent = field.replace(/_/g, ' ').replace(/^./, function (c) { return c.toUpperCase(); }) + ' ';
        const input = document.createElement('input');
        input.type = 'text';
        input.name = 'field:' + field;
        input.maxLength = 300;
        label.appendChild(input);
        option.insertBefore(label, option.querySelector('.option-actions'));
      });
      li.querySelector('.option-list').appendChild(option);
      renumber();
      option.querySelector('[name=label]').focus();
    } else if (button.dataset.optionMove) {
      const option = button.closest('.option-edit');
      const up = button.dataset.optionMove === 'up';
      const sibling = up ? option.previousElementSibling : option.nextElementSibling;
      if (!sibling) return;
      option.parentNode.insertBefore(option, up ? sibling : sibling.nextElementSibling);
      renumber();
      button.focus();
      const label = option.querySelector('[name=label]').value.trim() || 'The option';
      say('Moved \u201c' + label + '\u201d to place ' + option.querySelector('.option-number').textContent + '. Not saved yet.');
    } else if (button.classList.contains('remove-option')) {
      const option = button.closest('.option-edit');
      const options = option.parentNode;
      option.remove();
      renumber();
      const last = options.lastElementChild;
      (last ? last.querySelector('[name=label]') : li.querySelector('.add-option')).focus();
      say('Option removed. Not saved yet.');
    } else if (button.id === 'add-activity') {
      const kind = document.getElementById('new-kind').value;
      const fresh = document.getElementById('new-' + kind).content.firstElementChild.cloneNode(true);
      list.appendChild(fresh);
      renumber();
      fresh.querySelector('[name=title]').focus();
      say('Added a new activity at the end. Give it a title, then save.');
    }
  });

  // ---- The question follows its numbers: "Spread your 5 dots" becomes
  // "Spread your 7 dots" when the budget changes, and says so ----

  const wordsFor = { dots: ['', ' dots'], max_per_option: ['up to ', ' on'] };
  form.addEventListener('focusin', function (event) {
    const input = event.target;
    if (wordsFor[input.name]) input.dataset.was = input.value;
  });
  form.addEventListener('change', function (event) {
    const input = event.target;
    const words = wordsFor[input.name];
    if (!words) return;
    const li = input.closest('.activity-edit');
    const prompt = li && li.querySelector('[name=prompt]');
    const was = input.dataset.was;
    const now = input.value.trim();
    input.dataset.was = now;
    if (!prompt || !was || !now || was === now) return;
    const old = words[0] + was + words[1];
    if (prompt.value.indexOf(old) < 0) return;
    prompt.value = prompt.value.split(old).join(words[0] + now + words[1]);
    say('The question put to the room now says \u201c' + words[0] + now + words[1] + '\u201d too. Not saved yet.');
  });

  // ---- From the form to a script ----

  function slug(text, taken) {
    let base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || 'item';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = base + '-' + n;
    taken.add(id);
    return id;
  }

  // Numbers that are not whole and not negative are problems of their own,
  // named beside their fields, rather than a script the server cannot read.
  let numberProblems = [];
  function number(li, name) {
    const input = li.querySelector('[name=' + name + ']');
    if (!input || input.value.trim() === '') return null;
    const n = Number(input.value);
    if (!Number.isInteger(n) || n < 0) {
      numberProblems.push({ field: input, message: 'must be a whole number, 0 or more' });
      return null;
    }
    return n;
  }

  function readActivity(li, takenIds) {
    if (li.dataset.locked && original) {
      const kept = original.activity.find(function (a) { return a.id === li.dataset.id; });
      if (kept) return kept;
    }
    const get = function (name) { const el = li.querySelector('[name=' + name + ']'); return el ? el.value : ''; };
    const title = get('title').trim();
    const activity = {
      id: li.dataset.id || slug(title, takenIds),
      kind: li.dataset.kind,
      title: title,
      prompt: get('prompt').trim(),
      notes: get('notes').trim(),
      anonymous: !!(li.querySelector('[name=anonymous]') || {}).checked,
      minutes: number(li, 'minutes'),
      fields: (li.dataset.fields || '').split(',').filter(Boolean),
      option: []
    };
    // The kind's own settings, whichever they are (the page draws them).
    li.querySelectorAll('.settings input:not([name=minutes])').forEach(function (input) {
      if (input.type === 'number') {
        const n = number(li, input.name);
        if (n !== null) activity[input.name] = n;
      } else if (input.value.trim()) {
        activity[input.name] = input.value.trim();
      }
    });
    const from = get('from').trim();
    if (from) activity.from = from;
    const take = number(li, 'take');
    if (take !== null) activity.take = take;
    const optionIds = new Set();
    li.querySelectorAll('.option-edit').forEach(function (o) { if (o.dataset.id) optionIds.add(o.dataset.id); });
    li.querySelectorAll('.option-edit').forEach(function (o) {
      const label = o.querySelector('[name=label]').value.trim();
      const option = { id: o.dataset.id || slug(label, optionIds), label: label };
      if (o.dataset.detail) option.detail = o.dataset.detail;
      const fields = {};
      o.querySelectorAll('[name^="field:"]').forEach(function (input) {
        if (input.value.trim()) fields[input.name.slice(6)] = input.value.trim();
      });
      if (Object.keys(fields).length) option.fields = fields;
      activity.option.push(option);
    });
    return activity;
  }

  function readScript() {
    const taken = new Set(activities().map(function (li) { return li.dataset.id; }).filter(Boolean));
    const script = Object.assign({}, original);
    script.activity = activities().map(function (li) { return readActivity(li, taken); });
    return script;
  }

  // ---- Problems beside their fields ----

  function clearProblems() {
    form.querySelectorAll('.field-error').forEach(function (p) { p.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
      const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id.indexOf('err-') !== 0; });
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
    });
    problemsBox.innerHTML = '';
  }

  // `activity[2].option[1].label` -> the field it names, if the form has it.
  function fieldFor(path) {
    const m = /^activity\[(\d+)\](?:\.option\[(\d+)\])?\.?([a-z_]*)/.exec(path);
    if (!m) return null;
    const li = activities()[Number(m[1])];
    if (!li) return null;
    let scope = li;
    if (m[2] !== undefined) scope = li.querySelectorAll('.option-edit')[Number(m[2])] || li;
    const name = m[3] === 'option' ? 'label' : (m[3] || 'title');
    return scope.querySelector('[name=' + name + ']') || scope.querySelector('[name=title]') || scope.querySelector('input, textarea');
  }

  function showProblems(problems) {
    const summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.setAttribute('role', 'alert');
    const h = document.createElement('h2');
    h.textContent = 'The agenda was not saved: ' + problems.length + (problems.length === 1 ? ' problem' : ' problems');
    summary.appendChild(h);
    const ul = document.createElement('ul');
    problems.forEach(function (p, i) {
      const field = p.field || fieldFor(p.path || '');
      const li = document.createElement('li');
      const label = field && (field.closest('label') || form.querySelector('label[for="' + CSS.escape(field.id) + '"]'));
      const what = label ? label.childNodes[0].textContent.trim().replace(/\s*\(.*$/, '') : '';
      const title = field ? titleOf(field.closest('.activity-edit')) : '';
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
        a.appendChild(document.createTextNode((what ? ', ' + what.toLowerCase() : '') + ': ' + p.message));
        li.appendChild(a);
      } else {
        li.textContent = (p.path ? p.path + ': ' : '') + p.message;
      }
      ul.appendChild(li);
    });
    summary.appendChild(ul);
    problemsBox.appendChild(summary);
    problemsBox.focus();
  }

  // ---- Save as a template ----

  const templateForm = document.getElementById('save-template');
  if (templateForm) {
    templateForm.addEventListener('submit', function (event) {
      event.preventDefault();
      const out = document.getElementById('template-status');
      const name = document.getElementById('template-name').value.trim();
      if (!/[A-Za-z0-9]/.test(name)) { out.textContent = 'Give the template a name with letters or digits.'; return; }
      if (!original) { out.textContent = 'Still loading the agenda; try again in a moment.'; return; }
      const script = readScript();
      script.id = slug(name, new Set());
      script.title = name;
      out.textContent = 'Saving…';
      fetch('/api/workshops', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(script)
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (reply) {
        out.textContent = reply.ok
          ? 'Saved as the template \u201c' + name + '\u201d.'
          : 'Not saved: ' + ((reply.body.error && reply.body.error.message) || 'the server refused it.');
      }).catch(function () { out.textContent = 'Not saved: the server could not be reached.'; });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!original) { say('Still loading the agenda; try again in a moment.'); return; }
    clearProblems();
    numberProblems = [];
    const script = readScript();
    if (numberProblems.length) {
      showProblems(numberProblems.map(function (p) { return { field: p.field, message: p.message }; }));
      say('Not saved: some numbers are not whole numbers.');
      return;
    }
    say('Saving…');
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
        say('Saved. Phones and the projector use the new agenda.');
      } else {
        const error = reply.body.error || { message: 'The agenda was not saved.' };
        // The problems are listed above, each by its activity's number and
        // field; the line beside the button only counts them.
        const n = error.problems ? error.problems.length : 0;
        if (n) showProblems(error.problems);
        else showProblems([{ path: '', message: error.message }]);
        say(n ? 'Not saved: ' + n + (n === 1 ? ' problem, listed' : ' problems, listed') + ' at the top of the page and beside ' + (n === 1 ? 'its field.' : 'their fields.') : 'Not saved: ' + error.message);
      }
    }).catch(function () {
      say('Not saved: the server could not be reached. Your edits are still here; try again.');
    });
  });
})();
