// The rule contract. A rule is one module exporting its metadata and its check; the check reads
// the semantic index and reports findings. It never touches LSP types, files or settings.
import type { Node } from 'web-tree-sitter';
import type { Range, SourceDocument, TextEdit } from '../documents/types';
import type { SemanticIndex } from '../semantics';
import type { FixSafety, RuleMeta } from '../engine/types';

// The vocabulary lives in the engine; rules keep importing it from here.
export type { Finding, Fix, FixSafety, Related, RuleDocs, RuleMeta, RuleTag, Severity } from '../engine/types';

export interface FixDescriptor {
  title: string;
  /** Edits in virtual-source coordinates; they must not overlap. */
  edits: TextEdit[];
  /** Overrides the rule's declared safety for this case. */
  safety?: FixSafety;
}

export interface RelatedDescriptor {
  node?: Node;
  range?: Range;
  message: string;
}

export interface ReportDescriptor {
  /** Where the finding is: a node, or a range in the virtual source. */
  node?: Node;
  range?: Range;
  /** What is wrong, in this line's own terms. */
  message: string;
  fix?: FixDescriptor;
  /** The other sites of the pattern (the write and the read, the first model and the second). */
  related?: RelatedDescriptor[];
}

export interface RuleContext {
  readonly doc: SourceDocument;
  readonly index: SemanticIndex;
  readonly meta: RuleMeta;
  report(descriptor: ReportDescriptor): void;
  /** Parses a snippet of Python on its own and says whether it parsed cleanly. */
  parsesAsPython(snippet: string): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

