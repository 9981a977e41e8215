// The session frees what it does not need: parse trees only for the documents analysed most
// recently (the ones being edited), nothing at all for a closed document.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/config/settings';
import { scriptSource } from '../../server/src/documents/source';
import { KEPT_TREES, Session } from '../../server/src/session';
import { generatedScript } from '../../bench/workload';
import { parser } from '../support/engine';

describe('session memory', () => {
  it('keeps parse trees for the most recently analysed documents only', async () => {
    const session = new Session(await parser(), 2);
    const uris = Array.from({ length: 5 }, (_, i) => `file:///m/${i}.py`);
    const first = uris.map((uri, i) => session.analyze(scriptSource(uri, generatedScript(60, i)), defaultConfig()));
    assert.equal(session.treesHeld, 2);
    // The first document lost its trees; analysing an edit of it parses afresh, with the same result as a fresh session.
    const edited = generatedScript(60, 0) + 'extra = 1\n';
    const again = session.analyze({ ...scriptSource(uris[0], edited), version: 2 }, defaultConfig());
    const fresh = new Session(await parser()).analyze(scriptSource(uris[0], edited), defaultConfig());
    assert.deepEqual(again.findings, fresh.findings);
    assert.ok(first[0].findings.length > 0 && again.findings.length >= first[0].findings.length);
    assert.equal(session.treesHeld, 2);
    for (const uri of uris) session.close(uri);
    assert.equal(session.treesHeld, 0);
    assert.equal(session.latest(uris[1]), undefined);
  });

  it('keeps a few trees by default, not one per open document', () => {
    assert.ok(KEPT_TREES >= 2 && KEPT_TREES <= 16);
  });

  it('frees no tree an unfinished analysis still reads, when other documents or a close come in between its steps', async () => {
    const python = await parser();
    const session = new Session(python, 2);
    for (const close of [false, true]) {
      // Each round a new text: the same text again would take the last analysis without a step.
      const text = `${generatedScript(80, 7)}${close ? '\nround = 2\n' : ''}`;
      const expected = new Session(python).analyze(scriptSource('file:///m/a.py', text), defaultConfig());
      const steps = session.analysisSteps(scriptSource('file:///m/a.py', text), defaultConfig());
      steps.next();
      steps.next();
      // The server analyses other documents between the slices of this one: they would evict its trees.
      for (let i = 0; i < 4; i++) session.analyze(scriptSource(`file:///m/other${i}.py`, generatedScript(40, i)), defaultConfig());
      if (close) session.close('file:///m/a.py');
      let step = steps.next();
      while (!step.done) step = steps.next();
      assert.deepEqual(step.value.findings, expected.findings);
    }
    assert.ok(session.treesHeld <= 2);
  });
});

