import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { Lineage } from '../semantics/dataflow';
import { trainingCall } from '../semantics/training';
import type { CallSite } from '../semantics/types';
import { numberValue } from '../semantics/literals';
import { stripParens } from '../semantics/nodes';
import { freshName, insertBeforeTopLevelStatement, replaceNode, upperSnake } from './shared/edits';
import { lastSegment, SEED_CONSTANT, SEED_KEYWORDS } from './shared/libraries';
import { isModelCall } from './shared/modelConfig';
import type { TextEdit } from '../documents/types';
import { pushTo } from '../engine/collections';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';

/**
 * Settings that describe the experiment as a whole, so one value repeated anywhere in the file is
 * one setting written twice: the seed, the split, the batch size, the number of folds or epochs,
 * the input size.
 */
const SHARED_SETTINGS = new Set([
  'test_size', 'train_size', 'val_size', 'valid_size', 'validation_split', 'batch_size', 'cv', 'n_splits', 'n_folds',
  'epochs', 'num_epochs', 'max_epochs', 'max_length', 'max_len', 'maxlen', 'max_seq_length', 'img_size', 'image_size',
  'target_size', 'num_labels', 'num_classes', 'n_classes',
]);
/**
 * Hyperparameters of one model: the same value in two different models is a coincidence, not one
 * setting, so they count only in model, optimizer and trainer calls, and only when the same
 * constructor repeats them (`alpha=0.5` in two `plt.scatter` calls is no hyperparameter at all).
 */
const MODEL_SETTINGS = new Set([
  'learning_rate', 'lr', 'max_depth', 'n_estimators', 'num_leaves', 'dropout', 'weight_decay', 'C', 'alpha', 'gamma',
  'n_neighbors', 'hidden_size', 'embedding_dim', 'min_samples_leaf', 'min_samples_split', 'max_features', 'subsample',
  'colsample_bytree', 'n_components', 'n_clusters', 'max_iter', 'momentum',
]);
/** Calls that take the seed as their first positional argument. */
const SEEDING_CALLS = new Set([
  'numpy.random.seed', 'random.seed', 'torch.manual_seed', 'torch.cuda.manual_seed', 'torch.cuda.manual_seed_all',
  'tensorflow.random.set_seed', 'tensorflow.set_random_seed', 'transformers.set_seed', 'keras.utils.set_random_seed',
  'tensorflow.keras.utils.set_random_seed', 'lightning.seed_everything', 'pytorch_lightning.seed_everything', 'lightning.pytorch.seed_everything',
]);

interface Occurrence {
  /** The literal value node. */
  value: Node;
  /** How it is shown: `random_state=42`, `np.random.seed(42)`. */
  shown: string;
  call: CallSite;
}

/**
 * A number, or a tuple of numbers, as a key that tells `32` from `32.0` and ignores spacing. Lists
 * are left out: one shared list object would couple calls that may mutate it.
 */
function literalKey(node: Node): string | undefined {
  const value = stripParens(node);
  const number = numberValue(value);
  if (number !== undefined) return `${/[.eE]/.test(value.text) && !/^0[xob]/i.test(value.text) ? 'float' : 'int'}:${number}`;
  if (value.type === 'tuple') {
    const items = value.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const keys = items.map(literalKey);
    return items.length > 0 && keys.every((k) => k !== undefined) ? `tuple:${keys.join(',')}` : undefined;
  }
  return undefined;
}

/**
 * `ds.map(fn, batched=True, batch_size=1000)`: how many rows a preprocessing function receives at
 * once, plumbing unrelated to the batch size a model trains or evaluates with.
 */
function isChunkedMap(call: CallSite): boolean {
  return (call.method === 'map' || call.method === 'filter') && call.kwargs.has('batched');
}

/**
 * `tf.random.set_seed(1); np.random.seed(1); random.seed(1)`: seeding calls on adjacent lines are
 * one seeding step written once for each library, not copies that can drift apart unnoticed.
 */
function isSeedingBlock(occurrences: readonly Occurrence[]): boolean {
  if (!occurrences.every((o) => o.call.qname && SEEDING_CALLS.has(o.call.qname))) return false;
  const rows = occurrences.map((o) => o.call.node.startPosition.row);
  return Math.max(...rows) - Math.min(...rows) < occurrences.length;
}

/** Groups the literal settings of the calls it is given by setting and value. */
class Settings {
  readonly groups = new Map<string, Occurrence[]>();

  constructor(private readonly index: SemanticIndex) {}

  /** One call's literal settings: a seeding call's seed, and the keywords that name a setting. */
  add(call: CallSite): void {
    if (call.qname && SEEDING_CALLS.has(call.qname) && call.args[0]) this.occurrence('seed', call.args[0], call);
    for (const [keyword, value] of call.kwargs) {
      if (SEED_KEYWORDS.has(keyword)) this.occurrence('seed', value, call, keyword);
      else if (keyword === 'batch_size' && isChunkedMap(call)) continue;
      else if (SHARED_SETTINGS.has(keyword)) this.occurrence(keyword, value, call, keyword);
      else if (MODEL_SETTINGS.has(keyword) && isModelCall(this.index, call)) this.occurrence(`${keyword}@${call.qname ?? call.callee.text}`, value, call, keyword);
    }
  }

  // The text shown is built only for literal values (`keyword` absent: a seeding call's first argument).
  private occurrence(group: string, value: Node, call: CallSite, keyword?: string): void {
    const key = literalKey(value);
    if (!key) return;
    const shown = keyword === undefined ? `${call.callee.text}(${value.text})` : `${keyword}=${value.text}`;
    pushTo(this.groups, `${group}|${key}`, { value, shown, call });
  }
}

/**
 * Settings of a call that consumes data, chosen for that data: a split's fractions, and the
 * epochs of a `fit`. Equal values in calls on unrelated data are two choices.
 */
const SPLIT_FRACTIONS = new Set(['test_size', 'train_size', 'val_size', 'valid_size', 'validation_split']);
const FIT_SETTINGS = new Set(['epochs', 'num_epochs', 'max_epochs']);
const VALUE_BINDINGS = new Set(['assign', 'unpack', 'augmented', 'walrus', 'for', 'with', 'param']);

/** The data a call splits or trains on: its first argument (the features of a `fit`). */
function splitData(occurrence: Occurrence): Node | undefined {
  return occurrence.call.args[0];
}

/**
 * Two splits of the same data: their inputs share a binding, and neither splits the other's
 * output (`train_test_split(X_train, ...)` after `train_test_split(X, ...)` carves a validation
 * set, a choice of its own).
 */
/** True when data came out of `call`: the call feeds it, or a binding it flowed through is the call's result. */
function derivesFrom(lineage: Lineage, call: CallSite): boolean {
  const inside = (statement: Node) => statement.startIndex <= call.node.startIndex && call.node.endIndex <= statement.endIndex;
  return lineage.calls.includes(call) || lineage.definitions.some((d) => VALUE_BINDINGS.has(d.kind) && inside(d.statement));
}

/**
 * The occurrences of a split fraction that share their data with another one: the two lineages
 * meet at a binding of values, and neither split's data came out of the other split (a validation
 * split carved from a training split is not a copy). Only splits that share a binding are
 * compared, so unrelated splits cost one lineage each, not one comparison per pair.
 */
function relatedSplits(index: SemanticIndex, occurrences: Occurrence[]): Occurrence[] {
  const flow = index.dataflow;
  const traced = occurrences.map((occurrence) => {
    const data = splitData(occurrence);
    if (!data) return undefined;
    const lineage = flow.lineage(data, { values: true });
    return { occurrence, lineage, bindings: new Set(lineage.definitions.filter((d) => VALUE_BINDINGS.has(d.kind))) };
  });
  const byBinding = new Map<unknown, number[]>();
  traced.forEach((t, i) => {
    for (const binding of t?.bindings ?? []) {
      const list = byBinding.get(binding);
      if (list) list.push(i);
      else byBinding.set(binding, [i]);
    }
  });
  return occurrences.filter((occurrence, i) => {
    const self = traced[i];
    if (!self) return false;
    // The first other split met through a shared binding that is no copy answers: building the
    // whole set of others first was quadratic when every split shares a binding.
    for (const binding of self.bindings) {
      for (const j of byBinding.get(binding)!) {
        if (j !== i && !derivesFrom(self.lineage, traced[j]!.occurrence.call) && !derivesFrom(traced[j]!.lineage, occurrence.call)) return true;
      }
    }
    return false;
  });
}

function settingOf(group: string): string {
  return group.split('|')[0].split('@')[0];
}

/** The constant to use: an existing module constant with this value and a fitting name, or a new one. */
function constantFor(index: SemanticIndex, setting: string, occurrences: Occurrence[]): { name: string; exists: boolean } {
  const [first] = occurrences;
  const key = literalKey(first.value);
  const fits = setting === 'seed' ? (name: string) => SEED_CONSTANT.test(name) : (name: string) => name === upperSnake(setting);
  for (const constant of index.constants.values()) {
    const value = constant.definition.value;
    if (!fits(constant.name) || !value || literalKey(value) !== key || constant.definition.node.startIndex > first.value.startIndex) continue;
    const visible = occurrences.every(({ value: at }) => {
      const seen = index.resolve(constant.name, at);
      return seen.kind === 'local' && seen.definition === constant.definition;
    });
    if (visible) return { name: constant.name, exists: true };
  }
  return { name: freshName(index, setting === 'seed' ? 'SEED' : upperSnake(setting)), exists: false };
}

interface Extraction {
  /** The constant's definition, when the file has none to reuse. */
  definition?: TextEdit;
  replacements: TextEdit[];
  title: string;
}

/** One constant, defined before the first use at module level, replacing every occurrence. */
function extraction(context: RuleContext, setting: string, occurrences: Occurrence[]): Extraction {
  const { name, exists } = constantFor(context.index, setting, occurrences);
  const replacements = occurrences.map(({ value }) => replaceNode(value, name));
  const value = stripParens(occurrences[0].value).text;
  if (exists) return { replacements, title: `Use ${name} for all ${occurrences.length} occurrences` };
  const definition = insertBeforeTopLevelStatement(context.doc, occurrences[0].value, `${name} = ${value}`);
  return { definition, replacements, title: `Extract ${name} = ${value} for all ${occurrences.length} occurrences` };
}

function where(occurrence: Occurrence): string {
  return occurrence.call.qname ? lastSegment(occurrence.call.qname) : occurrence.call.callee.text;
}

interface Duplicate {
  setting: string;
  occurrences: Occurrence[];
  extraction: Extraction;
}

/** The duplicated settings, each with the calls that repeat it. */
function duplicates(context: RuleContext, groups: ReadonlyMap<string, Occurrence[]>): Duplicate[] {
  const found: Duplicate[] = [];
  for (const [group, all] of groups) {
    if (all.length < 2) continue;
    // One call repeated by a loop or a function is one site; two different calls are two.
    // (A set of the calls seen: looking each one up in the whole group was quadratic.)
    const seen = new Set<number>();
    let occurrences = all.filter((o) => !seen.has(o.call.node.startIndex) && !!seen.add(o.call.node.startIndex));
    const setting = settingOf(group);
    const onData = SPLIT_FRACTIONS.has(setting) || (FIT_SETTINGS.has(setting) && occurrences.every((o) => trainingCall(context.index.dataflow, o.call)));
    if (onData) occurrences = relatedSplits(context.index, occurrences);
    if (occurrences.length < 2) continue;
    if (setting === 'seed' && isSeedingBlock(occurrences)) continue;
    found.push({ setting, occurrences, extraction: extraction(context, setting, occurrences) });
  }
  return found;
}

/** The first occurrence of each call in a list. */
function firstByCall(occurrences: readonly Occurrence[]): Map<CallSite, Occurrence> {
  const byCall = new Map<CallSite, Occurrence>();
  for (const occurrence of occurrences) if (!byCall.has(occurrence.call)) byCall.set(occurrence.call, occurrence);
  return byCall;
}

/** The calls a duplicate lives in, as a key: settings repeated by the same calls are one copied call. */
function callsKey(duplicate: Duplicate): string {
  return duplicate.occurrences.map((o) => o.call.node.startIndex).join(',');
}

/** One fix for the settings of one copied call: the new constants defined together, then every replacement. */
function mergedFix(duplicates: Duplicate[]): FixDescriptor {
  const definitions = duplicates.flatMap((d) => (d.extraction.definition ? [d.extraction.definition] : []));
  const replacements = duplicates.flatMap((d) => d.extraction.replacements);
  // Every occurrence list starts at the same call, so the definitions go before the same statement.
  const defined = definitions.length > 0 ? [{ range: definitions[0].range, newText: definitions.map((e) => e.newText).join('') }] : [];
  const title = duplicates.length === 1 ? duplicates[0].extraction.title : `Extract one constant for each of ${duplicates.map((d) => d.setting).join(', ')}`;
  return { title, edits: [...defined, ...replacements] };
}

/** The settings are read from every call (any call's keywords may repeat one); they are compared once all are known. */
function listen(context: RuleContext): RuleListeners {
  const settings = new Settings(context.index);
  return { call(call) {
    settings.add(call);
  }, finish() {
    const byCalls = new Map<string, Duplicate[]>();
    for (const duplicate of duplicates(context, settings.groups)) pushTo(byCalls, callsKey(duplicate), duplicate);
    for (const group of byCalls.values()) {
      // One finding per copied call (or per duplicated setting), where it is first repeated,
      // linked to every other copy: a notebook with forty `random_state=42` has one debt, not thirty-nine.
      const [main] = group;
      const occurrences = main.occurrences;
      const [first, repeat] = occurrences;
      const others = occurrences.length - 2;
      const elsewhere = others > 0 ? ` and ${others} more time${others > 1 ? 's' : ''}` : '';
      // Each duplicate's occurrence by call, found once: looking each one up in every list was quadratic.
      const byCall = group.map((d) => firstByCall(d.occurrences));
      const shown = (o: Occurrence) => byCall.map((occurrenceOf) => occurrenceOf.get(o.call)!.shown).join(', ');
      const value = stripParens(first.value).text;
      const message = group.length > 1
        ? `\`${shown(repeat)}\` are written again here (in \`${where(repeat)}\`)${elsewhere}: change them in one place and the others silently keep the old values`
        : main.setting === 'seed'
          ? `The seed ${value} is written again here (\`${repeat.shown}\`)${elsewhere}: change it in one place and the runs silently disagree`
          : `\`${main.setting}=${value}\` is written again here (in \`${where(repeat)}\`)${elsewhere}: change it in one place and the others silently keep the old value`;
      context.report({
        node: repeat.value,
        message,
        related: occurrences.filter((o) => o !== repeat).map((o) => ({ node: o.value, message: `${o === first ? 'first written' : 'also written'} as \`${shown(o)}\` in \`${where(o)}\`` })),
        fix: mergedFix(group),
      });
    }
  } };
}

export const duplicatedConfigValue: Rule = {
  meta: {
    code: 'MLD603',
    name: 'duplicated-config-value',
    category: 'configuration-debt',
    severity: 'information',
    recommended: false,
    fix: { safety: 'safe', title: 'Extract one named constant for every occurrence' },
    docs: {
      summary: 'The same configuration literal is repeated across calls: one seed in `train_test_split`, the model and `np.random.seed`, `test_size=0.2` in two splits, one `batch_size` in the training and the evaluation loader.',
      why: 'Configuration debt (§6): the paper asks that configuration be hard to get wrong and easy to change. A value written in several places is one setting with several copies; the day someone tunes it they change one copy, and the runs silently disagree — a split that no longer matches the model\'s seed, an evaluation batch size or input length that no longer matches training.',
      example: 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)\nmodel = RandomForestClassifier(n_estimators=300, random_state=42)\nscores = cross_val_score(model, X_tr, y_tr, cv=KFold(5, shuffle=True, random_state=42))',
      fix: 'Name the setting once and use the name everywhere. The quick fix defines one module-level constant (`SEED`, `TEST_SIZE`, `BATCH_SIZE`...) before the first use — or reuses a constant that already holds the value under that name — and replaces every occurrence with it in one edit. It is safe: every call receives the same value as before.',
      fixed: 'SEED = 42\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)\nmodel = RandomForestClassifier(n_estimators=300, random_state=SEED)\nscores = cross_val_score(model, X_tr, y_tr, cv=KFold(5, shuffle=True, random_state=SEED))',
      nearMisses: 'Values that are already names (`random_state=SEED`), one occurrence, and different values are left alone. Model hyperparameters (`max_depth`, `learning_rate`, `n_estimators`...) count only when the same constructor or function repeats them: two different models that happen to share `max_depth=5` are two settings. `32` and `32.0` are different values. Flags and plumbing (`shuffle=True`, `n_jobs=-1`, `verbose=0`) are not configuration values. The first occurrence is where the value was chosen, so the one finding for a setting is on its first repeat, linked to every other copy; its fix replaces them all. Settings chosen for the data a call consumes — a split fraction (`test_size`, `train_size`, `validation_split`...) and the `epochs` of a `fit` — count only between calls on the same data (their inputs share a binding): the same `test_size=0.2` in splits of two unrelated data sets is two choices, so are 10 epochs for two networks trained on different data, and so is a validation split carved from a training split. One call copied with several literal settings (`train_test_split(..., test_size=0.25, random_state=7)` written twice) is one finding for all of them, with one fix.',
    },
  },
  listen,
};
