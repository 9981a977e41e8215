// The semantic index of one document version: built once from one walk of its trees, then read
// by every rule. It answers: what is imported under which name, what does this call resolve to,
// where is this name bound, what value or constructor is behind this expression.
import type { Node } from 'web-tree-sitter';
import type { ParsedDocument } from '../parsing/incremental';
import type { SourceDocument } from '../documents/types';
import { lineAt, segmentIndexAtLine } from '../documents/positions';
import { isTestModule } from '../documents/testModules';
import { IPYTHON_NAMES, PYTHON_BUILTINS } from './builtins';
import { callSiteOf } from './calls';
import { DataFlow } from './dataflow';
import { collectDefinitions, MODULE_SCOPE, parameterName, SCOPE_TYPES } from './definitions';
import { collectImports } from './imports';
import { literalValue, type LiteralValue } from './literals';
import { LIBRARY_SEEDERS, LOGGER_FACTORIES, PROCESS_SETUP_FUNCTIONS, TEST_SETUP_FUNCTIONS } from './library/processSetup';
import { ScopeFrames, type ScopeFrame } from './scopes';
import { ancestor, enclosingFunction, firstStartAtOrAfter, isAncestorOf, memoKey, methodClass, nodeKey, sameNode, startingWithin, startsOf, stripParens } from './nodes';
import type { CallSite, Definition, ImportBinding, LocalClass, ModuleConstant, Resolution, ScopeRef } from './types';
import { SyntaxNode } from './syntax';
import { pushTo } from '../engine/collections';
import { tablesOf, walkTrees, type CollectedType, type NodesByType, type SyntaxTables } from './walk';

export type { CallSite, Definition, ImportBinding, LocalClass, ModuleConstant, Resolution, ScopeRef } from './types';
export type { DataFlow } from './dataflow';

const MAX_ALIAS_DEPTH = 6;

/** A parameter that takes the next positional argument: a name, typed or with a default (not `*args`, `**kw`, `*` or `/`). */
function isPositionalParameter(param: Node): boolean {
  return param.type === 'identifier' || param.type === 'typed_parameter' || param.type === 'default_parameter' || param.type === 'typed_default_parameter';
}

/** Compound statements whose bodies run where they stand: at module level, as module-level code. */
const MODULE_LEVEL_COMPOUNDS = new Set(['for_statement', 'while_statement', 'with_statement', 'if_statement', 'try_statement']);
/** Their clauses that hold a further body (`else:`, `elif ...:`, `except ...:`, `finally:`). */
const MODULE_LEVEL_CLAUSES = new Set(['else_clause', 'elif_clause', 'except_clause', 'except_group_clause', 'finally_clause']);

export class SemanticIndex {
  readonly doc: SourceDocument;
  readonly roots: Node[];
  readonly imports: ImportBinding[];
  readonly definitions: Definition[];
  readonly calls: CallSite[];
  readonly classes = new Map<string, LocalClass>();
  readonly constants = new Map<string, ModuleConstant>();
  /** Top-level packages imported anywhere (`numpy`, `sklearn`, `torch`). */
  readonly importedPackages = new Set<string>();
  /** Every dotted prefix of every imported name (`sklearn`, `sklearn.svm`, `sklearn.svm.SVC`). */
  private readonly importedPrefixes = new Set<string>();
  /** Number of nodes the walk visited. */
  readonly visitedNodes: number;

  private readonly byType: NodesByType;
  private readonly bindings = new Map<string, Map<string, Definition[]>>();
  private readonly scopes: ScopeFrames;
  private readonly byName = new Map<string, Definition[]>();
  private readonly globalsByScope = new Map<string, Set<string>>();
  /** The start offsets of `calls` and of the collected nodes of each type, for the binary searches of callsWithin and nodesWithin. */
  private callStarts: Int32Array | undefined;
  private readonly nodeStarts = new Map<CollectedType, Int32Array>();
  /** The calls by `nodeKey`, for nodes that are not the table's: built on the first such question. */
  private callsByKey: Map<string, CallSite> | undefined;
  /** Answers of valueOf and constructedClass, by syntax-table node id: several rules ask them of the same nodes. */
  private readonly values = new Map<number, Node>();
  private readonly constructed = new Map<number | string, string | null>();
  private readonly instanceAttributes = new Map<string, Node[]>();
  private readonly passed = new Map<string, Node[] | undefined>();
  private byCalleeName: Map<string, CallSite[]> | undefined;
  private flow: DataFlow | undefined;
  private names: Set<string> | undefined;
  /** mentionsName's answers: fixes ask for the same fresh names once per finding. */
  private readonly mentioned = new Map<string, boolean>();

  /** `tables`, in the language server, holds the previous version's syntax tables to reuse. */
  constructor(parsed: ParsedDocument, tables?: SyntaxTables) {
    this.doc = parsed.doc;
    const walk = walkTrees(tables ? tables.tablesOf(parsed) : tablesOf(parsed));
    this.byType = walk.byType;
    this.roots = walk.roots;
    this.visitedNodes = walk.visited;
    this.scopes = new ScopeFrames(walk.byType);
    this.imports = collectImports(this.byType);
    for (const binding of this.imports) {
      const parts = binding.target.split('.');
      this.importedPackages.add(parts[0]);
      for (let i = 1; i <= parts.length; i++) this.importedPrefixes.add(parts.slice(0, i).join('.'));
    }

    // `global x` inside a function makes its assignments to x module-level.
    for (const statement of this.nodes('global_statement')) {
      const scope = this.scopeChain(statement);
      if (!scope) continue;
      const names = this.globalsByScope.get(scope.key) ?? new Set<string>();
      for (const name of statement.namedChildren) if (name?.type === 'identifier') names.add(name.text);
      this.globalsByScope.set(scope.key, names);
    }
    this.definitions = collectDefinitions(this.byType, this.imports);
    for (let i = 0; i < this.definitions.length; i++) {
      const definition = this.definitions[i];
      if (definition.kind !== 'global' && this.globalsByScope.size > 0 && this.globalsByScope.get(definition.scopeKey)?.has(definition.name)) {
        definition.scopeKey = MODULE_SCOPE;
      }
      let scope = this.bindings.get(definition.scopeKey);
      if (!scope) this.bindings.set(definition.scopeKey, (scope = new Map<string, Definition[]>()));
      pushTo(scope, definition.name, definition);
      pushTo(this.byName, definition.name, definition);
    }

    this.collectClasses();
    this.collectConstants();

    this.calls = [];
    const callNodes = this.nodes('call');
    const qualify = (callee: Node) => this.qualify(callee);
    for (let i = 0; i < callNodes.length; i++) {
      const node = callNodes[i];
      const call = callSiteOf(node, this.segmentIndexOf(node), qualify);
      if (!call) continue;
      this.calls.push(call);
    }
  }

  /** Every collected node of `type`, in document order. */
  nodes(type: CollectedType): readonly Node[] {
    return this.byType.get(type) ?? [];
  }

  /** The collected nodes of `type` inside `node` (itself included), in document order, found by binary search. */
  nodesWithin(type: CollectedType, node: Node): readonly Node[] {
    const nodes = this.nodes(type);
    let starts = this.nodeStarts.get(type);
    if (!starts) this.nodeStarts.set(type, (starts = startsOf(nodes, (n) => n.startIndex)));
    return startingWithin(nodes, starts, node, (n) => n);
  }

  /** The calls inside `node` (itself included), in document order. */
  callsWithin(node: Node): readonly CallSite[] {
    return startingWithin(this.calls, this.startsOfCalls(), node, (call) => call.node);
  }

  /** The calls that start at or after offset `from` and before `to`, in document order. */
  callsBetween(from: number, to: number): readonly CallSite[] {
    const starts = this.startsOfCalls();
    return this.calls.slice(firstStartAtOrAfter(starts, from), firstStartAtOrAfter(starts, to));
  }

  /**
   * The def-use layer (reads and their bindings, reaching definitions, writes into objects, value
   * kinds, paths, data I/O, lineage): built on first use, once per document version.
   */
  get dataflow(): DataFlow {
    if (!this.flow) {
      this.flow = new DataFlow(this);
      this.flow.collectIO();
    }
    return this.flow;
  }

  segmentIndexOf(node: Node): number {
    // A script is one segment holding every line: no position to compute (asked for every call).
    if (this.doc.segments.length === 1) return 0;
    // The line from the offset: a node's startPosition builds a point (asked for every call and read of a notebook).
    return segmentIndexAtLine(this.doc, lineAt(this.doc, node.startIndex));
  }

  // ---- imports ---------------------------------------------------------------------------

  /** True when the file imports `module` or anything under it (`sklearn` matches `sklearn.svm`). */
  importsModule(module: string): boolean {
    return this.importedPrefixes.has(module);
  }

  /** True when any of the packages (or modules) is imported. */
  importsAny(packages: Iterable<string>): boolean {
    for (const p of packages) if (this.importedPrefixes.has(p)) return true;
    return false;
  }

  /** The local name bound to exactly `module` by a top-level `import module [as x]`. */
  moduleAlias(module: string): ImportBinding | undefined {
    return this.imports.find((b) => !b.isFrom && b.target === module && b.topLevel);
  }

  // ---- names -----------------------------------------------------------------------------

  private enclosingScope(node: Node): Node | undefined {
    return ancestor(node, SCOPE_TYPES);
  }

  /**
   * The scopes whose names a read at `node` sees, innermost first: function, lambda and class
   * bodies (not their parameters, decorators or bases, which are evaluated outside) and comprehensions.
   */
  scopeChain(node: Node): ScopeFrame | undefined {
    return this.scopes.at(node.startIndex);
  }

  /** True when any identifier in the document is spelled `name`: a binding, a read, an attribute or keyword name. */
  mentionsName(name: string): boolean {
    let answer = this.mentioned.get(name);
    if (answer === undefined) {
      // Every identifier is a slice of the text: a name the text does not hold needs no set of them.
      answer = this.doc.text.includes(name) && (this.names ??= new Set(this.nodes('identifier').map((id) => this.doc.text.slice(id.startIndex, id.endIndex)))).has(name);
      this.mentioned.set(name, answer);
    }
    return answer;
  }

  /** All bindings of `name`, in any scope, in document order. */
  definitionsOf(name: string): readonly Definition[] {
    return this.byName.get(name) ?? [];
  }

  /** The binding an identifier makes where it is bound (`model` in `model = RF()`); undefined where it is only read. */
  boundAt(identifier: Node): Definition | undefined {
    return this.definitionsOf(identifier.text).find((definition) => definition.node.startIndex === identifier.startIndex);
  }

  /** Bindings of `name` at module level (every cell of a notebook shares them). */
  moduleDefinitionsOf(name: string): readonly Definition[] {
    return this.definitionsIn(MODULE_SCOPE, name);
  }

  /** Bindings of `name` in the scope with key `scopeKey` (`Definition.scopeKey`), in document order. */
  definitionsIn(scopeKey: string, name: string): readonly Definition[] {
    return this.bindings.get(scopeKey)?.get(name) ?? [];
  }

  /**
   * What `name` refers to at `at`: the innermost function scope that binds it, else the module
   * binding in effect there (the last one before `at`, or the first one after it, which in a
   * notebook or a function body is what runs), else a builtin.
   */
  resolve(name: string, at: Node): Resolution {
    // The answer depends on the name and the start of `at` alone; the def-use layer, once built,
    // has resolved every read, so a read of this name starting there already holds it.
    const read = this.flow?.readAt(at);
    if (read && read.name === name) return read.resolution;
    return this.lookup(name, this.scopeChain(at), at);
  }

  /** `resolve` for a read whose scope chain is already known (the def-use layer computes it in one sweep). */
  lookup(name: string, chain: ScopeRef | undefined, at: Node): Resolution {
    let innermost = true;
    for (let scope = chain; scope; scope = scope.parent) {
      // A class body is a scope only for code directly in it, not for the methods inside.
      if (scope.isClass && !innermost) continue;
      innermost = false;
      if (this.globalsByScope.get(scope.key)?.has(name)) break;
      const defs = this.bindings.get(scope.key)?.get(name);
      if (defs?.length) return this.toResolution(pick(defs, at));
    }
    const defs = this.moduleDefinitionsOf(name);
    if (defs.length) return this.toResolution(pick(defs, at));
    if (PYTHON_BUILTINS.has(name) || (this.doc.kind === 'notebook' && IPYTHON_NAMES.has(name))) return { kind: 'builtin', name };
    return { kind: 'unknown' };
  }

  private toResolution(definition: Definition): Resolution {
    if (definition.kind === 'import' && definition.binding) return { kind: 'import', binding: definition.binding, definition };
    return { kind: 'local', definition };
  }

  /** The binding in effect for an identifier (undefined for imports, builtins and unknown names). */
  definitionFor(identifier: Node): Definition | undefined {
    const resolution = this.resolve(identifier.text, identifier);
    return resolution.kind === 'local' ? resolution.definition : undefined;
  }

  /**
   * The qualified name of a name or attribute chain: `np.random.rand` -> `numpy.random.rand`,
   * `tts` -> `sklearn.model_selection.train_test_split`, `open` -> `builtins.open`; follows simple
   * aliases (`RF = RandomForestClassifier`). Undefined when the root is not an import or builtin.
   */
  qualify(expression: Node, depth = 0): string | undefined {
    const node = stripParens(expression);
    if (depth > MAX_ALIAS_DEPTH) return undefined;
    if (node.type === 'identifier') {
      const resolution = this.resolve(node.text, node);
      if (resolution.kind === 'import') return resolution.binding.target;
      if (resolution.kind === 'builtin') return `builtins.${resolution.name}`;
      if (resolution.kind === 'local') {
        const { definition } = resolution;
        const value = definition.value;
        if (definition.kind === 'assign' && value && (value.type === 'identifier' || value.type === 'attribute') && this.isOnlyBinding(definition)) {
          return this.qualify(value, depth + 1);
        }
      }
      return undefined;
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      if (!object || !attribute) return undefined;
      const base = this.qualify(object, depth + 1);
      return base ? `${base}.${attribute.text}` : undefined;
    }
    return undefined;
  }



  /** True when the definition is the only binding of its name in its scope. */
  isOnlyBinding(definition: Definition): boolean {
    return (this.bindings.get(definition.scopeKey)?.get(definition.name)?.length ?? 0) === 1;
  }

  // ---- calls and values -----------------------------------------------------------------

  private startsOfCalls(): Int32Array {
    return (this.callStarts ??= startsOf(this.calls, (call) => call.node.startIndex));
  }

  /**
   * The call site of a `call` node: by binary search over the calls' starts (a call and the call
   * it calls, `f(x)(y)`, start together, so the node's id settles it). A map of every call by id
   * outlived every scavenge of an analysis.
   */
  call(node: Node): CallSite | undefined {
    if (node instanceof SyntaxNode) {
      const { calls } = this;
      const starts = this.startsOfCalls();
      for (let i = firstStartAtOrAfter(starts, node.startIndex); i < calls.length && starts[i] === node.startIndex; i++) {
        if (calls[i].node.id === node.id) return calls[i];
      }
      return undefined;
    }
    this.callsByKey ??= new Map(this.calls.map((call) => [nodeKey(call.node), call]));
    return this.callsByKey.get(nodeKey(node));
  }

  /**
   * Calls whose qualified name is one of `qnames` (or passes the predicate). The answer for a set is
   * kept: rules ask it once per load or save with the same constant set, and a scan of every call
   * per question is quadratic.
   */
  callsTo(match: ReadonlySet<string> | ((qname: string) => boolean)): readonly CallSite[] {
    if (typeof match === 'function') return this.calls.filter((call) => call.qname !== undefined && match(call.qname));
    this.callsToSet ??= new WeakMap();
    let found = this.callsToSet.get(match);
    if (!found) {
      found = this.calls.filter((call) => call.qname !== undefined && match.has(call.qname));
      this.callsToSet.set(match, found);
    }
    return found;
  }

  /** Calls of a method name on any receiver (`fit`, `predict_proba`), in document order. */
  methodCalls(method: string): readonly CallSite[] {
    // Grouped once: rules ask per save or per model, and a scan of every call per question is quadratic.
    if (!this.callsByMethod) {
      this.callsByMethod = new Map();
      for (const call of this.calls) if (call.method !== undefined) pushTo(this.callsByMethod, call.method, call);
    }
    return this.callsByMethod.get(method) ?? [];
  }

  private callsByMethod: Map<string, CallSite[]> | undefined;
  private callsToSet: WeakMap<ReadonlySet<string>, CallSite[]> | undefined;

  /**
   * The expression behind `expression`: for a name, the value it was assigned where it is read
   * (following `y = x` chains); otherwise the expression itself without parentheses. The binding
   * is the def-use layer's: the one binding that reaches the read (see `bindingAt`), so this and
   * `dataflow.reachingDefinitions` never disagree; a name several bindings may reach is itself.
   */
  valueOf(expression: Node, depth = 0): Node {
    const node = stripParens(expression);
    if (node.type !== 'identifier' || depth > MAX_ALIAS_DEPTH) return node;
    // Memoised only from the top: an answer found deeper in a chain was cut at a different depth.
    const memo = depth === 0 && node instanceof SyntaxNode;
    if (memo) {
      const known = this.values.get(node.id);
      if (known) return known;
    }
    const definition = this.bindingAt(node);
    const value = !definition || (definition.kind !== 'assign' && definition.kind !== 'walrus') || !definition.value ? node : this.valueOf(definition.value, depth + 1);
    if (memo) this.values.set(node.id, value);
    return value;
  }

  /**
   * The binding a name holds where it is read: the only one that reaches the read (flow-sensitive,
   * cells in order); none when several may reach it. A name the def-use layer does not see as a
   * read (a binding or a keyword) resolves by scope, as `definitionFor`.
   */
  bindingAt(identifier: Node): Definition | undefined {
    const read = this.dataflow.readAt(identifier);
    if (!read) return this.definitionFor(identifier);
    const reaching = this.dataflow.reachingDefinitions(read);
    return reaching.length === 1 ? reaching[0] : undefined;
  }

  /** The call that produced the value of `expression`, directly or through a variable. */
  originCall(expression: Node): CallSite | undefined {
    const value = this.valueOf(expression);
    return value.type === 'call' ? this.call(value) : undefined;
  }

  /**
   * The class of the object behind `expression` when it was built by a constructor call:
   * a qualified name (`sklearn.ensemble.RandomForestClassifier`) or `local:Name`.
   */
  constructedClass(expression: Node): string | undefined {
    const key = memoKey(expression);
    // One lookup per question: "no class" is kept as null.
    const known = this.constructed.get(key);
    if (known !== undefined) return known ?? undefined;
    const answer = this.constructedClassOf(expression);
    this.constructed.set(key, answer ?? null);
    return answer;
  }

  private constructedClassOf(expression: Node): string | undefined {
    const call = this.originCall(expression);
    if (!call) return undefined;
    if (call.qname) return call.qname;
    if (call.callee.type === 'identifier') {
      const local = this.classes.get(call.callee.text);
      if (local && this.resolve(call.callee.text, call.callee).kind === 'local') return `local:${local.name}`;
    }
    return undefined;
  }

  /** True when `className` (qualified or `local:`) is, or derives from, a class matching `test`. */
  classMatches(className: string, test: (qname: string) => boolean, seen?: Set<string>): boolean {
    // Most classes are imported: no set of visited classes for them (asked for every call by some rules).
    if (!className.startsWith('local:')) return test(className);
    seen ??= new Set();
    if (seen.has(className)) return false;
    seen.add(className);
    const local = this.classes.get(className.slice('local:'.length));
    return !!local && local.bases.some((base) => this.classMatches(base, test, seen));
  }

  /**
   * The values assigned to the instance attribute `self.<name>` anywhere in the class whose method
   * reads `attribute` (`self.net = nn.Linear(4, 2)` in `__init__`), in document order. `self` is
   * each method's first parameter, whatever its name. Empty when `attribute` is not
   * `<first parameter>.<name>` inside a method.
   */
  instanceAttributeValues(attribute: Node): Node[] {
    const node = stripParens(attribute);
    const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
    const cls = name ? this.methodClass(node) : undefined;
    if (!name || !cls) return [];
    const key = `${nodeKey(cls)}:${name}`;
    let values = this.instanceAttributes.get(key);
    if (!values) {
      values = [];
      for (const assignment of this.nodes('assignment')) {
        if (assignment.startIndex < cls.startIndex || assignment.endIndex > cls.endIndex) continue;
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right');
        if (left?.type === 'attribute' && right && left.childForFieldName('attribute')?.text === name && this.methodClass(left)?.startIndex === cls.startIndex) values.push(right);
      }
      this.instanceAttributes.set(key, values);
    }
    return values;
  }

  /** The class of the method in which `attribute`'s object is the method's first parameter (`self.x`). */
  private methodClass(attribute: Node): Node | undefined {
    const object = attribute.childForFieldName('object');
    if (object?.type !== 'identifier') return undefined;
    const method = this.enclosingScope(attribute);
    if (method?.type !== 'function_definition' || method.childForFieldName('parameters')?.namedChild(0)?.text !== object.text) return undefined;
    return methodClass(method); // also under @property, @torch.no_grad()
  }

  /** The type annotation of the parameter a name refers to (`pd.DataFrame` for `df` in `def f(df: pd.DataFrame)`). */
  parameterAnnotation(identifier: Node): Node | undefined {
    const definition = this.definitionFor(identifier);
    if (definition?.kind !== 'param') return undefined;
    return definition.node.parent?.childForFieldName('type')?.namedChild(0) ?? undefined;
  }

  /**
   * How a function hands control back, in its own body (not a nested function's or lambda's): its
   * `return` statements and its `yield` expressions used as statements, in document order.
   */
  functionExits(fn: Node): { returns: readonly Node[]; yields: readonly Node[] } {
    const own = (node: Node) => sameNode(enclosingFunction(node), fn);
    return {
      returns: this.nodesWithin('return_statement', fn).filter(own),
      yields: this.nodesWithin('expression_statement', fn).filter(own).map((statement) => statement.namedChild(0)).filter((child): child is Node => child?.type === 'yield'),
    };
  }

  /**
   * For a name read inside a function that is one of its parameters, or for the parameter's own
   * name in the signature, the expressions passed for it at every call of the function by its name
   * (`train(net, opt)` gives `opt` for `optimizer`).
   * For a method, the calls the file makes of it on `self` and on the objects it builds from the
   * class (see methodArguments). Undefined when the name is not a parameter, the function is a lambda,
   * it is never called, or a call passes splats or leaves the parameter to its default: then nothing
   * is known about the parameter's value.
   */
  passedArguments(identifier: Node): Node[] | undefined {
    const bound = this.boundAt(identifier);
    const parameter = bound?.kind === 'param' ? bound : this.definitionFor(identifier);
    if (!parameter || parameter.kind !== 'param') return undefined;
    const key = nodeKey(parameter.node);
    if (!this.passed.has(key)) this.passed.set(key, this.argumentsFor(parameter));
    return this.passed.get(key);
  }

  /** The calls whose callee is the plain name `name` (`fit_model(X, y)`), whatever it resolves to. */
  callsNamed(name: string): readonly CallSite[] {
    return this.callsByName().get(name) ?? [];
  }

  /** Calls whose callee is a plain name, by that name (built on first use). */
  private callsByName(): Map<string, CallSite[]> {
    if (!this.byCalleeName) {
      this.byCalleeName = new Map();
      for (const call of this.calls) {
        if (call.callee.type !== 'identifier') continue;
        const list = this.byCalleeName.get(call.callee.text) ?? [];
        list.push(call);
        this.byCalleeName.set(call.callee.text, list);
      }
    }
    return this.byCalleeName;
  }

  /**
   * The arguments the file's calls of a method pass for its parameter at `position` (the first being
   * `self` or `cls`): calls on `self` and on objects the file builds from the class, and, for a class or
   * static method, through the class's name (`Wrapper.from_file(path)`). Undefined when another call
   * of a method of that name has a receiver that is not a module (`other.load(p)` on an object of
   * unknown class may call this one with any value), or the method has another decorator.
   */
  private methodArguments(fn: Node, cls: Node, name: string, parameter: string, position: number): Node[] | undefined {
    const decorators = fn.parent?.type === 'decorated_definition' ? fn.parent.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text) : [];
    if (decorators.some((d) => d !== '@staticmethod' && d !== '@classmethod')) return undefined;
    const bound = decorators.includes('@staticmethod') ? 0 : 1;
    if (position < bound) return undefined;
    const onObjects = new Set(this.dataflow.methodCallsOf(fn).map((read) => read.node.startIndex));
    const values: Node[] = [];
    for (const call of this.methodCalls(name)) {
      const receiver = call.receiver?.type === 'identifier' ? call.receiver : undefined;
      const target = receiver ? this.resolve(receiver.text, receiver) : undefined;
      if (target?.kind === 'import') continue;
      const throughClass = target?.kind === 'local' && target.definition.kind === 'class' && target.definition.statement.startIndex === cls.startIndex;
      if (!(receiver && onObjects.has(receiver.startIndex)) && !(throughClass && decorators.length > 0)) return undefined;
      const value = call.kwargs.get(parameter) ?? call.args[position - bound];
      if (call.hasSplat || !value) return undefined;
      values.push(value);
    }
    return values.length > 0 ? values : undefined;
  }

  /**
   * The parameter (its name) that a call by name of a function of the file passes `argument` for:
   * `fit_model(X, y)` passes `X` for `features` in `def fit_model(features, labels)`. Undefined for
   * methods, splats, and positions past a `*args` or a `*` marker.
   */
  parameterFor(call: CallSite, argument: Node): Node | undefined {
    if (call.callee.type !== 'identifier' || call.hasSplat) return undefined;
    const target = this.resolve(call.callee.text, call.callee);
    const fn = target.kind === 'local' && target.definition.kind === 'def' ? target.definition.statement : undefined;
    if (fn?.type !== 'function_definition' || fn.parent?.parent?.type === 'class_definition') return undefined;
    const parameters = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p && p.type !== 'comment');
    const keyword = [...call.kwargs].find(([, value]) => sameNode(value, argument))?.[0];
    if (keyword) return parameters.filter((p) => !/splat/.test(p.type)).map(parameterName).find((name) => name?.text === keyword);
    const position = call.args.findIndex((value) => sameNode(value, argument));
    if (position < 0 || position >= parameters.length || !parameters.slice(0, position + 1).every(isPositionalParameter)) return undefined;
    return parameterName(parameters[position]);
  }

  private argumentsFor(parameter: Definition): Node[] | undefined {
    const fn = parameter.statement.parent;
    if (fn?.type !== 'function_definition') return undefined;
    const name = fn.childForFieldName('name')?.text;
    const position = parameter.statement.namedChildren.findIndex((p) => !!p && (p.startIndex === parameter.node.startIndex || p.childForFieldName('name')?.startIndex === parameter.node.startIndex || p.namedChild(0)?.startIndex === parameter.node.startIndex));
    // After a bare `*` or `*args` a parameter is keyword-only (`def check(*, output_dir)`): only `output_dir=` gives it a value.
    const keywordOnly = parameter.statement.namedChildren.slice(0, position).some((p) => p?.type === 'keyword_separator' || p?.type === 'list_splat_pattern');
    if (!name || position < 0 || (!keywordOnly && !parameter.statement.namedChildren.slice(0, position).every((p) => !!p && isPositionalParameter(p)))) return undefined;
    const cls = methodClass(fn);
    if (cls) return keywordOnly ? undefined : this.methodArguments(fn, cls, name, parameter.name, position);
    const values: Node[] = [];
    for (const call of this.callsByName().get(name) ?? []) {
      const target = this.resolve(name, call.callee);
      if (target.kind !== 'local' || target.definition.kind !== 'def' || target.definition.statement.startIndex !== fn.startIndex) continue;
      const value = call.kwargs.get(parameter.name) ?? (keywordOnly ? undefined : call.args[position]);
      if (call.hasSplat || !value) return undefined;
      values.push(value);
    }
    return values.length > 0 ? values : undefined;
  }

  /**
   * What every call of the file gives the parameter `identifier` reads: the argument it passes, or
   * the parameter's default where it passes none. The calls are those of a function by its name, or
   * the constructions of a class by its name for the parameter of its `__init__` (`self` not passed).
   * Undefined when the parameter is rebound, a call passes a splat or gives no value, there is no
   * call, or the name is read outside its definition otherwise than called: handed on, it may be
   * called with other values.
   */
  valuesGiven(identifier: Node): Node[] | undefined {
    const parameter = this.bindingAt(identifier);
    if (parameter?.kind !== 'param' || !this.isOnlyBinding(parameter)) return undefined;
    const fn = parameter.statement.parent;
    if (fn?.type !== 'function_definition') return undefined;
    const owner = fn.parent?.parent?.type === 'class_definition' ? fn.parent.parent : undefined;
    const callee = owner ? (fn.childForFieldName('name')?.text === '__init__' ? owner : undefined) : fn;
    const name = callee?.childForFieldName('name')?.text;
    const parameters = parameter.statement.namedChildren.filter((p): p is Node => !!p && p.type !== 'comment');
    const position = parameters.findIndex((p) => parameterName(p)?.startIndex === parameter.node.startIndex);
    if (!callee || !name || position < 0 || !parameters.slice(0, position + 1).every(isPositionalParameter)) return undefined;
    const calls = (this.callsByName().get(name) ?? []).filter((call) => {
      const target = this.resolve(name, call.callee);
      return target.kind === 'local' && target.definition.statement.startIndex === callee.startIndex;
    });
    // Reads inside the definition itself (`super(Denoiser, self)`) hand it nowhere.
    const reads = this.identifiersNamed(name).filter((id) => !isAncestorOf(callee, id));
    if (calls.length === 0 || reads.length !== calls.length) return undefined;
    const values: Node[] = [];
    for (const call of calls) {
      const value = call.kwargs.get(parameter.name) ?? call.args[owner ? position - 1 : position] ?? parameters[position].childForFieldName('value');
      if (call.hasSplat || !value) return undefined;
      values.push(value);
    }
    return values;
  }

  /** The file's identifiers spelled `name` (the map built on first use, not a scan per question). */
  identifiersNamed(name: string): readonly Node[] {
    if (!this.byIdentifierText) {
      this.byIdentifierText = new Map();
      for (const id of this.nodes('identifier')) pushTo(this.byIdentifierText, id.text, id);
    }
    return this.byIdentifierText.get(name) ?? [];
  }

  private byIdentifierText?: Map<string, Node[]>;

  /** The module constant an identifier refers to where it is read (not a local that shadows it). */
  constantAt(identifier: Node): ModuleConstant | undefined {
    const constant = this.constants.get(identifier.text);
    if (!constant) return undefined;
    const resolution = this.resolve(identifier.text, identifier);
    return resolution.kind === 'local' && resolution.definition === constant.definition ? constant : undefined;
  }

  /** The literal value of an expression, following module constants (`SEED` -> 42). */
  literal(expression: Node): LiteralValue | undefined {
    const node = stripParens(expression);
    if (node.type === 'identifier') return this.constantAt(node)?.value;
    return literalValue(node);
  }

  // ---- document-level facts ---------------------------------------------------------------

  /**
   * True for code that runs as a program: a notebook, a script with a `__main__` guard, or a file
   * with calls at module level. A module of only definitions is a library, seeded by its caller;
   * calls that only set the process up (logging, warnings, display options) or a test module's cases do not make it a program.
   */
  get isEntryPoint(): boolean {
    // Asked per finding by several rules: walking every statement each time made them quadratic.
    return (this.entryPoint ??= this.doc.kind === 'notebook' || this.mainGuards.length > 0 || this.runsAtModuleLevel);
  }

  private entryPoint?: boolean;

  /** The file's `if __name__ == "__main__":` blocks, at module level. */
  get mainGuards(): readonly Node[] {
    return (this.guards ??= this.roots.flatMap((root) => root.namedChildren.filter((statement): statement is Node => statement?.type === 'if_statement'
      && /__name__\s*==\s*['"]__main__['"]/.test(statement.childForFieldName('condition')?.text ?? ''))));
  }

  private guards?: Node[];

  /**
   * True when a module-level statement is a call that does more than set the process up (logging,
   * warnings). A statement in the body of a module-level `for`, `while`, `with`, `if` or `try` runs
   * at module level too (a script that trains one model per dataset in a top-level loop, or writes
   * in a `with open(...)` block, is a program); a function's or a class's body is not, nor is a
   * `__main__` block, which the rules judge by what it runs.
   */
  get runsAtModuleLevel(): boolean {
    return (this.moduleLevelRun ??= this.roots.some((root) => root.namedChildren.some((statement) => !!statement && this.runsCall(statement))));
  }

  private runsCall(statement: Node): boolean {
    if (statement.type === 'expression_statement') {
      const expression = statement.namedChild(0);
      return expression?.type === 'call' && !this.onlySetsUpProcess(expression);
    }
    if (!MODULE_LEVEL_COMPOUNDS.has(statement.type)) return false;
    // A `__main__` block is judged on its own (isEntryPoint asks mainGuards, and the rules what it runs).
    if (statement.type === 'if_statement' && /__name__\s*==\s*['"]__main__['"]/.test(statement.childForFieldName('condition')?.text ?? '')) return false;
    return statement.namedChildren.some((part) => !!part && (part.type === 'block' || MODULE_LEVEL_CLAUSES.has(part.type))
      && part.namedChildren.some((inner) => !!inner && (inner.type === 'block'
        ? inner.namedChildren.some((nested) => !!nested && this.runsCall(nested))
        : this.runsCall(inner))));
  }

  private moduleLevelRun?: boolean;

  /**
   * `logger.setLevel(logging.INFO)`, `warnings.filterwarnings(...)`: configures the process, runs no
   * program; nor does a test module's seed, or its `instantiate_parametrized_tests(TestX)` or `pytest.importorskip(...)`.
   */
  private onlySetsUpProcess(node: Node): boolean {
    const call = this.call(node);
    if (!call) return false;
    const qname = call.qname;
    if (qname) return PROCESS_SETUP_FUNCTIONS.test(qname) || TEST_SETUP_FUNCTIONS.test(qname) || this.seedsForTests(qname);
    return this.isLoggerMethod(call);
  }

  /** `logger.info(...)` on a logger from `logging.getLogger(__name__)` (or a library's `get_logger`): its methods only log. */
  isLoggerMethod(call: CallSite): boolean {
    const maker = call.receiver ? this.originCall(call.receiver)?.qname : undefined;
    return !!maker && LOGGER_FACTORIES.test(maker);
  }

  /**
   * A pytest test module's top level is what pytest runs before its tests: a library seeded there
   * (`np.random.seed(12345)`) is seeded for them, and nothing runs yet. Elsewhere a top-level seed
   * may open a script whose work the statements below it do.
   */
  private seedsForTests(qname: string): boolean {
    return isTestModule(this.doc.uri) && Object.values(LIBRARY_SEEDERS).some((seeders) => seeders.has(qname));
  }

  /** The bases of a class statement: qualified names, or `local:Name` for the file's own classes. */
  classBases(node: Node): string[] {
    const bases: string[] = [];
    for (const base of node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (!base || base.type === 'keyword_argument') continue;
      const qualified = this.qualify(base);
      if (qualified) bases.push(qualified);
      else if (base.type === 'identifier') bases.push(`local:${base.text}`);
    }
    return bases;
  }

  private collectClasses(): void {
    for (const node of this.nodes('class_definition')) {
      const name = node.childForFieldName('name');
      if (name) this.classes.set(name.text, { name: name.text, node, bases: this.classBases(node) });
    }
  }

  private collectConstants(): void {
    this.bindings.get(MODULE_SCOPE)?.forEach((defs, name) => {
      if (defs.length !== 1) return;
      const definition = defs[0];
      if (definition.kind !== 'assign' || !definition.value) return;
      const value = literalValue(definition.value);
      if (value) this.constants.set(name, { name, value, definition });
    });
  }
}

/**
 * The binding in effect at `at`: the last one in effect before it (so `df` on the right of
 * `df = df.dropna()` is the previous `df`), else the first one after it.
 */
function pick(defs: readonly Definition[], at: Node): Definition {
  const offset = at.startIndex;
  // The bindings are in document order: those starting at or before the read are found by binary
  // search (a name rebound many times, `df = ...` down a notebook, made a scan per read quadratic).
  let after = 0;
  for (let high = defs.length; after < high;) {
    const mid = (after + high) >> 1;
    if (defs[mid].node.startIndex <= offset) after = mid + 1;
    else high = mid;
  }
  // A binding takes effect once its value is computed: `df` on the right of `df = df.dropna()`
  // is the previous `df`. The last one before the read that is in effect there wins.
  for (let i = after - 1; i >= 0; i--) if (defs[i].boundAt <= offset) return defs[i];
  return after < defs.length ? defs[after] : defs[0];
}

export function buildIndex(parsed: ParsedDocument): SemanticIndex {
  return new SemanticIndex(parsed);
}
