import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { endMarker, findBlocks, matchMarker, startMarker } from '../../src/aws-config/block.js';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import { splitLines } from '../../src/aws-config/lines.js';
import { planConfigUpdate, removeBlock } from '../../src/aws-config/plan.js';
import { AwsidcError } from '../../src/core/errors.js';
import { fixture, makeInput } from './helpers/input.js';

function malformed(fn: () => unknown, ...mentions: string[]): void {
  try {
    fn();
  } catch (err) {
    assert.instance(err, AwsidcError);
    const e = err as AwsidcError;
    assert.is(e.code, 'CONFIG_MALFORMED');
    assert.not.ok(e.message.includes('\n'), 'one-line message');
    assert.ok(e.hint && e.hint.length > 0, 'names the fix');
    for (const m of mentions) assert.ok(`${e.message} ${e.hint}`.includes(m), `expected ${JSON.stringify(e.message + ' / ' + e.hint)} to mention ${m}`);
    return;
  }
  assert.unreachable('expected CONFIG_MALFORMED');
}

const markers = suite('markers');

markers('should recognise their own start and end lines and nothing else', () => {
  assert.equal(matchMarker(startMarker('acme')), { kind: 'start', integration: 'acme' });
  assert.equal(matchMarker(endMarker('my-org-2')), { kind: 'end', integration: 'my-org-2' });
  assert.equal(matchMarker('# >>> awsidc integration "acme"'), { kind: 'start', integration: 'acme' });
  assert.equal(matchMarker('# a comment about awsidc'), { kind: 'none' });
  assert.equal(matchMarker('[profile x]'), { kind: 'none' });
  assert.equal(matchMarker('# >>> awsidc integration acme'), { kind: 'broken' });
  assert.equal(matchMarker('  # <<< awsidc integration "acme"'), { kind: 'broken' });
  assert.equal(matchMarker('# <<< awsidc integration "acme" extra'), { kind: 'broken' });
});

markers('should be plain ASCII comment lines', () => {
  for (const m of [startMarker('acme'), endMarker('acme')]) {
    assert.ok(m.startsWith('# '));
    assert.ok(/^[\x20-\x7e]+$/.test(m));
  }
});

markers('should pair blocks and report their lines', () => {
  const spans = findBlocks(splitLines(fixture('with-blocks.ini')).lines);
  assert.equal(spans.map((s) => [s.integration, s.start + 1, s.end + 1]), [['acme', 5, 18], ['beta', 23, 34]]);
});

markers.run();

const refuse = suite('malformed blocks');

for (const [file, mentions] of [
  ['malformed-no-end.ini', ['acme', 'line 4', 'no end marker', '# <<< awsidc integration "acme"']],
  ['malformed-duplicate.ini', ['two awsidc blocks', 'lines 1 and 7']],
  ['malformed-stray-end.ini', ['line 3', 'no block was started']],
  ['malformed-nested.ini', ['"acme"', 'line 4', 'beta']],
  ['malformed-broken-marker.ini', ['line 1', 'marker']],
] as const) {
  refuse(`should refuse ${file} for every operation without guessing`, () => {
    const text = fixture(file);
    malformed(() => planConfigUpdate(text, makeInput()), ...mentions);
    malformed(() => planConfigUpdate(text, makeInput({ integration: 'other' })), ...mentions);
    malformed(() => removeBlock(text, 'acme'), ...mentions);
    malformed(() => listManagedProfiles(text), ...mentions);
  });
}

refuse('should refuse an end marker that closes another integration', () => {
  malformed(() => planConfigUpdate(`${startMarker('acme')}\n[sso-session acme]\n${endMarker('beta')}\n`, makeInput()), 'change line 3');
});

refuse.run();
