// A version whose text is the one analysed last (a save, an edit undone before it was analysed)
// takes the last analysis instead of running it again; anything else that can change the
// findings runs it again.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/config/settings';
import type { DocumentSource } from '../../server/src/documents/source';
import { scriptSource } from '../../server/src/documents/source';
import { Session } from '../../server/src/session';
import { generatedScript } from '../../bench/workload';
import { parser } from '../support/engine';

const TEXT = generatedScript(120, 5);

function notebook(version: number, texts: string[], order?: number): DocumentSource {
  return {
    uri: 'file:///r/n.ipynb', kind: 'notebook', version,
    cells: texts.map((text, i) => ({ uri: `cell:${i}`, kind: 'code', language: 'python', text, ...(i === 1 && order !== undefined ? { executionOrder: order } : {}) })),
  };
}

describe('session reuse of an unchanged version', () => {
  it('takes the last analysis for a new version of the same text, with the new version', async () => {
    const session = new Session(await parser());
    const first = session.analyze(scriptSource('file:///r/a.py', TEXT, 1), defaultConfig());
    assert.ok(first.findings.length > 0);
    const saved = session.analyze(scriptSource('file:///r/a.py', TEXT, 2), defaultConfig());
    assert.equal(saved.findings, first.findings, 'the same findings, not computed again');
    assert.equal(saved.doc.version, 2);
    assert.equal(saved.source.version, 2);
    assert.equal(session.latest('file:///r/a.py'), saved);
  });

  it('analyses again when the text, the configuration or a cell changes', async () => {
    const session = new Session(await parser());
    const first = session.analyze(scriptSource('file:///r/b.py', TEXT, 1), defaultConfig());
    const edited = session.analyze(scriptSource('file:///r/b.py', `${TEXT}\nextra = 1\n`, 2), defaultConfig());
    assert.notEqual(edited.findings, first.findings);
    const back = session.analyze(scriptSource('file:///r/b.py', TEXT, 3), defaultConfig());
    assert.notEqual(back.findings, edited.findings);
    assert.deepEqual(back.findings, first.findings);
    const reconfigured = session.analyze(scriptSource('file:///r/b.py', TEXT, 4), { ...defaultConfig(), select: ['ALL'] });
    assert.notEqual(reconfigured.findings, back.findings);

    const cells = ['import random\nx = random.random()', 'print(x)'];
    const run = session.analyze(notebook(1, cells), defaultConfig());
    assert.equal(session.analyze(notebook(2, cells), defaultConfig()).findings, run.findings);
    assert.notEqual(session.analyze(notebook(3, cells, 7), defaultConfig()).findings, run.findings, 'an execution order counts');
  });
});
