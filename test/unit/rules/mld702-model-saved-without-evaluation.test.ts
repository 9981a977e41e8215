import { modelSavedWithoutEvaluation } from '../../../server/src/detectors/mld702-model-saved-without-evaluation';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/**
 * A graph model trained epoch by epoch and saved after the loop: the pair of cases below differ
 * only in what runs at the end of each epoch (a held-out loss, or the training loss alone).
 */
function graphTraining({ before = '', afterEpoch }: { before?: string; afterEpoch: string }): string {
  return 'import torch\n' + before + py`
    for epoch in range(args.epochs):
        for g in gs:
            opt.zero_grad()
            loss, loss_den, loss_conn = model.compute_loss(model(g))
            loss.backward()
            opt.step()
  ` + afterEpoch + 'torch.save(model.state_dict(), args.model_filename)\n';
}

/** A tabular model split off a validation frame, fitted with `validation=` set to `validation`, and saved. */
function tabularFit(validation: string): string {
  return py`
    from sklearn.model_selection import train_test_split
    train, val = train_test_split(frame, test_size=0.2, random_state=0)
    model = TabularModel(data_config=data_cfg, model_config=model_cfg, trainer_config=trainer_cfg)
  ` + `model.fit(train=train, validation=${validation})\n` + py`
    preds = model.predict(holdout)
    model.save_model("saved/tabular_model")
  `;
}

/** `setup` (imports and loaders), then a hand-written loop over `train_dl` that trains `net`, which is saved. */
function loopOverTrainDl(setup: string): string {
  return setup + py`
    for x, y in train_dl:
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()
    torch.save(net.state_dict(), "weights/net.pth")
  `;
}

/** A policy trained on replay batches, then what the run keeps of it (`saves`, one statement a line). */
function policyRun(saves: string): string {
  return py`
    import pickle
    import joblib
    import torch
    import torch.nn as nn

    policy = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 4))
    opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
    for states, targets in replay_batches():
        opt.zero_grad()
        nn.functional.mse_loss(policy(states), targets).backward()
        opt.step()
    model_info = {"obs_dim": 8, "n_actions": 4}
  ` + saves;
}

/**
 * An actor-critic agent whose `save` method writes both networks with `torch.save`, tried out in
 * the `__main__` block by one update on a rollout; `tail` is what the block does last.
 */
function agentModule(tail: string): string {
  return py`
    import torch
    import torch.nn as nn

    class ActorCritic:
        def __init__(self, obs_dim, n_actions):
            self.actor = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, n_actions))
            self.critic = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, 1))
            self.opt = torch.optim.Adam([*self.actor.parameters(), *self.critic.parameters()], lr=7e-4)

        def update(self, states, actions, returns):
            values = self.critic(states).squeeze(-1)
            logp = torch.log_softmax(self.actor(states), -1).gather(1, actions[:, None]).squeeze(1)
            loss = -(logp * (returns - values.detach())).mean() + (returns - values).pow(2).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            return loss.item()

        def save(self, path):
            torch.save({"actor": self.actor.state_dict(), "critic": self.critic.state_dict()}, path)

    if __name__ == "__main__":
        agent = ActorCritic(4, 2)
        states, actions, returns = rollout_batch(agent)
        print("loss after one update:", agent.update(states, actions, returns))
  ` + tail;
}

/** A layer trained under mixed precision on one drawn batch against drawn targets, its weights saved per rank. */
const DRAWN_BATCH_AMP = py`
  import torch
  from torch import nn

  inputs = torch.randn(32, 64, device="cuda")
  targets = torch.randn(32, 8, device="cuda")
  net = nn.Linear(64, 8).cuda()
  opt = torch.optim.SGD(net.parameters(), lr=0.01)
  scaler = torch.cuda.amp.GradScaler()
  criterion = nn.MSELoss()
  for step in range(100):
      opt.zero_grad()
      with torch.autocast("cuda"):
          loss = criterion(net(inputs), targets)
      scaler.scale(loss).backward()
      scaler.step(opt)
      scaler.update()
  torch.save(net.state_dict(), f"rank{torch.distributed.get_rank()}_weights.pt")
`;

/** A trainer whose state is saved by a helper of the file, to a path it builds into a name first. */
/**
 * A face-embedding backbone trained in `main`, whose weights a helper of the file saves under a
 * plain name; `body` is the rest of `main`, where the training loop calls the helper.
 */
function savedByHelper(body: string): string {
  return py`
    import os
    import torch

    def save_weights(net, out_dir, tag):
        torch.save(net.state_dict(), os.path.join(out_dir, "backbone_" + str(tag) + ".pth"))

    def main():
        backbone = Backbone(50, embedding_size=512)
        head = ArcMarginProduct(512, 10572)
        opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=0.1)
  ` + body.replace(/^(?=.)/gm, '    ') + 'main()\n';
}

const STATE_SAVED_BY_HELPER = py`
  import torch


  def save_state(out_dir, epoch, batch, model, optim):
      target = out_dir + "epoch%d_batch%d.par" % (epoch, batch)
      torch.save({"model": model.state_dict(), "optim": optim.state_dict(), "epoch": epoch}, target)


  def train(model, optim, loader, out_dir, epochs):
      for epoch in range(epochs):
          for batch, (x, y) in enumerate(loader):
              optim.zero_grad()
              torch.nn.functional.cross_entropy(model(x), y).backward()
              optim.step()
          save_state(out_dir, epoch + 1, 0, model, optim)


  train(net, opt, train_loader, "runs/", 10)
`;

/**
 * A Lightning script whose LightningModule and data module are imported from the project's own
 * files: `setup` names what the callbacks watch, `callbacks` is the list handed to the trainer.
 */
function lightningRun(setup: string, callbacks: string): string {
  return py`
    import pytorch_lightning as pl
    from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint
    from project.data import InvoiceDataModule
    from project.model import TaggerModule
  ` + setup + `trainer = pl.Trainer(max_epochs=10, callbacks=${callbacks})
` + py`
    module = TaggerModule(num_labels=9)
    trainer.fit(module, datamodule=InvoiceDataModule("data/", batch_size=4))
    module.model.save_pretrained("tagger_final")
  `;
}

/** An epoch loop in savedByHelper's main that saves through the helper at the end of each epoch. */
const EPOCH_LOOP = py`
  for epoch in range(1, 25):
      for images, labels in loader:
          loss = criterion(head(backbone(images), labels), labels)
          opt.zero_grad()
          loss.backward()
          opt.step()
      save_weights(backbone, "runs", epoch)
`;

/** A Keras caption model (image features + partial caption -> next word) fitted and saved; `evaluation` follows the save. */
function captionModel(imports: string, evaluation: string): string {
  return imports + py`
    from tensorflow.keras.models import Model
    from tensorflow.keras.layers import Input, Dense, LSTM, Embedding, add
    from nltk.tokenize import word_tokenize

    tokens = [word_tokenize(c.lower()) for c in captions]
    img = Input(shape=(2048,))
    seq = Input(shape=(max_len,))
    merged = add([Dense(256, activation="relu")(img), LSTM(256)(Embedding(vocab_size, 256)(seq))])
    model = Model(inputs=[img, seq], outputs=Dense(vocab_size, activation="softmax")(merged))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit([X_img, X_seq], y_next, epochs=20, batch_size=64)
    model.save("caption_model.h5")
  ` + evaluation;
}

/**
 * An ignite training script that trains a DQN and saves it, where `HANDLERS` is what it attaches to
 * the engine (lines between the engine's construction and its run).
 */
const igniteDqn = (handlers: string): string => py`
  import torch
  from ignite.engine import Engine, Events

  net = DQN(obs_size, n_actions)
  optimizer = torch.optim.Adam(net.parameters(), lr=1e-4)

  def process_batch(engine, batch):
      optimizer.zero_grad()
      loss = calc_loss(batch, net)
      loss.backward()
      optimizer.step()
      return {"loss": loss.item()}

  engine = Engine(process_batch)
` + handlers + py`
  engine.run(batch_generator(buffer))
  torch.save(net.state_dict(), "dqn.dat")
`;

ruleTests(modelSavedWithoutEvaluation, {
  valid: [
    {
      name: 'a skorch net left at its default train_split holds out a fold and scores it every epoch before it is saved',
      code: py`
        import torch
        from skorch import NeuralNetClassifier

        X, y = load_rows("train.parquet")
        model = NeuralNetClassifier(TabularMLP, max_epochs=20, lr=0.05)
        model.fit(X, y)
        torch.save(model, "mlp.pt")
      `,
    },
    {
      name: 'a skorch regressor given its own validation split, its module weights saved',
      code: py`
        import torch
        from skorch import NeuralNetRegressor
        from skorch.dataset import ValidSplit

        reg = NeuralNetRegressor(PriceNet, max_epochs=50, train_split=ValidSplit(0.15))
        reg.fit(X_train, y_train)
        torch.save(reg.module_.state_dict(), "price_net.pt")
      `,
    },
    {
      name: 'an agent evaluated by a helper private to the notebook (`_evaluate_agent`, `__evaluate`) before it is saved and pushed',
      code: [
        'import torch\n',
        'for update in range(updates):\n    loss = agent.loss(batch())\n    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()\n',
        'def _evaluate_agent(env, episodes, policy):\n    return sum(play(env, policy) for _ in range(episodes)) / episodes\n',
        'mean_reward = _evaluate_agent(eval_env, 10, agent)\ntorch.save(agent.state_dict(), "model.pt")\n',
      ],
    },
    {
      name: 'a validation handler the engine runs on an event, decorated with its `on(...)` beside no_grad and never called by name',
      code: igniteDqn(py`
        @engine.on(Events.ITERATION_COMPLETED(every=100))
        @torch.no_grad()
        def validate(engine):
            reward = play_episodes(val_env, net, count=5)
            engine.state.metrics["val_reward"] = reward
      `),
    },
    {
      name: 'an evaluation handler handed by name to the engine\'s add_event_handler',
      code: igniteDqn(py`
        def evaluate_agent(engine):
            engine.state.metrics["mean_return"] = play_episodes(eval_env, net, count=10)

        engine.add_event_handler(Events.EPOCH_COMPLETED, evaluate_agent)
      `),
    },
    {
      name: 'a k-means fitted for each number of clusters, its inertia kept for the elbow curve, the chosen one saved',
      code: py`
        import joblib
        from sklearn.cluster import KMeans
        elbow = []
        for k in range(1, 11):
            km = KMeans(n_clusters=k, random_state=42, n_init=10)
            km.fit(X_scaled)
            elbow.append({"k": k, "wcss": float(km.inertia_)})
        kmeans = KMeans(n_clusters=5, random_state=42, n_init=10)
        segments = kmeans.fit_predict(X_scaled)
        joblib.dump(kmeans, "models/kmeans_model.pkl")
      `,
    },
    {
      name: 'notebook: the final k-means printed with its within-cluster sum of squares in one cell, pickled in the next',
      code: [
        'from sklearn.cluster import KMeans\nmodel = KMeans(n_clusters=4, n_init="auto").fit(rfm_scaled)\nprint("WCSS:", model.inertia_)\n',
        'import pickle\nwith open("kmeans.pkl", "wb") as f:\n    pickle.dump(model, f)\n',
      ],
    },
    {
      name: 'a Gaussian mixture whose number of components is chosen by BIC, then saved',
      code: py`
        import joblib
        from sklearn.mixture import GaussianMixture
        bics = [GaussianMixture(n_components=n, random_state=0).fit(X).bic(X) for n in range(2, 9)]
        gmm = GaussianMixture(n_components=2 + int(np.argmin(bics)), random_state=0).fit(X)
        joblib.dump(gmm, "gmm.joblib")
      `,
    },
    // Libraries outside the four metric modules keep their measures in a `metrics` module too; survival models rank by concordance.
    ...([
      ['a T-learner whose Qini curve causalml plots', 'from causalml.metrics import plot_qini', 'plot_qini(uplift, treatment, outcome)'],
      ['a T-learner scored by scikit-uplift at the top 30%', 'import sklift.metrics', 'print(sklift.metrics.uplift_at_k(outcome, uplift, treatment, strategy="overall", k=0.3))'],
      ['a survival forest ranked by scikit-survival\'s concordance index', 'from sksurv.metrics import concordance_index_censored', 'c = concordance_index_censored(events, times, uplift)[0]'],
      ['a Cox-style model ranked by lifelines\' concordance index', 'from lifelines.utils import concordance_index', 'c_val = concordance_index(times, -uplift, events)'],
    ] as const).map(([how, imports, measure]) => ({
      name: `${how}, then saved`,
      code: `import joblib\nfrom sklearn.ensemble import RandomForestClassifier\n${imports}\n` + py`
        model_t = RandomForestClassifier(n_estimators=100, random_state=42).fit(X[T == 1], y[T == 1])
        model_c = RandomForestClassifier(n_estimators=100, random_state=42).fit(X[T == 0], y[T == 0])
        uplift = model_t.predict_proba(X)[:, 1] - model_c.predict_proba(X)[:, 1]
      ` + `${measure}\n` + 'joblib.dump((model_t, model_c), "uplift_model.pkl")\n',
    })),
    {
      name: 'a caption model scored by NLTK\'s sentence_bleu against the reference captions of validation images',
      code: captionModel('from nltk.translate.bleu_score import sentence_bleu, SmoothingFunction\n', py`
        total = 0.0
        for i in range(100):
            caption = predict_caption(model, val_features[i]).split()
            total += sentence_bleu(val_refs[i], caption, weights=(0.5, 0.5, 0, 0), smoothing_function=SmoothingFunction().method1)
        mean_b2 = total / 100
      `),
    },
    // Text-generation scores of a caption model: through the nltk module, NLTK's GLEU, sacreBLEU, a project's helper.
    ...([
      ['corpus_bleu through the nltk module', 'import nltk', 'b4 = nltk.translate.bleu_score.corpus_bleu(test_refs, hyps)'],
      ['NLTK\'s corpus GLEU', 'from nltk.translate.gleu_score import corpus_gleu', 'g = corpus_gleu(test_refs, hyps)'],
      ['sacreBLEU', 'import sacrebleu', 'result = sacrebleu.corpus_bleu([" ".join(h) for h in hyps], [test_refs])'],
      ['a project helper named for BLEU', 'from metrics import bleu', 'b = bleu(test_refs, hyps)'],
    ] as const).map(([how, imports, score]) => ({
      name: `a caption model scored by ${how}, handed the references and the generated captions`,
      code: captionModel(`${imports}\n`, `hyps = [generate(model, f) for f in test_features]\n${score}\n`),
    })),
    {
      name: 'a caption model\'s METEOR score computed by hand and printed',
      code: captionModel('', py`
        m = sum(pair_meteor(r, generate(model, f)) for r, f in zip(test_refs, test_features)) / len(test_refs)
        print(f"METEOR: {m:.3f}")
      `),
    },
    {
      name: 'project helpers named for the metric they compute, handed the held-out truth and the predictions (after the save too)',
      code: py`
        import joblib
        from xgboost import XGBClassifier
        from helpers import *

        model = XGBClassifier(random_state=0).fit(X_train, y_train)
        joblib.dump(model, "models/xgb.joblib")
        pred = model.predict(X_test)
        accuracy(y_test, pred)
        recall(y_test, pred)
      `,
    },
    {
      name: 'mlxtend\'s learning curves, which score the model on the test rows at each training size',
      code: py`
        import joblib
        from mlxtend.plotting import plot_learning_curves
        from sklearn.tree import DecisionTreeClassifier

        tree = DecisionTreeClassifier(max_depth=6, random_state=3).fit(X_train, y_train)
        joblib.dump(tree, "tree.sav")
        plot_learning_curves(X_train, y_train, X_test, y_test, tree, scoring="misclassification error")
      `,
    },
    {
      name: 'a project helper that draws learning curves of the model on held-out rows',
      code: py`
        import joblib
        from sklearn.ensemble import RandomForestClassifier
        from plots import learning_curves

        forest = RandomForestClassifier(n_estimators=50, random_state=10).fit(X_train, y_train)
        joblib.dump(forest, "forest.sav")
        fig = learning_curves(X_train, y_train, X_test, y_test, forest, title="Random forest")
        fig.savefig("forest_learning.png")
      `,
    },
    {
      name: 'a save helper of the file called only at the end of each epoch keeps checkpoints',
      code: savedByHelper(EPOCH_LOOP),
    },
    {
      name: 'a save helper called every few steps of a while loop over batches',
      code: savedByHelper(py`
            step = 0
            while step < max_steps:
                images, labels = next(batches)
                loss = criterion(head(backbone(images), labels), labels)
                opt.zero_grad()
                loss.backward()
                opt.step()
                step += 1
                if step % 1000 == 0:
                    save_weights(backbone, "runs", step)
      `),
    },
    {
      name: 'a trainer method that saves, called only from the epoch loop of another method',
      code: py`
        import torch

        class Trainer:
            def __init__(self, net, opt, out):
                self.net, self.opt, self.out = net, opt, out

            def dump(self, tag):
                torch.save(self.net.state_dict(), f"{self.out}/siamese_{tag}.pt")

            def fit(self, loader, epochs):
                for epoch in range(epochs):
                    for a, b, same in loader:
                        loss = contrastive(self.net(a), self.net(b), same)
                        self.opt.zero_grad()
                        loss.backward()
                        self.opt.step()
                    self.dump(epoch)

        Trainer(SiameseNet(), opt, "out").fit(pairs, 30)
      `,
    },
    {
      name: 'Lightning: the best checkpoint by a validation F1 is reloaded and exported; the validation step lives in another file',
      code: lightningRun('best = ModelCheckpoint(monitor="val_f1", mode="max", save_top_k=1)\n', '[best]') + py`
        module = TaggerModule.load_from_checkpoint(best.best_model_path)
        module.model.save_pretrained("tagger_best")
      `,
    },
    {
      name: 'Lightning: early stopping on a validation loss logged under a slash name, held in a constant',
      code: lightningRun('WATCHED = "val/loss"\n', '[EarlyStopping(monitor=WATCHED, patience=3)]'),
    },
    {
      name: 'Lightning: a checkpoint callback watching a held-out accuracy, built inline in the trainer',
      code: lightningRun('', '[ModelCheckpoint(dirpath="ckpt", monitor="valid_acc", mode="max")]'),
    },
    {
      name: 'a training state saved by a helper of the file to a path named for its epoch, built into a name first',
      code: STATE_SAVED_BY_HELPER,
    },
    {
      name: 'a checkpoint path built with an f-string into a name, then saved to',
      code: STATE_SAVED_BY_HELPER.replace('target = out_dir + "epoch%d_batch%d.par" % (epoch, batch)', 'target = f"{out_dir}/snapshot_{epoch:03d}.pt"'),
    },
    {
      name: 'notebook: held-out predictions plotted beside the truth and measured by an error metric',
      code: [
        'import matplotlib.pyplot as plt\nfrom keras.models import Sequential\nfrom keras.layers import Dense, LSTM\nfrom sklearn.metrics import mean_absolute_error\n',
        'net = Sequential([LSTM(32, input_shape=(window, 1)), Dense(1)])\nnet.compile(loss="mse", optimizer="adam")\nnet.fit(windows_train, next_train, epochs=20)\nnet.save("prices.h5")\n',
        'forecast = net.predict(windows_test)\nplt.plot(next_test, label="actual")\nplt.plot(forecast, label="forecast")\nprint(mean_absolute_error(next_test, forecast))\n',
      ],
    },
    {
      name: 'a classifier fitted to drawn features and labels only to be served in a demo: nothing to learn, nothing to evaluate',
      code: py`
        import joblib
        import numpy as np
        from sklearn.ensemble import GradientBoostingClassifier

        features = np.random.rand(200, 6)
        labels = np.random.randint(0, 2, size=200).astype(float)
        clf = GradientBoostingClassifier(n_estimators=10)
        clf.fit(features, labels)
        joblib.dump(clf, "serving/model.joblib")
      `,
    },
    { name: 'a layer trained under loss scaling on a drawn batch against drawn targets, saved for a comparison across ranks', code: DRAWN_BATCH_AMP },
    {
      name: 'the same through apex\'s amp.scale_loss context, the criterion applied inline',
      code: DRAWN_BATCH_AMP.replace('scaler.scale(loss).backward()', 'with amp.scale_loss(loss, opt) as scaled_loss:\n        scaled_loss.backward()')
        .replace('from torch import nn\n', 'from torch import nn\nfrom apex import amp\n')
        .replace('loss = criterion(net(inputs), targets)', 'loss = nn.functional.mse_loss(net(inputs), targets)'),
    },
    {
      name: 'a Monte Carlo script that fits estimators inside each experiment and keeps its simulator and index array, not a model',
      code: py`
        import os
        import joblib
        import numpy as np
        from sklearn.linear_model import Lasso
        from panel_simulation import PanelSimulator


        def experiment(i, simulator, inds):
            X, y = simulator.draw(500, seed=i)
            return Lasso(alpha=0.05).fit(X[:, inds], y).coef_


        def run(n_exps, n_x):
            inds = np.arange(n_x // 2, n_x)
            joblib.dump(inds, os.path.join("results", "inds.jbl"))
            simulator = PanelSimulator(n_x).create_instance(0.5, random_seed=123)
            joblib.dump(simulator, os.path.join("results", "simulator.jbl"))
            results = np.array([experiment(i, simulator, inds) for i in range(n_exps)])
            joblib.dump(results, os.path.join("results", "coefs.jbl"))


        if __name__ == "__main__":
            run(100, 20)
      `,
    },
    {
      name: 'a tabular model fitted with a validation frame, which it scores with its configured metrics every epoch, before it is saved',
      code: tabularFit('val'),
    },
    {
      name: 'a project trainer built with a validation loader by keyword (val_loader=), which its fit evaluates on every epoch, before the model is saved',
      code: py`
        import torch
        from training.trainer import Trainer

        trainer = Trainer(model=net, train_loader=train_dl, val_loader=val_dl, optimizer=opt)
        history = trainer.fit(num_epochs=30)
        torch.save(net.state_dict(), "weights/net.pth")
      `,
    },
    {
      name: 'a project trainer handed the validation loader by position, beside the training loader (Trainer(train_dl, val_dl, ...)), before the model is saved',
      code: py`
        import torch
        from trainer import Trainer

        net = SpoofNet()
        trainer = Trainer(train_dl, val_dl, net, 5, opt, loss_fn)
        trainer.fit()
        torch.save(net.state_dict(), "weights/spoof_net.pth")
      `,
    },
    {
      name: 'a project trainer built with both loaders by position, named without underscores (trainloader, validloader), before the network is saved',
      code: py`
        import torch
        from engine import Trainer

        net = build_detector()
        trainer = Trainer(net, trainloader, validloader, opt)
        trainer.fit(20)
        torch.save(net.state_dict(), "weights/detector.pt")
      `,
    },
    {
      name: 'a Lightning fit handed its training and validation loaders by position (trainer.fit(system, train_loader, val_loader)) before the weights are saved',
      code: py`
        import torch
        import pytorch_lightning as pl

        system = LivenessSystem(backbone="resnet18")
        trainer = pl.Trainer(max_epochs=10)
        trainer.fit(system, train_loader, val_loader)
        torch.save(system.model.state_dict(), "weights/liveness.pt")
      `,
    },
    {
      name: 'a backbone-plus-SVM wrapper fitted with a validation loader (valid_loader=) before its SVM is pickled',
      code: py`
        import joblib
        from features import BackboneSVM

        head = BackboneSVM(backbone)
        head.fit(train_loader=train_dl, valid_loader=valid_dl)
        joblib.dump(head.svm, "weights/svm.pkl")
      `,
    },
    {
      name: 'a project training loop handed held-out batches (eval_dataloader=) before the network is saved',
      code: py`
        import torch
        from loops import fit_epochs

        fit_epochs(net, train_dl, eval_dataloader=holdout_dl, epochs=5)
        torch.save(net, "weights/net.pt")
      `,
    },
    {
      name: 'a scikit-optimize search cross-validates every candidate before the best one is saved',
      code: py`
        from catboost import CatBoostClassifier
        from skopt import BayesSearchCV
        from sklearn.model_selection import GroupShuffleSplit
        tuner = BayesSearchCV(CatBoostClassifier(verbose=0), {"depth": (2, 10)}, scoring="roc_auc", cv=GroupShuffleSplit(n_splits=4), n_iter=20)
        result = tuner.fit(X, labels)
        result.best_estimator_.save_model("best_catboost.cbm")
      `,
    },
    {
      name: 'a fine-tuning notebook whose save and merge steps are all switched off with a literal if False',
      code: [
        'from transformers import Trainer, TrainingArguments\ntrainer = Trainer(model=model, train_dataset=dataset, args=TrainingArguments(output_dir="outputs"))\ntrainer_stats = trainer.train()\n',
        'if False:\n    model.save_pretrained("lora_model")\n    tokenizer.save_pretrained("lora_model")\n',
        'if 0: model.save_pretrained_merged("model_16bit", tokenizer, save_method="merged_16bit")\nif True:\n    print("kept in memory")\nelse:\n    model.save_pretrained("lora_model")\n',
      ],
    },
    {
      name: 'a search from scikit-learn\'s pre-0.18 grid_search module, fitted and saved: it cross-validates as model_selection\'s does',
      code: py`
        import joblib
        from sklearn import ensemble, grid_search
        def fit_and_save(params, X, y, path):
            forest = ensemble.ExtraTreesClassifier(random_state=0)
            search = grid_search.GridSearchCV(forest, params, verbose=2)
            search.fit(X, y)
            joblib.dump(search, path)
        fit_and_save({"max_depth": [4, 8]}, X, y, "trees.pkl")
      `,
    },
    {
      name: 'a randomized search imported by name from the old grid_search module, its best model saved',
      code: py`
        import pickle
        from sklearn.grid_search import RandomizedSearchCV
        from sklearn.svm import SVC
        tuner = RandomizedSearchCV(SVC(), {"C": [0.1, 1, 10]}, n_iter=3, random_state=1)
        tuner.fit(features, labels)
        with open("svc.pkl", "wb") as fh:
            pickle.dump(tuner.best_estimator_, fh)
      `,
    },
    {
      name: 'a cross-validated score from the old cross_validation module before the model is saved',
      code: py`
        import joblib
        from sklearn.cross_validation import cross_val_score
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression(C=0.5)
        folds = cross_val_score(clf, X, y, cv=5)
        clf.fit(X, y)
        joblib.dump(clf, "logit.joblib")
      `,
    },
    {
      name: 'learning curves from the old learning_curve module before the model is saved',
      code: py`
        import joblib
        from sklearn import learning_curve
        from sklearn.tree import DecisionTreeRegressor
        reg = DecisionTreeRegressor(max_depth=5, random_state=0)
        sizes, train_sc, valid_sc = learning_curve.learning_curve(reg, X, y, cv=4)
        reg.fit(X, y)
        joblib.dump(reg, "tree.joblib")
      `,
    },
    {
      name: 'out-of-fold predictions from the old cross_validation module before the stacked model is saved',
      code: py`
        import joblib
        from sklearn import cross_validation
        from sklearn.linear_model import Ridge
        base = Ridge(alpha=2.0)
        oof = cross_validation.cross_val_predict(base, X, y, cv=5)
        stacker = Ridge(alpha=1.0).fit(np.column_stack([X, oof]), y)
        joblib.dump(stacker, "stacker.joblib")
      `,
    },
    {
      name: 'a search built in one arm of a conditional whose result is fitted and its best model saved',
      code: py`
        import joblib
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import Pipeline
        pipe = Pipeline([("scale", scaler), ("reg", Ridge())])
        searcher = (pipe if grid is None else GridSearchCV(pipe, grid, cv=4)).fit(X, y)
        joblib.dump(searcher if grid is None else searcher.best_estimator_, "ridge.pkl")
      `,
    },
    {
      name: 'a search built by a factory chosen from a mapping, fitted, and its best model saved',
      code: py`
        import joblib
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
        factories = {"grid": lambda est: GridSearchCV(est, grid), "random": lambda est: RandomizedSearchCV(est, grid)}
        tuner = factories[args.strategy](booster)
        tuner.fit(train_X, train_y)
        joblib.dump(tuner.best_estimator_, "booster.joblib")
      `,
    },
    {
      name: 'a search handed to a helper that fits it, whose model is then saved',
      code: py`
        import joblib
        from sklearn.model_selection import HalvingGridSearchCV
        def train(estimator):
            return estimator.fit(X, y)
        model = train(HalvingGridSearchCV(forest, {"max_depth": [3, 5]}))
        joblib.dump(model, "forest.joblib")
      `,
    },
    {
      name: 'a metric on the test split before saving',
      code: py`
        import joblib
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import roc_auc_score
        model = RandomForestClassifier(random_state=0).fit(X_train, y_train)
        print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
        joblib.dump(model, "model.joblib")
      `,
    },
    {
      name: 'notebook: saved in one cell, evaluated in a later cell',
      code: [
        'import joblib\nfrom sklearn.linear_model import Ridge\nmodel = Ridge().fit(X_train, y_train)\n',
        'joblib.dump(model, "ridge.joblib")\n',
        'print("R2 on held-out data:", model.score(X_test, y_test))\n',
      ],
    },
    {
      name: 'Keras fit with validation data',
      code: py`
        from tensorflow import keras
        model = keras.Sequential([keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=5, validation_split=0.2)
        model.save("model.keras")
      `,
    },
    {
      name: 'a PyTorch training loop with a validation function and a checkpoint in the loop',
      code: py`
        import torch
        for epoch in range(10):
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            torch.save(model.state_dict(), f"ckpt_{epoch}.pt")
        val_loss = evaluate(model, val_loader)
        torch.save(model.state_dict(), "final.pt")
      `,
    },
    {
      name: 'a PyTorch checkpoint inside the training loop only',
      code: py`
        import torch
        for epoch in range(10):
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            torch.save(model.state_dict(), "latest.pt")
      `,
    },
    {
      name: 'a pretrained model exported without training',
      code: py`
        from transformers import AutoModel
        model = AutoModel.from_pretrained("bert-base-uncased", revision="main")
        model.save_pretrained("export/bert")
      `,
    },
    {
      name: 'a module of definitions (evaluated by its caller)',
      code: py`
        import joblib
        from sklearn.linear_model import LogisticRegression
        def train_and_save(X, y, path):
            model = LogisticRegression().fit(X, y)
            joblib.dump(model, path)
      `,
    },
    {
      name: 'an agent module whose only top-level call registers the Atari environments with Gymnasium is still a module of definitions',
      code: py`
        import gymnasium as gym
        import ale_py
        import torch
        from PIL import Image

        gym.register_envs(ale_py)


        class BreakoutAgent:
            def __init__(self, net, optimizer, checkpoint_dir):
                self.net, self.optimizer, self.checkpoint_dir = net, optimizer, checkpoint_dir

            def learn(self, batches):
                for step, (states, targets) in enumerate(batches):
                    loss = torch.nn.functional.smooth_l1_loss(self.net(states), targets)
                    self.optimizer.zero_grad()
                    loss.backward()
                    self.optimizer.step()
                    if step % 1000 == 0:
                        self.save(self.checkpoint_dir)

            def save(self, folder):
                torch.save(self.net.state_dict(), folder + "/q_net.pt")

            def write_gif(self, frames, name):
                images = [Image.fromarray(f) for f in frames]
                images[0].save(name, save_all=True, append_images=images[1:])
      `,
    },
    {
      name: 'a custom environment module that registers its environment by entry point and defines a trainer is still a module of definitions',
      code: py`
        import numpy as np
        import torch
        from gymnasium import Env, spaces
        from gymnasium.envs.registration import register


        class GridWorld(Env):
            def __init__(self, size=8):
                self.size = size
                self.action_space = spaces.Discrete(4)
                self.observation_space = spaces.Box(0, size - 1, shape=(2,), dtype=np.int64)


        register(id="GridWorld-v0", entry_point="grid_env:GridWorld", max_episode_steps=200)


        def train_policy(policy, rollouts, out_path, lr=3e-4):
            opt = torch.optim.Adam(policy.parameters(), lr=lr)
            for obs, returns in rollouts:
                loss = -(policy(obs).log_prob * returns).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
            save_policy(policy, out_path)


        def save_policy(policy, path):
            torch.save(policy.state_dict(), path)
      `,
    },
    {
      name: 'a unit-test module whose __main__ block only runs its tests: models saved to test loading them back',
      code: py`
        import os
        import tempfile
        import unittest

        import joblib
        import numpy as np
        from sklearn.ensemble import IsolationForest


        def _fitted_forest(seed=0):
            rows = np.random.RandomState(seed).normal(size=(40, 3))
            return IsolationForest(n_estimators=3, random_state=seed).fit(rows), rows


        def _write_legacy(model, path):
            legacy = {"format": 1, "estimator": model}
            joblib.dump(legacy, path)
            return path


        class TestLegacyLoad(unittest.TestCase):
            def setUp(self):
                self.folder = tempfile.mkdtemp()

            def test_reads_version_one(self):
                model, rows = _fitted_forest()
                path = _write_legacy(model, os.path.join(self.folder, "old.joblib"))
                restored = joblib.load(path)["estimator"]
                np.testing.assert_allclose(restored.decision_function(rows), model.decision_function(rows))


        if __name__ == "__main__":
            unittest.main(verbosity=2)
      `,
    },
    {
      name: 'accuracy computed by hand and printed',
      code: py`
        import torch
        model.train()
        loss = criterion(model(x), y)
        loss.backward()
        print("test error:", 1.0 - model(x_te).argmax(1).eq(y_te).float().mean().item())
        torch.save(model.state_dict(), "mnist.pt")
      `,
    },
    {
      name: 'xgb.train watching a validation set passed by position',
      code: py`
        import xgboost as xgb
        dtrain = xgb.DMatrix(X_train, label=y_train)
        dvalid = xgb.DMatrix(X_valid, label=y_valid)
        booster = xgb.train(params, dtrain, 200, [(dvalid, "valid")])
        booster.save_model("booster.json")
      `,
    },
    {
      name: 'an agent module: its save method wraps torch.save, and the __main__ block that tries one update never calls it',
      code: agentModule(''),
    },
    {
      name: 'a module-level save helper nothing calls, beside np.save of the losses: NumPy\'s save is no call of it',
      code: py`
        import numpy as np
        import torch

        def save(net, path):
            torch.save(net.state_dict(), path)

        losses = []
        for states, targets in batches:
            opt.zero_grad()
            loss = torch.nn.functional.smooth_l1_loss(q_net(states), targets)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        np.save("losses.npy", np.array(losses))
      `,
    },
    {
      name: 'a dump method of a bandit learner that only pickle.dump calls by name; the script fits and prints',
      code: py`
        import pickle
        from sklearn.linear_model import SGDRegressor

        class ArmModels:
            def __init__(self, n_arms):
                self.models = [SGDRegressor() for _ in range(n_arms)]

            def dump(self, path):
                with open(path, "wb") as f:
                    pickle.dump(self.models, f)

        arms = ArmModels(3)
        for arm, X, y in logged_rewards:
            arms.models[arm].partial_fit(X, y)
        print("fitted", len(arms.models), "arms")
      `,
    },
    {
      name: 'notebook: a save in a helper method that nothing calls',
      code: [
        'import torch\nclass Trainer:\n    def save_weights(self, model):\n        torch.save(model, "nn.pt")\n',
        'model.train()\nloss_fn(model(x), y).backward()\n',
      ],
    },
    {
      name: 'notebook: pickled, then examined on test examples with the What-If Tool',
      code: [
        'import pickle\nfrom sklearn.ensemble import GradientBoostingClassifier\nfrom witwidget.notebook.visualization import WitWidget, WitConfigBuilder\nclf = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)\n',
        'with open("clf.pkl", "wb") as out:\n    pickle.dump(clf, out)\n',
        'builder = WitConfigBuilder(X_test.tolist(), COLUMNS).set_target_feature("label")\nWitWidget(builder, height=600)\n',
      ],
    },
    {
      name: 'not a model: a tokenizer and a processor saved after training',
      code: py`
        from transformers import AutoTokenizer, AutoProcessor, Trainer
        tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased", revision="main")
        trainer = Trainer(model=model, train_dataset=train_ds)
        trainer.train()
        tokenizer.save_pretrained("out")
        image_processor.save_pretrained("out")
      `,
    },
    {
      name: 'not a model: a scaler picked by a setting in each branch, after a placeholder None and a cached copy read back, fitted and written out by a program',
      code: py`
        import os
        import joblib
        from sklearn.preprocessing import MaxAbsScaler, QuantileTransformer, StandardScaler

        def scale_features(values, cut, kind="standard", cache=None):
            transform = None
            if cache and os.path.exists(cache):
                transform = joblib.load(cache)
            if transform is None:
                if kind == "quantile":
                    transform = QuantileTransformer(n_quantiles=50)
                elif kind == "maxabs":
                    transform = MaxAbsScaler()
                else:
                    transform = StandardScaler()
                transform.fit(values[:cut])
                if cache:
                    joblib.dump(transform, cache)
            return transform.transform(values)

        if __name__ == "__main__":
            scaled = scale_features(load_readings(), 500, cache="artifacts/transform.joblib")
            print(scaled.shape)
      `,
    },
    {
      name: 'not a model: a preprocessing pipeline written by hand on TransformerMixin, fitted on the training rows and written out',
      code: py`
        import joblib
        from sklearn.base import BaseEstimator, TransformerMixin
        from sklearn.preprocessing import OneHotEncoder, StandardScaler

        class FeaturePrep(BaseEstimator, TransformerMixin):
            def __init__(self):
                self.encoder_ = OneHotEncoder(handle_unknown="ignore")
                self.scaler_ = StandardScaler()

            def fit(self, X, y=None):
                self.encoder_.fit(X[CATEGORICAL])
                self.scaler_.fit(X[NUMERIC])
                return self

            def transform(self, X):
                return combine(self.encoder_.transform(X[CATEGORICAL]), self.scaler_.transform(X[NUMERIC]))

        prep = FeaturePrep()
        X_train_ready = prep.fit_transform(X_train)
        joblib.dump(prep, "artifacts/prep.joblib")
      `,
    },
    {
      name: 'not a model: pipelines that end in a transformer (a hand-written row step then a FunctionTransformer, an imputer then a scaler, a "passthrough" end), fitted and written out',
      code: py`
        import joblib
        import pickle
        from sklearn.base import BaseEstimator, TransformerMixin
        from sklearn.impute import SimpleImputer
        from sklearn.pipeline import Pipeline, make_pipeline
        from sklearn.preprocessing import FunctionTransformer, StandardScaler

        class RowCleaner(BaseEstimator, TransformerMixin):
            def fit(self, X, y=None):
                return self

            def transform(self, X):
                return X.apply(clean_row, axis=1)

        full_pipeline = Pipeline(steps=[
            ("rows", RowCleaner()),
            ("encode", FunctionTransformer(encode_columns)),
        ])
        full_pipeline.fit(raw)
        joblib.dump(full_pipeline, "pkl/preprocessing.pkl")

        numeric_pipeline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler()).fit(raw[NUMERIC])
        with open("pkl/numeric.pkl", "wb") as f:
            pickle.dump(numeric_pipeline, f)

        steps = [("impute", SimpleImputer()), ("keep", "passthrough")]
        prep_pipeline = Pipeline(steps)
        prep_pipeline.fit(raw[NUMERIC])
        joblib.dump(prep_pipeline, "pkl/prep.pkl")
      `,
    },
    {
      name: 'not a model: a preprocessing pipeline stored once in __init__ (`self.pipeline = Pipeline([...])`) and written out by another method, also one ending in a scaler class of the project and reset to None or to a copy read back elsewhere',
      code: py`
        import joblib
        from pathlib import Path
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import PowerTransformer, RobustScaler
        from src.components.cleaning import RowCleaner
        from src.components.scaling import FeatureScaler

        class NumericScaling:
            def __init__(self, columns):
                self.columns = columns
                self.pipeline = Pipeline([("power", PowerTransformer()), ("robust", RobustScaler())])

            def fit_transform(self, X):
                out = self.pipeline.fit_transform(X[self.columns])
                self.save_pipeline()
                return out

            def save_pipeline(self, path="artifacts/scaler.joblib"):
                joblib.dump(self.pipeline, Path(path))

        class Preprocessor:
            def __init__(self):
                self.pipe = Pipeline([("cleaner", RowCleaner()), ("scaler", FeatureScaler())])

            def fit(self, X):
                self.pipe.fit(X)
                joblib.dump(self.pipe, "artifacts/preprocessor.joblib")
                return self

            def load(self):
                loaded = joblib.load("artifacts/preprocessor.joblib")
                self.pipe = loaded

            def reset(self):
                self.pipe = None

        if __name__ == "__main__":
            frame = load_frame()
            NumericScaling(NUMERIC).fit_transform(frame)
            Preprocessor().fit(frame)
      `,
    },
    {
      name: 'a file that only fits classes named for preparing data (a vocabulary, a tokenizer, a scaler of the project) trains nothing: what it saves is left alone',
      code: py`
        import os
        import pickle
        import torch
        from src.data.preprocessing import LSTMPreprocessor, TextTokenizer, FeatureScaler

        lstm_preprocessor = LSTMPreprocessor(max_vocab_size=20000)
        word_to_idx = lstm_preprocessor.fit(tokenized_texts)
        tokenizer = TextTokenizer(lowercase=True)
        tokenizer.fit(train_df["text"])
        scaler = FeatureScaler().fit(train_df[NUMERIC])
        encoded = tokenizer.transform(train_df["text"])
        torch.save({"input_ids": encoded, "labels": torch.tensor(train_df["label"].values)}, os.path.join(OUT_DIR, "processed.pt"))
        with open("artifacts/vocab.pkl", "wb") as f:
            pickle.dump(word_to_idx, f)
      `,
    },
    {
      name: 'not a model: a transformer derived from a transformer base of the file, fitted and written out',
      code: py`
        import joblib
        from sklearn.base import BaseEstimator, TransformerMixin

        class ColumnStep(BaseEstimator, TransformerMixin):
            def fit(self, X, y=None):
                return self

        class RareLevelMerger(ColumnStep):
            def __init__(self, min_count=20):
                self.min_count = min_count

            def fit(self, X, y=None):
                self.levels_ = {c: keep_frequent(X[c], self.min_count) for c in X.columns}
                return self

            def transform(self, X):
                return merge_rare(X, self.levels_)

        merger = RareLevelMerger(min_count=50)
        merger.fit(customers)
        joblib.dump(merger, "artifacts/merger.joblib")
      `,
    },
    {
      name: 'not a model: the rows of a split, a frame and a fitted scaler written out',
      code: py`
        import joblib
        import pickle
        import pandas as pd
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("data.csv")
        X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="y"), df.y, random_state=0)
        scaler = StandardScaler().fit(X_train)
        LogisticRegression().fit(scaler.transform(X_train), y_train)
        joblib.dump(X_test, "x_test.pkl")
        joblib.dump(scaler, "scaler.pkl")
        with open("frame.pkl", "wb") as f:
            pickle.dump(df, f)
      `,
    },
    {
      name: 'not a model: what a training run records about its model (its input sizes, its predictions, its training history), under names in which "model" only says whose they are',
      code: policyRun(py`
        with open("models/model_info.pkl", "wb") as f:
            pickle.dump(model_info, f)
        model_preds = policy(probe_states).detach().numpy()
        joblib.dump(model_preds, "models/probe_preds.joblib")
        torch.save(tracker.model_history, "models/history.pt")
      `),
    },
    {
      name: 'a held-out loss computed each epoch and printed as the testing phase, before the final save',
      code: graphTraining({
        afterEpoch: [
          '    all_test_loss_den, all_test_loss_conn = 0, 0',
          '    with torch.no_grad():',
          '        for g in test_gs:',
          '            loss, loss_den, loss_conn = model.compute_loss(model(g))',
          '            all_test_loss_den += loss_den',
          '            all_test_loss_conn += loss_conn',
          '    print("Testing, epoch: %d, loss_den: %.6f, loss_conn: %.6f" % (epoch, all_test_loss_den, all_test_loss_conn))\n',
        ].join('\n'),
      }),
    },
    {
      name: 'notebook: a model trained and saved, then judged by an evaluation pipeline whose metrics it reads back',
      code: [
        'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\nclassifier = RandomForestClassifier(random_state=0)\nclassifier.fit(train_features, train_labels)\njoblib.dump(classifier, "model.joblib")\n',
        'job.run()\nfor task in job.task_details:\n    if "model-evaluation" in task.task_name:\n        evaluation_metrics = task.outputs.get("evaluation_metrics").artifacts[0]\nprint(evaluation_metrics)\n',
      ],
    },
    {
      name: 'a loss computed with gradients off on fixed probe inputs, printed under words that name neither held-out data nor a metric, before the save',
      code: py`
        import argparse
        import torch
        from torch import nn
        parser = argparse.ArgumentParser()
        parser.add_argument("--checkpoint_path")
        parser.add_argument("--output_path")
        opt = parser.parse_args()
        generator = torch.load(opt.checkpoint_path)
        probe_steps = series_data.sample_steps(500)
        probe = torch.cat((torch.randn(500, 24, 16), probe_steps), dim=2)
        criterion = nn.MSELoss()
        optimizer = torch.optim.Adam(generator.parameters(), lr=1e-4)
        for _ in range(50):
            optimizer.zero_grad()
            steps = series_data.sample_steps(64)
            series = generator(torch.cat((torch.randn(64, 24, 16), steps), dim=2))
            criterion(series[:, -1] - series[:, 0], steps[:, 0]).backward()
            optimizer.step()
        with torch.no_grad():
            series = generator(probe)
            drift = criterion(series[:, -1] - series[:, 0], probe_steps[:, 0])
        print("Drift after tuning:", drift.item())
        torch.save(generator, opt.output_path)
      `,
    },
    {
      name: 'a loss function called in a function decorated to run with gradients off, before the model is saved',
      code: py`
        import torch
        import torch.nn.functional as F
        @torch.no_grad()
        def check(net, batch):
            x, y = batch
            return F.l1_loss(net(x), y).item()
        for x, y in loader:
            opt.zero_grad()
            F.l1_loss(net(x), y).backward()
            opt.step()
        print(check(net, probe_batch))
        torch.save(net.state_dict(), "net.pt")
      `,
    },
    {
      name: 'a held-out result printed with the builtin print, as the rule\'s page says',
      code: py`
        import torch
        for epoch in range(3):
            loss = model(x).sum()
            loss.backward()
            opt.step()
        print("test accuracy", compute(model, test_x))
        torch.save(model.state_dict(), "m.pt")
      `,
    },
    {
      name: 'a trained embedding table saved as features for other models: a tensor taken out of the model, not the model',
      code: py`
        import torch
        from torch import nn
        class SkipGram(nn.Module):
            def __init__(self, n, dim):
                super().__init__()
                self.embedding = nn.Embedding(n, dim)
                self.proj = nn.Linear(dim, n)
        model = SkipGram(num_nodes, 64)
        opt = torch.optim.Adam(model.parameters(), lr=0.01)
        for ctx, target in walks:
            opt.zero_grad()
            loss_fn(model.proj(model.embedding(ctx)), target).backward()
            opt.step()
        torch.save(model.embedding.weight.data.cpu(), "node_features.pt")
        torch.save(model.proj.bias.detach().to("cpu"), "proj_bias.pt")
      `,
    },
    {
      name: 'a checkpoint saved after the epochs and read back at the start to resume: weights and optimizer state restored',
      code: py`
        import torch


        def run(net, loader, rounds_done, epochs):
            opt = torch.optim.Adam(net.parameters(), lr=1e-3)
            STATE = "state.pt"
            if rounds_done > 0:
                state = torch.load(STATE, weights_only=False)
                net.load_state_dict(state["net"])
                opt.load_state_dict(state["opt"])
            for epoch in range(epochs):
                for x, y in loader:
                    opt.zero_grad()
                    torch.nn.functional.cross_entropy(net(x), y).backward()
                    opt.step()
            torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "round": rounds_done + 1}, STATE)


        run(model, train_loader, args.rounds_done, epochs=2)
      `,
    },
    {
      name: 'a topic model fitted, measured by its perplexity, and saved',
      code: py`
        import torch
        from topics import TopicModel
        model = TopicModel(n_words=vocab_size, n_topics=20)
        model.fit(doc_graph)
        print("held-out bound:", model.perplexity(held_out_graph))
        torch.save(model.state_dict(), "topics.pt")
      `,
    },
    {
      name: 'notebook: a single-file base checkpoint converted to a pipeline folder and saved untouched, then a LoRA trained and saved only inside its loop',
      code: [
        'from diffusers.pipelines.stable_diffusion.convert_from_ckpt import download_from_original_stable_diffusion_ckpt\nbase = download_from_original_stable_diffusion_ckpt("weights/base.safetensors", "v1-inference.yaml", from_safetensors=True)\nbase.save_pretrained("converted_base")\n',
        'import torch\nfor step, batch in enumerate(loader):\n    loss = lora_loss(unet, batch)\n    loss.backward()\n    opt.step()\n    if step % 500 == 0:\n        torch.save(lora_layers.state_dict(), f"lora/step_{step}.pt")\n',
      ],
    },
    {
      name: 'a base model cached to a local folder as it was downloaded, beside an adapter trained and saved per epoch',
      code: py`
        import torch
        from transformers import AutoModelForCausalLM

        base = AutoModelForCausalLM.from_pretrained("gpt2")
        base.save_pretrained("cache/gpt2-base")
        for epoch in range(3):
            for batch in loader:
                loss = adapter_loss(adapter, batch)
                loss.backward()
                opt.step()
            torch.save(adapter.state_dict(), f"adapters/epoch_{epoch}.pt")
      `,
    },
    {
      name: 'a VAE read from one checkpoint file and its weights written again as a state dict, beside a training loop that keeps checkpoints',
      code: py`
        import torch
        from diffusers import AutoencoderKL

        vae = AutoencoderKL.from_single_file("weights/vae-ft-mse.safetensors")
        torch.save(vae.state_dict(), "vae_weights.pt")
        for step, batch in enumerate(loader):
            loss = denoise_loss(unet, batch)
            loss.backward()
            opt.step()
            torch.save(unet.state_dict(), "checkpoints/unet_last.pt")
      `,
    },
  ],
  invalid: [
    {
      name: 'a skorch net told to hold nothing out (`train_split=None`), then saved',
      code: py`
        import torch
        from skorch import NeuralNetClassifier

        X, y = load_rows("train.parquet")
        model = NeuralNetClassifier(TabularMLP, max_epochs=20, lr=0.05, train_split=None)
        model.fit(X, y)
        torch.save(model, "mlp.pt")
      `,
      findings: [{ line: 7, message: /^model is saved to "mlp\.pt", but this script computes no held-out metric for it/ }],
      noFix: true,
    },
    {
      name: 'a helper private to the notebook named for training or recording, not for evaluating (`_train_agent`, `_record_video`)',
      code: [
        'import torch\n',
        'def _train_agent(agent, steps):\n    for _ in range(steps):\n        loss = agent.loss(batch())\n        optimizer.zero_grad()\n        loss.backward()\n        optimizer.step()\n',
        '_train_agent(agent, 1000)\n_record_video(env, agent, "replay.mp4")\ntorch.save(agent.state_dict(), "model.pt")\n',
      ],
      findings: [{ cell: 2, line: 3, message: /^agent is saved to "model\.pt", but this notebook computes no held-out metric for it/ }],
    },
    {
      name: 'a T-learner whose uplift scores are only sorted and drawn with pyplot, then saved: a library\'s other modules measure nothing',
      code: py`
        import joblib
        import matplotlib.pyplot as plt
        from causalml.inference.meta import BaseTClassifier
        from sklearn.ensemble import RandomForestClassifier
        model_t = RandomForestClassifier(n_estimators=100, random_state=42).fit(X[T == 1], y[T == 1])
        model_c = RandomForestClassifier(n_estimators=100, random_state=42).fit(X[T == 0], y[T == 0])
        uplift = model_t.predict_proba(X)[:, 1] - model_c.predict_proba(X)[:, 1]
        plt.plot(np.sort(uplift)[::-1])
        plt.savefig("sorted_uplift.png")
        learner = BaseTClassifier(learner=RandomForestClassifier(random_state=42))
        joblib.dump((model_t, model_c), "uplift_model.pkl")
      `,
      findings: [{ line: 11, message: /^\(model_t, model_c\) is saved to "uplift_model\.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'gradients off only to draw samples, the loss computed with them on: still no measure of the model',
      code: py`
        import torch
        from torch import nn
        bce = nn.BCELoss()
        for real in loader:
            opt_d.zero_grad()
            fake = generator(torch.randn(len(real), 64))
            loss = bce(critic(real), ones) + bce(critic(fake.detach()), zeros)
            loss.backward()
            opt_d.step()
            with torch.no_grad():
                preview = generator(fixed_z)
        torch.save(generator.state_dict(), "generator.pt")
      `,
      findings: [{ line: 12, message: /^generator is saved to "generator\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a model packed by a function of an imported module: the message names the model handed to it, not the module',
      code: py`
        import torch
        from torch import nn
        import helpers
        class Generator(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Linear(64, 784)
            def forward(self, z):
                return self.body(z)
        generator_net = Generator()
        opt = torch.optim.Adam(generator_net.parameters())
        for z in batches:
            opt.zero_grad()
            critic(generator_net(z)).mean().backward()
            opt.step()
        torch.save(helpers.training_state(generator_net, "vanilla"), "generator_final.pth")
      `,
      findings: [{ line: 16, message: /^generator_net is saved to "generator_final\.pth", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a function of an imported module handed no model the file built: the message names the call that is saved',
      code: py`
        import torch
        import helpers
        for z in batches:
            opt.zero_grad()
            critic(generator(z)).mean().backward()
            opt.step()
        torch.save(helpers.training_state(generator, "vanilla"), "generator_final.pth")
      `,
      findings: [{ line: 7, message: /^helpers\.training_state\(generator, .* is saved to "generator_final\.pth", but/ }],
    },
    {
      name: 'handlers the engine runs that only log the training loss or sync the target net; a validate function neither registered nor called',
      code: igniteDqn(py`
        @engine.on(Events.ITERATION_COMPLETED(every=100))
        def log_training(engine):
            print(engine.state.iteration, engine.state.output["loss"])

        def sync_target(engine):
            tgt_net.load_state_dict(net.state_dict())

        engine.add_event_handler(Events.EPOCH_COMPLETED, sync_target)

        def validate(engine):
            return play_episodes(val_env, net, count=5)
      `),
      findings: [{ line: 27, message: /^net is saved to "dqn\.dat", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a model from the old cross_validation module\'s train_test_split, fitted on the training part and saved with no score',
      code: py`
        import joblib
        from sklearn.cross_validation import train_test_split
        from sklearn.ensemble import ExtraTreesClassifier
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=3)
        model = ExtraTreesClassifier(random_state=0).fit(X_tr, y_tr)
        joblib.dump(model, "trees.pkl")
      `,
      findings: [{ line: 6, message: /^model is saved to "trees\.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'an old grid_search module imported but only its parameter grid expanded, the model fitted once and saved',
      code: py`
        import joblib
        from sklearn.grid_search import ParameterGrid
        from sklearn.ensemble import ExtraTreesClassifier
        settings = list(ParameterGrid({"max_depth": [4, 8]}))[0]
        model = ExtraTreesClassifier(random_state=0, **settings).fit(X, y)
        joblib.dump(model, "trees.pkl")
      `,
      findings: [{ line: 6, message: /^model is saved to "trees\.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a k-means saved after reading only how many iterations it ran: no measure of the clustering',
      code: py`
        import joblib
        from sklearn.cluster import KMeans
        kmeans = KMeans(n_clusters=5, random_state=42, n_init=10).fit(X_scaled)
        print("converged after", kmeans.n_iter_, "iterations")
        joblib.dump(kmeans, "models/kmeans_model.pkl")
      `,
      findings: [{ line: 5, message: /^kmeans is saved to "models\/kmeans_model\.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a particle swarm\'s inertia weight set beside a k-means that is saved: a setting, not a measure',
      code: py`
        import joblib
        from sklearn.cluster import KMeans
        swarm = ParticleSwarm(n_particles=30, inertia=0.7)
        swarm.inertia = 0.5
        kmeans = KMeans(n_clusters=5, init=swarm.best_centroids(X), n_init=1).fit(X)
        joblib.dump(kmeans, "kmeans.joblib")
      `,
      findings: [{ line: 6, message: /^kmeans is saved to "kmeans\.joblib", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'an inertia_ only written onto the model, never read: no measure',
      code: py`
        import joblib
        from sklearn.cluster import KMeans
        kmeans = KMeans(n_clusters=5).fit(X)
        kmeans.inertia_ = None
        joblib.dump(kmeans, "kmeans.joblib")
      `,
      findings: [{ line: 5, message: /^kmeans is saved to "kmeans\.joblib", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a caption model trained with NLTK only tokenizing its captions, and a generated caption printed: no metric',
      code: captionModel('from nltk.translate.bleu_score import SmoothingFunction\n', py`
        smooth = SmoothingFunction().method1
        print("Generated caption:", " ".join(generate(model, test_features[0])))
      `),
      findings: [{ line: 13, message: /^model is saved to "caption_model\.h5", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a caption model whose BLEU weights are only bound, and generated captions only shown',
      code: captionModel('', py`
        bleu_weights = (0.25, 0.25, 0.25, 0.25)
        for f in test_features[:5]:
            print(generate(model, f))
      `),
      findings: [{ line: 12, message: /^model is saved to "caption_model\.h5", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a project class that is not named for preparing data, fitted beside a preprocessor, is a model: judged',
      code: py`
        import torch
        from src.data.preprocessing import LSTMPreprocessor
        from src.models import SentimentClassifier

        vocab = LSTMPreprocessor(max_vocab_size=20000).fit(tokenized_texts)
        clf = SentimentClassifier(vocab_size=len(vocab))
        clf.fit(encode(tokenized_texts, vocab), labels)
        torch.save(clf.state_dict(), "models/sentiment.pt")
      `,
      findings: [{ line: 8, message: /^clf is saved to "models\/sentiment\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'an attribute of self whose __init__ builds a model pipeline, or that another method sets again, may hold a model: judged',
      code: py`
        import joblib
        from sklearn.linear_model import Ridge
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import StandardScaler

        class FareModel:
            def __init__(self):
                self.pipeline = Pipeline([("scale", StandardScaler()), ("ridge", Ridge())])

            def fit(self, X, y):
                self.pipeline.fit(X, y)
                joblib.dump(self.pipeline, "models/fare.joblib")

        class DemandModel:
            def __init__(self):
                self.steps = Pipeline([("scale", StandardScaler())])

            def use_regressor(self):
                self.steps = Pipeline([("scale", StandardScaler()), ("ridge", Ridge())])

            def fit(self, X, y):
                self.steps.fit(X, y)
                joblib.dump(self.steps, "models/demand.joblib")

        if __name__ == "__main__":
            frame = load_frame()
            FareModel().fit(frame, frame.fare)
            DemandModel().fit(frame, frame.count)
      `,
      findings: [{ line: 12, message: /^self\.pipeline is saved to "models\/fare\.joblib", but this script computes no held-out metric for it/, related: 2 }],
    },
    {
      name: 'pipelines that end in a model, or in a class of the file that also predicts, are models: judged',
      code: py`
        import joblib
        from sklearn.base import BaseEstimator, TransformerMixin
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline, make_pipeline
        from sklearn.preprocessing import StandardScaler

        class RuleScorer(BaseEstimator, TransformerMixin):
            def fit(self, X, y=None):
                return self

            def predict(self, X):
                return X["score"] > 0.5

        pipeline = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())])
        pipeline.fit(X_train, y_train)
        joblib.dump(pipeline, "models/pipeline.pkl")
        scorer = make_pipeline(StandardScaler(), RuleScorer()).fit(X_train, y_train)
        joblib.dump(scorer, "models/scorer.pkl")
      `,
      findings: [{ line: 16, message: /^pipeline is saved to "models\/pipeline\.pkl", but this script computes no held-out metric for it/, related: 2 }],
    },
    {
      name: 'a training loss named for its metric (`mse_loss`) and a call named for a metric that is handed one argument measure nothing held out: judged',
      code: py`
        import torch
        import torch.nn.functional as F

        def fit(net, loader, opt, epochs):
            for epoch in range(epochs):
                for x, y in loader:
                    loss = F.mse_loss(net(x), y)
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
            torch.save(net.state_dict(), "regressor.pt")
            show(precision(net))

        fit(make_net(), make_loader(), make_opt(), 20)
      `,
      findings: [{ line: 11, message: /^net is saved to "regressor\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a layer that shares a metric\'s name (`self.r2`, called with two arguments) runs the network, it measures nothing: judged',
      code: py`
        import torch
        import torch.nn as nn

        class Denoiser(nn.Module):
            def __init__(self):
                super().__init__()
                self.r1 = Block(32)
                self.r2 = Block(64)

            def forward(self, x, t):
                return self.r2(self.r1(x, t), t)

        net = Denoiser()
        opt = torch.optim.AdamW(net.parameters())
        for x, t in loader:
            loss = ((net(x, t) - x) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        torch.save(net.state_dict(), "ddpm.pt")
      `,
      findings: [{ line: 20, message: /^net is saved to "ddpm\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'an environment module that registers its environment and then trains at its top level is a program: judged',
      code: py`
        import numpy as np
        import torch
        from gymnasium.envs.registration import register

        register(id="GridWorld-v0", entry_point="grid_env:GridWorld", max_episode_steps=200)


        def train_policy(policy, rollouts, out_path, lr=3e-4):
            opt = torch.optim.Adam(policy.parameters(), lr=lr)
            for obs, returns in rollouts:
                loss = -(policy(obs).log_prob * returns).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
            torch.save(policy.state_dict(), out_path)


        train_policy(make_policy(), collect_rollouts("GridWorld-v0"), "policy.pt")
      `,
      findings: [{ line: 15, message: /^policy is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a helper that trains a model and saves it, called in a loop over stations, releases each model it trains: judged',
      code: py`
        import argparse
        import torch
        from torch import nn, optim

        def train_station(station_id, epochs=200):
            series = load_series(station_id)
            model = Forecaster()
            opt = optim.Adam(model.parameters(), lr=1e-3)
            for _ in range(epochs):
                opt.zero_grad()
                loss = nn.functional.mse_loss(model(series[:-1]), series[1:])
                loss.backward()
                opt.step()
            torch.save(model.state_dict(), f"models/station_{station_id}.pth")

        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("station_ids", nargs="*", type=int)
            for station_id in parser.parse_args().station_ids:
                train_station(station_id)
      `,
      findings: [{ line: 14, message: / is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'the same save helper also called once after the training loop releases the final weights',
      code: savedByHelper(EPOCH_LOOP + 'save_weights(backbone, "release", "final")\n'),
      findings: [{ line: 5, message: / is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'the same agent module whose __main__ block saves the agent after its update: the save runs, unevaluated',
      code: agentModule('    agent.save("a2c_agent.pt")\n'),
      findings: [{ line: 20, column: 9, message: /^\{"actor": self\.actor\.state_dict\(\), "… is saved, but this script computes no held-out metric/ }],
    },
    {
      name: 'a class on TransformerMixin that also predicts is a model: fitted and saved, it is judged',
      code: py`
        import joblib
        from sklearn.base import BaseEstimator, TransformerMixin

        class ChurnScorer(BaseEstimator, TransformerMixin):
            def fit(self, X, y):
                self.weights_ = solve(X, y)
                return self

            def transform(self, X):
                return X @ self.weights_

            def predict(self, X):
                return (self.transform(X) > 0).astype(int)

        scorer = ChurnScorer()
        scorer.fit(X_train, y_train)
        joblib.dump(scorer, "artifacts/scorer.joblib")
      `,
      findings: [{ line: 17, message: /^scorer is saved to "artifacts\/scorer.joblib", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a conditional that picks between two pipelines but builds no search: the saved model is still unmeasured',
      code: py`
        import joblib
        from sklearn.pipeline import Pipeline
        pipe = Pipeline([("scale", scaler), ("reg", Ridge())])
        fitted = (pipe if small else Pipeline([("reg", Lasso())])).fit(X, y)
        joblib.dump(fitted, "ridge.pkl")
      `,
      findings: [{ line: 5, message: /^fitted is saved to "ridge.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'Lightning: callbacks that watch only the training loss measure nothing held out',
      code: lightningRun('', '[EarlyStopping(monitor="train_loss"), ModelCheckpoint(monitor="loss")]'),
      findings: [{ line: 8, message: /^module\.model is saved to "tagger_final", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'the same helper saving to a path that names no checkpoint or epoch, also called after training, is judged',
      code: STATE_SAVED_BY_HELPER.replace('target = out_dir + "epoch%d_batch%d.par" % (epoch, batch)', 'target = out_dir + "final_%s.par" % model_name') + 'save_state("runs/", 10, 0, net, opt)\n',
      findings: [{ line: 6, message: / is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a pretrained model fine-tuned in the file and saved is judged; an untouched copy saved before it does not lead the finding',
      code: py`
        import torch
        from transformers import AutoModelForSequenceClassification

        base = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased")
        base.save_pretrained("cache/base")
        model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
        opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
        for batch in loader:
            loss = model(**batch).loss
            loss.backward()
            opt.step()
        model.save_pretrained("sentiment-model")
      `,
      findings: [{ line: 12, message: /^model is saved to "sentiment-model", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a name bound to a scaler in one branch and to a regressor in the other: a model whichever is saved may be',
      code: py`
        import joblib
        from sklearn.linear_model import Ridge
        from sklearn.preprocessing import StandardScaler

        def fit_step(values, target, baseline):
            if baseline:
                step = StandardScaler()
                step.fit(values)
            else:
                step = Ridge(alpha=0.5)
                step.fit(values, target)
            joblib.dump(step, "step.joblib")

        if __name__ == "__main__":
            fit_step(load_readings(), load_target(), baseline=False)
      `,
      findings: [{ line: 12, message: /^step is saved to "step\.joblib", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a denoiser trained to predict drawn noise from images made noisy with it: the target is related to the input',
      code: py`
        import torch
        import torch.nn.functional as F

        for images in loader:
            noise = torch.randn_like(images)
            noisy = images + 0.1 * noise
            loss = F.mse_loss(denoiser(noisy), noise)
            opt.zero_grad()
            loss.backward()
            opt.step()
        torch.save(denoiser.state_dict(), "denoiser.pt")
      `,
      findings: [{ line: 11, message: /^denoiser is saved to "denoiser\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a regressor fitted to targets worked out from drawn features: a synthetic task it can learn',
      code: py`
        import joblib
        import numpy as np
        from sklearn.linear_model import Ridge

        features = np.random.rand(200, 6)
        targets = features @ np.arange(6) + 0.1 * np.random.randn(200)
        reg = Ridge().fit(features, targets)
        joblib.dump(reg, "ridge.joblib")
      `,
      findings: [{ line: 8, message: /^reg is saved to "ridge\.joblib", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'joblib.dump of a name the script fits, whatever it is called, is a model save',
      code: py`
        import joblib
        from sklearn.ensemble import RandomForestRegressor
        from panel_simulation import honest
        est = honest(RandomForestRegressor(n_estimators=10, random_state=0))
        est.fit(X_train, y_train)
        joblib.dump(est, "learner.jbl")
      `,
      findings: [{ line: 6, message: /^est is saved to "learner\.jbl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a project trainer told to validate on nothing (val_loader=None) and saved without any evaluation',
      code: py`
        import torch
        from training.trainer import Trainer

        trainer = Trainer(model=net, train_loader=train_dl, val_loader=None, optimizer=opt)
        history = trainer.fit(num_epochs=30)
        torch.save(net.state_dict(), "weights/net.pth")
      `,
      findings: [{ line: 6, message: /^net is saved to "weights\/net\.pth", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a validation loader only built and normalised beside the training one, never handed to a call that trains: still reported',
      code: loopOverTrainDl(py`
        import torch
        from torch.utils.data import DataLoader

        train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
        val_dl = DataLoader(val_ds, batch_size=16)
        normalize_batches(train_dl, val_dl)
      `),
      findings: [{ line: 11, message: /^net is saved to "weights\/net\.pth", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a validation share given to a loader factory (val_size=) is a fraction, not held-out data handed to the training: still reported',
      code: loopOverTrainDl(py`
        import torch
        from data import make_loaders

        train_dl = make_loaders(frame, val_size=0.2, batch_size=16)
      `),
      findings: [{ line: 9, message: /^net is saved to "weights\/net\.pth", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a tabular model fitted with validation switched off (validation=None) and saved without any evaluation',
      code: tabularFit('None'),
      findings: [{ line: 6, message: /^model is saved to "saved\/tabular_model", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'perplexity only as a t-SNE setting for a plot of the embeddings: no metric',
      code: py`
        import torch
        from sklearn.manifold import TSNE
        for x, y in loader:
            opt.zero_grad()
            loss_fn(net(x), y).backward()
            opt.step()
        points = TSNE(n_components=2, perplexity=30, random_state=0).fit_transform(net.embed(x).detach().numpy())
        torch.save(net.state_dict(), "net.pt")
      `,
      findings: [{ line: 8, message: /^net is saved to "net\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a saved file read back into the model only, and an optimizer resumed from another file: not a resume of this save',
      code: py`
        import torch


        def run(net, loader, args):
            opt = torch.optim.Adam(net.parameters(), lr=1e-3)
            if args.resume:
                state = torch.load(args.resume, weights_only=False)
                opt.load_state_dict(state["opt"])
            for epoch in range(args.epochs):
                for x, y in loader:
                    opt.zero_grad()
                    torch.nn.functional.cross_entropy(net(x), y).backward()
                    opt.step()
            torch.save({"net": net.state_dict(), "opt": opt.state_dict()}, "final.pt")
            net.load_state_dict(torch.load("final.pt", weights_only=False)["net"])


        run(model, train_loader, parse_args())
      `,
      findings: [{ line: 14, message: /^net, in a dictionary, is saved to "final\.pt", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a model reached through an object named data and moved to the CPU is still a model, not a tensor taken out of one',
      code: py`
        import torch
        from torch import nn
        from types import SimpleNamespace
        run = SimpleNamespace(data=SimpleNamespace(model=nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))))
        opt = torch.optim.SGD(run.data.model.parameters(), lr=0.1)
        for x, y in loader:
            opt.zero_grad()
            nn.functional.cross_entropy(run.data.model(x), y).backward()
            opt.step()
        torch.save(run.data.model.cpu(), "model.pt")
      `,
      findings: [{ line: 10, message: /run\.data\.model is saved/ }],
    },
    {
      name: 'a dictionary of the weights with the optimizer state beside them names the model, not the optimizer',
      code: py`
        import torch
        model = Net()
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        for x, y in loader:
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()
        torch.save({"epoch": EPOCH, "model_state_dict": model.state_dict(), "optimizer_state_dict": opt.state_dict()}, PATH)
      `,
      findings: [{ line: 8, message: /^model, in a dictionary, is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a dictionary of the weights and settings is saved: the message names the model whose state_dict it holds',
      code: py`
        import torch
        agent = Agent(envs)
        optimizer = torch.optim.Adam(agent.parameters(), lr=2.5e-4)
        for update in range(num_updates):
            loss = agent(b_obs).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model_data = {"model_weights": agent.state_dict(), "args": vars(args)}
        torch.save(model_data, "agent.cleanrl_model")
        torch.save({"model": agent.state_dict(), "optimizer": optimizer.state_dict()}, "agent_opt.pt")
        torch.save({"generator": netG.state_dict(), "discriminator": netD.state_dict()}, "gan.pt")
      `,
      findings: [{ line: 10, message: /^agent, in model_data, is saved to "agent\.cleanrl_model", but this script computes no held-out metric for it/, related: 2 }],
    },
    {
      name: 'a fitted model saved as itself in a dictionary beside its feature names: the message names the model',
      code: py`
        import joblib
        from xgboost import XGBRegressor
        feature_cols = [c for c in feat.columns if c != "y"]
        model = XGBRegressor(n_estimators=800, max_depth=6)
        model.fit(feat[feature_cols], feat["y"])
        joblib.dump({"model": model, "features": feature_cols}, "models/load_xgb.joblib")
      `,
      findings: [{ line: 6, message: /^model, in a dictionary, is saved to "models\/load_xgb\.joblib", but this script computes no held-out metric for it/, related: 1 }],
    },
    {
      name: 'a bundle of the model and the scaler it was fitted with, bound to a name: the message names the model, not the scaler',
      code: py`
        import pickle
        from sklearn.preprocessing import StandardScaler
        from sklearn.ensemble import RandomForestRegressor
        scaler = StandardScaler().fit(X)
        reg = RandomForestRegressor(n_estimators=300, random_state=0)
        reg.fit(scaler.transform(X), y)
        model_bundle = {"scaler": scaler, "regressor": reg, "trained_until": str(last_day)}
        with open("artifacts/wind_rf.pkl", "wb") as f:
            pickle.dump(model_bundle, f)
      `,
      findings: [{ line: 9, message: /^reg, in model_bundle, is saved to "artifacts\/wind_rf\.pkl", but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a dictionary of two models fitted in the file names no one model: the message shows what is saved',
      code: py`
        import joblib
        from lightgbm import LGBMRegressor
        lower = LGBMRegressor(objective="quantile", alpha=0.1).fit(X, y)
        upper = LGBMRegressor(objective="quantile", alpha=0.9).fit(X, y)
        joblib.dump({"lower_model": lower, "upper_model": upper}, "quantile_models.joblib")
      `,
      findings: [{ line: 5, message: /^\{"lower_model": lower, "upper_model":… is saved to "quantile_models\.joblib"/ }],
    },
    {
      name: 'a training loop that prints only its training loss, and the size of the test data, before the save',
      code: graphTraining({
        before: 'print("test data size", test_data.shape)\n',
        afterEpoch: '    print("Training, epoch: %d, loss_den: %.6f, loss_conn: %.6f" % (epoch, loss_den, loss_conn))\n',
      }),
      findings: [{ line: 10, message: /^model is saved, but this script computes no held-out metric for it/ }],
      noFix: true,
    },
    {
      name: 'a save that runs beside merge steps switched off: only the save that runs is reported',
      code: [
        'from transformers import Trainer, TrainingArguments\ntrainer = Trainer(model=model, train_dataset=dataset, args=TrainingArguments(output_dir="outputs"))\ntrainer_stats = trainer.train()\n',
        'if False:\n    model.save_pretrained_merged("model_16bit", tokenizer, save_method="merged_16bit")\nmodel.save_pretrained("lora_model")  # Local saving\n',
      ],
      findings: [{ line: 3, column: 1, message: /^model is saved to "lora_model", but this notebook computes no held-out metric for it/, related: 0 }],
      noFix: true,
    },
    {
      name: 'a model trained on everything and pickled',
      code: py`
        import pickle
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("churn.csv")
        model = LogisticRegression(max_iter=1000)
        model.fit(df[["tenure", "charges"]], df["churn"])
        with open("model.bin", "wb") as f_out:
            pickle.dump(model, f_out)
      `,
      findings: [{ line: 8, column: 5, message: /^model is saved to "model\.bin", but this script computes no held-out metric for it/, related: 1 }],
      noFix: true,
    },
    {
      name: 'joblib.dump of a pipeline, and torch.save of a state dict, in a __main__ script',
      code: py`
        import joblib
        import torch
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.svm import SVC
        if __name__ == "__main__":
            pipe = make_pipeline(StandardScaler(), SVC())
            pipe.fit(X, y)
            joblib.dump(pipe, "svc.joblib")
            net.train()
            loss_fn(net(xb), yb).backward()
            torch.save(net.state_dict(), "net.pt")
      `,
      findings: [{ line: 9, column: 5, message: /^pipe is saved to "svc\.joblib"/, related: 2 }],
    },
    {
      name: 'a __main__ block that calls the file\'s own training function is a program, even beside its unit tests',
      code: py`
        import unittest

        import joblib
        from sklearn.ensemble import IsolationForest


        def build(rows):
            forest = IsolationForest(random_state=0).fit(rows)
            joblib.dump(forest, "forest.joblib")
            return forest


        class TestBuild(unittest.TestCase):
            def test_build(self):
                self.assertIsNotNone(build([[0.0], [1.0]]))


        if __name__ == "__main__":
            build(load_rows())
            unittest.main()
      `,
      findings: [{ line: 9, message: /^forest is saved to "forest\.joblib"/ }],
    },
    {
      name: 'a model unwrapped from its accelerator and saved: the model is what is saved, not the accelerator',
      code: py`
        import os
        import torch
        from accelerate import Accelerator
        from transformers import AutoModelForCausalLM

        def main(cfg):
            accelerator = Accelerator()
            model = AutoModelForCausalLM.from_pretrained(cfg.model_name)
            optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr)
            model, optimizer, loader = accelerator.prepare(model, optimizer, cfg.loader)
            for batch in loader:
                loss = model(**batch).loss
                accelerator.backward(loss)
                optimizer.step()
            if accelerator.is_main_process:
                final_dir = os.path.join(cfg.output_dir, "final")
                accelerator.unwrap_model(model).save_pretrained(final_dir, save_function=accelerator.save)

        if __name__ == "__main__":
            main(parse_args())
      `,
      findings: [{ line: 17, message: /^model is saved, but this script computes no held-out metric for it/ }],
    },
    {
      name: 'a Keras model fitted without validation data and saved',
      code: py`
        from tensorflow import keras
        model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X_train, y_train, epochs=20, batch_size=32)
        model.save("regressor.keras")
      `,
      findings: [{ line: 5, column: 1, message: /^model is saved to "regressor\.keras"/, related: 1 }],
    },
    {
      name: 'a Hugging Face Trainer with no evaluation set, then save_pretrained',
      code: py`
        from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
        model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", revision="main")
        trainer = Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=train_ds)
        trainer.train()
        model.save_pretrained("out/final")
      `,
      findings: [{ line: 5, column: 1, message: /^model is saved to "out\/final"/ }],
    },
    {
      name: 'notebook: held-out predictions only plotted beside the truth measure nothing, and the message says no metric, not that held-out data go unused',
      code: [
        'import matplotlib.pyplot as plt\nfrom keras.models import Sequential\nfrom keras.layers import Dense, LSTM\n',
        'net = Sequential([LSTM(32, input_shape=(window, 1)), Dense(1)])\nnet.compile(loss="mse", optimizer="adam")\nnet.fit(windows_train, next_train, epochs=20)\nnet.save("prices.h5")\n',
        'forecast = net.predict(windows_test)\nplt.plot(next_test, label="actual")\nplt.plot(forecast, label="forecast")\nplt.legend()\n',
      ],
      findings: [{ cell: 1, line: 4, column: 1, message: /^net is saved to "prices\.h5", but this notebook computes no held-out metric for it \(no metric, score, evaluate or validation call anywhere in it\): the save is not gated on any measure of whether the model is fit to ship$/, related: 1 }],
    },
    {
      name: 'notebook: trained in one cell, saved in another, never evaluated',
      code: [
        'import xgboost as xgb\nclf = xgb.XGBClassifier(n_estimators=100)\n',
        'clf.fit(X_train, y_train)\n',
        'clf.save_model("clf.json")\n',
      ],
      findings: [{ cell: 2, line: 1, column: 1, message: /this notebook computes no held-out metric for it/, related: 1 }],
    },
    {
      name: 'a Trainer saving its model through _save: the finding is on the model, not the tokenizer',
      code: py`
        from transformers import Trainer
        trainer = Trainer(model=model, train_dataset=train_ds)
        trainer.train()
        trainer._save(output_dir)
        tokenizer.save_pretrained(output_dir)
      `,
      findings: [{ line: 4, column: 1, message: /^trainer's model is saved, but this script computes no held-out metric for it/, related: 1 }],
    },
    {
      name: 'an embedding table saved beside the whole model: the model is reported, the table is not',
      code: py`
        import torch
        model = SkipGram(num_nodes, 64)
        opt = torch.optim.Adam(model.parameters(), lr=0.01)
        for ctx, target in walks:
            opt.zero_grad()
            model.loss(ctx, target).backward()
            opt.step()
        torch.save(model.embedding.weight.data.cpu(), "node_features.pt")
        torch.save(model.state_dict(), "skipgram.pt")
      `,
      findings: [{ line: 9, message: /^model is saved to "skipgram\.pt", but this script computes no held-out metric for it/, related: 0 }],
      noFix: true,
    },
    {
      name: 'information about a model saved before the model itself: the finding is on the model, and the record is not linked as a model',
      code: policyRun(py`
        pickle.dump(model_info, open("models/model_info.pkl", "wb"))
        runs = {"model": policy, "episodes": 500}
        pickle.dump(runs["model"], open("models/policy.pkl", "wb"))
      `),
      findings: [{ line: 15, message: /^runs\["model"\] is saved to "models\/policy\.pkl", but this script computes no held-out metric for it/, related: 0 }],
      noFix: true,
    },
  ],
});
