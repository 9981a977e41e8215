// The rule contract. A rule is one module exporting its metadata and its check; the check reads
// the semantic index and reports findings. It never touches LSP types, files or settings.
import type { Node } from 'web-tree-sitter';
import type { Range, SourceDocument, TextEdit } from '../documents/types';
import type { SemanticIndex } from '../semantics';
import type { CategoryId } from '../taxonomy/categories';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type FixSafety = 'safe' | 'unsafe';
export type RuleTag = 'unnecessary' | 'deprecated';

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it is debt, in a few sentences, tied to the paper's section. */
  why: string;
  /** Python that triggers the rule. */
  example: string;
  /** How to pay the debt off, in prose. */
  fix: string;
  /** The example after paying the debt off (optional). */
  fixed?: string;
  /** Shapes that look alike but are left alone, and why (optional). */
  nearMisses?: string;
  /** How the rule treats notebooks (optional). */
  notebooks?: string;
}

export interface RuleMeta {
  /** Stable code, grouped by the paper's section: MLD2xx is §2 ... MLD9xx is ML API misuse. */
  code: string;
  /** Stable kebab-case name that names the smell. */
  name: string;
  category: CategoryId;
  severity: Severity;
  /**
   * In the default rule set: only rules whose precision on real ML code is established and whose
   * findings are worth a user's attention. The others run when selected (`select = ["ALL"]`, a
   * code, or `extend-select`).
   */
  recommended: boolean;
  /**
   * The fix this rule can offer. `safe` means the program computes exactly what it did before;
   * `unsafe` changes behaviour or needs a human decision. A rule whose fixes differ by case
   * declares the usual safety here and sets it per report.
   */
  fix?: { safety: FixSafety; title: string; sometimesSafe?: boolean };
  tags?: RuleTag[];
  /** Rules about notebooks only (execution order, cells) are skipped for scripts. */
  notebookOnly?: boolean;
  /** For ML API misuse rules: the smell's name in Zhang et al. and the paper category it feeds. */
  smell?: { name: string; feeds: CategoryId };
  docs: RuleDocs;
}

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

export interface Related {
  range: Range;
  message: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  safety: FixSafety;
}

/** A finding in virtual-source coordinates, with everything the front doors need. */
export interface Finding {
  code: string;
  name: string;
  category: CategoryId;
  severity: Severity;
  message: string;
  range: Range;
  tags: RuleTag[];
  fix?: Fix;
  related: Related[];
  /** The edit that writes `# mldebt: ignore[CODE]` for this finding, when one can be placed. */
  ignoreEdit?: TextEdit;
}
