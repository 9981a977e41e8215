// The progress bar and the timing line of `mldebt check`: drawn only on a terminal's standard
// error (given to `main` here, as a terminal would be), only after the run has lasted its delay,
// at most ten times a second, and erased before the report; never on standard output.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { Progress, type Terminal } from '../../server/src/cli/progress';
import { mldebt, notebook, temporaryFolder } from './helpers';

const ERASE = '\r\u001b[K';

function fakeTerminal(delayMs: number): Terminal & { writes: string[] } {
  const writes: string[] = [];
  return { writes, write: (text) => void writes.push(text), columns: 60, delayMs };
}

describe('mldebt check: progress bar and timing line', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => {
    dir = temporaryFolder('progress');
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `s${i}.py`), 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\n');
    writeFileSync(path.join(dir, 'nb.ipynb'), notebook([{ source: 'import numpy as np\nx = np.random.rand(3)\n', count: 1 }]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the bar on the terminal once the run lasts, erases it before the report, and ends with the timing line', async () => {
    const events: [string, string][] = [];
    const terminal: Terminal = { write: (text) => void events.push(['terminal', text]), columns: 60, delayMs: 0 };
    const status = await main(['check', dir, '--no-cache'], (t) => void events.push(['out', t]), (t) => void events.push(['err', t]), terminal);
    assert.equal(status, 1);
    const drawn = events.filter(([to, text]) => to === 'terminal' && text !== ERASE);
    assert.ok(drawn.length >= 1, 'the bar was drawn');
    assert.match(drawn[0][1], /^\r\u001b\[K\[#*\.*\] \d\/5 files, [\d,]+ lines, [\d.]+ s$/);
    assert.ok(drawn.every(([, text]) => text.length - ERASE.length <= 59), 'the bar fits the terminal');
    const firstOut = events.findIndex(([to]) => to === 'out');
    const lastTerminal = events.map(([to]) => to).lastIndexOf('terminal');
    assert.ok(lastTerminal < firstOut, 'nothing is drawn once the report prints');
    assert.equal(events[lastTerminal][1], ERASE, 'the bar is erased before the report');
    assert.ok(events.filter(([to]) => to === 'out').every(([, text]) => !text.includes('\r') && !text.includes('[#')), 'never on standard output');
    const last = events[events.length - 1];
    assert.deepEqual(last[0], 'err');
    assert.match(last[1], /^Checked 5 files \(\d+ lines\) in [\d.]+ s, [\d,]+ lines\/s; cache not used$/);
  });

  it('draws nothing in a run shorter than its delay, and nothing at all without a terminal', async () => {
    const terminal = fakeTerminal(60_000);
    const err: string[] = [];
    await main(['check', dir, '--no-cache', '--format', 'json'], () => undefined, (t) => void err.push(t), terminal);
    assert.deepEqual(terminal.writes, []);
    assert.equal(err.length, 1, 'the timing line is for a terminal');
    const quiet: string[] = [];
    await main(['check', dir, '--no-cache', '--format', 'json'], () => undefined, (t) => void quiet.push(t), null);
    assert.deepEqual(quiet, [], 'no timing line when standard error is not a terminal (unless --verbose)');
    const piped = mldebt(dir, ['check', '.', '--no-cache']);
    assert.equal(piped.stderr, '', 'a pipe gets no bar and no timing line');
  });

  it('redraws at most ten times a second, and erases only what it drew', async () => {
    const terminal = fakeTerminal(0);
    const progress = new Progress(terminal, 1000);
    progress.clear();
    assert.deepEqual(terminal.writes, [], 'nothing to erase yet');
    for (let i = 0; i < 500; i++) progress.advance(10);
    assert.equal(terminal.writes.length, 1, 'one draw for 500 files checked at once');
    assert.match(terminal.writes[0], /1\/1,000 files, 10 lines/);
    await new Promise((resolve) => setTimeout(resolve, 120));
    progress.advance(10);
    // Redrawn once since: by its timer (500 files) or by this file (501).
    assert.equal(terminal.writes.length, 2);
    assert.match(terminal.writes[1], /50[01]\/1,000 files, 5,0[01]0 lines/);
    progress.stop();
    assert.equal(terminal.writes.at(-1), ERASE);
  });
});
