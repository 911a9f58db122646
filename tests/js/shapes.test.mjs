// The shape table: each shape reads the form the server draws into its
// ballot field, fills it in again from a saved ballot, and says a draft in
// words. Run by scripts/test (`node --test tests/js/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page, $ } from './dom.mjs';
import { SHAPES, shapeOf } from '../../static/shapes/index.js';

const ctx = () => ({ room: { session: 's1', myBallots: {}, ideasSent: {}, myEntries: {}, touched: new Map() }, send: () => 'c1', edited: () => {}, fillForms: () => {} });

test('counts: dots per option, the budget left, and the steppers that may still be pressed', () => {
  page(`<form class="ballot" data-activity="a" data-field="dots" data-shape="counts">
    <p class="budget" data-budget="3" data-cap="2"><output class="left">3</output></p>
    <ul><li data-option="homes"><span class="label">Homes</span><button data-step="-1"></button><output class="count">0</output><button data-step="1"></button></li>
        <li data-option="jobs"><span class="label">Jobs</span><button data-step="-1"></button><output class="count">0</output><button data-step="1"></button></li></ul></form>`);
  const form = $('form');
  const shape = shapeOf(form);
  shape.fill(form, { homes: 2, jobs: 1 }, ctx());
  shape.filled(form);
  assert.deepEqual(shape.read(form), { homes: 2, jobs: 1 });
  assert.equal($('output.left').textContent, '0');
  assert.equal($('li[data-option=homes] [data-step="1"]').disabled, true, 'at the cap and the budget');
  assert.equal($('li[data-option=jobs] [data-step="-1"]').disabled, false);
  assert.deepEqual(shape.summarise(form), ['Homes: 2 dots', 'Jobs: 1 dot']);
});

test('pick: one radio or several checkboxes, filled from a list or a single choice', () => {
  page(`<form class="ballot" data-activity="p" data-field="choices" data-shape="pick"><fieldset>
    <input type="checkbox" id="a" value="weekly"><label for="a">Weekly</label>
    <input type="checkbox" id="b" value="monthly"><label for="b">Monthly</label>
    <input type="checkbox" id="c" value="never"><label for="c">Never</label></fieldset></form>`);
  const form = $('form');
  const shape = shapeOf(form);
  shape.fill(form, ['monthly', 'weekly'], ctx());
  assert.deepEqual(shape.read(form), ['weekly', 'monthly']);
  assert.deepEqual(shape.summarise(form), ['Weekly', 'Monthly']);
  shape.fill(form, 'never', ctx());
  assert.deepEqual(shape.read(form), ['never']);
});

test('choices: numbers, responses with a reason only when objecting, and points on both scales', () => {
  page(`<form class="ballot" data-activity="r" data-field="responses" data-shape="choices" data-answer="response">
    <fieldset data-item="s1" data-version="2"><legend>Honesty</legend>
      <input type="radio" id="s1-agree" value="agree"><label for="s1-agree">Agree</label>
      <input type="radio" id="s1-object" value="object"><label for="s1-object">Object</label>
      <textarea data-max="10"></textarea></fieldset></form>`);
  const form = $('form');
  const shape = shapeOf(form);
  $('#s1-object').checked = true;
  assert.deepEqual(shape.read(form), { s1: { response: 'object', version: 2 } });
  assert.deepEqual(shape.held(form, shape.read(form)), [['s1', 'Say why you object, so the room can amend it.']]);
  $('textarea').value = 'far too long a reason';
  assert.match(shape.held(form, shape.read(form))[0][1], /longer than 10 characters/);
  $('textarea').value = 'unclear';
  assert.deepEqual(shape.read(form), { s1: { response: 'object', version: 2, reason: 'unclear' } });
  $('#s1-agree').checked = true;
  assert.deepEqual(shape.read(form), { s1: { response: 'agree', version: 2 } }, 'no reason with an agreement');
  // An answer to an earlier wording is not filled in: the item says it was amended.
  $('#s1-agree').checked = false;
  shape.fill(form, { s1: { response: 'agree', version: 1 } }, ctx());
  assert.equal($('#s1-agree').checked, false);
  assert.match($('.amended').textContent, /new wording/);

  page(`<form class="ballot" data-activity="m" data-field="points" data-shape="choices" data-answer="point">
    <fieldset data-item="homes"><legend>Homes</legend>
      <label for="x">Delivery</label><select id="x" data-axis="x"><option value=""></option><option>1</option><option>2</option><option>3</option></select>
      <label for="y">Importance</label><select id="y" data-axis="y"><option value=""></option><option>1</option><option>2</option><option>3</option></select></fieldset></form>`);
  const grid = $('form');
  $('#x').value = '2';
  assert.deepEqual(shape.read(grid), {}, 'half a point is no answer');
  assert.deepEqual(shape.held(grid, {}), [['homes', 'Choose 1 to 5 on both scales for this item.']]);
  $('#y').value = '3';
  assert.deepEqual(shape.read(grid), { homes: { x: 2, y: 3 } });
  assert.deepEqual(shape.summarise(grid), ['Homes: Delivery 2, Importance 3']);
  shape.fill(grid, { homes: { x: 1, y: 1 } }, ctx());
  assert.equal($('#x').value, '1');
});

test('order: the options as placed, and an unmoved shuffle is saved only when asked for', () => {
  page(`<form class="ballot" data-activity="rk" data-field="order" data-shape="order"><ol>
    <li data-option="a"><span class="label">A</span></li><li data-option="b"><span class="label">B</span></li><li data-option="c"><span class="label">C</span></li></ol>
    <p class="keep-order" hidden></p><p class="saved"></p></form>`);
  const form = $('form');
  const shape = shapeOf(form);
  const c = ctx();
  shape.start(form, c);
  const shuffled = shape.read(form);
  assert.deepEqual([...shuffled].sort(), ['a', 'b', 'c']);
  assert.equal(shape.submit(form, null, c), false, 'not moved: not sent');
  assert.equal($('.keep-order').hidden, false, 'offers to keep it');
  assert.equal(shape.submit(form, { getAttribute: () => 'keep' }, c), true);
  // Another order than the shuffle (which is random): its reverse.
  const moved = [...shuffled].reverse();
  shape.fill(form, moved, c);
  assert.deepEqual(shape.read(form), moved);
  assert.equal(shape.submit(form, null, c), true, 'moved: sent');
  assert.deepEqual(shape.summarise(form), moved.map((id, i) => `${i + 1}. ${id.toUpperCase()}`));
});

test('every shape in the table reads, fills and summarises', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const part of ['read', 'fill', 'summarise']) {
      assert.equal(typeof shape[part], 'function', `${name}.${part}`);
    }
  }
});

test('pick: more chosen than the poll allows is said as soon as it happens', () => {
  page(`<form class="ballot" data-activity="p" data-field="choices" data-shape="pick"><fieldset class="pick" data-most="2">
    <input type="checkbox" id="a" value="a"><input type="checkbox" id="b" value="b"><input type="checkbox" id="c" value="c"></fieldset></form>`);
  const form = $('form');
  const shape = shapeOf(form);
  $('#a').checked = true;
  $('#b').checked = true;
  assert.equal(shape.note(form), null);
  $('#c').checked = true;
  assert.equal(shape.note(form), 'You have chosen 3: choose at most 2, then save.');
});

test("ideas: the phone lists its ideas as the server last told them, and offers the box again only when another would be taken", () => {
  const form = () => `<form class="ballot" data-activity="hopes" data-field="text" data-shape="ideas">
    <label for="idea-hopes">Your idea</label><textarea id="idea-hopes" name="text" data-max-ideas="1"></textarea>
    <p class="counter" data-max="160"></p><button type="submit">Add</button><p class="saved"></p></form>`;
  // This browser kept the idea as first offered; the facilitator has since
  // reworded it, and the server says so on connecting.
  localStorage.setItem('topteam:ideas:s1:hopes', JSON.stringify(['Shared priorities']));
  page(form());
  const c = ctx();
  c.room.myEntries = { hopes: ['Shared priorities both teams own'] };
  shapeOf($('form')).shown($('form'), c);
  assert.deepEqual(Array.from(document.querySelectorAll('.my-ideas li'), (li) => li.textContent), ['Shared priorities both teams own']);
  assert.equal($('textarea').hidden, true, 'one idea allowed, one listed');

  // Hidden by the facilitator: none listed, and the box is back.
  page(form());
  c.room.myEntries = { hopes: [] };
  shapeOf($('form')).shown($('form'), c);
  assert.equal(document.querySelector('.my-ideas'), null);
  assert.equal($('textarea').hidden, false);
});
