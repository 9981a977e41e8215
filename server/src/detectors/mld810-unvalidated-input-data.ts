import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { holdsData, type DataFlow, type DataIO } from '../semantics/dataflow';
import { nodeKey } from '../semantics/nodes';
import type { CallSite } from '../semantics/types';
import { isCacheOrCheck } from './shared/caches';
import { holdoutCall } from './shared/evaluation';
import { trainingLabel } from './shared/models';
import { shortText } from './shared/objects';
import type { Rule, RuleContext } from './types';

/** Libraries whose only business is checking data. */
const VALIDATION_PACKAGES = [
  'pandera', 'great_expectations', 'pydantic', 'deepchecks', 'evidently', 'tensorflow_data_validation', 'pandas_schema',
  'cerberus', 'jsonschema', 'schema', 'voluptuous', 'whylogs', 'soda', 'frictionless', 'pointblank', 'marshmallow',
  'ydata_profiling', 'pandas_profiling',
];
/** Methods that check or show the schema, ranges and gaps of a frame. */
const CHECK_METHODS = new Set(['info', 'describe', 'isna', 'isnull', 'notna', 'notnull', 'duplicated', 'validate', 'profile_report']);
const CHECK_FUNCTIONS = /^(pandas\.testing\.assert_\w+|numpy\.testing\.assert_\w+|pandas\.api\.types\.is_\w+|numpy\.(isnan|isfinite|isinf|isnat)|pandas\.(isna|isnull|notna|notnull))$/;
/** Readers given a schema (`dtype=`, `schema=`) check their input as they load it. */
const SCHEMA_KEYWORDS = ['dtype', 'dtypes', 'schema', 'schema_overrides'];
/** Loads of files and tables we own; published benchmark data sets (sklearn, Keras, torchvision, the Hub) are not. */
const OWN_DATA = new Set(['pandas', 'polars', 'spark', 'dask', 'numpy']);

function isOwnData(io: DataIO): boolean {
  return io.direction === 'read' && holdsData(io) && (OWN_DATA.has(io.library) || (io.library === 'datasets' && !!io.path));
}

/** The expressions a check looks at: assert conditions, `if ...: raise` conditions, checked frames and arrays. */
function checkedExpressions(index: SemanticIndex): Node[] {
  const checked: Node[] = [];
  for (const statement of index.nodes('assert_statement')) checked.push(...statement.namedChildren.filter((child): child is Node => !!child));
  for (const statement of index.nodes('if_statement')) {
    const body = statement.childForFieldName('consequence');
    const condition = statement.childForFieldName('condition');
    if (condition && body?.namedChildren.some((child) => child?.type === 'raise_statement')) checked.push(condition);
  }
  for (const call of index.calls) {
    if (call.method && CHECK_METHODS.has(call.method) && call.receiver && !call.qname) checked.push(call.receiver);
    else if (call.qname && CHECK_FUNCTIONS.test(call.qname)) checked.push(...call.args);
  }
  const { text } = index.doc;
  for (const attribute of index.nodes('attribute')) {
    // Read the source before asking the tree: there are many attributes and few `.dtypes`.
    if (text.slice(attribute.endIndex - 6, attribute.endIndex) !== 'dtypes') continue;
    const object = attribute.childForFieldName('object');
    if (object && attribute.childForFieldName('attribute')?.text === 'dtypes') checked.push(object);
  }
  return [...checked, ...argumentsChecked(index, checked)];
}

/**
 * A check inside a helper (`def missing_report(frame): return frame.isnull().sum()`) checks what
 * the file passes to it: the arguments given, at each call of the helper, for the parameters the
 * check reads.
 */
function argumentsChecked(index: SemanticIndex, checked: readonly Node[]): Node[] {
  const flow = index.dataflow;
  const found: Node[] = [];
  for (const expression of checked) {
    for (const read of flow.readsWithin(expression)) {
      const definition = read.resolution.kind === 'local' ? read.resolution.definition : undefined;
      const fn = definition?.kind === 'param' ? definition.statement.parent : undefined;
      const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (!definition || !name) continue;
      const position = definition.statement.namedChildren.findIndex((param) => !!param && param.startIndex <= definition.node.startIndex && definition.node.endIndex <= param.endIndex);
      for (const call of index.callsNamed(name)) {
        const argument = call.kwargs.get(definition.name) ?? call.args[position];
        if (argument) found.push(argument);
      }
    }
  }
  return found;
}

/**
 * Data this file computes and keeps in a file: a cache (`if os.path.exists(p): np.load(p) else:
 * ...; np.save(p, x)`), or a file it wrote earlier in the same run and reads back (`np.savez(p,
 * X_train=...)` then `np.load(p)`, an intermediate file: MLD502's concern). Made here, not taken in.
 */
function isOwnCache(flow: DataFlow, io: DataIO): boolean {
  if (flow.savedBefore(io)) return true;
  return isCacheOrCheck(io.call.node) && flow.savesAt(io).length > 0;
}

interface Load {
  io: DataIO;
  /** The file (or, when its path is not known, the call) it reads: a file checked once is checked. */
  source: string;
}

function check(context: RuleContext): void {
  const { index, doc } = context;
  if (index.importsAny(VALIDATION_PACKAGES)) return;
  const flow = index.dataflow;
  const loadOf = (call: CallSite): Load | undefined => {
    const io = flow.dataIOAt(call.node);
    if (!io || !isOwnData(io) || SCHEMA_KEYWORDS.some((keyword) => call.kwargs.has(keyword)) || isOwnCache(flow, io)) return undefined;
    const known = io.path ? index.dataflow.exactPathOf(io.path) : undefined;
    return { io, source: known ? `path:${known.value}` : nodeKey(call.node) };
  };
  // The models trained here, each with the loads its data came from, in document order.
  const trainings = [
    ...flow.trainingCalls.map((t) => ({ call: t.call, inputs: t.inputs })),
    ...index.calls.flatMap((call) => {
      const holdout = holdoutCall(index, call);
      return holdout?.kind === 'cross-validation' && holdout.estimator ? [{ call, inputs: holdout.data }] : [];
    }),
  ].flatMap((training) => {
    const loads = training.inputs.length ? flow.lineage(training.inputs).calls.flatMap((call) => loadOf(call) ?? []) : [];
    return loads.length ? [{ call: training.call, loads }] : [];
  });
  if (trainings.length === 0) return;
  // Every source behind any check, found in one walk back from all the checks at once.
  const checked = new Set<string>();
  const checks = checkedExpressions(index);
  for (const call of checks.length ? flow.lineage(checks).calls : []) {
    const load = loadOf(call);
    if (load) checked.add(load.source);
  }
  const where = doc.kind === 'notebook' ? 'notebook' : 'script';
  const reported = new Set<string>();
  for (const training of trainings) {
    const loads = training.loads.filter((load, i) => training.loads.findIndex((other) => other.source === load.source) === i);
    // The model's own data: the training file when one is named so, else the first source read. A
    // test file concatenated in for preprocessing, or a table merged in, comes second.
    const primary = loads.find((load) => /train/i.test(load.source)) ?? loads[0];
    if (checked.has(primary.source) || reported.has(primary.source)) continue;
    const others = loads.filter((load) => load !== primary && !checked.has(load.source));
    for (const load of [primary, ...others]) reported.add(load.source);
    context.report({
      node: primary.io.call.node,
      message: `The data loaded by ${describe(index, primary.io)} is fed to ${trainingLabel(training.call)} without any check in this ${where}: no assert, schema, dtype or missing-value check on it`,
      related: [
        { node: training.call.node, message: 'a model is trained on it here' },
        ...others.map((load) => ({ node: load.io.call.node, message: `${describe(index, load.io)} is not checked either` })),
      ],
    });
  }
}

function describe(index: SemanticIndex, io: DataIO): string {
  const path = io.path ? index.dataflow.exactPathOf(io.path) : undefined;
  return `${shortText(io.call.callee)}${path ? `("${path.value}")` : ''}`;
}

export const unvalidatedInputData: Rule = {
  meta: {
    code: 'MLD810',
    name: 'unvalidated-input-data',
    category: 'data-testing-debt',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'Data is loaded from a file or table and a model is trained on it, with no check of that data anywhere in the script or notebook: no assert on it, no schema or dtype check, no missing-value check, no validation library.',
      why: 'Data testing debt (§8): an ML system\'s behaviour is specified by its data as much as by its code, yet the data is usually the untested part. A column that changes type, a join that starts producing gaps, an upstream export that truncates or re-encodes values — none of these raises an error: the model trains, and learns the broken data. A few checks at load time turn those silent failures into loud ones.',
      example: 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n\ntrain = pd.read_csv("data/train.csv")\nmodel = LogisticRegression()\nmodel.fit(train[FEATURES], train["label"])',
      fix: 'Check the data where it enters: declare its schema at load (`dtype=` for `read_csv`, `schema=` for polars or Spark), assert what the model relies on (`assert train["label"].isin([0, 1]).all()`, `assert train[FEATURES].notna().all().all()`, `assert len(train) > 1000`), or validate it with a library such as pandera or Great Expectations.',
      fixed: 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n\ntrain = pd.read_csv("data/train.csv", dtype=SCHEMA)\nassert train["label"].isin([0, 1]).all()\nassert train[FEATURES].notna().all().all()\nmodel = LogisticRegression()\nmodel.fit(train[FEATURES], train["label"])',
      nearMisses: 'What counts as validation: an `assert` or an `if ...: raise` whose condition reads the data (or anything derived from it), also inside a helper function the data is passed to; `isna()`/`isnull()`/`notna()`/`duplicated()` checks, `info()`, `describe()` and `.dtypes` on it (they show its schema, ranges and gaps where the author reads them, as a notebook\'s output); `pd.testing`/`np.testing` assertions, `np.isnan`/`np.isfinite`, `pd.api.types.is_*`; a schema given to the reader (`dtype=`, `schema=`); or importing a validation library (pandera, Great Expectations, pydantic, Deepchecks, Evidently, TFDV, whylogs, ydata-profiling...), which silences the whole file. `head()`, `shape`, `print` and plots show rows, not properties, and do not count. Published data sets (`sklearn.datasets.load_*`/`fetch_*`, Keras and torchvision data sets, Hugging Face Hub data sets by name) are versioned and documented by their publisher and are left alone, as is data that never reaches a `fit` or a cross-validation, and data the file computes itself: a cache (read under `if os.path.exists(path)` or in a `try` that handles a missing file, with the same path written in the file), or a file it wrote earlier in the run and reads back (an intermediate file, MLD502\'s concern).',
      notebooks: 'A check in any cell counts, before or after the load, and a check of one read of a file counts for every read of that file. One finding per model\'s data, on its main source — the file named for training if there is one, else the first one read — linked to the fit and to the other unchecked sources (a test file concatenated for preprocessing, a table merged in); when the main source is checked, the model\'s data counts as checked.',
    },
  },
  check,
};
