import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { DataIO } from '../semantics/dataflow';
import { isExact } from '../semantics/dataflow';
import { innermostValue, targetIdentifiers } from '../semantics/definitions';
import { enclosingFunction, sameNode, stripParens } from '../semantics/nodes';
import type { Definition } from '../semantics/types';
import { ownsItsLines, removeStatement } from './shared/edits';
import { describePath, placeOf } from './shared/places';
import type { FixDescriptor, Rule, RuleContext } from './types';

/** Builtins that read or write names the code does not spell out. */
const DYNAMIC_NAMES = new Set(['globals', 'locals', 'vars', 'eval', 'exec']);
/**
 * Calls whose string arguments may use Python variables: queries (`df.query("x > @limit")`,
 * `duckdb.sql("SELECT * FROM df")`) and IPython running code held in a string, as notebooks
 * converted to scripts do (`get_ipython().run_cell_magic("time", "", "fit(df)")`).
 */
const CODE_IN_STRINGS = new Set(['query', 'eval', 'sql', 'execute', 'sqldf', 'run_cell_magic', 'run_line_magic', 'system', 'getoutput']);
/** Calls that compute a path and do nothing else, so removing them changes nothing but the path. */
const PURE_CALLS = new Set(['os.path.join', 'posixpath.join', 'pathlib.Path', 'builtins.str', 'builtins.int', 'builtins.len', 'builtins.range']);
/** Builder calls of a reader chain (`spark.read.option(...).csv(...)`). */
const BUILDER_METHODS = new Set(['option', 'options', 'format', 'schema', 'joinpath']);

/** The assignment that binds a load's result, through method chains and selections (`pd.read_csv(p).dropna()[cols]`). */
function bindingAssignment(call: Node): Node | undefined {
  let current = call;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    const through = parent.type === 'parenthesized_expression'
      || (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), current))
      || (parent.type === 'call' && sameNode(parent.childForFieldName('function'), current))
      || (parent.type === 'subscript' && sameNode(parent.childForFieldName('value'), current));
    if (through) continue;
    return parent.type === 'assignment' && sameNode(parent.childForFieldName('right'), current) ? parent : undefined;
  }
  return undefined;
}

/** True when the name may be used in ways the code does not spell out: `globals()`, `eval`, SQL strings, magics. */
function usedDynamically(index: SemanticIndex, name: string, scope: Node | undefined): boolean {
  const flow = index.dataflow;
  const reads = scope ? flow.readsWithin(scope) : flow.reads;
  if (reads.some((read) => DYNAMIC_NAMES.has(read.name) && read.resolution.kind === 'builtin')) return true;
  const word = new RegExp(`(^|[^\\w])@?${name}($|[^\\w])`);
  if (index.doc.magics.some((magic) => word.test(magic.text))) return true;
  return index.calls.some((call) => ((call.method && CODE_IN_STRINGS.has(call.method)) || (call.qname && CODE_IN_STRINGS.has(call.qname.slice(call.qname.lastIndexOf('.') + 1))))
    && call.args.some((arg) => word.test(flow.pathOf(arg).template)));
}

/** Removes the load when it is a statement of its own and nothing in it does more than compute a path. */
function removalFix(context: RuleContext, io: DataIO, assignment: Node, names: Node[]): FixDescriptor | undefined {
  const statement = assignment.parent;
  if (names.length !== 1 || statement?.type !== 'expression_statement' || statement.namedChildCount !== 1 || !ownsItsLines(statement)) return undefined;
  if (!sameNode(stripParens(innermostValue(assignment) ?? assignment), io.call.node)) return undefined;
  const effects = context.index.callsWithin(io.call.node).filter((call) => call !== io.call
    && !(call.qname && PURE_CALLS.has(call.qname)) && !(call.method && BUILDER_METHODS.has(call.method) && !call.qname));
  if (effects.length || context.index.nodesWithin('named_expression', io.call.node).length) return undefined;
  return { title: `Remove the unused load of \`${names[0].text}\``, edits: [removeStatement(context.doc, statement)] };
}

function check(context: RuleContext): void {
  const { index, doc } = context;
  const flow = index.dataflow;
  for (const io of flow.io) {
    if (io.direction !== 'read') continue;
    const assignment = bindingAssignment(io.call.node);
    const left = assignment?.childForFieldName('left');
    if (!assignment || !left) continue;
    const names = targetIdentifiers(left);
    if (names.length === 0 || names.some((name) => /^_+$/.test(name.text))) continue;
    const definitions = names.map((name) => index.definitionsOf(name.text).find((d) => sameNode(d.node, name)));
    if (definitions.some((d) => !d || flow.usesOf(d).length > 0)) continue;
    const scope = enclosingFunction(assignment);
    // A module-level name of a library module is an export: its users are in other files.
    if (!scope && doc.kind === 'script' && !index.isEntryPoint) continue;
    if (names.some((name) => usedDynamically(index, name.text, scope))) continue;

    const listed = names.map((name) => `\`${name.text}\``).join(', ');
    const path = io.path ? flow.pathOf(io.path) : undefined;
    const source = io.path && path ? ` from ${describePath(isExact(path) ? path.template : undefined, io.path)}` : '';
    const replaced = names.length === 1 ? replacedBy(index, definitions[0]!) : undefined;
    const fix = removalFix(context, io, assignment, names);
    context.report({
      node: assignment,
      message: `${listed} ${names.length > 1 ? 'are' : 'is'} loaded${source} by \`${io.call.callee.text}\` but never used${replaced ? `: it is ${replaced.kind === 'delete' ? 'deleted' : 'replaced'} in ${placeOf(doc, replaced.node)} before any use` : ''}`,
      ...(replaced ? { related: [{ node: replaced.node, message: `\`${replaced.name}\` is ${replaced.kind === 'delete' ? 'deleted' : 'bound again'} here` }] } : {}),
      ...(fix ? { fix } : {}),
    });
  }
}

/** The next binding of the same name in the same scope, when the unused load is overwritten by it. */
function replacedBy(index: SemanticIndex, definition: Definition): Definition | undefined {
  const later = index.definitionsIn(definition.scopeKey, definition.name).filter((d) => d.node.startIndex > definition.node.startIndex && d.kind !== 'global');
  return later[0];
}

export const unusedDataSource: Rule = {
  meta: {
    code: 'MLD303',
    name: 'unused-data-source',
    category: 'underutilized-data-dependencies',
    severity: 'information',
    tags: ['unnecessary'],
    fix: { safety: 'unsafe', title: 'Remove the unused load' },
    docs: {
      summary: 'A dataset is loaded (`read_csv`, `read_parquet`, `np.load`, `load_dataset`, `spark.read`...) into a name that is never used afterwards.',
      why: 'Underutilized data dependencies (§3): a load that feeds nothing still makes the program depend on that file or table — its path, its schema, its availability and its size — with no benefit. Such inputs are left over from earlier experiments; they slow every run and break it when the data moves, and readers assume the data matters when it does not.',
      example: 'train = pd.read_csv("data/train.csv")\ntest = pd.read_csv("data/test.csv")   # never used\nmodel.fit(train[FEATURES], train.target)',
      fix: 'Delete the load, or use the data if it was meant to be used (the finding may reveal a forgotten evaluation on the test set). The quick fix deletes the statement when it is a plain `name = load(...)` whose arguments only compute a path. It is unsafe: the program no longer reads the file, so it no longer fails when the file is missing or malformed, and a download no longer happens.',
      fixed: 'train = pd.read_csv("data/train.csv")\nmodel.fit(train[FEATURES], train.target)',
      nearMisses: 'A use anywhere the binding can reach counts, including in a function body that reads the module-level name, in a notebook cell below, inside an f-string or through a mutation (`df["x"] = ...`). Loads assigned to `_` are deliberate. A module-level load in a module that only defines things is an export for other files. Names used through `globals()`, `eval`, SQL strings (`df.query("@limit")`, `duckdb.sql("... FROM df")`) or magics (`%sql`, `%store df`) count as used. Unpacking counts as unused only when every unpacked name is unused.',
      notebooks: 'The cells are one program: data loaded in one cell and used in any cell below is used.',
    },
  },
  check,
};
