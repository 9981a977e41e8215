import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { enclosingFunction, enclosingLoops, isAncestorOf, rootIdentifier, stripParens } from '../semantics/nodes';
import { inLiteralDeadBranch } from '../semantics/literals';
import { MODEL_SAVE_CALLEES, isBuiltModel, modelSave, nonModelSaved, type ModelSave } from './shared/artifacts';
import { evaluationEvidence, isCriterion } from './shared/evaluation';
import { trainingOf } from './shared/models';
import { isTorchOptimizer } from '../semantics/torch';
import { bindingsOf, mayCallOwn, shortText } from './shared/objects';
import { fileKey } from './shared/runOrder';
import { mainOnlyTriesModule } from './shared/selfCheck';
import { drawnLibrary } from '../semantics/library/randomDraws';
import { VALUE_PRESERVING_METHODS } from '../semantics/library/torch';
import type { RelatedDescriptor, Rule, RuleContext, RuleListeners } from './types';
import type { Definition } from '../semantics/types';

/**
 * The model object behind what is saved: the one name a method is given (`model` in
 * `accelerator.unwrap_model(model)`, which hands back the model it wraps), else the object the
 * method is called on (`model` in `model.state_dict()`). A function of an imported module that
 * packs the model (`utils.get_training_state(generator_net, "DCGAN")`) is called on no model: the
 * model is the argument the file built, else the call itself is what is saved.
 */
function savedObject(index: SemanticIndex, saved: Node): Node {
  const node = stripParens(saved);
  if (node.type !== 'call') return node;
  const receiver = node.childForFieldName('function')?.childForFieldName('object');
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  const given = args.length === 1 && args[0]?.type === 'identifier' ? args[0] : undefined;
  if (receiver && given) return given;
  if (receiver?.type === 'identifier' && args.length > 0 && index.resolve(receiver.text, receiver).kind === 'import') {
    return args.find((arg) => arg?.type === 'identifier' && isBuiltModel(index, arg)) ?? node;
  }
  return receiver ?? node;
}

/**
 * The model a saved dictionary holds: the one object other than an optimizer whose `state_dict()`
 * it stores (`agent` in `{"model_weights": agent.state_dict(), "args": vars(args)}`), or the one
 * model the file built or trained that it keeps as itself, beside the feature names or the scaler
 * it ships with (`model` in `{"model": model, "features": cols}`), written inline or bound to a
 * name that is saved.
 */
function modelInDictionary(index: SemanticIndex, saved: Node): Node | undefined {
  const dictionary = index.valueOf(saved);
  if (dictionary.type !== 'dictionary') return undefined;
  const owners = dictionary.namedChildren.flatMap((pair) => {
    const value = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
    const call = value ? stripParens(value) : undefined;
    const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    const owner = callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'state_dict' ? callee.childForFieldName('object') : undefined;
    // The optimizer's state saved beside the weights (to resume) is not a model.
    if (owner) return isTorchOptimizer(index, owner) ? [] : [owner];
    return call && isBuiltModel(index, call) ? [call] : [];
  });
  return owners.length > 0 && owners.every((owner) => owner.text === owners[0].text) ? owners[0] : undefined;
}

const CHECKPOINT = /checkpoint|ckpt|snapshot|epoch/i;

/**
 * A checkpoint: saved inside the training loop (also by a helper that is only called there), or
 * to a path or from a function named for checkpoints. It is there to resume training, not to release the model. The path is read as the
 * file builds it, also where a name holds it (`target = out + "epoch%d.par" % epoch`, then `torch.save(state, target)`).
 */
function isCheckpoint(index: SemanticIndex, save: ModelSave): boolean {
  const node = save.call.node;
  if (enclosingLoops(node).length > 0 || CHECKPOINT.test(save.path.text)) return true;
  const built = index.dataflow.pathOf(save.path);
  if (CHECKPOINT.test(built.template) || built.holes.some((hole) => CHECKPOINT.test(hole))) return true;
  const fn = enclosingFunction(node);
  const name = fn?.childForFieldName('name')?.text ?? '';
  if (CHECKPOINT.test(name)) return true;
  // A helper of the file called only from inside loops (`save_model(net, ckpt_dir, epoch)` at the
  // end of each epoch) saves checkpoints as a save written in the loop itself would. A helper that
  // trains what it saves (`train_model(station)` in a loop over stations) saves each model it made.
  const callers = name && fn?.type === 'function_definition' && !trainsWithin(index, fn) ? index.calls.filter((call) => mayCallOwn(call, name)) : [];
  return callers.length > 0 && callers.every((call) => enclosingLoops(call.node).length > 0);
}

/** Optimizing steps: a function that takes them trains. */
const STEP_METHODS = new Set(['backward', 'step', 'minimize', 'apply_gradients']);

/** The function trains a model itself: a fit or training call, or an optimizing step. */
function trainsWithin(index: SemanticIndex, fn: Node): boolean {
  return index.dataflow.trainingCalls.some((training) => isAncestorOf(fn, training.call.node))
    || index.callsWithin(fn).some((call) => !!call.method && STEP_METHODS.has(call.method));
}

/**
 * A checkpoint to resume from: the file loads the saved file back and restores an optimizer from
 * what it loaded (`checkpoint = torch.load(PATH)` ... `opt.load_state_dict(checkpoint["optimizer_state_dict"])`),
 * to train on where the save left off.
 */
function resumedFrom(index: SemanticIndex, save: ModelSave): boolean {
  const flow = index.dataflow;
  const saved = fileKey(flow, save.path);
  return saved !== undefined && index.methodCalls('load_state_dict').some((restore) => {
    const root = restore.args[0] ? rootIdentifier(restore.args[0]) : undefined;
    const load = root ? index.originCall(root) : undefined;
    const path = load?.qname === 'torch.load' ? load.args[0] ?? load.kwargs.get('f') : undefined;
    return !!path && !!restore.receiver && fileKey(flow, path) === saved && isTorchOptimizer(index, restore.receiver);
  });
}

/**
 * A save that does not run: under `if False:` (a step the reader switches on by hand), or in a
 * function that nothing in the file calls (a helper kept for later, an agent's `save` method that
 * only the scripts importing it call: the `torch.save` inside it is no call of it).
 */
function neverRuns(index: SemanticIndex, save: ModelSave): boolean {
  if (inLiteralDeadBranch(save.call.node)) return true;
  const fn = enclosingFunction(save.call.node);
  const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  return !!name && !index.calls.some((call) => mayCallOwn(call, name));
}

/** `use` lies in what a model save writes: `base` in `base.save_pretrained(dir)`, in `torch.save(base.state_dict(), path)`. */
function inSavedObject(index: SemanticIndex, use: Node): boolean {
  for (let node = use.parent, depth = 0; node && depth < 6; node = node.parent, depth++) {
    const site = node.type === 'call' ? index.call(node) : undefined;
    const saved = site ? modelSave(index, site)?.model : undefined;
    if (saved && (saved.startIndex === use.startIndex || isAncestorOf(saved, use))) return true;
  }
  return false;
}

/**
 * A model the file loads ready-made and only saves again: every binding that reaches the save
 * reads a model through the I/O catalogue (`from_pretrained`, a checkpoint converted to a folder)
 * and nothing but model saves reads it. It is an export, also in a file that trains another model:
 * nothing was trained into it, so there is nothing to evaluate.
 */
function savedAsLoaded(index: SemanticIndex, save: ModelSave, answers: Map<Definition, boolean>): boolean {
  // A name only: an attribute (`pipe.unet`) may be a part the file trains.
  const object = save.model ? stripParens(savedObject(index, save.model)) : undefined;
  const bindings = object?.type === 'identifier' ? bindingsOf(index.dataflow, object) : [];
  return bindings.length > 0 && bindings.every((definition) => {
    // Remembered per binding: one name saved many times reads its uses once.
    let answer = answers.get(definition);
    if (answer === undefined) {
      const value = definition.value ? stripParens(definition.value) : undefined;
      const load = value?.type === 'call' ? index.dataflow.dataIOAt(value) : undefined;
      answer = load?.what === 'model' && load.direction === 'read' && index.dataflow.usesOf(definition).every((use) => inSavedObject(index, use.node));
      answers.set(definition, answer);
    }
    return answer;
  });
}

/** A value drawn at random from a library's global generator (`np.random.randint(0, 2, 200)`), converted or not (`.astype(float)`, `.cuda()`). */
function isDrawn(index: SemanticIndex, expression: Node): boolean {
  let value = index.valueOf(expression);
  for (let depth = 0; value.type === 'call' && depth < 8; depth++) {
    const call = index.call(value);
    if (call?.qname && drawnLibrary(call.qname)) return true;
    if (!call?.receiver || !VALUE_PRESERVING_METHODS.has(call.method ?? '')) return false;
    value = index.valueOf(call.receiver);
  }
  return false;
}

/** The first argument of the call that produced `output` (`x` in `model(x)`): the input a model's output comes from. */
function inputOf(index: SemanticIndex, output: Node | undefined): Node | undefined {
  return output ? index.originCall(output)?.args[0] : undefined;
}

/**
 * What a loss is computed from: the input of the model output its criterion is given and the
 * target it compares that output with, also through mixed-precision loss scaling, which only
 * multiplies the loss (`scaler.scale(loss)`, apex's `with amp.scale_loss(loss, opt) as scaled:`).
 */
function lossData(index: SemanticIndex, loss: Node, depth = 0): (Node | undefined)[] {
  if (depth > 4) return [undefined];
  const node = stripParens(loss);
  const binding = node.type === 'identifier' ? index.bindingAt(node) : undefined;
  if (binding?.kind === 'with' && binding.value) return lossData(index, binding.value, depth + 1);
  const call = index.originCall(node);
  if (!call) return [undefined];
  if (isCriterion(index, call)) return [inputOf(index, call.kwargs.get('input') ?? call.args[0]), call.kwargs.get('target') ?? call.args[1]];
  return /^scale(_loss)?$/.test(call.method ?? '') && call.args[0] ? lossData(index, call.args[0], depth + 1) : [undefined];
}

/**
 * Every training of the file fits inputs and targets that are each drawn at random: `fit(X, y)` of
 * `np.random.rand(200, 8)` and `np.random.randint(0, 2, 200)`, a loss between `model(torch.randn(...))`
 * and a `torch.randn` target. Targets drawn apart from the inputs hold no relation a model could learn
 * and held-out data show: such a model stands in for a real one (a serving demo, a test, a benchmark).
 * A target the input is made from (the noise a diffusion model predicts) is a relation, and still counts.
 */
function fitsOnlyDrawnData(index: SemanticIndex): boolean {
  const data = [
    ...index.dataflow.trainingCalls.flatMap(({ call }) => [call.kwargs.get('x') ?? call.kwargs.get('X') ?? call.args[0], call.kwargs.get('y') ?? call.args[1]]),
    // `loss.backward()`, or the loss handed to a wrapper's `backward(loss)` (Accelerate, an FP16 optimizer).
    ...index.methodCalls('backward').flatMap((backward) => {
      const loss = backward.args[0] ?? backward.receiver;
      return loss ? lossData(index, loss) : [undefined];
    }),
  ];
  return data.length > 0 && data.every((value) => !!value && isDrawn(index, value));
}

function listen(context: RuleContext): RuleListeners | undefined {
  const { index, doc } = context;
  if (!index.isEntryPoint) return;
  const saves: ModelSave[] = [];
  const loadedOnly = new Map<Definition, boolean>();
  return { callees: MODEL_SAVE_CALLEES, call(call) {
    const save = modelSave(index, call);
    if (save && !isCheckpoint(index, save) && !resumedFrom(index, save) && !neverRuns(index, save) && !nonModelSaved(index, save) && !savedAsLoaded(index, save, loadedOnly)) saves.push(save);
  }, finish() {
    if (saves.length === 0 || evaluationEvidence(index)) return;
    // A module whose `__main__` block only tries it out (`unittest.main()`) is still a module of
    // definitions: what its tests save is a fixture they load back, not a model to ship.
    if (mainOnlyTriesModule(index)) return;
    const flow = index.dataflow;
    // Only files that train: a script that converts or re-exports a model has nothing to evaluate.
    if (flow.trainingCalls.length === 0 && index.methodCalls('backward').length === 0) return;
    if (fitsOnlyDrawnData(index)) return;
    const where = doc.kind === 'notebook' ? 'notebook' : 'script';
    // One cause, one finding: the first model saved carries it, the other saves are linked.
    const [save, ...others] = saves;
    const what = describe(index, save);
    const path = index.dataflow.exactPathOf(save.path);
    const model = save.model ? modelInDictionary(index, save.model) ?? savedObject(index, save.model) : undefined;
    const trained = model ? trainingOf(flow, model)?.call.node : undefined;
    const related: RelatedDescriptor[] = trained ? [{ node: trained, message: `${what} is trained here` }] : [];
    for (const other of others) related.push({ node: other.call.node, message: `${describe(index, other)} is saved here too` });
    context.report({
      node: save.call.node,
      message: `${what} is saved${path ? ` to "${path.value}"` : ''}, but this ${where} computes no held-out metric for it (no metric, score, evaluate or validation call anywhere in it): the save is not gated on any measure of whether the model is fit to ship`,
      related,
    });
  } };
}

function describe(index: SemanticIndex, save: ModelSave): string {
  if (!save.model) return 'The model';
  // A dictionary of the model's weights and its settings: the model is what was trained and is not evaluated.
  const owner = modelInDictionary(index, save.model);
  if (owner) return `${shortText(owner)}, in ${stripParens(save.model).type === 'identifier' ? save.model.text : 'a dictionary'},`;
  // `trainer._save(dir)` / `trainer.save_model(dir)` write the trainer's model, not the trainer.
  const trainerSave = (save.call.method === '_save' || save.call.method === 'save_model') && /trainer$/i.test(save.model.text);
  return trainerSave ? `${shortText(save.model)}'s model` : shortText(savedObject(index, save.model));
}

export const modelSavedWithoutEvaluation: Rule = {
  meta: {
    code: 'MLD702',
    name: 'model-saved-without-evaluation',
    category: 'monitoring-and-testing',
    severity: 'warning',
    recommended: true,
    docs: {
      summary: 'A script or notebook trains a model and saves it (`joblib.dump`, `pickle.dump`, `torch.save`, `model.save`, `save_model`, `save_pretrained`) without evaluating it anywhere: no metric, no `score`, no `evaluate`, no validation data.',
      why: 'Monitoring and testing (§7): a model is released into a world that changes, and the first line of defence is measuring it on data it has not seen before it goes out. A training run that writes a model but computes no held-out metric ships whatever it produced — a regression, a bug in the features, a diverged run — and leaves nothing to compare the next version with or to alert on.',
      example: 'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\n\nmodel = RandomForestClassifier(random_state=0).fit(X_train, y_train)\njoblib.dump(model, "model.pkl")',
      fix: 'Evaluate before saving, on data held out from training: a metric from `sklearn.metrics` on a test split, `cross_val_score`, `model.evaluate(...)`, validation data given to the fit (`validation_data=`, `eval_set=`), or a validation loop. Record the result with the model (a metrics file next to it, or the model registry) so that the next version can be compared and a drop can fail the run.',
      fixed: 'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import roc_auc_score\n\nmodel = RandomForestClassifier(random_state=0).fit(X_train, y_train)\nprint("ROC-AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))\njoblib.dump(model, "model.pkl")',
      nearMisses: 'Any sign of evaluation anywhere in the file silences the rule: a call into `sklearn.metrics`, `torchmetrics`, Keras metrics, Hugging Face `evaluate` or any other library\'s `metrics` module (an uplift model\'s Qini curve from `causalml.metrics`, `sklift.metrics.uplift_at_k`, `sksurv.metrics.concordance_index_censored`: each library ships its measures there), or a score of generated text against reference texts (NLTK\'s `sentence_bleu`, `corpus_bleu` and `meteor_score`, sacreBLEU\'s `corpus_bleu`), which is how a captioning, translation or summarising model is measured; `cross_val_score` and friends or a hyperparameter search that cross-validates (scikit-learn\'s, also under the modules it kept them in before 0.18, `sklearn.grid_search.GridSearchCV` and `sklearn.cross_validation.cross_val_predict`, which old code still imports and which validate as `sklearn.model_selection`\'s do; scikit-optimize\'s `BayesSearchCV`, Optuna\'s `OptunaSearchCV`), counted where it is built, since it is built to cross-validate, also when the object fitted is not traced back to it (`(pipe if grid is None else GridSearchCV(pipe, grid)).fit(X, y)`, a search handed to a helper that fits it); a call named `score`, `evaluate`, `validate`, `test` (or `evaluate_model`, `compute_metrics`..., also behind the leading underscores of a helper private to its module, `_evaluate_agent(eval_env, 10, agent)`), a function of the file so named that a training engine runs on an event with no call by its name (ignite\'s `@trainer.on(Events.EPOCH_COMPLETED)` over `def validate(engine)`, or `engine.add_event_handler(event, evaluate_agent)`: the engine calls it as it trains, while one neither called nor registered runs nothing and does not count), or a call named for the metric it computes (`lda.perplexity(X)`; a Gaussian mixture\'s information criteria, `gmm.bic(X)` and `gmm.aic(X)`, which choose its number of components; a survival model\'s `concordance_index`; a function named for a metric and handed the truth and the predictions, `accuracy(y_test, pred)`, `f1(y_test, pred)` or `bleu(references, caption)` of a project\'s helpers, while `mse_loss` is a training loss), a call that draws learning curves (mlxtend\'s `plot_learning_curves`, a project\'s `learning_curves`), which score the model on held-out rows at each training size, a PyTorch model switched to evaluation mode (its `eval` method); a fitted k-means\' within-cluster sum of squares read from it (`km.inertia_`, what the elbow method plots for each number of clusters, the number its `score(X)` returns negated): a clustering has no labels to hold out, and that is the measure it is chosen by, while the number of iterations it ran (`n_iter_`) or an `inertia` setting of another algorithm (a particle swarm\'s weight) measures nothing; a model-analysis tool (the What-If Tool, TFMA, Deepchecks, Evidently, Yellowbrick); validation data passed to a fit or trainer (`validation_data`, `validation_split`, `eval_set`, `valid_sets`, `eval_dataset`, a tabular model\'s `fit(train=train, validation=val)`...; not `validation=None`), also under a keyword that names held-out data (`val_loader=`, `valid_dataset=`, `eval_dataloader=`) given to a trainer of any class, which is handed that data to evaluate on, and so by position too, handed beside the training data to a call named for training (`Trainer(train_dl, val_dl, model, epochs, opt, loss_fn)`, `fit(net, trainloader, validloader)`), which takes the held-out half only to evaluate on it, while the two given to any other call (`normalize(train_data, val_data)`) are only prepared, and a validation share (`val_size=0.2`) is a fraction, not data; a LightningModule with `validation_step`; a skorch net (`NeuralNetClassifier(Module)`, `NeuralNetRegressor`) left at its default `train_split`, or given one, which holds out a fold of what its `fit` is handed and scores it every epoch (`valid_loss`, and `valid_acc` for a classifier), while one built with `train_split=None` holds nothing out; a callback that watches a held-out result (`EarlyStopping(monitor="val_loss")`, `ModelCheckpoint(monitor="val_f1")`), which a trainer can only watch if its fit computes it, also when the validation step lives in another file; or a name bound to a held-out result (`val_loss`, `test_acc`, `evaluation_metrics` read back from an evaluation job, `accuracy`, `rmse`).\n\nPrinting a metric, or a loss, score or error of held-out data (`print("test accuracy", ...)`, `print(f"BLEU-4: {b4}")`, a captioning model\'s BLEU, METEOR, ROUGE or CIDEr, `print("Testing, epoch %d, loss %.4f" % ...)`; not a description of the data, `print("test data size", ...)`), or logging held-out data or its phase to a logger or tracker (`wandb.log({"val_loss": ...})`, `logger.info("Running validation...")`) and accuracy computed by hand (`(pred == y).mean()`, `pred.eq(y)`) count too. The rule cannot tell from one file which rows are held out, so any metric counts. Predictions of held-out rows only plotted or printed beside the truth (`plt.plot(y_test)` and `plt.plot(model.predict(X_test))`) are a look, not a measure: nothing is recorded to compare the next model with or to alert on, so they are still reported, with a message that says no held-out metric is computed, not that held-out data are never used.\n\nCheckpoints — saves inside the training loop (also by a helper of the file that is only ever called inside a loop and trains nothing itself, `save_model(net, ckpt_dir, epoch)` at the end of each epoch (a helper that trains the model it saves, `train_station(station_id)` in a loop over stations, releases each model it makes)), or to a path or from a function named for checkpoints, snapshots or epochs (the path as the file builds it, also through a name that holds it: `target = serial_path + "epoch%d_batch%d.par" % (epoch, batch)`, then `torch.save(state, target)`), or to a file the script reads back to resume (it loads the saved file and restores an optimizer\'s state from it, `checkpoint = torch.load(PATH)` then `opt.load_state_dict(checkpoint["optimizer_state_dict"])`, to train on where it left off) — are for resuming training and are left alone, as are saves that never run: in a function the file never calls (a library\'s function of the same name is not a call of it: the `torch.save` inside an agent\'s own `def save(self, path)`, or an `np.save` beside it, does not run that method, which only the scripts importing the agent call), or under a literal `if False:` / `if 0:` (an export step left switched off, as fine-tuning notebooks offer their merge and upload cells).\n\nFiles that train nothing (conversions, exports of a pretrained model; a file that only fits classes named for preparing data, `LSTMPreprocessor().fit(texts)` building a vocabulary, a `…Tokenizer`, `…Vectorizer`, `…Scaler`, `…Normalizer` or `…Imputer` of its project, which learn no model) and modules of definitions only (evaluation may live with their caller) are left alone — also one whose only top-level call registers environments with Gym or Gymnasium (`gym.register(id="GridWorld-v0", entry_point=...)`, `gym.register_envs(ale_py)`), which only names a class for a later `gym.make` and runs nothing —, and so is a module whose `__main__` block only tries it out — it runs the module\'s unit tests (`unittest.main()`, or a suite of the file\'s own test classes that it builds and runs, whose tests are not followed) or checks the shape of an output, and with the file\'s other functions and classes it names trains, scores and writes nothing (an image it writes after drawing boxes or text onto it, `cv2.rectangle` then `cv2.imwrite`, is a picture to look at): what its tests save (a model written to a temporary folder to test loading it back) is a fixture, not a release. A block that calls the file\'s own training function is a program, and its saves are still judged. A model fitted only to data drawn at random, inputs and targets each a draw of their own (`clf.fit(np.random.rand(200, 6), np.random.randint(0, 2, size=200))`, a loss between `net(torch.randn(32, 64))` and a `torch.randn` target, also through mixed-precision loss scaling, `scaler.scale(loss)` or apex\'s `amp.scale_loss`), is left alone too: targets drawn apart from the inputs hold no relation to learn, so no held-out data could show it fit; it stands in for a real model in a serving demo, a test or a benchmark. Targets worked out from drawn inputs (`y = X @ w + noise`, a synthetic task) or inputs made from a drawn target (the noise a diffusion model learns to predict) hold one, and are still judged. A model the file loads ready-made and only saves again is left alone too, also beside another model it trains: a base model cached as downloaded (`base = AutoModel.from_pretrained(name)`, then `base.save_pretrained("cache/base")`), a checkpoint file read with `from_single_file` or converted with diffusers\' `download_from_original_stable_diffusion_ckpt` and written out as a folder or a state dict. Every binding of the saved name is such a load and nothing but saves reads it, so nothing was trained into it to evaluate; a loaded model that anything else reads (fine-tuned, handed to a trainer or a loss) is still judged.\n\nOnly models count as what is shipped: a tokenizer, processor, feature extractor or config saved beside one, data (a frame, an array, the rows of a split such as `X_test`), a tensor taken out of a model (`torch.save(model.embedding.weight.data.cpu(), "embedding.pt")`: one parameter\'s values, a feature table for other models, which are evaluated where they use it) and a fitted preprocessor (a scaler, an encoder) are not models — also one a setting picks in branches (`scaler = StandardScaler()` in one, `scaler = MinMaxScaler()` in another), beside a placeholder `None` or a copy read back from an earlier run, which builds nothing; a name that one branch binds to a model may hold a model, and is still judged — while a Hugging Face `Trainer` saving its model (`trainer.save_model(dir)`, `trainer._save(dir)`) is. A class of the file built on scikit-learn\'s `TransformerMixin` that has no method to predict with (a preprocessing pipeline written by hand, whose `fit` fits its encoders and scalers) is such a preprocessor too, whatever it is named; one that also defines `predict` is a model. So is a pipeline whose last step is a preprocessor (`Pipeline(steps=[("rows", RowCleaner()), ("encode", FunctionTransformer(encode))])`, `make_pipeline(SimpleImputer(), StandardScaler())`, or a `"passthrough"` last step), whatever it is named: a pipeline predicts through its last step only, and one that ends in a model, or in a class that predicts, is a model. A last step of a class the file imports from its project is known by its name: one named for preparing data (`FeatureScaler`, `TextNormalizer`) is a preprocessor. An attribute of `self` saved in a method (`joblib.dump(self.pipeline, path)`) holds what the one assignment the file makes to an attribute of that name stored, when that assignment is in `__init__` of the same class (`self.pipeline = Pipeline([(\"power\", PowerTransformer()), (\"robust\", RobustScaler())])`): every instance keeps what its construction built, so it is judged as that value is, beside a placeholder `None` or a copy read back from a file stored in it elsewhere, which build nothing; an attribute set to anything else in another method, on another object, or by `setattr` may hold a model by the save, and is still judged. `joblib.dump`, like `pickle.dump`, writes any object, so it counts only for one that is known to be a model: built by a model class, fitted in the file, or named as one (`model`, `clf`, `pipeline`...), but not a variable or attribute whose own name says it only holds something about a model (`model_info`, a dictionary of the sizes the model is built with; `model_history`, `model_preds`): a record or data about a model is no model, while an entry taken out of a container (`runs["model"]`) still counts when its expression names a model; a Monte Carlo script that fits estimators inside each experiment and keeps its simulator object (`dgp = PanelDGP(...).create_instance(...)`) or an index array (`np.arange(...)`) beside its results saves no model.\n\nOne file gives one finding, on the first model saved, with the other saves linked. The message names the model, not what wraps it: the model `accelerator.unwrap_model(model)` hands back, the one whose weights a saved dictionary holds (`agent, in model_data,` for `model_data = {"model_weights": agent.state_dict(), "args": vars(args)}`), and the one model, built or trained in the file, that a saved dictionary keeps as itself beside what ships with it, the feature names or the scaler it was fitted with (`model, in a dictionary,` for `joblib.dump({"model": model, "features": cols}, p)`): the scaler is no model, and the dictionary only carries the model; a dictionary of two models names neither, and the message shows the dictionary; a function of an imported module that packs the model (`torch.save(utils.get_training_state(generator_net, "DCGAN"), path)`) is named by the model handed to it (`generator_net`), never by the module, whose name is no model, and by the call itself when no model the file built is among its arguments. A loss computed with gradients off (`with torch.no_grad(): err = criterion(model(x_probe), y_probe)`, or in a function decorated `@torch.no_grad()`) measures the model, for nothing can flow back from it into the weights: it is evaluation, whatever the names of its inputs and of what it prints, while gradients turned off only to draw samples, with the loss computed where they are on, still leave the model unmeasured. The message speaks of the file alone: a model that another script of the project evaluates after loading it is still reported, for nothing in this run gates the save on a measure, and the message says no more than that.',
      notebooks: 'A notebook is one program: a model saved in one cell and evaluated in any other cell is evaluated.',
    },
  },
  listen,
};
