// One traversal of a document for every rule that subscribes (ESLint's listeners, Ruff's checker):
// the rules declare the node kinds and model events they need, and the engine walks the model's
// lists once, merged in document order, calling each listener for its events. A rule does not
// loop over every call itself, and a call that ten rules want is visited once, not ten times.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { COLLECTED } from '../semantics/walk';
import { pushTo } from '../engine/collections';
import type { CalleeSelection, RuleListeners } from './types';

/** A rule in the traversal. The analysis sets `live` to false to stop it (it threw, or ran out of time). */
export interface Subscriber {
  readonly listeners: RuleListeners;
  live: boolean;
}

/** How a listener is called: the analysis wraps each call (error isolation, time budget). */
export type Invoke = (subscriber: Subscriber, listener: (payload: never) => void, payload: unknown) => void;

export interface TraversalHooks {
  invoke: Invoke;
  /** Called when the traversal resumes after a pause (the caller's clock stood still meanwhile). */
  resumed?(): void;
}

/** Events delivered between two pauses, so the language server can read its messages. */
export const EVENTS_PER_STEP = 32;

const MODEL_EVENTS = ['call', 'load', 'save', 'write', 'read'] as const;
type ModelEvent = (typeof MODEL_EVENTS)[number];
const OTHER_KEYS = new Set(['callees', 'finish']);

/** Throws on a key that is neither a model event nor a collected node kind: a typo would otherwise listen to nothing. */
export function checkListeners(listeners: RuleListeners): void {
  for (const key in listeners) {
    const value = (listeners as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const known = (MODEL_EVENTS as readonly string[]).includes(key) || OTHER_KEYS.has(key) || (COLLECTED.has(key) && key !== 'call');
    if (!known) throw new Error(`listens to '${key}', which is neither a model event (${MODEL_EVENTS.join(', ')}) nor a collected node kind`);
    if (key !== 'callees' && typeof value !== 'function') throw new Error(`its listener '${key}' is not a function`);
  }
}

/** One sorted list of events: the nodes they sit at, and who gets them. */
interface Stream {
  readonly nodes: readonly Node[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** At one node: the node's kind (0) first, then call, load, save, write, read. */
  readonly rank: number;
  deliver(position: number): void;
  position: number;
}

function stream(nodes: readonly Node[], rank: number, deliver: (position: number) => void): Stream {
  const starts = new Int32Array(nodes.length);
  const ends = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    starts[i] = nodes[i].startIndex;
    ends[i] = nodes[i].endIndex;
  }
  return { nodes, starts, ends, rank, deliver, position: 0 };
}

/** Whether the head of `a` comes before the head of `b`: by start, outer nodes first, then pre-order, then rank. */
function before(a: Stream, b: Stream): boolean {
  const i = a.position;
  const j = b.position;
  if (a.starts[i] !== b.starts[j]) return a.starts[i] < b.starts[j];
  if (a.ends[i] !== b.ends[j]) return a.ends[i] > b.ends[j];
  const ida = a.nodes[i].id;
  const idb = b.nodes[j].id;
  return ida !== idb ? ida < idb : a.rank < b.rank;
}

/** `items` in document order of their nodes: the model's lists mostly are; a stable sort when not. */
function inOrder<T>(items: readonly T[], nodeOf: (item: T) => Node): { items: readonly T[]; nodes: Node[] } {
  let nodes = items.map(nodeOf);
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i].startIndex < nodes[i - 1].startIndex) {
      const sorted = items.map((item, k) => ({ item, node: nodes[k] })).sort((x, y) => x.node.startIndex - y.node.startIndex || y.node.endIndex - x.node.endIndex);
      nodes = sorted.map((entry) => entry.node);
      return { items: sorted.map((entry) => entry.item), nodes };
    }
  }
  return { items, nodes };
}

/** A callee selection as sets, to test a callee against. */
interface SelectionSets {
  readonly qualified?: ReadonlySet<string>;
  readonly modules?: ReadonlySet<string>;
  readonly methods?: ReadonlySet<string>;
}

/**
 * The sets of each selection, made once per selection object: most rules name their callees in
 * module constants, so a process builds their sets once, not once per document.
 */
const selectionSets = new WeakMap<CalleeSelection, SelectionSets>();

const asSet = (keys: Iterable<string> | undefined): ReadonlySet<string> | undefined =>
  keys === undefined ? undefined : keys instanceof Set ? keys : new Set(keys);

function setsOf(selection: CalleeSelection): SelectionSets {
  let sets = selectionSets.get(selection);
  if (!sets) {
    sets = { qualified: asSet(selection.qualified), modules: asSet(selection.modules), methods: asSet(selection.methods) };
    selectionSets.set(selection, sets);
  }
  return sets;
}

/** Whether a callee (qualified name, method name) is in a selection. */
function selects(sets: SelectionSets, qname: string | undefined, method: string | undefined): boolean {
  if (qname !== undefined) {
    if (sets.qualified?.has(qname)) return true;
    if (sets.modules?.size) for (let dot = qname.indexOf('.'); ; dot = qname.indexOf('.', dot + 1)) {
      if (sets.modules.has(dot < 0 ? qname : qname.slice(0, dot))) return true;
      if (dot < 0) break;
    }
  }
  return method !== undefined && sets.methods?.has(method) === true;
}

/** The subscribers of `call`: those of every call, and those whose selection a call's callee is in. */
class CallRouting {
  /** In the rules' order; `sets` undefined for a subscriber of every call. */
  private readonly subscribers: { subscriber: Subscriber; sets?: SelectionSets }[] = [];
  private readonly all: Subscriber[] = [];
  /** The answer of `of` by qualified name, then method: a file calls the same few callees again and again. */
  private readonly answers = new Map<string | undefined, Map<string | undefined, readonly Subscriber[]>>();

  add(subscriber: Subscriber, selection: CalleeSelection | undefined): void {
    this.answers.clear();
    this.subscribers.push({ subscriber, sets: selection && setsOf(selection) });
    if (!selection) this.all.push(subscriber);
  }

  get empty(): boolean {
    return this.subscribers.length === 0;
  }

  /** The subscribers of this call, in the rules' order, each once. */
  of(call: CallSite): readonly Subscriber[] {
    const { qname, method } = call;
    let byMethod = this.answers.get(qname);
    if (!byMethod) this.answers.set(qname, (byMethod = new Map()));
    let answer = byMethod.get(method);
    if (!answer) byMethod.set(method, (answer = this.route(qname, method)));
    return answer;
  }

  private route(qname: string | undefined, method: string | undefined): readonly Subscriber[] {
    // Most calls are wanted by the rules that take every call only: no list is built for them.
    const wanted = (entry: { sets?: SelectionSets }) => !!entry.sets && selects(entry.sets, qname, method);
    if (!this.subscribers.some(wanted)) return this.all;
    return this.subscribers.filter((entry) => !entry.sets || wanted(entry)).map((entry) => entry.subscriber);
  }
}

/**
 * Walks the events the subscribers listen to, once, in document order, calling each live
 * subscriber's listener through `hooks.invoke`; pauses (yields) every EVENTS_PER_STEP events. The
 * data flow is built only when a subscriber listens to one of its events. `finish` is the
 * caller's to run afterwards.
 */
export function* traverse(index: SemanticIndex, subscribers: readonly Subscriber[], hooks: TraversalHooks): Generator<void, void, void> {
  const { invoke } = hooks;
  const streams: Stream[] = [];
  const byKind = new Map<string, Subscriber[]>();
  const byEvent = new Map<ModelEvent, Subscriber[]>();
  const calls = new CallRouting();
  for (const subscriber of subscribers) {
    const listeners = subscriber.listeners as Record<string, unknown>;
    for (const key in listeners) {
      if (typeof listeners[key] !== 'function' || OTHER_KEYS.has(key)) continue;
      if (key === 'call') calls.add(subscriber, subscriber.listeners.callees);
      else if ((MODEL_EVENTS as readonly string[]).includes(key)) pushTo(byEvent, key as ModelEvent, subscriber);
      else pushTo(byKind, key, subscriber);
    }
  }
  const send = (listeners: readonly Subscriber[], key: string, payload: unknown) => {
    for (const subscriber of listeners) {
      if (subscriber.live) invoke(subscriber, (subscriber.listeners as Record<string, (payload: never) => void>)[key], payload);
    }
  };
  for (const [kind, listeners] of byKind) {
    const nodes = index.nodes(kind as Parameters<SemanticIndex['nodes']>[0]);
    streams.push(stream(nodes, 0, (i) => send(listeners, kind, nodes[i])));
  }
  if (!calls.empty) {
    const all = index.calls;
    streams.push(stream(all.map((call) => call.node), 1, (i) => send(calls.of(all[i]), 'call', all[i])));
  }
  const modelStream = <T>(event: ModelEvent, rank: number, items: () => readonly T[], nodeOf: (item: T) => Node) => {
    const listeners = byEvent.get(event);
    if (!listeners) return;
    const sorted = inOrder(items(), nodeOf);
    streams.push(stream(sorted.nodes, rank, (i) => send(listeners, event, sorted.items[i])));
  };
  modelStream('load', 2, () => index.dataflow.io.filter((io) => io.direction === 'read'), (io) => io.call.node);
  modelStream('save', 3, () => index.dataflow.io.filter((io) => io.direction === 'write'), (io) => io.call.node);
  modelStream('write', 4, () => index.dataflow.mutations, (mutation) => mutation.site);
  modelStream('read', 5, () => index.dataflow.reads, (read) => read.node);

  let live = streams.filter((s) => s.nodes.length > 0);
  for (let delivered = 1; live.length > 0; delivered++) {
    let next = live[0];
    for (let s = 1; s < live.length; s++) if (before(live[s], next)) next = live[s];
    next.deliver(next.position);
    if (++next.position === next.nodes.length) live = live.filter((s) => s !== next);
    if (delivered % EVENTS_PER_STEP === 0) {
      if (!subscribers.some((subscriber) => subscriber.live)) return;
      yield;
      hooks.resumed?.();
    }
  }
}
