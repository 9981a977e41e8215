import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { constantTruth, literalValue, truthiness, type LiteralValue } from '../semantics/literals';
import { indentationOf, rangeBetween, stripParens } from '../semantics/nodes';
import { lineText } from '../documents/positions';
import type { Range, SourceDocument, TextEdit } from '../documents/types';
import { dedentLines, deleteLines, removeStatement } from './shared/edits';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';

const FLAG_NAME = /^[A-Z][A-Z0-9_]*$/;
const NOT_FLAGS = new Set(['TYPE_CHECKING', '__debug__']);
/** Diagnostic switches (`DEBUG = False`, `VERBOSE = 0`): flipped by hand to see more, not experiments. */
const DIAGNOSTIC_FLAG = /^(DEBUG|VERBOSE|VERBOSITY|TRACE|QUIET)(_[A-Z0-9_]+)?$|_(DEBUG|VERBOSE|TRACE)$/;
/** Conditions written as a literal value (`0`, `"spam"`, `[]`). */
const LITERAL_CONDITIONS = new Set(['true', 'false', 'none', 'integer', 'float', 'string', 'list', 'tuple', 'dictionary']);

interface Condition {
  /** The value the condition always has. */
  value: boolean;
  /** How to describe it: `False`, or `USE_NEW_MODEL` (always False). */
  describe: string;
  /** A literal condition is decided by the code itself; a flag could be edited by hand. */
  literal: boolean;
}

/** The constant truth value of a condition: a literal, or an upper-case flag bound once to a literal. */
function constantCondition(index: SemanticIndex, condition: Node): Condition | undefined {
  let node = stripParens(condition);
  let negated = false;
  if (node.type === 'not_operator') {
    const argument = node.childForFieldName('argument');
    if (!argument) return undefined;
    node = stripParens(argument);
    negated = true;
  }
  let value: LiteralValue | undefined;
  let flag: string | undefined;
  if (node.type === 'identifier') {
    if (!FLAG_NAME.test(node.text) || NOT_FLAGS.has(node.text) || DIAGNOSTIC_FLAG.test(node.text)) return undefined;
    const constant = index.constantAt(node);
    if (!constant) return undefined;
    // A string is a setting, and `None` a placeholder the reader fills in: neither is a switch.
    if (constant.value.kind === 'string' || constant.value.kind === 'none') return undefined;
    if (documentedAsParameter(index, node.text, constant.definition.node)) return undefined;
    value = constant.value;
    flag = node.text;
  } else if (['true', 'false', 'none', 'integer'].includes(node.type)) {
    value = literalValue(node);
  } else if (node.type === 'comparison_operator') {
    // A membership test in an empty container written out (`task in []`): decided by the code itself.
    const decided = constantTruth(node);
    if (decided === undefined) return undefined;
    const truth = decided !== negated;
    return { value: truth, describe: `\`${condition.text}\` is always ${truth ? 'true' : 'false'}`, literal: true };
  }
  if (!value) return undefined;
  const truth = truthiness(value) !== negated;
  const shown = value.kind === 'bool' ? (value.value ? 'True' : 'False') : value.kind === 'none' ? 'None' : value.kind === 'number' ? value.text : '';
  return {
    value: truth,
    describe: flag
      ? `${negated ? `\`${condition.text}\` is always ${truth ? 'true' : 'false'}: ` : ''}\`${flag}\` is set once to ${shown} and never changed`
      : `\`${condition.text}\` is always ${truth ? 'true' : 'false'}`,
    literal: !flag,
  };
}

/** A comment beside the assignment that tells the reader how to set the flag. */
const SETTING_COMMENT = /\b(set|flip|change|switch|toggle|enable|disable|turn)\b|\b(True|False)\b/i;

/**
 * A flag the notebook documents as a parameter for the reader to set — named in a markdown cell
 * (`Flip SHOW_LABELS to True to...`), or explained by a comment beside its assignment — is a
 * documented switch, not a forgotten experiment.
 */
function documentedAsParameter(index: SemanticIndex, flag: string, binding: Node): boolean {
  const word = new RegExp(`(^|[^\\w])${flag}($|[^\\w])`);
  if (index.doc.markdown?.some((cell) => word.test(cell.text))) return true;
  if (inParametersCell(index, binding)) return true;
  // The value is a number or a bool, so a `#` after the name on its line starts a comment.
  const comment = /#.*$/.exec(lineText(index.doc, binding.startPosition.row).slice(binding.endPosition.column));
  return !!comment && SETTING_COMMENT.test(comment[0]);
}

/** A markdown heading or note that presents the cell below as the notebook's settings. */
const PARAMETERS_INTRO = /\b(parameters?|settings|configuration|config|options|flags?|switches)\b/i;

/** The flag is set in a cell that the markdown just above presents as parameters ("## Set the parameters"). */
function inParametersCell(index: SemanticIndex, binding: Node): boolean {
  const { doc } = index;
  if (!doc.markdown?.length) return false;
  const segment = doc.segments[index.segmentIndexOf(binding)];
  const above = segment && doc.markdown.find((cell) => cell.cellIndex === segment.cellIndex - 1);
  return !!above && PARAMETERS_INTRO.test(above.text);
}

function hasMultilineString(index: SemanticIndex, range: { startIndex: number; endIndex: number }): boolean {
  return index.nodes('string').some((s) => s.startIndex >= range.startIndex && s.endIndex <= range.endIndex && s.startPosition.row !== s.endPosition.row);
}

/** Replaces the whole `statement` by `body` (a block after `:`), dedented to the statement's column. */
function keepBody(doc: SourceDocument, index: SemanticIndex, statement: Node, body: Node): TextEdit | undefined {
  if (hasMultilineString(index, body)) return undefined;
  const colon = body.previousSibling;
  if (!colon || colon.type !== ':') return undefined;
  const afterColon = doc.text.slice(colon.endIndex, body.endIndex);
  const newline = afterColon.indexOf('\n');
  const sameLine = newline === -1 ? afterColon : afterColon.slice(0, newline);
  const statementIndent = indentationOf(doc.text, statement);
  let text: string | undefined;
  if (sameLine.trim() !== '') {
    if (newline !== -1 || /#/.test(sameLine)) return undefined; // `else: x` on one line only
    text = sameLine.trim();
  } else {
    const bodyIndent = indentationOf(doc.text, body);
    if (!bodyIndent.startsWith(statementIndent) || /#/.test(sameLine)) return undefined;
    const dedented = dedentLines(afterColon.slice(newline + 1), bodyIndent.slice(statementIndent.length));
    if (dedented === undefined) return undefined;
    text = dedented.replace(/^[ \t]*/, '');
  }
  const start = { line: statement.startPosition.row, character: statement.startPosition.column };
  const end = { line: statement.endPosition.row, character: statement.endPosition.column };
  return { range: { start, end }, newText: text };
}

interface DeadBranch {
  range: Range;
  message: string;
  fix?: TextEdit;
  literal: boolean;
}

function ifStatement(doc: SourceDocument, index: SemanticIndex, node: Node): DeadBranch | undefined {
  const condition = node.childForFieldName('condition');
  const consequence = node.childForFieldName('consequence');
  if (!condition || !consequence) return undefined;
  const decided = constantCondition(index, condition);
  if (!decided) return undefined;
  const alternatives = node.childrenForFieldName('alternative').filter((c): c is Node => !!c);
  if (decided.literal && alternatives.some(hasLiteralCondition)) return undefined;
  if (decided.value) {
    if (alternatives.length === 0) return undefined;
    const first = alternatives[0];
    return {
      range: rangeBetween(first, node),
      message: `The ${first.type === 'elif_clause' ? '`elif`/`else` branches' : '`else` branch'} can never run: ${decided.describe}. Dead experimental code`,
      literal: decided.literal,
      ...optional(keepBody(doc, index, node, consequence)),
    };
  }
  let fix: TextEdit | undefined;
  const [first] = alternatives;
  if (!first) {
    fix = removeStatement(doc, node);
  } else if (first.type === 'elif_clause') {
    const keyword = first.child(0);
    if (keyword?.type === 'elif') {
      fix = { range: { start: rangeBetween(node, node).start, end: { line: keyword.endPosition.row, character: keyword.endPosition.column } }, newText: 'if' };
    }
  } else {
    const body = first.childForFieldName('body');
    fix = body ? keepBody(doc, index, node, body) : undefined;
  }
  return {
    range: rangeBetween(node, consequence),
    message: `This branch never runs: ${decided.describe}. Dead experimental code`,
    literal: decided.literal,
    ...optional(fix),
  };
}

/** `if 0: ... elif "spam": ...` compares literals only to show how Python treats their truth: a lesson, not dead code. */
function hasLiteralCondition(clause: Node): boolean {
  const condition = clause.type === 'elif_clause' ? clause.childForFieldName('condition') : null;
  return !!condition && LITERAL_CONDITIONS.has(stripParens(condition).type);
}

/** Removes an `elif` clause's lines, up to the next clause or to its own end. */
function removeElif(doc: SourceDocument, node: Node): TextEdit | undefined {
  const next = node.nextNamedSibling;
  if (next && (next.type === 'elif_clause' || next.type === 'else_clause')) {
    if (indentationOf(doc.text, next) !== indentationOf(doc.text, node)) return undefined;
    return { range: { start: { line: node.startPosition.row, character: 0 }, end: { line: next.startPosition.row, character: 0 } }, newText: '' };
  }
  return deleteLines(doc, node.startPosition.row, node.endPosition.row);
}

function elifClause(doc: SourceDocument, index: SemanticIndex, node: Node): DeadBranch | undefined {
  const condition = node.childForFieldName('condition');
  const consequence = node.childForFieldName('consequence');
  if (!condition || !consequence) return undefined;
  const ifCondition = node.parent?.childForFieldName('condition');
  if (ifCondition && LITERAL_CONDITIONS.has(stripParens(ifCondition).type) && hasLiteralCondition(node)) return undefined;
  const decided = constantCondition(index, condition);
  if (!decided || decided.value) return undefined;
  return {
    range: rangeBetween(node, consequence),
    message: `This \`elif\` never runs: ${decided.describe}. Dead experimental code`,
    literal: decided.literal,
    ...optional(removeElif(doc, node)),
  };
}

function whileStatement(doc: SourceDocument, index: SemanticIndex, node: Node): DeadBranch | undefined {
  const condition = node.childForFieldName('condition');
  const body = node.childForFieldName('body');
  if (!condition || !body) return undefined;
  const decided = constantCondition(index, condition);
  if (!decided || decided.value || !decided.literal) return undefined;
  const alternative = node.childForFieldName('alternative');
  const elseBody = alternative?.childForFieldName('body');
  const fix = alternative ? (elseBody ? keepBody(doc, index, node, elseBody) : undefined) : removeStatement(doc, node);
  return {
    range: rangeBetween(node, body),
    message: `This loop never runs: ${decided.describe}. Dead experimental code`,
    literal: true,
    ...optional(fix),
  };
}

function optional(fix: TextEdit | undefined): { fix?: TextEdit } {
  return fix ? { fix } : {};
}

function listen(context: RuleContext): RuleListeners {
  const { index, doc } = context;
  return {
    if_statement: (node) => report(context, ifStatement(doc, index, node)),
    elif_clause: (node) => report(context, elifClause(doc, index, node)),
    while_statement: (node) => report(context, whileStatement(doc, index, node)),
  };
}

function report(context: RuleContext, branch: DeadBranch | undefined): void {
  if (!branch) return;
  const fix: FixDescriptor | undefined = branch.fix
    ? { title: branch.literal ? 'Remove the dead branch' : 'Remove the branch the flag disables', edits: [branch.fix], safety: branch.literal ? 'safe' : 'unsafe' }
    : undefined;
  context.report({ range: branch.range, message: branch.message, ...(fix ? { fix } : {}) });
}

export const deadExperimentalBranch: Rule = {
  meta: {
    code: 'MLD505',
    name: 'dead-experimental-branch',
    category: 'dead-experimental-codepaths',
    severity: 'hint',
    recommended: false,
    tags: ['unnecessary'],
    fix: { safety: 'safe', title: 'Remove the dead branch', sometimesSafe: true },
    docs: {
      summary: 'A branch that can never run: `if False:`, `if 0:`, `while False:`, the `else` of `if True:`, a membership test in an empty list, tuple or dictionary written out (`if task in []:`, always false), or a branch on an upper-case module flag that is set once to a constant and never changed (`USE_NEW_MODEL = False`).',
      why: 'Dead experimental codepaths (§5): experiments kept alive as switched-off branches pile up. Each looks harmless, but together they hide what the code really does, rot as the surrounding code changes, and can be switched back on by accident — the paper recalls a trading firm that lost hundreds of millions when an obsolete path was revived.',
      example: 'USE_NEW_FEATURES = False\n\nif USE_NEW_FEATURES:\n    df = add_embeddings(df)\n\nif False:\n    model = train_legacy(df)',
      fix: 'Delete the experiment, or make it a real, tested option (a parameter or a configuration entry). For literal conditions the quick fix removes the dead branch and keeps the live one, dedented; it is safe because that code could never run. For flags it does the same but is unsafe: the flag may be meant to be flipped by hand.',
      fixed: 'USE_NEW_FEATURES = False',
      nearMisses: 'Flags that are reassigned anywhere (including through `global`), lower-case variables, string flags, diagnostic switches (`DEBUG`, `VERBOSE`, `TRACE`, `..._DEBUG`), `if TYPE_CHECKING:` and `if __debug__:` are left alone, as are flags set to `None` (a placeholder the reader fills in, not a switch) and flags documented as parameters for the reader to set: named in a markdown cell of the notebook, set in a cell that the markdown just above presents as the parameters or settings ("## Set the parameters"), or explained by a comment beside the assignment (`USE_GPU = False  # set to True on a GPU machine`), as are a membership test in a named list (`if task in RESUME_TASKS:`, a switch set elsewhere), in a non-empty one, or in a string (`"" in ""` is true), `while True:` and a chain of literal conditions that demonstrates truthiness (`if 0: ... elif "spam": ...`).',
    },
  },
  listen,
};
