// topteam: the one browser script. Live views over a websocket; a ballot shows
// as saved only once the server acks it (it is then on disk); on losing the
// network it says so, reconnects with back-off and resends what was not acked.
// No dependencies. Views arrive as HTML the server rendered and escaped.
'use strict';
(function () {
  const body = document.body;
  const role = body.dataset.role;
  const session = body.dataset.session;
  if (!role || !session) return;
  const live = document.getElementById('live');
  const connection = document.getElementById('connection');
  const consoleStatus = document.getElementById('console-status');
  const pending = new Map(); // client_id -> message not yet acked
  const myBallots = {};      // activity -> the participant's saved ballot
  const drafts = {};         // activity -> ballot being edited, not yet saved
  const touched = new Map(); // field key -> value typed but not yet sent
  let socket = null;
  let backoff = 500;
  let removed = false;

  function newId() {
    return 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function setConnection(text, offline) {
    if (!connection) return;
    connection.textContent = text;
    connection.classList.toggle('offline', !!offline);
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = role === 'participant' ? '' : '?role=' + role;
    socket = new WebSocket(scheme + '//' + location.host + '/ws/' + session + query);
    socket.onopen = function () {
      backoff = 500;
      setConnection('Connected');
      pending.forEach(function (m) { socket.send(JSON.stringify(m)); });
    };
    socket.onmessage = function (event) {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      receive(message);
    };
    socket.onclose = function (event) {
      if (event.code === 4003) {
        removed = true;
        setConnection('The facilitator has removed you from this session.', true);
        return;
      }
      if (event.code === 4009) {
        // Opened again in another tab or on another phone: that one is live
        // now. Reconnecting here would only take its place back, for ever.
        removed = true;
        setConnection('This page is open in another tab or on another device, so it has stopped here. Reload to use it here instead.', true);
        return;
      }
      setConnection(pending.size
        ? 'Connection lost. Reconnecting; your vote will be sent when we are back.'
        : 'Connection lost. Reconnecting…', true);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 10000);
    };
  }

  function send(message) {
    message.client_id = newId();
    pending.set(message.client_id, message);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    } else if (!removed) {
      setConnection('Offline. Your vote will be sent when we reconnect.', true);
    }
    return message.client_id;
  }

  function receive(m) {
    if (m.type === 'view') render(m.html);
    else if (m.type === 'ballot') { myBallots[m.activity] = m.ballot; fillForms(); }
    else if (m.type === 'ack') settle(m, true);
    else if (m.type === 'error') settle(m, false);
  }

  // ---- Rendering without losing what people are doing ----

  function keyOf(el) {
    if (!el || !el.getAttribute) return null;
    if (el.id) return '#' + el.id;
    const parts = ['command', 'activity', 'participant', 'idea', 'item', 'step', 'move', 'option']
      .map(function (k) { return el.dataset[k] || ''; });
    const holder = el.closest('[data-option],[data-item]');
    if (holder) parts.push(holder.dataset.option || holder.dataset.item);
    return el.tagName + ':' + parts.join('|') + ':' + (el.name || '') + ':' + (el.value || '');
  }

  function findByKey(key) {
    if (!key) return null;
    if (key.charAt(0) === '#') return document.getElementById(key.slice(1));
    const all = live.querySelectorAll('button, input, select, textarea, a');
    for (let i = 0; i < all.length; i++) if (keyOf(all[i]) === key) return all[i];
    return null;
  }

  function render(html) {
    const focusKey = live.contains(document.activeElement) ? keyOf(document.activeElement) : null;
    live.innerHTML = html;
    touched.forEach(function (value, key) {
      const field = findByKey(key);
      if (field && field.type !== 'radio') field.value = value;
    });
    fillForms();
    const again = findByKey(focusKey);
    if (again) again.focus();
    tickTimers();
  }

  // ---- Reading and filling ballots ----

  function formOf(activity) {
    return live.querySelector('form.ballot[data-activity="' + CSS.escape(activity) + '"]');
  }

  function readBallot(form) {
    const kind = form.dataset.kind;
    if (kind === 'dots') {
      const dots = {};
      form.querySelectorAll('li[data-option]').forEach(function (li) {
        const n = parseInt(li.querySelector('output.count').textContent, 10) || 0;
        if (n > 0) dots[li.dataset.option] = n;
      });
      return { dots: dots };
    }
    if (kind === 'rank') {
      return { order: Array.prototype.map.call(form.querySelectorAll('li[data-option]'), function (li) { return li.dataset.option; }) };
    }
    const items = {};
    form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
      const checked = fs.querySelector('input[type=radio]:checked');
      if (!checked) return;
      const item = fs.dataset.item;
      if (kind === 'role_map') items[item] = checked.value;
      else if (kind === 'rating') items[item] = parseInt(checked.value, 10);
      else if (kind === 'agreement') {
        const reason = fs.querySelector('textarea');
        const response = { response: checked.value, version: parseInt(fs.dataset.version, 10) };
        // A reason goes with an objection only, never with a later agreement.
        if (checked.value === 'object' && reason && reason.value.trim()) response.reason = reason.value.trim();
        items[item] = response;
      }
    });
    if (kind === 'role_map') return { placements: items };
    if (kind === 'rating') return { scores: items };
    if (kind === 'agreement') return { responses: items };
    return null;
  }

  // How many items of an item-by-item form the saved ballot answers (to the
  // current wording), and how many there are; null for whole ballots.
  function answered(form, ballot) {
    const sets = form.querySelectorAll('fieldset[data-item]');
    if (!sets.length) return null;
    const items = (ballot && (ballot.placements || ballot.scores || ballot.responses)) || {};
    let n = 0;
    sets.forEach(function (fs) {
      const v = items[fs.dataset.item];
      if (v === undefined) return;
      if (v && typeof v === 'object' && v.version && String(v.version) !== fs.dataset.version) return;
      n += 1;
    });
    return { n: n, of: sets.length };
  }

  function savedLine(form) {
    const count = answered(form, myBallots[form.dataset.activity]);
    if (!count || count.n === count.of) return 'Your vote is saved.';
    return 'Your vote is saved so far: you have answered ' + count.n + ' of ' + count.of + '. It counts once every item is answered.';
  }

  function fillForm(form, ballot) {
    const kind = form.dataset.kind;
    if (!ballot) { updateDots(form); return; }
    if (kind === 'dots' && ballot.dots) {
      form.querySelectorAll('li[data-option]').forEach(function (li) {
        li.querySelector('output.count').textContent = ballot.dots[li.dataset.option] || 0;
      });
      updateDots(form);
    } else if (kind === 'rank' && ballot.order) {
      const list = form.querySelector('ol.rank');
      ballot.order.forEach(function (id) {
        const li = list.querySelector('li[data-option="' + CSS.escape(id) + '"]');
        if (li) list.appendChild(li);
      });
    } else {
      const items = ballot.placements || ballot.scores || ballot.responses || {};
      Object.keys(items).forEach(function (item) {
        const fs = form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]');
        if (!fs) return;
        let value = items[item];
        if (value && typeof value === 'object') {
          if (value.version && String(value.version) !== fs.dataset.version) {
            // Answered an earlier wording: that answer no longer counts.
            if (!fs.querySelector('.amended')) {
              const note = document.createElement('p');
              note.className = 'amended';
              note.textContent = 'Amended: this statement has new wording. Please read it and answer again.';
              fs.insertBefore(note, fs.children[1] || null);
            }
            say(form, 'A statement was amended since you answered. Please answer it again.', false);
            return;
          }
          const reason = fs.querySelector('textarea');
          if (reason && value.reason && !reason.value) reason.value = value.reason;
          value = value.response;
        }
        const radio = fs.querySelector('input[type=radio][value="' + CSS.escape(String(value)) + '"]');
        if (radio) radio.checked = true;
      });
    }
  }

  function fillForms() {
    live.querySelectorAll('form.ballot').forEach(function (form) {
      const activity = form.dataset.activity;
      fillForm(form, myBallots[activity]);
      if (drafts[activity]) fillForm(form, drafts[activity]);
    });
  }

  function updateDots(form) {
    if (form.dataset.kind !== 'dots') return;
    const budgetEl = form.querySelector('.budget');
    const budget = parseInt(budgetEl.dataset.budget, 10);
    const cap = parseInt(budgetEl.dataset.cap, 10);
    let used = 0;
    form.querySelectorAll('output.count').forEach(function (o) { used += parseInt(o.textContent, 10) || 0; });
    form.querySelector('output.left').textContent = budget - used;
    form.querySelectorAll('li[data-option]').forEach(function (li) {
      const n = parseInt(li.querySelector('output.count').textContent, 10) || 0;
      li.querySelector('[data-step="1"]').disabled = used >= budget || n >= cap;
      li.querySelector('[data-step="-1"]').disabled = n <= 0;
    });
  }

  function say(form, text, ok) {
    const status = form && form.querySelector('.saved');
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('ok', ok === true);
    status.classList.toggle('error', ok === false);
  }

  // ---- Interaction ----

  live.addEventListener('click', function (event) {
    const button = event.target.closest('button');
    if (!button || !live.contains(button)) return;
    const form = button.closest('form.ballot');
    if (form && button.dataset.step) {
      const out = button.closest('li').querySelector('output.count');
      out.textContent = Math.max(0, (parseInt(out.textContent, 10) || 0) + parseInt(button.dataset.step, 10));
      updateDots(form);
      edited(form, 'Not saved yet.');
      if (button.disabled) { const other = button.parentNode.querySelector('button:not([disabled])'); if (other) other.focus(); }
    } else if (form && button.dataset.move) {
      const li = button.closest('li');
      const up = button.dataset.move === '-1';
      const sibling = up ? li.previousElementSibling : li.nextElementSibling;
      if (sibling) {
        li.parentNode.insertBefore(li, up ? sibling : sibling.nextElementSibling);
        button.focus();
        const place = Array.prototype.indexOf.call(li.parentNode.children, li) + 1;
        edited(form, 'Moved "' + li.querySelector('.label').firstChild.textContent.trim() + '" to place ' + place + '. Not saved yet.');
      }
    } else if (!form && button.dataset.command && !button.closest('form')) {
      const message = { type: button.dataset.command };
      ['activity', 'participant', 'idea'].forEach(function (k) { if (button.dataset[k]) message[k] = button.dataset[k]; });
      send(message);
      if (consoleStatus) { consoleStatus.textContent = 'Sending…'; consoleStatus.classList.remove('error'); }
    }
  });

  function edited(form, note) {
    if (form.dataset.kind !== 'ideas') drafts[form.dataset.activity] = readBallot(form);
    say(form, note);
  }

  live.addEventListener('input', function (event) {
    const field = event.target;
    const key = keyOf(field);
    if (key && field.type !== 'radio') touched.set(key, field.value);
    const form = field.closest('form.ballot');
    if (form && form.dataset.kind === 'ideas') {
      const counter = form.querySelector('.counter');
      counter.textContent = field.value.length + ' of ' + counter.dataset.max + ' characters';
    } else if (form) {
      edited(form, 'Not saved yet.');
    }
  });

  live.addEventListener('change', function (event) {
    const form = event.target.closest('form.ballot');
    if (form && form.dataset.kind !== 'ideas') edited(form, 'Not saved yet.');
  });

  live.addEventListener('submit', function (event) {
    const form = event.target;
    event.preventDefault();
    if (form.matches('form.ballot')) {
      const activity = form.dataset.activity;
      if (form.dataset.kind === 'ideas') {
        const text = form.querySelector('textarea').value.trim();
        if (!text) { say(form, 'Write your idea first.', false); return; }
        send({ type: 'idea', activity: activity, text: text });
      } else {
        send({ type: 'vote', activity: activity, ballot: readBallot(form) });
      }
      say(form, 'Saving…');
    } else if (form.dataset.command) {
      const message = { type: form.dataset.command };
      ['activity', 'item'].forEach(function (k) { if (form.dataset[k]) message[k] = form.dataset[k]; });
      new FormData(form).forEach(function (value, name) {
        if (value === '') return;
        if (name.indexOf('fields.') === 0) { message.fields = message.fields || {}; message.fields[name.slice(7)] = value; }
        else message[name] = name === 'seconds' ? parseInt(value, 10) : value;
      });
      if (event.submitter && event.submitter.name) message[event.submitter.name] = event.submitter.value;
      send(message);
      if (consoleStatus) { consoleStatus.textContent = 'Sending…'; consoleStatus.classList.remove('error'); }
    }
  });

  function settle(m, ok) {
    const sent = pending.get(m.client_id);
    pending.delete(m.client_id);
    if (socket && socket.readyState === WebSocket.OPEN) setConnection('Connected');
    if (!sent) {
      if (!ok && consoleStatus) { consoleStatus.textContent = m.error.message; consoleStatus.classList.add('error'); }
      return;
    }
    if (sent.type === 'vote' || sent.type === 'idea') {
      const form = formOf(sent.activity);
      if (ok && sent.type === 'vote') {
        const saved = myBallots[sent.activity];
        const merged = Object.assign({}, sent.ballot);
        ['placements', 'scores', 'responses'].forEach(function (k) {
          if (saved && saved[k] && merged[k]) merged[k] = Object.assign({}, saved[k], merged[k]);
        });
        myBallots[sent.activity] = merged;
        delete drafts[sent.activity];
        if (form) say(form, savedLine(form), true);
      } else if (ok) {
        if (form) { form.querySelector('textarea').value = ''; touched.delete(keyOf(form.querySelector('textarea'))); }
        say(form, 'Your idea is in. You can add another.', true);
      } else {
        say(form, m.error.message, false);
      }
    } else if (consoleStatus) {
      consoleStatus.textContent = ok ? 'Done.' : m.error.message;
      consoleStatus.classList.toggle('error', !ok);
      if (ok) touched.clear();
    }
  }

  // ---- Timers count down locally between views ----

  function tickTimers() {
    live.querySelectorAll('.timer[data-ends-at]').forEach(function (t) {
      const left = Math.max(0, Math.round((Date.parse(t.dataset.endsAt) - Date.now()) / 1000));
      const clock = t.querySelector('.clock');
      if (clock) clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    });
  }
  setInterval(tickTimers, 1000);

  fillForms();
  connect();
})();
