import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedWordMap } from '../../src/text/chars.js';

test('bounded word map: keeps what it is given until it is full, then starts over', () => {
  const map = new BoundedWordMap<number>(2);
  const text = 'Demonstranten marschierten durch Minsk';
  map.set(text.slice(0, 13), 1);
  map.set(text.slice(14, 26), 2);
  assert.equal(map.get('Demonstranten'), 1, 'a slice is found by its text');
  assert.equal(map.get('marschierten'), 2);
  map.set('Minsk', 3);
  assert.equal(map.get('Demonstranten'), undefined, 'full: emptied before the third word');
  assert.equal(map.get('Minsk'), 3);
  map.clear();
  assert.equal(map.get('Minsk'), undefined);
});
