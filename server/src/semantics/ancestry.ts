// Ancestor links for the nodes of the walk. Every node of a syntax table knows its parent, so the
// nearest ancestor of a collected kind is a climb over the table's rows; the answer is limited to
// collected kinds because that is what ancestor questions about collected nodes were defined over.
import type { Language, Node } from 'web-tree-sitter';
import { ERROR_SYMBOL, SyntaxNode, type SyntaxTable } from './syntax';
import { collectedSlots } from './walk';

/**
 * The nearest collected ancestor of a collected node of a syntax table: a Node, null at the root,
 * or undefined for a node the walk did not collect (then its plain `parent` chain answers).
 */
export function collectedParent(node: Node): Node | null | undefined {
  if (!(node instanceof SyntaxNode)) return undefined;
  const { table, row } = node;
  const slots = collectedSlots(table);
  const { kinds, parents } = table;
  if (kinds[row] !== ERROR_SYMBOL && !(slots[kinds[row]] >= 0)) return undefined;
  for (let r = parents[row]; r >= 0; r = parents[r]) if (kinds[r] === ERROR_SYMBOL || slots[kinds[r]] >= 0) return table.node(r);
  return null;
}

/**
 * The kinds that give code its structure for ancestor questions: functions and lambdas, classes
 * and loops (the enclosing function, the class a draw is made in, the loops around a save).
 */
export const STRUCTURE_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition', 'for_statement', 'while_statement']);

const structureKindsByLanguage = new WeakMap<Language, Uint8Array>();

function structureKinds(table: SyntaxTable): Uint8Array {
  const language = table.tree.language;
  let kinds = structureKindsByLanguage.get(language);
  if (!kinds) {
    kinds = new Uint8Array(language.types.length);
    for (let id = 0; id < language.types.length; id++) if (STRUCTURE_TYPES.has(language.types[id]) && language.nodeTypeIsNamed(id)) kinds[id] = 1;
    structureKindsByLanguage.set(language, kinds);
  }
  return kinds;
}

/** Per table, the row of each row's nearest structure ancestor (-1: none, -2: not asked yet). */
const structureRows = new WeakMap<SyntaxTable, Int32Array>();

/**
 * The nearest ancestor of a STRUCTURE_TYPES kind of a node of a syntax table (null at the root),
 * or undefined for another node (its plain `parent` chain answers). Remembered for every row
 * climbed: in a 5,000-term sum every draw sat thousands of operators deep, and climbing them per
 * question made a rule quadratic in the expression.
 */
export function structureParent(node: Node): Node | null | undefined {
  if (!(node instanceof SyntaxNode)) return undefined;
  const { table, row } = node;
  let known = structureRows.get(table);
  if (!known) structureRows.set(table, (known = new Int32Array(table.size).fill(-2)));
  if (known[row] !== -2) return known[row] < 0 ? null : table.node(known[row]);
  const structure = structureKinds(table);
  const { kinds, parents } = table;
  const climbed = [row];
  let r = parents[row];
  // Rows between the node and its answer are not structure, so they share it.
  while (r >= 0 && !(kinds[r] !== ERROR_SYMBOL && structure[kinds[r]]) && known[r] === -2) {
    climbed.push(r);
    r = parents[r];
  }
  const answer = r < 0 ? -1 : kinds[r] !== ERROR_SYMBOL && structure[kinds[r]] ? r : known[r];
  for (const climbedRow of climbed) known[climbedRow] = answer;
  return answer < 0 ? null : table.node(answer);
}
