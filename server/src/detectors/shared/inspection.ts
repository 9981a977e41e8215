// Objects built only to be looked at: shown as a notebook cell's value, printed, asked for their
// type or parameters, compared in a test's assertion, or never used at all; or built in the
// statement a test expects to raise. Such an object trains nothing and draws nothing, so rules
// about how a model is configured or seeded leave it alone.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite, LocalClass } from '../../semantics/types';
import { enclosingFunction, enclosingStatement, sameNode, withItemParts } from '../../semantics/nodes';
import { lastSegment } from './libraries';

/** Calls that only show an object: its repr, its type, its parameters. */
export const SHOWING_FUNCTIONS = new Set(['builtins.print', 'builtins.repr', 'builtins.str', 'builtins.help', 'builtins.type', 'builtins.vars', 'builtins.dir', 'builtins.isinstance', 'builtins.hasattr', 'IPython.display.display']);
const SHOWING_METHODS = new Set(['get_params', '__repr__', '_repr_html_', 'get_metadata_routing']);
/**
 * scikit-learn's predicates of an estimator's kind (`sklearn.base.is_classifier`, ...), and the
 * functions of the same names other libraries mirror them with: they read its type or its
 * `_estimator_type` tag, and never fit it.
 */
const KIND_PREDICATES = new Set(['is_classifier', 'is_regressor', 'is_clusterer', 'is_outlier_detector']);
/** How deep the question follows an object through names, wrappers and test parameters. */
const MAX_DEPTH = 3;

/**
 * True when the estimator built at `node` is only looked at, never trained: a notebook line that
 * shows it (`KMeans()` as a cell's last expression), `print(SVC())`, `SVC().get_params()`, a
 * comparison in an `assert`, or a name every use of which is one of those (or sits in the
 * statement a test expects to fail), or that is never read (a lesson listing alternatives that
 * are rebound before any use). Handed to a constructor, it is only looked at when the object
 * built is (a constructor keeps what it is given; `fit` is what trains): a wrapper whose test only
 * reads its attributes back. Put in a list, tuple or dict (as a value), it is used as the
 * container is: one bound to a name never read trains nothing. Listed to `@pytest.mark.parametrize`, it is what each test's
 * parameter holds, and is judged by that parameter's uses. Its defaults are on display, not in a
 * model.
 */
export function onlyInspected(index: SemanticIndex, node: Node, depth = 0): boolean {
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'parenthesized_expression':
        continue;
      case 'expression_statement':
        return true;
      case 'comparison_operator':
        return inAssertion(parent);
      // Written into an f-string (`f"The estimator {tree} has no n_estimators"`): its repr, as `str(tree)` gives.
      case 'interpolation':
        return true;
      case 'attribute': {
        if (!sameNode(parent.childForFieldName('object'), current)) return false;
        if (SHOWING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '')) return true;
        // A stored attribute read back (`wrapper.estimator`) is judged by what is done with it; a
        // method called, or an attribute set, is use.
        if (readOnly(parent)) continue;
        return false;
      }
      case 'keyword_argument':
        if (sameNode(parent.childForFieldName('value'), current)) continue;
        return false;
      case 'argument_list': {
        const call = parent.parent ? index.call(parent.parent) : undefined;
        const qname = call?.qname;
        if (qname && (SHOWING_FUNCTIONS.has(qname) || qname === 'display')) return true;
        // `is_regressor(perm)`: a question about its kind, imported from a library (never a function of the file).
        if (qname && qname.includes('.') && KIND_PREDICATES.has(lastSegment(qname))) return true;
        if (qname === PARAM) return depth < MAX_DEPTH && testParameterLooked(index, current, depth);
        if (depth >= MAX_DEPTH || !call) return false;
        if (qname) return /^[A-Z]/.test(lastSegment(qname)) && onlyInspected(index, call.node, depth + 1);
        // A class of the file itself is a constructor too when its `__init__` only keeps what it is given.
        const local = localClassCalled(index, call);
        return !!local && keepsWhatItIsGiven(index, local, new Set()) && onlyInspected(index, call.node, depth + 1);
      }
      case 'list':
      case 'tuple':
        if (depth >= MAX_DEPTH) return false;
        if (testParameterLooked(index, current, depth)) return true;
        // An element is used as its container is: a list or dict never read trains nothing.
        continue;
      case 'pair':
        if (sameNode(parent.childForFieldName('value'), current)) continue;
        return false;
      case 'dictionary':
        continue;
      case 'assignment': {
        const target = parent.childForFieldName('left');
        if (depth >= MAX_DEPTH || target?.type !== 'identifier' || !sameNode(parent.childForFieldName('right'), current)) return false;
        const definition = index.boundAt(target);
        const uses = definition ? index.dataflow.usesOf(definition) : [];
        if (uses.length === 0) return !!definition && unreadAnywhere(index, parent);
        return uses.every((use) => use.role === 'load' && lookedAtOrFails(index, use.node, depth + 1));
      }
      default:
        return false;
    }
  }
  return false;
}

/** The class of this file that `call` builds (`Outer(KMeans())` with `class Outer:` above), if any. */
function localClassCalled(index: SemanticIndex, call: CallSite): LocalClass | undefined {
  if (call.callee.type !== 'identifier') return undefined;
  const local = index.classes.get(call.callee.text);
  return local && index.resolve(call.callee.text, call.callee).kind === 'local' ? local : undefined;
}

/**
 * `local`'s construction only keeps its arguments: its `__init__` calls nothing but the `__init__`
 * of its bases (`super().__init__(estimator)`, `Wrapper.__init__(self, estimator)`), which store
 * them on the object, and the bases of the file it names keep theirs too. A class with no
 * `__init__` of its own builds as its base does; a library base is a constructor like any other.
 * An `__init__` that calls anything else (`estimator.fit(X, y)`, a helper that may) may train
 * what it is given.
 */
function keepsWhatItIsGiven(index: SemanticIndex, local: LocalClass, seen: Set<string>): boolean {
  if (seen.has(local.name) || seen.size >= MAX_DEPTH) return false;
  seen.add(local.name);
  const body = local.node.childForFieldName('body');
  for (const statement of body?.namedChildren ?? []) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'function_definition' || definition.childForFieldName('name')?.text !== '__init__') continue;
    const calls = index.callsWithin(definition);
    if (!calls.every((inner) => inner.qname === 'builtins.super' || (inner.callee.type === 'attribute' && inner.callee.childForFieldName('attribute')?.text === '__init__'))) return false;
  }
  return local.bases.every((base) => {
    if (!base.startsWith('local:')) return true;
    const parent = index.classes.get(base.slice('local:'.length));
    return !!parent && keepsWhatItIsGiven(index, parent, seen);
  });
}

/**
 * Whether a name bound at `node` that this file never reads is read nowhere: in a script, a
 * notebook or a function nothing else can reach it; a library module's global may be imported.
 */
export function unreadAnywhere(index: SemanticIndex, node: Node): boolean {
  return index.isEntryPoint || !!enclosingFunction(node);
}

function lookedAtOrFails(index: SemanticIndex, use: Node, depth: number): boolean {
  return onlyInspected(index, use, depth) || builtWhereFailureExpected(index, use);
}

/** `comparison` is (part of) the condition or message of an `assert`. */
function inAssertion(comparison: Node): boolean {
  let current: Node | null = comparison.parent;
  while (current && (current.type === 'boolean_operator' || current.type === 'not_operator' || current.type === 'parenthesized_expression')) current = current.parent;
  return current?.type === 'assert_statement';
}

/** `attribute` is read, not called, assigned or deleted. */
function readOnly(attribute: Node): boolean {
  const parent = attribute.parent;
  if (!parent) return false;
  if (parent.type === 'call') return !sameNode(parent.childForFieldName('function'), attribute);
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment') return !sameNode(parent.childForFieldName('left'), attribute);
  return parent.type !== 'delete_statement' && parent.type !== 'pattern_list' && parent.type !== 'tuple_pattern';
}

const PARAMETRIZE = 'pytest.mark.parametrize';
const PARAM = 'pytest.param';

/**
 * `value` is listed to `@pytest.mark.parametrize` (as an item, one name's part of a tuple, or in
 * `pytest.param(...)`; in the decorator or in a module-level list that only decorators name), and
 * the parameter each decorated test receives it as is only looked at, or used where the test
 * expects a failure. False when the decorator, its names or the test cannot be followed.
 */
function testParameterLooked(index: SemanticIndex, value: Node, depth: number): boolean {
  const uses = parametrizedUses(index, value);
  return !!uses && uses.every((use) => lookedAtOrFails(index, use, depth + 1));
}

/**
 * The reads, in every test a `@pytest.mark.parametrize` decorator gives `value` to (see
 * testParameterLooked), of the parameter that receives it; undefined when `value` is not listed so,
 * or the decorator, its names or the test cannot be followed.
 */
export function parametrizedUses(index: SemanticIndex, value: Node): Node[] | undefined {
  let item = value;
  let position: number | undefined;
  const holder = value.parent;
  if (holder?.type === 'argument_list') {
    // pytest.param(a, b, id=...) stands for the tuple (a, b); any other call's argument is not listed.
    if (!holder.parent || index.call(holder.parent)?.qname !== PARAM) return undefined;
    const positional = holder.namedChildren.filter((child) => child?.type !== 'keyword_argument');
    position = positional.findIndex((child) => sameNode(child, value));
    item = holder.parent!;
  } else if (holder?.type === 'tuple' && (holder.parent?.type === 'list' || holder.parent?.type === 'tuple')) {
    position = holder.namedChildren.findIndex((child) => sameNode(child, value));
    item = holder;
  }
  const collection = item.parent;
  if (collection?.type !== 'list' && collection?.type !== 'tuple') return undefined;
  const sites = parametrizeSites(index, collection);
  if (!sites?.length) return undefined;
  const found: Node[] = [];
  for (const site of sites) {
    const names = argumentNames(index, site.args[0] ?? site.kwargs.get('argnames'));
    // One name: the item is its value; several: the item's parts are theirs, in order.
    const name = names?.length === 1 && (position === undefined || (position === 0 && item.type !== 'tuple')) ? names[0]
      : names && position !== undefined && position >= 0 ? names[position] : undefined;
    const uses = name === undefined ? undefined : parameterUses(index, site.node, name);
    if (!uses) return undefined;
    found.push(...uses);
  }
  return found;
}

/** The parametrize decorators `collection` is the values of: given there, or through a module-level name only they read. */
function parametrizeSites(index: SemanticIndex, collection: Node): CallSite[] | undefined {
  const direct = decoratorGiven(index, collection);
  if (direct) return [direct];
  const assignment = collection.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), collection) ? assignment.childForFieldName('left') : undefined;
  const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
  if (!definition || enclosingFunction(assignment!)) return undefined;
  const sites: CallSite[] = [];
  for (const use of index.dataflow.usesOf(definition)) {
    const site = decoratorGiven(index, use.node);
    if (!site) return undefined;
    sites.push(site);
  }
  return sites;
}

/** The `@pytest.mark.parametrize(names, values)` decorator `values` is given to. */
function decoratorGiven(index: SemanticIndex, values: Node): CallSite | undefined {
  const call = receivingCall(index, values);
  if (call?.qname !== PARAMETRIZE || call.node.parent?.type !== 'decorator') return undefined;
  return sameNode(call.args[1] ?? call.kwargs.get('argvalues'), values) ? call : undefined;
}

/** The call `node` is handed to as an argument, by position or keyword (`GridSearchCV(tree, grid)`). */
export function receivingCall(index: SemanticIndex, node: Node): CallSite | undefined {
  const list = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
  const outer = list?.type === 'argument_list' ? list.parent : undefined;
  return outer?.type === 'call' ? index.call(outer) : undefined;
}

/** `"est"`, `"est, scoring"`, `("est", "scoring")`: the names a parametrize decorator binds. */
function argumentNames(index: SemanticIndex, argnames: Node | undefined): string[] | undefined {
  if (!argnames) return undefined;
  const literal = index.literal(argnames);
  // pytest drops empty names, so `"model,"` binds `model` alone.
  if (literal?.kind === 'string') return literal.value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (argnames.type !== 'list' && argnames.type !== 'tuple') return undefined;
  const names = argnames.namedChildren.map((child) => (child ? index.literal(child) : undefined));
  return names.every((name) => name?.kind === 'string') ? names.map((name) => (name as { value: string }).value) : undefined;
}

/** The reads of parameter `name` in the test function the decorator call `decorator` decorates. */
function parameterUses(index: SemanticIndex, decorator: Node, name: string): Node[] | undefined {
  const decorated = decorator.parent?.parent;
  const test = decorated?.type === 'decorated_definition' ? decorated.childForFieldName('definition') : undefined;
  if (test?.type !== 'function_definition') return undefined;
  const parameter = index.definitionsOf(name).find((d) => d.kind === 'param' && sameNode(d.statement.parent, test));
  return parameter && index.dataflow.usesOf(parameter).map((use) => use.node);
}

/** Context managers that pass only when their block raises: pytest's and unittest's. */
const EXPECTS_RAISE_FUNCTIONS = new Set(['pytest.raises']);
const EXPECTS_RAISE_METHODS = new Set(['assertRaises', 'assertRaisesRegex', 'assertRaisesRegexp']);

/**
 * True when `node` lies in the simple statement that ends a `with pytest.raises(...):` or
 * `with self.assertRaises(...):` block (expecting one of the qualified exceptions `raising`, when given). The test passes only if that statement never completes
 * (it raises, or an earlier one did), so nothing it builds is bound or used afterwards: an
 * estimator handed to a constructor whose argument check the test expects to fail trains nothing.
 * Statements before the last one may complete and bind names read below the block, so they count.
 */
export function builtWhereFailureExpected(index: SemanticIndex, node: Node, raising?: ReadonlySet<string>): boolean {
  const statement = enclosingStatement(node);
  if (statement.type !== 'expression_statement') return false;
  const block = statement.parent;
  const withStatement = block?.type === 'block' ? block.parent : undefined;
  if (withStatement?.type !== 'with_statement' || !sameNode(block!.lastNamedChild, statement)) return false;
  const items = withStatement.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
  return items.some((item) => {
    const value = item?.type === 'with_item' ? withItemParts(item).context : undefined;
    const call = value?.type === 'call' ? index.call(value) : undefined;
    if (!call || !((!!call.qname && EXPECTS_RAISE_FUNCTIONS.has(call.qname)) || (!!call.method && EXPECTS_RAISE_METHODS.has(call.method)))) return false;
    // When asked for particular exceptions, the block must expect one of them (`pytest.raises(FileNotFoundError)`).
    const expected = call.args[0] ? index.qualify(call.args[0]) : undefined;
    return !raising || (!!expected && raising.has(expected));
  });
}
