// @ts-check
// The one home of what the page scripts say: the reader's messages, which
// the server writes on <body data-messages> from `locales/*/client.ftl`, and
// `t` to read one. A message may hold `{name}` placeholders; one that
// depends on a count holds a text per plural category (Welsh has six), and
// `Intl.PluralRules` chooses by the argument `n`.

/** @typedef {string | Record<string, string>} Message */

/** @type {Record<string, Message> | null} */
let messages = null;

/** @returns {Record<string, Message>} */
function all() {
  if (!messages) {
    try {
      messages = JSON.parse(document.body.dataset.messages || '{}');
    } catch (_) {
      messages = {};
    }
  }
  return /** @type {Record<string, Message>} */ (messages);
}

/** The page's language, for plural rules: `cy` or `en`. */
function language() {
  return document.documentElement.lang === 'cy' ? 'cy' : 'en';
}

/**
 * The message `key` in the reader's language, its placeholders filled.
 * @param {string} key
 * @param {Record<string, string | number>} [args]
 * @returns {string}
 */
export function t(key, args = {}) {
  const message = all()[key];
  if (message === undefined) return key;
  let text;
  if (typeof message === 'string') {
    text = message;
  } else {
    const n = Number(args.n);
    text = message['=' + n] ?? message[new Intl.PluralRules(language()).select(n)] ?? message.other ?? '';
  }
  return text.replace(/\{(\w+)\}/g, function (whole, name) {
    return name in args ? String(args[name]) : whole;
  });
}

/** Forgets the messages read, for tests that draw a new page. */
export function reset() {
  messages = null;
}
