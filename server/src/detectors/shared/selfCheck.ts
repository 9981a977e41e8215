// A module of definitions whose `__main__` block only tries it out (builds a model and checks the
// shape of its output, runs its unit tests): the block is a demonstration, not the program whose
// results matter, so what the module draws inside its functions is still its importer's to seed.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { COMMAND_LINE_PARSERS } from '../../semantics/library/processSetup';
import { enclosingFunction, enclosingLoops, isAncestorOf, stripParens } from '../../semantics/nodes';
import { gradientUsed } from '../../semantics/torch';
import { metricCall } from './evaluation';
import { mayBeSameObject } from './objects';
import { LEARNING_METHODS, onLayerBasesOnly, trainsNothing } from './randomReach';
import { isTestCaseClass } from './testCases';
import { fitsPreprocessingOnly } from './transformers';
import { isTestModule } from '../../documents/testModules';
import { drawnLibrary } from '../../semantics/library/randomDraws';

/**
 * Local functions and classes followed from the block. Each is read once, so the walk stays within
 * the size of the file; the bound only keeps a pathological file from taking long.
 */
const BUDGET = 500;

/** OpenCV calls that draw outlines, marks or text onto an image. */
const CV2_DRAWING = new Set(['cv2.rectangle', 'cv2.circle', 'cv2.line', 'cv2.arrowedLine', 'cv2.polylines', 'cv2.drawMarker', 'cv2.putText']);

/**
 * `cv2.imwrite(path, image)` of an image the same code drew outlines or text onto (the boxes of a
 * loaded batch, `cv2.rectangle(image, ...)`, also written after `image = cv2.cvtColor(image, ...)`)
 * saves a picture for a person to look at, as a saved plot is, not data kept. A shape filled in
 * (thickness -1, `cv2.FILLED`) may be a mask, which is data, so it alone does not make a picture.
 */
function writesAnnotatedPicture(index: SemanticIndex, write: CallSite, scope: Node): boolean {
  if (write.qname !== 'cv2.imwrite') return false;
  const written = write.args[1] ?? write.kwargs.get('img');
  if (!written) return false;
  // The image itself, or the one a conversion of OpenCV was made from.
  const made = index.valueOf(written);
  const conversion = made.type === 'call' ? index.call(made) : undefined;
  const convertedFrom = conversion?.qname?.startsWith('cv2.') ? conversion.args[0] : undefined;
  const images = convertedFrom ? [written, convertedFrom] : [written];
  return index.callsWithin(scope).some((draw) => draw.qname !== undefined && CV2_DRAWING.has(draw.qname) && draw.node.startIndex < write.node.startIndex
    && !draw.args.concat([...draw.kwargs.values()]).some((arg) => /^(-\s*\d+|cv2\.FILLED)$/.test(stripParens(arg).text))
    && !!draw.args[0] && images.some((image) => mayBeSameObject(index.dataflow, draw.args[0], image)));
}

/**
 * A fit the block makes of an estimator class the module defines, on inputs it draws itself
 * (`data = np.random.rand(100, 2)`, then `KMeans(n_clusters=3).fit(data)`), every other argument a
 * constant: fitted on noise, the module's own class only shows that its code runs, as a forward pass
 * on a drawn batch does. A library's estimator fitted on draws (a simulation study) is an experiment.
 */
function fitsOwnClassOnDraws(index: SemanticIndex, call: CallSite, block: Node): boolean {
  if (!index.mainGuards.includes(block) || call.hasSplat || !call.receiver || !index.constructedClass(call.receiver)?.startsWith('local:')) return false;
  const drawnInBlock = (arg: Node) => {
    const value = index.valueOf(arg);
    const qname = value.type === 'call' ? index.call(value)?.qname : undefined;
    return !!qname && !!drawnLibrary(qname) && isAncestorOf(block, value);
  };
  const inputs = [...call.args, ...call.kwargs.values()];
  return inputs.some(drawnInBlock) && inputs.every((arg) => drawnInBlock(arg) || index.literal(arg) !== undefined);
}

/**
 * Methods Python or a framework runs on an object without the file naming them: private and special
 * methods (`__init__`, `_apply`), a module's `forward` or a layer's `call` and `build`, the steps and
 * hooks a trainer calls (`training_step`, `on_epoch_end`), and what a module's own methods or a
 * library's estimator helpers call on it (`train` from `net.eval()`, `parameters`, `fit`, `predict`).
 */
const RUN_UNNAMED = /^(_\w*|forward|call|build|extra_repr|train|eval|fit|predict|score|transform|\w+_step|on_\w+|configure_\w+|setup|get_config|reset_parameters|init_weights|state_dict|load_state_dict|parameters|named_parameters|children|named_children|modules|named_modules|buffers|named_buffers)$/;

/**
 * What of a class the block names may run: the whole class, unless it is a plain class or one built
 * only on a PyTorch module or a Keras layer or model, with no decorator, whose bases call none of its
 * other methods. Then a method that no line outside it names (`model.save(path)`, `self.save`; a
 * library's `torch.save` is no name of it), and that Python or the framework does not run unnamed,
 * never runs here: the `torch.save` in a model's own `save` method, kept for the scripts that import
 * the class, writes nothing when the block only builds and prints the model.
 */
function partsThatMayRun(index: SemanticIndex, statement: Node): Node[] {
  if (statement.type !== 'class_definition') return [statement];
  const written = statement.childForFieldName('superclasses')?.namedChildren ?? [];
  const plain = written.length === 0 || (written.length === 1 && written[0]?.text === 'object');
  if (!plain && !onLayerBasesOnly(statement, index.classBases(statement))) return [statement];
  const named = (name: string, method: Node) => index.identifiersNamed(name).some((id) => !isAncestorOf(method, id)
    && !(id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id && index.qualify(id.parent) !== undefined));
  const parts: Node[] = [];
  for (const member of statement.childForFieldName('body')?.namedChildren ?? []) {
    if (!member) continue;
    const method = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = method?.type === 'function_definition' ? method.childForFieldName('name')?.text : undefined;
    if (!name || RUN_UNNAMED.test(name) || named(name, member)) parts.push(member);
  }
  return parts;
}

/**
 * True when the file runs only through its `__main__` blocks, and they — with the file's own
 * functions and classes they name, followed, except a test module's tests — train nothing (no `fit`, `train`, `backward`, `evaluate`...;
 * a scaler, encoder or resampler fitted learns no model, nor does a fit of the module's own class on the block's own draws),
 * compute no metric, write no data or model (a picture drawn on is neither), and read no command line. A backward pass the block
 * itself runs once (in no loop, in no function) changes no weight unless something steps or reads
 * the gradients it leaves: on its own it only checks that gradients flow. Nor do backward passes
 * anywhere in a file that applies no gradient at all (see appliesGradients).
 */
export function mainOnlyTriesModule(index: SemanticIndex): boolean {
  if (index.doc.kind !== 'script' || index.runsAtModuleLevel || index.mainGuards.length === 0) return false;
  // A parser built anywhere (`app = typer.Typer()`, `@click.command()`) makes the file a tool.
  if (index.calls.some((call) => call.qname && COMMAND_LINE_PARSERS.test(call.qname))) return false;
  const testModule = isTestModule(index.doc.uri);
  const seen = new Set<number>();
  const pending: Node[] = [...index.mainGuards];
  let loneBackward = false;
  let gradientsUsed = false;
  while (pending.length > 0) {
    const scope = pending.pop()!;
    if (seen.has(scope.startIndex)) continue;
    // Too much to follow: take it for a program.
    if (seen.size >= BUDGET) return false;
    seen.add(scope.startIndex);
    for (const call of index.callsWithin(scope)) {
      const name = call.method ?? call.qname?.split('.').pop();
      if (name === 'backward' && index.mainGuards.includes(scope) && !enclosingFunction(call.node) && enclosingLoops(call.node).length === 0) {
        loneBackward = true;
        continue;
      }
      // Backward passes, and `module.train()` mode switches, in a file that never applies gradients; a known module's mode switch anywhere.
      if (trainsNothing(index, call)) continue;
      // An optimizer step (`opt.step()`, `scaler.step(opt)`) applies the gradients.
      if (call.method === 'step') gradientsUsed = true;
      // Fitting a scaler or encoder, or resampling with imbalanced-learn, learns no model: a block that
      // only runs the module's preprocessing on drawn rows and prints the shapes still only tries it out.
      if (name && LEARNING_METHODS.has(name) && !fitsPreprocessingOnly(index, call) && !fitsOwnClassOnDraws(index, call, scope)) return false;
      if (metricCall(call)) return false;
      if (index.dataflow.dataIOAt(call.node)?.direction === 'write' && !writesAnnotatedPicture(index, call, scope)) return false;
    }
    // `p.grad` read for more than a look (a manual update) uses them too; one only printed, asserted
    // on or cleared (`assert all(torch.isfinite(g).all() for g in grads)`) checks that they flow.
    if (index.nodesWithin('attribute', scope).some((attribute) => attribute.childForFieldName('attribute')?.text === 'grad' && gradientUsed(index, attribute))) gradientsUsed = true;
    for (const name of index.nodesWithin('identifier', scope)) {
      const target = index.resolve(name.text, name);
      if (target.kind !== 'local') continue;
      // A class named is followed whole: the block may drive its training through any method. The
      // file's test classes are not: what their tests compute is checked, as `unittest.main()` runs them.
      if (target.definition.kind === 'class' && isTestCaseClass(index, name.text)) continue;
      // Nor are a pytest module's own test functions (`test_train_step()` called from the block): run
      // directly, the block runs the tests pytest runs, and what they compute is checked.
      if (target.definition.kind === 'def' && testModule && /^test/.test(name.text)) continue;
      if (target.definition.kind === 'class') pending.push(...partsThatMayRun(index, target.definition.statement));
      else if (target.definition.kind === 'def') pending.push(target.definition.statement);
    }
  }
  return !(loneBackward && gradientsUsed);
}
