import { strict as assert } from 'node:assert';
import type { Node } from 'web-tree-sitter';
import { buildDocument } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { SyntaxTable } from '../../server/src/semantics/syntax';
import { walkRecord, wasmCursorStatus } from '../../server/src/parsing/wasmCursor';
import { notebookSource, parser, py, sourceOf } from '../support/engine';

/** Every node of a tree-sitter tree in pre-order, with the field name its parent gives it. */
function treeRows(root: Node): { node: Node; field: string | null; parentIndex: number }[] {
  const rows: { node: Node; field: string | null; parentIndex: number }[] = [];
  const visit = (node: Node, field: string | null, parentIndex: number) => {
    const index = rows.length;
    rows.push({ node, field, parentIndex });
    for (let i = 0; i < node.childCount; i++) visit(node.child(i)!, node.fieldNameForChild(i), index);
  };
  visit(root, null, -1);
  return rows;
}

async function assertSameTree(code: string | string[]): Promise<number> {
  const doc = buildDocument(Array.isArray(code) ? notebookSource(code) : sourceOf(code));
  const { parsed, dispose } = parseOnce(await parser(), doc);
  let compared = 0;
  try {
    for (const { tree } of parsed.trees) {
      assert.deepEqual(walkRecord(tree, true), walkRecord(tree, false), 'the direct walk is the public cursor walk');
      const table = new SyntaxTable(tree, doc.text);
      const expected = treeRows(tree.rootNode);
      assert.equal(table.size, expected.length, 'one row per node');
      expected.forEach(({ node, field, parentIndex }, row) => {
        const copy = table.node(row);
        const where = `row ${row} (${node.type} at ${node.startIndex})`;
        assert.equal(copy.type, node.type, where);
        assert.equal(copy.typeId, node.typeId, where);
        assert.equal(copy.isNamed, node.isNamed, where);
        assert.equal(copy.startIndex, node.startIndex, where);
        assert.equal(copy.endIndex, node.endIndex, where);
        assert.deepEqual(copy.startPosition, node.startPosition, where);
        assert.deepEqual(copy.endPosition, node.endPosition, where);
        assert.equal(copy.text, node.text, where);
        assert.equal(table.fieldName(row), field, where);
        assert.equal(copy.parent?.row ?? -1, parentIndex, where);
        assert.equal(copy.namedChildCount, node.namedChildCount, where);
        assert.equal(copy.descendantCount, node.descendantCount, where);
        assert.equal(copy.raw.id, node.id, `${where}: the real node behind the row`);
        for (const name of ['name', 'body', 'function', 'arguments', 'left', 'right', 'object', 'attribute', 'value', 'condition']) {
          assert.equal(copy.childForFieldName(name)?.startIndex, node.childForFieldName(name)?.startIndex, `${where} field ${name}`);
        }
        compared++;
      });
    }
  } finally {
    dispose();
  }
  return compared;
}

describe('syntax table', () => {
  it('copies every node of a script: kinds, ranges, positions, text, parents, fields', async () => {
    const compared = await assertSameTree(py`
      import numpy as np
      from sklearn.model_selection import train_test_split as tts

      class Net(nn.Module):
          """Doc."""
          def forward(self, x: "Tensor", *args, scale=1.0, **kw) -> float:
              return self.layers(x)[0].sum() * scale if x is not None else -1

      @torch.no_grad()
      def evaluate(model, loader):
          with open("é—ü.txt", "w") as fh, ctx() as c:
              for i, (xb, yb) in enumerate(loader):
                  fh.write(f"{i}: {model(xb)!r:>10} naïve ✓\\n")
          return [y for x in xs if x for y in x], {k: v for k, v in d.items()}, lambda a, b=2: a + b

      try:
          df = pd.read_csv("a.csv"); df["b"] += 1
      except (ValueError, KeyError) as error:
          raise RuntimeError("no") from error
      finally:
          del df
      match command:
          case [x, *rest] if x > 0:
              pass
      print(not a and b or c, a < b <= c, ~x, x @ y, (yield_ := 3))
    `);
    assert.ok(compared > 400, `compared ${compared} nodes`);
  });

  it('copies trees with syntax errors and missing tokens', async () => {
    await assertSameTree(py`
      def broken(a, b:
          x = [1, 2
      y = foo(
      if x
          z = 3
      print("unterminated
    `);
  });

  it('copies every cell of a notebook, each tree over the whole virtual source', async () => {
    await assertSameTree(['import pandas as pd\ndf = pd.read_csv("x.csv")', '%matplotlib inline\ndf.plot()', 'def f(:\n  pass']);
  });

  it('walks trees by calling WebAssembly directly, not through the public cursor (web-tree-sitter 0.27.2 internals)', async () => {
    await parser();
    // If this fails, web-tree-sitter changed what wasmCursor.ts reads: the tables are still right
    // (the public cursor walks instead) but the copy costs about three times as much.
    assert.deepEqual(wasmCursorStatus(), { direct: true, reason: 'checked against the public cursor' });
  });

  it('gives the cursor back in the state it walked to, however deep the tree (its stack grows)', async () => {
    const depth = 300;
    const text = `x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`.repeat(3);
    const tree = (await parser()).parse(text);
    try {
      for (let i = 0; i < 3; i++) {
        const direct = walkRecord(tree, true);
        assert.deepEqual(direct, walkRecord(tree, false));
        assert.ok(Math.max(...direct.filter((_, j) => j % 5 === 4)) > depth, 'walked below the nesting');
      }
    } finally {
      tree.delete();
    }
  });
});
