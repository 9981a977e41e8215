// The engine's small collection helpers, which rules lean on for per-document answers and grouping.
import { strict as assert } from 'node:assert';
import { oncePer, pushTo } from '../../server/src/engine/collections';

describe('engine collections', () => {
  it('oncePer answers once per key object, an undefined answer included', () => {
    const asked: object[] = [];
    const answer = oncePer((key: { n: number }) => {
      asked.push(key);
      return key.n > 0 ? key.n * 2 : undefined;
    });
    const [a, b] = [{ n: 2 }, { n: 0 }];
    assert.equal(answer(a), 4);
    assert.equal(answer(a), 4);
    assert.equal(answer(b), undefined);
    assert.equal(answer(b), undefined);
    assert.deepEqual(asked, [a, b]);
  });

  it('pushTo groups values under their key in order', () => {
    const groups = new Map<string, number[]>();
    for (const [key, value] of [['x', 1], ['y', 2], ['x', 3]] as const) pushTo(groups, key, value);
    assert.deepEqual([...groups], [['x', [1, 3]], ['y', [2]]]);
  });
});
