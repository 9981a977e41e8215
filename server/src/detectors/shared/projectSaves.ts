// What the project's own modules save (config/projectModules.ts reads them): a function of an
// imported module that serializes a model or data to a path built from its parameters
// (`def save_checkpoint(model, path): torch.save(model.state_dict(), path)`) writes, at each call,
// the path that call passes. A load of that path after the call reads the program's own file.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { holdsData } from '../../semantics/dataio';
import { parameterName } from '../../semantics/definitions';
import { enclosingFunction, isTopLevel, stripParens } from '../../semantics/nodes';
import { pathKey, type PathValue } from '../../semantics/pathValues';
import type { CallSite } from '../../semantics/types';
import { fileKey } from './runOrder';

/** A parameter of a saving function, with the path value of its default when that is a constant. */
interface Parameter {
  name: string;
  default?: PathValue;
  /** After `*` or `*args`: given only by keyword. */
  keywordOnly?: true;
}

/** One save in a module's function: the function's parameters and the path saved, over them. */
export interface ParameterSave {
  parameters: readonly Parameter[];
  path: PathValue;
  /** The function returns the path it saved to (`torch.save(state, path)` ... `return path`). */
  returned: boolean;
  /** Every run-time part of the path reads a parameter the function never rebinds: a call's arguments fill it in. */
  fillable: boolean;
}

/** A module's top-level functions that save to a path built from their parameters (or to a constant path), by name. */
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
    parameters.push({ name: name.text, ...(constant && constant.holes.length === 0 ? { default: detached(constant) } : {}), ...(keywordOnly ? { keywordOnly: true as const } : {}) });
  }
  return parameters;
}

/**
 * The saves of a module's top-level functions whose path is known but for the function's
 * parameters (each run-time part reads a parameter the function never rebinds), or that the function
 * returns. A part the function works out itself (a time stamp, a global) may differ from what the
 * caller builds: such a path is matched only through the function's result.
 */
export function moduleSavesOf(index: SemanticIndex): ModuleSaves {
  const saves = new Map<string, ParameterSave[]>();
  for (const io of index.dataflow.io) {
    if (io.direction !== 'write' || !io.path || !(io.what === 'model' || holdsData(io))) continue;
    const fn = enclosingFunction(io.call.node);
    const holder = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn?.type === 'function_definition' && holder && isTopLevel(holder) ? fn.childForFieldName('name')?.text : undefined;
    if (!name || !fn) continue;
    const parameters = parametersOf(index, fn);
    const path = index.dataflow.pathOf(io.path);
    const returned = index.functionExits(fn).returns.some((exit) => {
      const value = exit.namedChild(0);
      return !!value && namesSameFile(index, io.path!, value);
    });
    const rebound = (parameter: Parameter) => index.definitionsOf(parameter.name).some((definition) => definition.kind !== 'param' && definition.scope.id === fn.id);
    const fillable = path.holes.every((hole) => { const parameter = parameterOf(hole, parameters); return !!parameter && !rebound(parameter); });
    // A path the function returns is the file saved whatever its parts.
    if (returned || fillable) {
      const list = saves.get(name) ?? [];
      list.push({ parameters, path: detached(path), returned, fillable });
      saves.set(name, list);
    }
  }
  return saves;
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

/** The module functions a file imports by name from a relative import or a star import (which the index does not bind). */
function unboundImports(index: SemanticIndex, project: ProjectSaves): Map<string, { module: string; name: string }> {
  const imported = new Map<string, { module: string; name: string }>();
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      const module = statement?.type === 'import_from_statement' ? statement.childForFieldName('module_name') : null;
      const saves = module ? project.get(module.text.replace(/\s+/g, '')) : undefined;
      if (!statement || !module || !saves) continue;
      if (statement.namedChildren.some((child) => child?.type === 'wildcard_import')) {
        for (const name of saves.keys()) if (!imported.has(name)) imported.set(name, { module: module.text.replace(/\s+/g, ''), name });
        continue;
      }
      if (module.type !== 'relative_import') continue;
      for (const item of statement.childrenForFieldName('name')) {
        const original = item?.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const local = item?.type === 'aliased_import' ? item.childForFieldName('alias') : item;
        if (original && local) imported.set(local.text, { module: module.text.replace(/\s+/g, ''), name: original.text });
      }
    }
  }
  return imported;
}

/** The saves of the project function a call calls, if it is one. */
function savesOfCall(index: SemanticIndex, call: CallSite, project: ProjectSaves, unbound: () => Map<string, { module: string; name: string }>): readonly ParameterSave[] | undefined {
  if (call.qname) {
    const cut = call.qname.lastIndexOf('.');
    return cut > 0 ? project.get(call.qname.slice(0, cut))?.get(call.qname.slice(cut + 1)) : undefined;
  }
  if (call.callee.type !== 'identifier' || index.resolve(call.callee.text, call.node).kind !== 'unknown') return undefined;
  const target = unbound().get(call.callee.text);
  return target ? project.get(target.module)?.get(target.name) : undefined;
}

/** The values a call gives a function's parameters: its arguments, else the constant defaults. */
function boundArguments(call: CallSite, parameters: readonly Parameter[]): Map<string, Node | PathValue> | undefined {
  if (call.hasSplat) return undefined;
  const bound = new Map<string, Node | PathValue>();
  const positional = parameters.filter((parameter) => !parameter.keywordOnly);
  for (const parameter of parameters) {
    const at = positional.indexOf(parameter);
    const value = (at >= 0 ? call.args[at] : undefined) ?? call.kwargs.get(parameter.name) ?? parameter.default;
    if (value) bound.set(parameter.name, value);
  }
  return bound;
}

/** The key of the file a save writes when the call binds its parameters as `bound` (see fileKey). */
function savedKey(index: SemanticIndex, save: ParameterSave, bound: ReadonlyMap<string, Node | PathValue>): string | undefined {
  const flow = index.dataflow;
  const { template: saved, holes } = save.path;
  // Saved to the parameter itself: the file the argument names, as a load of it would name it.
  if (saved === '{}' && holes.length === 1 && holes[0] === parameterOf(holes[0], save.parameters)?.name) {
    const value = bound.get(holes[0]);
    return value && !('template' in value) ? fileKey(flow, value) : value ? pathKey(value) : undefined;
  }
  const pieces = saved.split('{}');
  if (pieces.length !== holes.length + 1) return undefined;
  let template = pieces[0];
  const parts: string[] = [];
  for (let i = 0; i < holes.length; i++) {
    const name = parameterOf(holes[i], save.parameters)?.name;
    const value = name ? bound.get(name) : undefined;
    if (!name) return undefined;
    if (!value) return undefined;
    const argument = 'template' in value ? value : flow.pathOf(value);
    if (holes[i] === name) {
      template += argument.template;
      parts.push(...argument.holes);
    } else {
      // `args.output_dir` with `args` given the caller's `args`: the same attribute of what it passes.
      const text = 'template' in value ? undefined : stripParens(value).text;
      if (text === undefined || argument.template !== '{}' || argument.holes[0] !== text) return undefined;
      template += '{}';
      parts.push(text + holes[i].slice(name.length));
    }
    template += pieces[i + 1];
  }
  // A part worked out by a call may name another file each time it is evaluated.
  return parts.some((part) => part.includes('(')) ? undefined : pathKey({ template, holes: parts });
}

/**
 * The files the file's calls of project functions save, by key (as fileKey names a load's file),
 * each with the call that writes it.
 */
export function savesThroughProjectCalls(index: SemanticIndex, project: ProjectSaves): { key: string; call: Node }[] {
  const found: { key: string; call: Node }[] = [];
  let unbound: Map<string, { module: string; name: string }> | undefined;
  for (const call of index.calls) {
    const saves = savesOfCall(index, call, project, () => (unbound ??= unboundImports(index, project)));
    for (const save of saves ?? []) {
      const bound = save.fillable ? boundArguments(call, save.parameters) : undefined;
      const key = bound ? savedKey(index, save, bound) : undefined;
      if (key !== undefined) found.push({ key, call: call.node });
    }
  }
  return found;
}

/**
 * A call of a project function that returns the path it saved to (`ckpt = save_checkpoint(model,
 * out_dir, filename=name)`): the name bound to its result holds the program's own file.
 */
export function returnsOwnSave(index: SemanticIndex, project: ProjectSaves, call: Node): boolean {
  const site = index.call(call);
  let unbound: Map<string, { module: string; name: string }> | undefined;
  const saves = site ? savesOfCall(index, site, project, () => (unbound ??= unboundImports(index, project))) : undefined;
  return !!saves?.some((save) => save.returned);
}
