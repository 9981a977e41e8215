// Where the language server may cut a long script into separately parsed chunks (parsing/chunks.ts).
import { strict as assert } from 'node:assert';
import { computeLineStarts } from '../../server/src/documents/positions';
import { scriptChunks, statementLines } from '../../server/src/parsing/chunks';
import { generatedScript } from '../../bench/workload';

describe('script chunks', () => {
  it('finds the lines that start top-level statements', () => {
    const text = [
      'import os', // 0
      '@decorator(', // 1
      '    arg)', // 2
      'def f():', // 3: the decorated definition belongs to line 1
      '    return 1', // 4
      'x = """', // 5
      'not = a statement', // 6: inside a triple-quoted string
      '"""', // 7
      'y = [', // 8
      '1]', // 9: inside brackets
      'z = 1 + \\', // 10
      '2', // 11: a continued line
      'if z:', // 12
      '    pass', // 13
      'else:', // 14: continues the if
      '    pass', // 15
      '# a comment', // 16
      "s = 'it''s' # ( not a bracket", // 17
      'try:', // 18
      '    pass', // 19
      'except ValueError:', // 20
      '    pass', // 21
      'w = r"\\"" + "a\\', // 22: an escaped quote; a string continued on the next line
      'b"', // 23
      'last = 1', // 24
    ].join('\n');
    assert.deepEqual(statementLines(text), [0, 1, 5, 8, 10, 12, 17, 18, 22, 24]);
  });

  it('reads Windows line breaks as line breaks', () => {
    assert.deepEqual(statementLines('a = 1 + \\\r\n2\r\nb = 2\r\n'), [0, 2]);
  });

  it('leaves a short script whole and cuts a long one at statement lines, never before an import', () => {
    const short = generatedScript(200);
    assert.equal(scriptChunks(short, computeLineStarts(short)).length, 1);
    const text = `${'import os\n'.repeat(60)}${generatedScript(3000)}`;
    const lineStarts = computeLineStarts(text);
    const chunks = scriptChunks(text, lineStarts);
    assert.ok(chunks.length > 10, `${chunks.length} chunks`);
    const starts = new Set(statementLines(text));
    assert.equal(chunks[0].startLine, 0);
    assert.equal(chunks[chunks.length - 1].endLine, lineStarts.length);
    for (let i = 1; i < chunks.length; i++) {
      assert.equal(chunks[i].startLine, chunks[i - 1].endLine, 'chunks follow each other');
      assert.ok(starts.has(chunks[i].startLine), `line ${chunks[i].startLine} starts a statement`);
      assert.doesNotMatch(text.slice(lineStarts[chunks[i].startLine], lineStarts[chunks[i].startLine] + 7), /^(import|from) /);
    }
    assert.ok(chunks[0].endLine >= 60, 'the opening imports stay in the first chunk');
  });

  it('moves only the cuts next to an edit', () => {
    const text = generatedScript(3000);
    const before = scriptChunks(text, computeLineStarts(text));
    const middle = before[Math.floor(before.length / 2)].startLine + 3;
    const lines = text.split('\n');
    lines.splice(middle, 0, 'inserted = 1', 'another = 2');
    const edited = lines.join('\n');
    const after = scriptChunks(edited, computeLineStarts(edited));
    const key = (c: { startLine: number; endLine: number }, shift: number) => `${c.startLine + shift}-${c.endLine + shift}`;
    const moved = (c: { startLine: number }) => (c.startLine > middle ? 2 : 0);
    const kept = new Set(after.map((c) => key(c, 0)));
    const unchanged = before.filter((c) => kept.has(key(c, moved(c)))).length;
    assert.ok(unchanged >= before.length - 2, `${before.length - unchanged} of ${before.length} chunks changed`);
  });
});
