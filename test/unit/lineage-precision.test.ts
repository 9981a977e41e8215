// What keeps a lineage precise: column lists written in the code (semantics/columns.ts) and
// attribute reads, so that a selection follows only the columns it reads, and unpacking of lists
// element by element.
import { strict as assert } from 'node:assert';
import type { Node } from 'web-tree-sitter';
import { buildDocument } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { SemanticIndex } from '../../server/src/semantics';
import { columnList } from '../../server/src/semantics/columns';
import { parser, py, sourceOf } from '../support/engine';

async function indexOf(code: string): Promise<{ index: SemanticIndex; dispose: () => void }> {
  const { parsed, dispose } = parseOnce(await parser(), buildDocument(sourceOf(code)));
  return { index: new SemanticIndex(parsed), dispose };
}

/** The argument of the last call to `use(...)`. */
function used(index: SemanticIndex): Node {
  const call = index.calls.filter((c) => c.callee.text === 'use').at(-1);
  assert.ok(call?.args[0], 'no use(...) call');
  return call.args[0];
}

describe('column lists', () => {
  it('reads literals, names bound to them, concatenations, list() and appends', async () => {
    const { index, dispose } = await indexOf(py`
      BASE = ["a", "b"]
      EXTRA = ("c",)
      cols = list(BASE) + list(EXTRA)
      cols.append("d")
      use(cols)
    `);
    assert.deepEqual(columnList(index.dataflow, used(index)), ['a', 'b', 'c', 'd']);
    dispose();
  });

  it('takes the union of the bindings that can reach the read', async () => {
    const { index, dispose } = await indexOf(py`
      cols = ["a"]
      if wide:
          cols = ["a", "b"]
      use(cols)
    `);
    assert.deepEqual(columnList(index.dataflow, used(index)), ['a', 'b']);
    dispose();
  });

  it('is undefined for anything computed', async () => {
    const { index, dispose } = await indexOf(py`
      cols = [c for c in df.columns if c != "y"]
      use(cols)
      other = ["a", name]
      use(other)
    `);
    const calls = index.calls.filter((c) => c.callee.text === 'use');
    assert.equal(columnList(index.dataflow, calls[0].args[0]), undefined);
    assert.equal(columnList(index.dataflow, calls[1].args[0]), undefined);
    dispose();
  });
});

describe('lineage through column selections', () => {
  const callsBehind = (index: SemanticIndex) => index.dataflow.lineage(used(index)).calls.map((c) => c.callee.text);

  it('a selection by a column-list constant follows only the writes to those columns', async () => {
    const { index, dispose } = await indexOf(py`
      import pandas as pd
      FEATURES = ["a", "b"]
      df = pd.read_csv("d.csv")
      df["pred"] = model.predict(df[FEATURES])
      use(df[FEATURES])
    `);
    assert.deepEqual(callsBehind(index), ['pd.read_csv']);
    dispose();
  });

  it('an attribute read selects that column; a property of the whole frame does not', async () => {
    const { index, dispose } = await indexOf(py`
      import pandas as pd
      df = pd.read_csv("d.csv")
      df["pred"] = model.predict(df[["a"]])
      use(df.y)
      use(df.values)
    `);
    const calls = index.calls.filter((c) => c.callee.text === 'use');
    const behind = (node: Node) => index.dataflow.lineage(node).calls.map((c) => c.callee.text);
    assert.deepEqual(behind(calls[0].args[0]), ['pd.read_csv']);
    assert.deepEqual(behind(calls[1].args[0]), ['pd.read_csv', 'model.predict']);
    dispose();
  });
});

describe('lineage through unpacking', () => {
  it('a name bound to a list unpacks element by element', async () => {
    const { index, dispose } = await indexOf(py`
      import pandas as pd
      features = pd.read_csv("x.csv")
      labels = pd.read_json("y.json")
      saved = [features, labels]
      X, y = saved
      use(X)
    `);
    assert.deepEqual(index.dataflow.lineage(used(index)).calls.map((c) => c.callee.text), ['pd.read_csv']);
    dispose();
  });
});
