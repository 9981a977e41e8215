// The value of a path (or any string) expression as far as it is known without running anything:
// literals, variables bound to them (wherever the binding that reaches the read is), `os.path.join`,
// `Path(...)`, `/` and `+`, f-strings and `str.format`, and the same path spelled another way
// (`str(p)`, `p.absolute().as_posix()`, `os.path.abspath(p)`), and pathlib's renaming of the last part
// (`p.with_suffix(".pth")`) or `str.replace` with constant arguments (`p.replace(".pth", "_best.pth")`),
// or its case changed (`name.lower()`),
// which compute a path from `p` alone, and a class attribute read through an object of the class
// (`net.WEIGHTS_DIR`, spelled as `CaptchaNet.WEIGHTS_DIR`). A part known only at run time becomes a
// hole `{}` that keeps its source text, so two paths compare by their constant parts and by what
// fills their holes: `f"{OUT}/preds.csv"` and `os.path.join(OUT, "preds.csv")` are the same file.
import type { Node } from 'web-tree-sitter';
import type { DataFlow } from './dataflow';
import { stringParts, stringPrefix } from './literals';
import { MODULE_SCOPE } from './definitions';
import { dottedName, stripParens } from './nodes';
import type { SemanticIndex } from './index';
import type { Definition } from './types';
import { unpackedElement } from './values';

export interface PathValue {
  /** The constant parts, with `{}` where a part is known only at run time. */
  template: string;
  /** The source text of each run-time part, in order. */
  holes: string[];
  /** The string literal holding the last component when the value is built from literals only (for fixes that rename the file). */
  literal?: Node;
  /** For a value that is one run-time part and nothing else: the bindings it reads, to tell two such values apart. */
  identity?: string;
  /**
   * The string literal the value starts with (`"/home/ana"` in `os.path.join("/home/ana", name)`),
   * and whether it was reached through a module-level name (named configuration, not a literal in place).
   */
  head?: { literal: Node; throughModuleName: boolean };
}

/** A string's value as far as it is known: its template, and whether run-time parts (`{}`) are in it. */
export interface KnownString {
  value: string;
  partial: boolean;
}

/** The known string of a value; none when the value is one run-time part and nothing else. */
export function knownString(value: PathValue): KnownString | undefined {
  return value.template === '{}' && value.holes.length === 1 ? undefined : { value: value.template, partial: value.holes.length > 0 };
}

const JOIN_FUNCTIONS = new Set(['os.path.join', 'posixpath.join', 'ntpath.join']);
const PATH_CONSTRUCTORS = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.WindowsPath']);
/** pathlib's `Path` as fastai and fastcore hand it on (`from fastai.vision.all import Path`): the same class. */
const REEXPORTED_PATH = /^(fastai|fastcore)(\.\w+)*\.Path$/;
const isPathConstructor = (qname: string) => PATH_CONSTRUCTORS.has(qname) || REEXPORTED_PATH.test(qname);
/** Functions that return the path they are given as another type or spelling: the same file. */
const PATH_CONVERSIONS = new Set(['builtins.str', 'os.fspath', 'os.path.abspath', 'os.path.realpath', 'os.path.normpath']);

/** A call that hands back the one path it is given, as a path object or spelled another way (`Path(p)`, `str(p)`). */
export function spellsPathAgain(qname: string): boolean {
  return isPathConstructor(qname) || PATH_CONVERSIONS.has(qname);
}
/** pathlib methods that return the same file as a string or an absolute path. */
const SAME_FILE_METHODS = new Set(['as_posix', 'absolute', 'resolve', '__fspath__']);
/** pathlib methods that give the path with its last part renamed: the same for the same path and argument. */
const RENAMING_METHODS = new Set(['with_suffix', 'with_name', 'with_stem']);
/** str methods that give their receiver's text in one case: `lower`, `upper`. */
const CASE_METHODS = new Set(['lower', 'upper']);
/** The calls a run-time part may end in that only change its case (`model_name.lower()`): pure, the same text for the same part. */
export const CASE_STEPS = /\.(?:lower|upper)\(\)/g;
const MAX_DEPTH = 8;

export function isExact(value: PathValue): boolean {
  return value.holes.length === 0;
}

export function evaluatePath(flow: DataFlow, expression: Node, depth: number): PathValue {
  const node = stripParens(expression);
  if (depth > MAX_DEPTH) return hole(node);
  switch (node.type) {
    case 'string':
    case 'concatenated_string':
      return stringLiteral(flow, node, depth);
    case 'identifier':
      return variable(flow, node, depth);
    case 'call':
      return call(flow, node, depth) ?? hole(node);
    case 'attribute': {
      const shared = classAttributeOfInstance(flow, node);
      return shared ? { template: '{}', holes: [shared.spelled] } : hole(node);
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right && operator === '%') return printf(flow, left, right, depth) ?? hole(node);
      if (!left || !right || (operator !== '/' && operator !== '+')) return hole(node);
      const parts = [flow.pathOf(left, depth + 1), flow.pathOf(right, depth + 1)];
      return operator === '/' ? join(parts) : concat(parts);
    }
    default:
      return hole(node);
  }
}

/** The attribute chains a file reads, and the attribute names it assigns on some object (`self.ckpt_dir = ...`). */
interface AttributeUse {
  read: Set<string>;
  assigned: Set<string>;
}
const attributeUses = new WeakMap<SemanticIndex, AttributeUse>();

function attributeUseOf(index: SemanticIndex): AttributeUse {
  let found = attributeUses.get(index);
  if (found) return found;
  found = { read: new Set(), assigned: new Set() };
  for (const node of index.nodes('attribute')) {
    let target: Node = node;
    while (target.parent && (target.parent.type === 'pattern_list' || target.parent.type === 'tuple_pattern')) target = target.parent;
    const parent = target.parent;
    const assigned = (parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.startIndex === target.startIndex;
    const name = node.childForFieldName('attribute')?.text;
    if (assigned && name) found.assigned.add(name);
    else found.read.add(node.text);
  }
  attributeUses.set(index, found);
  return found;
}

/**
 * An attribute read through an instance that the file also reads through its class (`model.SAVE_DIR`
 * of `model = CaptchaNet(...)`, beside `CaptchaNet.SAVE_DIR`): Python finds an attribute on the
 * class when the instance has none of its own, so both spell one value, `CaptchaNet.SAVE_DIR`. The
 * name must hold only instances of that one class, and nothing in the file may set that attribute
 * on any object (`self.SAVE_DIR = run_dir` would give each instance its own). `cls` is the class
 * as the construction names it, for the bindings it reads.
 */
export function classAttributeOfInstance(flow: DataFlow, node: Node): { spelled: string; cls: Node } | undefined {
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  const read = object?.type === 'identifier' ? flow.readAt(object) : undefined;
  const definitions = read ? flow.reachingDefinitions(read) : [];
  const constructors = definitions.map((d) => (d.kind === 'assign' && d.value?.type === 'call' ? d.value.childForFieldName('function') ?? undefined : undefined));
  const cls = constructors[0];
  const name = cls ? dottedName(cls) : undefined;
  if (!attribute || !name || constructors.some((c) => !c || dottedName(c) !== name)) return undefined;
  const spelled = `${name}.${attribute.text}`;
  const uses = attributeUseOf(flow.index);
  return uses.read.has(spelled) && !uses.assigned.has(attribute.text) ? { spelled, cls: cls! } : undefined;
}

function hole(node: Node, identity?: string): PathValue {
  return identity ? { template: '{}', holes: [node.text], identity } : { template: '{}', holes: [node.text] };
}

function stringLiteral(flow: DataFlow, node: Node, depth: number): PathValue {
  const parts = stringParts(node);
  if (!parts) return hole(node);
  const value = concat(parts.map((part) => (typeof part === 'string' ? { template: part, holes: [] } : flow.pathOf(part, depth + 1))));
  const interpolated = parts.some((part) => typeof part !== 'string');
  // Built field by field: spreading objects of several shapes was most of the cost of a path literal.
  if (typeof parts[0] === 'string' || parts.length === 0) value.head = { literal: node, throughModuleName: false };
  if (!interpolated && !stringPrefix(node).includes('b')) value.literal = node;
  return value;
}

/**
 * The bindings that can give a read a path: all of them but `name = None` when some other remains.
 * A placeholder `None` (`best_path = None` before the loop that sets it) names no file, so whatever
 * a read of the name opens, the other bindings named it.
 */
export function pathBindings(flow: DataFlow, definitions: readonly Definition[]): readonly Definition[] {
  const valueOf = (d: Definition) => (d.kind === 'assign' ? d.value : d.kind === 'unpack' ? unpackedElement(flow, d) : undefined);
  const named = definitions.filter((d) => { const value = valueOf(d); return !(value && stripParens(value).type === 'none'); });
  return named.length > 0 ? named : definitions;
}

/** A variable: the value every binding that can reach this read gives it, if they agree (a placeholder `None` aside). */
function variable(flow: DataFlow, node: Node, depth: number): PathValue {
  const read = flow.readAt(node);
  const definitions = read ? pathBindings(flow, flow.reachingDefinitions(read)) : [];
  const identity = definitions.length ? definitions.map((d) => d.node.startIndex).join(',') : `name:${node.text}`;
  if (definitions.length === 0 || definitions.some((d) => (d.kind !== 'assign' && d.kind !== 'walrus') || !d.value)) return hole(node, identity);
  const values = definitions.map((d) => flow.pathOf(d.value!, depth + 1));
  const [first] = values;
  if (!values.every((v) => v.template === first.template && v.holes.join('\0') === first.holes.join('\0'))) return hole(node, identity);
  const atModule = definitions.some((d) => d.scopeKey === MODULE_SCOPE);
  const head = first.head && values.every((v) => v.head?.literal === first.head!.literal)
    ? { head: { literal: first.head.literal, throughModuleName: first.head.throughModuleName || atModule } } : {};
  if (values.length > 1) return { template: first.template, holes: first.holes, ...head };
  return first.template === '{}' ? { ...first, ...head, identity: first.identity ?? identity } : { ...first, ...head };
}

function call(flow: DataFlow, node: Node, depth: number): PathValue | undefined {
  const site = flow.index.call(node);
  if (!site || site.hasSplat) return undefined;
  const args = site.args;
  if (site.qname && (JOIN_FUNCTIONS.has(site.qname) || isPathConstructor(site.qname)) && site.kwargs.size === 0 && args.length > 0) {
    return join(args.map((arg) => flow.pathOf(arg, depth + 1)));
  }
  if (site.qname && PATH_CONVERSIONS.has(site.qname) && args.length === 1) return flow.pathOf(args[0], depth + 1);
  // `p.absolute().as_posix()`: the same file written another way.
  if (site.method && SAME_FILE_METHODS.has(site.method) && site.receiver && args.length === 0 && site.kwargs.size === 0) return flow.pathOf(site.receiver, depth + 1);
  if (site.method && RENAMING_METHODS.has(site.method) && site.receiver && args.length === 1 && site.kwargs.size === 0) {
    const part = flow.pathOf(args[0], depth + 1);
    return isExact(part) ? renamed(flow.pathOf(site.receiver, depth + 1), site.method, part.template) : undefined;
  }
  // `str.replace(old, new)` (two arguments: pathlib's `Path.replace(target)` moves a file and takes one).
  if (site.method === 'replace' && site.receiver && args.length === 2 && site.kwargs.size === 0) {
    const [from, to] = args.map((arg) => flow.pathOf(arg, depth + 1));
    return isExact(from) && from.template !== '' && isExact(to) ? replaced(flow.pathOf(site.receiver, depth + 1), from.template, to.template) : undefined;
  }
  // `name.lower()`: the text of its receiver in one case, the same whenever it runs.
  if (site.method && CASE_METHODS.has(site.method) && site.receiver && args.length === 0 && site.kwargs.size === 0) {
    const value = flow.pathOf(site.receiver, depth + 1);
    if (isExact(value)) return { template: site.method === 'lower' ? value.template.toLowerCase() : value.template.toUpperCase(), holes: [] };
    return value.template === '{}' && value.holes.length === 1 ? { template: '{}', holes: [`${value.holes[0]}.${site.method}()`] } : undefined;
  }
  if (site.method === 'joinpath' && site.receiver && args.length > 0) {
    return join([flow.pathOf(site.receiver, depth + 1), ...args.map((arg) => flow.pathOf(arg, depth + 1))]);
  }
  if (site.method === 'format' && site.receiver && stripParens(site.receiver).type === 'string') return format(flow, site.receiver, args, site.kwargs, depth);
  return undefined;
}

/**
 * `p.with_suffix(".pth")`, `p.with_name(...)`, `p.with_stem(...)`: a last part known in full is renamed
 * as pathlib does (`out/model.pt` becomes `out/model.pth`); one known only at run time keeps the
 * renaming in the value, so the same renaming of the same path is the same file, and no other.
 */
function renamed(value: PathValue, method: string, part: string): PathValue {
  const cut = value.template.lastIndexOf('/') + 1;
  const name = value.template.slice(cut);
  let template = `${value.template}<${method} ${part}>`;
  if (name && !name.includes('{}')) {
    const dot = name.lastIndexOf('.');
    const [stem, suffix] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    template = value.template.slice(0, cut) + (method === 'with_name' ? part : method === 'with_stem' ? part + suffix : stem + part);
  }
  return value.head ? { template, holes: value.holes, head: value.head } : { template, holes: value.holes };
}

/**
 * `p.replace(".pth", "_best.pth")`: a value known in full is replaced as Python does; one with a
 * run-time part keeps the replacement in the value (the part itself may hold the old text), so the
 * same replacement of the same path is the same file, and no other.
 */
function replaced(value: PathValue, from: string, to: string): PathValue {
  if (isExact(value)) return { template: value.template.split(from).join(to), holes: [] };
  return { template: `${value.template}<replace ${from} ${to}>`, holes: value.holes };
}

/** `"out/{}_{name}.csv".format(i, name=n)`: each replacement field filled by its argument. */
function format(flow: DataFlow, receiver: Node, args: Node[], kwargs: ReadonlyMap<string, Node>, depth: number): PathValue | undefined {
  const parts = stringParts(receiver);
  if (!parts || parts.some((part) => typeof part !== 'string')) return undefined;
  const text = (parts as string[]).join('');
  const pieces: PathValue[] = [];
  let next = 0;
  let last = 0;
  for (const match of text.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
    pieces.push({ template: text.slice(last, match.index), holes: [] });
    last = match.index + match[0].length;
    if (match[0] === '{{' || match[0] === '}}') {
      pieces.push({ template: match[0][0], holes: [] });
      continue;
    }
    const field = (match[1] ?? '').split(/[!:]/)[0];
    const argument = field === '' ? args[next++] : /^\d+$/.test(field) ? args[Number(field)] : kwargs.get(field);
    if (!argument) return undefined;
    pieces.push(flow.pathOf(argument, depth + 1));
  }
  pieces.push({ template: text.slice(last), holes: [] });
  const value = concat(pieces);
  value.head = { literal: stripParens(receiver), throughModuleName: false };
  return value;
}

/**
 * `"model-%d" % (epoch + 1)`: printf-style formatting of a literal, each plain conversion (`%s`, `%d`,
 * `%i`, `%u`) filled by its argument as `str()` of it would be, so the same text built by `"-" + str(n)`
 * is the same file. A conversion with a flag, width or precision (`%05d`, `%.2f`), another type (`%r`,
 * `%x`), or a mapping key (`%(name)s`) writes other text than the argument's own: the value is unknown.
 */
function printf(flow: DataFlow, left: Node, right: Node, depth: number): PathValue | undefined {
  const receiver = stripParens(left);
  const parts = stringParts(receiver);
  if (!parts || parts.some((part) => typeof part !== 'string')) return undefined;
  const text = (parts as string[]).join('');
  const conversions = [...text.matchAll(/%(.)/gs)];
  const fields = conversions.filter((match) => match[1] !== '%');
  if (fields.some((match) => !'sdiu'.includes(match[1]))) return undefined;
  const operand = stripParens(right);
  const args = fields.length === 1 && operand.type !== 'tuple' ? [operand] : operand.type === 'tuple' ? operand.namedChildren.filter((child): child is Node => !!child) : [];
  if (args.length !== fields.length || args.some((arg) => arg.type === 'list_splat' || arg.type === 'keyword_argument')) return undefined;
  const pieces: PathValue[] = [];
  let last = 0;
  let next = 0;
  for (const match of conversions) {
    pieces.push({ template: text.slice(last, match.index), holes: [] });
    last = match.index + match[0].length;
    pieces.push(match[1] === '%' ? { template: '%', holes: [] } : flow.pathOf(args[next++], depth + 1));
  }
  pieces.push({ template: text.slice(last), holes: [] });
  const value = concat(pieces);
  value.head = { literal: receiver, throughModuleName: false };
  return value;
}

/** The parts one after the other: a new value (stringLiteral adds to it). */
function concat(parts: PathValue[]): PathValue {
  // One loop, no arrays in between: every string literal of a path is a concatenation of its parts.
  let template = '';
  const holes: string[] = [];
  for (const part of parts) {
    template += part.template;
    for (const hole of part.holes) holes.push(hole);
  }
  const value: PathValue = { template, holes };
  if (parts[0]?.head) value.head = parts[0].head;
  return value;
}

function join(parts: PathValue[]): PathValue {
  const value: PathValue = { template: parts.map((p) => p.template).join('/').replace(/\/{2,}/g, '/'), holes: parts.flatMap((p) => p.holes) };
  const last = parts[parts.length - 1];
  if (last?.literal && parts.every(isExact)) value.literal = last.literal;
  if (parts[0]?.head) value.head = parts[0].head;
  return value;
}

function normalise(template: string): string {
  return template.replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^(\.\/)+/, '').replace(/\/$/, '');
}

/**
 * A key that two path values share exactly when they name the same file: the same constant parts
 * and the same expressions in their holes. A value that is only a run-time part (`path`) matches
 * only a read of the same bindings of the same variable; one with no such identity matches nothing.
 */
export function pathKey(value: PathValue): string | undefined {
  const key = `${normalise(value.template)}\u0000${value.holes.join('\u0000')}`;
  if (/[A-Za-z0-9]/.test(value.template.replace(/\{\}/g, ''))) return key;
  return value.identity !== undefined ? `${key}\u0000${value.identity}` : undefined;
}

/**
 * The folder a path lies in: the value without its last part (`{}/best_epoch.npy` -> `{}`), when
 * that part is known text (no run-time part in it) and a folder is left.
 */
export function parentFolder(value: PathValue): PathValue | undefined {
  const cut = value.template.lastIndexOf('/');
  if (cut <= 0 || value.template.slice(cut).includes('{}')) return undefined;
  return { template: value.template.slice(0, cut), holes: value.holes };
}

/** True when two path values name the same file (see pathKey). */
export function samePath(a: PathValue, b: PathValue): boolean {
  const key = pathKey(a);
  return key !== undefined && key === pathKey(b);
}

/**
 * The name a binding only spells another way: `path` after `path = Path(path)` (or `str(path)`,
 * `os.fspath(path)`, the normalising first line of many helpers) names, as a path, what the `path`
 * on the right named; that identifier, when the one binding reaching `identifier` is such.
 */
export function respelledFrom(flow: DataFlow, identifier: Node): Node | undefined {
  const read = flow.readAt(identifier);
  const value = read ? flow.onlyAssignedValue(read) : undefined;
  const spelled = value ? flow.pathOf(value) : undefined;
  if (!value || spelled?.template !== '{}' || spelled.holes.length !== 1 || spelled.holes[0] !== identifier.text) return undefined;
  return (value.type === 'identifier' ? [value] : value.descendantsOfType('identifier')).find((id) => id?.text === identifier.text) ?? undefined;
}
