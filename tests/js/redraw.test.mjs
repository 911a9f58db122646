// Redrawing keeps what people are doing (focus, text typed and not sent),
// and drafts are kept in the browser until saved. Run by scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page, $ } from './dom.mjs';
import { render } from '../../static/app/redraw.js';
import { KeptDrafts, loadDraft, storeDraft } from '../../static/app/drafts.js';
import { roomOf } from '../../static/app/state.js';
import { keyOf } from '../../static/app/dom.js';

function liveRoom(html) {
  page(`<main><div id="live">${html}</div></main>`, { role: 'facilitate', session: 's1' });
  return roomOf(document);
}

test('a redraw gives focus back to the same control and keeps what was typed', () => {
  const room = liveRoom('<button data-command="close" data-activity="a">Close</button><input id="timer-minutes" name="minutes">');
  $('button').focus();
  const input = $('input[name=minutes]');
  input.value = '2:30';
  room.touched.set(keyOf(input), '2:30');
  let after = 0;
  render({ room, formGone: () => {}, after: () => { after += 1; } },
    '<p>New</p><input id="timer-minutes" name="minutes"><button data-command="close" data-activity="a">Close</button>');
  assert.equal(after, 1);
  assert.equal(document.activeElement.textContent, 'Close', 'focus is back on the same button');
  assert.equal($('input[name=minutes]').value, '2:30');
});

test('a form that goes from the view is reported, once', () => {
  const room = liveRoom('<form class="ballot" data-activity="a"></form>');
  const gone = [];
  render({ room, formGone: (a) => gone.push(a), after: () => {} }, '<p>Next</p>');
  assert.deepEqual(gone, ['a']);
});

test('drafts are kept per session and activity, and forgotten when saved', () => {
  const room = liveRoom('');
  storeDraft(room, 'a', { ballot: { dots: { x: 1 } }, summary: ['X: 1 dot'] });
  assert.deepEqual(loadDraft(room, 'a').ballot, { dots: { x: 1 } });
  assert.equal(loadDraft({ ...room, session: 's2' }, 'a'), null);
  storeDraft(room, 'a', null);
  assert.equal(loadDraft(room, 'a'), null);
});

test('a draft voting closed on is shown as not counted; one merely moved past is kept', () => {
  const room = liveRoom('<section class="step" data-activity="a" data-status="closed"></section><section class="step" data-activity="b" data-status="open"></section>');
  storeDraft(room, 'a', { ballot: { dots: { x: 1 } }, summary: ['X: 1 dot'] });
  storeDraft(room, 'b', { ballot: { dots: { y: 1 } }, summary: ['Y: 1 dot'] });
  const kept = new KeptDrafts(room);
  kept.formGone('a');
  kept.formGone('b');
  kept.show();
  assert.match($('[data-activity=a] .kept').textContent, /not counted.*X: 1 dot/s);
  assert.equal(document.querySelector('[data-activity=b] .kept'), null);
  assert.equal(loadDraft(room, 'a'), null, 'the closed one is done with');
  assert.notEqual(loadDraft(room, 'b'), null, 'the other waits for its activity to come back');
});

test('a box the facilitator opened stays open through a redraw, with the focus in it', () => {
  const box = '<details class="timer-set"><summary>Set the timer</summary><input id="t-minutes" name="minutes"></details><details id="shortcuts"><summary>Keys</summary></details>';
  const room = liveRoom(box);
  $('details.timer-set').open = true;
  $('#t-minutes').focus();
  render({ room, formGone: () => {}, after: () => {} }, box);
  assert.equal($('details.timer-set').open, true);
  assert.equal(document.activeElement.id, 't-minutes');
  assert.equal($('#shortcuts').open, false, 'a closed box stays closed');
});

test('when the pressed button goes, the focus stays with what it acted on', () => {
  const agenda = (command) => `<section aria-labelledby="agenda-title"><h2 id="agenda-title">Agenda</h2><ol>
    <li><button data-command="goto" data-activity="a">Go to</button></li>
    <li><button data-command="${command}" data-activity="b">${command}</button></li></ol></section>
    <section aria-labelledby="people-title"><ul><li><button data-command="admit" data-participant="p1">Admit</button></li></ul></section>`;
  const room = liveRoom(agenda('open'));
  $('button[data-command=open]').focus();
  render({ room, formGone: () => {}, after: () => {} }, agenda('close'));
  assert.equal(document.activeElement.dataset.command, 'close', 'Open became Close: focus is on Close');
  assert.equal(document.activeElement.dataset.activity, 'b');

  const people = (button) => `<section aria-labelledby="people-title"><h2 id="people-title">People</h2><ul><li>${button}</li></ul></section>`;
  const room2 = liveRoom(people('<button data-command="admit" data-participant="p1">Admit</button>'));
  $('button').focus();
  render({ room: room2, formGone: () => {}, after: () => {} },
    people('<button data-command="remove" data-participant="p1">Remove</button>'));
  assert.equal(document.activeElement.textContent, 'Remove', 'Admit became Remove: focus is on Remove');
});

test("an idea's Hide becomes its Show, and each Save the wording keeps to its own idea", () => {
  const ideas = (i9, i10) => `<section aria-labelledby="now-title"><h2 id="now-title">Now</h2>
    <button data-command="close" data-activity="hopes">Close voting</button>
    <ul class="moderate">
      <li>One ${i9}<details class="edit-idea"><summary>Edit <span class="visually-hidden">One</span></summary><form data-command="edit_idea" data-activity="hopes"><textarea id="edit-hopes-i9" name="text">One</textarea><button type="submit" data-idea="i9">Save the wording</button></form></details></li>
      <li>Two ${i10}<details class="edit-idea"><summary>Edit <span class="visually-hidden">Two</span></summary><form data-command="edit_idea" data-activity="hopes"><textarea id="edit-hopes-i10" name="text">Two</textarea><button type="submit" data-idea="i10">Save the wording</button></form></details></li>
    </ul></section>`;
  const hide = (id) => `<button data-command="hide_idea" data-activity="hopes" data-idea="${id}">Hide</button>`;
  const show = (id) => `<button data-command="show_idea" data-activity="hopes" data-idea="${id}">Show</button>`;
  const room = liveRoom(ideas(hide('i9'), hide('i10')));
  $('button[data-idea=i10][data-command=hide_idea]').focus();
  render({ room, formGone: () => {}, after: () => {} }, ideas(hide('i9'), show('i10')));
  assert.equal(document.activeElement.dataset.command, 'show_idea', 'not Close voting');
  assert.equal(document.activeElement.dataset.idea, 'i10');

  const saving = liveRoom(ideas(hide('i9'), hide('i10')));
  saving.live.querySelectorAll('details')[1].open = true;
  $('button[type=submit][data-idea=i10]').focus();
  render({ room: saving, formGone: () => {}, after: () => {} }, ideas(hide('i9'), hide('i10')));
  assert.equal(document.activeElement.dataset.idea, 'i10', 'the second idea keeps the focus');
  assert.equal(saving.live.querySelectorAll('details')[0].open, false, 'the first idea\'s box stays shut');
});

test('a bilingual timer counts down in both languages and turns to "up" by its class', async () => {
  const { tickTimers } = await import('../../static/app/timers.js');
  const ends = new Date(Date.now() + 90_000).toISOString();
  const room = liveRoom(`<p class="timer" data-ends-at="${ends}">`
    + '<span lang="cy"><span class="timer-label when-left">Amser ar ôl:</span><span class="timer-label when-up">Mae’r amser ar ben</span> <span class="clock">1:30</span></span>'
    + '<span class="other-language" lang="en-GB"><span class="timer-label when-left">Time left:</span><span class="timer-label when-up">Time is up</span> <span class="clock">1:30</span></span></p>');
  tickTimers(room.live, 60_000);
  const clocks = [...document.querySelectorAll('.clock')].map((c) => c.textContent);
  assert.deepEqual(clocks, ['0:30', '0:30'], 'each language\'s clock, to the server\'s time');
  assert.ok(!$('.timer').classList.contains('up'));
  tickTimers(room.live, 120_000);
  assert.deepEqual([...document.querySelectorAll('.clock')].map((c) => c.textContent), ['0:00', '0:00']);
  assert.ok($('.timer').classList.contains('up'), 'the style now shows "Time is up" in each language');
  assert.equal($('.when-up').textContent, 'Mae’r amser ar ben', 'no words are written by the script');
});
