// What a name receives from a function of the same file: the values that function returns. A test's
// parameter named for a pytest fixture of the file (pytest calls the fixture before the test and
// passes what it returns or yields), and a call of the file's own function or a name bound to its
// result (`path = save_checkpoint(model)`).
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite, Definition } from '../../semantics/types';
import type { Mutation } from '../../semantics/dataflow';
import { decoratorCallee, decoratorsOf, enclosingFunction, stripParens } from '../../semantics/nodes';
import { stringValue } from '../../semantics/literals';
import { pathBindings } from '../../semantics/pathValues';
import { gridArgument, SEARCH_CLASSES } from './evaluation';

/**
 * How a function is declared a pytest fixture (`@pytest.fixture`, `@pytest.fixture(scope="module")`,
 * `@pytest.fixture(autouse=True)`, which runs before every test), or undefined when it is not one.
 */
export function pytestFixture(index: SemanticIndex, fn: Node): { autouse: boolean } | undefined {
  for (const expression of decoratorsOf(fn)) {
    const callee = decoratorCallee(expression);
    if (!callee || index.qualify(callee) !== 'pytest.fixture') continue;
    const autouse = expression.type === 'call' ? index.call(expression)?.kwargs.get('autouse') : undefined;
    const literal = autouse ? index.literal(autouse) : undefined;
    return { autouse: literal?.kind === 'bool' && literal.value };
  }
  return undefined;
}

/** What a function returns or yields in its own body (not a nested function's); undefined when nothing. */
function returnedValues(index: SemanticIndex, fn: Node): Node[] | undefined {
  const { returns, yields } = index.functionExits(fn);
  const values = [...returns, ...yields].map((exit) => exit.namedChild(0)).filter((value): value is Node => !!value);
  return values.length > 0 ? values : undefined;
}

/**
 * The values a test function's parameter receives from the file's fixture of that name. Undefined
 * when the identifier is not such a parameter.
 */
export function fixtureValues(index: SemanticIndex, identifier: Node): Node[] | undefined {
  const parameter = index.definitionFor(identifier);
  if (parameter?.kind !== 'param' || parameter.statement.parent?.type !== 'function_definition') return undefined;
  const fixture = index.moduleDefinitionsOf(parameter.name).find((definition) => definition.kind === 'def')?.statement;
  return fixture?.type === 'function_definition' && !!pytestFixture(index, fixture) ? returnedValues(index, fixture) : undefined;
}

/** How many plain copies of a name (`STATE_PATH = best_state_path`) helperResultValues follows. */
const MAX_ALIAS_DEPTH = 3;

/**
 * The values a name holds when every binding that reaches it (a placeholder `None` aside: see
 * pathBindings) is the result of a call of one of the file's module-level functions (`ckpt =
 * save_checkpoint(model, epoch)`): what those return. A binding that copies another name as it
 * stands (`STATE_PATH = best_state_path`) holds what that name holds where it is copied, so it is
 * followed (a few copies deep). Undefined otherwise.
 */
export function helperResultValues(index: SemanticIndex, identifier: Node, depth = 0): Node[] | undefined {
  const read = index.dataflow.readAt(identifier);
  const bindings = read ? pathBindings(index.dataflow, index.dataflow.reachingDefinitions(read)) : [];
  if (bindings.length === 0) return undefined;
  const values: Node[] = [];
  for (const binding of bindings) {
    const value = binding.kind === 'assign' && binding.value ? stripParens(binding.value) : undefined;
    const copied = value?.type === 'identifier' && depth < MAX_ALIAS_DEPTH ? helperResultValues(index, value, depth + 1) : undefined;
    const returned = copied ?? (value ? callResultValues(index, value) : undefined);
    if (!returned) return undefined;
    values.push(...returned);
  }
  return values;
}

/**
 * What a call of one of the file's module-level functions returns (`fit_model(frame)`): the values
 * its body returns or yields. Undefined for any other expression.
 */
export function callResultValues(index: SemanticIndex, expression: Node): Node[] | undefined {
  const node = stripParens(expression);
  const call = node.type === 'call' ? index.call(node) : undefined;
  const callee = call?.callee.type === 'identifier' ? index.resolve(call.callee.text, call.callee) : undefined;
  const fn = callee?.kind === 'local' && callee.definition.kind === 'def' ? callee.definition.statement : undefined;
  return fn?.type === 'function_definition' && !enclosingFunction(fn) ? returnedValues(index, fn) : undefined;
}

/**
 * What an unpacked name receives from a call of one of the file's module-level functions
 * (`run_dir, csv = make_workspace()` where it returns `d, d / "rows.csv"`), or from a test's parameter
 * named for a fixture of the file (`model, path = trained_model`): the item at the name's place in
 * each tuple the function returns. Undefined unless every return is a tuple of as many items.
 */
export function unpackedHelperResults(index: SemanticIndex, binding: Definition): Node[] | undefined {
  const left = binding.kind === 'unpack' ? binding.statement.childForFieldName('left') : null;
  const right = binding.statement.type === 'assignment' ? binding.statement.childForFieldName('right') : null;
  const position = left?.namedChildren.findIndex((child) => child?.startIndex === binding.node.startIndex) ?? -1;
  // A test unpacks a fixture's tuple as it unpacks a helper's (`_, model_path = trained_model`).
  const unpacked = right ? stripParens(right) : undefined;
  const returned = unpacked && position >= 0 ? (unpacked.type === 'identifier' ? fixtureValues(index, unpacked) : callResultValues(index, unpacked)) : undefined;
  const items = returned?.map((value) => stripParens(value)).map((value) =>
    (value.type === 'expression_list' || value.type === 'tuple') && value.namedChildCount === left!.namedChildCount ? value.namedChild(position) : null);
  return items?.every((item) => !!item) ? (items as Node[]) : undefined;
}

/** The value of the one binding that reaches `identifier` when it is a single `name = value`, or undefined. */
function boundValue(index: SemanticIndex, identifier: Node): Node | undefined {
  const binding = index.dataflow.readAt(identifier) ? index.bindingAt(identifier) : undefined;
  return binding?.kind === 'assign' && binding.value ? stripParens(binding.value) : undefined;
}

/**
 * The entry a dictionary literal bound to `identifier` holds under `key`, when nothing writes into it
 * before `identifier` is read; with `otherKeysKeep`, writes that set other constant keys
 * (`CFG["lr"] = 0.1` before a read of `CFG["run_grid"]`) are allowed too, since they leave that entry as it was.
 */
export function literalEntry(index: SemanticIndex, identifier: Node, key: string, otherKeysKeep = false): Node | undefined {
  const read = index.dataflow.readAt(identifier);
  const literal = boundValue(index, identifier);
  const changes = (mutation: Mutation) => !otherKeysKeep || mutation.kind !== 'item' || !mutation.keys.length || mutation.keys.includes(key);
  if (!read || !literal || index.dataflow.writesInto(read).some(changes)) return undefined;
  return settingsValue(index, literal, key, 'item');
}

/** The calls that build a settings object from their keywords, by how its entries are read: `cfg["key"]`, or `cfg.key`. */
const SETTINGS_BUILDERS: ReadonlyMap<string, 'item' | 'attribute'> = new Map([
  ['builtins.dict', 'item'],
  ['types.SimpleNamespace', 'attribute'],
  ['argparse.Namespace', 'attribute'],
]);

/**
 * What a settings literal holds under `key`, read as `access` says: the entry of a dictionary literal
 * or the keyword of `dict(...)` (`cfg["key"]`), the keyword of `SimpleNamespace(...)` or
 * `argparse.Namespace(...)` (`cfg.key`). A keyword a call names is certain beside a `**` splat:
 * Python refuses a name given twice.
 */
function settingsValue(index: SemanticIndex, literal: Node, key: string, access: 'item' | 'attribute'): Node | undefined {
  if (literal.type === 'dictionary') {
    const pair = access === 'item' ? literal.namedChildren.find((child) => child?.type === 'pair' && stringValue(child.childForFieldName('key')!) === key) : undefined;
    return pair?.childForFieldName('value') ?? undefined;
  }
  const call = literal.type === 'call' ? index.call(literal) : undefined;
  return call?.qname && SETTINGS_BUILDERS.get(call.qname) === access ? call.kwargs.get(key) : undefined;
}

/**
 * What a settings object handed over as `settings` (a literal, or a name whose one binding is one)
 * holds under the entry `read` names after it (`.best_path`, `["best_path"]`). A name written into
 * anywhere (`cfg.best_path = other`) gives undefined: the one who was handed it may read it after the write.
 */
export function handedSettingsEntry(index: SemanticIndex, settings: Node, read: string): Node | undefined {
  const entry = entryRead(read);
  const node = stripParens(settings);
  const literal = node.type === 'identifier' ? (writtenInto(index, node) ? undefined : boundValue(index, node)) : node;
  return entry && entry.length === read.length && literal ? settingsValue(index, literal, entry.key, entry.access) : undefined;
}

/** How one entry of a record is read: by a constant key (`r["model_path"]`) or as an attribute (`r.model_path`). */
export interface RecordEntry {
  key: string;
  access: 'attribute' | 'item';
}

/** What makes a class a record whose fields are the keywords its construction takes: a dataclass or attrs decorator, or a `NamedTuple` or pydantic base. */
const RECORD_DECORATORS = new Set(['dataclasses.dataclass', 'attr.s', 'attr.attrs', 'attr.define', 'attr.frozen', 'attrs.define', 'attrs.frozen']);
const RECORD_BASES = new Set(['typing.NamedTuple', 'typing_extensions.NamedTuple', 'pydantic.BaseModel']);

/**
 * The construction builds an object of a class of the file that gives back its keyword `key` as the
 * attribute of that name: a record class (a dataclass, attrs class, `NamedTuple` or pydantic model)
 * whose methods never set that attribute again, or a class whose `__init__` stores the parameter as
 * it stands (`self.model_path = model_path`) and that sets the attribute nowhere else.
 */
function recordClassField(index: SemanticIndex, call: CallSite, key: string): boolean {
  const resolution = call.callee.type === 'identifier' ? index.resolve(call.callee.text, call.callee) : undefined;
  const classNode = resolution?.kind === 'local' && resolution.definition.kind === 'class' ? resolution.definition.statement : undefined;
  if (classNode?.type !== 'class_definition') return false;
  const declared = decoratorsOf(classNode).some((expression) => { const callee = decoratorCallee(expression); return !!callee && RECORD_DECORATORS.has(index.qualify(callee) ?? ''); })
    || (classNode.childForFieldName('superclasses')?.namedChildren ?? []).some((base) => !!base && RECORD_BASES.has(index.qualify(base) ?? ''));
  let stored = false;
  for (const assignment of index.nodesWithin('assignment', classNode)) {
    const left = assignment.childForFieldName('left');
    if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self' || left.childForFieldName('attribute')?.text !== key) continue;
    const fn = enclosingFunction(assignment);
    const right = assignment.childForFieldName('right');
    const asGiven = fn?.childForFieldName('name')?.text === '__init__' && assignment.parent?.parent?.id === fn.childForFieldName('body')?.id
      && right?.type === 'identifier' && right.text === key && index.bindingAt(right)?.kind === 'param';
    if (declared || stored || !asGiven) return false;
    stored = true;
  }
  return declared || stored;
}

/**
 * The entries a record built by a return gives back, and how they are read: the constant keys of a
 * dictionary literal with no `**` splat and the keywords of `dict(...)` (`r["key"]`), the keywords of
 * `SimpleNamespace(...)`, `argparse.Namespace(...)` or a construction of a record class of the file
 * (see recordClassField: `r.key`). Undefined for anything else.
 */
export function recordEntries(index: SemanticIndex, value: Node): RecordEntry[] | undefined {
  const node = stripParens(value);
  if (node.type === 'dictionary') {
    const pairs = node.namedChildren.filter((child) => child?.type !== 'comment');
    const keys = pairs.map((pair) => (pair?.type === 'pair' ? stringValue(pair.childForFieldName('key')!) : undefined));
    return keys.every((key) => key !== undefined) ? keys.map((key) => ({ key: key!, access: 'item' as const })) : undefined;
  }
  const call = node.type === 'call' ? index.call(node) : undefined;
  if (!call) return undefined;
  const built = call.qname ? SETTINGS_BUILDERS.get(call.qname) : undefined;
  const keys = [...call.kwargs.keys()];
  return built ? keys.map((key) => ({ key, access: built })) : keys.filter((key) => recordClassField(index, call, key)).map((key) => ({ key, access: 'attribute' as const }));
}

/** What a record built by a return (see recordEntries) holds under `entry`; undefined when it does not give it back that way. */
export function recordValue(index: SemanticIndex, value: Node, entry: RecordEntry): Node | undefined {
  const node = stripParens(value);
  if (node.type === 'dictionary') return entry.access === 'item' && recordEntries(index, node) ? settingsValue(index, node, entry.key, 'item') : undefined;
  const call = node.type === 'call' ? index.call(node) : undefined;
  const given = call?.kwargs.get(entry.key);
  const built = call?.qname ? SETTINGS_BUILDERS.get(call.qname) : undefined;
  return call && given && (built ? built === entry.access : entry.access === 'attribute' && recordClassField(index, call, entry.key)) ? given : undefined;
}

/** The entry the start of `read` names (`.best_path`, `["best_path"]` of `["best_path"]["dir"]`), and how long that part is. */
export function entryRead(read: string): { key: string; access: 'attribute' | 'item'; length: number } | undefined {
  const attribute = /^\.([A-Za-z_]\w*)/.exec(read);
  const item = /^\[(?:"([^"\\]*)"|'([^'\\]*)')\]/.exec(read);
  const key = attribute?.[1] ?? item?.[1] ?? item?.[2];
  return key === undefined ? undefined : { key, access: attribute ? 'attribute' : 'item', length: (attribute ?? item)![0].length };
}

/**
 * Something writes into the object `identifier` holds where it is read, before or after that read.
 * Given the entry read off it later (`["checkpoint_dir"]`), only a write after the read counts, and
 * not one that sets another constant key of the object itself (`config["start_epoch"] = epoch`).
 */
export function writtenInto(index: SemanticIndex, identifier: Node, later?: string): boolean {
  const flow = index.dataflow;
  const read = flow.readAt(identifier);
  const held = read ? flow.reachingDefinitions(read) : [];
  const entry = later === undefined ? undefined : entryRead(later);
  const elsewhere = (mutation: Mutation) => mutation.site.startIndex < identifier.endIndex
    || (!!entry && mutation.kind !== 'method' && mutation.keys.length > 0 && !mutation.keys.includes(entry.key)
      && mutation.target.node.parent?.parent?.id === mutation.site.id);
  return !read || flow.mutations.some((mutation) => mutation.target.name === read.name && !(later !== undefined && elsewhere(mutation))
    && flow.reachingDefinitions(mutation.target).some((definition) => held.includes(definition)));
}

/**
 * The entries of a dictionary literal with constant keys, given as the literal or as a name bound to
 * one that nothing writes into before `expression` reads it (`params = {"max_depth": 6}`, then
 * `xgb.train(params, dtrain)`). Undefined for anything else.
 */
export function literalDictionaryEntries(index: SemanticIndex, expression: Node): Map<string, Node> | undefined {
  const unpacked = stripParens(expression);
  const read = unpacked.type === 'identifier' ? index.dataflow.readAt(unpacked) : undefined;
  const literal = read ? boundValue(index, unpacked) : unpacked;
  if (literal?.type !== 'dictionary' || (read && index.dataflow.writesInto(read).length > 0)) return undefined;
  const entries = new Map<string, Node>();
  for (const pair of literal.namedChildren) {
    if (pair?.type === 'comment') continue;
    const key = pair?.type === 'pair' ? stringValue(pair.childForFieldName('key')!) : undefined;
    const value = pair?.childForFieldName('value');
    if (key === undefined || !value) return undefined;
    entries.set(key, value);
  }
  return entries;
}

/**
 * The settings a search's `best_params_` can hold, read off the search it belongs to
 * (`grid = GridSearchCV(gbr, {"max_depth": [3, 4]})`, then `grid.best_params_`, also through a name
 * bound to it): each key of its grid's dictionary literals (one, or a list of them), with the
 * candidates the grid gives it. Undefined when the grid is anything else.
 */
function searchedSettings(index: SemanticIndex, expression: Node): Map<string, Node> | undefined {
  let node = stripParens(expression);
  if (node.type === 'identifier') node = boundValue(index, node) ?? node;
  const search = node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'best_params_' ? node.childForFieldName('object') : null;
  const className = search ? index.constructedClass(search) : undefined;
  const call = search && className && SEARCH_CLASSES.test(className) ? index.originCall(search) : undefined;
  const grid = call ? gridArgument(call) : undefined;
  const value = grid ? index.valueOf(grid) : undefined;
  const dictionaries = value?.type === 'list' ? value.namedChildren : grid ? [grid] : [];
  const settings = new Map<string, Node>();
  for (const dictionary of dictionaries) {
    const entries = dictionary.type === 'comment' ? new Map<string, Node>() : literalDictionaryEntries(index, dictionary);
    if (!entries) return undefined;
    for (const [key, candidates] of entries) settings.set(key, candidates);
  }
  return dictionaries.length > 0 ? settings : undefined;
}

/**
 * Every keyword a call receives, its own and those of each `**settings` it unpacks, when each is a
 * dictionary literal with constant keys, or a name bound to one that nothing writes into before the call
 * (`params = {"max_depth": ...}`, then `XGBRegressor(**params)`, as an Optuna objective builds its
 * model), or the best settings of a search whose grid is made of such literals
 * (`GradientBoostingRegressor(**grid.best_params_)`), which hold only its grid's keys, each given
 * as the grid's candidates. Undefined when any unpacked value is none of these, or the call unpacks `*args`.
 */
export function keywordsWithLiterals(index: SemanticIndex, call: CallSite): Map<string, Node> | undefined {
  const keywords = new Map(call.kwargs);
  for (let child = call.argumentList?.firstNamedChild; child; child = child.nextNamedSibling) {
    if (child.type === 'list_splat') return undefined;
    if (child.type !== 'dictionary_splat') continue;
    const unpacked = child.namedChild(0);
    const entries = unpacked ? literalDictionaryEntries(index, unpacked) ?? searchedSettings(index, unpacked) : undefined;
    if (!entries) return undefined;
    for (const [key, value] of entries) keywords.set(key, value);
  }
  return keywords;
}

/**
 * The values a settings entry read by a constant key holds (`config['save_path']`, directly or through
 * a name bound to it, `save_path = config['save_path']`): the entry of the dictionary literal the
 * name is bound to, each with where it is read; or, when the dictionary is a parameter of a function
 * of the file (`def trainer(model, config)`), the entry of the literal each call passes, read at that
 * call. Undefined when any of them is not such a literal entry.
 */
export function settingsEntries(index: SemanticIndex, expression: Node): { value: Node; at: Node }[] | undefined {
  let node = stripParens(expression);
  if (node.type === 'identifier') node = boundValue(index, node) ?? node;
  const dict = node.type === 'subscript' ? node.childForFieldName('value') : null;
  const indices = node.type === 'subscript' ? node.childrenForFieldName('subscript') : [];
  const key = indices.length === 1 && indices[0]?.type === 'string' ? stringValue(indices[0]) : undefined;
  if (dict?.type !== 'identifier' || key === undefined) return undefined;
  const passed = index.passedArguments(dict);
  const sources = passed ? passed.map((argument) => stripParens(argument)) : [dict];
  const entries: { value: Node; at: Node }[] = [];
  for (const source of sources) {
    const value = source.type === 'identifier' ? literalEntry(index, source, key) : undefined;
    if (!value) return undefined;
    entries.push({ value, at: passed ? source : expression });
  }
  return entries.length > 0 ? entries : undefined;
}
