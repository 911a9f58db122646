// @ts-check
// topteam's page script, for phones, the console and the projector: live
// views over a websocket; a ballot shows as saved only once the server acks
// it (it is then on disk); on losing the network it says so, reconnects
// with back-off and resends what was not acked. Views arrive as HTML the
// server rendered and escaped. No dependencies.
import { showInlineError } from './dom.js';
import { fillForms, edited } from './forms.js';
import { KeptDrafts } from './drafts.js';
import { consoleKeys } from './keys.js';
import { listen } from './interact.js';
import { Projector } from './paging.js';
import { render } from './redraw.js';
import { settle } from './settle.js';
import { roomOf } from './state.js';
import { tickTimers } from './timers.js';
import { Transport } from './transport.js';
import { t } from './words.js';

const room = roomOf(document);
if (room) start(room);

/** @param {import('./state.js').Room} room */
function start(room) {
  const kept = new KeptDrafts(room);
  const transport = new Transport(room, receive);
  const projector = room.role === 'screen'
    ? new Projector(room.live, function (activity, page) { transport.send({ type: 'page', activity: activity, page: page }); })
    : null;
  /** @type {import('../shapes/index.js').Ctx} */
  const ctx = {
    room,
    send: function (message, origin) { return transport.send(message, origin); },
    edited: function (form, note) { edited(room, form, note); },
    fillForms: function () { fillForms(ctx); },
    stopped: function () { return transport.removed; },
  };
  const redraw = {
    room,
    formGone: function (/** @type {string} */ activity) { kept.formGone(activity); },
    after: function () {
      kept.show();
      room.inlineErrors.forEach(function (text, key) { showInlineError(room.live, key, text); });
      fillForms(ctx);
      tickTimers(room.live, room.clockOffset);
      if (projector) projector.shown();
    },
  };

  /** @param {any} m */
  function receive(m) {
    if (m.type === 'time') { room.clockOffset = m.now - Date.now(); tickTimers(room.live, room.clockOffset); }
    else if (m.type === 'view') render(redraw, m.html);
    else if (m.type === 'ballot') { room.myBallots[m.activity] = m.ballot; fillForms(ctx); }
    else if (m.type === 'entries') { room.myEntries[m.activity] = m.entries; fillForms(ctx); }
    else if (m.type === 'ack' || m.type === 'error') {
      if (transport.open()) transport.status(t('connected'));
      settle(m, m.type === 'ack', ctx);
    }
  }

  listen(ctx);
  if (projector) projector.listen();
  if (room.role === 'facilitate') consoleKeys();
  setInterval(function () { tickTimers(room.live, room.clockOffset); }, 1000);
  fillForms(ctx);
  if (projector) projector.shown();
  transport.start();
}
