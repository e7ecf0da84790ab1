import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../html.ts';

test('the five characters that can end a text or an attribute become entities, and only they', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
  assert.equal(escapeHtml('10x long, 5% rise · “quoted”'), '10x long, 5% rise · “quoted”');
});

test('an entity already in the text is escaped again, so it shows as typed', () => {
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});
