// The rule contract. A rule is one module exporting its metadata and either the listeners it
// subscribes to (the engine calls them from one traversal of the document, dispatch.ts) or, for a
// genuinely whole-document rule, a check that reads the semantic index itself. Either way it
// reports findings and never touches LSP types, files or settings.
import type { Node } from 'web-tree-sitter';
import type { Range, SourceDocument, TextEdit } from '../documents/types';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import type { DataIO, Mutation, NameRead } from '../semantics/dataflow';
import type { CollectedType } from '../semantics/walk';
import type { FixSafety, RuleMeta } from '../engine/types';
import type { ProjectSaves } from './shared/projectSaves';
import type { ProjectSeeders } from './shared/projectSeeders';
import type { LibraryFloors } from '../engine/versions';
import type { TestSetup } from './shared/testSetup';

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
  /** Another place of the same cause (a member of a reportGroup), not a place that gives context. */
  member?: boolean;
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

/** One place of a cause reported once (`reportGroup`): suppressed by the comments of its own lines, as a finding is. */
export interface MemberDescriptor {
  node?: Node;
  range?: Range;
  /** What this place is, shown when it is a related location of the group's finding. */
  related: string;
  /**
   * Whether this member can be the finding's place (it holds the evidence the message states: a
   * draw that reaches a result). Asked of the members left, in order, until one can; when absent, it can.
   */
  leads?(): boolean;
}

/**
 * One cause at several places (an estimator built without a seed at each of its calls): one
 * finding at the first member left once suppression comments are applied to each member on its
 * own lines, the other members its related locations. The message and the fix are built from the
 * members left, so a count in the message is true as written and the fix edits no suppressed place.
 */
export interface GroupDescriptor<M extends MemberDescriptor> {
  members: readonly M[];
  /** The message, given the members left, the finding's place first and the others in document order. */
  message(members: readonly M[]): string;
  /** The fix of the members left, if there is one. */
  fix?(members: readonly M[]): FixDescriptor | undefined;
  /** Locations that give context and are no member of the group: shown after the members, never filtered. */
  related?: RelatedDescriptor[];
}

export interface RuleContext {
  readonly doc: SourceDocument;
  readonly index: SemanticIndex;
  readonly meta: RuleMeta;
  report(descriptor: ReportDescriptor): void;
  /** Reports one cause found at several places as one finding (see GroupDescriptor); nothing when every member is suppressed. */
  reportGroup<M extends MemberDescriptor>(group: GroupDescriptor<M>): void;
  /** Parses a snippet of Python on its own and says whether it parsed cleanly. */
  parsesAsPython(snippet: string): boolean;
  /** What pytest seeds before this test module's tests (from its conftest.py files), when it is one. */
  readonly testSetup?: TestSetup;
  /** What the project modules the file imports save (from AnalysisConfig.projectModules), worked out at the first ask. */
  readonly project?: {
    saves(): ProjectSaves;
    /** The dataset names TFDS builder classes of those modules (and of the module named after a dataset the file loads) register. */
    tfdsBuilders(): ReadonlySet<string>;
    /** The functions of those modules that seed a library's generator (and the modules that seed as they are imported). */
    seeders(): ProjectSeeders;
  };
  /** The lowest version of each library the project's requirements allow (from AnalysisConfig.libraryFloors). */
  readonly libraryFloors?: LibraryFloors;
}

/** A listener for the collected nodes of one kind (`comparison_operator`, `assignment`...). */
export type NodeListeners = { readonly [K in Exclude<CollectedType, 'call'>]?: (node: Node) => void };

/** Calls a `call` listener wants, looked up by the engine instead of offering it every call. */
export interface CalleeSelection {
  /** Qualified callees (`numpy.array`, `builtins.open`). */
  readonly qualified?: Iterable<string>;
  /** Qualified modules: every callee in them (`numpy.random` selects `numpy.random.rand`). */
  readonly modules?: Iterable<string>;
  /** Method names on any receiver (`fit`, `tolist`). */
  readonly methods?: Iterable<string>;
}

/**
 * What a rule subscribes to. The engine walks the document once, in document order, and calls
 * each listener for its events; at one node, the node's kind comes first, then what the model
 * says of it (call, load, save, write, read). `finish` runs after the traversal.
 */
export interface RuleListeners extends NodeListeners {
  /** Each call, with its callee qualified (`index.calls`); only those of `callees` when given. */
  call?(site: CallSite): void;
  callees?: CalleeSelection;
  /** Each load of data or a model from the I/O catalogue (`dataflow.io`, direction read). */
  load?(io: DataIO): void;
  /** Each save of data or a model (`dataflow.io`, direction write). */
  save?(io: DataIO): void;
  /** Each write into an object a name holds (`dataflow.mutations`), at the writing assignment or call. */
  write?(mutation: Mutation): void;
  /** Each read of a name (`dataflow.reads`). */
  read?(read: NameRead): void;
  /** After the traversal: the conclusions that need the whole document. */
  finish?(): void;
}

/** A rule has exactly one of `listen` and `check` (the registry test holds every rule to it). */
export interface Rule {
  meta: RuleMeta;
  /** A rule that subscribes: runs once per analysis and returns its listeners, or none when the document gives it nothing to do. */
  listen?(context: RuleContext): RuleListeners | undefined;
  /** A genuinely whole-document rule: reads the index itself. */
  check?(context: RuleContext): void;
}

