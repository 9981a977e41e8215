// The PyTorch checker of the value-kind engine: objects recognised from their origin in the file,
// modules (torch.nn layers, local classes deriving nn.Module, torchvision/timm/transformers models)
// and optimizers (torch.optim). A name is followed through every binding that reaches the read
// (values.ts' bindingKinds): each must build a module (an optimizer). An object of unknown origin
// is neither: rules about them stay silent.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from './index';
import type { CallSite, DefinitionKind } from './types';
import { oncePer } from '../engine/collections';
import { ancestors, comparesWithNone, enclosingFunction, enclosingStatement, methodClass, sameNode, stripParens, up } from './nodes';
import { lastSegment } from './library/packages';
import { layerModeArguments, LAYER_FREE_PACKAGES, MODE_FUNCTIONS, MODE_LAYERS, MODULE_BASES, NO_GRAD, NON_OPTIMIZER_STEPPERS, NOT_MODULE_PREFIXES, NOT_MODULES, OPTIONAL_DROPOUT, SELF_RETURNING, TORCH_LOADERS } from './library/torch';

export { SELF_RETURNING } from './library/torch';
import { bindingKinds, type CheckerMemo } from './values';

const MAX_DEPTH = 8;

export interface ModuleOrigin {
  /** The call that built the module (a constructor or a factory), when there is one. */
  call?: CallSite;
  /** The module's class: a qualified name, `local:Name`, or the factory's qualified name. */
  className?: string;
  /** Loaded with `from_pretrained`, which returns the model in evaluation mode. */
  pretrained: boolean;
  /** From a parameter annotation (`model: nn.Module`): nothing is known about its layers. */
  annotated?: boolean;
}

function isModuleClassName(qname: string): boolean {
  if (NOT_MODULES.has(qname) || NOT_MODULE_PREFIXES.some((p) => qname.startsWith(p))) return false;
  return MODULE_BASES.test(qname);
}

/** A factory or constructor of a pretrained or library model. */
function isModelFactory(qname: string): boolean {
  const name = lastSegment(qname);
  if (qname.startsWith('torchvision.models.')) return name !== 'get_weight' && name !== 'list_models' && !/Weights$/.test(name);
  if (qname === 'timm.create_model') return true;
  if (qname.startsWith('transformers.')) return isTransformersModel(qname);
  return false;
}

/** `transformers.AutoModelForX.from_pretrained`, `transformers.BertModel(config)`. */
function isTransformersModel(qname: string): boolean {
  const parts = qname.split('.');
  const cls = parts[parts.length - 1] === 'from_pretrained' || parts[parts.length - 1] === 'from_config' ? parts[parts.length - 2] : parts[parts.length - 1];
  return /^(TF|Flax)/.test(cls) ? false : /(Model|For[A-Z]\w*|LMHeadModel)$/.test(cls);
}

/**
 * The names the file binds by an assignment, a walrus or a parameter: the only bindings through
 * which a name can hold a module (moduleOrigin follows no other). Most names a rule asks about
 * (builtins, imports, functions, classes) have none, and are answered without their reaching
 * definitions.
 */
const valueNames = oncePer((index: SemanticIndex): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const definition of index.definitions) if (VALUE_BINDINGS.has(definition.kind)) names.add(definition.name);
  return names;
});

const VALUE_BINDINGS: ReadonlySet<DefinitionKind> = new Set<DefinitionKind>(['assign', 'walrus', 'param']);

/** Where the module behind `expression` comes from, if it is a torch module. */
export function moduleOrigin(index: SemanticIndex, expression: Node, depth = 0): ModuleOrigin | undefined {
  if (depth > MAX_DEPTH || !index.importsAny(['torch', 'torchvision', 'timm', 'transformers', 'lightning', 'pytorch_lightning'])) return undefined;
  const node = stripParens(expression);
  if (node.type === 'identifier') {
    if (!valueNames(index).has(node.text)) return undefined;
    const origins = bindingKinds(index, node, modules, (value) => moduleOrigin(index, value, depth + 1), () => parameterModule(index, node, depth));
    if (origins) return origins.every((o) => o) ? origins[0] : undefined;
    const value = index.valueOf(node);
    return value !== node ? moduleOrigin(index, value, depth + 1) : parameterModule(index, node, depth);
  }
  if (node.type === 'attribute') {
    const values = index.instanceAttributeValues(node);
    // Every assignment of `self.<name>` must build a module.
    const origins = values.map((value) => moduleOrigin(index, value, depth + 1));
    return origins.length > 0 && origins.every((o) => o) ? origins[0] : undefined;
  }
  if (node.type !== 'call') return undefined;
  const call = index.call(node);
  if (!call) return undefined;
  if (call.method && call.receiver && SELF_RETURNING.has(call.method)) {
    const inner = moduleOrigin(index, call.receiver, depth + 1);
    if (inner) return inner;
  }
  if (call.qname === 'torch.compile' && call.args[0]) return moduleOrigin(index, call.args[0], depth + 1);
  const className = index.constructedClass(node);
  if (!className) return helperModule(index, call, depth);
  if (index.classMatches(className, isModuleClassName)) return { call, className, pretrained: false };
  if (isModelFactory(className)) return { call, className, pretrained: /\.from_pretrained$/.test(className) };
  return undefined;
}

/**
 * A call of a function of the file that builds and hands back a module: a function called by its
 * name, or a method of the caller's own class called on `self` (`self.stage1 = self._make_layer(...)`
 * returning the `nn.Sequential` it filled). Every `return` must give a module; a generator, or a
 * function with no `return` of a value, gives none.
 */
function helperModule(index: SemanticIndex, call: CallSite, depth: number): ModuleOrigin | undefined {
  const fn = calledFunction(index, call);
  if (!fn) return undefined;
  // One answer per function (a builder is called once per stage); a function that returns its own call is no module.
  const answers = helperAnswers(index);
  if (answers.has(fn.startIndex)) return answers.get(fn.startIndex);
  answers.set(fn.startIndex, undefined);
  const { returns, yields } = index.functionExits(fn);
  const origins = yields.length > 0 ? [] : returns.map((exit) => (exit.namedChild(0) ? moduleOrigin(index, exit.namedChild(0)!, depth + 1) : undefined));
  const answer = origins.length > 0 && origins.every((o) => o) ? origins[0] : undefined;
  answers.set(fn.startIndex, answer);
  return answer;
}

const helperAnswers = oncePer((_index: SemanticIndex) => new Map<number, ModuleOrigin | undefined>());

/** The file's function a call runs: one called by its name, or a method of the caller's class called on its `self`. */
function calledFunction(index: SemanticIndex, call: CallSite): Node | undefined {
  if (call.callee.type === 'identifier') {
    const target = index.resolve(call.callee.text, call.callee);
    const statement = target.kind === 'local' && target.definition.kind === 'def' ? target.definition.statement : undefined;
    return statement?.type === 'function_definition' ? statement : undefined;
  }
  const receiver = call.receiver ? stripParens(call.receiver) : undefined;
  if (!call.method || receiver?.type !== 'identifier') return undefined;
  let method = enclosingFunction(call.node);
  while (method && !methodClass(method)) method = enclosingFunction(method);
  const cls = method ? methodClass(method) : undefined;
  if (!method || !cls || method.childForFieldName('parameters')?.namedChild(0)?.text !== receiver.text) return undefined;
  return ownMethods(index).get(cls.startIndex)?.get(call.method) ?? classMethods(index, cls).get(call.method);
}

/** The methods defined in a class's own body, by name (kept per class: asked once per call on `self`). */
function classMethods(index: SemanticIndex, cls: Node): Map<string, Node> {
  const methods = new Map<string, Node>();
  for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) methods.set(name, fn); // the last definition of a name is the one the class keeps
  }
  ownMethods(index).set(cls.startIndex, methods);
  return methods;
}

const ownMethods = oncePer((_index: SemanticIndex) => new Map<number, Map<string, Node>>());

const modules: CheckerMemo<ModuleOrigin> = new WeakMap();
const optimizers: CheckerMemo<boolean> = new WeakMap();

/** A parameter: a module when every call of its function passes one, or when annotated `nn.Module`. */
function parameterModule(index: SemanticIndex, identifier: Node, depth: number): ModuleOrigin | undefined {
  const passed = index.passedArguments(identifier);
  if (passed) {
    const origins = passed.map((arg) => moduleOrigin(index, arg, depth + 1));
    if (origins.every((o) => o)) return origins[0];
  }
  return annotatedModule(index, identifier);
}

/** A parameter annotated `nn.Module` (or a torch.nn class). */
function annotatedModule(index: SemanticIndex, identifier: Node): ModuleOrigin | undefined {
  const annotation = index.parameterAnnotation(identifier);
  const qname = annotation ? index.qualify(annotation) : undefined;
  return qname && isModuleClassName(qname) ? { className: qname, pretrained: false, annotated: true } : undefined;
}

export function isTorchModule(index: SemanticIndex, expression: Node): boolean {
  return moduleOrigin(index, expression) !== undefined;
}

/** Optimizer classes and factories, by qualified name. */
export function isOptimizerName(qname: string): boolean {
  let answer = optimizerNames.get(qname);
  if (answer === undefined) {
    answer = qname.startsWith('torch.optim.')
      ? !/^torch\.optim\.(lr_scheduler|swa_utils)\./.test(qname) && /^[A-Z]/.test(lastSegment(qname))
      : /^(transformers(\.optimization)?\.(AdamW|Adafactor)|timm\.optim\.create_optimizer(_v2)?|bitsandbytes\.optim\.[A-Z]\w*|torch_optimizer\.[A-Z]\w*|apex\.optimizers\.[A-Z]\w*)$/.test(qname);
    if (optimizerNames.size >= 10_000) optimizerNames.clear();
    optimizerNames.set(qname, answer);
  }
  return answer;
}

/** Answers of isOptimizerName: MLD906 asks it of every call of a file that imports torch. */
const optimizerNames = new Map<string, boolean>();

/** True when `expression` is an optimizer built in the file (directly, through a name or `self.<name>`). */
export function isTorchOptimizer(index: SemanticIndex, expression: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH || !index.importsModule('torch')) return false;
  const node = stripParens(expression);
  if (node.type === 'identifier') {
    const parameter = (): boolean => {
      const passed = index.passedArguments(node);
      return !!passed && passed.every((arg) => isTorchOptimizer(index, arg, depth + 1));
    };
    const answers = bindingKinds(index, node, optimizers, (value) => isTorchOptimizer(index, value, depth + 1), parameter);
    if (answers) return answers.every((answer) => answer === true);
    const value = index.valueOf(node);
    return value !== node ? isTorchOptimizer(index, value, depth + 1) : parameter();
  }
  if (node.type === 'attribute') {
    const values = index.instanceAttributeValues(node);
    return values.length > 0 && values.every((value) => isTorchOptimizer(index, value, depth + 1));
  }
  if (node.type !== 'call') return false;
  const className = index.constructedClass(node);
  return !!className && index.classMatches(className, isOptimizerName);
}

function disablesGrad(index: SemanticIndex, expression: Node): boolean {
  const node = stripParens(expression);
  const callee = node.type === 'call' ? node.childForFieldName('function') : node;
  const qname = callee ? index.qualify(callee) : undefined;
  if (!qname) return false;
  if (NO_GRAD.has(qname)) return true;
  if (qname === 'torch.set_grad_enabled' && node.type === 'call') {
    const arg = index.call(node)?.args[0];
    const value = arg ? index.literal(arg) : undefined;
    return value?.kind === 'bool' && !value.value;
  }
  return false;
}

/**
 * The `with torch.no_grad():` statement or `@torch.no_grad()`-decorated function that `node` runs
 * under, innermost first; undefined when gradients are on.
 */
export function noGradContext(index: SemanticIndex, node: Node): Node | undefined {
  for (let current = up(node, true); current; current = up(current, true)) {
    if (current.type === 'with_statement') {
      const items = current.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
      if (items.some((item) => item?.type === 'with_item' && item.childForFieldName('value') && disablesGrad(index, item.childForFieldName('value')!))) return current;
    }
    if (current.type === 'function_definition' && current.parent?.type === 'decorated_definition') {
      const decorators = current.parent.namedChildren.filter((child) => child?.type === 'decorator');
      if (decorators.some((decorator) => decorator?.namedChild(0) && disablesGrad(index, decorator.namedChild(0)!))) return current;
    }
  }
  return undefined;
}

/**
 * True when the module contains layers whose behaviour depends on `.train()` / `.eval()` (dropout,
 * batch norm): known for torch.nn layers and containers, local classes (from the calls in their
 * body) and library models (which all have some). False when the file does not show it.
 */
export function hasModeDependentLayers(index: SemanticIndex, origin: ModuleOrigin): boolean {
  return origin.call !== undefined && origin.className !== undefined && constructsModeLayers(index, origin.call, origin.className, new Set());
}

/** Recurrent layers, whose `dropout` applies between stacked layers (`num_layers`, the third argument). */
const RECURRENT = /\.(LSTM|GRU|RNN)$/;

function constructsModeLayers(index: SemanticIndex, call: CallSite, className: string, seen: Set<string>): boolean {
  if (isModelFactory(className)) return true;
  if (MODE_LAYERS.test(className)) return true;
  if (OPTIONAL_DROPOUT.test(className)) {
    const dropout = call.kwargs.get('dropout');
    const value = dropout ? index.literal(dropout) : undefined;
    if (!dropout || (value?.kind === 'number' && value.value === 0)) return false;
    // A recurrent layer drops out between its stacked layers only: with one layer (the default) nothing.
    if (!RECURRENT.test(className)) return true;
    const layers = call.kwargs.get('num_layers') ?? call.args[2];
    const count = layers ? index.literal(layers) : undefined;
    return !!layers && !(count?.kind === 'number' && count.value <= 1);
  }
  if (className.startsWith('local:')) return localClassHasModeLayers(index, className.slice('local:'.length), seen, classDefinitionAt(index, call));
  const graphArguments = layerModeArguments(className);
  if (graphArguments) return graphLayerMode(index, call, graphArguments) === 'on' || (call.argumentList ? index.callsWithin(call.argumentList) : []).some((inner) => callBuildsModeLayers(index, inner, seen));
  // Containers (Sequential, ModuleList, ModuleDict...): the layers built in their arguments.
  return className.startsWith('torch.nn.') && (call.argumentList ? index.callsWithin(call.argumentList) : []).some((inner) => callBuildsModeLayers(index, inner, seen));
}

/**
 * What the mode arguments of a graph or packed layer (`feat_drop`, `attn_drop`, `dropout`, a `norm` module)
 * ask for: 'off' when each is absent, zero or `None`; 'on' when one is a non-zero number; else
 * 'unknown' (a name, or a normalisation module handed in).
 */
function graphLayerMode(index: SemanticIndex, call: CallSite, modeArguments: ReadonlyArray<readonly [string, number]>): 'off' | 'on' | 'unknown' {
  let answer: 'off' | 'unknown' = 'off';
  for (const [keyword, position] of modeArguments) {
    const argument = call.kwargs.get(keyword) ?? call.args[position];
    if (!argument) continue;
    const value = index.literal(argument);
    if (value?.kind === 'none' || (value?.kind === 'number' && value.value === 0)) continue;
    if (value?.kind === 'number' && keyword !== 'norm') return 'on';
    answer = 'unknown';
  }
  return answer;
}

function callBuildsModeLayers(index: SemanticIndex, call: CallSite, seen: Set<string>): boolean {
  if (call.qname && MODE_FUNCTIONS.test(call.qname)) return true;
  const className = index.constructedClass(call.node);
  return !!className && constructsModeLayers(index, call, className, seen);
}

/**
 * True only when the file shows the whole module and it has no layer that depends on the mode: a
 * torch.nn container or layer whose arguments build only such layers (no `*layers` splat), or a
 * local class (and its local bases) whose body builds only torch.nn layers without dropout or
 * batch norm. Any library model, loaded model, helper function or unknown call leaves it unknown.
 */
export function lacksModeDependentLayers(index: SemanticIndex, origin: ModuleOrigin): boolean {
  if (!origin.call || !origin.className || origin.pretrained || origin.annotated) return false;
  return buildsOnlyPlainLayers(index, origin.call, origin.className, new Set());
}

function buildsOnlyPlainLayers(index: SemanticIndex, call: CallSite, className: string, seen: Set<string>): boolean {
  if (constructsModeLayers(index, call, className, new Set())) return false;
  if (className.startsWith('local:')) return localClassIsPlain(index, className.slice('local:'.length), seen, classDefinitionAt(index, call));
  const graphArguments = layerModeArguments(className);
  // A graph or packed layer is plain when its mode arguments ask for nothing and the layers handed to it are plain.
  if (graphArguments) return graphLayerMode(index, call, graphArguments) === 'off' && (call.argumentList ? index.callsWithin(call.argumentList) : []).every((inner) => callIsPlain(index, inner, seen));
  if (!className.startsWith('torch.nn.')) return false;
  return (call.argumentList ? index.callsWithin(call.argumentList) : []).every((inner) => callIsPlain(index, inner, seen)) && splattedLayersArePlain(index, call, seen);
}

/** `nn.Sequential(*layers)`: the calls that built the list (its literal and every `append`), when the file shows them all. */
function splattedLayersArePlain(index: SemanticIndex, call: CallSite, seen: Set<string>): boolean {
  const splats = call.argumentList?.namedChildren.filter((child) => child?.type === 'list_splat') ?? [];
  return splats.every((splat) => {
    const list = splat?.namedChild(0);
    if (!list) return false;
    const lineage = index.dataflow.lineage(list);
    // The lineage also reaches the data the layer sizes come from (`x.shape[1]`): only calls that may build modules matter.
    return !lineage.truncated && lineage.calls.length > 0 && lineage.calls.every((inner) => !mayBuildModules(index, inner) || callIsPlain(index, inner, seen));
  });
}

/**
 * Whether a call may hand back torch modules. A function of the file may, unless nothing in its
 * body may build one (an environment factory or data loader that sized the layers).
 */
function mayBuildModules(index: SemanticIndex, call: CallSite, depth = 0): boolean {
  if (!call.qname) {
    if (call.callee.type !== 'identifier') return false;
    const definition = index.definitionFor(call.callee);
    return definition?.kind !== 'def' || depth >= 3 || index.callsWithin(definition.statement).some((inner) => mayBuildModules(index, inner, depth + 1));
  }
  return call.qname.startsWith('torch.nn.') || TORCH_LOADERS.test(call.qname) || isModelFactory(call.qname) || !!index.constructedClass(call.node)?.startsWith('local:');
}

function callIsPlain(index: SemanticIndex, call: CallSite, seen: Set<string>): boolean {
  const className = index.constructedClass(call.node);
  if (className?.startsWith('local:')) return buildsOnlyPlainLayers(index, call, className, seen);
  // A method (`x.view`, `super().__init__`), a module held in a name or built just before (`nn.Sigmoid()(x)`) builds nothing
  // new; a function of the file (`make_block()`) hides what it builds, unless nothing in its body may build a module
  // (a positional table, a mask or an activation computed from tensors).
  if (!call.qname) {
    const definition = call.callee.type === 'identifier' ? index.definitionFor(call.callee) : undefined;
    return definition?.kind !== 'def' || handsBackItsModule(index, definition.statement, seen) || !mayBuildModules(index, call)
      || buildsOnlyPlainInBody(index, definition.statement, seen);
  }
  if (MODE_FUNCTIONS.test(call.qname) || TORCH_LOADERS.test(call.qname)) return false;
  if (call.qname.startsWith('torch.nn.') && className && isModuleClassName(className)) return buildsOnlyPlainLayers(index, call, className, seen);
  if (className && layerModeArguments(className)) return buildsOnlyPlainLayers(index, call, className, seen);
  const root = call.qname.split('.')[0];
  return root === 'torch' || LAYER_FREE_PACKAGES.has(root);
}

/**
 * A function of the file every call of whose body builds only plain layers (`def conv_stack():
 * return nn.Sequential(nn.Conv2d(1, 32, 8, 4), nn.LeakyReLU(), nn.Flatten())`): whatever it hands
 * back holds no layer that depends on the mode, so a module that keeps what it returns is seen whole.
 * A layer handed in by a caller is checked where the caller builds it.
 */
function buildsOnlyPlainInBody(index: SemanticIndex, fn: Node, seen: Set<string>): boolean {
  const key = `body:${fn.startIndex}`;
  if (seen.has(key)) return true;
  seen.add(key);
  const { yields } = index.functionExits(fn);
  return yields.length === 0 && index.callsWithin(fn).every((inner) => callIsPlain(index, inner, seen));
}

/**
 * A function of the file that hands back the layer it is given, after at most initialising its
 * weights (`def layer_init(layer, std): nn.init.orthogonal_(layer.weight, std); return layer`):
 * every `return` gives back its first parameter, and it builds no layer of its own. The layer
 * handed to it is checked where it is built (`layer_init(nn.Linear(4, 2))`).
 */
function handsBackItsModule(index: SemanticIndex, fn: Node, seen: Set<string>): boolean {
  const parameters = fn.childForFieldName('parameters');
  const first = parameters?.namedChild(0);
  const name = first?.type === 'identifier' ? first : first?.childForFieldName('name') ?? first?.namedChildren.find((child) => child?.type === 'identifier');
  if (!parameters || name?.type !== 'identifier') return false;
  const key = `def:${fn.startIndex}`;
  if (seen.has(key)) return true;
  seen.add(key);
  const { returns } = index.functionExits(fn);
  const givesItBack = (ret: Node) => {
    const value = ret.namedChild(0) ? stripParens(ret.namedChild(0)!) : undefined;
    const definition = value?.type === 'identifier' && value.text === name.text ? index.definitionFor(value) : undefined;
    return definition?.kind === 'param' && sameNode(definition.statement, parameters);
  };
  return returns.length > 0 && returns.every(givesItBack) && index.callsWithin(fn).every((inner) => callIsPlain(index, inner, seen));
}

function localClassIsPlain(index: SemanticIndex, name: string, seen: Set<string>, node?: Node): boolean {
  const definition = node ?? index.classes.get(name)?.node;
  if (!definition) return false;
  if (seen.has(`${definition.startIndex}`)) return true;
  seen.add(`${definition.startIndex}`);
  const basesPlain = index.classBases(definition).every((base) => (base.startsWith('local:') ? localClassIsPlain(index, base.slice(6), seen) : base === 'torch.nn.Module'));
  return basesPlain && index.callsWithin(definition).every((call) => callIsPlain(index, call, seen) || keepsNoLayer(call, definition));
}

/**
 * A call made when the module runs, in a method of its class other than `__init__` (`forward`),
 * that neither is told the mode (`training=self.training`) nor keeps what it gives on `self`: what
 * it computes (`g.apply_edges(fn.u_dot_v("h", "h", "score"))`) is no layer of the module, and the
 * module's mode does not reach it. A functional dropout depends on the mode wherever it is.
 */
function keepsNoLayer(call: CallSite, classNode: Node): boolean {
  const method = enclosingFunction(call.node);
  const holder = method?.parent?.type === 'decorated_definition' ? method.parent : method;
  if (!method || holder?.parent?.parent?.id !== classNode.id || method.childForFieldName('name')?.text === '__init__') return false;
  if (call.qname && MODE_FUNCTIONS.test(call.qname)) return false;
  if (call.argumentList && /\btraining\b/.test(call.argumentList.text)) return false;
  const statement = enclosingStatement(call.node);
  const assigned = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  return !(assigned?.type === 'assignment' && /^self\./.test(assigned.childForFieldName('left')?.text ?? ''));
}

/** The class statement a constructor call builds (a notebook may define a class twice). */
function classDefinitionAt(index: SemanticIndex, call: CallSite): Node | undefined {
  if (call.callee.type !== 'identifier') return undefined;
  const resolution = index.resolve(call.callee.text, call.callee);
  return resolution.kind === 'local' && resolution.definition.kind === 'class' ? resolution.definition.statement : undefined;
}

function localClassHasModeLayers(index: SemanticIndex, name: string, seen: Set<string>, node?: Node): boolean {
  const local = index.classes.get(name);
  const definition = node ?? local?.node;
  if (!definition || seen.has(`${definition.startIndex}`)) return false;
  seen.add(`${definition.startIndex}`);
  if (index.classBases(definition).some((base) => (base.startsWith('local:') ? localClassHasModeLayers(index, base.slice(6), seen) : isModelFactory(base) || MODE_LAYERS.test(base)))) return true;
  return index.callsWithin(definition).some((call) => callBuildsModeLayers(index, call, seen));
}


/**
 * Whether the file applies gradients: steps something (`opt.step()`, `scaler.step(opt)`,
 * `engine.step()`), builds an optimizer (which may be stepped out of sight), or reads gradients
 * (`w.grad`, `torch.autograd.grad`) for more than clearing them (see onlyCleared). A backward pass
 * changes a weight only through one of these; in a file with none of them, it measures (time,
 * memory, FLOPs) or prints a loss, and trains nothing. Clearing gradients (`model.zero_grad()`)
 * applies none: a file that clears them and never steps or reads them moves no weight.
 */
export const appliesGradients = oncePer((index: SemanticIndex): boolean => appliesGradientsWhere(index, () => true));

/** As appliesGradients, counting only the code at which `runs` holds (code that can run in this file). */
export function appliesGradientsWhere(index: SemanticIndex, runs: (node: Node) => boolean): boolean {
  for (const call of index.calls) {
    if (!runs(call.node)) continue;
    const name = call.method ?? (call.qname ? lastSegment(call.qname) : undefined);
    if (name && /(^|_)step$/.test(name) && !stepsNoOptimizer(index, call)) return true;
    if (call.qname && (isOptimizerName(call.qname) || call.qname === 'torch.autograd.grad')) return true;
  }
  return index.nodes('attribute').some((attribute) => runs(attribute) && attribute.childForFieldName('attribute')?.text === 'grad' && gradientUsed(index, attribute));
}

/** `pruner.step()` of `pruner = tp.pruner.GroupNormPruner(...)`, or a scheduler's or an environment's (NON_OPTIMIZER_STEPPERS): no optimizer's step. */
function stepsNoOptimizer(index: SemanticIndex, call: CallSite): boolean {
  const receiver = call.receiver ? stripParens(call.receiver) : undefined;
  const value = receiver?.type === 'identifier' ? index.bindingAt(receiver)?.value : undefined;
  const built = value && stripParens(value).type === 'call' ? index.call(stripParens(value)) : undefined;
  return !!built?.qname && NON_OPTIMIZER_STEPPERS.test(built.qname);
}

/** A read of a gradient (`w.grad`) that may move a weight: not only shown, cleared or measured. */
export function gradientUsed(index: SemanticIndex, attribute: Node): boolean {
  return !onlyShown(index, attribute) && !onlyCleared(attribute) && !onlyMeasured(attribute);
}

/**
 * A gradient worked by its own methods into a truth value (`p.grad.abs().sum() > 0`) or a Python
 * number (`p.grad.norm().item()`): a check that gradients reach the weights. What comes out holds no
 * gradient to apply; a weight moves only by the gradient tensor itself, read elsewhere, or by an
 * optimizer, and those count on their own. An in-place method (`p.grad.mul_(c)`) changes the gradient.
 */
function onlyMeasured(attribute: Node): boolean {
  let at = attribute;
  for (;;) {
    const parent = at.parent;
    if (parent?.type === 'comparison_operator') return true;
    if (parent?.type === 'parenthesized_expression') {
      at = parent;
      continue;
    }
    if (parent?.type !== 'attribute' || !sameNode(parent.childForFieldName('object'), at)) return false;
    const name = parent.childForFieldName('attribute')?.text ?? '';
    const call = parent.parent?.type === 'call' && sameNode(parent.parent.childForFieldName('function'), parent) ? parent.parent : undefined;
    if (call && name === 'item') return true;
    if (name.endsWith('_')) return false;
    at = call ?? parent;
  }
}

/**
 * A gradient only cleared (`p.grad.zero_()`, `p.grad.data.zero_()`, `p.grad = None`) or asked whether
 * it exists (`if p.grad is not None:`, guarding the clearing): no weight moves by it.
 */
function onlyCleared(attribute: Node): boolean {
  const parent = attribute.parent;
  if (parent?.type === 'assignment') return sameNode(parent.childForFieldName('left'), attribute) && parent.childForFieldName('right')?.type === 'none';
  if (parent?.type === 'comparison_operator') return comparesWithNone(parent);
  let at = attribute;
  if (at.parent?.type === 'attribute' && at.parent.childForFieldName('attribute')?.text === 'data') at = at.parent;
  const method = at.parent;
  const call = method?.parent;
  return method?.type === 'attribute' && sameNode(method.childForFieldName('object'), at) && method.childForFieldName('attribute')?.text === 'zero_'
    && call?.type === 'call' && call.parent?.type === 'expression_statement';
}

/**
 * Expressions a value is worked into on its way to being shown: `w.grad.data`, `(x.grad - 4 * x).norm()`,
 * `x.grad == d / a`, an f-string's `{w.grad}`. A call counts only as the object of its method.
 */
const SHOWN_THROUGH = new Set(['attribute', 'interpolation', 'string', 'concatenated_string', 'parenthesized_expression', 'binary_operator', 'comparison_operator', 'unary_operator', 'not_operator', 'boolean_operator', 'subscript']);

/**
 * PyTorch's and TensorFlow's own tensor functions (`torch.exp`, `torch.nn.functional.relu`): what they
 * give is worked out from the tensor and holds no weight. Not an optimizer, a layer or a data set.
 */
export const TENSOR_FUNCTIONS = /^torch\.(?!optim\.|utils\.|nn\.(?!functional\.))\w|^tensorflow\.(?!Variable$|Module$|keras\.|optimizers\.|data\.|train\.|estimator\.|saved_model\.|compat\.|distribute\.)\w/;

/**
 * A value that is only printed (`print(w.grad)`, `print((x.grad - 4 * x).norm().item() == 0)`),
 * shown as a notebook cell's value, or tested by an `assert` (`assert not torch.all(w.grad == 0)`,
 * a test that gradients flow): a lesson or a test looking at a gradient applies none. Only a print
 * or an assert is followed through the arguments of a tensor function (`torch.all`): a bare
 * `torch.add(w, g, out=w)` statement may write the gradient into a weight.
 */
/**
 * The gradients gathered into a list bound to a name (`grads = [p.grad for p in net.parameters()]`)
 * that is read only inside an `assert` or a `print` (`assert all(torch.isfinite(g).all() for g in grads)`,
 * `print(len(grads))`): a check that gradients reach the weights, which applies none of them.
 */
function gatheredOnlyShown(index: SemanticIndex, comprehension: Node): boolean {
  const binding = comprehension.parent;
  const target = binding?.type === 'assignment' && sameNode(binding.childForFieldName('right'), comprehension) ? binding.childForFieldName('left') : undefined;
  const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length > 0 && uses.every(({ node }) => [...ancestors(node, false)].some((outer) => outer.type === 'assert_statement'
    || (outer.type === 'call' && index.call(outer)?.qname === 'builtins.print')));
}

function onlyShown(index: SemanticIndex, node: Node): boolean {
  let at = node;
  let throughFunction = false;
  for (;;) {
    const parent = at.parent;
    if (!parent) return false;
    const functionCall = parent.type === 'argument_list' ? parent.parent : undefined;
    // `x.grad.norm()`: the method's result carries on what its object held.
    if (parent.type === 'call' && at.type === 'attribute' && sameNode(parent.childForFieldName('function'), at)) at = parent;
    else if (SHOWN_THROUGH.has(parent.type)) at = parent;
    else if (functionCall?.type === 'call' && TENSOR_FUNCTIONS.test(index.call(functionCall)?.qname ?? '')) {
      at = functionCall;
      throughFunction = true;
    } else break;
  }
  const parent = at.parent;
  if (parent?.type === 'assert_statement') return true;
  if (parent?.type === 'expression_statement') return !throughFunction;
  if (parent?.type === 'list_comprehension' && sameNode(parent.childForFieldName('body'), at)) return gatheredOnlyShown(index, parent);
  const call = parent?.type === 'argument_list' ? parent.parent : undefined;
  return call?.type === 'call' && index.call(call)?.qname === 'builtins.print';
}
