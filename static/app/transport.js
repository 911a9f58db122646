// @ts-check
// The websocket: one per page, with a heartbeat, reconnection with back-off,
// and every message not yet acked sent again once back. A ballot shows as
// saved only when the server acks it, and it acks only once it is on disk.
import { keyOf } from './dom.js';
import { t } from './words.js';

// The page pings every few seconds and the server answers at once, so a
// connection that has gone quiet (wifi dropped without a word) shows as
// lost within seconds, never "Connected", and is made afresh.
const PING_EVERY = 2500;
const QUIET_AFTER = 6000;

/** @typedef {import('./state.js').Room} Room */
/** @typedef {import('./state.js').Message} Message */

/**
 * Random, never the phone's clock: an id that said when a ballot was made
 * would time an anonymous answer.
 * @returns {string}
 */
export function newId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'c' + Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
}

/**
 * The page's socket. `receive` gets each message the server sends.
 */
export class Transport {
  /**
   * @param {Room} room
   * @param {(message: any) => void} receive
   */
  constructor(room, receive) {
    this.room = room;
    this.receive = receive;
    /** @type {WebSocket | null} */
    this.socket = null;
    this.backoff = 500;
    this.removed = false;
    this.failures = 0;
    this.lastHeard = 0;
    this.lastPing = 0;
    this.connectStarted = 0;
    this.connection = document.getElementById('connection');
  }

  /**
   * What the page says of its connection; `offline` shows it loudly.
   * @param {string} text
   * @param {boolean} [offline]
   */
  status(text, offline) {
    if (!this.connection) return;
    this.connection.textContent = text;
    this.connection.classList.toggle('offline', !!offline);
    document.body.classList.toggle('offline', !!offline);
  }

  /** Connects, and keeps the connection honest from then on. */
  start() {
    this.connect();
    setInterval(() => this.heartbeat(), 1000);
  }

  connect() {
    const room = this.room;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // The page's language goes with it, so the live views are in the
    // language the page was drawn in.
    const lang = 'lang=' + (document.documentElement.lang === 'cy' ? 'cy' : 'en');
    const query = room.role === 'participant' ? '?' + lang : '?role=' + room.role + '&' + lang;
    const socket = new WebSocket(scheme + '//' + location.host + '/ws/' + room.session + query);
    this.socket = socket;
    this.connectStarted = Date.now();
    socket.onopen = () => {
      this.backoff = 500;
      this.failures = 0;
      this.lastHeard = Date.now();
      this.status(t('connected'));
      room.pending.forEach(function (m) { socket.send(JSON.stringify(m)); });
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      this.receive(message);
    };
    socket.onclose = (event) => {
      if (event.code === 4003) { this.removedHere(); return; }
      if (event.code === 4004) { this.deletedHere(); return; }
      if (event.code === 4009) {
        // Opened again in another tab or on another phone: that one is live
        // now. Reconnecting here would only take its place back, for ever.
        this.removed = true;
        this.status(t('stopped-here'), true);
        return;
      }
      this.lost();
    };
  }

  /** The facilitator removed this phone: the page says so, nothing else. */
  removedHere() {
    this.endedHere(t('removed-heading'), t('removed-text'));
  }

  /**
   * The session was deleted: there is nothing to reconnect to, and every
   * page of it says so (not a reload: the console that deleted it is on its
   * way to the sessions list already). A console offers the way back.
   */
  deletedHere() {
    const step = this.endedHere(t('deleted-heading'), t('deleted-text'));
    if (this.room.role === 'facilitate') {
      const back = document.createElement('a');
      back.href = '/facilitate';
      back.textContent = t('deleted-back');
      const p = document.createElement('p');
      p.append(back);
      step.append(p);
    }
  }

  /**
   * The page ends here with a heading and a line, and stops reconnecting.
   * @param {string} heading
   * @param {string} text
   * @returns {HTMLElement} what the page now shows
   */
  endedHere(heading, text) {
    this.removed = true;
    this.status('', false);
    const step = document.createElement('section');
    step.className = 'step';
    const h = document.createElement('h2');
    h.textContent = heading;
    const p = document.createElement('p');
    p.textContent = text;
    step.append(h, p);
    this.room.live.replaceChildren(step);
    return step;
  }

  lost() {
    const room = this.room;
    this.status(room.pending.size && room.role === 'participant'
      ? t('connection-lost-vote')
      : t('connection-lost'), true);
    this.failures += 1;
    if (room.role !== 'participant' && this.failures % 3 === 0) loggedOutCheck();
    setTimeout(() => this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, 10000);
  }

  // A socket that has gone quiet, or never opened, is let go without waiting
  // for the network to say so; what it had not had acked is sent again.
  dropQuiet() {
    const old = this.socket;
    this.socket = null;
    if (old) {
      old.onopen = old.onmessage = old.onclose = null;
      try { old.close(); } catch (e) { /* closing a dead socket */ }
    }
    this.lost();
  }

  heartbeat() {
    const socket = this.socket;
    if (!socket || this.removed) return;
    const now = Date.now();
    if (socket.readyState === WebSocket.OPEN) {
      if (now - this.lastHeard > QUIET_AFTER) { this.dropQuiet(); return; }
      if (now - this.lastPing >= PING_EVERY) { this.lastPing = now; socket.send('{"type":"ping"}'); }
    } else if (socket.readyState === WebSocket.CONNECTING && now - this.connectStarted > QUIET_AFTER) {
      this.dropQuiet();
    }
  }

  /** Whether the socket is open now. */
  open() {
    return !!this.socket && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a message, or keeps it to send on reconnecting; `origin` is the
   * control that sent it, for an error to show beside.
   * @param {Message} message
   * @param {Element} [origin]
   * @returns {string} the message's client_id
   */
  send(message, origin) {
    const room = this.room;
    const id = newId();
    message.client_id = id;
    room.pending.set(id, message);
    if (origin) room.origins.set(id, keyOf(origin));
    if (this.socket && this.open()) {
      this.socket.send(JSON.stringify(message));
    } else if (!this.removed) {
      this.status(room.role === 'participant'
        ? t('offline-vote')
        : t('offline'), true);
    }
    return id;
  }
}

// The console or projector that cannot reconnect may have lost its log-in
// (it ended, or was made on another server): if the page itself now asks to
// log in, go there, to come straight back here after.
function loggedOutCheck() {
  fetch(location.pathname, { redirect: 'manual', credentials: 'same-origin' })
    .then(function (r) {
      if (r.type === 'opaqueredirect' || r.status === 401) {
        location.assign('/facilitate?next=' + encodeURIComponent(location.pathname));
      }
    })
    .catch(function () { /* the server is still down: keep trying */ });
}
