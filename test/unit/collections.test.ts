// The engine's small collection helpers, which rules lean on for per-document answers and grouping.
import { strict as assert } from 'node:assert';
import { definedOf, groupBy, groupConnected, oncePer, pushTo } from '../../server/src/engine/collections';

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

  it('definedOf keeps the defined answers in order, falsy ones included', () => {
    const answers = definedOf([3, 0, -1, 4, 5], (n) => (n < 0 ? undefined : n % 2 === 0 ? n : `${n}`));
    assert.deepEqual(answers, ['3', 0, 4, '5']);
    assert.deepEqual(definedOf([], () => 1), []);
  });

  it('groupConnected joins the items that share a key, also through other items, in order of first item', () => {
    const uses = [
      { name: 'a', keys: ['use:3', 'def:9'] },
      { name: 'b', keys: ['use:7', 'def:20'] },
      { name: 'c', keys: ['use:4', 'def:10'] },
      { name: 'd', keys: ['use:3', 'def:10'] },
      { name: 'e', keys: [] },
      { name: 'f', keys: ['use:8', 'def:20'] },
    ];
    const groups = groupConnected(uses, (use) => use.keys).map((group) => group.map((use) => use.name));
    assert.deepEqual(groups, [['a', 'c', 'd'], ['b', 'f'], ['e']]);
    assert.deepEqual(groupConnected([], () => ['x']), []);
  });

  it('pushTo groups values under their key in order', () => {
    const groups = new Map<string, number[]>();
    for (const [key, value] of [['x', 1], ['y', 2], ['x', 3]] as const) pushTo(groups, key, value);
    assert.deepEqual([...groups], [['x', [1, 3]], ['y', [2]]]);
  });

  it('groupBy groups items by key in order and leaves out items without one', () => {
    const groups = groupBy(['fit', 'predict', 'x', 'fit_transform', 'plot'], (name) => (name.length > 1 ? name[0] : undefined));
    assert.deepEqual([...groups], [['f', ['fit', 'fit_transform']], ['p', ['predict', 'plot']]]);
  });
});
