import { commentedOutCode } from '../../../server/src/detectors/mld506-commented-out-code';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(commentedOutCode, {
  valid: [
    {
      name: 'code a prose paragraph shows or offers: "like this", "you can", and arguments marked optional',
      code: py`
        class Net:
            def forward(self, x):
                # Writing the layers one by one like this gives the same result as below
                # where the one-line form is faster.
                # z = self.first(x)
                # z = self.second(z)
                # return self.third(z)
                return self.third(self.second(self.first(x)))

        # note that you can publish the data set too, and load it back later!
        # data.push_to_hub("me/data")
        # data.push_to_hub("me/data", private=True)
        # data = load_dataset("me/data")
        report = scan(
            frame,
            # columns=[
            #     "text"
            # ],  # which columns to scan
            # max_rows=1000,  # optional: stop early
        )
        # from torchinfo import summary

        # # Print the layer table (uncomment for the full output)
        # summary(model,
        #         input_size=(1, 3, 224, 224),
        #         col_width=20)
      `,
    },
    {
      name: 'example code under a prose line ending in a colon, at the same indentation',
      code: py`
        for step in range(100):
            train_step()
            # Alternatively, you can update the target network softly at each step:
            # target_w = target.get_weights()
            # online_w = model.get_weights()
            # target.set_weights([0.99 * t + 0.01 * o for t, o in zip(target_w, online_w)])
      `,
    },
    {
      name: 'code offered as an opt-in by the prose line above it',
      code: py`
        import torch
        # Uncomment the next lines to train on the full data set (takes an hour)
        # train_ds = load_full()
        # loader = make_loader(train_ds)
        # fit(model, loader)
        model = torch.nn.Linear(2, 1)
      `,
    },
    {
      name: 'a notebook cell of comments under markdown that tells the reader to uncomment it',
      code: [
        'import wandb_free_logger\n',
        { text: 'To log this run to your tracker, uncomment the cell below and add your key.', kind: 'markup' },
        '# import wandb\n# wandb.login(key=KEY)\n# run = wandb.init(project="demo")\n',
      ],
    },
    {
      name: 'values listed under a prose line, then one default setting',
      code: py`
        # Backends this loader understands:
        #   "pyarrow", "fastparquet", "polars",
        #   "duckdb", "spark"
        # engine = "pyarrow"
        engine = "fastparquet"
      `,
    },
    {
      name: 'a run-length encoded mask quoted in a note (long runs of numbers, checked in linear time)',
      code: py`
        # The first mask reads as start/length pairs:
        # 10321 4 10680 9 11039 13 11398 15 11757 17 12116 19 12476 19 12835 21 13195 21 13555 22 \\
        #     13916 20 14277 20 14638 19 14999 18 15360 16 15721 13 16083 11 16445 8 16807 6 17169 3
        # decode() turns them into a binary image.
        mask = decode(rle, shape)
      `,
    },
    {
      name: 'notes of the tensor shapes a function returns',
      code: py`
        def encode(batch):
            tokens, mask, lengths = tokenize(batch)
            # tokens.shape = (batch_size, max_len)
            # mask.shape = (batch_size, max_len)
            # lengths.shape = (batch_size,)
            return tokens, mask, lengths
      `,
    },
    {
      name: 'prose comments and a license header',
      code: py`
        # Copyright 2024 The Churn Authors.
        # Licensed under the Apache License, Version 2.0 (the "License");
        # you may not use this file except in compliance with the License.
        # See http://www.apache.org/licenses/LICENSE-2.0 for details.
        import pandas as pd

        # Load the data, drop the rows without a label and
        # keep only the customers that signed up after 2020
        # because the older ones used a different plan.
        df = pd.read_csv("customers.csv")
      `,
    },
    {
      name: 'type comments, doctest examples, noqa and suppression comments',
      code: py`
        def scale(x):
            # type: (float) -> float
            # >>> scale(2.0)
            # 4.0
            # >>> scale(0)
            # 0
            return 2 * x
        # noqa: E501
        # mldebt: ignore-file[MLD601]
        # pylint: disable=invalid-name
      `,
    },
    {
      name: 'commented shell and configuration lines, dividers and cell markers',
      code: py`
        # pip install lightgbm==4.3.0
        # export CUDA_VISIBLE_DEVICES=0
        # python train.py --epochs 10
        # batch_size: 32
        # learning_rate: 0.001
        # epochs: 10
        # ---------------------------------------------
        # %%
        # In[3]:
        x = 1
      `,
    },
    {
      name: 'words and TODOs that happen to parse',
      code: py`
        # TODO: fix
        # FIXME
        # cleanup
        # e
        x = 1
      `,
    },
    {
      name: 'a usage example under an introduction',
      code: py`
        # Usage:
        #     model = load_model("model.pkl")
        #     preds = model.predict(X)
        #     print(preds[:5])
        def load_model(path):
            return path
      `,
    },
    {
      name: 'inline script metadata and two commented lines',
      code: py`
        # /// script
        # requires-python = ">=3.11"
        # dependencies = [
        #   "pandas",
        # ]
        # ///
        import pandas as pd
        # df = df.dropna()
        # df = df.reset_index()
        x = 1  # y = f(x)
        z = 2  # w = g(z)
      `,
    },
    {
      name: 'code in a fenced block of a markdown comment, an error workaround offered "in case", and a twice-commented intro ending in a colon',
      code: py`
        # %% [markdown]
        # Resuming works as usual, with the same schedule as the original session.
        #
        # \`\`\`python
        #
        # ## this resumes from the best checkpoint
        #
        # trainer = L.Trainer(callbacks=[Scheduler()])
        # trainer.ckpt_path = "some/path/best.ckpt"
        # trainer.fit(model)
        # \`\`\`

        # %% [markdown]
        # We add the feature vectors and the original images to the projector.

        # %%
        # In case you obtain the following error in the next cell, run the imports and last line here
        # AttributeError: module 'tensorflow.io.gfile' has no attribute 'get_filesystem'

        # import tensorflow as tf
        # import tensorboard as tb
        # tf.io.gfile = tb.compat.tensorflow_stub.io.gfile
        writer.add_embedding(feats, metadata=labels)

        # # An optional step unless
        # # you want a model with mixed precision

        # !pip install onnxruntime-tools
        # from onnxruntime_tools import optimizer
        # optimized = optimizer.optimize_model("model.onnx", model_type="bert")
        # optimized.save_model_to_file("model.onnx")

        def draw(agent, xs, vs):
            probs = agent.predict_proba(grid(xs, vs)).reshape(len(vs), len(xs), 3)
            # # The above code is equivalent to the following:
            # probs = np.empty((len(vs), len(xs), 3))
            # for i, v in enumerate(vs[::-1]):
            #     for j, x in enumerate(xs):
            #         probs[i, j, :] = agent.predict_proba([[x, v]])[0]
            return probs
      `,
    },
  ],
  invalid: [
    {
      name: 'a twice-commented note that only names what the dead code did is no intro',
      code: py`
        import shutil
        # # Remove extra data
        # import os
        # os.remove("pizza_steak_sushi.zip")
        # shutil.rmtree("pizza_steak_sushi")
        print("done")
      `,
      findings: [{ line: 3, message: /^3 lines of commented-out code/ }],
      output: py`
        import shutil
        # # Remove extra data
        print("done")
      `,
    },
    {
      name: 'a commented-out decorated function: the decorator line is part of the block and its range',
      code: py`
        import torch
        # @torch.no_grad()
        # def evaluate(model, loader):
        #     return [model(x) for x in loader]
        model = torch.nn.Linear(2, 1)
      `,
      findings: [{ line: 2, column: 1, message: /^3 lines of commented-out code \(`@torch\.no_grad\(\)`/ }],
      output: py`
        import torch
        model = torch.nn.Linear(2, 1)
      `,
    },
    {
      name: 'a prose paragraph that only says why the code was switched off does not make it an example',
      code: py`
        def pipeline():
            load()
            # We switched this off to make the run faster
            # and will look at it again.
            # train(after="load")
            # evaluate(after="train")
            # publish(after="evaluate")
      `,
      findings: [{ line: 5, column: 5, message: /^3 lines of commented-out code/ }],
      output: py`
        def pipeline():
            load()
            # We switched this off to make the run faster
            # and will look at it again.
      `,
    },
    {
      name: 'paragraphs of one commented-out function separated by blank lines: one finding for the whole region',
      code: py`
        import pandas as pd
        # def evaluate(model, df):
        #     preds = model.predict(df)

        #     if len(df) > 0:
        #         score = accuracy(df.y, preds)
        #         print(score)
        df = pd.read_csv("a.csv")
      `,
      findings: [{ line: 2, column: 1, message: /^5 lines of commented-out code \(`def evaluate\(model, df\):`/ }],
      output: py`
        import pandas as pd
        df = pd.read_csv("a.csv")
      `,
    },
    {
      name: 'a comment-only cell under markdown that offers nothing is still a dead experiment',
      code: [
        'import pandas as pd\n',
        { text: 'Now we train the model.', kind: 'markup' },
        '# model = RandomForestClassifier()\n# model.fit(X, y)\n# print(model.score(X, y))\n',
      ],
      findings: [{ cell: 2, line: 1 }],
      output: ['import pandas as pd\n', 'Now we train the model.', ''],
    },
    {
      name: 'an old model kept in comments: the fix deletes the block',
      code: py`
        model = LGBMClassifier(n_estimators=300)
        # model = RandomForestClassifier(n_estimators=200)
        # model.fit(X_train, y_train)
        # print(model.score(X_test, y_test))
        model.fit(X_train, y_train)
      `,
      findings: [{ line: 2, column: 1, message: /^3 lines of commented-out code \(`model = RandomForestClassifier/ }],
      safety: 'unsafe',
      output: py`
        model = LGBMClassifier(n_estimators=300)
        model.fit(X_train, y_train)
      `,
    },
    {
      name: 'a commented loop without a space after #, indented in a function, with a prose line above kept',
      code: py`
        def train(model, loader):
            # The old training loop:
            #for epoch in range(10):
            #    for x, y in loader:
            #        loss = model(x, y)
            #        loss.backward()
            return model.fit(loader)
      `,
      findings: [{ line: 3, column: 5 }],
      output: py`
        def train(model, loader):
            # The old training loop:
            return model.fit(loader)
      `,
    },
    {
      name: 'a multi-line call and a nested comment inside the block',
      code: py`
        import torch
        # optimizer = torch.optim.SGD(
        #     model.parameters(),
        #     lr=0.1,
        # )
        # # switched to Adam
        # scheduler = None
        optimizer = torch.optim.Adam(model.parameters())
      `,
      findings: [{ line: 2, message: /^6 lines/ }],
      output: py`
        import torch
        optimizer = torch.optim.Adam(model.parameters())
      `,
    },
    {
      name: 'notebook: a commented block at the end of a cell',
      code: [
        'import pandas as pd\ndf = pd.read_csv("a.csv")\n# df = df[df.age > 18]\n# df["ratio"] = df.a / df.b\n# df.to_csv("clean.csv")',
        'df.head()\n',
      ],
      findings: [{ cell: 0, line: 3 }],
      output: [
        'import pandas as pd\ndf = pd.read_csv("a.csv")',
        'df.head()\n',
      ],
    },
  ],
});
