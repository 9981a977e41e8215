import type { SemanticIndex } from '../semantics';
import type { CallSite, Definition } from '../semantics/types';
import type { DataFlow } from '../semantics/dataflow';
import { pushTo } from '../engine/collections';
import type { Node } from 'web-tree-sitter';
import { comparesWithNone, enclosingFunction, enclosingLoops, enclosingStatement, isAncestorOf, outermostParens, sameNode, stripParens } from '../semantics/nodes';
import { unpackedElement } from '../semantics/values';
import { addKeywordArgument, replaceNode } from './shared/edits';
import { BOOSTING_RANDOM, isEstimatorConstructor, lastSegment, packageOf, randomStateKind, SEED_KEYWORDS, type RandomCallKind } from './shared/libraries';
import { builtWhereFailureExpected, onlyInspected, parametrizedUses, receivingCall } from './shared/inspection';
import { keptFromFirstRun } from './shared/firstRunFiles';
import { loadedModelOrigins, OUTPUT_METHODS, restoredFromValues } from './shared/models';
import { dictionariesOf, estimatorArgument, gridArgument, keywordDictionaryKeys } from './shared/evaluation';
import { assignedName, elementOf } from './shared/objects';
import { dataOnlyFeedsSmokeTest, drawReachesResult, modelOnlyCheckedToExist, modelReachesNoResult, onlyLookedAt, usesOfTarget } from './shared/randomReach';
import { resampledChangesNoResult } from './shared/resampledCounts';
import { oneColumn } from './shared/featureColumns';
import { seedConstant, seededBefore, seededByExperiment } from './shared/seeding';
import { inExclusiveArms } from './shared/runOrder';
import { seededByTestSetup, type TestSetup } from './shared/testSetup';
import type { TextEdit } from '../documents/types';
import type { CalleeSelection, FixDescriptor, MemberDescriptor, Rule, RuleContext, RuleListeners } from './types';

/** The seed keyword a call already passes, if any. */
function seedArgument(call: CallSite) {
  for (const keyword of SEED_KEYWORDS) {
    const value = call.kwargs.get(keyword);
    if (value) return { keyword, value };
  }
  return undefined;
}

/**
 * The arm where a parameter of the call's function holds `None`, and the code that runs where it
 * holds a value instead, when the call sits in the former: the consequence of `if seed is None:`
 * (its `else`, or the statements after an `if` whose arm returns or raises), the `else` of
 * `if seed is not None:`, or the matching value of `... if seed is None else ...`.
 */
function noneArmOf(index: SemanticIndex, call: CallSite): { parameter: Definition; others: Node[] } | undefined {
  const fn = enclosingFunction(call.node);
  if (!fn) return undefined;
  for (let node = call.node, parent = node.parent; parent && !sameNode(parent, fn); node = parent, parent = parent.parent) {
    const conditional = parent.type === 'conditional_expression';
    if (!conditional && parent.type !== 'if_statement') continue;
    const condition = conditional ? parent.namedChildren[1] : parent.childForFieldName('condition');
    const test = condition ? stripParens(condition) : undefined;
    if (!test || test.type !== 'comparison_operator' || !comparesWithNone(test)) continue;
    const tested = test.namedChildren.find((operand) => operand?.type === 'identifier');
    const parameter = tested ? index.definitionFor(tested) : undefined;
    if (!parameter || parameter.kind !== 'param' || !sameNode(parameter.scope, fn) || !index.isOnlyBinding(parameter)) continue;
    const holdsNone = !/\bnot\b/.test(test.text.slice(test.namedChildren[0]!.endIndex - test.startIndex, test.namedChildren[1]!.startIndex - test.startIndex));
    let noneArm: Node | null | undefined;
    let others: Node[] = [];
    if (conditional) {
      const [consequence, , alternative] = parent.namedChildren;
      [noneArm, others] = holdsNone ? [consequence, alternative ? [alternative] : []] : [alternative, consequence ? [consequence] : []];
    } else {
      const alternatives = parent.childrenForFieldName('alternative').filter((a): a is Node => a !== null);
      const consequence = parent.childForFieldName('consequence');
      const otherwise = alternatives.length === 1 && alternatives[0]!.type === 'else_clause' ? alternatives[0] : undefined;
      if (alternatives.length > (otherwise ? 1 : 0)) continue;
      if (holdsNone) {
        noneArm = consequence;
        // An arm that ends by leaving the function leaves what follows it to the calls given a value.
        const last = consequence?.namedChildren.at(-1);
        others = otherwise ? [otherwise] : last && (last.type === 'return_statement' || last.type === 'raise_statement') ? followingStatements(parent) : [];
      } else {
        noneArm = otherwise;
        others = consequence ? [consequence] : [];
      }
    }
    if (noneArm && sameNode(noneArm, node)) return others.length ? { parameter, others } : undefined;
  }
  return undefined;
}

/** The statements after `statement` in its block. */
function followingStatements(statement: Node): Node[] {
  const following: Node[] = [];
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) following.push(next);
  return following;
}

/**
 * A call left unseeded only where the caller gave its function no seed, while the code that runs
 * where the caller gave one hands that parameter as the seed of the same callee (`if seed is not
 * None: shuffle(X, y, random_state=seed)` / `else: shuffle(X, y)`): the two do what one call given
 * `random_state=seed` does, which passes the caller's choice on, `None` included.
 */
function unseededWhereCallerGaveNone(index: SemanticIndex, call: CallSite): boolean {
  const arm = noneArmOf(index, call);
  if (!arm) return false;
  const same = (other: CallSite) => (call.qname ? other.qname === call.qname : other.callee.text === call.callee.text);
  return arm.others.some((other) => index.callsWithin(other).some((seeded) => {
    const given = same(seeded) ? seedArgument(seeded)?.value : undefined;
    const bare = given ? stripParens(given) : undefined;
    return bare?.type === 'identifier' && bare.text === arm.parameter.name && sameNode(index.definitionFor(bare)?.node, arm.parameter.node);
  }));
}

/** Names a seed goes by in other libraries or by a slip of the hand: `seed`, `random`, `random_seed`, `randomstate`, `rand_state`. */
const SEED_SPELLINGS = /^(?:seed|random|random_?seed|rand(?:om)?_?state)$/i;

/**
 * The seed a scikit-learn, imbalanced-learn or pandas call is handed under a name it does not take
 * (`train_test_split(X, y, random=42)`, `df.sample(frac=1, seed=0)`): these take their seed as
 * `random_state` alone and refuse any other keyword, so the call raises a TypeError before it draws.
 * The boosting libraries take `seed` and `random_seed` themselves, and are not asked.
 */
function misspelledSeed(call: CallSite, kind: RandomCallKind | 'pandas'): { keyword: string; name: Node; value: Node } | undefined {
  if (kind === 'boosting' || call.kwargs.has('random_state')) return undefined;
  for (const [keyword, value] of call.kwargs) {
    const name = call.keywordNodes.get(keyword)?.childForFieldName('name');
    if (SEED_SPELLINGS.test(keyword) && name) return { keyword, name, value };
  }
  return undefined;
}

/** Ensembles that seed the base estimator they are given from their own random_state. */
// imbalanced-ensemble's ensembles build each base estimator with a seed drawn from their own
// (`_make_estimator(random_state=seeds[i])`, as scikit-learn's bagging and boosting do).
const SEEDING_ENSEMBLES = new Set(['BaggingClassifier', 'BaggingRegressor', 'AdaBoostClassifier', 'AdaBoostRegressor', 'BalancedBaggingClassifier', 'EasyEnsembleClassifier', 'RUSBoostClassifier',
  'SelfPacedEnsembleClassifier', 'BalanceCascadeClassifier', 'UnderBaggingClassifier', 'OverBaggingClassifier', 'SMOTEBaggingClassifier', 'SMOTEBoostClassifier',
  'OverBoostClassifier', 'KmeansSMOTEBoostClassifier', 'AdaCostClassifier', 'AdaUBoostClassifier', 'AsymBoostClassifier']);
/**
 * Feature selectors that set their own random_state on the estimator they wrap before each fit
 * (BorutaPy, every round). This rule does not report them, so the estimator counts as seeded only
 * when the selector is given a seed: an unseeded selector leaves its estimator the finding.
 */
const SEEDING_SELECTORS = new Set(['BorutaPy']);

/**
 * Calls whose randomness never matters: a base estimator handed to an ensemble that seeds it
 * (`BaggingClassifier(DecisionTreeClassifier(), random_state=0)`) or to a search whose grid sets the seed, an object only looked at
 * (a notebook cell showing `KMeans()`'s repr, `type(DecisionTreeRegressor())` in a type check,
 * `print(SVC())`), an empty shell that saved weights are loaded into
 * (`loaded = XGBClassifier(); loaded.load_model(path)`) or whose learned attributes are set from saved
 * values (`est = SGDRegressor(); est.coef_ = coef`), a sampler whose output is only counted or goes nowhere, or
 * an object built in the statement a `pytest.raises` block expects to fail.
 */
function randomnessIsMoot(index: SemanticIndex, call: CallSite, loaded: ReadonlySet<number>): boolean {
  if (loaded.has(call.node.startIndex) || restoredFromValues(index.dataflow, call.node)) return true;
  if (call.qname && /^[A-Z]/.test(lastSegment(call.qname)) && onlyInspected(index, call.node)) return true;
  if (builtWhereFailureExpected(index, call.node)) return true;
  if (heldOnlyForWeights(index, call.node)) return true;
  if (storedAsBuilt(index, call.node)) return true;
  return seededWhereHanded(index, call.node) || seededOnceBuilt(index, call.node) || seededCopiesOnly(index, call.node) || resampledChangesNoResult(index, call);
}

/** Library calls that write an object as it stands: pickles, and MLflow's logging or saving of a model. */
const OBJECT_WRITERS = new Set(['joblib.dump', 'sklearn.externals.joblib.dump', 'pickle.dump', 'pickle.dumps', 'dill.dump', 'cloudpickle.dump', 'skops.io.dump']);
/** Library calls that read such an object back. */
const OBJECT_READERS = /^(joblib\.load|pickle\.loads?|dill\.load|cloudpickle\.load|skops\.io\.load|mlflow\.[a-z_]+\.load_model)$/;
/** Methods that train the estimator they are called on. */
const TRAINING_METHODS = new Set(['fit', 'partial_fit', 'fit_transform', 'fit_predict', 'fit_resample']);

/**
 * `rfc = RandomForestClassifier()`, then only `mlflow.sklearn.log_model(sk_model=rfc, artifact_path=rfc.__class__.__name__)`
 * (or `joblib.dump(rfc, path)`): an estimator the file never fits, only writes as it was built and
 * looks at, draws nothing here: every run writes the same unfitted object (a placeholder logged to
 * show the model registry). Its name must be one no other module reads (a function's, a script's or
 * a notebook's); a file that reads a model back and fits it may fit this one, and is still judged.
 */
function storedAsBuilt(index: SemanticIndex, node: Node): boolean {
  if (writtenAsItStands(index, node)) return !refitsALoadedModel(index);
  const definition = boundName(index, node);
  if (!definition || !(index.isEntryPoint || enclosingFunction(node))) return false;
  const uses = index.dataflow.usesOf(definition);
  if (!uses.some((use) => use.role === 'load' && writtenAsItStands(index, use.node))) return false;
  return uses.every((use) => use.role === 'load' && (writtenAsItStands(index, use.node) || typeRead(use.node) || onlyInspected(index, use.node))) && !refitsALoadedModel(index);
}

/** `value` is the object a writer is handed: the first argument of a pickle, the model (`sk_model=`, `xgb_model=`...) MLflow logs or saves. */
function writtenAsItStands(index: SemanticIndex, value: Node): boolean {
  const call = receivingCall(index, value);
  const qname = call?.qname;
  if (!call || !qname) return false;
  const mlflowModel = /^mlflow\.[a-z_]+\.(log_model|save_model)$/.test(qname);
  if (!mlflowModel && !OBJECT_WRITERS.has(qname)) return false;
  if (sameNode(call.args[0], value)) return true;
  return mlflowModel && [...call.kwargs].some(([keyword, given]) => /model$/.test(keyword) && keyword !== 'python_model' && sameNode(given, value));
}

/** `est.__class__` read (for its name): the object's type, as `type(est)` gives it. */
function typeRead(use: Node): boolean {
  const parent = use.parent;
  return parent?.type === 'attribute' && sameNode(parent.childForFieldName('object'), use) && parent.childForFieldName('attribute')?.text === '__class__';
}

/** The file reads a model back (`mlflow.sklearn.load_model(uri)`, `joblib.load(p)`) into a name it then fits. */
function refitsALoadedModel(index: SemanticIndex): boolean {
  return index.callsTo((qname) => OBJECT_READERS.test(qname)).some((load) => {
    const definition = boundName(index, load.node);
    if (!definition) return true;
    return index.dataflow.usesOf(definition).some((use) => {
      const attribute = use.node.parent;
      return attribute?.type === 'attribute' && sameNode(attribute.childForFieldName('object'), use.node) && TRAINING_METHODS.has(attribute.childForFieldName('attribute')?.text ?? '');
    });
  });
}

/** adapt's methods that learn or give importance weights from the rows alone, never fitting the estimator the object holds. */
const WEIGHTING_METHODS = new Set(['fit_weights', 'predict_weights']);

/**
 * `KMM(DecisionTreeRegressor(max_depth=6), Xt=Xt).fit_weights(Xs, Xt)`: an estimator handed to one of
 * adapt's domain-adaptation objects (as its `estimator`) that is only asked for importance weights.
 * The weights come from the source and target rows alone; only the object's `fit` trains the
 * estimator it holds, so that estimator never draws. Also through a name used only so, and for an
 * object bound to a name whose every use asks for weights.
 */
function heldOnlyForWeights(index: SemanticIndex, node: Node, depth = 0): boolean {
  const bound = boundName(index, node);
  if (bound) {
    const uses = depth < 2 ? index.dataflow.usesOf(bound) : [];
    return uses.length > 0 && uses.every((use) => use.role === 'load' && heldOnlyForWeights(index, use.node, depth + 1));
  }
  const holder = receivingCall(index, node);
  if (!holder?.qname?.startsWith('adapt.')) return false;
  if (!sameNode(holder.args[0], node) && !sameNode(holder.kwargs.get('estimator'), node)) return false;
  return onlyAskedForWeights(index, holder.node);
}

/** The object built at `built` is only asked for importance weights: directly, or through the one name it is bound to. */
function onlyAskedForWeights(index: SemanticIndex, built: Node, depth = 0): boolean {
  const parent = built.parent;
  if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('object'), built)) {
    const called = parent.parent?.type === 'call' && sameNode(parent.parent.childForFieldName('function'), parent);
    return called && WEIGHTING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '');
  }
  const bound = depth === 0 ? boundName(index, built) : undefined;
  const uses = bound ? index.dataflow.usesOf(bound) : [];
  return uses.length > 0 && uses.every((use) => use.role === 'load' && onlyAskedForWeights(index, use.node, depth + 1));
}

/** `value` is there and is not `None`. */
function givesSeed(index: SemanticIndex, value: Node | null | undefined): boolean {
  return !!value && index.literal(value)?.kind !== 'none';
}

/** The name `node` is bound to when it is the whole right side of `name = node`. */
function boundName(index: SemanticIndex, node: Node): Definition | undefined {
  const parent = node.parent;
  const target = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), node) ? parent.childForFieldName('left') : undefined;
  return target?.type === 'identifier' ? index.boundAt(target) : undefined;
}

/**
 * `model = RandomForestRegressor(...)` then `model.random_state = seed` (or
 * `model.set_params(random_state=seed)`) before the estimator is used for anything else: it is
 * seeded before it draws. Other parameters set on it in between (`model.n_jobs = 4`) use nothing.
 */
function seededOnceBuilt(index: SemanticIndex, node: Node): boolean {
  const definition = boundName(index, node);
  if (!definition) return false;
  for (const { node: use } of index.dataflow.usesOf(definition)) {
    const attribute = use.parent?.type === 'attribute' && sameNode(use.parent.childForFieldName('object'), use) ? use.parent : undefined;
    const name = attribute?.childForFieldName('attribute')?.text ?? '';
    const written = attribute?.parent?.type === 'assignment' && sameNode(attribute.parent.childForFieldName('left'), attribute) ? attribute.parent : undefined;
    if (written) {
      if (SEED_KEYWORDS.has(name)) return givesSeed(index, written.childForFieldName('right'));
      continue;
    }
    // `if hasattr(est, "random_state"):` asks whether it takes a seed, and uses nothing.
    if (askedForAttribute(index, use)) continue;
    const setParams = name === 'set_params' && attribute?.parent?.type === 'call' ? index.call(attribute.parent) : undefined;
    if (!setParams) return false;
    const seed = seedArgument(setParams);
    if (seed) return givesSeed(index, seed.value);
  }
  return false;
}

/** `use` is the object `hasattr(use, ...)` asks about. */
function askedForAttribute(index: SemanticIndex, use: Node): boolean {
  const list = use.parent;
  const call = list?.type === 'argument_list' && list.parent ? index.call(list.parent) : undefined;
  return call?.callee.type === 'identifier' && call.callee.text === 'hasattr' && index.resolve('hasattr', call.callee).kind !== 'local' && sameNode(call.args[0], use);
}

/** Calls that copy an estimator unfitted: a clone gets the parameters, never the object itself. */
const COPIES = new Set(['sklearn.base.clone', 'sklearn.clone', 'copy.deepcopy', 'copy.copy']);
/** How many names an estimator is followed through to the function that copies it. */
const MAX_COPY_HOPS = 2;

/**
 * An estimator handed as a template to a function of the file that only copies it and seeds every
 * copy once built (`def make_ensemble(estimator): est = clone(estimator); est.random_state = i`):
 * every estimator that is fitted is such a seeded copy, never the template. Also through a name
 * whose every use hands it so.
 */
function seededCopiesOnly(index: SemanticIndex, node: Node, hops = 0): boolean {
  const bound = boundName(index, node);
  if (bound) {
    const uses = hops < MAX_COPY_HOPS ? index.dataflow.usesOf(bound) : [];
    return uses.length > 0 && uses.every((use) => use.role === 'load' && seededCopiesOnly(index, use.node, hops + 1));
  }
  const list = node.parent;
  const call = list?.type === 'argument_list' && list.parent ? index.call(list.parent) : undefined;
  const parameter = call ? index.parameterFor(call, node) : undefined;
  const definition = parameter ? index.boundAt(parameter) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length > 0 && uses.every(({ node: use }) => {
    const copy = use.parent?.type === 'argument_list' && use.parent.parent ? index.call(use.parent.parent) : undefined;
    return !!copy?.qname && COPIES.has(copy.qname) && copy.args.length === 1 && sameNode(copy.args[0], use) && seededOnceBuilt(index, copy.node);
  });
}

/** A search's grid as the dictionaries it lists (one, or each of a list of them, followed through names). */
function gridDictionaries(index: SemanticIndex, search: CallSite): Node[] {
  return dictionariesOf(index, gridArgument(search));
}

/** A grid that travels with an estimator: a dictionary, or a list of them, written out in the file (no other value counts as one). */
function travellingGrid(index: SemanticIndex, given: Node | null | undefined): Node[] | undefined {
  const dictionaries = dictionariesOf(index, given);
  return dictionaries.length > 0 && dictionaries.every((dictionary) => dictionary.type === 'dictionary') ? dictionaries : undefined;
}

/** How many names an estimator is followed through to the grids that may set its parameters. */
const MAX_GRID_HOPS = 2;

/**
 * The grids that may set the parameters an estimator runs with, each as its dictionaries (none
 * when the grid is not known): that of a search it is handed to; one listed beside it in a tuple
 * (`("tree", DecisionTreeClassifier(), tree_grid)`, a candidate a loop hands to a search with its
 * grid); the one under its key in a dictionary of grids handed to the same call as the dictionary
 * of estimators that holds it (`evaluate_models(models=models, params=params)`, a helper that
 * searches each model's grid). Followed through the names it is bound to, as a search is handed it.
 */
function gridsFor(index: SemanticIndex, node: Node, hops = 0): Node[][] {
  const search = receivingCall(index, node);
  if (search?.qname && /SearchCV$/.test(search.qname)) return [sameNode(estimatorArgument(search), node) ? gridDictionaries(index, search) : []];
  const parent = node.parent;
  if (parent?.type === 'tuple') return remembered(gridCache(index).beside, parent, () => gridsBeside(index, parent));
  if (parent?.type === 'pair' && sameNode(parent.childForFieldName('value'), node)) return gridsUnderKey(index, parent);
  const name = assignedName(node);
  const definition = name && hops < MAX_GRID_HOPS ? index.boundAt(name) : undefined;
  return definition ? index.dataflow.usesOf(definition).flatMap((use) => gridsFor(index, use.node, hops + 1)) : [];
}

/**
 * Per document version, the grids each container of estimators carries, by the container's start:
 * worked out once per tuple or dictionary, not once per estimator in it (thousands of models in one
 * dictionary stay linear).
 */
interface GridCache {
  beside: Map<number, Node[][]>;
  byKey: Map<number, Map<string, Node[][]>>;
}
const gridCaches = new WeakMap<DataFlow, GridCache>();

function gridCache(index: SemanticIndex): GridCache {
  let cache = gridCaches.get(index.dataflow);
  if (!cache) gridCaches.set(index.dataflow, (cache = { beside: new Map(), byKey: new Map() }));
  return cache;
}

/** The value remembered for `container`, worked out by `work` the first time it is asked for. */
function remembered<T>(cache: Map<number, T>, container: Node, work: () => T): T {
  let value = cache.get(container.startIndex);
  if (value === undefined) cache.set(container.startIndex, (value = work()));
  return value;
}

/** The grids listed in a tuple of a candidate (`("tree", DecisionTreeClassifier(), tree_grid)`): an estimator itself is never one. */
function gridsBeside(index: SemanticIndex, tuple: Node): Node[][] {
  return tuple.namedChildren.flatMap((item) => {
    const grid = travellingGrid(index, item);
    return grid ? [grid] : [];
  });
}

/**
 * `models = {"tree": DecisionTreeClassifier()}` handed with `params = {"tree": {"max_features": [...]}}`
 * to one call: the grid under the estimator's key in another dictionary that call is handed.
 */
function gridsUnderKey(index: SemanticIndex, pair: Node): Node[][] {
  const key = stringKey(index, pair);
  const estimators = pair.parent;
  if (key === undefined || estimators?.type !== 'dictionary') return [];
  return remembered(gridCache(index).byKey, estimators, () => gridsByKey(index, estimators)).get(key) ?? [];
}

/** The grids of every dictionary of grids handed to a call with `estimators` (or the name bound to it), by key. */
function gridsByKey(index: SemanticIndex, estimators: Node): Map<string, Node[][]> {
  const byKey = new Map<string, Node[][]>();
  const name = assignedName(estimators);
  const definition = name ? index.boundAt(name) : undefined;
  for (const holder of [estimators, ...(definition ? index.dataflow.usesOf(definition).map((use) => use.node) : [])]) {
    const call = receivingCall(index, holder);
    for (const argument of call ? [...call.args, ...call.kwargs.values()] : []) {
      const grids = sameNode(argument, holder) ? undefined : index.valueOf(argument);
      for (const entry of grids?.type === 'dictionary' ? grids.namedChildren : []) {
        const key = stringKey(index, entry);
        const grid = travellingGrid(index, entry?.childForFieldName('value'));
        if (key !== undefined && grid) pushTo(byKey, key, grid);
      }
    }
  }
  return byKey;
}

/** The key of a dictionary entry when it is a string literal (`"max_depth": [3, 5]`). */
function stringKey(index: SemanticIndex, pair: Node | null): string | undefined {
  const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
  const literal = key ? index.literal(key) : undefined;
  return literal?.kind === 'string' ? literal.value : undefined;
}

/**
 * `GridSearchCV(DecisionTreeClassifier(), {"max_depth": [2, 4], "random_state": [0]})`: the search
 * sets every parameter its grid names on the estimator it is handed, the seed included. A grid
 * given as a list of dictionaries seeds only if each of them does.
 */
function seededBySearchGrid(index: SemanticIndex, node: Node): boolean {
  const search = receivingCall(index, node);
  if (!search?.qname || !/SearchCV$/.test(search.qname) || !sameNode(estimatorArgument(search), node)) return false;
  const given = gridArgument(search);
  const dictionaries = (given && gridsIndexedFrom(index, given)) ?? dictionariesOf(index, given);
  return dictionaries.length > 0 && dictionaries.every((dictionary) => setsSeed(index, dictionary));
}

/** A grid dictionary that names the seed: `{"random_state": [0], ...}` or `dict(random_state=[0], ...)`. */
function setsSeed(index: SemanticIndex, dictionary: Node): boolean {
  if (dictionary.type === 'dictionary') return dictionary.namedChildren.some((pair) => SEED_KEYWORDS.has(stringKey(index, pair) ?? ''));
  const call = dictionary.type === 'call' ? index.call(dictionary) : undefined;
  return call?.qname === 'builtins.dict' && [...call.kwargs.keys()].some((keyword) => SEED_KEYWORDS.has(keyword));
}

/**
 * The estimator is handed to an ensemble or a search that seeds it, directly or through a name used
 * only so (`model = CatBoostClassifier()`, then `GridSearchCV(model, {"random_state": [73]})`): a
 * use of the name elsewhere (`model.fit(X, y)`) draws with the estimator's own seed.
 */
function seededWhereHanded(index: SemanticIndex, node: Node, depth = 0): boolean {
  if (seededAsEnsembleArguments(index, node)) return true;
  // Listed to `@pytest.mark.parametrize`, it is what the test's parameter holds: handed on where that is read.
  const listed = depth < 2 ? parametrizedUses(index, node) : undefined;
  if (listed) return listed.length > 0 && listed.every((use) => seededWhereHanded(index, use, depth + 1) || onlyInspected(index, use));
  const parent = node.parent;
  if (parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), node)) {
    const target = parent.childForFieldName('left');
    const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
    const uses = definition && depth < 2 ? index.dataflow.usesOf(definition) : [];
    // A search or a seeding ensemble trains clones of what it is handed, never the object the name
    // holds: a use that only asks that object for answers (`tree.predict(X_val)`) or looks at it
    // trains nothing and draws nothing.
    const seeded = uses.filter((use) => seededWhereHanded(index, use.node, depth + 1) || seededThroughReturn(index, use.node, parent));
    return seeded.length > 0 && uses.every((use) => seeded.includes(use) || trainsNothingThrough(index, use.node));
  }
  // `models = {"bag": BaggingClassifier(), ...}`: the estimator is handed on where the dictionary is
  // indexed (`models[name]`); reading its keys (`for name in models.keys()`) hands on nothing.
  const models = parent?.type === 'pair' && sameNode(parent.childForFieldName('value'), node) ? parent.parent : undefined;
  const name = models?.type === 'dictionary' && depth < 2 ? assignedName(models) : undefined;
  const definition = name ? index.boundAt(name) : undefined;
  if (definition) {
    const uses = index.dataflow.usesOf(definition);
    return uses.length > 0 && uses.every(({ node: use }) => readsKeysOnly(use) || (indexedBy(use) !== undefined && seededWhereHanded(index, indexedBy(use)!, depth + 1)));
  }
  return seededByEnsemble(index, node) || seededBySearchGrid(index, node) || seededAsGridBase(index, node) || seededInsideWrapper(index, node);
}

/**
 * `BaggingClassifier(CalibratedClassifierCV(Perceptron()), random_state=rng)`: a seeding ensemble sets
 * every `random_state` among its base's parameters, nested ones too (scikit-learn's ensembles walk
 * `get_params(deep=True)`), so an estimator inside a scikit-learn or imbalanced-learn meta-estimator
 * that is handed to one, straight or through a name used only so, draws with the seed the ensemble gives it.
 */
function seededInsideWrapper(index: SemanticIndex, node: Node): boolean {
  const wrapper = receivingCall(index, node);
  const name = wrapper?.qname && /^(sklearn|imblearn)\./.test(wrapper.qname) ? lastSegment(wrapper.qname) : undefined;
  return !!name && (/^[A-Z]/.test(name) || PIPELINE_BUILDERS.has(name)) && handedToSeedingEnsemble(index, wrapper!.node);
}

/** Functions that build a scikit-learn meta-estimator of the estimators they are handed. */
const PIPELINE_BUILDERS = new Set(['make_pipeline', 'make_union']);

/**
 * `value` is handed to a seeding ensemble as it stands: straight, through a name used only so, or
 * as a value `@pytest.mark.parametrize` lists for a parameter every test hands so (or only looks at).
 */
function handedToSeedingEnsemble(index: SemanticIndex, value: Node, depth = 0): boolean {
  const ensemble = receivingCall(index, value);
  if (ensemble?.qname) return SEEDING_ENSEMBLES.has(lastSegment(ensemble.qname));
  if (depth >= 2) return false;
  const listed = parametrizedUses(index, value);
  if (listed) return listed.length > 0 && listed.every((use) => handedToSeedingEnsemble(index, use, depth + 1) || onlyInspected(index, use));
  const assignment = value.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), value) ? assignment.childForFieldName('left') : undefined;
  const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length > 0 && uses.every((use) => handedToSeedingEnsemble(index, use.node, depth + 1));
}

/** A seeding ensemble's class, named as a value rather than called (`"model_class": AdaBoostClassifier`). */
function isSeedingEnsembleClass(index: SemanticIndex, value: Node | null | undefined): boolean {
  const qname = value && (value.type === 'identifier' || value.type === 'attribute') ? index.qualify(value) : undefined;
  return !!qname && SEEDING_ENSEMBLES.has(lastSegment(qname));
}

/** `**arguments` in the call of a seeding ensemble (`AdaBoostClassifier(**arguments)`). */
function splattedIntoSeedingEnsemble(index: SemanticIndex, node: Node): boolean {
  const splat = node.parent;
  const list = splat?.type === 'dictionary_splat' ? splat.parent : undefined;
  const call = list?.type === 'argument_list' && list.parent?.type === 'call' ? index.call(list.parent) : undefined;
  return !!call?.qname && SEEDING_ENSEMBLES.has(lastSegment(call.qname));
}

/**
 * The base estimator given as the `estimator` entry of a seeding ensemble's keyword arguments, kept
 * as a dictionary that also gives the ensemble its seed: splatted into the ensemble's call
 * (`AdaBoostClassifier(**{"estimator": DecisionTreeClassifier(max_depth=1), "random_state": 0})`,
 * also through a name used only so, or built by `dict(estimator=..., random_state=0)`), or kept in
 * one record beside the ensemble's class (`{"model_class": AdaBoostClassifier, "model_args": {...}}`,
 * the configuration table a builder reads as `config["model_class"](**config["model_args"])`). The
 * ensemble builds the base with a seed drawn from its own, as when the base is written into its call.
 * Arguments with no seed, or `None` for it, and a record whose class is not such an ensemble leave
 * the base reported.
 */
function seededAsEnsembleArguments(index: SemanticIndex, node: Node): boolean {
  const entry = node.parent;
  let dictionary: Node | undefined;
  if (entry?.type === 'pair' && sameNode(entry.childForFieldName('value'), node) && BASE_ESTIMATOR_KEYS.has(stringKey(index, entry) ?? '')) {
    dictionary = entry.parent?.type === 'dictionary' ? entry.parent : undefined;
    const seed = dictionary?.namedChildren.find((pair) => SEED_KEYWORDS.has(stringKey(index, pair) ?? ''));
    if (!seed || !givesSeed(index, seed.childForFieldName('value'))) return false;
  } else if (entry?.type === 'keyword_argument' && BASE_ESTIMATOR_KEYS.has(entry.childForFieldName('name')?.text ?? '')) {
    const call = entry.parent?.parent?.type === 'call' ? index.call(entry.parent.parent) : undefined;
    const seed = call?.qname === 'builtins.dict' ? [...SEED_KEYWORDS].map((keyword) => call.kwargs.get(keyword)).find((value) => value) : undefined;
    if (!call || !givesSeed(index, seed)) return false;
    dictionary = call.node;
  }
  if (!dictionary) return false;
  if (splattedIntoSeedingEnsemble(index, dictionary)) return true;
  const record = dictionary.parent?.type === 'pair' && sameNode(dictionary.parent.childForFieldName('value'), dictionary) ? dictionary.parent.parent : undefined;
  if (record?.type === 'dictionary') return record.namedChildren.some((pair) => pair.type === 'pair' && isSeedingEnsembleClass(index, pair.childForFieldName('value')));
  const name = assignedName(dictionary);
  const definition = name ? index.boundAt(name) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length > 0 && uses.every((use) => splattedIntoSeedingEnsemble(index, use.node));
}

/**
 * `return clf, grid` from a function of the file that builds a candidate with its grid, where every
 * call unpacks the pair (`clf, grid = get_model_and_params(name)`) and hands both to one search as its
 * estimator and its grid, and the name of the estimator there to nothing else: the search sets the
 * seed on the estimator when every dictionary bound to the returned grid name in the block that
 * builds the estimator (`elif name == "forest": clf = IsolationForest(); grid = {..., "random_state": [42]}`)
 * names it. A grid from another block, one that does not name the seed, or a call that fits the
 * estimator itself is still judged as the estimator is.
 */
function seededThroughReturn(index: SemanticIndex, use: Node, built: Node): boolean {
  const items = use.parent;
  const ret = items?.type === 'expression_list' || items?.type === 'tuple' ? items.parent : undefined;
  const fn = ret?.type === 'return_statement' ? enclosingFunction(ret) : undefined;
  const block = blockOf(built);
  if (!items || !fn || !block) return false;
  const at = items.namedChildren.findIndex((item) => sameNode(item, use));
  const calls = index.dataflow.callsOf(fn);
  return calls.length > 0 && items.namedChildren.some((grid, j) => j !== at && grid?.type === 'identifier'
    && gridBesideSeeds(index, grid, block)
    && calls.every((read) => unpackedToOneSearch(index, read.node.parent, at, j)));
}

/** The block (or module) whose statements hold `node`. */
function blockOf(node: Node): Node | undefined {
  let at = node.parent;
  while (at && at.type !== 'block' && at.type !== 'module') at = at.parent;
  return at ?? undefined;
}

/** Every binding of the returned grid name reaching the return from `block` is a dictionary that names the seed (at least one). */
function gridBesideSeeds(index: SemanticIndex, grid: Node, block: Node): boolean {
  const read = index.dataflow.readAt(grid);
  const beside = read ? index.dataflow.reachingDefinitions(read).filter((definition) => sameNode(blockOf(definition.statement), block)) : [];
  return beside.length > 0 && beside.every((definition) => {
    const dictionaries = definition.value ? dictionariesOf(index, definition.value) : [];
    return dictionaries.length > 0 && dictionaries.every((dictionary) => setsSeed(index, dictionary));
  });
}

/** `clf, grid = helper(...)`, then only `GridSearchCV(clf, grid, ...)`: the pair's `at` and `j` elements handed to one search. */
function unpackedToOneSearch(index: SemanticIndex, call: Node | null, at: number, j: number): boolean {
  const assignment = call?.type === 'call' ? call.parent : undefined;
  const targets = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), call) ? assignment.childForFieldName('left') : undefined;
  if (targets?.type !== 'pattern_list' && targets?.type !== 'tuple_pattern') return false;
  const estimator = targets.namedChildren[at];
  const grid = targets.namedChildren[j];
  const estimatorBinding = estimator?.type === 'identifier' ? index.boundAt(estimator) : undefined;
  const gridBinding = grid?.type === 'identifier' ? index.boundAt(grid) : undefined;
  if (!estimatorBinding || !gridBinding) return false;
  const uses = index.dataflow.usesOf(estimatorBinding);
  return uses.length > 0 && uses.every(({ node }) => {
    const search = receivingCall(index, node);
    const given = search ? gridArgument(search) : undefined;
    return !!search?.qname && /SearchCV$/.test(search.qname) && sameNode(estimatorArgument(search), node)
      && given?.type === 'identifier' && index.bindingAt(given) === gridBinding;
  });
}

/** `tree.predict(X_val)`, `print(tree)`: a use of the name that trains nothing and hands the estimator on to nothing. */
function trainsNothingThrough(index: SemanticIndex, use: Node): boolean {
  const attribute = use.parent;
  const asksAnswers = attribute?.type === 'attribute' && sameNode(attribute.childForFieldName('object'), use)
    && OUTPUT_METHODS.has(attribute.childForFieldName('attribute')?.text ?? '') && attribute.parent?.type === 'call';
  return asksAnswers || onlyInspected(index, use);
}

/** `models[name]`: the subscript that indexes the dictionary `use` reads. */
function indexedBy(use: Node): Node | undefined {
  const parent = use.parent;
  return parent?.type === 'subscript' && sameNode(parent.childForFieldName('value'), use) ? parent : undefined;
}

/** `models.keys()`: a read of a dictionary that yields its keys, not the estimators it holds. */
function readsKeysOnly(use: Node): boolean {
  const attribute = use.parent;
  return attribute?.type === 'attribute' && sameNode(attribute.childForFieldName('object'), use) && attribute.childForFieldName('attribute')?.text === 'keys' && attribute.parent?.type === 'call';
}

/**
 * `param_grid=grids[name]`, `grids` a dictionary of grids: the dictionaries of every grid it holds,
 * any of which the search may be given.
 */
function gridsIndexedFrom(index: SemanticIndex, grid: Node): Node[] | undefined {
  const holder = grid.type === 'subscript' ? grid.childForFieldName('value') : undefined;
  const grids = holder ? index.valueOf(holder) : undefined;
  if (grids?.type !== 'dictionary') return undefined;
  // A grid that is neither a dictionary nor a list of them stays, so that it is judged and not skipped.
  return grids.namedChildren.flatMap((entry) => {
    const grid = entry.type === 'pair' ? entry.childForFieldName('value') : entry;
    const dictionaries = grid ? dictionariesOf(index, grid) : [];
    return dictionaries.length > 0 ? dictionaries : [grid ? index.valueOf(grid) ?? grid : entry];
  });
}

/** `BaggingClassifier(tree, ...)`, `BorutaPy(rf, random_state=1)`: the estimator is handed to an ensemble or selector that seeds it. */
function seededByEnsemble(index: SemanticIndex, node: Node): boolean {
  const ensemble = receivingCall(index, node);
  const name = ensemble?.qname ? lastSegment(ensemble.qname) : undefined;
  return !!name && (SEEDING_ENSEMBLES.has(name) || (SEEDING_SELECTORS.has(name) && givesSeed(index, ensemble?.kwargs.get('random_state'))));
}

/** The parameters a grid hands a searched ensemble its base estimator by. */
const BASE_ESTIMATOR_KEYS = new Set(['estimator', 'base_estimator']);

/**
 * `GridSearchCV(AdaBoostClassifier(), {"estimator": [DecisionTreeClassifier(max_depth=2)]})`: a
 * candidate base the grid sets on a seeding ensemble, which overwrites its seed with one drawn from
 * its own, as when the base is handed to the ensemble's constructor; the ensemble's missing seed, if
 * any, is the cause. Every search the grid reaches must search such an ensemble: a grid also given
 * to a calibrator or a selector sets a base that keeps its own seed.
 */
function seededAsGridBase(index: SemanticIndex, node: Node): boolean {
  const candidates = node.parent?.type === 'list' ? node.parent : node;
  const pair = candidates.parent;
  if (pair?.type !== 'pair' || !sameNode(pair.childForFieldName('value'), candidates) || !BASE_ESTIMATOR_KEYS.has(stringKey(index, pair) ?? '')) return false;
  const searches = pair.parent ? searchesGivenGrid(index, pair.parent) : [];
  return searches.length > 0 && searches.every((search) => {
    const estimator = estimatorArgument(search);
    const built = estimator ? index.valueOf(estimator) : undefined;
    const ensemble = built?.type === 'call' ? index.call(built) : undefined;
    return !!ensemble?.qname && SEEDING_ENSEMBLES.has(lastSegment(ensemble.qname));
  });
}

/**
 * The searches a grid dictionary is given to as their grid, alone or in a list of grids, straight
 * or through the name it is bound to; none when it is used any other way (its searches unknown).
 */
function searchesGivenGrid(index: SemanticIndex, dictionary: Node): CallSite[] {
  const grid = dictionary.parent?.type === 'list' ? dictionary.parent : dictionary;
  const name = assignedName(grid);
  const definition = name ? index.boundAt(name) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition).map((use) => use.node) : [grid];
  const searches: CallSite[] = [];
  for (const use of uses) {
    const search = receivingCall(index, use);
    if (!search?.qname || !/SearchCV$/.test(search.qname) || !sameNode(gridArgument(search), use)) return [];
    searches.push(search);
  }
  return searches;
}

/**
 * Keywords that switch on a boosting library's row or column subsampling, with the value that
 * leaves it off. XGBoost and LightGBM are deterministic with their defaults (no subsampling);
 * LightGBM bags rows only when a bagging frequency is set too. CatBoost randomises split scores
 * and bags by default (`random_strength=1`, Bayesian bootstrap), and XGBoost's random forests
 * subsample by default, so both always draw.
 */
type Off = number | boolean | string;
const SUBSAMPLING: Record<string, Record<string, Off>> = {
  xgboost: { subsample: 1, colsample_bytree: 1, colsample_bylevel: 1, colsample_bynode: 1, rate_drop: 0 },
  lightgbm: { colsample_bytree: 1, feature_fraction: 1, feature_fraction_bynode: 1, extra_trees: false, boosting_type: 'gbdt', boosting: 'gbdt' },
};
const LIGHTGBM_BAGGING = { fraction: ['subsample', 'bagging_fraction'], frequency: ['subsample_freq', 'bagging_freq'] };
/**
 * LightGBM's seeds of one random step each, which the general seed only derives when they are not
 * given: a step whose own seed the call passes draws the same on every run.
 */
const LIGHTGBM_STEP_SEEDS: Record<string, string> = {
  colsample_bytree: 'feature_fraction_seed', feature_fraction: 'feature_fraction_seed', feature_fraction_bynode: 'feature_fraction_seed',
  extra_trees: 'extra_seed', bagging: 'bagging_seed',
};

/** True when a call's argument differs from the value that leaves randomness off (a name counts as on). */
function switchedOn(index: SemanticIndex, call: CallSite, keyword: string, off: Off): boolean {
  const value = call.kwargs.get(keyword);
  const literal = value ? index.literal(value) : undefined;
  if (!value || literal?.kind === 'none') return false;
  return !literal || literal.value !== off;
}

/**
 * A boosting estimator whose arguments leave every random step off, or (LightGBM) give each step
 * left on its own seed (`bagging_seed=5` beside `bagging_fraction=0.5, bagging_freq=2`): nothing
 * is left to the library's implicit seed.
 */
function deterministicBoosting(index: SemanticIndex, call: CallSite, qname: string): boolean {
  const pkg = packageOf(qname);
  const keywords = SUBSAMPLING[pkg];
  if (!keywords || /^XGBRF/.test(lastSegment(qname))) return false;
  const seeded = (step: string) => {
    const seed = pkg === 'lightgbm' && step in LIGHTGBM_STEP_SEEDS ? call.kwargs.get(LIGHTGBM_STEP_SEEDS[step]) : undefined;
    return !!seed && index.literal(seed)?.kind !== 'none';
  };
  if (Object.entries(keywords).some(([keyword, off]) => switchedOn(index, call, keyword, off) && !seeded(keyword))) return false;
  if (pkg !== 'lightgbm') return true;
  const bags = LIGHTGBM_BAGGING.fraction.some((k) => switchedOn(index, call, k, 1)) && LIGHTGBM_BAGGING.frequency.some((k) => switchedOn(index, call, k, 0));
  return !bags || seeded('bagging');
}

/**
 * The counter of a `for i in range(n):` loop around the call (the innermost loop of its function):
 * such a loop repeats the draw (a split redone a thousand times to average the scores), and one
 * constant seed would make every repeat the same; `SEED + i` keeps each repeat different and the
 * whole run repeatable. A loop over configurations or models keeps one seed, to compare them alike.
 */
function repetitionCounter(index: SemanticIndex, node: Node): string | undefined {
  const loop = enclosingLoops(node)[0];
  if (loop?.type !== 'for_statement') return undefined;
  const counter = loop.childForFieldName('left');
  const range = loop.childForFieldName('right');
  return counter?.type === 'identifier' && range?.type === 'call' && index.call(range)?.qname === 'builtins.range' ? counter.text : undefined;
}

/**
 * imbalanced-learn's combined samplers, and the keyword of the over-sampler they run: its own seed
 * only seeds the `SMOTE` it builds when none is given; the cleaning step after it (edited nearest
 * neighbours, Tomek links) draws nothing.
 */
const COMBINED_SAMPLERS: Record<string, string> = { SMOTEENN: 'smote', SMOTETomek: 'smote' };

/**
 * `SMOTEENN(smote=SMOTE(random_state=0), enn=EditedNearestNeighbours())`: the combined sampler runs
 * the over-sampler it is handed, with that sampler's own seed (judged where it is built), and never
 * reads its own `random_state`. `smote=None` builds the default one from that seed, so it still draws.
 */
function drawsThroughGivenSampler(index: SemanticIndex, call: CallSite, name: string): boolean {
  const keyword = COMBINED_SAMPLERS[name];
  const given = keyword ? call.kwargs.get(keyword) : undefined;
  return !!given && index.literal(given)?.kind !== 'none';
}

/** Estimators whose only random step is choosing starting points, which an explicit `init=` array replaces. */
const RANDOM_INIT_ONLY = new Set(['KMeans']);

/** `KMeans(n_clusters=3, init=centers)`: starting centres given, so Lloyd's iterations draw nothing. */
function givenStartingPoints(index: SemanticIndex, call: CallSite, name: string): boolean {
  const init = call.kwargs.get('init');
  return RANDOM_INIT_ONLY.has(name) && !!init && index.literal(init)?.kind !== 'string';
}

/** Estimators that draw only to choose where to start, and the keyword that sets how many components they fit, with its default. */
const ONE_COMPONENT_FITS: Record<string, { keyword: string; fallback: number }> = {
  GaussianMixture: { keyword: 'n_components', fallback: 1 },
  BayesianGaussianMixture: { keyword: 'n_components', fallback: 1 },
  KMeans: { keyword: 'n_clusters', fallback: 8 },
};
/** Methods that say more than an answer: `fit` returns the model itself, `sample` draws new rows with the seed, `set_params` may set more components. */
const MODEL_ITSELF = new Set(['fit', 'sample', 'set_params']);

/**
 * `gmm = GaussianMixture(n_components=1)` (the default), `KMeans(n_clusters=1)`: one component ends
 * every start at the same fit, the mean (and covariance) of all the rows, so its answers are the same
 * on every run. Only when the model is only fitted and asked for answers or fitted attributes:
 * `gmm.sample(n)` draws with the seed, `set_params` or an attribute written may give it more
 * components, and a model handed on may meet either.
 */
function fitsOneComponent(index: SemanticIndex, call: CallSite, name: string): boolean {
  const components = ONE_COMPONENT_FITS[name];
  if (!components) return false;
  const given = call.kwargs.get(components.keyword) ?? call.args[0];
  const count = given ? index.literal(given) : undefined;
  if (!(given ? count?.kind === 'number' && count.value === 1 : components.fallback === 1)) return false;
  return onlyAnswers(index, call.node, new Set());
}

/**
 * Whether the model `node` evaluates to is only fitted and asked for answers: through the name it is
 * bound to, and through `fit`, which returns the model itself (`model = GaussianMixture(1).fit(X)`,
 * then `model.predict(X)`); a fit whose value is dropped asks nothing.
 */
function onlyAnswers(index: SemanticIndex, node: Node, seen: Set<Definition>): boolean {
  const definition = boundName(index, node);
  if (definition) {
    if (seen.has(definition)) return true;
    seen.add(definition);
    return index.dataflow.usesOf(definition).every(({ node: use }) => onlyAnswers(index, use, seen));
  }
  const attribute = node.parent?.type === 'attribute' && sameNode(node.parent.childForFieldName('object'), node) ? node.parent : undefined;
  const method = attribute?.childForFieldName('attribute')?.text;
  const written = (attribute?.parent?.type === 'assignment' || attribute?.parent?.type === 'augmented_assignment') && sameNode(attribute.parent.childForFieldName('left'), attribute);
  if (!attribute || !method || written) return false;
  if (!MODEL_ITSELF.has(method)) return true;
  const fit = method === 'fit' && attribute.parent?.type === 'call' ? attribute.parent : undefined;
  return !!fit && (fit.parent?.type === 'expression_statement' || onlyAnswers(index, fit, seen));
}

/**
 * scikit-learn, imbalanced-learn and pandas draw from NumPy's global generator when given no
 * seed; once a constant `np.random.seed(...)` has run before the call (earlier in the script or an
 * earlier cell), every top-to-bottom run repeats the same numbers.
 */
function drawsFromSeededNumpy(index: SemanticIndex, call: CallSite, kind: RandomCallKind | 'pandas', setup: TestSetup | undefined): boolean {
  if (kind === 'boosting') return false;
  const seeded = (at: Node) => seededBefore(index, 'numpy', at) || seededByExperiment(index, 'numpy', at) || seededByTestSetup(setup, index, 'numpy', at);
  return seeded(call.node) || seededBeforeEveryUse(index, call, kind, seeded);
}

/**
 * A scikit-learn or imbalanced-learn object (a class: `StratifiedKFold(shuffle=True)`,
 * `RandomForestClassifier()`) draws nothing when it is built: with no seed it asks NumPy's global
 * generator for one each time it is used (`split`, `fit`, `fit_resample`). Bound to a name every
 * read of which comes after a constant seed, it draws only from the seeded generator.
 */
function seededBeforeEveryUse(index: SemanticIndex, call: CallSite, kind: RandomCallKind | 'pandas', seeded: (at: Node) => boolean): boolean {
  if (kind === 'pandas' || !call.qname || !/^[A-Z]/.test(lastSegment(call.qname))) return false;
  // An entry of a dictionary, list or tuple literal (`models = {"RF": RandomForestClassifier(), ...}`) is used where it is.
  const definition = boundName(index, elementOf(call.node) ?? call.node);
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length > 0 && uses.every(({ node: use }) => seeded(use) || seededWhereHandedOn(index, use, seeded));
}

/**
 * A value handed to a function of the file (`fit_and_score(models, X_train, ...)`) whose every read
 * of the parameter comes after a seed there (`np.random.seed(42)` first in its body, then the loop
 * that fits each model): whatever the caller did before, the estimator draws there only after it.
 * A read that returns the parameter hands it back to the caller, which may use it unseeded.
 */
function seededWhereHandedOn(index: SemanticIndex, use: Node, seeded: (at: Node) => boolean): boolean {
  const call = receivingCall(index, use);
  const parameter = call ? index.parameterFor(call, use) : undefined;
  const reads = parameter ? usesOfTarget(index, parameter) : [];
  return reads.length > 0 && reads.every((read) => seeded(read) && enclosingStatement(read).type !== 'return_statement');
}

/** `df.sample(frac=0.2)`, `s.sample(5)` on a pandas value: rows drawn at random. */
function isPandasSample(index: SemanticIndex, call: CallSite): boolean {
  if (call.method !== 'sample' || !call.receiver || call.qname) return false;
  const kind = index.dataflow.kindOf(call.receiver);
  return kind?.kind === 'frame' && kind.library === 'pandas';
}

/**
 * scikit-learn's data set generators (`make_blobs`, `make_classification`...) draw a data set from
 * nothing, as often to show what one looks like as to train on: like the rows of `df.sample(...)`,
 * it matters only where it reaches a result. (`shuffle` and `resample` reorder or redraw data the
 * program already has, on its way to training, and stay reported unless only looked at.)
 */
function generatesDataSet(qname: string): boolean {
  return /^sklearn\.datasets\.(\w+\.)*make_\w+$/.test(qname);
}

/** scikit-learn's `shuffle` and `resample`: rows of data the program holds, reordered or redrawn. */
function drawsRows(qname: string): boolean {
  return /^sklearn\.utils\.(\w+\.)*(shuffle|resample)$/.test(qname);
}

/** NumPy's `array` and `asarray`: the same rows, in the same order. */
const AS_ARRAY = /^numpy\.(array|asarray)$/;

/**
 * `shuffle(X, y)` of the rows a generator gathered afresh in this pass of its loop, yielded whole
 * right after (`X, y = shuffle(X, y)` then `yield np.array(X), np.array(y)`, or `yield shuffle(X,
 * y)`): each pass yields one batch, and a training step averages over a batch's rows whatever
 * their order, so no run differs. Rows gathered before the loop, cut after the reorder or redrawn
 * (`resample`, `n_samples`) make other batches on another run.
 */
function reordersOneYieldedBatch(index: SemanticIndex, call: CallSite): boolean {
  if (lastSegment(call.qname!) !== 'shuffle' || [...call.kwargs.keys()].some((keyword) => !SEED_KEYWORDS.has(keyword))) return false;
  const loop = enclosingLoops(call.node)[0];
  if (!loop || call.args.length === 0 || !call.args.every((arg) => arg.type === 'identifier' && gatheredInPass(index, arg, loop))) return false;
  if (yieldedWhole(index, call.node)) return true;
  const statement = call.node.parent;
  const left = statement?.type === 'assignment' && sameNode(statement.childForFieldName('right'), call.node) ? statement.childForFieldName('left') : null;
  const names = left?.type === 'identifier' ? [left] : left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [];
  if (names.length === 0 || !names.every((name) => name?.type === 'identifier')) return false;
  const uses = names.flatMap((name) => usesOfTarget(index, name!));
  return uses.length > 0 && uses.every((use) => yieldedWhole(index, use));
}

/** A name whose every binding reaching `read` starts empty in `loop`'s pass (`X = []`), also through `np.array(rows)` of such a name. */
function gatheredInPass(index: SemanticIndex, read: Node, loop: Node, depth = 0): boolean {
  const at = index.dataflow.readAt(read);
  const definitions = at ? index.dataflow.reachingDefinitions(at) : [];
  return definitions.length > 0 && definitions.every((definition) => {
    const value = definition.value ?? unpackedElement(index.dataflow, definition);
    if (!value || !isAncestorOf(loop, definition.statement)) return false;
    if (value.type === 'list' && value.namedChildCount === 0) return true;
    const wrapped = value.type === 'call' ? index.call(value) : undefined;
    const rows = wrapped?.args.length === 1 && AS_ARRAY.test(wrapped.qname ?? '') ? wrapped.args[0] : undefined;
    return depth === 0 && rows?.type === 'identifier' && gatheredInPass(index, rows, loop, depth + 1);
  });
}

/** `node` is yielded as it is: the value of a `yield`, or one element of the tuple it yields, also as `np.array(node)`. */
function yieldedWhole(index: SemanticIndex, node: Node): boolean {
  let value = node;
  const wrapper = value.parent?.type === 'argument_list' && value.parent.namedChildCount === 1 ? value.parent.parent : null;
  if (wrapper?.type === 'call' && AS_ARRAY.test(index.call(wrapper)?.qname ?? '')) value = wrapper;
  if (value.parent?.type === 'expression_list' || value.parent?.type === 'tuple') value = value.parent;
  return value.parent?.type === 'yield';
}

/**
 * Manifold embeddings that exist to be looked at: t-SNE and MDS place points in two or three
 * dimensions for a scatter plot, and cannot embed new rows (no `transform`). An embedding only
 * plotted or shown is a picture, which may differ between runs without changing any result; one
 * clustered, trained on or scored is data, and matters like any other.
 */
function embedsForDisplay(qname: string): boolean {
  return /^sklearn\.manifold\.(TSNE|MDS)$/.test(qname);
}

/** True when the keyword is absent, `None`, or one of the literal values given. */
function leftAt(index: SemanticIndex, call: CallSite, keyword: string, ...values: (string | number)[]): boolean {
  const value = call.kwargs.get(keyword);
  const literal = value ? index.literal(value) : undefined;
  return !value || literal?.kind === 'none' || (!!literal && 'value' in literal && values.includes(literal.value as string | number));
}

/**
 * A decision tree that considers every feature at each split with the best splitter draws only to
 * order the features it tries, which matters only where two splits score the same: its results
 * vary less than "each run differs" would say, and the message says exactly when. Gradient
 * boosting grows such trees: it draws nothing else unless it subsamples rows (`subsample` < 1),
 * features (`max_features`) or holds out data to stop early (`n_iter_no_change`).
 */
function drawsOnlyToBreakTies(index: SemanticIndex, call: CallSite, name: string): boolean {
  const parameters = drawingParameters(name);
  if (!parameters) return false;
  // A forest's own arguments first: most forests bag, and then no grid needs reading.
  const forest = /^RandomForest(Classifier|Regressor)$/.test(name);
  if (forest && !growsTreesOnAllRowsAndFeatures(index, call, name)) return false;
  // A search sets the parameters its grid names (`subsample`, `max_features`...), whatever the constructor says.
  if (gridsFor(index, call.node).some((grid) => !gridLeavesTiesOnly(index, grid, parameters))) return false;
  // A step of a searched pipeline runs with what the grid sets under the step's name (`clf__subsample`).
  if (pipelineStepGrids(index, call.node, name.toLowerCase()).some(({ grid, step }) => !gridLeavesTiesOnly(index, grid, parameters, step))) return false;
  if (name === 'AdaBoostClassifier') return boostsTieOnlyTrees(index, call);
  if (forest) return true;
  return Object.entries(parameters).every(([keyword, off]) => leftAt(index, call, keyword, ...off));
}

/**
 * The parameters that make such a tree, or the ensemble growing it, draw more than to break ties,
 * with the values that leave them off (absent or `None` always does). AdaBoost's is its base.
 */
function drawingParameters(name: string): Record<string, (string | number)[]> | undefined {
  if (/^GradientBoosting(Classifier|Regressor)$/.test(name)) return { subsample: [1], max_features: [], n_iter_no_change: [] };
  if (/^DecisionTree(Classifier|Regressor)$/.test(name)) return { splitter: ['best'], max_features: [] };
  if (name === 'AdaBoostClassifier') return { estimator: [], base_estimator: [] };
  if (/^RandomForest(Classifier|Regressor)$/.test(name)) return { bootstrap: [], max_features: [], max_samples: [] };
  return undefined;
}

/**
 * A random forest told `bootstrap=False` trains every tree on all the rows; when it also tries every
 * feature at each split (`max_features=None` or `1.0`; a regressor's default, spelled `"auto"` before
 * scikit-learn 1.1, while a classifier takes the square root), each tree is a best-split tree.
 */
function growsTreesOnAllRowsAndFeatures(index: SemanticIndex, call: CallSite, name: string): boolean {
  const bootstrap = call.kwargs.get('bootstrap');
  const literal = bootstrap ? index.literal(bootstrap) : undefined;
  if (call.hasSplat || literal?.kind !== 'bool' || literal.value) return false;
  const features = call.kwargs.get('max_features');
  const regressor = name === 'RandomForestRegressor';
  if (!features) return regressor;
  // `1.0` is the fraction of all features; the integer `1` is one feature.
  if (features.type === 'float') return index.literal(features)?.kind === 'number' && Number(features.text) === 1;
  return leftAt(index, call, 'max_features', ...(regressor ? ['auto'] : []));
}

/**
 * `GridSearchCV(DecisionTreeClassifier(), {"max_depth": [2, 4]})`: a grid of literal dictionaries
 * whose keys set none of the parameters that make the estimator draw (nor a nested `base__...`
 * one) leaves it drawing only where its constructor says; an unknown grid or a splat may set any.
 */
function gridLeavesTiesOnly(index: SemanticIndex, dictionaries: readonly Node[], drawing: Record<string, unknown>, step?: string): boolean {
  return dictionaries.length > 0 && dictionaries.every((dictionary) => {
    // `dict(class_weight=balance)` names its keys as its keywords, as a written-out dictionary does.
    const keywords = keywordDictionaryKeys(index, dictionary);
    if (keywords) return keywords.every((key) => leavesTiesOnly(key, drawing, step));
    return dictionary.type === 'dictionary' && dictionary.namedChildren.every((pair) => pair?.type === 'comment' || leavesTiesOnly(stringKey(index, pair), drawing, step));
  });
}

/** One key of a search's grid sets none of the parameters that make the estimator draw (see gridLeavesTiesOnly). */
function leavesTiesOnly(given: string | undefined, drawing: Record<string, unknown>, step?: string): boolean {
  let key = given;
  if (key !== undefined && step !== undefined) {
    // A pipeline's grid: `clf__max_depth` sets the step's `max_depth`; another step's key sets
    // nothing of it, while one of the pipeline's own (`steps`, the step's name) may replace it.
    if (!key.startsWith(`${step}__`)) return key !== step && key.includes('__');
    key = key.slice(step.length + 2);
  }
  return key !== undefined && !key.includes('__') && !Object.keys(drawing).includes(key);
}

/**
 * The grids that reach an estimator as a step of a pipeline handed to a search, with the step's
 * name: `Pipeline([("scale", StandardScaler()), ("clf", clf)])`, or `make_pipeline(..., clf)`,
 * which names each step after its class in lower case (`className`); a pipeline that is itself a
 * step of another adds that step's name in front (`outer__clf`). Followed through names as gridsFor is.
 */
function pipelineStepGrids(index: SemanticIndex, node: Node, className: string, hops = 0): { grid: Node[]; step: string }[] {
  const found: { grid: Node[]; step: string }[] = [];
  const asStep = (step: string, pipeline: Node) => {
    for (const grid of gridsFor(index, pipeline)) found.push({ grid, step });
    for (const outer of hops < MAX_GRID_HOPS ? pipelineStepGrids(index, pipeline, 'pipeline', hops + 1) : []) found.push({ grid: outer.grid, step: `${outer.step}__${step}` });
  };
  const visit = (at: Node, depth: number) => {
    const parent = at.parent;
    const pair = parent?.type === 'tuple' && parent.namedChildCount === 2 && sameNode(parent.namedChild(1), at) ? parent : undefined;
    const steps = pair?.parent?.type === 'list' ? pair.parent : undefined;
    const pipeline = steps ? receivingCall(index, steps) : undefined;
    const stepName = pair?.namedChild(0) ? index.literal(pair.namedChild(0)!) : undefined;
    if (pipeline?.qname && /\.Pipeline$/.test(pipeline.qname) && stepName?.kind === 'string' && (sameNode(pipeline.args[0], steps) || sameNode(pipeline.kwargs.get('steps'), steps))) asStep(stepName.value, pipeline.node);
    const made = receivingCall(index, at);
    if (made?.qname?.endsWith('.make_pipeline') && made.args.some((argument) => sameNode(argument, at))) asStep(className, made.node);
    const name = assignedName(at);
    const definition = name && depth < MAX_GRID_HOPS ? index.boundAt(name) : undefined;
    for (const use of definition ? index.dataflow.usesOf(definition) : []) visit(use.node, depth + 1);
  };
  visit(node, 0);
  return found;
}

/**
 * `AdaBoostClassifier` draws nothing of its own (it reweights rows, it does not resample them): its
 * seed only seeds each copy of its base estimator. With the default base (a stump) or a decision
 * tree that draws only to break ties (`AdaBoostClassifier(DecisionTreeClassifier(max_depth=3))`,
 * also through a name), that is all its runs can differ by. `AdaBoostRegressor` draws a weighted
 * bootstrap of the rows every round, so it is not asked.
 */
function boostsTieOnlyTrees(index: SemanticIndex, call: CallSite): boolean {
  const given = boostedBase(call);
  if (!given || index.literal(given)?.kind === 'none') return true;
  const base = index.originCall(given);
  return !!base?.qname && lastSegment(base.qname) === 'DecisionTreeClassifier' && drawsOnlyToBreakTies(index, base, 'DecisionTreeClassifier');
}

/** The base estimator handed to an AdaBoost ensemble (first argument, `estimator=`, or the older `base_estimator=`). */
function boostedBase(call: CallSite): Node | undefined {
  return call.args[0] ?? call.kwargs.get('estimator') ?? call.kwargs.get('base_estimator');
}

/**
 * `AdaBoostClassifier(LogisticRegression(solver="liblinear"))`: the ensemble reweights rows and draws
 * nothing itself, so its seed only seeds the copies of its base; a scikit-learn estimator that draws
 * nothing (none this rule reports), built from plain values (no estimator nested in it), leaves
 * nothing to seed, and every run boosts the same models.
 */
function boostsDeterministicBase(index: SemanticIndex, call: CallSite, name: string): boolean {
  const given = name === 'AdaBoostClassifier' ? boostedBase(call) : undefined;
  const base = given ? index.originCall(given) : undefined;
  if (!base?.qname || packageOf(base.qname) !== 'sklearn' || !isEstimatorConstructor(base.qname) || randomStateKind(base.qname)) return false;
  return !base.hasSplat && [...base.args, ...base.kwargs.values()].every((value) => !index.originCall(value));
}

/** Calls that train the estimator they are called on, from the features given first (or as `X`). */
const FITS = new Set(['fit', 'partial_fit']);
/** How many functions of the file an estimator is followed into, as an argument. */
const MAX_HAND_ON = 2;

/**
 * A tree that draws only to break ties (its own, or the trees it boosts), trained only on data of
 * one column (`df[["age"]]`, `x.reshape(-1, 1)`): there is no order of features to draw, and ties
 * among the thresholds of the one feature are broken by position, so every run grows the same
 * trees. Every use of the estimator must be known: a fit on one-column data, another method
 * (`predict`, `score`) or attribute, a cell showing it, or a parameter of a function of the file
 * that uses it so; handed anywhere else (a search, cross-validation, a list) it may be fitted on more columns.
 */
function trainedOnlyOnOneColumn(index: SemanticIndex, node: Node): boolean {
  const walk = { fits: 0, seen: new Set<Definition>() };
  return usedOnlyOnOneColumn(index, node, walk, 0) && walk.fits > 0;
}

function usedOnlyOnOneColumn(index: SemanticIndex, node: Node, walk: { fits: number; seen: Set<Definition> }, depth: number): boolean {
  const parent = node.parent;
  const usedThrough = (definition: Definition | undefined, deeper: number) => {
    if (!definition) return false;
    if (walk.seen.has(definition)) return true;
    walk.seen.add(definition);
    return index.dataflow.usesOf(definition).every((use) => usedOnlyOnOneColumn(index, use.node, walk, deeper));
  };
  switch (parent?.type) {
    case 'parenthesized_expression':
      return usedOnlyOnOneColumn(index, parent, walk, depth);
    case 'expression_statement':
      return true;
    case 'assignment': {
      const target = parent.childForFieldName('left');
      return sameNode(parent.childForFieldName('right'), node) && target?.type === 'identifier' && usedThrough(index.boundAt(target), depth);
    }
    case 'attribute': {
      if (!sameNode(parent.childForFieldName('object'), node)) return false;
      if (!FITS.has(parent.childForFieldName('attribute')?.text ?? '')) return true;
      const call = parent.parent?.type === 'call' && sameNode(parent.parent.childForFieldName('function'), parent) ? index.call(parent.parent) : undefined;
      const features = call && !call.hasSplat ? call.args[0] ?? call.kwargs.get('X') : undefined;
      if (!call || !features || !oneColumn(index.dataflow, features)) return false;
      walk.fits++;
      // `fit` returns the estimator: what is done with its result is a use too.
      return usedOnlyOnOneColumn(index, call.node, walk, depth);
    }
    case 'argument_list': {
      const call = depth < MAX_HAND_ON && parent.parent ? index.call(parent.parent) : undefined;
      const parameter = call ? index.parameterFor(call, node) : undefined;
      return !!parameter && usedThrough(index.boundAt(parameter), depth + 1);
    }
    default:
      return false;
  }
}

/** The default number of candidates `RandomizedSearchCV` samples. */
const DEFAULT_N_ITER = 10;

/** How many values a grid entry lists when it is a literal list or tuple (`[1, 10]`), not a distribution or a splat. */
function listedValues(index: SemanticIndex, value: Node | null): number | undefined {
  const listed = value ? index.valueOf(value) : undefined;
  if (!listed || (listed.type !== 'list' && listed.type !== 'tuple')) return undefined;
  const items = listed.namedChildren.filter((item) => item && item.type !== 'comment');
  return items.some((item) => item?.type === 'list_splat') ? undefined : items.length;
}

/**
 * The number of candidates of a `RandomizedSearchCV` whose grid gives every parameter as a list,
 * when it is no more than `n_iter`: scikit-learn then samples the whole grid without replacement,
 * so every run tries the same candidates, only in another order. Undefined otherwise.
 */
function wholeGridSearched(index: SemanticIndex, call: CallSite, name: string): number | undefined {
  if (name !== 'RandomizedSearchCV') return undefined;
  const dictionaries = gridDictionaries(index, call);
  let candidates = 0;
  for (const dictionary of dictionaries) {
    if (dictionary.type !== 'dictionary' || dictionary.namedChildren.length === 0) return undefined;
    let product = 1;
    for (const pair of dictionary.namedChildren) {
      if (pair?.type === 'comment') continue;
      const count = pair?.type === 'pair' ? listedValues(index, pair.childForFieldName('value')) : undefined;
      if (count === undefined) return undefined;
      product *= count;
    }
    candidates += product;
  }
  const nIter = call.kwargs.get('n_iter');
  const literal = nIter ? index.literal(nIter) : undefined;
  const limit = !nIter ? DEFAULT_N_ITER : literal?.kind === 'number' ? Number(literal.value) : undefined;
  return dictionaries.length > 0 && limit !== undefined && candidates <= limit ? candidates : undefined;
}

/**
 * Why a call draws only in some runs, for its message: to break ties (a tree's feature order, its
 * own or the trees it boosts; a search's candidate order), or only on large data (`largeData`).
 */
type TiesOnly = { tree: true; boosted?: true } | { candidates: number } | { largeData: 'early-stopping' | 'binning' };

/** Whether the call draws only to break ties or on large data, and why (its message says exactly when runs differ). */
function tiesOnlyReason(index: SemanticIndex, call: CallSite, name: string): TiesOnly | undefined {
  if (!call.qname) return undefined;
  if (drawsOnlyToBreakTies(index, call, name)) return name === 'AdaBoostClassifier' ? { tree: true, boosted: true } : { tree: true };
  const largeData = drawsOnlyOnLargeData(index, call, name);
  if (largeData) return { largeData };
  const candidates = wholeGridSearched(index, call, name);
  return candidates === undefined ? undefined : { candidates };
}

/**
 * scikit-learn's histogram gradient boosting draws nothing on small data: it holds out a random
 * validation split only when it stops early (`early_stopping="auto"`, the default, turns that on
 * above 10,000 rows) and bins a random sample only above 200,000 rows; a feature subset per split
 * (`max_features` below 1) draws always. How many rows the file trains on is not known.
 */
function drawsOnlyOnLargeData(index: SemanticIndex, call: CallSite, name: string): 'early-stopping' | 'binning' | undefined {
  if (!/^HistGradientBoosting(Classifier|Regressor)$/.test(name)) return undefined;
  const maxFeatures = call.kwargs.get('max_features');
  const features = maxFeatures ? index.literal(maxFeatures) : undefined;
  if (maxFeatures && !(features?.kind === 'number' && Number(features.value) === 1)) return undefined;
  const early = call.kwargs.get('early_stopping');
  const stopping = early ? index.literal(early) : undefined;
  if (stopping?.kind === 'bool') return stopping.value ? undefined : 'binning';
  return !early || (stopping?.kind === 'string' && stopping.value === 'auto') ? 'early-stopping' : undefined;
}

/** A call that splits data into parts (`train_test_split`, a shuffling K-fold, `ShuffleSplit`). */
function splitsData(name: string, kind: RandomCallKind | 'pandas'): boolean {
  return name === 'train_test_split' || kind === 'splitter' || /Split/.test(name);
}

/** The methods a model is handed data through: to learn from it, or to answer for it. */
const DATA_TAKING_METHODS = new Set(['fit', 'partial_fit', 'score', 'predict', 'predict_proba', 'predict_log_proba', 'decision_function']);

/**
 * `X_train, X_val, y_train, y_val = train_test_split(X, y)` in a function, every part of which is
 * only handed to `fit`, `score` or `predict` of models built in that function whose answers all
 * go nowhere (`modelReachesNoResult`: a benchmark that times fits and drops `_ = rf.score(...)`):
 * whichever rows the split draws, nothing is printed, saved or returned from them.
 */
function partsFeedOnlyIdleModels(index: SemanticIndex, call: CallSite): boolean {
  const fn = enclosingFunction(call.node);
  const assignment = call.node.parent;
  if (!fn || assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), call.node)) return false;
  const target = assignment.childForFieldName('left');
  const names = target?.type === 'pattern_list' || target?.type === 'tuple_pattern' ? target.namedChildren : [];
  if (names.length === 0 || names.some((name) => name?.type !== 'identifier')) return false;
  const idle = new Map<number, boolean>();
  return names.every((name) => usesOfTarget(index, name!).every((use) => {
    const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
    const taker = list?.type === 'argument_list' && list.parent ? index.call(list.parent) : undefined;
    const receiver = taker?.receiver;
    if (!taker?.method || !DATA_TAKING_METHODS.has(taker.method) || receiver?.type !== 'identifier') return false;
    const read = index.dataflow.readAt(receiver);
    const definitions = read ? index.dataflow.reachingDefinitions(read) : [];
    return definitions.length > 0 && definitions.every((definition) => {
      const built = definition.value && index.call(definition.value);
      if (!built?.qname || !isEstimatorConstructor(built.qname) || !isAncestorOf(fn, built.node)) return false;
      const key = built.node.startIndex;
      if (!idle.has(key)) idle.set(key, modelReachesNoResult(index, built.node));
      return idle.get(key)!;
    });
  }));
}

/** The same missing seed at each call of an estimator or splitter (one message names them all). */
interface MissingSeed {
  name: string;
  kind: RandomCallKind | 'pandas';
  seed: { keyword: string } | undefined;
  tiesOnly: TiesOnly | undefined;
  /** `df.sample(frac=1)`: every row, in a new order (a shuffle), not a draw of some rows. */
  wholeShuffle?: boolean;
  /** The keyword the seed was handed under instead of `random_state` (misspelledSeed). */
  misspelled?: string;
}

/** One call of a MissingSeed: its edit (with the seed constant's definition, when the file has none yet) and the value it passes. */
interface UnseededCall extends MemberDescriptor {
  node: Node;
  value: string;
  edit?: TextEdit;
  definition?: TextEdit;
  /** The missing seed this call is a place of. */
  cause: MissingSeed;
  /** The list, tuple, set or dictionary literal the call is an entry of (containerOf), by its start. */
  container?: number;
  /**
   * What the call's value becomes in its function: the plain name it is bound to (`model =
   * SGDClassifier()`), `start of the function:name`, or the function's result (`return SGDClassifier()`).
   */
  target?: string;
}

/** The target of a call returned by its function: every `return` ends the call, so each is built in place of the others. */
const RETURNED = ':return';

/** `model = SGDClassifier()`, `return SGDClassifier()`: the name the call's whole value is bound to, or its function's result. */
function targetOf(call: Node): string | undefined {
  const node = outermostParens(call);
  const statement = node.parent;
  const fn = enclosingFunction(call);
  if (statement?.type === 'return_statement' && fn) return `${fn.startIndex}${RETURNED}`;
  const left = statement?.type === 'assignment' && sameNode(statement.childForFieldName('right'), node) ? statement.childForFieldName('left') : undefined;
  return left?.type === 'identifier' ? `${fn?.startIndex ?? -1}:${left.text}` : undefined;
}

/** True when `b` is built in place of `a`: bound to one name in the arms of one `if`, or returned by one function. */
function inPlaceOf(a: UnseededCall, b: UnseededCall): boolean {
  return a.target !== undefined && a.target === b.target && (a.target.endsWith(RETURNED) || inExclusiveArms(a.node, b.node));
}

/**
 * The literal a call is an entry of, the models of one comparison written side by side: an element
 * of a list, tuple or set, a value of a dictionary, or the model of a `(name, model)` pair or of a
 * model's own record (`{"model": RandomForestRegressor(), "params": {...}}`) listed in one
 * (`[("tree", DecisionTreeClassifier()), ("forest", RandomForestClassifier())]`).
 */
function containerOf(call: Node): Node | undefined {
  const container = elementOf(outermostParens(call));
  // A pair or a record listed in an outer literal: the outer literal holds the comparison.
  const record = container?.type === 'tuple' || container?.type === 'dictionary';
  return record ? elementOf(outermostParens(container)) ?? container : container;
}

/**
 * The missing seeds of estimators listed together are one cause: models built side by side in one
 * literal are one comparison, seeded or not as one, and one fix seeds them all. So are estimators
 * bound to one name in the arms of one `if` (`if kind == "sgd": model = SGDClassifier()`, `elif
 * kind == "rf": model = RandomForestClassifier()`), or returned by one function (a factory's
 * `if kind == "gb": return GradientBoostingClassifier()`): whichever is built is the model, in place
 * of the others. Groups (one per message) that share a container or such a name join; each joined set
 * is one finding, at its first call.
 */
function joinedByContainer(groups: readonly UnseededCall[][]): UnseededCall[][] {
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byContainer = new Map<number, number>();
  const byTarget = new Map<string, { call: UnseededCall; group: number }[]>();
  groups.forEach((calls, i) => {
    for (const call of calls) {
      if (call.cause.misspelled) continue;
      if (call.target !== undefined) pushTo(byTarget, call.target, { call, group: i });
      if (call.container === undefined) continue;
      const first = byContainer.get(call.container);
      if (first === undefined) byContainer.set(call.container, i);
      else parent[find(i)] = find(first);
    }
  });
  for (const bound of byTarget.values()) {
    for (let x = 0; x < bound.length && x < MAX_ARMS; x++) {
      for (let y = x + 1; y < bound.length && y < MAX_ARMS; y++) {
        if (inPlaceOf(bound[x].call, bound[y].call)) parent[find(bound[y].group)] = find(bound[x].group);
      }
    }
  }
  const joined = new Map<number, UnseededCall[]>();
  groups.forEach((calls, i) => { for (const call of calls) pushTo(joined, find(i), call); });
  return [...joined.values()].map((calls) => calls.sort((x, y) => x.node.startIndex - y.node.startIndex));
}
/** How many calls bound to one name or returned by one function are compared pairwise for exclusive arms (a bound on hostile input). */
const MAX_ARMS = 32;

/** `A`, `A` and `B`, `A`, `B` and `C`. */
function namesList(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The message of a joined set, given its members left: the first call's own, and the other
 * estimators joined with it, listed with it in one literal or built in its place in another arm.
 */
function joinedMessage(members: readonly UnseededCall[]): string {
  const [first] = members;
  const { cause } = first;
  const same = members.filter((member) => member.cause === cause).length;
  const others = members.filter((member) => member.cause.name !== cause.name);
  if (others.length === 0) return missingSeedMessage(cause, same - 1);
  const instead = (member: UnseededCall) => inPlaceOf(first, member);
  const names = (picked: readonly UnseededCall[]) => [...new Set(picked.map((member) => `\`${member.cause.name}\``))];
  const inPlace = names(others.filter(instead));
  const listed = names(others.filter((member) => !instead(member))).filter((name) => !inPlace.includes(name));
  const parts = [
    ...(listed.length > 0 ? [`${namesList(listed)}, listed with it,`] : []),
    ...(inPlace.length > 0 ? [`${namesList(inPlace)}, built in its place in another branch,`] : []),
  ];
  const count = listed.length + inPlace.length;
  return `${missingSeedMessage(cause, same - 1)}; ${parts.join(' and ')} ${count === 1 ? 'is' : 'are'} built without a seed too (linked)`;
}

/** ` here and at 2 other places`: where else the same seed is missing, when anywhere. */
function elsewhere(others: number): string {
  return others > 0 ? ` here and at ${others} other place${others > 1 ? 's' : ''}` : '';
}

function missingSeedMessage({ name, kind, seed, tiesOnly, wholeShuffle, misspelled }: MissingSeed, others = 0): string {
  const where = elsewhere(others);
  if (misspelled) return `\`${name}\` is handed its seed as \`${misspelled}=\`${where}, a keyword it does not take: the call raises a TypeError before it draws anything; the seed belongs in \`random_state\``;
  if (tiesOnly) {
    const what = (seed ? `\`${name}(..., ${seed.keyword}=None)\` draws a new seed on every run` : `\`${name}\` is called without \`random_state\``) + where;
    if ('largeData' in tiesOnly) {
      return tiesOnly.largeData === 'early-stopping'
        ? `${what}: on more than 10,000 rows it stops early on a random validation split (and above 200,000 it bins a random sample), so runs on such data differ`
        : `${what}: on more than 200,000 rows it bins a random sample of them, so runs on such data differ`;
    }
    if ('candidates' in tiesOnly) return `${what}: its grid lists ${tiesOnly.candidates} candidates, no more than \`n_iter\`, so every run tries them all, only in another order, which picks a different best only where two score the same`;
    const trees = 'boosted' in tiesOnly ? 'it seeds the trees it boosts, which try' : 'it tries';
    return `${what}: ${trees} the features in a random order at each split, so where two splits score the same, runs grow different trees`;
  }
  // XGBoost, LightGBM and CatBoost take None as "no seed given": their fixed C++ default stays.
  if (seed && kind === 'boosting') return `\`${name}(..., ${seed.keyword}=None)\` is given no seed${where}: None leaves the library's implicit default seed, which is not recorded with the experiment`;
  if (seed) return `\`${name}(..., ${seed.keyword}=None)\` draws a new random seed on every run${where}, so its results cannot be reproduced`;
  if (kind === 'boosting') return `\`${name}\` is built without \`random_state\`${where}: it relies on the library's implicit default seed, which is not recorded with the experiment`;
  if (kind === 'pandas') return `\`${name}\` is called without \`random_state\`${where}: each run ${wholeShuffle ? 'puts the rows in a different order' : 'draws different rows'}`;
  return `\`${name}\` is called without \`random_state\`${where}: each run ${splitsData(name, kind) ? 'splits the data differently' : 'gives a different result'}`;
}

/** What a related location says of another call with the same missing seed. */
function alsoMissing({ name, kind, seed, misspelled }: MissingSeed): string {
  if (misspelled) return `\`${name}\` is also handed \`${misspelled}=\` here`;
  if (seed) return `\`${name}\` is also given \`${seed.keyword}=None\` here`;
  return `\`${name}\` is also ${kind === 'boosting' ? 'built' : 'called'} without \`random_state\` here`;
}

/**
 * The fix of the calls left: each one's edit, and the seed constant's definition once. None when
 * a call cannot take the argument (the finding would outlive its fix).
 */
function seedAll(calls: readonly UnseededCall[]): FixDescriptor | undefined {
  if (calls.some((call) => !call.edit)) return undefined;
  const definitions = new Map(calls.flatMap((call) => (call.definition ? [[JSON.stringify(call.definition), call.definition] as const] : [])));
  const values = [...new Set(calls.map((call) => call.value))];
  const where = calls.length > 1 ? ` in all ${calls.length} calls` : '';
  return { title: `Set random_state${values.length === 1 ? `=${values[0]}` : ''}${where}`, edits: [...definitions.values(), ...calls.map((call) => call.edit!)] };
}

/** The packages whose calls take `random_state` (see randomStateKind). */
const SEEDED_PACKAGES = ['sklearn', 'imblearn', ...Object.keys(BOOSTING_RANDOM)];

/** The seeded libraries' constructors and functions, and pandas-style `.sample`. */
const CALLEES: CalleeSelection = { modules: SEEDED_PACKAGES, methods: ['sample'] };

function listen(context: RuleContext): RuleListeners {
  const { index, doc } = context;
  let loaded: ReadonlySet<number> | undefined;
  // The calls of each missing seed, by the message one of them would have alone.
  const groups = new Map<string, { cause: MissingSeed; calls: UnseededCall[] }>();
  // Seeded estimators and splitters, and `.sample()` on a pandas value.
  return { callees: CALLEES, call(call) {
    if (call.hasSplat) return;
    const pandas = isPandasSample(index, call);
    if (!call.qname && !pandas) return;
    const kind: RandomCallKind | 'pandas' | undefined = pandas ? 'pandas' : randomStateKind(call.qname!);
    if (!kind) return;
    const name = pandas ? call.callee.text : lastSegment(call.qname!);
    // Splitters shuffle only when asked to; train_test_split shuffles unless told not to.
    const shuffle = call.kwargs.get('shuffle');
    const shuffleValue = shuffle ? index.literal(shuffle) : undefined;
    if (kind === 'splitter' && !(shuffleValue?.kind === 'bool' && shuffleValue.value)) return;
    if (shuffle && !(shuffleValue?.kind === 'bool' && shuffleValue.value)) return;
    const misspelled = misspelledSeed(call, kind);
    const seed = misspelled ? undefined : seedArgument(call);
    if (seed && index.literal(seed.value)?.kind !== 'none') return;
    if (!seed && !misspelled && unseededWhereCallerGaveNone(index, call)) return;
    if (!seed && randomnessIsMoot(index, call, (loaded ??= loadedModelOrigins(index)))) return;
    if (kind === 'boosting' && deterministicBoosting(index, call, call.qname!)) return;
    // A model fitted only to time the fit or watch its memory, whose answers are dropped or only
    // asked their shape, gives no result a seed would repeat.
    if (!pandas && isEstimatorConstructor(call.qname!) && (modelReachesNoResult(index, call.node) || modelOnlyCheckedToExist(index, call.node))) return;
    // So does a splitter object whose folds reach only such a smoke test.
    if (kind === 'splitter' && modelOnlyCheckedToExist(index, call.node)) return;
    if (givenStartingPoints(index, call, name) || fitsOneComponent(index, call, name) || boostsDeterministicBase(index, call, name)) return;
    if (!pandas && packageOf(call.qname!) === 'imblearn' && drawsThroughGivenSampler(index, call, name)) return;
    if (drawsFromSeededNumpy(index, call, kind, context.testSetup)) return;
    const tiesOnly = tiesOnlyReason(index, call, name);
    if (tiesOnly && 'tree' in tiesOnly && trainedOnlyOnOneColumn(index, call.node)) return;
    // Rows sampled, data generated or points embedded to look at (`df.sample(5)` shown in a cell, blobs or a t-SNE map only plotted) change no result.
    if ((pandas || generatesDataSet(call.qname!) || embedsForDisplay(call.qname!)) && !drawReachesResult(index, call.node)) return;
    // Rows a test generates only to train models it asks whether they answered, and of what shape, change no check it makes.
    if (!pandas && generatesDataSet(call.qname!) && dataOnlyFeedsSmokeTest(index, call.node)) return;
    // A split whose parts are only printed or asked their shape, then rebound, shows a lesson what a
    // split draws: nothing is trained or measured on those rows.
    if (splitsData(name, kind) && onlyLookedAt(index, call.node)) return;
    if (splitsData(name, kind) && keptFromFirstRun(index, call.node)) return;
    // A split whose parts only train and feed models that reach no result (fitted only to be
    // timed) measures nothing a seed would repeat.
    if (name === 'train_test_split' && partsFeedOnlyIdleModels(index, call)) return;
    // scikit-learn's `shuffle`, `resample`, data generators and `train_test_split` return new arrays
    // and leave the ones they are given as they were: a call on a line of its own drops all it drew.
    if (!pandas && (drawsRows(call.qname!) || generatesDataSet(call.qname!) || name === 'train_test_split') && call.node.parent?.type === 'expression_statement') return;
    // Rows reordered or redrawn only to be looked at (`shuffle(df).iloc[0]` printed): nothing is
    // trained or measured on them. Handed anywhere else, they may be on their way to training.
    if (drawsRows(call.qname!) && onlyLookedAt(index, call.node)) return;
    // Rows of one batch reordered on their way out of a generator: the batch, and every step on it, stay the same.
    if (drawsRows(call.qname!) && reordersOneYieldedBatch(index, call)) return;

    const constant = seedConstant(index, call.node);
    const counter = repetitionCounter(index, call.node);
    const value = counter ? `${constant.name} + ${counter}` : constant.name;
    const edit = misspelled ? replaceNode(misspelled.name, 'random_state') : seed ? replaceNode(seed.value, value) : addKeywordArgument(doc, call, 'random_state', value);
    // One missing seed is one finding: the calls whose message would be the same are its places.
    const fraction = pandas ? call.kwargs.get('frac') : undefined;
    const fractionValue = fraction ? index.literal(fraction) : undefined;
    const cause: MissingSeed = { name, kind, seed: seed && { keyword: seed.keyword }, tiesOnly, ...(misspelled ? { misspelled: misspelled.keyword } : {}), ...(fractionValue?.kind === 'number' && fractionValue.value === 1 ? { wholeShuffle: true } : {}) };
    const alone = missingSeedMessage(cause);
    let group = groups.get(alone);
    if (!group) groups.set(alone, (group = { cause, calls: [] }));
    const container = containerOf(call.node);
    const target = targetOf(call.node);
    group.calls.push({ node: call.callee, value: misspelled ? misspelled.value.text : value, related: alsoMissing(group.cause), cause: group.cause, ...(container ? { container: container.startIndex } : {}), ...(target ? { target } : {}), ...(edit ? { edit } : {}), ...(constant.definition && !misspelled ? { definition: constant.definition } : {}) });
  }, finish() {
    for (const calls of joinedByContainer([...groups.values()].map((group) => group.calls))) {
      context.reportGroup({ members: calls, message: joinedMessage, fix: seedAll });
    }
  } };
}

export const missingRandomState: Rule = {
  meta: {
    code: 'MLD802',
    name: 'missing-random-state',
    category: 'reproducibility-debt',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Set random_state' },
    docs: {
      summary: 'A random splitter or estimator (train_test_split, shuffling K-folds, forests, boosting that subsamples, SGD, k-means, MLPs...) or a pandas `df.sample(...)` that feeds a result is used without `random_state`.',
      why: 'Reproducibility debt (§8): without a fixed seed every run splits the data or initialises the model differently, so two runs of the same code give different scores and a change cannot be told apart from noise. A result nobody can reproduce cannot be reviewed, compared or debugged.',
      example: 'from sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nmodel = RandomForestClassifier(n_estimators=200)',
      fix: 'Pass `random_state` explicitly, from one module-level seed constant that is recorded with the experiment. The quick fix adds `random_state=` with the file\'s seed constant (`SEED`, `RANDOM_STATE`...) when one is defined before the call; otherwise it defines `SEED = 42` once after the imports that open the file (in a notebook, in its first code cell that runs code, not one of comments or package installs alone) and uses it, so a second fix (or MLD801\'s seeding fix) reuses the same constant and MLD603 never sees the seed written twice. Inside a `for i in range(n):` loop, which repeats the draw (a split redone many times to average the scores), it passes `SEED + i`, so that the repeats differ and the whole run is repeatable; inside a loop over models or settings it passes the one constant, so that they are compared on the same draws. A finding that groups several calls is fixed at all of them at once (those a suppression comment leaves out excepted), each as it would be alone. It is unsafe: the numbers the program produces change (they become stable).',
      fixed: 'SEED = 42\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)\nmodel = RandomForestClassifier(n_estimators=200, random_state=SEED)',
      nearMisses: 'A `DecisionTreeClassifier`/`DecisionTreeRegressor` with the best splitter over every feature still draws, to order the features it tries, which changes the tree only where two splits score the same: it is reported with a message that says exactly that, not that every run differs. So is `GradientBoostingClassifier`/`GradientBoostingRegressor` when it grows such trees and draws nothing else: no row subsampling (`subsample` at 1), no feature subset (`max_features`) and no early stopping on a held-out part (`n_iter_no_change`). So is `RandomForestClassifier`/`RandomForestRegressor` told `bootstrap=False`, which trains every tree on all the rows, when it also tries every feature at each split (`max_features=None` or `1.0`, a regressor\'s default, spelled `"auto"` before scikit-learn 1.1; a classifier\'s default takes the square root, and the integer `1` one feature): its trees are such trees. `HistGradientBoostingClassifier`/`HistGradientBoostingRegressor` draws only on large data — a random validation split when it stops early, which `early_stopping="auto"` (the default) does above 10,000 rows, and a random sample it bins above 200,000 rows — unless it draws a feature subset at each split (`max_features` below 1): how many rows the file trains on is not known, so it is reported with a message that says when runs differ. So is `AdaBoostClassifier` with its default base (a stump) or such a tree as its base (`AdaBoostClassifier(DecisionTreeClassifier(max_depth=3))`, also through a name): it reweights the rows rather than drawing them, so its seed only seeds the trees it boosts, and with a base that draws nothing — a scikit-learn estimator this rule never reports, built from plain values (`AdaBoostClassifier(LogisticRegression(solver="liblinear"))`) — there is nothing to seed and nothing is reported; `AdaBoostRegressor` draws a bootstrap of the rows every round and is reported as drawing. Such trees trained only on data of one column — one column listed from a frame (`df[["rooms"]]`), a vector made a column (`x.reshape(-1, 1)`, `x[:, None]`), what a function of the file returns when each of its `return` statements gives one such column (`return X.reshape(-1, 1)` in a helper that computes one distance per row), rows or a training split of those — have no order of features to draw, and ties among the thresholds of the one feature are broken by position: every run grows the same trees, and nothing is reported. One also fitted on more columns, or handed where it may be (cross-validation, a search, a list of models), is still reported; one handed to a function of the file that only predicts with it is not.\n\nAn estimator handed to a hyperparameter search, straight or through the name it is bound to, runs with the parameters its grid sets; so does a step of a pipeline handed to one (`Pipeline([("scale", StandardScaler()), ("clf", clf)])`, or `make_pipeline(...)`, which names each step after its class in lower case), with those the grid sets under the step\'s name (`clf__subsample`, `gradientboostingclassifier__max_features`), while keys of the other steps set nothing of it; so does one whose grid travels with it to where it is searched: listed beside it in a tuple (`("tree", DecisionTreeClassifier(), tree_grid)`, a candidate a loop hands to a search with its grid), or under its key in a dictionary of grids handed to the same call as the dictionary of models that holds it (`evaluate_models(models=models, params=params)`, a project\'s helper that searches each model\'s grid). Where such a grid may set one that makes it draw more than to break ties (`subsample`, `max_features`, `n_iter_no_change`, a tree\'s `splitter`, AdaBoost\'s base or a nested `estimator__...` key) or a search\'s grid is not known (`RandomizedSearchCV(GradientBoostingClassifier(), load_grid())`, a splat), its message does not speak of ties, while grids of literal dictionaries that set none of them (`GridSearchCV(DecisionTreeClassifier(), {"max_depth": [3, 5]})`, also one built by `dict(...)` from keywords alone, whose keywords are its keys: `dict(class_weight=balance)`; a `dict(...)` that also takes a mapping or a splat is not known) leave it drawing only to break ties, and its message says so; and when the grid of a search it is handed straight, or through a name used only so (`booster = CatBoostClassifier()`, then `GridSearchCV(booster, grid)`), sets `random_state` (`GridSearchCV(DecisionTreeClassifier(), {"max_depth": [2, 4], "random_state": [0]})`, in each of its dictionaries when it is a list), the search seeds it and nothing is reported, and so is one kept in a dictionary of models that is only indexed to hand each to a search whose grid is taken by key from a dictionary of grids that all set it (`GridSearchCV(models[k], param_grid=grids[k])`, each grid a literal or `dict(random_state=[0], ...)`; reading the models\' keys hands nothing on), and so is one a function of the file returns with the grid bound beside it in the same block (the arm that builds `IsolationForest()` also binds `space = {"n_estimators": [100, 200], "random_state": [7]}`, then `return detector, space`) when every call of that function unpacks the pair and hands both to one search (`detector, space = candidate(kind)`, then `GridSearchCV(detector, space)`): the search sets the seed its grid names on every candidate it fits, so the helper only moved the pair a search is built from; a grid bound in another arm, one that names no seed, or a caller that also fits the estimator or searches it over another grid leaves it reported; a name also fitted or used elsewhere draws with the estimator\'s own seed there, and is still reported. A search or a seeding ensemble trains clones of the estimator it is handed, never the object itself, so a use of that name which only asks it for answers or looks at it (`tree.predict(X_val)` after `GridSearchCV(tree, grid).fit(X, y)`, `print(tree)`) trains nothing and leaves it seeded; one handed to `cross_val_score` or fitted is use. A `RandomizedSearchCV` whose grid gives every parameter as a list (`{"C": [1, 10]}`, or a list of such dictionaries) with no more combinations than `n_iter` (10 unless set) samples the whole grid without replacement, as scikit-learn does: every run tries the same candidates, only in another order, which changes the best one only where two score the same; it is reported with a message that says so, while a larger grid or a distribution (`loguniform(...)`) samples candidates and is reported as drawing.\n\nAn estimator seeded once it is built — `model.random_state = SEED` or `model.set_params(random_state=SEED)` on the name it was bound to, before that name is used for anything but setting its parameters — draws with that seed, and is left alone; a seed set only after it is fitted or handed on is still reported. Asking whether it takes a seed first (`if hasattr(est, "random_state"): est.random_state = i`) uses nothing: an estimator without that parameter draws nothing. So an estimator handed as a template to a function of the file whose every use of it copies it (`est = clone(estimator)`, `copy.deepcopy`) and seeds each copy so once built — a project\'s helper that builds a voting ensemble of seeded copies, `make_resampled_ensemble(DecisionTreeClassifier())` — is left alone, also through a name whose every use hands it so: what is fitted is the seeded copies, never the template; a function that fits the template or a copy it does not seed keeps it reported. A base estimator given to an ensemble that seeds it (`BaggingClassifier(DecisionTreeClassifier(), random_state=0)`, also inside a scikit-learn or imbalanced-learn meta-estimator, pipeline or sampler the ensemble takes, `BaggingClassifier(CalibratedClassifierCV(Perceptron()), random_state=rng)`, `make_pipeline(SelectKBest(k=1), DecisionTreeClassifier())` as the base, `sampler=ClusterCentroids(estimator=KMeans())`, for the ensemble sets every `random_state` among its base\'s parameters, nested ones too; also listed to `@pytest.mark.parametrize` for a parameter that every test hands to such an ensemble, or only looks at (`hasattr(estimator, "decision_function")`); AdaBoost, imbalanced-ensemble\'s bagging, boosting and cascade ensembles such as `BalanceCascadeClassifier` and `SelfPacedEnsembleClassifier`, which train each copy of it with a seed drawn from their own; also through a name used only so, and as a candidate the grid of a search of such an ensemble sets as its base, `GridSearchCV(AdaBoostClassifier(), {"estimator": [DecisionTreeClassifier(max_depth=2)]})`, where the ensemble\'s own missing seed, if any, is the finding; a grid also handed elsewhere, or to a search of an estimator that keeps its base\'s seed such as `CalibratedClassifierCV`, leaves the base reported; also as the `estimator` entry of keyword arguments that give the ensemble a seed, splatted into its call (`AdaBoostClassifier(**{"estimator": DecisionTreeClassifier(max_depth=1), "random_state": 0})`, `BaggingClassifier(**bag_args)` with `bag_args = dict(estimator=..., random_state=7)` used only so) or kept in one record beside the ensemble\'s class (`{"model_class": AdaBoostClassifier, "model_args": {"estimator": DecisionTreeClassifier(), "random_state": seed}}`, the configuration table a builder reads as `config["model_class"](**config["model_args"])`): the ensemble builds the base with a seed drawn from its own, as when the base is written into its call; arguments that give no seed or `None`, or a record whose class keeps its base\'s seed (`CalibratedClassifierCV`), leave the base reported), or to a feature selector given a seed that it sets on the estimator before each fit (`BorutaPy(rf, random_state=1)`; an unseeded selector leaves the estimator reported), and an estimator built only to `load_model` saved weights into — also one held by an attribute and filled by the statement right after it (`self.model = CatBoostRegressor()`, then `self.model.load_model(path)` in a `load` method), when nothing trains it through that binding — are left alone; so is one whose learned attributes are set from saved values by the statements right after it (`self.model = SGDRegressor()`, then `self.model.coef_ = coef` and `self.model.intercept_ = intercept`), when nothing trains it through that binding: a model restored, not fitted. One fitted after such a warm start (`est.partial_fit(X, y)`) is still reported. An estimator an object of the adapt library holds as its `estimator` (`KMM(DecisionTreeRegressor(max_depth=6), Xt=Xt)`, `NearestNeighborsWeighting(estimator=...)`, also through a name) is left alone too when that object is only asked for importance weights (`fit_weights`, `predict_weights`): the weights come from the source and target rows alone, and only the object\'s `fit` trains the estimator it holds, so it never draws; one whose object is fitted too, or one held by a project\'s own class with a method of that name, is still reported.\n\nA model fitted only to time the fit or watch its memory gives no result a seed would repeat: in a function, an estimator whose own `fit` or `partial_fit` (with no `eval_set=`, `verbose=` or other option that makes it report as it trains) is followed by answers (`predict`, `predict_proba`, the model itself) that are only dropped (`_ = ...`, a local never read, an array of the function only ever written into), is left alone. Answers shown (a clustering plotted), asked their shape or size (a clustering\'s group sizes depend on the draw), saved, scored, returned or handed to a call that is not NumPy\'s or a builtin such as `enumerate` keep it reported, and so does a model kept in a top-level name, which another module may import from a script, or the user read in a cell of a notebook.\n\nAn object built only to be looked at trains and draws nothing: a notebook cell that only shows `KMeans()`, `print(SVC())`, `SVC().get_params()`, or `type(DecisionTreeRegressor())` in a type check, directly or through a name whose every use is such; so does one bound to a name that is never read in a script, a notebook or a function (a lesson listing `SGDClassifier(loss=...)` variants it rebinds before any use), directly or as an element of a list, tuple or dict bound to such a name (a dictionary of candidate models the file never reads): an element is used as its container is. So does a call in the statement that ends a `with pytest.raises(...):` or `with self.assertRaises(...):` block (`Selector(estimator=RandomForestClassifier(), threshold=-1)` in a test of the argument check): the test passes only if that statement never completes, so what it builds is never trained or read; statements before it in the block may complete and bind names used below it, and are still reported. Rows generated only to be handed to a call in that statement (`X, y = make_regression()`, then `viz.fit(X, y)` where the test expects the fit to refuse a continuous target) reach nothing either, whatever the call is: nothing made from them outlives the statement; rows also fitted or scored before the block, or handed to a statement of the block that is not its last, are still reported. An estimator the file never fits, only writes as it was built — handed to `mlflow.sklearn.log_model(sk_model=rfc, artifact_path=rfc.__class__.__name__)` or another MLflow flavour\'s `log_model` or `save_model`, to `joblib.dump` or `pickle.dump` — and otherwise only looks at (its type\'s name, its repr) draws nothing either: every run writes the same unfitted object, a placeholder logged to show how models are registered, and its draws happen in the program that fits it, if any. The name must be a function\'s, a script\'s or a notebook\'s, which no other module reads; a file is a script when its top level calls something, also in the body of a top-level `for` loop, `with` block, `if` or `try` (`for cell in cells:` that builds a search, fits another model and pickles the search as built; `with open(p, "wb") as f: pickle.dump(model, f)`), which runs as the file runs just as a call on a line of its own does; one also fitted, handed to any other call, or written in a file that reads a model back (`mlflow.sklearn.load_model(uri)`, `joblib.load(p)`) into a name it then fits, is still reported. An object only compared in an `assert` (`assert selector.estimator == estimator`) is looked at too, and so is one written into an f-string (`f"The estimator {tree} has no n_estimators"`, the message a test expects), which formats its repr; so is one handed to a constructor whose result is only looked at, since a constructor keeps what it is given and `fit` is what trains (a wrapper whose test only reads its parameters back), while a wrapper that is fitted trains it. A class of the file itself is such a constructor when its `__init__` only keeps what it is given, calling nothing but its bases\' `__init__` (`super().__init__(estimator)`, `Wrapper.__init__(self, estimator)`), and its bases of the file do the same (a notebook\'s wrapper class whose object is only printed, `print(o.estimator)`); one whose `__init__` calls anything else (`self.estimator = estimator.fit(X, y)`) may train what it is given, and keeps it reported. Handed to a predicate of its kind (scikit-learn\'s `is_classifier`, `is_regressor`, `is_clusterer` and `is_outlier_detector`, or a library\'s function of one of those names that mirrors them), an estimator is looked at too: they read its type or its tag and never fit it; a function of the file so named is not taken on trust. An estimator listed to `@pytest.mark.parametrize` — in the decorator, in `pytest.param(...)`, as one name\'s part of a tuple, or in a module-level list that only such decorators name — is what the test\'s parameter holds (its names read as pytest reads them, dropping empty ones: `"model,"` names `model` alone), and is judged by that parameter\'s uses: left alone when every test only looks at it or uses it where it expects a failure, reported when a test fits it or the list is trained elsewhere. A library module\'s global may be imported and trained elsewhere, so it is still reported. A model that a test pytest collects (a `test...` function of a test module, `test_*.py` or `*_test.py`, or such a method of its test class) fits, and whose fits and outputs it asks only whether they exist, of what type, or their shape (its parameters too, `model.get_params()`, which are what it was built with, not what it learned) — also through the project\'s functions it is handed to (`metrics, trained = evaluate_classifier(model, X, y, fit=True)`, then only `assert metrics is not None`; `self.assertIsNotNone(...)`, `self.assertIsInstance(...)`, `isinstance(preds, np.ndarray)`, `preds.shape`, `len(preds)`) — is a smoke test: it passes or fails alike on every run, whatever the draws, and is left alone; so is one whose model reaches no check at all (a test that only fits it, or saves it for a load that `pytest.raises` expects to fail). So are the rows a data generator draws in such a test (`X, y = make_classification(n_samples=200)`) when they only train models — through `fit`, or a boosting library\'s data set and trainer (`lgb.Dataset(X, label=y)`, `xgb.DMatrix`, `lgb.train`) — and are handed to their answers, which the test asks only whether they exist, their type or their shape (`booster.predict(X).shape == (200,)`, also down a chain, `Ridge().fit(X, y).predict(X)`): no check the test makes depends on which rows were drawn; rows also printed, or whose model is scored or compared with the labels, are still reported, as are rows fitted by a model a function of the project hands back (`make_model().fit(X, y)`, which may be read elsewhere), and such rows outside a test module. A save under a folder the test made new for itself (pytest\'s `tmp_path` or `tmpdir` fixture, `tempfile.mkdtemp()`: `joblib.dump(pipeline, tmp_path / "pipeline.joblib")`, also through names made from it, `path_str = str(path)`) lasts only for the test, so what was saved goes where the test loads that file back (`loaded = load_pipeline(path)`, then only `isinstance(loaded, Pipeline)`, `hasattr(loaded, "predict_proba")`, `probs.shape`), and is judged there as the model itself. The same holds for the folds of a splitter (`KFold(n_splits=3, shuffle=True)`, its folds handed to the project\'s search whose answers the test leaves unread, or only counted), and for what a plain function of the test module builds when only such tests call it (`x, y, cv = make_data_and_folds()` in each test): pytest imports a test module to run its tests and the project\'s code imports none, so that helper runs only in those tests, and what it returns is judged where they take it. A test that compares a score or the predictions with a value (`assert clf.score(X, y) > 0.9`, `cross_val_score(..., cv=make_folds())` then `assert scores.mean() > 0.8`), also those of the model loaded back, saves anywhere else or logs what the model learned, the same code in a file pytest does not collect, and a helper of the test module that other code calls too (a fixture, which pytest calls, or a module-level name built from it) are still reported.\n\n`KFold(n_splits=5)` without `shuffle=True` is deterministic; `train_test_split(..., shuffle=False)` too. A split whose every part is only looked at (printed, plotted, shown as a notebook cell\'s value, asked its shape or through its own methods: `print(X_train.shape)`, `print(X_train.head(1))`) before it is rebound shows what a split does, as a lesson does before it splits again to train: nothing is trained or measured on those rows, so it is left alone; a split any part of which is handed to another call (a library\'s or the project\'s own training function, which may train on it) is still reported. So is a split drawn only where the file that keeps it is missing and written there by the same arm, a part it binds saved as it is (`try: saved = np.load(p)`, then under `except FileNotFoundError:` `train_idx, test_idx = train_test_split(...)` and `np.savez(p, train_idx=train_idx, test_idx=test_idx)`; `if not os.path.exists("data/train.csv"):` then `train.to_csv("data/train.csv")`): it is drawn once, and every later run reads the saved parts back; a split saved on every run, or one drawn on a cache miss that saves something else, is still reported. What a model outputs for a part (`clf.decision_function(X_b)`) is followed on as the part is (see `shuffle` and `resample` below). Calls that pass `**params` may set the seed there and are left alone. So is a call left without a seed only where the caller gave its function none, beside the code that hands that parameter on as the seed of the same function where it gave one (`if seed is not None: return shuffle(X, y, random_state=seed)`, `else: return shuffle(X, y)`; `if seed is None: return train_test_split(X, y)` above `return train_test_split(X, y, random_state=seed)`; `train_test_split(X, y) if seed is None else train_test_split(X, y, random_state=seed)`): the two do what one call given `random_state=seed` does, passing the caller\'s choice on, `None` included; an arm beside a constant seed, a call of another function, an arm that does not leave the function before the seeded call, or a test of a name other than an unrebound parameter of the function is still reported.\n\nDeterministic estimators (`LinearRegression`, `LogisticRegression` with default solver, `SVC`) are not flagged. imbalanced-learn samplers draw a fresh seed like scikit-learn (`NearMiss` has no randomness); XGBoost, LightGBM and CatBoost fall back to a fixed library default seed; they are flagged because that seed is implicit and not part of the experiment\'s record. Given `random_state=None`, they keep that default (None means no seed was given), so the message says so rather than that each run draws a new seed, as scikit-learn\'s `random_state=None` does. A seed handed to scikit-learn, imbalanced-learn or pandas under another name (`train_test_split(X, y, random=42)`, `RandomForestClassifier(seed=0)`, `df.sample(frac=1, random_seed=1)`, `randomstate=`, `rand_state=`) is not a seed they take: they accept it only as `random_state` and refuse any other keyword, so the call raises a TypeError before it draws anything. It is reported with a message that says so, not that each run differs, and the quick fix renames the keyword to `random_state`, keeping its value; the boosting libraries take `seed` and `random_seed` themselves, and are seeded so.\n\nWith no seed, scikit-learn, imbalanced-learn and pandas draw from NumPy\'s global generator: when a constant `np.random.seed(...)` (or `keras.utils.set_random_seed`, `transformers.set_seed`, MONAI\'s `set_determinism`, scvi-tools\' `scvi.settings.seed = 0`, the project\'s own `set_seed(...)`, or a helper imported from the project and named for no seed that a line of its own hands only the seed constant, `deterministic(seed)`, as MLD801 counts it) has run before the call — earlier in the script or in an earlier notebook cell — every top-to-bottom run repeats the same numbers, so nothing is reported (re-running one cell out of order is MLD804\'s concern). A scikit-learn or imbalanced-learn object (a class, `StratifiedKFold(shuffle=True)`, `RandomForestClassifier()`) draws nothing when it is built: it asks that generator for its numbers when it is used (`split`, `fit`, `fit_resample`), so one bound to a name every read of which comes after such a seed (`cv = StratifiedKFold(n_splits=5, shuffle=True)`, then `np.random.seed(66)` and `cross_validate(model, X, y, cv=cv)`) draws from the seeded generator and is left alone; so is one that is an entry of a dictionary, list or tuple bound to such a name (`models = {"RF": RandomForestClassifier(), ...}`), and one whose name is handed to a function of the file every read of whose parameter comes after a seed there (`fit_and_score(models, ...)`, whose body runs `np.random.seed(42)` before the loop that fits each model), unless the function returns it; a read before the seed (`print(cv)`, a fit) and a function such as `train_test_split`, which draws when it is called, are still judged where they are. The same holds in a Sacred experiment\'s command (the function under `@ex.automain`, `@ex.main` or `@ex.command`), which Sacred runs after seeding NumPy with the run\'s `seed`, when the config gives a constant one (`seed = 45` in an `@ex.config` function, `ex.add_config(seed=45)`): an estimator built in the command, or in a function of the file only commands call, is seeded; with no seed in the config Sacred draws one, and a command the file calls itself runs unseeded, so these are still reported. A seeding inside a function of the file counts where that function runs, through the calls the program makes: a data simulator that seeds NumPy and is called by `X, y = make_dataset()` before `fit_model(X, y)` splits has seeded the split, and so has `np.random.seed(seed)` in an entry function before it calls the helper that builds the estimator; likewise, code inside a function runs where the module first calls that function, so a constant seed at module level below the function\'s definition but above that first call (an `if __name__ == "__main__":` block, or a later notebook cell, that seeds and then calls the helper building the estimators) has seeded it, while one placed after the first call has not; building an object of a class of the file (`EmailCorpus(folder)`, also of a subclass that keeps its `__init__`) runs that `__init__` there, and the methods it calls on `self`, so a seed before the build, or in `__init__` before it calls the method that draws (`np.random.seed(1234)`, then `self.frame = self.prepare()`, whose `.sample(frac=1)` shuffles), has seeded the draw, while an object built before the seed draws unseeded, and a subclass with an `__init__` of its own does not run its base\'s; a function the file never calls (a `main()` the package\'s `__main__` or a console script runs, a test pytest runs) runs its body in order whatever calls it, so where both the seeding and the estimator are reached only from such functions, a seed each of them makes before it reaches the estimator (`init(args.random_seed)`, whose helper seeds NumPy, then `models = get_models()`) has seeded it, while one that seeds only after, or a second such function that reaches the estimator unseeded, has not; a function that seeds only after the call first runs, or is never called, seeds nothing before it; nor does one that seeds with a parameter whose default is `None` (`def simulate(n, seed=None): np.random.seed(seed)`, which a call without a seed reseeds from the operating system; its calls are not read, so it does not count even where they pass one). A function defined inside another function\'s body (a search objective `def objective(**params):` that `worker` defines and hands to `gp_minimize`, or to Optuna\'s `study.optimize`, also under a decorator or another closure) exists only once that body has run its `def`: a constant seed the body runs before the `def`, as a statement of its own and not under an `if`, a loop or a `try`, has run before anything can call it, so the splitter or estimator the objective builds draws from the seeded generator whoever calls it; a seed under a condition, or after the `def`, is still ordered as above. A function handed to a call as a callback runs no earlier than that call: a lambda argument (`study.optimize(lambda trial: objective(trial, cfg), n_trials=50)`), a function of the file passed by name, also as a keyword (`study.optimize(objective)`, `fmin(fn=loss, ...)`), or wrapped first in `functools.partial(objective, X=X)`, so a constant seed that runs before that call (in `main()`, which calls the tuning function that starts the study) has seeded whatever the objective draws, whenever the search calls it; a callback handed to a call that runs before the seed, or a seed of another library only (`torch.manual_seed`), is still reported. A test method runs after the set-up its test class declares (a `unittest.TestCase` subclass, or a class named `Test...` that pytest collects): a constant seed in `setUp` or `setUpClass` (pytest\'s `setup_method` or `setup_class`), or in a method of the class or a function of the file that the set-up calls (`cls.data = cls._simulate()` where `_simulate` seeds), has seeded every test method of the class, and of its subclasses in the file that keep that set-up; code the set-up itself runs is ordered against the seed as any function is, and a seed in another module it imports is not seen (its conftest files are: see below).\n\nEstimators that use no randomness with the arguments given are deterministic and left alone: XGBoost and LightGBM without row or column subsampling (`subsample`, `colsample_*`, `feature_fraction` at 1, LightGBM bagging only with a bagging frequency, no `rf`/`goss`/`extra_trees`), LightGBM whose random steps left on each get their own seed (`bagging_seed` beside bagging, `feature_fraction_seed` beside a feature fraction, `extra_seed` beside `extra_trees`: the general seed only derives the ones not given; a step left to its implicit seed is still reported), and `KMeans` given its starting centres as an array (`init=centers`). So is a model of one component, a Gaussian mixture by default (`GaussianMixture()`, `BayesianGaussianMixture(n_components=1)`) or `KMeans(n_clusters=1)`, bound to a name that is only fitted and asked for answers (`score_samples`, `predict`, `means_`), also when it is fitted where it is built, since `fit` returns the model itself (`model = GaussianMixture(1, covariance_type=cov).fit(X)`, then `model.predict(X)`): it draws only to choose where to start, and one component ends every start at the same fit, the mean and spread of all the rows; one asked to draw new rows (`gmm.sample(100)`, which uses the seed), given other settings after it is built (`set_params`, an attribute written) or handed on (to a search, a function, a list) is still reported. CatBoost (random split scores and Bayesian bagging by default) and XGBoost\'s random forests always draw. An imbalanced-learn sampler that returns, per class, the number of rows its `sampling_strategy` sets (random under- and over-sampling, SMOTE and its variants, ADASYN, cluster centroids), whose resampled data are then only counted (`X_res, y_res = RandomUnderSampler(sampling_strategy=0.8).fit_resample(X, y)` followed only by `y_res.value_counts()`, `Counter(y_res)`, `np.bincount(y_res)` or `X_res.shape`), gives the same counts on every run, whichever rows it drew, and is left alone; resampled data that are also trained on, plotted or shown, and samplers whose counts vary (`SMOTEENN`, `SMOTETomek`, `CondensedNearestNeighbour`), are still reported. A combined sampler handed its over-sampler (`SMOTEENN(smote=SMOTE(random_state=0), enn=EditedNearestNeighbours())`, `SMOTETomek(smote=oversampler)`) runs that sampler, with the seed it was built with (judged where it is built), and reads its own `random_state` only to build the `SMOTE` it runs when given none; the cleaning step after it draws nothing, so it is left alone, while one given no over-sampler, or `smote=None`, is still reported. Any sampler whose resampled data reach nothing is left alone too: data bound to names never read, or only built into new pandas values (`pd.concat([X_res, y_res], axis=1)`, a column, the frame a method such as `astype` returns) that are in turn never read, relabelled in place (`y_res.columns = [...]`) or left on a line of their own in a script, which drops them, before the names are rebound to other data: no row it drew reaches a model, a file or a screen. A notebook shows such a line as its cell\'s value, so there it is still reported.\n\n`df.sample(...)` is reported only on a pandas value, without `random_state`, and when the rows sampled reach a result (as in MLD801; a sample put through the file\'s own `TransformerMixin` class with no method to predict, `FeatureSelector().fit_transform(sample)`, then only shown with `dtale.show` or `print`, reaches none, as a scaler\'s output does not): `df.sample(5)` shown in a cell, `random.sample(...)` and `torch.distributions...sample()` are left alone. So are the data sets scikit-learn\'s generators draw (`make_blobs`, `make_classification`...): a data set generated only to be plotted or shown, never split, fitted or scored (in this file, or in a function of the file it is passed to), changes no result, and is reported only when it reaches one (a helper\'s parameter called as a function, `score = metric(y_true, y_pred)`, computes the metric a call of the helper passes for it, `metric=mean_absolute_error` or a name bound to one, also handed on through the parameter of a caller: rows whose predictions it is handed reach that metric; and each name of a nested pattern a loop unpacks, `for i, (fit_rows, next_rows) in enumerate(windows(frame))`, takes a part of what the loop hands over, a window a generator of the file yields from the rows); `shuffle` and `resample` reorder or redraw data on its way to training, and stay reported unless every use of what they return only looks at it (`row = shuffle(df).iloc[0]` then only `print(row["text"])`, `print(resample(df, n_samples=3))`): nothing is trained or measured on rows picked to be read, nor on what a trained model outputs for them (`predict`, `predict_proba`, `decision_function`), which is followed on as the rows are, through NumPy\'s functions and comparisons too: nine test images redrawn to be plotted with the classes the model finds likeliest (`np.argsort(probs[k])`) and titled with their names picked from a table by label (`names[names.id == label]`), or predictions printed beside the labels, measure nothing, while predictions a metric scores or a function of the project is handed reach a result; rows handed to any other call, a model\'s `fit` or a function of the project, may be on their way to training. These functions, like the data generators and `train_test_split`, return new arrays and leave the ones they are given as they were, so a call whose value is dropped on a line of its own (`shuffle(data, labels)` at the top of each epoch, a mistake of another kind: the loop trains on the same order every time) draws nothing that reaches anything, and is not reported; `data, labels = shuffle(data, labels)` is. A `shuffle` of the rows a generator gathers afresh in each pass of its loop (lists started empty in that pass, also through `np.array(rows)`), yielded whole right after (`X, y = shuffle(X, y)` then `yield np.array(X), np.array(y)`, or `yield shuffle(X_train, y_train)`), reorders one batch: a training step averages over a batch\'s rows whatever their order, so every run trains the same and nothing is reported; rows gathered before the loop, a batch cut after its reorder (`yield X[:32], y[:32]`) and `resample`, which redraws rows, make other batches on another run and are still reported. The same holds for a t-SNE or MDS map (`TSNE(n_components=2).fit_transform(X)`): these embeddings place points for a scatter plot and cannot embed new rows, so one only plotted or shown (also through the columns of a frame that is only plotted, and through a method named for a chart of an object handed in, `canvas.scatterplot(x, y)` or `board.heatmap(m)`: no model, data set or tensor has a method so named, while `plot` and `scatter` are not read so, for a tensor\'s `scatter` writes values) is a picture and left alone — also in a function that trains a model and maps its hidden layer for a plot, and when it is handed to a function of the file that only plots it and returns the figure or axes it drew on (`return latent_figure(y, emb)`, `fig = plot_map(coords, names)` then `fig.savefig(...)`): what a function of the file hands back carries the map only where the map itself reaches one of its `return` statements, so a figure made beside it is a picture too; drawn on the axes a helper\'s parameter receives, when every call of the helper hands it pyplot\'s figure or axes (`imscatter(x, y, ax)` after `fig, ax = plt.subplots()`, `ax=fig.add_subplot(1, 1, 1)`), it is plotted as well, while a parameter some call hands another object may keep it — while one clustered, scored or trained on is reported, also when the helper that plots it hands it back (`return fig, points`) to a caller that clusters it. Plotted means handed to pyplot\'s functions or drawn on a figure or axes pyplot makes, whichever element or part of it (`fig, axes = plt.subplots(2, 4)`, then `axes[i][j].scatter(emb[:, 0], emb[:, 1])` in a loop over layers; `fig.add_subplot(...)`, `ax.twinx()`, `plt.gca()`): a loop that draws one map per panel, even beside a PCA it fits for the map, trains nothing. A model fitted in a function only to time its fits or watch memory, every answer it gives dropped (`_ = forest.score(X_val, y_val)`, a prediction left on a line of its own), gives no result a seed would repeat, also when its settings are changed in place between fits (`forest.n_estimators += 10` under `warm_start=True`); and so does a `train_test_split` in that function whose every part is only handed to `fit`, `score` or `predict` of such models: whichever rows it draws, nothing is printed, saved or returned from them, so it is not reported, while a split whose parts reach a printed score, a model the function hands back, a model kept at the top level (which another module may read) or a call no table knows is.\n\nOne missing seed is one finding: the calls of one estimator, splitter or sampled frame that would each get the same message (the same class without a seed, or with `random_state=None`, drawing for the same reason) are one cause, reported at the first of them with the others as related locations, and the message says at how many other places; its quick fix seeds every one of them. Calls of one class that draw for different reasons (a tree that draws only to break ties beside one that subsamples features) are different findings, since no one message is true of both, unless they are listed together. Models listed side by side in one list, tuple or dictionary literal are one comparison, left unseeded as one: `{"Tree": DecisionTreeClassifier(), "Forest": RandomForestClassifier(), "AdaBoost": AdaBoostClassifier()}`, `[("forest", RandomForestClassifier()), ("sgd", SGDClassifier())]`, models each in its own record of name and grid listed in one literal (`{"RF": {"model": RandomForestRegressor(), "params": {...}}, "GB": {"model": GradientBoostingRegressor(), ...}}`, the shape a grid-search loop reads) or a tuple of samplers are one finding, at the first of them, whose message is that one\'s own and names the others listed with it (linked, with the other places of the same classes), and its quick fix seeds them all; so are estimators bound to one name in the arms of one `if` (`if kind == "sgd": model = SGDClassifier()`, `elif kind == "rf": model = RandomForestClassifier()`), and estimators returned by one function (a factory\'s `if kind == "gb_reg": return GradientBoostingRegressor()` and `if kind == "gb_cls": return GradientBoostingClassifier()`: each `return` ends the call): whichever is built is the model, and the message names the others as built in its place in another branch. An estimator built on a line of its own, or bound to the same name again later in the same run (one model, then another), stays its own finding. A `# mldebt: ignore[MLD802]` comment covers the call on its line alone: that call leaves the finding, its count and its fix, and the finding moves to the next call left.\n\nIn a pytest test module (`test_*.py`, `*_test.py`), what the `conftest.py` files pytest loads before it seed counts too: NumPy seeded at a conftest\'s top level, in an autouse fixture or in a set-up hook (`pytest_runtest_setup`) is seeded for every test, and a fixture that seeds (`np.random.seed(0)` in `@pytest.fixture def data()`) seeds the tests that ask for it by name; so does a fixture the test module defines itself (`np.random.seed(42)` in `@pytest.fixture(scope="module") def Xy():`, whatever its scope: once seeded, the generator draws the same sequence on every run of the tests), which pytest hands a test before a conftest\'s of the same name, so one that seeds nothing hides a conftest\'s that does. The CLI and the editor read those files from the project\'s root down to the module\'s folder (regular files of at most 1 MB); a change to one is seen at once.',
    },
  },
  listen,
};
