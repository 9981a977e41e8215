// The engine's vocabulary: what a rule is called and how it is described (RuleMeta), what it
// reports (Finding, Related), how sure a fix is (Fix, FixSafety). Everything that consumes
// findings — configuration, the taxonomy, the LSP features, the CLI — speaks this module, not
// the rules' folder. It knows documents' ranges and edits and the paper's categories, nothing else.
import type { Range, TextEdit } from '../documents/types';
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

export interface Related {
  range: Range;
  message: string;
  /** Another place of the finding's cause (a member of its group: baselines match each one), not context. */
  member?: boolean;
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
