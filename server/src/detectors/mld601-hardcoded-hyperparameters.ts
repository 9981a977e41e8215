import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { numberValue } from '../semantics/literals';
import { stripParens } from '../semantics/nodes';
import { freshName, insertBeforeTopLevelStatement, replaceNode, upperSnake } from './shared/edits';
import { lastSegment, packageOf } from './shared/libraries';
import { isModelCall, modelCallees } from './shared/modelConfig';
import { shortText } from './shared/objects';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';

/** Keyword arguments that are hyperparameters (not plumbing such as n_jobs or verbose). */
export const HYPERPARAMETER_KEYWORDS: ReadonlySet<string> = new Set([
  'lr', 'learning_rate', 'learning_rate_init', 'eta', 'n_estimators', 'num_boost_round', 'iterations', 'max_depth', 'depth',
  'epochs', 'num_epochs', 'max_epochs', 'num_train_epochs', 'batch_size', 'per_device_train_batch_size',
  'per_device_eval_batch_size', 'dropout', 'dropout_rate', 'C', 'alpha', 'l1_ratio', 'num_leaves', 'gamma',
  'min_samples_split', 'min_samples_leaf', 'max_features', 'subsample', 'colsample_bytree', 'colsample_bylevel',
  'reg_alpha', 'reg_lambda', 'lambda_l1', 'lambda_l2', 'min_child_weight', 'min_child_samples', 'momentum',
  'weight_decay', 'n_neighbors', 'max_iter', 'l2_leaf_reg', 'max_leaf_nodes', 'hidden_layer_sizes', 'n_clusters',
  'n_components', 'warmup_steps', 'warmup_ratio', 'beta_1', 'beta_2', 'betas', 'epsilon', 'degree', 'max_bin',
  'bagging_fraction', 'feature_fraction', 'min_split_gain', 'scale_pos_weight', 'label_smoothing', 'gradient_accumulation_steps',
]);

/** A literal hyperparameter value: a number, or a tuple/list of numbers (`hidden_layer_sizes=(64, 32)`). */
function isNumericLiteral(node: Node): boolean {
  const value = stripParens(node);
  if (numberValue(value) !== undefined) return true;
  if (value.type === 'tuple' || value.type === 'list') {
    const items = value.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    return items.length > 0 && items.every((item) => numberValue(item) !== undefined);
  }
  return false;
}

/**
 * Library classes that are themselves a named configuration record (`TrainingArguments`,
 * `Seq2SeqTrainingArguments`, `SFTConfig`, `LoraConfig`, `BertConfig`): the framework saves the
 * object with the run (`training_args.bin`, `config.json`) and logs it to the experiment
 * tracker, so its literals are already configuration in one reviewed, recorded place.
 */
const RECORDED_CONFIG = /^[A-Z]\w*(Arguments|Args|Config|Configuration)$/;

function isRecordedConfig(call: CallSite): boolean {
  return !!call.qname && !call.qname.startsWith('local:') && RECORDED_CONFIG.test(lastSegment(call.qname));
}

/** The dict's name for a call: one per class or method, found once per check (`names`) for the many calls of one model. */
function configName(index: SemanticIndex, call: CallSite, names: Map<string, string>): string {
  const base = call.qname ? lastSegment(call.qname) : call.method ?? 'model';
  let name = names.get(base);
  if (name === undefined) names.set(base, (name = freshName(index, `${upperSnake(base)}_PARAMS`)));
  return name;
}

/**
 * Moves the literal hyperparameters into a module-level dict. A one-line call becomes
 * `Model(other_args, **NAME)`; a call spread over lines (or with comments inside) keeps its layout
 * and reads each value as `NAME["key"]`.
 */
function extractFix(context: RuleContext, call: CallSite, literals: [string, Node][], names: Map<string, string>): FixDescriptor | undefined {
  const list = call.argumentList;
  if (!list || call.hasSplat) return undefined;
  const name = configName(context.index, call, names);
  const dict = `${name} = {${literals.map(([key, value]) => `${JSON.stringify(key)}: ${value.text}`).join(', ')}}`;
  const edits = [insertBeforeTopLevelStatement(context.doc, call.node, dict)];
  const children = list.namedChildren.filter((c): c is Node => !!c);
  const oneLine = list.startPosition.row === list.endPosition.row && !children.some((c) => c.type === 'comment');
  if (oneLine) {
    const extracted = new Set(literals.map(([key]) => call.keywordNodes.get(key)!.startIndex));
    const kept = children.filter((c) => !extracted.has(c.startIndex)).map((c) => c.text);
    edits.push(replaceNode(list, `(${[...kept, `**${name}`].join(', ')})`));
  } else {
    for (const [key, value] of literals) edits.push(replaceNode(value, `${name}[${JSON.stringify(key)}]`));
  }
  return { title: `Extract the hyperparameters into ${name}`, edits };
}

function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const names = new Map<string, string>();
  return { callees: modelCallees(index), call(call) {
    if (!isModelCall(index, call) || isRecordedConfig(call)) return;
    const literals: [string, Node][] = [];
    for (const [key, value] of call.kwargs) {
      if (HYPERPARAMETER_KEYWORDS.has(key) && isNumericLiteral(value)) literals.push([key, value]);
    }
    // `torch.optim.SGD(params, 0.01)`: the learning rate given by position.
    if (call.qname && packageOf(call.qname) === 'torch' && call.args[1] && !call.kwargs.has('lr') && numberValue(call.args[1]) !== undefined) {
      literals.push(['lr', call.args[1]]);
    }
    if (literals.length < 2) return;
    const positional = literals.some(([key, node]) => call.kwargs.get(key) !== node);
    const fix = positional ? undefined : extractFix(context, call, literals, names);
    // Name a method call by its receiver (`model.fit`), as the line spells it.
    const what = call.qname ? lastSegment(call.qname) : `${shortText(call.callee)}()`;
    context.report({
      node: call.callee,
      message: `\`${what}\` hard-codes ${literals.map(([key, value]) => `${key}=${value.text}`).join(', ')}: hyperparameters scattered as literals cannot be reviewed, compared between runs or tuned in one place`,
      ...(fix ? { fix } : {}),
    });
  } };
}

export const hardcodedHyperparameters: Rule = {
  meta: {
    code: 'MLD601',
    name: 'hardcoded-hyperparameters',
    category: 'configuration-debt',
    severity: 'information',
    recommended: false,
    fix: { safety: 'safe', title: 'Extract the hyperparameters into a named config' },
    docs: {
      summary: 'A model, optimizer or training call sets two or more hyperparameters as numeric literals (`n_estimators=500, max_depth=7`, `lr=3e-4, weight_decay=0.01`).',
      why: 'Configuration debt (§6): the paper asks that configuration be easy to see, to diff between two models, and to review like code. Hyperparameters written inline at the call are none of these: comparing two experiments means reading code, and a tuned value gets lost in the next edit.',
      example: 'from xgboost import XGBClassifier\n\nmodel = XGBClassifier(n_estimators=500, max_depth=7, learning_rate=0.05)',
      fix: 'Gather the values into one named configuration (a module-level dict, a dataclass, or a config file) that is reviewed and recorded with each run. The quick fix moves the literals into a dict named after the call (`XGB_CLASSIFIER_PARAMS`) defined just before the statement, and passes it as `**XGB_CLASSIFIER_PARAMS` (or as `XGB_CLASSIFIER_PARAMS["key"]` per argument when the call spans several lines). It is safe: the same values reach the same parameters.',
      fixed: 'from xgboost import XGBClassifier\n\nXGB_CLASSIFIER_PARAMS = {"n_estimators": 500, "max_depth": 7, "learning_rate": 0.05}\nmodel = XGBClassifier(**XGB_CLASSIFIER_PARAMS)',
      nearMisses: 'One literal alone is not flagged. Values read from a config object, arguments or constants (`lr=cfg.lr`, `max_depth=MAX_DEPTH`) are not literals. Plumbing arguments (`n_jobs`, `verbose`, `random_state`) are not hyperparameters. Calls that are not model, optimizer or trainer constructors (and `fit` outside Keras code) are ignored. A library object that is itself a named configuration record (`TrainingArguments`, `Seq2SeqTrainingArguments`, `SFTConfig`, `LoraConfig`: a class named `...Arguments`, `...Args` or `...Config`) is the one place the rule asks for: the framework saves it with the run and logs it to the tracker, so its literals are not scattered.',
    },
  },
  listen,
};
