// The scopes of a document as regions of the virtual source where names resolve inside them: a
// function's, lambda's or class's body (its parameters, decorators and bases are evaluated in the
// scope around it) and a comprehension whole. Built once from the walk's node lists; the innermost
// scope at any offset is then a binary search, with no parent walks.
import { COMPREHENSION_TYPES, scopeKeyOf } from './definitions';
import type { ScopeRef } from './types';
import type { NodesByType } from './walk';

export interface ScopeFrame extends ScopeRef {
  /** The region where names resolve in this scope. */
  start: number;
  end: number;
  /** A function or lambda: code in it runs when it is called. */
  isFunction: boolean;
  parent?: ScopeFrame | undefined;
}

export class ScopeFrames {
  /** Every scope, outer before inner, in document order. */
  readonly frames: ScopeFrame[] = [];

  constructor(byType: NodesByType) {
    for (const type of ['function_definition', 'lambda', 'class_definition'] as const) {
      for (const node of byType.get(type) ?? []) {
        const body = node.childForFieldName('body');
        if (body) this.frames.push({ node, key: scopeKeyOf(node), isClass: type === 'class_definition', isFunction: type !== 'class_definition', start: body.startIndex, end: body.endIndex });
      }
    }
    for (const type of COMPREHENSION_TYPES) {
      for (const node of byType.get(type) ?? []) this.frames.push({ node, key: scopeKeyOf(node), isClass: false, isFunction: false, start: node.startIndex, end: node.endIndex });
    }
    this.frames.sort((a, b) => a.start - b.start || b.end - a.end);
    // Regions nest, so one sweep with a stack links each to the region around it.
    const open: ScopeFrame[] = [];
    for (const frame of this.frames) {
      while (open.length && open[open.length - 1].end <= frame.start) open.pop();
      frame.parent = open[open.length - 1];
      open.push(frame);
    }
  }

  /** The innermost scope whose region holds `offset`, linked to the ones around it (undefined at module level). */
  at(offset: number): ScopeFrame | undefined {
    let low = 0;
    let high = this.frames.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.frames[mid].start <= offset) low = mid + 1;
      else high = mid;
    }
    // The last region starting at or before the offset, or the nearest one around it that is still open.
    for (let frame: ScopeFrame | undefined = this.frames[low - 1]; frame; frame = frame.parent) {
      if (offset < frame.end) return frame;
    }
    return undefined;
  }
}
