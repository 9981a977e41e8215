// What the semantic index knows about a document, in the shapes rules consume.
import type { Node } from 'web-tree-sitter';
import type { LiteralValue } from './literals';

/** A name bound by an import: `import numpy as np` binds `np` to `numpy`. */
export interface ImportBinding {
  /** The local name. */
  local: string;
  /** The qualified name it stands for (`numpy`, `sklearn.model_selection.train_test_split`). */
  target: string;
  /** The import statement. */
  statement: Node;
  /** The identifier that binds the name. */
  node: Node;
  isFrom: boolean;
  /** The statement sits directly at module level (not in a function, `if` or `try`). */
  topLevel: boolean;
}

export type DefinitionKind =
  | 'assign' | 'augmented' | 'for' | 'comprehension' | 'with' | 'except' | 'import' | 'def' | 'class'
  | 'param' | 'walrus' | 'global' | 'delete' | 'unpack';

/** One place where a name receives a value. */
export interface Definition {
  name: string;
  kind: DefinitionKind;
  /** The identifier being bound. */
  node: Node;
  /** The scope the name lives in: the module node (any cell) or a function/lambda/class/comprehension. */
  scope: Node;
  /** 'module' for every cell's module, else the scope node's key. */
  scopeKey: string;
  /** The assigned expression for `name = value` (not for unpacking or augmented assignment). */
  value?: Node;
  /** The offset from which the binding is in effect (after the value it binds is evaluated; see `bindsAt`). */
  boundAt: number;
  /** The statement (or clause) holding the binding. */
  statement: Node;
  /** For imports: the binding. */
  binding?: ImportBinding;
}

/** A call with its callee resolved through the imports. */
export interface CallSite {
  node: Node;
  callee: Node;
  argumentList: Node | null;
  /** Qualified name of the callee (`numpy.random.rand`), when it goes through an import or a builtin. */
  qname?: string;
  /** The last attribute of an attribute callee (`fit` in `model.fit(...)`). */
  method?: string;
  /** The object of an attribute callee (`model` in `model.fit(...)`). */
  receiver?: Node;
  /** Positional arguments, in order (splats excluded). */
  args: Node[];
  /** Keyword argument values by name. */
  kwargs: ReadonlyMap<string, Node>;
  /** The keyword_argument nodes by name (for edits). */
  keywordNodes: ReadonlyMap<string, Node>;
  /** True when `*args` or `**kwargs` is passed: any parameter may be set. */
  hasSplat: boolean;
  segmentIndex: number;
}

/** A module-level name bound exactly once in the whole file, to a literal. */
export interface ModuleConstant {
  name: string;
  value: LiteralValue;
  definition: Definition;
}

/** A class defined in the document, with its bases qualified where possible. */
export interface LocalClass {
  name: string;
  node: Node;
  /** Qualified base names (`torch.nn.Module`) or local class names prefixed `local:`. */
  bases: string[];
}

/**
 * A scope that name lookup walks, linked to the scope around it: a function, lambda or class body
 * (not its parameters, decorators or bases, which are evaluated outside it) or a comprehension.
 * The module is not a link: it is where every chain ends.
 */
export interface ScopeRef {
  node: Node;
  /** The key of the scope's definitions (`Definition.scopeKey`). */
  key: string;
  /** A class body: its names are not visible to the functions inside it. */
  isClass: boolean;
  parent?: ScopeRef | undefined;
}

/** What a resolved name refers to. */
export type Resolution =
  | { kind: 'import'; binding: ImportBinding; definition: Definition }
  | { kind: 'local'; definition: Definition }
  | { kind: 'builtin'; name: string }
  | { kind: 'unknown' };
