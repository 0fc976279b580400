import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, highlight } from '../../src/output/html-page.js';

test('html: highlight splits overlapping marks at every boundary and escapes text and titles', () => {
  const text = 'A <b> & C';
  const html = highlight(text, [
    { start: 0, end: 5, cls: 'PER', title: 'E1 "x"' },
    { start: 2, end: 9, cls: 'quote', title: 'Q1' },
  ]);
  assert.equal(
    html,
    '<span class="PER" title="E1 &#34;x&#34;">A </span>' +
      '<span class="PER quote" title="E1 &#34;x&#34;\nQ1">&#60;b&#62;</span>' +
      '<span class="quote" title="Q1"> &#38; C</span>',
  );
  assert.equal(escapeHtml(`<'&">`), '&#60;&#39;&#38;&#34;&#62;');
});
