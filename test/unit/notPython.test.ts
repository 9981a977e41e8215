import { strict as assert } from 'node:assert';
import { surelyNotPython } from '../../server/src/parsing/notPython';
import { parsesCleanly } from '../support/engine';

/** Prose of the shapes comments hold: the lexical test must reject each, and tree-sitter must agree. */
const PROSE = [
  'Load the model and run it on the test set',
  'TODO: fix this later',
  'x = foo bar',
  'model.fit(X) then evaluate',
  'Note: "quoted words" do not hide the words after them',
  'see https://example.org/page for details',
  '`a` b c',
  '```a b``` c d',
  'call f(x) # and then g(y)',
  'éfoo bar baz',
  "First we load data and don't shuffle",
];

/** Python, or text the test cannot judge: it must say nothing (false), whatever tree-sitter says. */
const NOT_JUDGED = [
  'model = load(path)',
  'print foo',
  'print >>sys.stderr, "x"',
  'exec code in ns',
  'match command:\n    case Point(x=0) if x:\n        pass',
  'type Vector = list[float]',
  'x = 1 if y else z',
  'for x in y: pass',
  'assert not done, "a b c"',
  'lambda x: not x',
  'from __future__ import annotations',
  'async def f():\n    await g()',
  'x = a if b is not None else c',
  'f"{x["a b"]}"',
  "rf'{a} {b}' if c else d",
  '`foo bar`',
  '```policy = P(take action a | in state s)```',
  'x = """a b\nc d"""',
  'x = "a b\\" c d"',
  "don't do it",
  'x = "\nfoo bar"',
  'a \\\n  b',
  'foo\u00a0bar',
  '5 apples',
  'x = 1e5 if y else 0x1f',
  '# only a comment with many words',
];

describe('surelyNotPython (the lexical test before MLD506 parses a comment)', () => {
  it('rejects prose, and tree-sitter finds an error in every text it rejects', async () => {
    for (const text of PROSE) {
      assert.equal(surelyNotPython(text), true, text);
      assert.equal(await parsesCleanly(text), false, text);
    }
  });

  it('says nothing of Python, keywords that take a name after them, strings, comments and what it cannot tokenise', async () => {
    for (const text of NOT_JUDGED) assert.equal(surelyNotPython(text), false, text);
    // The near misses the grammar takes although they look like prose.
    for (const text of ['print foo', 'exec code in ns', 'f"{x["a b"]}"', '`foo bar`', 'x = "\nfoo bar"']) assert.equal(await parsesCleanly(text), true, text);
  });
});
