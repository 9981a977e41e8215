import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { numberValue } from '../semantics/literals';
import { stripParens } from '../semantics/nodes';
import { freshName, insertBeforeTopLevelStatement, replaceNode, upperSnake } from './shared/edits';
import { lastSegment, SEED_CONSTANT, SEED_KEYWORDS } from './shared/libraries';
import { isModelCall } from './shared/modelConfig';
import type { FixDescriptor, Rule, RuleContext } from './types';

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

/** Groups the literal settings of every call by setting and value. */
function collect(index: SemanticIndex): Map<string, Occurrence[]> {
  const groups = new Map<string, Occurrence[]>();
  const add = (group: string, occurrence: Occurrence) => {
    const key = literalKey(occurrence.value);
    if (!key) return;
    const list = groups.get(`${group}|${key}`) ?? [];
    list.push(occurrence);
    groups.set(`${group}|${key}`, list);
  };
  for (const call of index.calls) {
    if (call.qname && SEEDING_CALLS.has(call.qname) && call.args[0]) {
      add('seed', { value: call.args[0], shown: `${call.callee.text}(${call.args[0].text})`, call });
    }
    for (const [keyword, value] of call.kwargs) {
      const shown = `${keyword}=${value.text}`;
      if (SEED_KEYWORDS.has(keyword)) add('seed', { value, shown, call });
      else if (keyword === 'batch_size' && isChunkedMap(call)) continue;
      else if (SHARED_SETTINGS.has(keyword)) add(keyword, { value, shown, call });
      else if (MODEL_SETTINGS.has(keyword) && isModelCall(index, call)) add(`${keyword}@${call.qname ?? call.callee.text}`, { value, shown, call });
    }
  }
  return groups;
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

/** One constant, defined before the first use at module level, replacing every occurrence. */
function extractFix(context: RuleContext, setting: string, occurrences: Occurrence[]): FixDescriptor {
  const { name, exists } = constantFor(context.index, setting, occurrences);
  const edits = occurrences.map(({ value }) => replaceNode(value, name));
  if (!exists) edits.unshift(insertBeforeTopLevelStatement(context.doc, occurrences[0].value, `${name} = ${stripParens(occurrences[0].value).text}`));
  return { title: exists ? `Use ${name} for all ${occurrences.length} occurrences` : `Extract ${name} = ${stripParens(occurrences[0].value).text} for all ${occurrences.length} occurrences`, edits };
}

function where(occurrence: Occurrence): string {
  return occurrence.call.qname ? lastSegment(occurrence.call.qname) : occurrence.call.callee.text;
}

function check(context: RuleContext): void {
  for (const [group, found] of collect(context.index)) {
    // One call repeated by a loop or a function is one site; two different calls are two.
    const occurrences = found.filter((o, i) => found.findIndex((other) => other.call.node.startIndex === o.call.node.startIndex) === i);
    if (occurrences.length < 2) continue;
    const setting = settingOf(group);
    if (setting === 'seed' && isSeedingBlock(occurrences)) continue;
    const fix = extractFix(context, setting, occurrences);
    // One finding per duplicated setting, where it is first repeated, linked to every other
    // copy: a notebook with forty `random_state=42` has one debt, not thirty-nine.
    const [first, repeat] = occurrences;
    const value = stripParens(first.value).text;
    const others = occurrences.length - 2;
    const elsewhere = others > 0 ? ` and ${others} more time${others > 1 ? 's' : ''}` : '';
    context.report({
      node: repeat.value,
      message: setting === 'seed'
        ? `The seed ${value} is written again here (\`${repeat.shown}\`)${elsewhere}: change it in one place and the runs silently disagree`
        : `\`${setting}=${value}\` is written again here (in \`${where(repeat)}\`)${elsewhere}: change it in one place and the others silently keep the old value`,
      related: occurrences.filter((o) => o !== repeat).map((o) => ({ node: o.value, message: `${o === first ? 'first written' : 'also written'} as \`${o.shown}\` in \`${where(o)}\`` })),
      fix,
    });
  }
}

export const duplicatedConfigValue: Rule = {
  meta: {
    code: 'MLD603',
    name: 'duplicated-config-value',
    category: 'configuration-debt',
    severity: 'information',
    fix: { safety: 'safe', title: 'Extract one named constant for every occurrence' },
    docs: {
      summary: 'The same configuration literal is repeated across calls: one seed in `train_test_split`, the model and `np.random.seed`, `test_size=0.2` in two splits, one `batch_size` in the training and the evaluation loader.',
      why: 'Configuration debt (§6): the paper asks that configuration be hard to get wrong and easy to change. A value written in several places is one setting with several copies; the day someone tunes it they change one copy, and the runs silently disagree — a split that no longer matches the model\'s seed, an evaluation batch size or input length that no longer matches training.',
      example: 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)\nmodel = RandomForestClassifier(n_estimators=300, random_state=42)\nscores = cross_val_score(model, X_tr, y_tr, cv=KFold(5, shuffle=True, random_state=42))',
      fix: 'Name the setting once and use the name everywhere. The quick fix defines one module-level constant (`SEED`, `TEST_SIZE`, `BATCH_SIZE`...) before the first use — or reuses a constant that already holds the value under that name — and replaces every occurrence with it in one edit. It is safe: every call receives the same value as before.',
      fixed: 'SEED = 42\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)\nmodel = RandomForestClassifier(n_estimators=300, random_state=SEED)\nscores = cross_val_score(model, X_tr, y_tr, cv=KFold(5, shuffle=True, random_state=SEED))',
      nearMisses: 'Values that are already names (`random_state=SEED`), one occurrence, and different values are left alone. Model hyperparameters (`max_depth`, `learning_rate`, `n_estimators`...) count only when the same constructor or function repeats them: two different models that happen to share `max_depth=5` are two settings. `32` and `32.0` are different values. Flags and plumbing (`shuffle=True`, `n_jobs=-1`, `verbose=0`) are not configuration values. The first occurrence is where the value was chosen, so the one finding for a setting is on its first repeat, linked to every other copy; its fix replaces them all.',
    },
  },
  check,
};
