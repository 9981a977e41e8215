// What the project's own modules save (config/projectModules.ts reads them): a function of an
// imported module that serializes a model or data to a path built from its parameters
// (`def save_checkpoint(model, path): torch.save(model.state_dict(), path)`) writes, at each call,
// the path that call passes; so does a method of an imported class, over its own parameters and
// the attributes `__init__` sets from the construction's (`EarlyStopping(path="best.pt")`, whose
// `__call__` saves to `self.path`). A load of that path after the call reads the program's own file.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { argument } from '../../semantics/calls';
import { holdsData } from '../../semantics/dataio';
import { FILE_MOVES } from '../../semantics/library/io';
import { parameterName } from '../../semantics/definitions';
import { enclosingFunction, isAncestorOf, isTopLevel, stripParens } from '../../semantics/nodes';
import { CASE_STEPS, pathKey, type PathValue } from '../../semantics/pathValues';
import type { CallSite, Definition } from '../../semantics/types';
import { fileKey, keyOverHeldValues, valueThroughPassedArguments } from './runOrder';
import { callResultValues, handedSettingsEntry, recordEntries, recordValue, unpackedHelperResults, writtenInto, type RecordEntry } from './returnedValues';
import { oncePer } from '../../engine/collections';

/** A parameter of a saving function, with the path value of its default when that is a constant. */
interface Parameter {
  name: string;
  default?: PathValue;
  /** After `*` or `*args`: given only by keyword. */
  keywordOnly?: true;
  /** Its default is `None`: a call that leaves it out gives it no path. */
  noneDefault?: true;
}

/** One save in a module's function: the function's parameters and the path saved, over them. */
export interface ParameterSave {
  parameters: readonly Parameter[];
  /** For a method: the parameters of its class's `__init__`, and the attributes it sets from them (`path` for `self.path = path`, or a path built of them). */
  construction?: { parameters: readonly Parameter[]; attributes: ReadonlyMap<string, string>; computed: ReadonlyMap<string, ComputedAttribute> };
  path: PathValue;
  /** The function returns the path it saved to (`torch.save(state, path)` ... `return path`). */
  returned: boolean;
  /** The position at which every return of a value gives the path it saved to in a tuple (`return MODEL_PATH, run_id`). */
  returnedAt?: number;
  /** The entry of the record every return of a value builds that holds the path it saved to (`return Result(model_path=path, auc=auc)`, `return {"model_path": path}`). */
  returnedIn?: RecordEntry;
  /** Every run-time part of the path reads a parameter the function never rebinds, or a name of `imports`: a call's arguments fill it in. */
  fillable: boolean;
  /** Parts read from a name the module imports at its top level (`config` of `config.MODEL_PATH`), by that name, with the qualified name it stands for. */
  imports?: ReadonlyMap<string, string>;
  /** The save of a choice's fallback (`save_name or "best.pth"`): it writes this path only where the call leaves that parameter out. */
  absent?: string;
}

/**
 * An attribute `__init__` builds from its parameters and the module's imported names
 * (`self.ckpt_dir = os.path.join(CHECKPOINTS_PATH, "runs", dataset)`): the path, and for each
 * imported name in it the qualified name it stands for. A caller that imports the same name
 * from the same module holds the same value.
 */
export interface ComputedAttribute {
  path: PathValue;
  imports: ReadonlyMap<string, string>;
}

/** A module's top-level functions that save to a path built from their parameters (or to a constant path), by name; a class's methods as `Class.method`. */
export type ModuleSaves = ReadonlyMap<string, readonly ParameterSave[]>;

/** The saves of each project module a file imports, by the module's name as the file imports it (`utils`, `.helpers`). */
export type ProjectSaves = ReadonlyMap<string, ModuleSaves>;

/** The parameter a run-time part of a path reads: `path`, or `args` for `args.output_dir` and `cfg["dir"]`. */
function parameterOf(hole: string, parameters: readonly Parameter[]): Parameter | undefined {
  return parameters.find(({ name }) => hole === name || hole.startsWith(`${name}.`) || hole.startsWith(`${name}[`));
}

/** A path value without its nodes: summaries outlive the tree of their module. */
function detached(value: PathValue): PathValue {
  return { template: value.template, holes: [...value.holes] };
}

/** The parameters of a function, each with the path value of a constant default; `*args` and `**kwargs` take none of the path's parts. */
function parametersOf(index: SemanticIndex, fn: Node): Parameter[] {
  const parameters: Parameter[] = [];
  let keywordOnly = false;
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'positional_separator' || parameter.type === 'dictionary_splat_pattern') continue;
    if (parameter.type === 'keyword_separator' || parameter.type === 'list_splat_pattern') {
      keywordOnly = true;
      continue;
    }
    const name = parameterName(parameter);
    if (!name) continue;
    const value = parameter.childForFieldName('value');
    const constant = value ? index.dataflow.pathOf(value) : undefined;
    parameters.push({
      name: name.text,
      ...(constant && constant.holes.length === 0 ? { default: detached(constant) } : {}),
      ...(keywordOnly ? { keywordOnly: true as const } : {}),
      ...(value && stripParens(value).type === 'none' ? { noneDefault: true as const } : {}),
    });
  }
  return parameters;
}

/**
 * The saves of a module's top-level functions whose path is known but for the function's
 * parameters (each run-time part reads a parameter the function never rebinds), or that the function
 * returns. A part the function works out itself (a time stamp, a global) may differ from what the
 * caller builds: such a path is matched only through the function's result. A save in a method of a
 * top-level class counts for that method and for every method that reaches it through calls on
 * `self` (`__call__` -> `self.save_checkpoint(...)`), its path's parts read from the method's own
 * parameters (at its own entry only) or from attributes `__init__` sets from its parameters.
 */
export function moduleSavesOf(index: SemanticIndex, imported?: ProjectSaves): ModuleSaves {
  const saves = new Map<string, ParameterSave[]>();
  const record = (name: string, save: ParameterSave) => {
    const list = saves.get(name) ?? [];
    list.push(save);
    saves.set(name, list);
  };
  const classes = new Map<number, ClassShape>();
  for (const io of index.dataflow.io) {
    if (io.direction !== 'write' || !io.path || !(io.what === 'model' || holdsData(io))) continue;
    const fn = enclosingFunction(io.call.node);
    if (fn?.type !== 'function_definition') continue;
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    const classNode = holder.parent?.type === 'block' ? holder.parent.parent : null;
    const path = index.dataflow.pathOf(io.path);
    const returned = index.functionExits(fn).returns.some((exit) => {
      const value = exit.namedChild(0);
      return !!value && namesSameFile(index, io.path!, value);
    });
    const holdsSaved = (element: Node) => namesSameFile(index, io.path!, element);
    const returnedAt = returnedPosition(index, fn, holdsSaved);
    const returnedIn = returnedEntry(index, fn, holdsSaved);
    const rebound = reboundIn(index, fn);
    if (name && isTopLevel(holder)) {
      const parameters = parametersOf(index, fn);
      for (const { path: chosen, absent } of choiceVariants(index, fn, path, parameters)) {
        const imports = importedParts(index, chosen, parameters, io.call.node);
        const fillable = chosen.holes.every((hole) => { const parameter = parameterOf(hole, parameters); return parameter ? !rebound(parameter) : !!imports?.has(headOf(hole)); });
        // A path the function returns (alone, at a position of a tuple, or in an entry of a record) is the file saved whatever its parts.
        if (((returned || returnedAt !== undefined || returnedIn) && !absent) || fillable) {
          record(name, { parameters, path: detached(chosen), returned, ...(returnedAt !== undefined ? { returnedAt } : {}), ...(returnedIn ? { returnedIn } : {}), fillable, ...(imports ? { imports } : {}), ...(absent ? { absent } : {}) });
        }
      }
      continue;
    }
    if (!name || classNode?.type !== 'class_definition' || !isTopLevel(classNode)) continue;
    let shape = classes.get(classNode.id);
    if (!shape) classes.set(classNode.id, (shape = classShape(index, classNode)));
    const own = parametersOf(index, fn).slice(1);
    const fromOwn = (hole: string) => { const parameter = parameterOf(hole, own); return !!parameter && !rebound(parameter); };
    const fillable = path.holes.every((hole) => fromOwn(hole) || attributeOf(hole, shape!.attributes) !== undefined || computedOf(hole, shape!.computed) !== undefined);
    const usesOwn = path.holes.some(fromOwn);
    for (const [entry, reached] of shape.reaches) {
      if (!reached.has(name)) continue;
      const direct = entry === name;
      // Reached from another method, the saving method's own parameters hold what that method hands them.
      const forwarded = !direct && usesOwn ? forwardedPath(index, shape, entry, name, own, path) : undefined;
      if ((!direct && usesOwn && !forwarded) || !(fillable || (direct && returned))) continue;
      record(`${shape.name}.${entry}`, {
        parameters: direct ? own : forwarded?.parameters ?? [],
        construction: { parameters: shape.construction, attributes: shape.attributes, computed: shape.computed },
        path: forwarded?.path ?? detached(path),
        returned: direct && returned,
        fillable,
      });
    }
  }
  recordAtomicSaves(index, record);
  recordForwardedReturns(index, saves, record, imported);
  composeObjectSaves(index, saves, classes, imported);
  composeHelperSaves(index, saves, topLevelFunctions(index));
  reexportSaves(index, saves, imported);
  return saves;
}

/**
 * A part of a saved path that picks a parameter or a fallback (`save_name if save_name else
 * "best.pth"`, `save_name or "best.pth"`, `"best.pth" if save_name is None else save_name`): the
 * parameter tested and the fallback used when it holds nothing.
 */
function parameterChoice(node: Node, parameters: readonly Parameter[]): { parameter: Parameter; fallback: Node } | undefined {
  const named = (n: Node | null | undefined) => { const bare = n ? stripParens(n) : undefined; return bare?.type === 'identifier' ? parameters.find((p) => p.name === bare.text) : undefined; };
  if (node.type === 'boolean_operator') {
    const parameter = node.childForFieldName('operator')?.text === 'or' ? named(node.childForFieldName('left')) : undefined;
    const fallback = node.childForFieldName('right');
    return parameter && fallback ? { parameter, fallback } : undefined;
  }
  const [consequence, condition, alternative] = node.namedChildren;
  if (node.type !== 'conditional_expression' || !consequence || !condition || !alternative) return undefined;
  const test = stripParens(condition);
  // `p`, `p is not None`: the parameter when the test holds; `not p`, `p is None`: the parameter when it fails.
  const operator = test.type === 'comparison_operator' && test.namedChildren.length === 2 && test.namedChildren[1]?.type === 'none'
    ? test.text.slice(test.namedChildren[0]!.endIndex - test.startIndex, test.namedChildren[1]!.startIndex - test.startIndex).trim().replace(/\s+/g, ' ') : undefined;
  const tested = test.type === 'not_operator' ? named(test.childForFieldName('argument'))
    : operator === 'is' || operator === 'is not' ? named(test.namedChildren[0]) : test.type === 'comparison_operator' ? undefined : named(test);
  if (!tested) return undefined;
  const negated = test.type === 'not_operator' || operator === 'is';
  const [taken, fallback] = negated ? [alternative, consequence] : [consequence, alternative];
  return named(taken) === tested ? { parameter: tested, fallback } : undefined;
}

/** A path value with its `at`-th run-time part replaced by `part`. */
function withPart(value: PathValue, at: number, part: PathValue): PathValue {
  const pieces = value.template.split('{}');
  const template = pieces.slice(0, at + 1).join('{}') + part.template + pieces.slice(at + 1).join('{}');
  return { template, holes: [...value.holes.slice(0, at), ...part.holes, ...value.holes.slice(at + 1)] };
}

/**
 * The paths a save writes over a choice between a parameter and a fallback in one of its parts: the
 * parameter, where a call gives it, and the fallback, where the call leaves out a parameter that
 * defaults to `None`. A path with no such part is itself. Only the first such part is split.
 */
function choiceVariants(index: SemanticIndex, fn: Node, path: PathValue, parameters: readonly Parameter[]): { path: PathValue; absent?: string }[] {
  const at = path.holes.findIndex((hole) => !parameterOf(hole, parameters) && /\s(if|or)\s/.test(hole));
  if (at < 0 || path.template.split('{}').length !== path.holes.length + 1) return [{ path }];
  const choice = [...index.nodesWithin('conditional_expression', fn), ...index.nodesWithin('boolean_operator', fn)]
    .map((node) => (node.text === path.holes[at] ? parameterChoice(node, parameters) : undefined)).find((found) => found !== undefined);
  if (!choice) return [{ path }];
  const given = withPart(path, at, { template: '{}', holes: [choice.parameter.name] });
  const fallback = withPart(path, at, index.dataflow.pathOf(choice.fallback));
  return choice.parameter.noneDefault ? [{ path: given }, { path: fallback, absent: choice.parameter.name }] : [{ path: given }];
}

/**
 * A name the module imports at its top level from a project module (a package's `__init__.py`
 * with `from pkg.trainers.trainer import Trainer`, or `from .trainer import Trainer`) is that
 * module's function or class: a caller that imports it from the package runs what it saves.
 */
function reexportSaves(index: SemanticIndex, saves: Map<string, ParameterSave[]>, imported: ProjectSaves | undefined): void {
  if (!imported?.size) return;
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      if (statement?.type !== 'import_from_statement') continue;
      for (const item of statement.childrenForFieldName('name')) {
        const local = item?.type === 'aliased_import' ? item.childForFieldName('alias') : item;
        const qualified = local ? importedAs(index, local.text, statement) : undefined;
        const cut = qualified ? qualified.lastIndexOf('.') : -1;
        if (!local || !qualified || cut <= 0) continue;
        const name = qualified.slice(cut + 1);
        for (const [key, list] of imported.get(qualified.slice(0, cut)) ?? []) {
          const own = key === name ? local.text : key.startsWith(`${name}.`) ? local.text + key.slice(name.length) : undefined;
          if (own && !saves.has(own)) saves.set(own, [...list]);
        }
      }
    }
  }
}

/**
 * Whether a parameter of `fn` is bound again in it to another value: `path = Path(path)` or
 * `path = str(path)` only spells the same path another way (the normalising first line of many
 * helpers), so the callers' arguments still fill it in.
 */
function reboundIn(index: SemanticIndex, fn: Node): (parameter: Parameter) => boolean {
  return (parameter) => index.definitionsOf(parameter.name).some((definition) => definition.kind !== 'param' && definition.scope.id === fn.id
    && !(definition.kind === 'assign' && definition.value && isOnlyPart(index.dataflow.pathOf(definition.value), parameter.name)));
}

/** The value is one run-time part and nothing else, read from `name`. */
function isOnlyPart(value: PathValue, name: string): boolean {
  return value.template === '{}' && value.holes.length === 1 && value.holes[0] === name;
}

/**
 * An atomic save: a top-level function that writes a temporary file and then moves it onto a path
 * over its parameters (`torch.save(value, tmp)`, then `os.replace(tmp, path)`) saves to that path,
 * as one that writes it directly does.
 */
function recordAtomicSaves(index: SemanticIndex, record: (name: string, save: ParameterSave) => void): void {
  for (const move of index.callsTo(FILE_MOVES)) {
    const fn = enclosingFunction(move.node);
    const holder = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn?.type === 'function_definition' && holder && isTopLevel(holder) ? fn.childForFieldName('name')?.text : undefined;
    const [from, to] = [argument(move, 'src', 0), argument(move, 'dst', 1)];
    if (!name || !from || !to) continue;
    const written = index.dataflow.io.some((io) => io.direction === 'write' && !!io.path && (io.what === 'model' || holdsData(io))
      && enclosingFunction(io.call.node)?.id === fn!.id && io.call.node.endIndex <= move.node.startIndex && namesSameFile(index, io.path, from));
    if (!written) continue;
    const parameters = parametersOf(index, fn!);
    const path = index.dataflow.pathOf(to);
    const rebound = reboundIn(index, fn!);
    const fillable = path.holes.every((hole) => { const parameter = parameterOf(hole, parameters); return !!parameter && !rebound(parameter); });
    if (fillable) record(name, { parameters, path: detached(path), returned: false, fillable });
  }
}

/**
 * A method of a top-level class that calls, on an attribute `__init__` builds from a saving class
 * (`self.checkpoint = ModelCheckpoint(checkpoint_path)`, that class of this module or of a project
 * module it imports), a method that saves to a path made of that object's own construction
 * (`self.checkpoint.save(model, epoch)` writing `self.filepath`) saves to what the outer class was
 * built with, when every part of that path reads one parameter of the outer `__init__`: a trainer
 * that keeps its checkpointing in an object of its own. The object's attribute stands for that
 * path in the saved path's parts (`self.checkpoint`), and holds it as the other attributes hold theirs.
 */
function composeObjectSaves(index: SemanticIndex, saves: Map<string, ParameterSave[]>, classes: Map<number, ClassShape>, imported: ProjectSaves | undefined): void {
  const savesOfClass = (construction: CallSite, method: string): readonly ParameterSave[] | undefined => {
    const qname = construction.qname;
    const cut = qname ? qname.lastIndexOf('.') : -1;
    if (qname && cut > 0) return imported?.get(qname.slice(0, cut))?.get(`${qname.slice(cut + 1)}.${method}`);
    return construction.callee.type === 'identifier' ? saves.get(`${construction.callee.text}.${method}`) : undefined;
  };
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      const classNode = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (classNode?.type !== 'class_definition') continue;
      let shape = classes.get(classNode.id);
      if (!shape) classes.set(classNode.id, (shape = classShape(index, classNode)));
      for (const [attribute, construction] of shape.objects) {
        for (const [name, fn] of shape.methods) {
          for (const call of index.callsWithin(fn)) {
            // `self.checkpoint.save(...)`, or the object itself called (`self.saver(model)` runs `__call__`).
            const method = call.receiver?.text === `self.${attribute}` ? call.method : call.callee.text === `self.${attribute}` ? '__call__' : undefined;
            for (const inner of (method && savesOfClass(construction, method)) || []) {
              const path = composedPath(inner, construction, attribute, shape);
              if (!path) continue;
              for (const [entry, reached] of shape.reaches) {
                if (!reached.has(name)) continue;
                const key = `${shape.name}.${entry}`;
                const known = saves.get(key) ?? [];
                if (known.some((other) => other.path.template === path.template && other.path.holes.join('\u0000') === path.holes.join('\u0000'))) continue;
                known.push({ parameters: [], construction: { parameters: shape.construction, attributes: shape.attributes, computed: shape.computed }, path, returned: false, fillable: true });
                saves.set(key, known);
              }
            }
          }
        }
      }
    }
  }
}

/**
 * The path a method saves to, over the parameters of a method of its class that calls it directly
 * and hands each parameter the path reads a parameter of its own, unchanged, at every such call
 * (`__call__(self, val_loss, model, path)` calling `self.save_checkpoint(val_loss, model, path)`):
 * the file each call of the caller names. Undefined when any call passes something else.
 */
function forwardedPath(index: SemanticIndex, shape: ClassShape, entry: string, name: string, own: readonly Parameter[], path: PathValue): { parameters: Parameter[]; path: PathValue } | undefined {
  const caller = shape.methods.get(entry);
  const calls = caller ? index.callsWithin(caller).filter((call) => call.receiver?.text === 'self' && call.method === name) : [];
  if (!caller || calls.length === 0) return undefined;
  const parameters = parametersOf(index, caller).slice(1);
  const rebound = reboundIn(index, caller);
  const renamed = new Map<string, string>();
  for (const call of calls) {
    const bound = boundArguments(call, own);
    for (const hole of path.holes) {
      const parameter = parameterOf(hole, own);
      if (!parameter) continue;
      const given = bound.get(parameter.name);
      const outer = given && !('template' in given) && given.type === 'identifier' ? parameters.find((p) => p.name === given.text) : undefined;
      if (!outer || rebound(outer) || (renamed.get(parameter.name) ?? outer.name) !== outer.name) return undefined;
      renamed.set(parameter.name, outer.name);
    }
  }
  const holes = path.holes.map((hole) => {
    const parameter = parameterOf(hole, own);
    return parameter ? `${renamed.get(parameter.name)}${hole.slice(parameter.name.length)}` : hole;
  });
  return { parameters, path: { template: path.template, holes } };
}

/** The path an object's save writes, over the outer class's construction (see composeObjectSaves); undefined when a part reads anything else. */
function composedPath(inner: ParameterSave, construction: CallSite, attribute: string, shape: ClassShape): PathValue | undefined {
  if (!inner.construction || !inner.fillable || inner.path.holes.length === 0) return undefined;
  const bound = boundArguments(construction, inner.construction.parameters);
  let outer: string | undefined;
  const holes: string[] = [];
  for (const hole of inner.path.holes) {
    const part = parameterOf(hole, inner.parameters) ? undefined : attributeOf(hole, inner.construction.attributes);
    const given = part ? bound.get(part.parameter) : undefined;
    const name = given && !('template' in given) && given.type === 'identifier' ? given.text : undefined;
    if (!part || !name || !shape.construction.some((parameter) => parameter.name === name) || (outer !== undefined && outer !== name)) return undefined;
    outer = name;
    holes.push(`self.${attribute}${hole.slice(part.prefix.length)}`);
  }
  // Taken only now: an object whose save reads nothing of its construction leaves the attribute an object.
  shape.attributes.set(attribute, outer!);
  return { template: inner.path.template, holes };
}

/** The module's top-level functions, by name. */
function topLevelFunctions(index: SemanticIndex): Map<string, Node> {
  const functions = new Map<string, Node>();
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (fn && name) functions.set(name, fn);
    }
  }
  return functions;
}

/** What a class's saves are read against: its name, `__init__`'s parameters, the attributes set from them, and which methods each method reaches through `self`. */
interface ClassShape {
  name: string;
  construction: Parameter[];
  attributes: Map<string, string>;
  reaches: Map<string, Set<string>>;
  methods: Map<string, Node>;
  /** The attributes `__init__` sets to an object it builds (`self.checkpoint = ModelCheckpoint(path)`), with that construction. */
  objects: Map<string, CallSite>;
  computed: Map<string, ComputedAttribute>;
}

/** Method calls followed through `self` from one method, at most: enough for `__call__` -> `save_checkpoint`. */
const MAX_SELF_CALL_DEPTH = 4;

function classShape(index: SemanticIndex, classNode: Node): ClassShape {
  const methods = new Map<string, Node>();
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) methods.set(name, fn);
  }
  const init = methods.get('__init__');
  const construction = init ? parametersOf(index, init).slice(1) : [];
  // `self.path = path` in `__init__`: the attribute holds what the construction passed.
  const attributes = new Map<string, string>();
  const objects = new Map<string, CallSite>();
  const computed = new Map<string, ComputedAttribute>();
  for (const assignment of init ? index.nodesWithin('assignment', init) : []) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    const attribute = left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self' ? left.childForFieldName('attribute')?.text : undefined;
    if (!attribute || !right) continue;
    // Also spelled another way: `self.filepath = Path(filepath)` holds the file the construction named.
    const value = index.dataflow.pathOf(right);
    const parameter = value.template === '{}' && value.holes.length === 1 ? value.holes[0] : undefined;
    // A parameter itself is held as it is; an entry read off one (`config.BEST_MODEL_PATH`) is a path built of it.
    const held = !!parameter && construction.some(({ name }) => name === parameter);
    const built = held ? undefined : computedAttribute(index, value, construction, right);
    if (held) attributes.set(attribute, parameter!);
    else if (built) computed.set(attribute, built);
    else if (stripParens(right).type === 'call') {
      const built = index.call(stripParens(right));
      if (built) objects.set(attribute, built);
    }
  }
  // An attribute set again outside `__init__` may hold anything.
  for (const [name, fn] of methods) {
    if (name === '__init__') continue;
    for (const assignment of index.nodesWithin('assignment', fn)) {
      const left = assignment.childForFieldName('left');
      if (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
        attributes.delete(left.childForFieldName('attribute')?.text ?? '');
        objects.delete(left.childForFieldName('attribute')?.text ?? '');
        computed.delete(left.childForFieldName('attribute')?.text ?? '');
      }
    }
  }
  const calls = new Map<string, Set<string>>();
  for (const [name, fn] of methods) {
    const called = new Set<string>();
    for (const call of index.callsWithin(fn)) if (call.receiver?.text === 'self' && call.method && methods.has(call.method)) called.add(call.method);
    calls.set(name, called);
  }
  const reaches = new Map<string, Set<string>>();
  for (const name of methods.keys()) {
    const reached = new Set([name]);
    let frontier = [name];
    for (let depth = 0; depth < MAX_SELF_CALL_DEPTH && frontier.length > 0; depth++) {
      frontier = frontier.flatMap((method) => [...(calls.get(method) ?? [])].filter((next) => !reached.has(next) && reached.add(next)));
    }
    reaches.set(name, reached);
  }
  return { name: classNode.childForFieldName('name')?.text ?? '', construction, attributes, reaches, methods, objects, computed };
}

/** The name a run-time part of a path starts with (`config` of `config.MODEL_SAVE_PATH`). */
function headOf(hole: string): string {
  return /^[A-Za-z_]\w*/.exec(hole)?.[0] ?? hole;
}

/**
 * The parts of a saved path that read a name the module imports at its top level (`config` of
 * `config.MODEL_SAVE_PATH` after `import config`, `MODEL_DIR` after `from settings import MODEL_DIR`),
 * with the qualified name each stands for: Python imports a module once per run, so a caller that
 * imports the same name reads the same value. Undefined when there are none.
 */
function importedParts(index: SemanticIndex, path: PathValue, parameters: readonly Parameter[], at: Node): Map<string, string> | undefined {
  let imports: Map<string, string> | undefined;
  for (const hole of path.holes) {
    if (parameterOf(hole, parameters) || hole.includes('(')) continue;
    const head = headOf(hole);
    const target = importedAs(index, head, at);
    if (target) (imports ??= new Map()).set(head, target);
  }
  return imports;
}

/**
 * A part read from a name the saving module imports, as the calling file reads it: the same text,
 * when the file binds that name once, by an import of the same qualified name, keyed by that
 * binding as a read of it in the file is.
 */
function sameImport(index: SemanticIndex, hole: string, qualified: string, at: Node): { prefix: string; value: PathValue } | undefined {
  const head = headOf(hole);
  const definitions = index.definitionsOf(head);
  if (definitions.length !== 1 || importedAs(index, head, at) !== qualified) return undefined;
  return { prefix: hole, value: { template: '{}', holes: [hole], identity: String(definitions[0].node.startIndex) } };
}

/**
 * The path `__init__` builds at `at` when every run-time part of it reads a parameter of the
 * construction (`dataset`, `cfg.save_dir`) or a name the module imports at its top level; a part
 * worked out by a call, or read from anything else, may differ from what a caller builds.
 */
function computedAttribute(index: SemanticIndex, value: PathValue, construction: readonly Parameter[], at: Node): ComputedAttribute | undefined {
  if (value.holes.length === 0) return undefined;
  const imports = new Map<string, string>();
  for (const hole of value.holes) {
    if (parameterOf(hole, construction)) continue;
    const target = /^[A-Za-z_]\w*$/.test(hole) ? importedAs(index, hole, at) : undefined;
    if (!target) return undefined;
    imports.set(hole, target);
  }
  return { path: detached(value), imports };
}

/**
 * What `name`, read at `at`, is imported as at the module's top level: the qualified name, or for a
 * relative import (which the index leaves unbound) the module as written and the name (`..utils.config.ROOT`).
 */
function importedAs(index: SemanticIndex, name: string, at: Node): string | undefined {
  const resolution = index.resolve(name, at);
  if (resolution.kind === 'import') return resolution.binding.topLevel ? resolution.binding.target : undefined;
  if (resolution.kind !== 'unknown') return undefined;
  const imported = relativeImports(index).get(name);
  return imported && `${imported.module}.${imported.name}`;
}

/** The names a file imports from a relative import at its top level (`from .trainer import Trainer as T`), by local name. */
const relativeImports = oncePer((index: SemanticIndex): Map<string, { module: string; name: string }> => {
  const imported = new Map<string, { module: string; name: string }>();
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      const module = statement?.type === 'import_from_statement' ? statement.childForFieldName('module_name') : null;
      if (!statement || module?.type !== 'relative_import') continue;
      for (const item of statement.childrenForFieldName('name')) {
        const original = item?.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const local = item?.type === 'aliased_import' ? item.childForFieldName('alias') : item;
        if (original && local) imported.set(local.text, { module: module.text.replace(/\s+/g, ''), name: original.text });
      }
    }
  }
  return imported;
});

/** The attribute a run-time part of a path is, when `__init__` computed it (see ComputedAttribute). */
function computedOf(hole: string, computed: ReadonlyMap<string, ComputedAttribute>): ComputedAttribute | undefined {
  const match = /^self\.([A-Za-z_]\w*)$/.exec(hole);
  return match ? computed.get(match[1]) : undefined;
}

/** The `__init__` parameter a run-time part of a path reads through `self` (`path` for `self.path`, `self.path.parent`). */
function attributeOf(hole: string, attributes: ReadonlyMap<string, string>): { prefix: string; parameter: string } | undefined {
  const match = /^self\.([A-Za-z_]\w*)(?=$|[.[])/.exec(hole);
  const parameter = match ? attributes.get(match[1]) : undefined;
  return match && parameter ? { prefix: match[0], parameter } : undefined;
}

/**
 * Two expressions of one function name the same file: one name read over the same bindings
 * (`path`, saved to and returned), or the same value with no part worked out by a call, which
 * might give another name each time it is evaluated.
 */
function namesSameFile(index: SemanticIndex, a: Node, b: Node): boolean {
  const [left, right] = [stripParens(a), stripParens(b)];
  const flow = index.dataflow;
  if (left.type === 'identifier' && right.type === 'identifier' && left.text === right.text) {
    const bindings = (node: Node) => { const read = flow.readAt(node); return read ? flow.reachingDefinitions(read).map((d) => d.node.startIndex).join(',') : undefined; };
    const held = bindings(left);
    if (held !== undefined && held === bindings(right)) return true;
  }
  const [one, other] = [flow.pathOf(left), flow.pathOf(right)];
  return !one.holes.some((hole) => hole.includes('(')) && one.template === other.template && one.holes.join('\u0000') === other.holes.join('\u0000');
}

/** What a project module defines that a caller may use, by name (its saves, its seeders). */
type ModuleNames = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

/** The module functions a file imports by name from a relative import or a star import (which the index does not bind). */
export function unboundImports(index: SemanticIndex, project: ModuleNames): Map<string, { module: string; name: string }> {
  const imported = new Map<string, { module: string; name: string }>();
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      const module = statement?.type === 'import_from_statement' ? statement.childForFieldName('module_name') : null;
      const saves = module ? project.get(module.text.replace(/\s+/g, '')) : undefined;
      if (!statement || !module || !saves || !statement.namedChildren.some((child) => child?.type === 'wildcard_import')) continue;
      for (const key of saves.keys()) {
        const name = key.split('.')[0];
        if (!imported.has(name)) imported.set(name, { module: module.text.replace(/\s+/g, ''), name });
      }
    }
  }
  // Relative imports of a module the project knows; a later import of a name replaces a star's.
  for (const [local, target] of relativeImports(index)) if (project.has(target.module)) imported.set(local, target);
  return imported;
}

/** The saves of the project function a call calls, and for a method the construction of its object, if it is one. */
function savesOfCall(index: SemanticIndex, call: CallSite, project: ProjectSaves, unbound: () => Map<string, { module: string; name: string }>, own?: ModuleSaves): { saves: readonly ParameterSave[]; construction?: CallSite } | undefined {
  // A method called on an object built from a project class (`stopper = EarlyStopping(path=p)`, then `stopper(loss, model)` or `stopper.save(model)`).
  const object = calledObject(call);
  const construction = object ? constructionHeld(index, object) : undefined;
  const saves = construction ? methodSaves(index, construction, call, project, unbound, own) : undefined;
  if (saves) return { saves, construction };
  const fn = callTarget(index, call.qname, call.callee, unbound);
  const fnSaves = fn ? project.get(fn.module)?.get(fn.name) : undefined;
  return fnSaves ? { saves: fnSaves } : undefined;
}

/** The module and name a call's callee stands for: through its qualified name, or a name a relative or star import binds. */
export function callTarget(index: SemanticIndex, qname: string | undefined, callee: Node, unbound: () => Map<string, { module: string; name: string }>): { module: string; name: string } | undefined {
  if (qname) {
    const cut = qname.lastIndexOf('.');
    return cut > 0 ? { module: qname.slice(0, cut), name: qname.slice(cut + 1) } : undefined;
  }
  return callee.type === 'identifier' && index.resolve(callee.text, callee).kind === 'unknown' ? unbound().get(callee.text) : undefined;
}

/** The name a method call is made on, or the object itself called (`stopper(loss, model)` runs `__call__`). */
function calledObject(call: CallSite): Node | undefined {
  return call.callee.type === 'identifier' ? call.callee : call.receiver?.type === 'identifier' ? call.receiver : undefined;
}

/** Functions of the file a construction is followed back through (`prepare_model` building the stopper for `main`). */
const MAX_FACTORY_DEPTH = 2;

/**
 * The construction a value is, or the one bound to the name it reads (`stopper = EarlyStopping(path=p)`),
 * also when the name holds what a module-level function of the file returns, alone or at its place in
 * the tuple every return gives (`loss, es, model = prepare_model(args)`, where `prepare_model` builds
 * `es = EarlyStopping(path=...)` and returns it): every return must give that one construction, so the
 * object is the one it built, with the arguments it was built with.
 */
function constructionHeld(index: SemanticIndex, value: Node, depth = 0): CallSite | undefined {
  const node = stripParens(value);
  const held = node.type === 'identifier' ? index.bindingAt(node) : undefined;
  const built = node.type === 'call' ? node : held?.kind === 'assign' && held.value ? stripParens(held.value) : undefined;
  if (built?.type === 'call') {
    const returned = depth < MAX_FACTORY_DEPTH ? callResultValues(index, built) : undefined;
    return returned ? oneConstruction(index, returned, depth + 1) : index.call(built);
  }
  const items = held?.kind === 'unpack' && depth < MAX_FACTORY_DEPTH ? unpackedHelperResults(index, held) : undefined;
  return items ? oneConstruction(index, items, depth + 1) : undefined;
}

/** The one construction every value holds (constructionHeld), or undefined when they hold none or several. */
function oneConstruction(index: SemanticIndex, values: readonly Node[], depth: number): CallSite | undefined {
  const found = values.map((value) => constructionHeld(index, value, depth));
  const first = found[0];
  return first && found.every((construction) => construction?.node.startIndex === first.node.startIndex) ? first : undefined;
}

/** The saves of the method `call` runs on an object built by `construction`, from a class of a project module or of the file. */
function methodSaves(index: SemanticIndex, construction: CallSite, call: CallSite, project: ProjectSaves, unbound: () => Map<string, { module: string; name: string }>, own?: ModuleSaves): readonly ParameterSave[] | undefined {
  const cls = callTarget(index, construction.qname, construction.callee, unbound);
  const method = call.callee.type === 'identifier' ? '__call__' : call.method;
  const saves = cls && method ? project.get(cls.module)?.get(`${cls.name}.${method}`) : undefined;
  if (saves) return saves;
  // A class of the file itself (an `EarlyStopping` a notebook defines in an earlier cell).
  const local = construction.callee.type === 'identifier' ? index.resolve(construction.callee.text, construction.callee) : undefined;
  return local?.kind === 'local' && local.definition.kind === 'class' && method ? own?.get(`${construction.callee.text}.${method}`) : undefined;
}

/**
 * A method called on a parameter of a function of the file (`early_stopping(val_loss, model)` in the
 * epoch loop of `train_model(..., early_stopping)`), where a call of that function hands it an object
 * built from a saving class (`train_model(..., early_stopping=EarlyStopping(filepath=p))`, also through
 * a name bound to it): the save runs during that outer call, at the path the object was built with.
 * Every call of the function must hand the parameter a value (passedArguments); each gives its own.
 */
function handedObjectSaves(index: SemanticIndex, call: CallSite, project: ProjectSaves, unbound: () => Map<string, { module: string; name: string }>, own?: ModuleSaves): { saves: readonly ParameterSave[]; construction: CallSite; at: Node }[] {
  const object = calledObject(call);
  if (!object || index.bindingAt(object)?.kind !== 'param') return [];
  const found: { saves: readonly ParameterSave[]; construction: CallSite; at: Node }[] = [];
  for (const value of index.passedArguments(object) ?? []) {
    const construction = constructionHeld(index, value);
    const saves = construction ? methodSaves(index, construction, call, project, unbound, own) : undefined;
    const outer = argumentCall(value);
    if (construction && saves && outer) found.push({ saves, construction, at: outer });
  }
  return found;
}

/** The call an argument is passed to (`train(model, stopper)`, `train(early_stopping=stopper)`). */
function argumentCall(value: Node): Node | undefined {
  const list = value.parent?.type === 'keyword_argument' ? value.parent.parent : value.parent;
  return list?.type === 'argument_list' && list.parent?.type === 'call' ? list.parent : undefined;
}

/**
 * The values a call gives a function's parameters: its arguments, else the constant defaults. Beside a
 * splat (`train(model, out_dir=d, **params)`) only what the call names is certain: a keyword argument,
 * which the splat cannot give again (Python refuses a name given twice), and a position before the
 * first `*` splat; any other parameter, its default too, may be what the splat holds, and is left unbound.
 */
function boundArguments(call: CallSite, parameters: readonly Parameter[]): Map<string, Node | PathValue> {
  const bound = new Map<string, Node | PathValue>();
  const positional = parameters.filter((parameter) => !parameter.keywordOnly);
  const firstListSplat = call.hasSplat ? call.argumentList?.namedChildren.find((child) => child?.type === 'list_splat') : undefined;
  const certain = firstListSplat ? call.args.filter((arg) => arg.startIndex < firstListSplat.startIndex).length : call.args.length;
  for (const parameter of parameters) {
    const at = positional.indexOf(parameter);
    const value = (at >= 0 && at < certain ? call.args[at] : undefined) ?? call.kwargs.get(parameter.name) ?? (call.hasSplat ? undefined : parameter.default);
    if (value) bound.set(parameter.name, value);
  }
  return bound;
}

/** Where a run-time part of a saved path comes from: what a call gives the name it starts with (`args`, `self.path`). */
type PartSource = (hole: string) => { prefix: string; value: Node | PathValue } | undefined;

/** What a call gives the parameter a function saves to when it saves to that parameter itself (`torch.save(state, path)`). */
function wholePath(path: PathValue, source: PartSource): Node | PathValue | undefined {
  const { template, holes } = path;
  const whole = template === '{}' && holes.length === 1 ? source(holes[0]) : undefined;
  return whole && whole.prefix === holes[0] ? whole.value : undefined;
}

/** The key of the file a save writes when its parts are filled in from `source` (see fileKey). */
function savedKey(index: SemanticIndex, save: ParameterSave, source: PartSource): string | undefined {
  // Saved to the parameter itself: the file the argument names, as a load of it would name it.
  const whole = wholePath(save.path, source);
  if (whole) return 'template' in whole ? pathKey(whole) : fileKey(index.dataflow, whole);
  const path = filledPath(index, save.path, source);
  if (!path) return undefined;
  // A part worked out by a call may name another file each time it is evaluated; a change of case (`name.lower()`) names the same.
  if (!path.holes.some((part) => part.replace(CASE_STEPS, '').includes('('))) return pathKey(path);
  // Unless the call's arguments hold it through a name's one binding, as the load may read it too.
  const arguments_ = save.path.holes.map((hole) => source(hole)?.value);
  return arguments_.every((value): value is Node => !!value && !('template' in value)) ? keyOverHeldValues(index.dataflow, path, arguments_) : undefined;
}

/** A saved path with each run-time part filled in from `source`; undefined when a part has no source. */
function filledPath(index: SemanticIndex, saved: PathValue, source: PartSource): PathValue | undefined {
  const flow = index.dataflow;
  const pieces = saved.template.split('{}');
  if (pieces.length !== saved.holes.length + 1) return undefined;
  let template = pieces[0];
  const parts: string[] = [];
  for (let i = 0; i < saved.holes.length; i++) {
    const part = source(saved.holes[i]);
    if (!part) return undefined;
    const { prefix, value } = part;
    const argument = 'template' in value ? value : flow.pathOf(value);
    if (saved.holes[i] === prefix) {
      template += argument.template;
      parts.push(...argument.holes);
    } else {
      // `args.output_dir` with `args` given the caller's `args`: the same attribute of what it passes.
      // A load spells an entry of a name through the name (`config["checkpoint_dir"]`), whatever run-time
      // value binds it (`config = load_config(path)`): the same entry while nothing writes into it after the call.
      const read = 'template' in value ? undefined : stripParens(value);
      const named = read?.type === 'identifier' && !writtenInto(index, read, saved.holes[i].slice(prefix.length));
      const text = read && (named || argument.holes[0] === read.text) ? read.text : undefined;
      if (text === undefined || argument.template !== '{}' || argument.holes.length !== 1) return undefined;
      template += '{}';
      parts.push(text + saved.holes[i].slice(prefix.length));
    }
    template += pieces[i + 1];
  }
  return { template, holes: parts };
}

/**
 * A part read as one entry of a settings object the call hands over (`self.config.BEST_MODEL_PATH`
 * with `config` given `SimpleNamespace(BEST_MODEL_PATH=best_path, ...)`, `cfg["save_path"]` with
 * `dict(save_path=p)`): the value the literal holds for that entry, which the load may spell as the
 * caller wrote it (`best_path`), not through the object.
 */
function throughSettings(index: SemanticIndex, source: PartSource): PartSource {
  return (hole) => {
    const part = source(hole);
    if (!part || part.prefix === hole || 'template' in part.value) return part;
    const entry = handedSettingsEntry(index, part.value, hole.slice(part.prefix.length));
    return entry ? { prefix: hole, value: entry } : part;
  };
}

/** True when a call may give the parameter whose absence a save's path needs (by position, by keyword, or through a splat) a value other than `None`. */
function givesAbsent(call: CallSite, save: ParameterSave): boolean {
  if (!save.absent) return false;
  if (call.hasSplat) return true;
  // `name=None` gives the parameter nothing, as leaving it out does.
  const at = save.parameters.filter((parameter) => !parameter.keywordOnly).findIndex((parameter) => parameter.name === save.absent);
  const given = call.kwargs.get(save.absent) ?? (at >= 0 ? call.args[at] : undefined);
  return !!given && stripParens(given).type !== 'none';
}

/** What a call gives a function's parameters, as a source of a saved path's parts. */
function argumentSource(parameters: readonly Parameter[], bound: ReadonlyMap<string, Node | PathValue>): PartSource {
  return (hole) => {
    const parameter = parameterOf(hole, parameters);
    const value = parameter ? bound.get(parameter.name) : undefined;
    return parameter && value ? { prefix: parameter.name, value } : undefined;
  };
}

/** Rounds of composing helpers that call helpers (`main` -> `train` -> `save_model`): enough for the chains projects write. */
const MAX_HELPER_DEPTH = 3;

/**
 * A top-level function that calls another function of the module which saves through its
 * parameters (`train(model, ..., path)` calling `save_model(model, os.path.join(path, "best_model.pt"))`)
 * saves what that call passes, over its own parameters, when every part of the path it passes
 * reads one of them.
 */
function composeHelperSaves(index: SemanticIndex, saves: Map<string, ParameterSave[]>, functions: ReadonlyMap<string, Node>): void {
  for (let round = 0; round < MAX_HELPER_DEPTH; round++) {
    let added = false;
    for (const [name, fn] of functions) {
      const own = parametersOf(index, fn);
      const rebound = (parameter: Parameter) => index.definitionsOf(parameter.name).some((definition) => definition.kind !== 'param' && definition.scope.id === fn.id);
      for (const call of index.callsWithin(fn)) {
        const helper = call.callee.type === 'identifier' && call.callee.text !== name && functions.has(call.callee.text) ? saves.get(call.callee.text) : undefined;
        for (const save of helper ?? []) {
          const bound = save.fillable && !save.construction && !givesAbsent(call, save) ? boundArguments(call, save.parameters) : undefined;
          const path = bound ? filledPath(index, save.path, argumentSource(save.parameters, bound)) : undefined;
          if (!path || !path.holes.every((hole) => { const parameter = parameterOf(hole, own); return !!parameter && !rebound(parameter); })) continue;
          const known = saves.get(name) ?? [];
          if (known.some((other) => other.path.template === path.template && other.path.holes.join('\u0000') === path.holes.join('\u0000'))) continue;
          known.push({ parameters: own, path, returned: false, fillable: true });
          saves.set(name, known);
          added = true;
        }
      }
    }
    if (!added) return;
  }
}

/**
 * The files the file's calls of project functions save, by key (as fileKey names a load's file),
 * each with the call that writes it and, when the function saves to its parameter itself, the
 * argument that names the file (`ckpt_path` of `save_checkpoint(model, ckpt_path)`). `own` are the
 * file's own saves (moduleSavesOf): a method of a class the file defines saves as one of a project
 * module does.
 */
export function savesThroughProjectCalls(index: SemanticIndex, project: ProjectSaves, own?: ModuleSaves): { key: string; call: Node; path?: Node }[] {
  const found: { key: string; call: Node; path?: Node }[] = [];
  let unbound: Map<string, { module: string; name: string }> | undefined;
  const imports = () => (unbound ??= unboundImports(index, project));
  for (const call of index.calls) {
    const direct = savesOfCall(index, call, project, imports, own);
    // An object handed to a function of the file saves during the call that hands it, at the path it
    // was built with: the method's own arguments there are the function's names, which mean nothing at
    // that call, so a path that reads them is not known.
    const targets = [...(direct ? [{ ...direct, at: call.node, methodArguments: true }] : []),
      ...handedObjectSaves(index, call, project, imports, own).map((handed) => ({ ...handed, methodArguments: false }))];
    for (const target of targets) for (const save of target.saves) {
      const bound = save.fillable && !givesAbsent(call, save) ? (target.methodArguments ? boundArguments(call, save.parameters) : new Map<string, Node | PathValue>()) : undefined;
      const built = save.construction && target.construction ? builtArguments(index, target.construction, save.construction.parameters, target.at) : undefined;
      if (!bound || (save.construction && !built)) continue;
      const fromCall = argumentSource(save.parameters, bound);
      const source: PartSource = throughSettings(index, (hole) => {
        if (parameterOf(hole, save.parameters)) return fromCall(hole);
        const imported = save.imports?.get(headOf(hole));
        if (imported) return sameImport(index, hole, imported, target.at);
        const computed = save.construction ? computedOf(hole, save.construction.computed) : undefined;
        if (computed && built) {
          const parts = constructionSource(index, save.construction!.parameters, built, computed, target.at);
          // One whole entry of a settings object (`self.best_path = config.best_path`) holds what the caller wrote for it.
          const path = wholePath(computed.path, parts) ?? filledPath(index, computed.path, parts);
          return path ? { prefix: hole, value: path } : undefined;
        }
        const attribute = save.construction ? attributeOf(hole, save.construction.attributes) : undefined;
        const given = attribute ? built?.get(attribute.parameter) : undefined;
        return attribute && given ? { prefix: attribute.prefix, value: given } : undefined;
      });
      const key = savedKey(index, save, source);
      const whole = wholePath(save.path, source);
      if (key !== undefined) found.push({ key, call: target.at, ...(whole && !('template' in whole) ? { path: whole } : {}) });
    }
  }
  return found;
}

/**
 * What a construction gives `__init__`'s parameters (boundArguments), as the code at `at` sees them.
 * A construction in a function that does not hold `at` (a `prepare_model(args)` that builds the stopper
 * and returns it to `main`) reads that function's parameters: each is what its calls pass
 * (valueThroughPassedArguments), and an argument that reads a parameter passed no one value is left
 * unbound, so the path it gives is not known.
 */
function builtArguments(index: SemanticIndex, construction: CallSite, parameters: readonly Parameter[], at: Node): Map<string, Node | PathValue> {
  const bound = boundArguments(construction, parameters);
  const factory = enclosingFunction(construction.node);
  if (!factory || isAncestorOf(factory, at)) return bound;
  const seen = new Map<string, Node | PathValue>();
  for (const [name, value] of bound) {
    const through = 'template' in value ? value : valueThroughPassedArguments(index.dataflow, value);
    if (through) seen.set(name, through);
  }
  return seen;
}

/**
 * The parts of an attribute `__init__` computed, as a construction at `at` fills them: its
 * arguments, and each imported name the file at `at` imports from the same module.
 */
function constructionSource(index: SemanticIndex, parameters: readonly Parameter[], built: ReadonlyMap<string, Node | PathValue>, computed: ComputedAttribute, at: Node): PartSource {
  const fromArguments = throughSettings(index, argumentSource(parameters, built));
  return (hole) => {
    if (parameterOf(hole, parameters)) return fromArguments(hole);
    const same = importedAs(index, hole, at) === computed.imports.get(hole);
    return same ? { prefix: hole, value: { template: '{}', holes: [hole] } } : undefined;
  };
}

/** What the returns of `fn` that give a value give (`return None` and a bare `return` left out). */
function givenValues(index: SemanticIndex, fn: Node): Node[] {
  return index.functionExits(fn).returns.map((exit) => exit.namedChild(0)).filter((value): value is Node => !!value && value.text !== 'None').map(stripParens);
}

/** What every return of `fn` that gives a value gives, when each is a tuple of one length. */
function returnedTuples(index: SemanticIndex, fn: Node): Node[] | undefined {
  const values = givenValues(index, fn);
  const fits = values.length > 0 && values.every((value) => (value.type === 'expression_list' || value.type === 'tuple') && value.namedChildCount === values[0]!.namedChildCount);
  return fits ? values : undefined;
}

/** `holds` accepts every one of the values but `None` (which names no file: an early exit's placeholder), and there is one at least. */
function heldThroughout(values: readonly Node[], holds: (value: Node) => boolean): boolean {
  const given = values.filter((value) => value.text !== 'None');
  return given.length > 0 && given.every(holds);
}

/**
 * The position in the tuple every return of `fn` that gives a value gives at which each gives what
 * `holds` accepts, the saved path (`return MODEL_PATH, run_id` after `joblib.dump(model, MODEL_PATH)`),
 * when there is one; an exit may give `None` there instead.
 */
function returnedPosition(index: SemanticIndex, fn: Node, holds: (element: Node) => boolean): number | undefined {
  const tuples = returnedTuples(index, fn);
  // `return None, None` on an early exit names no file: the name bound there holds `None`.
  for (let position = 0; tuples && position < tuples[0]!.namedChildCount; position++) {
    if (heldThroughout(tuples.map((value) => value.namedChild(position)!), holds)) return position;
  }
  return undefined;
}

/**
 * The entry of the record every return of `fn` that gives a value builds in which each gives what
 * `holds` accepts, the saved path (`return Result(model_path=model_path, auc=auc)`, `return
 * {"model_path": model_path}`), when there is one; an exit may give `None` there instead.
 */
function returnedEntry(index: SemanticIndex, fn: Node, holds: (element: Node) => boolean): RecordEntry | undefined {
  const values = givenValues(index, fn);
  for (const entry of values.length > 0 ? recordEntries(index, values[0]!) ?? [] : []) {
    const held = values.map((value) => recordValue(index, value, entry));
    if (held.every((value) => value !== undefined) && heldThroughout(held as Node[], holds)) return entry;
  }
  return undefined;
}

/** The call a flat unpacking takes apart (`a, b = f(...)`), and the position of the definition's name in it. */
export function unpackedCall(definition: Definition): { call: Node; position: number } | undefined {
  const statement = definition.statement;
  const left = statement.type === 'assignment' ? statement.childForFieldName('left') : null;
  const right = statement.type === 'assignment' ? statement.childForFieldName('right') : null;
  const call = right ? stripParens(right) : undefined;
  if (!left || call?.type !== 'call' || !left.namedChildren.every((child) => child?.type === 'identifier')) return undefined;
  const position = left.namedChildren.findIndex((child) => child?.startIndex === definition.node.startIndex);
  return position < 0 ? undefined : { call, position };
}

/**
 * A function that hands on, in the tuple every return of a value gives or in an entry of the record it
 * builds, what a function of the module or of a project module returned as the path it saved to, alone
 * or at a position of its tuple (`model_path = _write_model(clf, models_dir=d)` or `model_path, run_id =
 * train_churn_model(X, y)`, then `return model_path, run_id` or `return Result(model_path=model_path)`):
 * there it returns the path saved, as that function does.
 */
function recordForwardedReturns(index: SemanticIndex, saves: ReadonlyMap<string, readonly ParameterSave[]>, record: (name: string, save: ParameterSave) => void, imported: ProjectSaves | undefined): void {
  const functions = topLevelFunctions(index);
  const returnsSave = (call: Node, at?: number) => {
    const callee = call.childForFieldName('function');
    const resolution = callee?.type === 'identifier' ? index.resolve(callee.text, callee) : undefined;
    const own = resolution?.kind === 'local' && resolution.definition.kind === 'def' && functions.get(callee!.text)?.startIndex === resolution.definition.statement.startIndex;
    return own ? !!saves.get(callee!.text)?.some((save) => returnedThere(save, at)) : !!imported && returnsOwnSave(index, imported, call, at);
  };
  const forwarded = (element: Node) => {
    if (element.type === 'call') return returnsSave(element);
    const read = element.type === 'identifier' ? index.dataflow.readAt(element) : undefined;
    const bindings = read ? index.dataflow.reachingDefinitions(read) : [];
    return bindings.length > 0 && bindings.every((definition) => {
      const value = definition.kind === 'assign' && definition.value ? stripParens(definition.value) : undefined;
      if (value?.type === 'call') return returnsSave(value);
      const unpacked = definition.kind === 'unpack' ? unpackedCall(definition) : undefined;
      return !!unpacked && returnsSave(unpacked.call, unpacked.position);
    });
  };
  for (const [name, fn] of functions) {
    const returnedAt = returnedPosition(index, fn, forwarded);
    const returnedIn = returnedAt === undefined ? returnedEntry(index, fn, forwarded) : undefined;
    const values = givenValues(index, fn);
    const element = returnedAt !== undefined ? values[0]!.namedChild(returnedAt) : returnedIn ? recordValue(index, values[0]!, returnedIn) : undefined;
    if (!element) continue;
    record(name, { parameters: parametersOf(index, fn), path: detached(index.dataflow.pathOf(element)), returned: false, ...(returnedAt !== undefined ? { returnedAt } : { returnedIn }), fillable: false });
  }
}

/** The save's function returns the path it saved where `at` says: its whole value, a position of its tuple, or an entry of its record. */
function returnedThere(save: ParameterSave, at: number | RecordEntry | undefined): boolean {
  if (at === undefined) return save.returned;
  return typeof at === 'number' ? save.returnedAt === at : save.returnedIn?.key === at.key && save.returnedIn.access === at.access;
}

/**
 * A call of a project function that returns the path it saved to (`ckpt = save_checkpoint(model,
 * out_dir, filename=name)`): the name bound to its result holds the program's own file; with a
 * position, the name bound to that element of the tuple it returns (`model_path, run_id = train(...)`);
 * with an entry, that entry of the record it returns (`result.model_path` after `result = train(...)`).
 */
export function returnsOwnSave(index: SemanticIndex, project: ProjectSaves, call: Node, at?: number | RecordEntry): boolean {
  const site = index.call(call);
  let unbound: Map<string, { module: string; name: string }> | undefined;
  const target = site ? savesOfCall(index, site, project, () => (unbound ??= unboundImports(index, project))) : undefined;
  return !!target?.saves.some((save) => returnedThere(save, at));
}

