// The server's memory keeper forces a collection when the heap has doubled, but not while a
// document is being typed in: a forced collection stops the server, and the next keystroke
// would wait for it. Once idle it collects a few times, one collection per turn of the event
// loop, and stops when an edit comes in between.
import { strict as assert } from 'node:assert';
import { MemoryKeeper } from '../../server/src/memory';

const MB = 1024 * 1024;

/** A keeper over a fake heap of `usedMb` (of 200 MB) and a fake clock; counts the collections. */
function keeper(usedMb: number, onCollect = () => {}) {
  const state = { now: 0, collections: 0 };
  const memory = new MemoryKeeper(
    () => {
      state.collections++;
      onCollect();
    },
    () => ({ used_heap_size: usedMb * MB, total_heap_size: 200 * MB }),
    () => state.now,
    5,
  );
  return { memory, state };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('memory keeper', () => {
  it('collects after work once the heap has doubled', () => {
    const { memory, state } = keeper(150);
    memory.afterWork();
    assert.equal(state.collections, 1);
  });

  it('leaves a heap that has not doubled to V8', () => {
    const { memory, state } = keeper(40);
    memory.afterWork();
    assert.equal(state.collections, 0);
  });

  it('does not collect after the analysis of an edit while typing goes on', () => {
    const { memory, state } = keeper(150);
    memory.edited();
    state.now += 2;
    memory.afterWork();
    assert.equal(state.collections, 0);
  });

  it('collects again once the typing has stopped', () => {
    const { memory, state } = keeper(150);
    memory.edited();
    state.now += 5000;
    memory.afterWork();
    assert.equal(state.collections, 1);
  });

  it('collects three times once idle after work', async () => {
    const { memory, state } = keeper(40);
    memory.afterWork();
    await settle();
    assert.equal(state.collections, 3);
  });

  it('stops collecting while idle when an edit comes in between two collections', async () => {
    const { memory, state } = keeper(40, () => memory.edited());
    memory.afterWork();
    await settle();
    assert.equal(state.collections, 1);
  });
});
