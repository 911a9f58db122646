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
  const ideasSent = {};      // activity -> ideas this phone has offered
  const touched = new Map(); // field key -> value typed but not yet sent
  const origins = new Map(); // client_id -> key of the control that sent it
  let socket = null;
  let backoff = 500;
  let removed = false;
  let clockOffset = 0;       // the server's clock minus this device's, in ms
  let failures = 0;          // reconnects in a row that did not open
  const draftKey = function (activity) { return 'topteam:draft:' + session + ':' + activity; };

  // Random, never the phone's clock: an id that said when a ballot was
  // made would time an anonymous answer.
  function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'c' + Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function setConnection(text, offline) {
    if (!connection) return;
    connection.textContent = text;
    connection.classList.toggle('offline', !!offline);
    body.classList.toggle('offline', !!offline);
  }

  // A heartbeat: the page pings every few seconds and the server answers at
  // once, so a connection that has gone quiet (wifi dropped without a word)
  // shows as lost within seconds, never "Connected", and is made afresh.
  const PING_EVERY = 2500;
  const QUIET_AFTER = 6000;
  let lastHeard = 0;
  let lastPing = 0;
  let connectStarted = 0;

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = role === 'participant' ? '' : '?role=' + role;
    socket = new WebSocket(scheme + '//' + location.host + '/ws/' + session + query);
    connectStarted = Date.now();
    socket.onopen = function () {
      backoff = 500;
      failures = 0;
      lastHeard = Date.now();
      setConnection('Connected');
      pending.forEach(function (m) { socket.send(JSON.stringify(m)); });
    };
    socket.onmessage = function (event) {
      lastHeard = Date.now();
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      receive(message);
    };
    socket.onclose = function (event) {
      if (event.code === 4003) {
        removed = true;
        setConnection('', false);
        // One thing at a time: the page says removed, nothing else.
        const step = document.createElement('section');
        step.className = 'step';
        const h = document.createElement('h2');
        h.textContent = 'You have been removed from this session';
        const p = document.createElement('p');
        p.textContent = 'The facilitator removed this phone. If they let you back in, reload this page.';
        step.appendChild(h);
        step.appendChild(p);
        live.replaceChildren(step);
        return;
      }
      if (event.code === 4009) {
        // Opened again in another tab or on another phone: that one is live
        // now. Reconnecting here would only take its place back, for ever.
        removed = true;
        setConnection('This page is open in another tab or on another device, so it has stopped here. Reload to use it here instead.', true);
        return;
      }
      lost();
    };
  }

  function lost() {
    setConnection(pending.size && role === 'participant'
      ? 'Connection lost. Reconnecting; your vote will be sent when we are back.'
      : 'Connection lost. Reconnecting…', true);
    failures += 1;
    if (role !== 'participant' && failures % 3 === 0) loggedOutCheck();
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 10000);
  }

  // A socket that has gone quiet, or never opened, is let go without waiting
  // for the network to say so; what it had not had acked is sent again.
  function dropQuiet() {
    const old = socket;
    socket = null;
    old.onopen = old.onmessage = old.onclose = null;
    try { old.close(); } catch (e) { /* closing a dead socket */ }
    lost();
  }

  setInterval(function () {
    if (!socket || removed) return;
    const now = Date.now();
    if (socket.readyState === WebSocket.OPEN) {
      if (now - lastHeard > QUIET_AFTER) { dropQuiet(); return; }
      if (now - lastPing >= PING_EVERY) { lastPing = now; socket.send('{"type":"ping"}'); }
    } else if (socket.readyState === WebSocket.CONNECTING && now - connectStarted > QUIET_AFTER) {
      dropQuiet();
    }
  }, 1000);

  // The console or projector that cannot reconnect may have lost its
  // log-in (it ended, or was made on another server): if the page itself now
  // asks to log in, go there, to come straight back here after.
  function loggedOutCheck() {
    fetch(location.pathname, { redirect: 'manual', credentials: 'same-origin' })
      .then(function (r) {
        if (r.type === 'opaqueredirect' || r.status === 401) {
          location.assign('/facilitate?next=' + encodeURIComponent(location.pathname));
        }
      })
      .catch(function () { /* the server is still down: keep trying */ });
  }

  function send(message, origin) {
    message.client_id = newId();
    pending.set(message.client_id, message);
    if (origin) origins.set(message.client_id, keyOf(origin));
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    } else if (!removed) {
      setConnection(role === 'participant'
        ? 'Offline. Your vote will be sent when we reconnect.'
        : 'Offline. This will be sent when we reconnect.', true);
    }
    return message.client_id;
  }

  function receive(m) {
    if (m.type === 'time') { clockOffset = m.now - Date.now(); tickTimers(); }
    else if (m.type === 'view') render(m.html);
    else if (m.type === 'ballot') { myBallots[m.activity] = m.ballot; fillForms(); }
    else if (m.type === 'ack') settle(m, true);
    else if (m.type === 'pong') { /* heard: lastHeard is set */ }
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
    const inForm = el.closest('form');
    if (inForm) parts.push(inForm.dataset.command || inForm.dataset.activity || '');
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
    const hadForms = Array.prototype.map.call(live.querySelectorAll('form.ballot'), function (f) { return f.dataset.activity; });
    live.innerHTML = html;
    hadForms.forEach(function (activity) { if (!formOf(activity)) keptDraft(activity); });
    showKept();
    touched.forEach(function (value, key) {
      const field = findByKey(key);
      if (field && field.type !== 'radio') field.value = value;
    });
    fillForms();
    const again = findByKey(focusKey);
    if (again) again.focus();
    tickTimers();
    if (role === 'screen') slideShown();
  }

  // ---- The projector: which phase the slide is in (the join details are
  // large while the room arrives), and paging long results with the keys ----

  let page = 1;
  let pagedFor = null;
  let consolePage = null;
  function slideShown() {
    const screen = live.querySelector('.screen');
    if (screen) body.dataset.phase = screen.dataset.phase;
    const pages = live.querySelector('.pages');
    // A new activity starts at page 1; a new view of the same one keeps its
    // page, unless the console turned it (the page the server says changed).
    const step = live.querySelector('#screen-step');
    const key = step ? step.textContent : null;
    const asked = screen && screen.dataset.page ? parseInt(screen.dataset.page, 10) : 1;
    if (key !== pagedFor) { page = asked; pagedFor = key; consolePage = asked; }
    else if (asked !== consolePage) { page = asked; consolePage = asked; }
    if (pages) showPage(pages, page);
    else fitLabels();
  }

  // Every label is whole, and the server pages long lists to fit the
  // narrowest screen; should a page still spill (a very long word, an odd
  // screen), its text steps down in size, never below 24 px.
  const fits = ['1', '0.93', '0.86', '0.8'];
  function fitLabels() {
    const slide = live.querySelector('.slide');
    if (!slide) return;
    fits.some(function (fit) {
      slide.style.setProperty('--fit', fit);
      return !spills(slide);
    });
  }

  function spills(slide) {
    const bottom = slide.getBoundingClientRect().bottom;
    return document.documentElement.scrollHeight > window.innerHeight + 1 ||
      Array.prototype.some.call(slide.querySelectorAll('li, p'), function (el) {
        return el.offsetParent !== null && el.getBoundingClientRect().bottom > bottom + 1;
      });
  }

  function showPage(pages, n) {
    const count = parseInt(pages.dataset.pages, 10) || 1;
    page = Math.min(Math.max(n, 1), count);
    pages.querySelectorAll('.page').forEach(function (p) { p.hidden = parseInt(p.dataset.page, 10) !== page; });
    const now = pages.querySelector('.page-now');
    if (now) now.textContent = page;
    fitLabels();
  }

  if (role === 'screen') {
    window.addEventListener('resize', fitLabels);
    document.addEventListener('keydown', function (event) {
      const pages = live.querySelector('.pages');
      if (!pages) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') showPage(pages, page + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') showPage(pages, page - 1);
      else return;
      event.preventDefault();
    });
  }

  // ---- Reading and filling ballots ----

  function formOf(activity) {
    return live.querySelector('form.ballot[data-activity="' + CSS.escape(activity) + '"]');
  }

  // A form says how it becomes a ballot (data-field, data-shape,
  // data-answer: see FormShape in src/activity/show/mod.rs); nothing here
  // knows one kind of activity from another.
  function readBallot(form) {
    const shape = form.dataset.shape;
    const ballot = {};
    if (shape === 'counts') {
      const counts = {};
      form.querySelectorAll('li[data-option]').forEach(function (li) {
        const n = parseInt(li.querySelector('output.count').textContent, 10) || 0;
        if (n > 0) counts[li.dataset.option] = n;
      });
      ballot[form.dataset.field] = counts;
    } else if (shape === 'order') {
      ballot[form.dataset.field] = Array.prototype.map.call(form.querySelectorAll('li[data-option]'), function (li) { return li.dataset.option; });
    } else if (shape === 'choices') {
      const items = {};
      form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
        const answer = readAnswer(form.dataset.answer, fs);
        if (answer !== null) items[fs.dataset.item] = answer;
      });
      ballot[form.dataset.field] = items;
    } else if (shape === 'pick') {
      ballot[form.dataset.field] = Array.prototype.map.call(form.querySelectorAll('input:checked'), function (input) { return input.value; });
    } else {
      return null;
    }
    return ballot;
  }

  // One item's answer, or null while it has none: a checked radio, or for
  // a point both of its axes chosen.
  function readAnswer(answer, fs) {
    if (answer === 'point') {
      const x = fs.querySelector('select[data-axis=x]');
      const y = fs.querySelector('select[data-axis=y]');
      if (!x || !y || !x.value || !y.value) return null;
      return { x: parseInt(x.value, 10), y: parseInt(y.value, 10) };
    }
    const checked = fs.querySelector('input[type=radio]:checked');
    if (!checked) return null;
    if (answer === 'number') return parseInt(checked.value, 10);
    if (answer !== 'response') return checked.value;
    const reason = fs.querySelector('textarea');
    const response = { response: checked.value, version: parseInt(fs.dataset.version, 10) };
    // A reason goes with an objection only, never with a later agreement.
    if (checked.value === 'object' && reason && reason.value.trim()) response.reason = reason.value.trim();
    return response;
  }

  // How many items of an item-by-item form the saved ballot answers (to the
  // current wording), and how many there are; null for whole ballots.
  function answered(form, ballot) {
    const sets = form.querySelectorAll('fieldset[data-item]');
    if (!sets.length) return null;
    const items = (ballot && ballot[form.dataset.field]) || {};
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
    return 'Your answers so far are saved: you have answered ' + count.n + ' of ' + count.of + '. Answer the rest to complete your vote.';
  }

  function fillForm(form, ballot) {
    const shape = form.dataset.shape;
    const value = ballot && ballot[form.dataset.field];
    if (!value) { updateDots(form); return; }
    if (shape === 'counts') {
      form.querySelectorAll('li[data-option]').forEach(function (li) {
        li.querySelector('output.count').textContent = value[li.dataset.option] || 0;
      });
      updateDots(form);
    } else if (shape === 'order') {
      const first = form.querySelector('li[data-option]');
      const list = first && first.parentNode;
      value.forEach(function (id) {
        const li = list && list.querySelector('li[data-option="' + CSS.escape(id) + '"]');
        if (li) list.appendChild(li);
      });
    } else if (shape === 'choices') {
      const items = value;
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
          if (value.x !== undefined) {
            ['x', 'y'].forEach(function (axis) {
              const select = fs.querySelector('select[data-axis=' + axis + ']');
              if (select) select.value = String(value[axis]);
            });
            return;
          }
          const reason = fs.querySelector('textarea');
          if (reason && value.reason && !reason.value) reason.value = value.reason;
          value = value.response;
        }
        const radio = fs.querySelector('input[type=radio][value="' + CSS.escape(String(value)) + '"]');
        if (radio) radio.checked = true;
      });
    } else if (shape === 'pick') {
      const chosen = Array.isArray(value) ? value : [value];
      form.querySelectorAll('input[type=radio], input[type=checkbox]').forEach(function (input) {
        input.checked = chosen.indexOf(input.value) >= 0;
      });
    }
  }

  function fillForms() {
    live.querySelectorAll('form.ballot').forEach(function (form) {
      const activity = form.dataset.activity;
      if (form.dataset.shape === 'order' && !myBallots[activity]) {
        const start = {};
        start[form.dataset.field] = shuffleOf(form);
        fillForm(form, start);
        const keep = form.querySelector('.keep-order');
        if (keep && keepOffered[activity]) keep.hidden = false;
      }
      fillForm(form, myBallots[activity]);
      if (!drafts[activity] && form.dataset.shape !== 'ideas') {
        const stored = loadDraft(activity);
        if (stored && stored.ballot) drafts[activity] = stored.ballot;
      }
      if (drafts[activity]) {
        fillForm(form, drafts[activity]);
        say(form, 'Not saved yet.');
      } else if (myBallots[activity]) {
        say(form, savedLine(form), true);
      } else if (ideasSent[activity]) {
        say(form, ideasLine(form, ideasSent[activity]), true);
      }
      // A refused answer's message stays beside it through a re-render.
      const refused = itemErrors[activity] || {};
      Object.keys(refused).forEach(function (item) { itemError(form, item, refused[item]); });
      if (form.dataset.shape === 'ideas') {
        listIdeas(form);
        // At the limit the box goes: the phone says so instead of inviting more.
        const holder = form.querySelector('[data-max-ideas]');
        const max = holder ? parseInt(holder.dataset.maxIdeas, 10) || 0 : 0;
        const mine = Math.max(myIdeas(activity).length, ideasSent[activity] || 0);
        const full = max > 0 && mine >= max;
        form.querySelectorAll('label, textarea, .counter, button[type=submit]').forEach(function (el) { el.hidden = full; });
        if (full) say(form, ideasLine(form, mine), true);
        // An idea typed and not yet sent survives a reload.
        const box = form.querySelector('textarea');
        const typed = ideaDraft(activity);
        if (box && !box.value && typed) { box.value = typed; countIdea(form, box); }
      }
    });
  }

  function ideaDraftKey(activity) { return 'topteam:idea-draft:' + session + ':' + activity; }
  function ideaDraft(activity) {
    try { return localStorage.getItem(ideaDraftKey(activity)) || ''; } catch (e) { return ''; }
  }
  function keepIdeaDraft(activity, text) {
    try {
      if (text) localStorage.setItem(ideaDraftKey(activity), text);
      else localStorage.removeItem(ideaDraftKey(activity));
    } catch (e) { /* the typed text stays in the box */ }
  }

  // The ideas this phone has offered, listed under the form (kept in the
  // browser, so they are still there after a reload).
  function ideasKey(activity) { return 'topteam:ideas:' + session + ':' + activity; }
  function myIdeas(activity) {
    try { return JSON.parse(localStorage.getItem(ideasKey(activity)) || '[]'); } catch (e) { return []; }
  }
  function rememberIdea(activity, text) {
    const all = myIdeas(activity);
    all.push(text);
    try { localStorage.setItem(ideasKey(activity), JSON.stringify(all)); } catch (e) { /* the list is a convenience */ }
  }
  function listIdeas(form) {
    const old = form.parentNode.querySelector('.my-ideas');
    if (old) old.remove();
    const ideas = myIdeas(form.dataset.activity);
    if (!ideas.length) return;
    const box = document.createElement('div');
    box.className = 'my-ideas';
    const head = document.createElement('p');
    head.textContent = 'Your ideas so far:';
    const list = document.createElement('ul');
    ideas.forEach(function (text) { const li = document.createElement('li'); li.textContent = text; list.appendChild(li); });
    box.appendChild(head);
    box.appendChild(list);
    form.after(box);
  }

  function ideasLine(form, n) {
    const holder = form.querySelector('[data-max-ideas]');
    const max = holder ? parseInt(holder.dataset.maxIdeas, 10) || 0 : 0;
    const offered = 'You have offered ' + n + (n === 1 ? ' idea' : ' ideas') + '.';
    return max && n >= max ? offered + ' That is as many as you may offer here.' : offered + ' You can add another.';
  }

  function updateDots(form) {
    if (form.dataset.shape !== 'counts') return;
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

  // ---- Rankings start in a neutral order: shuffled once per phone (kept
  // in the browser, so it does not change under someone's thumb), and an
  // unmoved order is saved only when asked for ----

  const shuffles = {};
  const keepOffered = {};
  function shuffleOf(form) {
    const activity = form.dataset.activity;
    const key = 'topteam:order:' + session + ':' + activity;
    const ids = Array.prototype.map.call(form.querySelectorAll('li[data-option]'), function (li) { return li.dataset.option; });
    let order = shuffles[activity];
    if (!order) { try { order = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { order = null; } }
    const same = order && order.length === ids.length && ids.every(function (id) { return order.indexOf(id) >= 0; });
    if (!same) {
      order = ids.slice();
      const random = new Uint32Array(order.length);
      crypto.getRandomValues(random);
      for (let i = order.length - 1; i > 0; i--) {
        const j = random[i] % (i + 1);
        const t = order[i]; order[i] = order[j]; order[j] = t;
      }
      try { localStorage.setItem(key, JSON.stringify(order)); } catch (e) { /* kept in memory */ }
    }
    shuffles[activity] = order;
    return order;
  }

  function keepsOrder(form, submitter) {
    const activity = form.dataset.activity;
    if (myBallots[activity] || (submitter && submitter.name === 'keep')) return true;
    const now = readBallot(form)[form.dataset.field];
    if (JSON.stringify(now) !== JSON.stringify(shuffleOf(form))) return true;
    keepOffered[activity] = true;
    const keep = form.querySelector('.keep-order');
    if (keep) keep.hidden = false;
    say(form, 'You have not moved anything: this is the order your phone started with. Put the options in your order, or choose \u201cKeep this order as my ranking\u201d.', false);
    return false;
  }

  // ---- Item-by-item answers (role map, agreement, rating) go one to a
  // message, so an answer refused (a statement amended meanwhile, an
  // objection without a reason) is refused alone, its message beside it,
  // and every other answer is saved ----

  const batches = new Map(); // client_id -> { batch, items }
  const itemErrors = {};     // activity -> item -> why its answer was refused
  function sendByItem(form) {
    const activity = form.dataset.activity;
    const field = form.dataset.field;
    const items = (readBallot(form) || {})[field] || {};
    const saved = (myBallots[activity] && myBallots[activity][field]) || {};
    form.querySelectorAll('.item-error').forEach(function (e) { e.remove(); });
    itemErrors[activity] = {};
    // A point placed on one scale only is stopped beside it: half an
    // answer is not one.
    let held = 0;
    form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
      const scales = Array.prototype.filter.call(fs.querySelectorAll('select[data-axis]'), function (s) { return s.value; });
      if (scales.length === 1) { itemError(form, fs.dataset.item, 'Choose 1 to 5 on both scales for this item.'); held += 1; }
    });
    if (!Object.keys(items).length && !held) { say(form, 'Choose an answer first.', false); return; }
    // An objection without its reason, or a reason too long, is stopped
    // here, beside it, and never sent: a refusal the server counted would
    // say, to anyone timing it, that someone just objected.
    Object.keys(items).forEach(function (id) {
      const answer = items[id];
      if (!answer || typeof answer !== 'object' || answer.response !== 'object') return;
      const fs = form.querySelector('fieldset[data-item="' + CSS.escape(id) + '"]');
      const box = fs && fs.querySelector('textarea');
      const max = box && box.dataset.max ? parseInt(box.dataset.max, 10) : 0;
      let why = null;
      if (!answer.reason) why = 'Say why you object, so the room can amend it.';
      else if (max && Array.from(answer.reason).length > max) why = 'Your reason is longer than ' + max + ' characters: shorten it.';
      if (why) { itemError(form, id, why); delete items[id]; held += 1; }
    });
    const changed = Object.keys(items).filter(function (id) { return JSON.stringify(items[id]) !== JSON.stringify(saved[id]); });
    // Anonymous: nothing goes until every answer can. Saving the rest would
    // show this person "in progress", and with it that an answer was held
    // back, which in an agreement means an objection.
    if (held && form.dataset.anonymous) {
      say(form, 'Nothing was sent yet: ' + (held === 1 ? 'one answer needs' : held + ' answers need') + ' your attention, beside ' + (held === 1 ? 'it' : 'each') + '. Your answers go together once it is put right.', false);
      return;
    }
    if (held && !changed.length) {
      say(form, (held === 1 ? 'One answer needs' : held + ' answers need') + ' your attention: see the message beside ' + (held === 1 ? 'it' : 'each') + '.', false);
      return;
    }
    if (!changed.length) {
      delete drafts[activity];
      storeDraft(activity, null);
      say(form, savedLine(form), true);
      return;
    }
    const batch = { left: 0, failed: held };
    // Past twenty changed answers (a long first save) they go together, as
    // one message, within the socket's burst.
    const groups = changed.length <= 20 ? changed.map(function (id) { return [id]; }) : [changed];
    groups.forEach(function (group) {
      const part = {};
      group.forEach(function (id) { part[id] = items[id]; });
      const ballot = {};
      ballot[field] = part;
      const id = send({ type: 'vote', activity: activity, ballot: ballot });
      batch.left += 1;
      batches.set(id, { batch: batch, items: group });
    });
    say(form, 'Saving…');
  }

  function itemError(form, item, text) {
    const fs = form && form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]');
    if (!fs) return;
    const activity = form.dataset.activity;
    (itemErrors[activity] = itemErrors[activity] || {})[item] = text;
    const old = fs.querySelector('.item-error');
    if (old) old.remove();
    const p = document.createElement('p');
    p.className = 'item-error inline-error';
    p.setAttribute('role', 'alert');
    p.textContent = text.charAt(0).toUpperCase() + text.slice(1);
    fs.insertBefore(p, fs.children[1] || null);
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
      if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
      const message = { type: button.dataset.command };
      ['activity', 'participant', 'idea', 'action'].forEach(function (k) { if (button.dataset[k]) message[k] = button.dataset[k]; });
      if (button.dataset.page) message.page = parseInt(button.dataset.page, 10);
      clearInlineError(button);
      send(message, button);
      if (consoleStatus) { consoleStatus.textContent = 'Sending…'; consoleStatus.classList.remove('error'); }
    }
  });

  function edited(form, note) {
    if (form.dataset.shape !== 'ideas') {
      drafts[form.dataset.activity] = readBallot(form);
      storeDraft(form.dataset.activity, { ballot: drafts[form.dataset.activity], summary: summarise(form) });
    }
    say(form, note);
  }

  // A paste over the limit is kept and flagged, never cut silently.
  function countIdea(form, field) {
    const counter = form.querySelector('.counter');
    if (!counter) return;
    const max = parseInt(counter.dataset.max, 10);
    const n = Array.from(field.value).length;
    counter.textContent = n > max
      ? n + ' of ' + max + ' characters: ' + (n - max) + ' too many, shorten it before you send it'
      : n + ' of ' + max + ' characters';
    counter.classList.toggle('over', n > max);
  }

  // A reason longer than the server takes says so beside itself.
  function tooLong(field) {
    const max = parseInt(field.dataset.max, 10);
    const n = Array.from(field.value).length;
    let note = field.nextElementSibling;
    if (!note || !note.classList.contains('over-limit')) {
      note = document.createElement('p');
      note.className = 'over-limit';
      note.setAttribute('aria-live', 'polite');
      field.insertAdjacentElement('afterend', note);
    }
    note.textContent = n > max ? (n - max) + ' characters too many: shorten it (at most ' + max + ').' : '';
  }

  // ---- Drafts: kept in this browser until saved, so a reload or a closed
  // vote never silently loses what someone chose ----

  function storeDraft(activity, draft) {
    try {
      if (draft) localStorage.setItem(draftKey(activity), JSON.stringify(draft));
      else localStorage.removeItem(draftKey(activity));
    } catch (e) { /* storage full or blocked: the in-page draft still holds */ }
  }

  function loadDraft(activity) {
    try { return JSON.parse(localStorage.getItem(draftKey(activity)) || 'null'); } catch (e) { return null; }
  }

  // The draft in words, from the form's own labels.
  function summarise(form) {
    const lines = [];
    if (form.dataset.shape === 'counts') {
      form.querySelectorAll('li[data-option]').forEach(function (li) {
        const n = parseInt(li.querySelector('output.count').textContent, 10) || 0;
        if (n > 0) lines.push(li.querySelector('.label').firstChild.textContent.trim() + ': ' + n + (n === 1 ? ' dot' : ' dots'));
      });
    } else if (form.dataset.shape === 'order') {
      form.querySelectorAll('li[data-option]').forEach(function (li, i) {
        lines.push((i + 1) + '. ' + li.querySelector('.label').firstChild.textContent.trim());
      });
    } else if (form.dataset.shape === 'pick') {
      form.querySelectorAll('input:checked').forEach(function (input) {
        const label = form.querySelector('label[for="' + CSS.escape(input.id) + '"]');
        lines.push(label ? label.firstChild.textContent.trim() : input.value);
      });
    } else {
      form.querySelectorAll('fieldset[data-item]').forEach(function (fs) {
        const point = readAnswer('point', fs);
        if (point) {
          const names = fs.querySelectorAll('label');
          lines.push(fs.querySelector('legend').firstChild.textContent.trim() + ': ' + names[0].textContent.trim() + ' ' + point.x + ', ' + names[1].textContent.trim() + ' ' + point.y);
          return;
        }
        const checked = fs.querySelector('input[type=radio]:checked');
        if (!checked) return;
        const label = form.querySelector('label[for="' + CSS.escape(checked.id) + '"]');
        lines.push(fs.querySelector('legend').firstChild.textContent.trim() + ': ' + (label ? label.textContent.trim() : checked.value));
      });
    }
    return lines;
  }

  // The form for `activity` has gone while a draft was unsaved. When the
  // view shows that activity closed, say so and show what was kept; when the
  // facilitator only moved to another activity, keep the draft for when it
  // comes back.
  const kept = {}; // activity -> lines of a draft voting closed on
  function keptDraft(activity) {
    const draft = loadDraft(activity);
    if (!draft) return;
    const step = live.querySelector('.step[data-activity="' + CSS.escape(activity) + '"]');
    if (!step || step.dataset.status !== 'closed') return;
    delete drafts[activity];
    storeDraft(activity, null);
    if (draft.summary && draft.summary.length) kept[activity] = draft.summary;
  }

  function showKept() {
    Object.keys(kept).forEach(function (activity) {
      const step = live.querySelector('.step[data-activity="' + CSS.escape(activity) + '"]');
      if (!step) return;
      const box = document.createElement('div');
      box.className = 'kept';
      box.setAttribute('role', 'status');
      const head = document.createElement('p');
      head.textContent = 'Voting closed before you saved. What you had chosen but not saved, which was not counted:';
      const list = document.createElement('ul');
      kept[activity].forEach(function (line) { const li = document.createElement('li'); li.textContent = line; list.appendChild(li); });
      box.appendChild(head);
      box.appendChild(list);
      step.appendChild(box);
    });
  }

  // ---- Errors beside what caused them ----

  function clearInlineError(el) {
    const next = el && el.nextElementSibling;
    if (next && next.classList.contains('inline-error')) next.remove();
  }

  function showInlineError(key, text) {
    const el = findByKey(key);
    if (!el) return false;
    clearInlineError(el);
    const p = document.createElement('p');
    p.className = 'inline-error';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    el.insertAdjacentElement('afterend', p);
    return true;
  }

  live.addEventListener('input', function (event) {
    const field = event.target;
    const key = keyOf(field);
    if (key && field.type !== 'radio') touched.set(key, field.value);
    const form = field.closest('form.ballot');
    if (form && form.dataset.shape === 'ideas') {
      countIdea(form, field);
      keepIdeaDraft(form.dataset.activity, field.value);
    } else if (form) {
      if (field.dataset.max) tooLong(field);
      edited(form, 'Not saved yet.');
    }
  });

  live.addEventListener('change', function (event) {
    const form = event.target.closest('form.ballot');
    const fs = event.target.closest('fieldset[data-item]');
    if (form && fs && itemErrors[form.dataset.activity]) {
      // Answered again: the old refusal no longer applies.
      delete itemErrors[form.dataset.activity][fs.dataset.item];
      const shown = fs.querySelector('.item-error');
      if (shown) shown.remove();
    }
    if (form && form.dataset.shape !== 'ideas') edited(form, 'Not saved yet.');
  });

  live.addEventListener('submit', function (event) {
    const form = event.target;
    event.preventDefault();
    if (form.matches('form.ballot')) {
      const activity = form.dataset.activity;
      if (form.dataset.shape === 'ideas') {
        const text = form.querySelector('textarea').value.trim();
        if (!text) { say(form, 'Write your idea first.', false); return; }
        const max = parseInt(form.querySelector('.counter').dataset.max, 10);
        const length = Array.from(text).length;
        if (length > max) { say(form, 'Your idea is ' + (length - max) + ' characters too long: shorten it, then send it.', false); return; }
        send({ type: 'idea', activity: activity, text: text });
      } else if (form.dataset.shape === 'choices') {
        sendByItem(form);
        return;
      } else if (form.dataset.shape === 'order' && !keepsOrder(form, event.submitter)) {
        return;
      } else {
        send({ type: 'vote', activity: activity, ballot: readBallot(form) });
      }
      say(form, 'Saving…');
    } else if (form.dataset.command) {
      const message = { type: form.dataset.command };
      const minutes = form.querySelector('input[name=minutes]');
      if (minutes) {
        // "5" or "2:30": the timer takes seconds on the wire.
        const m = /^\s*(\d{1,4})(?::([0-5]\d))?\s*$/.exec(minutes.value);
        const seconds = m ? parseInt(m[1], 10) * 60 + (m[2] ? parseInt(m[2], 10) : 0) : 0;
        clearInlineError(minutes);
        if (!seconds) { showInlineError(keyOf(minutes), 'Write the minutes, like 5, or 2:30 for two and a half.'); return; }
        message.seconds = seconds;
      }
      ['activity', 'item'].forEach(function (k) { if (form.dataset[k]) message[k] = form.dataset[k]; });
      new FormData(form).forEach(function (value, name) {
        if (value === '' || name === 'minutes') return;
        if (name.indexOf('fields.') === 0) { message.fields = message.fields || {}; message.fields[name.slice(7)] = value; }
        else message[name] = name === 'seconds' ? parseInt(value, 10) : value;
      });
      if (event.submitter && event.submitter.name) message[event.submitter.name] = event.submitter.value;
      clearInlineError(form);
      send(message, event.submitter || form);
      if (consoleStatus) { consoleStatus.textContent = 'Sending…'; consoleStatus.classList.remove('error'); }
    }
  });

  function settle(m, ok) {
    const sent = pending.get(m.client_id);
    const origin = origins.get(m.client_id);
    pending.delete(m.client_id);
    origins.delete(m.client_id);
    if (socket && socket.readyState === WebSocket.OPEN) setConnection('Connected');
    if (!sent) {
      if (!ok && consoleStatus) { consoleStatus.textContent = m.error.message; consoleStatus.classList.add('error'); }
      return;
    }
    if (sent.type === 'vote' && batches.has(m.client_id)) {
      settleItems(m, ok, sent);
    } else if (sent.type === 'vote' || sent.type === 'idea') {
      const form = formOf(sent.activity);
      if (ok && sent.type === 'vote') {
        const saved = myBallots[sent.activity];
        const merged = Object.assign({}, sent.ballot);
        // Item-by-item answers add to the ones saved before; whole ballots replace them.
        const field = form && form.dataset.shape === 'choices' ? form.dataset.field : null;
        if (field && saved && saved[field] && merged[field]) merged[field] = Object.assign({}, saved[field], merged[field]);
        myBallots[sent.activity] = merged;
        delete drafts[sent.activity];
        storeDraft(sent.activity, null);
        delete keepOffered[sent.activity];
        const keep = form && form.querySelector('.keep-order');
        if (keep) keep.hidden = true;
        if (form) say(form, savedLine(form), true);
      } else if (ok) {
        ideasSent[sent.activity] = (ideasSent[sent.activity] || 0) + 1;
        rememberIdea(sent.activity, sent.text);
        if (form) {
          listIdeas(form);
          const box = form.querySelector('textarea');
          box.value = '';
          touched.delete(keyOf(box));
          keepIdeaDraft(sent.activity, '');
          const counter = form.querySelector('.counter');
          if (counter) counter.textContent = '0 of ' + counter.dataset.max + ' characters';
          fillForms();
          say(form, 'Your idea is in. ' + ideasLine(form, ideasSent[sent.activity]), true);
        }
      } else {
        say(form, m.error.message, false);
      }
    } else if (consoleStatus) {
      consoleStatus.textContent = ok ? 'Done.' : m.error.message;
      consoleStatus.classList.toggle('error', !ok);
      if (!ok && origin) showInlineError(origin, m.error.message);
      if (ok) {
        touched.clear();
        // "Done." says the last command took; it goes once read, so it
        // never sits atop the console as if it meant something later.
        const shown = consoleStatus.textContent;
        setTimeout(function () {
          if (consoleStatus.textContent === shown) consoleStatus.textContent = '';
        }, 4000);
      }
    }
  }

  function rememberSaved(sent) {
    const saved = myBallots[sent.activity];
    const merged = Object.assign({}, sent.ballot);
    const field = Object.keys(sent.ballot)[0];
    if (saved && saved[field]) merged[field] = Object.assign({}, saved[field], sent.ballot[field]);
    myBallots[sent.activity] = merged;
  }

  // One answer of an item-by-item save came back; once all have, the form
  // says whether every answer was saved, and keeps a draft of the rest.
  function settleItems(m, ok, sent) {
    const part = batches.get(m.client_id);
    batches.delete(m.client_id);
    const form = formOf(sent.activity);
    part.batch.left -= 1;
    if (ok) {
      rememberSaved(sent);
      // Answered to the new wording: the note asking for it has done its job.
      part.items.forEach(function (item) {
        const fs = form && form.querySelector('fieldset[data-item="' + CSS.escape(item) + '"]');
        const note = fs && fs.querySelector('.amended');
        if (note) note.remove();
      });
    } else {
      part.batch.failed += 1;
      part.items.forEach(function (item) { itemError(form, item, m.error.message); });
    }
    if (part.batch.left > 0) return;
    if (part.batch.failed === 0) {
      delete drafts[sent.activity];
      storeDraft(sent.activity, null);
      if (form) say(form, savedLine(form), true);
    } else if (form) {
      drafts[sent.activity] = readBallot(form);
      storeDraft(sent.activity, { ballot: drafts[sent.activity], summary: summarise(form) });
      const n = part.batch.failed;
      say(form, (n === 1 ? 'One answer was' : n + ' answers were') + ' not saved: see the message beside ' + (n === 1 ? 'it' : 'each') + '. Your other answers are saved.', false);
    }
  }

  // ---- Timers count down locally between views ----

  // Every device counts down to the server's clock (from the socket's `time`
  // message), so a phone whose own clock is wrong shows the room's time.
  function tickTimers() {
    live.querySelectorAll('.timer[data-ends-at]').forEach(function (t) {
      const left = Math.max(0, Math.ceil((Date.parse(t.dataset.endsAt) - (Date.now() + clockOffset)) / 1000));
      const clock = t.querySelector('.clock');
      if (clock) clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      const up = left === 0;
      if (up !== t.classList.contains('up')) {
        t.classList.toggle('up', up);
        const label = t.querySelector('.timer-label');
        if (label) label.textContent = up ? 'Time is up ' : 'Time left: ';
      }
    });
  }
  setInterval(tickTimers, 1000);

  // ---- The console's keys: N or → the next step, ← back, H hide results,
  // T the timer, ? the list. Never while typing. ----

  if (role === 'facilitate') {
    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
      const press = function (id) {
        const button = document.getElementById(id);
        if (!button || button.disabled) return false;
        button.click();
        return true;
      };
      let done = false;
      if (event.key === 'n' || event.key === 'N' || event.key === 'ArrowRight') done = press('next-step');
      else if (event.key === 'ArrowLeft') done = press('back-step');
      else if (event.key === 'h' || event.key === 'H') done = press('hide-results');
      else if (event.key === 't' || event.key === 'T') done = press('timer-toggle');
      else if (event.key === 'p' || event.key === 'P') done = press('page-next');
      else if (event.key === '?') {
        const list = document.getElementById('shortcuts');
        if (list) { list.open = !list.open; list.querySelector('summary').focus(); done = true; }
      }
      if (done) event.preventDefault();
    });
  }

  fillForms();
  if (role === 'screen') slideShown();
  connect();
})();
