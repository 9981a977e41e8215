import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { addKeywordArgument, constantBefore, replaceNode } from './shared/edits';
import { DEFAULT_SEED, lastSegment, randomStateKind, SEED_CONSTANT, SEED_KEYWORDS } from './shared/libraries';
import { loadedModelOrigins } from './shared/models';
import type { Rule, RuleContext } from './types';

/** The seed keyword a call already passes, if any. */
function seedArgument(call: CallSite) {
  for (const keyword of SEED_KEYWORDS) {
    const value = call.kwargs.get(keyword);
    if (value) return { keyword, value };
  }
  return undefined;
}

/** Ensembles that seed the base estimator they are given from their own random_state. */
const SEEDING_ENSEMBLES = new Set(['BaggingClassifier', 'BaggingRegressor', 'AdaBoostClassifier', 'AdaBoostRegressor', 'BalancedBaggingClassifier', 'EasyEnsembleClassifier', 'RUSBoostClassifier']);

/**
 * Calls whose randomness never matters: a base estimator handed to an ensemble that seeds it
 * (`BaggingClassifier(DecisionTreeClassifier(), random_state=0)`), or a constructor whose value
 * is thrown away (a notebook cell showing `KMeans()`'s repr), or an empty shell that saved
 * weights are loaded into (`loaded = XGBClassifier(); loaded.load_model(path)`).
 */
function randomnessIsMoot(index: SemanticIndex, call: CallSite, loaded: ReadonlySet<number>): boolean {
  if (loaded.has(call.node.startIndex)) return true;
  const parent = call.node.parent;
  if (parent?.type === 'expression_statement' && call.qname && /^[A-Z]/.test(lastSegment(call.qname))) return true;
  const list = parent?.type === 'keyword_argument' ? parent.parent : parent;
  const outer = list?.type === 'argument_list' ? list.parent : undefined;
  const ensemble = outer?.type === 'call' ? index.call(outer) : undefined;
  return !!ensemble?.qname && SEEDING_ENSEMBLES.has(lastSegment(ensemble.qname));
}

function check(context: RuleContext): void {
  const { index, doc } = context;
  const loaded = loadedModelOrigins(index);
  for (const call of index.calls) {
    if (!call.qname || call.hasSplat) continue;
    const kind = randomStateKind(call.qname);
    if (!kind) continue;
    const name = lastSegment(call.qname);
    // Splitters shuffle only when asked to; train_test_split shuffles unless told not to.
    const shuffle = call.kwargs.get('shuffle');
    const shuffleValue = shuffle ? index.literal(shuffle) : undefined;
    if (kind === 'splitter' && !(shuffleValue?.kind === 'bool' && shuffleValue.value)) continue;
    if (shuffle && !(shuffleValue?.kind === 'bool' && shuffleValue.value)) continue;
    const seed = seedArgument(call);
    if (seed && index.literal(seed.value)?.kind !== 'none') continue;
    if (!seed && randomnessIsMoot(index, call, loaded)) continue;

    const constant = constantBefore(index, SEED_CONSTANT, call.node);
    const value = constant ?? DEFAULT_SEED;
    let message: string;
    if (seed) {
      message = `\`${name}(..., ${seed.keyword}=None)\` draws a new random seed on every run, so its results cannot be reproduced`;
    } else if (kind === 'boosting') {
      message = `\`${name}\` is built without \`random_state\`: it relies on the library's implicit default seed, which is not recorded with the experiment`;
    } else {
      message = `\`${name}\` is called without \`random_state\`: each run ${name === 'train_test_split' || kind === 'splitter' || /Split/.test(name) ? 'splits the data differently' : 'gives a different result'}`;
    }
    const edit = seed ? replaceNode(seed.value, value) : addKeywordArgument(doc, call, 'random_state', value);
    context.report({
      node: call.callee,
      message,
      ...(edit ? { fix: { title: `Set random_state=${value}`, edits: [edit] } } : {}),
    });
  }
}

export const missingRandomState: Rule = {
  meta: {
    code: 'MLD802',
    name: 'missing-random-state',
    category: 'reproducibility-debt',
    severity: 'warning',
    fix: { safety: 'unsafe', title: 'Set random_state' },
    docs: {
      summary: 'A random splitter or estimator (train_test_split, shuffling K-folds, forests, boosting, SGD, k-means, MLPs...) is used without `random_state`.',
      why: 'Reproducibility debt (§8): without a fixed seed every run splits the data or initialises the model differently, so two runs of the same code give different scores and a change cannot be told apart from noise. A result nobody can reproduce cannot be reviewed, compared or debugged.',
      example: 'from sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nmodel = RandomForestClassifier(n_estimators=200)',
      fix: 'Pass `random_state` explicitly, ideally from one module-level seed constant that is recorded with the experiment. The quick fix adds `random_state=` with the file\'s seed constant (`SEED`, `RANDOM_STATE`...) when one is defined before the call, and `42` otherwise. It is unsafe: the numbers the program produces change (they become stable).',
      fixed: 'SEED = 42\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)\nmodel = RandomForestClassifier(n_estimators=200, random_state=SEED)',
      nearMisses: 'A base estimator given to an ensemble that seeds it (`BaggingClassifier(DecisionTreeClassifier(), random_state=0)`, AdaBoost) a constructor whose value is discarded (a notebook cell that only shows `KMeans()`) and an estimator built only to `load_model` saved weights into are left alone. `KFold(n_splits=5)` without `shuffle=True` is deterministic; `train_test_split(..., shuffle=False)` too. Calls that pass `**params` may set the seed there and are left alone. Deterministic estimators (`LinearRegression`, `LogisticRegression` with default solver, `SVC`) are not flagged. imbalanced-learn samplers draw a fresh seed like scikit-learn (`NearMiss` has no randomness); XGBoost, LightGBM and CatBoost fall back to a fixed library default seed; they are flagged because that seed is implicit and not part of the experiment\'s record.',
    },
  },
  check,
};
