import { strict as assert } from 'node:assert';
import type { Tree } from 'web-tree-sitter';
import { buildDocument, scriptSource } from '../../server/src/documents/source';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { notebookSource, parser, py } from '../support/engine';
import { generatedScript } from '../../bench/workload';

/** A node and its subtree, named by type and range, for trees parsed over different ranges. */
function dumpStatements(trees: readonly Tree[]): string {
  return trees.flatMap((tree) => tree.rootNode.children).map((node) => `${node!.toString()}@${node!.startIndex}-${node!.endIndex}`).join('\n');
}

/** Every node with its type and exact range: trees are equal when their dumps are. */
function dump(tree: Tree): string {
  const out: string[] = [];
  const cursor = tree.walk();
  for (;;) {
    out.push(`${cursor.nodeType}@${cursor.startIndex}-${cursor.endIndex}:${cursor.startPosition.row}.${cursor.startPosition.column}`);
    if (cursor.gotoFirstChild()) continue;
    let moved = cursor.gotoNextSibling();
    while (!moved && cursor.gotoParent()) moved = cursor.gotoNextSibling();
    if (!moved) break;
  }
  cursor.delete();
  return out.join(' ');
}

/** A deterministic pseudo-random generator, so failures reproduce. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const SNIPPETS = ['x', ' = ', '(', ')', '\n', '    ', 'np.random.rand(3)', 'if a:\n    b = 1\n', '"""doc"""', '#c\n', ':', 'def f(', ',', 'é', '😀'];

function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.4 && text.length > 0) {
    const end = Math.min(text.length, at + Math.floor(random() * 8));
    return text.slice(0, at) + text.slice(end);
  }
  return text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at);
}

describe('incremental parsing', () => {
  it('gives the same trees as a fresh parse, for a script, across random edits', async () => {
    const python = await parser();
    const incremental = new IncrementalParser(python);
    const random = lcg(7);
    let text = py`
      import numpy as np
      def train(X, y):
          model = fit(X, y)
          return model
      x = np.random.rand(3)
    `;
    for (let step = 0; step < 200; step++) {
      text = mutate(text, random);
      const doc = buildDocument(scriptSource('file:///a.py', text, step));
      const parsed = incremental.update(doc);
      const fresh = python.parse(doc.text);
      assert.equal(dump(parsed.trees[0].tree), dump(fresh), `step ${step}`);
      fresh.delete();
    }
    incremental.dispose();
  });

  it('gives the same trees as a fresh parse, for a notebook, across random cell edits', async () => {
    const python = await parser();
    const incremental = new IncrementalParser(python);
    const fresh = new IncrementalParser(python);
    const random = lcg(11);
    const cells = ['import numpy as np\n', '%matplotlib inline\nx = np.random.rand(3)\n', 'def f(a):\n    return a\n', 'y = f(x)\n'];
    for (let step = 0; step < 400; step++) {
      const i = Math.floor(random() * cells.length);
      cells[i] = mutate(cells[i], random);
      const doc = buildDocument(notebookSource(cells));
      const trees = incremental.update(doc).trees;
      const a = trees.map((t) => dump(t.tree));
      fresh.dispose();
      const b = fresh.update(doc).trees.map((t) => dump(t.tree));
      assert.deepEqual(a, b, `step ${step}`);
      // Node text comes from the current document, also in trees that were kept without a parse.
      for (const { tree } of trees) {
        for (const node of tree.rootNode.descendantsOfType(['identifier', 'call', 'string'])) {
          assert.equal(node.text, doc.text.slice(node.startIndex, node.endIndex), `step ${step}: text of ${node.type}`);
        }
      }
    }
    incremental.dispose();
    fresh.dispose();
  });

  it('re-parses a moved cell even when the text diff attributes the change elsewhere', async () => {
    const python = await parser();
    const incremental = new IncrementalParser(python);
    const fresh = new IncrementalParser(python);
    // Growing cell 0 by a copy of cell 1 makes the common-prefix diff place the insertion after
    // cell 1, although cell 1 is the one that moved.
    for (const cells of [['x = 1', 'y = 2'], ['x = 1\ny = 2', 'y = 2'], ['x = 1', 'y = 2']]) {
      const doc = buildDocument(notebookSource(cells));
      const a = incremental.update(doc).trees.map((t) => dump(t.tree));
      fresh.dispose();
      assert.deepEqual(a, fresh.update(doc).trees.map((t) => dump(t.tree)));
    }
    incremental.dispose();
    fresh.dispose();
  });

  it('keeps a half-typed cell from swallowing the cells after it', async () => {
    const python = await parser();
    const incremental = new IncrementalParser(python);
    const doc = buildDocument(notebookSource(['model.fit(\n', 'def g():\n    return 1\n']));
    const parsed = incremental.update(doc);
    assert.equal(parsed.trees.length, 2);
    assert.equal(parsed.trees[0].tree.rootNode.hasError, true);
    assert.equal(parsed.trees[1].tree.rootNode.hasError, false);
    assert.match(parsed.trees[1].tree.rootNode.toString(), /function_definition/);
    assert.equal(parsed.trees[1].tree.rootNode.namedChild(0)!.startPosition.row, 2, 'positions are in the virtual source');
    incremental.dispose();
  });

  describe('a long script, in chunks', () => {
    /** A script of about 600 lines, chunked from 100 lines on (the server chunks from CHUNKED_MIN_LINES). */
    const CHUNKED_FROM = 100;
    const script = generatedScript(600);

    it('parses a clean script to the statements of the whole-file tree, and re-parses only the chunk an edit falls in', async () => {
      const python = await parser();
      const incremental = new IncrementalParser(python, CHUNKED_FROM);
      const first = incremental.update(buildDocument(scriptSource('file:///long.py', script, 1)));
      assert.ok(first.trees.length > 3, `${first.trees.length} chunks`);
      const whole = python.parse(script);
      assert.equal(dumpStatements(first.trees.map((t) => t.tree)), dumpStatements([whole]));
      whole.delete();
      const before = new Set(first.trees.map((t) => t.tree));
      const at = script.indexOf('\n', Math.floor(script.length / 2)) + 1;
      const edited = `${script.slice(0, at)}typed_here = 1\n${script.slice(at)}`;
      const second = incremental.update(buildDocument(scriptSource('file:///long.py', edited, 2)));
      const reparsed = second.trees.filter((t) => !before.has(t.tree));
      assert.ok(reparsed.length >= 1 && reparsed.length <= 2, `${reparsed.length} of ${second.trees.length} chunks re-parsed`);
      const fresh = python.parse(edited);
      assert.equal(dumpStatements(second.trees.map((t) => t.tree)), dumpStatements([fresh]), 'kept chunks moved with the edit');
      fresh.delete();
      incremental.dispose();
    });

    it('cuts a script whose lines end in a lone \\r or in \\r\\n where its lines start', async () => {
      const python = await parser();
      for (const lineBreak of ['\r', '\r\n']) {
        const incremental = new IncrementalParser(python, CHUNKED_FROM);
        const doc = buildDocument(scriptSource('file:///long.py', script.split('\n').join(lineBreak), 1));
        const parsed = incremental.update(doc);
        assert.ok(parsed.trees.length > 3, `${JSON.stringify(lineBreak)}: ${parsed.trees.length} chunks`);
        const whole = python.parse(doc.text);
        assert.equal(dumpStatements(parsed.trees.map((t) => t.tree)), dumpStatements([whole]), JSON.stringify(lineBreak));
        whole.delete();
        incremental.dispose();
      }
    });

    it('parses the whole file, as a fresh parse does, while a chunk does not parse', async () => {
      const python = await parser();
      const incremental = new IncrementalParser(python, CHUNKED_FROM);
      incremental.update(buildDocument(scriptSource('file:///long.py', script, 1)));
      const at = script.indexOf('\n', Math.floor(script.length / 3)) + 1;
      let text = script;
      for (const [version, typed] of ['model.fit(', 'model.fit(X', 'model.fit(X)'].entries()) {
        text = `${script.slice(0, at)}${typed}\n${script.slice(at)}`;
        const parsed = incremental.update(buildDocument(scriptSource('file:///long.py', text, version + 2)));
        const fresh = python.parse(text);
        if (fresh.rootNode.hasError) {
          assert.equal(parsed.trees.length, 1, `${typed}: one tree`);
          assert.equal(dump(parsed.trees[0].tree), dump(fresh), `${typed}: the fresh parse's tree`);
        } else {
          assert.ok(parsed.trees.length > 1, `${typed}: chunks again`);
          assert.equal(dumpStatements(parsed.trees.map((t) => t.tree)), dumpStatements([fresh]));
        }
        fresh.delete();
      }
      incremental.dispose();
    });

    it('goes from one tree to chunks and back as the script grows past the line count and shrinks', async () => {
      const python = await parser();
      const incremental = new IncrementalParser(python, CHUNKED_FROM);
      const lines = script.split('\n');
      const versions = [lines.slice(0, 90), lines.slice(0, 240), lines.slice(0, 60), lines.slice(0, 300), lines.slice(0, 300).concat('model.fit(')];
      const ways: boolean[] = [];
      for (const [i, kept] of versions.entries()) {
        const text = kept.join('\n');
        const parsed = incremental.update(buildDocument(scriptSource('file:///long.py', text, i + 1)));
        const fresh = python.parse(text);
        const chunked = kept.length >= CHUNKED_FROM && !fresh.rootNode.hasError;
        assert.equal(parsed.trees.length > 1, chunked, `version ${i + 1}: ${chunked ? 'chunks' : 'one tree'}`);
        ways.push(chunked);
        if (chunked) assert.equal(dumpStatements(parsed.trees.map((t) => t.tree)), dumpStatements([fresh]), `version ${i + 1}`);
        else assert.equal(dump(parsed.trees[0].tree), dump(fresh), `version ${i + 1}`);
        fresh.delete();
      }
      assert.deepEqual(ways, [false, true, false, true, false], 'short, chunked, short, chunked, broken');
      incremental.dispose();
    });

    it('gives the same statements as a fresh parse across random edits', async () => {
      const python = await parser();
      const incremental = new IncrementalParser(python, CHUNKED_FROM);
      const random = lcg(13);
      let text = script;
      let chunked = 0;
      for (let step = 0; step < 150; step++) {
        // Mostly small edits; now and then back to a clean text, so that both ways of parsing are replayed.
        text = step % 10 === 9 ? script : mutate(text, random);
        const parsed = incremental.update(buildDocument(scriptSource('file:///long.py', text, step)));
        if (parsed.trees.length > 1) chunked++;
        const fresh = python.parse(text);
        const got = parsed.trees.length === 1 ? dump(parsed.trees[0].tree) : dumpStatements(parsed.trees.map((t) => t.tree));
        const expected = parsed.trees.length === 1 ? dump(fresh) : dumpStatements([fresh]);
        assert.equal(got, expected, `step ${step}`);
        fresh.delete();
      }
      assert.ok(chunked >= 20 && chunked <= 140, `${chunked} of 150 versions parsed in chunks`);
      incremental.dispose();
    });
  });
});
