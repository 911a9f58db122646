// The agenda editor reads a script's texts in English and, where given,
// Welsh: a text with Welsh is sent as {en, cy}, one without stays a string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page } from './dom.mjs';
import { readScript } from '../../static/prepare/script.js';

test('texts with Welsh are sent as pairs, texts without as strings', () => {
  const document = page(`
    <li class="activity-edit" data-id="grid" data-kind="matrix">
      <input name="title" value="Where we stand"><input name="title-cy" value="Ble rydym yn sefyll">
      <textarea name="prompt">Place each priority.</textarea><textarea name="prompt-cy"></textarea>
      <textarea name="notes"></textarea><textarea name="notes-cy"></textarea>
      <div class="settings">
        <input name="minutes" type="number" value="5">
        <input name="x_axis" type="text" value="How well we do it"><input name="x_axis-cy" type="text" value="Pa mor dda">
        <input name="y_axis" type="text" value="How much it matters"><input name="y_axis-cy" type="text" value="">
      </div>
      <ol>
        <li class="option-edit" data-id="homes" data-detail="From workshop 1" data-detail-cy="Yn dod o: gweithdy 1">
          <input name="label" value="Homes"><input name="label-cy" value="Cartrefi">
        </li>
        <li class="option-edit" data-id="jobs"><input name="label" value="Jobs"><input name="label-cy" value=""></li>
      </ol>
    </li>`);
  const li = /** @type {HTMLElement} */ (document.querySelector('.activity-edit'));
  const { script, numberProblems } = readScript([li], { id: 'w', title: { en: 'W', cy: 'G' }, activity: [] });
  assert.deepEqual(numberProblems, []);
  const a = script.activity[0];
  assert.deepEqual(a.title, { en: 'Where we stand', cy: 'Ble rydym yn sefyll' });
  assert.equal(a.prompt, 'Place each priority.');
  assert.equal(a.notes, '');
  assert.deepEqual(a.x_axis, { en: 'How well we do it', cy: 'Pa mor dda' });
  assert.equal(a.y_axis, 'How much it matters');
  assert.equal(a['x_axis-cy'], undefined, 'the Welsh twin is not a setting of its own');
  assert.deepEqual(a.option[0].label, { en: 'Homes', cy: 'Cartrefi' });
  assert.deepEqual(a.option[0].detail, { en: 'From workshop 1', cy: 'Yn dod o: gweithdy 1' });
  assert.equal(a.option[1].label, 'Jobs');
  assert.deepEqual(script.title, { en: 'W', cy: 'G' }, 'the workshop\u2019s own texts are kept');
});
