// A rule that names its callees is offered only those calls, so a selection must cover every call
// the predicate it narrows accepts: a call the selection misses would be a finding lost silently.
// Each case runs the predicate over every call and checks that the selection delivers each call
// it accepts.
import { strict as assert } from 'node:assert';
import { analyzeDocument } from '../../server/src/analyze';
import { MODEL_SAVE_CALLEES, modelSave } from '../../server/src/detectors/shared/artifacts';
import { isModelCall, modelCallees } from '../../server/src/detectors/shared/modelConfig';
import { missingRandomState } from '../../server/src/detectors/mld802-missing-random-state';
import { isRandomCall, RANDOM_CALLS } from '../../server/src/detectors/mld801-unseeded-randomness';
import { GRADIENT_CALLEES, isGradientCall } from '../../server/src/detectors/mld905-missing-zero-grad';
import type { CalleeSelection, Rule, RuleContext } from '../../server/src/detectors/types';
import type { CallSite } from '../../server/src/semantics/types';
import { buildDocument } from '../../server/src/documents/source';
import { allRulesConfig, parser, py, sourceOf } from '../support/engine';

function listening(code: string, listen: Rule['listen']): Rule {
  return { meta: { ...missingRandomState.meta, code, name: `fake-${code}`, recommended: true }, listen };
}

/** The calls `accepts` takes among all calls, and those the selection delivers, as `line:text`. */
async function compare(code: string, selection: (context: RuleContext) => CalleeSelection, accepts: (context: RuleContext, call: CallSite) => boolean) {
  const accepted: string[] = [];
  const delivered: string[] = [];
  const key = (call: CallSite) => `${call.node.startPosition.row}:${call.callee.text}`;
  const rules = [
    listening('MLD990', (context) => ({ call(call) { if (accepts(context, call)) accepted.push(key(call)); } })),
    listening('MLD991', (context) => ({ callees: selection(context), call(call) { delivered.push(key(call)); } })),
  ];
  analyzeDocument(buildDocument(sourceOf(code)), allRulesConfig(), { parser: await parser(), rules, budgetMs: 60_000 });
  return { accepted, delivered };
}

describe('callee selections cover their predicates', () => {
  it("MLD905's GRADIENT_CALLEES delivers every backward pass, clearing and step it looks at, through any import form", async () => {
    const { accepted, delivered } = await compare(py`
      import torch
      from torch.autograd import backward
      from torch import autograd as ag
      opt = torch.optim.SGD(net.parameters(), lr=0.1)
      for x, y in loader:
          opt.zero_grad(set_to_none=True)
          for p in net.parameters():
              p.grad.zero_()
              p.grad.data.zero_()
          loss = loss_fn(net(x), y)
          loss.backward()
          backward(loss)
          ag.backward([loss])
          torch.autograd.backward(loss)
          scaler.step(opt)
          opt.step()
      print(loss.item())
    `, () => GRADIENT_CALLEES, (_context, call) => isGradientCall(call));
    assert.ok(accepted.length >= 9, `isGradientCall accepts the fixture's backward passes, clearings and steps: ${accepted.join(', ')}`);
    for (const call of accepted) assert.ok(delivered.includes(call), `${call} is delivered`);
    assert.ok(!delivered.some((call) => /:(print|loss_fn|net|loss\.item)$/.test(call)), `other calls are not: ${delivered.join(', ')}`);
  });

  it('MODEL_SAVE_CALLEES delivers every call modelSave accepts', async () => {
    const { accepted, delivered } = await compare(py`
      import joblib, pickle, torch
      import tensorflow as tf
      from tensorflow import keras
      from sklearn.ensemble import RandomForestClassifier
      model = RandomForestClassifier().fit(X, y)
      joblib.dump(model, "model.joblib")
      with open("model.pkl", "wb") as f:
          pickle.dump(model, f)
      torch.save(net.state_dict(), "net.pt")
      keras.models.save_model(kmodel, "k.keras")
      kmodel.save("k.h5")
      booster.save_model("b.json")
      trainer._save("out")
      bert.save_pretrained("bert-out")
      print(model.predict(X))
    `, () => MODEL_SAVE_CALLEES, (context, call) => !!modelSave(context.index, call));
    assert.ok(accepted.length >= 7, `modelSave accepts the saves of the fixture: ${accepted.join(', ')}`);
    for (const call of accepted) assert.ok(delivered.includes(call), `${call} is delivered`);
    assert.ok(!delivered.some((call) => call.endsWith(':print')), 'other calls are not');
  });

  it('modelCallees delivers every call isModelCall accepts, Keras fit where Keras is imported', async () => {
    const { accepted, delivered } = await compare(py`
      import torch
      import lightning as L
      import tensorflow as tf
      from sklearn.ensemble import RandomForestClassifier
      from xgboost import XGBClassifier
      from transformers import TrainingArguments
      rf = RandomForestClassifier(n_estimators=100, max_depth=4)
      xgb = XGBClassifier(learning_rate=0.1, max_depth=6)
      opt = torch.optim.Adam(net.parameters(), lr=1e-3)
      kopt = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
      args = TrainingArguments("out", learning_rate=2e-5, num_train_epochs=3)
      trainer = L.Trainer(max_epochs=5)
      model.fit(X, y, epochs=10, batch_size=32)
      print(rf)
    `, (context) => modelCallees(context.index), (context, call) => isModelCall(context.index, call));
    assert.ok(accepted.length >= 7, `isModelCall accepts the model calls of the fixture: ${accepted.join(', ')}`);
    for (const call of accepted) assert.ok(delivered.includes(call), `${call} is delivered`);
    assert.ok(!delivered.some((call) => call.endsWith(':print')), 'other calls are not');
  });

  it("MLD801's RANDOM_CALLS delivers every draw and generator constructor it judges, through any import form", async () => {
    const { accepted, delivered } = await compare(py`
      import random
      import numpy as np
      import torch
      import tensorflow as tf
      from numpy.random import default_rng, permutation as perm
      rng = default_rng()
      state = np.random.RandomState()
      r = random.Random()
      a = np.random.rand(3)
      b = perm(10)
      c = random.choice([1, 2])
      d = torch.randn(2, 2)
      e = tf.random.normal([2])
      f = np.random.default_rng(0).normal(size=3)
      print(torch.nn.Linear(2, 2), np.random.seed(0))
    `, () => RANDOM_CALLS, (_context, call) => isRandomCall(call));
    assert.ok(accepted.length >= 9, `the rule judges the draws and constructors of the fixture: ${accepted.join(', ')}`);
    for (const call of accepted) assert.ok(delivered.includes(call), `${call} is delivered`);
    assert.ok(!delivered.some((call) => /:(print|torch\.nn\.Linear|np\.random\.seed)$/.test(call)), 'other calls are not');
  });
});
