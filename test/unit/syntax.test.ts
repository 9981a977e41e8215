import { strict as assert } from 'node:assert';
import type { Node } from 'web-tree-sitter';
import { buildDocument } from '../../server/src/documents/source';
import { IncrementalParser, parseOnce } from '../../server/src/parsing/incremental';
import { SyntaxTable, type SyntaxNode } from '../../server/src/semantics/syntax';
import { structureParent } from '../../server/src/semantics/ancestry';
import { walkRecord, wasmCursorStatus } from '../../server/src/parsing/wasmCursor';
import { SyntaxTables } from '../../server/src/semantics/walk';
import { SemanticIndex } from '../../server/src/semantics';
import type { DocumentSource } from '../../server/src/documents/source';
import { generatedScript } from '../../bench/workload';
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

  describe('across versions of an open document', () => {
    /** Every array of the table built from the previous version equals a fresh walk's. */
    function assertSameRows(reused: SyntaxTable, fresh: SyntaxTable, where: string): void {
      assert.equal(reused.size, fresh.size, `${where}: size`);
      for (const key of ['kinds', 'starts', 'ends', 'fields', 'parents', 'firstChildren', 'lastChildren', 'nextSiblings', 'previousSiblings', 'subtreeEnds'] as const) {
        assert.deepEqual(Array.from(reused[key].subarray(0, reused.size)), Array.from(fresh[key].subarray(0, fresh.size)), `${where}: ${key}`);
      }
    }

    /** The tables of two versions; `between` sees the first version's tables before the second is tabled. */
    async function versions(first: DocumentSource, second: DocumentSource, between?: (tables: SyntaxTable[]) => void): Promise<{ before: SyntaxTable[]; after: SyntaxTable[]; fresh: SyntaxTable[] }> {
      const incremental = new IncrementalParser(await parser());
      const tables = new SyntaxTables();
      const before = tables.tablesOf(incremental.update(buildDocument(first)));
      between?.(before);
      const doc = buildDocument(second);
      const parsed = incremental.update(doc);
      const after = tables.tablesOf(parsed);
      const fresh = parsed.trees.map(({ tree }) => new SyntaxTable(tree, doc.text, doc.lineStarts));
      return { before, after, fresh };
    }

    it('a script re-walks only the top-level statement an edit touched', async () => {
      const lines = generatedScript(300, 1).split('\n');
      const edited = [...lines];
      edited[150] = `${edited[150]}  # typed`;
      const { after, fresh } = await versions(sourceOf(lines.join('\n')), sourceOf(edited.join('\n')));
      assertSameRows(after[0], fresh[0], 'script');
      assert.ok(after[0].reusedRows > 0.9 * after[0].size, `reused ${after[0].reusedRows} of ${after[0].size} rows`);
    });

    it('reuses nothing when a version was parsed but never tabled (an analysis given up early)', async () => {
      const lines = generatedScript(120, 2).split('\n');
      const incremental = new IncrementalParser(await parser());
      const tables = new SyntaxTables();
      tables.tablesOf(incremental.update(buildDocument(sourceOf(lines.join('\n')))));
      lines.splice(10, 0, 'inserted = 1');
      incremental.update(buildDocument(sourceOf(lines.join('\n'))));
      lines[60] = `${lines[60]}  # typed`;
      const doc = buildDocument(sourceOf(lines.join('\n')));
      const parsed = incremental.update(doc);
      const [table] = tables.tablesOf(parsed);
      assert.equal(table.reusedRows, 0);
      assertSameRows(table, new SyntaxTable(parsed.trees[0].tree, doc.text, doc.lineStarts), 'script');
    });

    it('a call in a cell an edit left standing keeps its site, with its qualified name and cell worked out again', async () => {
      const cell = (uri: string, text: string) => ({ uri, kind: 'code' as const, language: 'python', text });
      const version = (n: number, cells: ReturnType<typeof cell>[]): DocumentSource => ({ uri: 'file:///t/n.ipynb', kind: 'notebook', version: n, cells });
      const use = cell('cell:use', 'y = np.zeros(3)');
      const incremental = new IncrementalParser(await parser());
      const tables = new SyntaxTables();
      const siteIn = (source: DocumentSource) => {
        const index = new SemanticIndex(incremental.update(buildDocument(source)), tables);
        return index.calls.find((call) => call.method === 'zeros')!;
      };
      const first = siteIn(version(1, [cell('cell:imports', 'import numpy as np'), use]));
      assert.equal(first.qname, 'numpy.zeros');
      assert.equal(first.segmentIndex, 1);
      const second = siteIn(version(2, [cell('cell:imports', 'import torch as np'), use]));
      assert.equal(second, first, 'the same site');
      assert.equal(second.qname, 'torch.zeros', 'qualified by the new import');
      const third = siteIn(version(3, [cell('cell:new', 'import os'), cell('cell:imports', 'import torch as np'), use]));
      assert.equal(third, first);
      assert.equal(third.segmentIndex, 2, 'in the cell it moved to');
      assert.deepEqual(third.args.map((arg) => arg.text), ['3']);
    });

    it('a notebook keeps the tables of the cells an edit did not touch, shifted when it moved them', async () => {
      const cells = ['import numpy as np', 'x = np.ones(3)\ny = x * 2', 'def f(a):\n    return a + 1', 'print(f(y))'];
      const edited = [...cells];
      edited[1] = 'x = np.ones(30)\ny = x * 2';
      let nodeBelow: SyntaxNode | undefined;
      const { before, after, fresh } = await versions(notebookSource(cells), { ...notebookSource(edited), version: 2 }, (tables) => {
        nodeBelow = tables[3].node(tables[3].firstChildren[0]);
      });
      const startBefore = cells.slice(0, 3).join('\n').length + 1;
      assert.equal(after[0], before[0], 'the cell above the edit keeps its table');
      for (const cell of [2, 3]) {
        assert.equal(after[cell], before[cell], `cell ${cell} keeps its table, moved`);
        assertSameRows(after[cell], fresh[cell], `cell ${cell}`);
        assert.equal(after[cell].reusedRows, after[cell].size, `cell ${cell} is not walked again`);
      }
      assert.equal(after[3].node(after[3].firstChildren[0]), nodeBelow, 'a node made before the edit is used again');
      assert.equal(nodeBelow!.startIndex, startBefore + 1, 'and moved with its table');
      assertSameRows(after[1], fresh[1], 'the edited cell');
    });
  });

  it('structureParent answers the nearest function, lambda, class or loop above a node, as a climb of parents does', async () => {
    const code = py`
      import numpy as np
      class Net:
          def forward(self, x):
              for i in range(3):
                  x = x + (lambda v: v * np.random.rand(3))(x) + np.random.rand(3) + np.random.rand(3)
              return x
      while True:
          total = np.random.rand(1) + np.random.rand(1) + np.random.rand(1)
          break
    `;
    const doc = buildDocument(sourceOf(code));
    const { parsed, dispose } = parseOnce(await parser(), doc);
    const table = new SyntaxTable(parsed.trees[0].tree, doc.text);
    const structures = new Set(['function_definition', 'lambda', 'class_definition', 'for_statement', 'while_statement']);
    const climbed = (node: Node): Node | null => {
      for (let current = node.parent; current; current = current.parent) if (structures.has(current.type)) return current;
      return null;
    };
    // Asked twice, innermost first and then outermost first: remembered rows answer as the climb does.
    const rows = Array.from({ length: table.size }, (_, row) => row);
    for (const order of [rows.slice().reverse(), rows]) {
      for (const row of order) {
        const node = table.node(row);
        const expected = climbed(node);
        const found = structureParent(node);
        assert.equal(found ? `${found.type}@${found.startIndex}` : null, expected ? `${expected.type}@${expected.startIndex}` : null, `row ${row} (${node.type})`);
      }
    }
    dispose();
  });
});
