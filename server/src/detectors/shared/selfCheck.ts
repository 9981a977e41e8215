// A module of definitions whose `__main__` block only tries it out (builds a model and checks the
// shape of its output, runs its unit tests): the block is a demonstration, not the program whose
// results matter, so what the module draws inside its functions is still its importer's to seed.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { COMMAND_LINE_PARSERS } from '../../semantics/library/processSetup';
import { enclosingFunction, enclosingLoops } from '../../semantics/nodes';
import { metricCall } from './evaluation';
import { LEARNING_METHODS, trainsNothing } from './randomReach';
import { isTestCaseClass } from './testCases';

/**
 * Local functions and classes followed from the block. Each is read once, so the walk stays within
 * the size of the file; the bound only keeps a pathological file from taking long.
 */
const BUDGET = 500;

/**
 * True when the file runs only through its `__main__` blocks, and they — with the file's own
 * functions and classes they name, followed — train nothing (no `fit`, `train`, `backward`, `evaluate`...),
 * compute no metric, write no data or model, and read no command line. A backward pass the block
 * itself runs once (in no loop, in no function) changes no weight unless something steps or reads
 * the gradients it leaves: on its own it only checks that gradients flow. Nor do backward passes
 * anywhere in a file that applies no gradient at all (see appliesGradients).
 */
export function mainOnlyTriesModule(index: SemanticIndex): boolean {
  if (index.doc.kind !== 'script' || index.runsAtModuleLevel || index.mainGuards.length === 0) return false;
  // A parser built anywhere (`app = typer.Typer()`, `@click.command()`) makes the file a tool.
  if (index.calls.some((call) => call.qname && COMMAND_LINE_PARSERS.test(call.qname))) return false;
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
      if (name && LEARNING_METHODS.has(name)) return false;
      if (metricCall(call)) return false;
      if (index.dataflow.dataIOAt(call.node)?.direction === 'write') return false;
    }
    // `p.grad` read (a manual update, a printed gradient) uses them too.
    if (index.nodesWithin('attribute', scope).some((attribute) => attribute.childForFieldName('attribute')?.text === 'grad')) gradientsUsed = true;
    for (const name of index.nodesWithin('identifier', scope)) {
      const target = index.resolve(name.text, name);
      if (target.kind !== 'local') continue;
      // A class named is followed whole: the block may drive its training through any method. The
      // file's test classes are not: what their tests compute is checked, as `unittest.main()` runs them.
      if (target.definition.kind === 'class' && isTestCaseClass(index, name.text)) continue;
      if (target.definition.kind === 'def' || target.definition.kind === 'class') pending.push(target.definition.statement);
    }
  }
  return !(loneBackward && gradientsUsed);
}
