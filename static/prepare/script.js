// @ts-check
// The agenda editor's form read into a workshop script: each activity's
// title, question, notes, settings (whichever its kind draws), options and
// their golden-rope fields. Activities already opened are sent exactly as
// the server has them.
import { t } from '../app/words.js';

export function slug(text, taken) {
  let base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = base + '-' + n;
  taken.add(id);
  return id;
}

// Numbers that are not whole and not negative are problems of their own,
// named beside their fields, rather than a script the server cannot read.
/** @type {Array<{field: Element, message: string}>} */
let numberProblems = [];
function number(li, name) {
  const input = li.querySelector('[name=' + name + ']');
  if (!input || input.value.trim() === '') return null;
  const n = Number(input.value);
  if (!Number.isInteger(n) || n < 0) {
    numberProblems.push({ field: input, message: t('whole-number') });
    return null;
  }
  return n;
}

// A script's text: a plain string, or English and Welsh when Welsh is given.
function inBoth(english, welsh) {
  return welsh ? { en: english, cy: welsh } : english;
}

function readActivity(li, takenIds, original) {
  if (li.dataset.locked && original) {
    const kept = original.activity.find(function (a) { return a.id === li.dataset.id; });
    if (kept) return kept;
  }
  const get = function (name) { const el = li.querySelector('[name=' + name + ']'); return el ? el.value : ''; };
  const title = get('title').trim();
  const activity = {
    id: li.dataset.id || slug(title, takenIds),
    kind: li.dataset.kind,
    title: inBoth(title, get('title-cy').trim()),
    prompt: inBoth(get('prompt').trim(), get('prompt-cy').trim()),
    notes: inBoth(get('notes').trim(), get('notes-cy').trim()),
    anonymous: !!(li.querySelector('[name=anonymous]') || {}).checked,
    minutes: number(li, 'minutes'),
    fields: (li.dataset.fields || '').split(',').filter(Boolean),
    option: []
  };
  // The kind's own settings, whichever they are (the page draws them).
  li.querySelectorAll('.settings input:not([name=minutes])').forEach(function (input) {
    if (input.name.endsWith('-cy')) return;
    if (input.type === 'number') {
      const n = number(li, input.name);
      if (n !== null) activity[input.name] = n;
    } else if (input.value.trim()) {
      activity[input.name] = inBoth(input.value.trim(), get(input.name + '-cy').trim());
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
    const welsh = o.querySelector('[name=label-cy]');
    const option = { id: o.dataset.id || slug(label, optionIds), label: inBoth(label, welsh ? welsh.value.trim() : '') };
    if (o.dataset.detail) option.detail = inBoth(o.dataset.detail, o.dataset.detailCy || '');
    const fields = {};
    o.querySelectorAll('[name^="field:"]').forEach(function (input) {
      if (input.value.trim()) fields[input.name.slice(6)] = input.value.trim();
    });
    if (Object.keys(fields).length) option.fields = fields;
    activity.option.push(option);
  });
  return activity;
}

/**
 * The agenda on screen as a script, and the numbers that are not whole.
 * @param {HTMLElement[]} activities the activities' editors, in order
 * @param {any} original the script as the server has it
 */
export function readScript(activities, original) {
  numberProblems = [];
  const taken = new Set(activities.map(function (li) { return li.dataset.id; }).filter(Boolean));
  const script = Object.assign({}, original);
  script.activity = activities.map(function (li) { return readActivity(li, taken, original); });
  return { script: script, numberProblems: numberProblems };
}
