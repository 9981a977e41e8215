// Naming a place in a message the way the user sees it: a line of a script, a cell of a notebook.
import type { Node } from 'web-tree-sitter';
import { segmentAtLine } from '../../documents/positions';
import type { SourceDocument } from '../../documents/types';

/** "line 12" in a script; "cell 3" in a notebook (cells counted as the notebook shows them, markdown included). */
export function placeOf(doc: SourceDocument, node: Node): string {
  const row = node.startPosition.row;
  const segment = segmentAtLine(doc, row);
  return doc.kind === 'notebook' && segment ? `cell ${segment.cellIndex + 1}` : `line ${row + 1}`;
}

/** `"data/clean.csv"` for a path known in full, else the expression as written. */
export function describePath(known: string | undefined, expression: Node): string {
  return known !== undefined ? JSON.stringify(known) : `\`${oneLine(expression.text)}\``;
}

/**
 * An expression written over several lines, on one: a message is one line in every front end (a
 * hover's title, a SARIF result, a terminal), so the breaks and the indentation inside brackets go.
 */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([([{]) /g, '$1').replace(/ ([)\]}])/g, '$1');
}
