// Kubeflow Pipelines (kfp v2) components of the file and the artifacts a pipeline of the file hands
// between them. A component is a function under `@dsl.component`; its `Output[Model]` parameter is
// an artifact the platform gives it to write (`joblib.dump(model, output_model.path)`), and a
// pipeline hands that artifact on as `train_task.outputs["output_model"]` to the `Input[Model]`
// parameter of a downstream component, which the platform starts only once the upstream task has
// produced it: the downstream component reads at `input_model.path` what the upstream one wrote.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { decoratorCallee, decoratorsOf, enclosingFunction, sameNode, stripParens } from '../../semantics/nodes';

const COMPONENT = /^kfp\.(v2\.)?dsl\.component$/;
const PIPELINE = /^kfp\.(v2\.)?dsl\.pipeline$/;
const INPUT = /^kfp\.(v2\.)?dsl\.Input$/;
const OUTPUT = /^kfp\.(v2\.)?dsl\.Output$/;

/** `fn` carries a decorator (`@dsl.component`, `@component(base_image=...)`) whose callee qualifies to `pattern`. */
function decoratedBy(index: SemanticIndex, fn: Node, pattern: RegExp): boolean {
  return decoratorsOf(fn).some((expression) => {
    const callee = decoratorCallee(expression);
    return !!callee && pattern.test(index.qualify(callee) ?? '');
  });
}

/** The annotation of a parameter (`Input[Model]`) has a head that qualifies to `pattern`. */
function annotatedWith(index: SemanticIndex, annotation: Node | null | undefined, pattern: RegExp): boolean {
  const head = annotation?.type === 'generic_type' || annotation?.type === 'subscript' ? annotation.namedChild(0) : undefined;
  return !!head && pattern.test(index.qualify(head) ?? '');
}

/** The parameter of component `fn` named `name` when it is annotated `Output[...]`. */
function outputParameter(index: SemanticIndex, fn: Node, name: string): boolean {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).some((parameter) => {
    if (parameter?.type !== 'typed_parameter' && parameter?.type !== 'typed_default_parameter') return false;
    const identifier = parameter.childForFieldName('name') ?? parameter.namedChild(0);
    return identifier?.text === name && annotatedWith(index, parameter.childForFieldName('type')?.namedChild(0), OUTPUT);
  });
}

/**
 * `train_task.outputs["output_model"]` in a pipeline function of the file, `train_task` bound to a
 * call of a component of the file that has an `Output[...]` parameter of that name: that component
 * and the parameter's name.
 */
function taskOutput(index: SemanticIndex, value: Node): { component: Node; output: string } | undefined {
  const pipeline = enclosingFunction(value);
  if (!pipeline || !decoratedBy(index, pipeline, PIPELINE)) return undefined;
  const node = stripParens(value);
  const outputs = node.type === 'subscript' ? node.childForFieldName('value') : undefined;
  const key = node.type === 'subscript' ? node.childForFieldName('subscript') : undefined;
  const name = key ? index.literal(key) : undefined;
  if (outputs?.type !== 'attribute' || outputs.childForFieldName('attribute')?.text !== 'outputs' || name?.kind !== 'string') return undefined;
  const task = outputs.childForFieldName('object');
  const built = task?.type === 'identifier' ? index.valueOf(task) : undefined;
  const callee = built?.type === 'call' ? built.childForFieldName('function') : undefined;
  const definition = callee?.type === 'identifier' ? index.definitionFor(callee) : undefined;
  const component = definition?.kind === 'def' ? definition.statement : undefined;
  if (component?.type !== 'function_definition' || !decoratedBy(index, component, COMPONENT) || !outputParameter(index, component, name.value)) return undefined;
  return { component, output: name.value };
}

/**
 * The upstream artifacts a load path reads: for `input_model.path` in a component of the file whose
 * `input_model: Input[...]` every call (in a pipeline function of the file) is handed a task's
 * `outputs["name"]`, the component of each such task with the name of its `Output[...]` parameter.
 * Undefined when the path is no such artifact's, or a call hands the parameter anything else (a
 * pipeline's own input, an importer's artifact).
 */
export function upstreamArtifacts(index: SemanticIndex, path: Node): { component: Node; output: string }[] | undefined {
  const node = stripParens(path);
  const input = node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'path' ? node.childForFieldName('object') : undefined;
  const parameter = input?.type === 'identifier' ? index.definitionFor(input) : undefined;
  const reader = parameter?.kind === 'param' ? parameter.statement.parent : undefined;
  if (!input || reader?.type !== 'function_definition' || !decoratedBy(index, reader, COMPONENT) || !annotatedWith(index, index.parameterAnnotation(input), INPUT)) return undefined;
  const handed = index.passedArguments(input);
  if (!handed) return undefined;
  const sources: { component: Node; output: string }[] = [];
  for (const value of handed) {
    const source = taskOutput(index, value);
    if (!source) return undefined;
    sources.push(source);
  }
  return sources;
}

/** `path` is `<output>.path` of the parameter `output` of component `component` (`output_model.path`). */
export function writesArtifact(index: SemanticIndex, path: Node | undefined, component: Node, output: string): boolean {
  const node = path ? stripParens(path) : undefined;
  const object = node?.type === 'attribute' && node.childForFieldName('attribute')?.text === 'path' ? node.childForFieldName('object') : undefined;
  const parameter = object?.type === 'identifier' && object.text === output ? index.definitionFor(object) : undefined;
  return parameter?.kind === 'param' && sameNode(parameter.statement.parent, component);
}
