// A browser page for the page modules' unit tests: jsdom's window as the
// globals the modules use (document, localStorage, CSS.escape). jsdom is
// installed by scripts/test into target/npm; NODE_PATH points there.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reset } from '../../static/app/words.js';

// The English messages the server writes on every page (kept equal to the
// catalogue by a Rust test).
const MESSAGES = readFileSync(new URL('./messages-en.json', import.meta.url), 'utf8');

const require = createRequire(path.resolve('target/npm/node_modules/'));
const { JSDOM } = require('jsdom');

/**
 * A fresh page with `body` as its body's HTML; its window's globals are
 * installed for the modules under test.
 * @param {string} body
 * @param {Record<string, string>} [data] the body's data attributes
 */
export function page(body, data = {}) {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://topteam.test/join/ABC' });
  const { window } = dom;
  window.document.body.dataset.messages = MESSAGES;
  Object.entries(data).forEach(([k, v]) => { window.document.body.dataset[k] = v; });
  window.document.body.innerHTML = body;
  for (const name of ['window', 'document', 'localStorage', 'HTMLElement', 'Element', 'Node', 'location']) {
    Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
  }
  // jsdom has no CSS.escape; the modules use it only for ids and attribute values.
  globalThis.CSS = { escape: (s) => String(s).replace(/["\\]/g, '\\$&') };
  reset();
  return window.document;
}

/** The first element matching `css`. */
export function $(css) {
  const el = document.querySelector(css);
  if (!el) throw new Error('no ' + css);
  return el;
}
