import { intermediateFileHop } from '../../../server/src/detectors/mld502-intermediate-file-hop';
import { strict as assert } from 'node:assert';
import { allRulesConfig, findingLinesIn, parser, py, run } from '../../support/engine';
import { analyzeDocument } from '../../../server/src/analyze';
import { buildDocument, scriptSource } from '../../../server/src/documents/source';
import { ruleTests } from '../../support/ruleTester';

ruleTests(intermediateFileHop, {
  valid: [
    {
      name: 'a file written only after a guard that stops the program when it is already there (sys.exit), by a helper the entry calls: a cache spelled early',
      code: py`
        import os
        import sys
        import pandas as pd

        SELECTED = "data/selected.csv"


        def choose_samples():
            picked = table.sort_values("confidence", ascending=False).groupby("label").head(50)
            picked.to_csv(SELECTED, index=False)


        if __name__ == "__main__":
            table = pd.read_csv("data/all_events.csv")
            if os.path.exists(SELECTED):
                print("samples already chosen, stopping")
                sys.exit(0)
            choose_samples()
            chosen = pd.read_csv(SELECTED)
            model.fit(chosen[["a", "b"]], chosen["label"])
      `,
    },
    {
      name: 'a file a function writes only after returning early when it is there: the guard is the cache check',
      code: py`
        import os
        import pandas as pd


        def build_features():
            if os.path.isfile("data/features.csv"):
                print("features ready")
                return
            raw = pd.read_csv("data/raw.csv")
            raw.assign(ratio=raw.a / raw.b).to_csv("data/features.csv", index=False)


        build_features()
        frame = pd.read_csv("data/features.csv")
        model.fit(frame[["ratio"]], frame["y"])
      `,
    },
    {
      name: 'a read-back handed only to a call named for a check, its result dropped, before the file is published: a project validator, pandera, a camelCase checker',
      code: py`
        import shutil
        import tempfile
        from pathlib import Path
        import pandas as pd
        from project.checks import validate_final_submission, checkFrame

        tmp = Path(tempfile.gettempdir()) / "submission.csv"
        submission.to_csv(tmp, index=False)
        serialized = pd.read_csv(tmp)
        validate_final_submission(serialized, test, train)
        shutil.move(tmp, "outputs/submission.csv")

        features.to_parquet("features.parquet")
        schema.validate(pd.read_parquet("features.parquet"))
        checkFrame(pd.read_parquet("features.parquet"), columns=FEATURES)
        verify_output(pd.read_parquet("features.parquet"))
      `,
    },
    {
      name: 'a record of training written into the folder a checkpoint is saved to, read back where the checkpoint is restored or reported',
      code: py`
        import json
        import os
        import numpy as np
        import torch

        def save_best(model, tokenizer, epoch, val_loss, out_dir):
            best_dir = os.path.join(out_dir, "best")
            model.save_pretrained(best_dir)
            tokenizer.save_pretrained(best_dir)
            np.save(f"{best_dir}/best_epoch.npy", epoch)
            np.save(os.path.join(best_dir, "val_loss.npy"), val_loss)

        def checkpoint(net, history, ckpt_dir):
            torch.save(net.state_dict(), f"{ckpt_dir}/weights.pt")
            with open(f"{ckpt_dir}/history.json", "w") as f:
                json.dump(history, f)

        def evaluate(model, out_dir, ckpt_dir):
            best_dir = os.path.join(out_dir, "best")
            epoch = int(np.load(f"{best_dir}/best_epoch.npy"))
            loss = float(np.load(os.path.join(best_dir, "val_loss.npy")))
            with open(f"{ckpt_dir}/history.json") as f:
                curve = json.load(f)
            model.from_pretrained(best_dir)
            return {"epoch": epoch + 1, "loss": loss, "curve": curve}

        save_best(model, tokenizer, 3, 0.2, out_dir)
        checkpoint(net, [0.5, 0.2], ckpt_dir)
        print(evaluate(model, out_dir, ckpt_dir))
      `,
    },
    {
      name: 'exported weights read back by a closure that recomputes the outputs, only the largest gap printed with a verdict',
      code: py`
        import numpy as np

        def export(net, inputs, expected):
            np.savez("export/weights.npz", w=net.w, b=net.b)
            params = np.load("export/weights.npz")

            def forward(x):
                hidden = np.tanh(params["w"] @ x + params["b"])
                top, rest = hidden[:1], hidden[1:]
                return float(top.sum() + rest.sum())

            worst = 0.0
            for i in range(len(inputs)):
                worst = max(worst, abs(expected[i] - forward(inputs[i])))
            print(f"largest gap {worst:.1e} {'ok' if worst < 1e-6 else 'differs'}")
      `,
    },
    {
      name: 'embeddings saved, read back and compared with what is in memory by NumPy arithmetic, the gap only printed',
      code: py`
        import numpy as np
        np.save("out/embeddings.npy", embeddings)
        gap = np.abs(np.load("out/embeddings.npy") - embeddings).max()
        print("round-trip gap:", gap)
        print("same" if np.allclose(np.load("out/embeddings.npy"), embeddings) else "changed")
      `,
    },
    {
      name: 'Python 2 print statements that show the read-back, its comparison with the saved array, or its rows in a loop',
      code: [
        'import numpy as np\nsample = np.random.rand(4, 4)\nnp.save("sample.npy", sample)\nback = np.load("sample.npy")\nprint "read back:", back\nprint "same as saved:", np.all(back == sample)\n',
        'import numpy as np\nnp.save("rows.npy", rows)\nprint np.load("rows.npy").shape\nfor row in np.load("rows.npy"):\n    print row\n',
      ],
    },
    {
      name: 'a Spark frame written to parquet and read back only to show its row count and schema',
      code: py`
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        orders = spark.read.csv("data/orders.csv", header=True)
        per_customer = orders.groupBy("customer").count()
        per_customer.write.parquet("out/per_customer.parquet", mode="overwrite")
        check = spark.read.parquet("out/per_customer.parquet")
        print(f"read back {check.count():,} rows")
        check.printSchema()
        check.show(5)
      `,
    },
    {
      name: 'a Spark read-back looked at through a report built with column functions and a window, then shown',
      code: py`
        from pyspark.sql import SparkSession, Window
        from pyspark.sql import functions as F
        spark = SparkSession.builder.getOrCreate()
        clips = spark.read.parquet("data/clips")
        clips.where("duration > 1").write.parquet("out/long_clips", mode="overwrite")
        long_clips = spark.read.parquet("out/long_clips")
        long_clips.count()
        busiest = (
            long_clips.withColumn("n", F.count("*").over(Window.partitionBy("recorder")))
            .withColumn("rank", F.rank().over(Window.orderBy(F.desc("n"))))
            .where("rank = 1")
            .select("recorder", "n")
        )
        busiest.show(10)
      `,
    },
    {
      name: 'a Spark read-back whose distinct names, split out with column functions, are shown and counted',
      code: py`
        from pyspark.sql import functions as F
        df.repartition(8).write.parquet("out/consolidated", mode="overwrite")
        df = spark.read.parquet("out/consolidated")
        names = (
            df.select(F.split(F.col("track"), "_")[0].alias("track"))
            .where("track not like '%wav'")
            .distinct()
        )
        names.show()
        print(names.count())
      `,
    },
    {
      name: 'a test that saves a fake earlier result, reads it back, merges a new row into what it read and asserts on the merge',
      code: py`
        import pandas as pd

        def test_merge_keeps_earlier_rows(tmp_path):
            path = tmp_path / "best_epochs.csv"
            pd.DataFrame([{"variant": "A", "epoch": 10}]).to_csv(path, index=False)
            earlier = pd.read_csv(path)
            merged = {r["variant"]: dict(r) for _, r in earlier.iterrows()}
            merged["B"] = {"variant": "B", "epoch": 12}
            out = pd.DataFrame(sorted(merged.values(), key=lambda row: row["variant"]))
            assert len(out) == 2
            assert int(out.loc[out.variant == "A", "epoch"].iloc[0]) == 10
      `,
    },
    {
      name: 'a registry of experiments read, its cells filled in and saved back in place, then read again for a report: a store the run updates, no hop',
      code: py`
        import pandas as pd
        REGISTRY = "logs/experiments.csv"
        experiments = pd.read_csv(REGISTRY, index_col="index")
        for index, row in experiments[experiments["test_acc"].isna()].iterrows():
            experiments.at[index, "test_acc"] = evaluate_run(row)
        experiments.to_csv(REGISTRY)

        done = pd.read_csv(REGISTRY, index_col="index")
        best = done.groupby(["noise", "model"])["test_acc"].idxmax()
        plot_table(done.loc[best])
      `,
    },
    {
      name: 'a store read, copied, updated and saved back, then read again: also through a copy, and with rows added by _append',
      code: py`
        import pandas as pd
        STATUS = "runs/status.csv"
        old_status = pd.read_csv(STATUS, index_col="run")
        status = old_status.copy()
        for run, row in status.iterrows():
            status.loc[run, "folds_done"] = count_folds(run)
        status.to_csv(STATUS)

        scores = pd.read_parquet("metrics/auc.parquet")
        grown = scores._append(score_new_runs(status))
        grown.to_parquet("metrics/auc.parquet")

        status = pd.read_csv(STATUS, index_col="run")
        table = pd.read_parquet("metrics/auc.parquet")
        choose_best(status.join(table))
      `,
    },
    {
      name: 'a results log every run appends to, summed up at the end: it holds earlier runs\' rows too, a store and no hop',
      code: py`
        from pathlib import Path
        import pandas as pd
        LOG = Path("runs") / "fold_scores.csv"
        for fold in range(5):
            if LOG.exists() and fold in set(pd.read_csv(LOG)["fold"]):
                continue
            score = fit_fold(fold)
            pd.DataFrame([{"fold": fold, "rmse": score}]).to_csv(LOG, mode="a", header=not LOG.exists(), index=False)
        summary = pd.read_csv(LOG).agg({"rmse": ["mean", "std"]})
        summary.to_csv("runs/summary.csv")
      `,
    },
    {
      name: 'per-scene blocks written through a handle opened for appending, read back whole to convert the scene: every write appends',
      code: py`
        import numpy as np
        for scene, block, colours in blocks_of_scenes(loader):
            out = open(f"renders/{scene}/points.txt", "a")
            np.savetxt(out, np.hstack([block, colours]), fmt="%.4f")
            out.close()
            if scene_done(scene):
                cloud = np.loadtxt(f"renders/{scene}/points.txt")
                write_mesh(f"renders/{scene}/points.obj", cloud)
      `,
    },
    {
      name: 'a score log extended through `with open(p, mode="a")` by to_csv and summed up at the end: a store across runs',
      code: py`
        import pandas as pd
        LOG = "runs/epoch_scores.csv"
        for epoch in range(epochs):
            row = pd.DataFrame([{"epoch": epoch, "chamfer": evaluate(net)}])
            with open(LOG, mode="a") as handle:
                row.to_csv(handle, header=False, index=False)
        history = pd.read_csv(LOG, names=["epoch", "chamfer"])
        pick_checkpoint(history.sort_values("chamfer").iloc[0])
      `,
    },
    {
      name: 'rows appended through a pathlib handle opened "a+", then read back for the plot: nothing truncates the file',
      code: py`
        from pathlib import Path
        import numpy as np
        depth_log = Path("logs") / "abs_rel.txt"
        for step, batch in enumerate(val_loader):
            with depth_log.open("a+") as fh:
                np.savetxt(fh, [[step, abs_rel(model, batch)]])
        curve = np.loadtxt(depth_log)
        plot_curve(curve[:, 0], curve[:, 1])
      `,
    },
    {
      name: 'a grid search results table started empty, then read, given a row and saved back in place after each point',
      code: py`
        import itertools
        import pandas as pd

        def grid_search(train, valid, grid, out="grid_results.csv"):
            pd.DataFrame(columns=list(grid) + ["auc"]).to_csv(out)
            for n, point in enumerate(itertools.product(*grid.values())):
                params = dict(zip(grid, point))
                auc = fit_and_score(train, valid, params)
                table = pd.read_csv(out, index_col=0)
                table.loc[n] = list(point) + [auc]
                table.to_csv(out)
      `,
    },
    {
      name: 'a trial log at module level, under a built path, read and given a row at its end, then saved back',
      code: py`
        import os
        import pandas as pd

        LOG = os.path.join(RUN_DIR, "trials.csv")
        pd.DataFrame(columns=["trial", "lr", "loss"]).to_csv(LOG, index=False)
        for trial in range(50):
            lr = sample_lr()
            loss = train_once(lr)
            log = pd.read_csv(LOG)
            log.loc[len(log)] = [trial, lr, loss]
            log.to_csv(LOG, index=False)
      `,
    },
    {
      name: 'a preallocated array of scores loaded, filled at one index and saved back after each configuration',
      code: py`
        import numpy as np

        np.save("scores.npy", np.full(len(configs), np.nan))
        for i, cfg in enumerate(configs):
            scores = np.load("scores.npy")
            scores[i] = evaluate(cfg)
            np.save("scores.npy", scores)
      `,
    },
    {
      name: 'a stacked feature array loaded memory-mapped, copied, its NaNs zeroed in place and saved back over itself',
      code: py`
        import numpy as np

        np.save("features_flat.npy", stacked)
        view = np.load("features_flat.npy", mmap_mode="r+")
        dense = np.array(view)
        np.nan_to_num(dense, nan=0.0, posinf=0.0, neginf=0.0, copy=False)
        np.save("features_flat.npy", dense)
        del dense
        del view
      `,
    },
    {
      name: 'a grid of forecasts read back, clipped to the valid range with NumPy and saved over the same file',
      code: py`
        import numpy as np

        np.save(f"{OUT}/forecast.npy", preds)
        grid = np.load(f"{OUT}/forecast.npy")
        grid = np.clip(np.nan_to_num(grid), 0.0, None)
        np.save(f"{OUT}/forecast.npy", grid)
      `,
    },
    {
      name: 'per-station rainfall series saved, read back, negative readings set to zero with np.where and saved over the same file',
      code: py`
        import numpy as np

        for station in stations:
            path = f"{OUT}/{station}_rain.npy"
            np.save(path, series[station])
            rain = np.load(path)
            rain = np.where(rain < 0, 0.0, rain)
            np.save(path, rain)
      `,
    },
    {
      name: 'an HDF store appended to with append=True',
      code: py`
        import pandas as pd
        for day in days:
            load_day(day).to_hdf("meter.h5", key="readings", mode="a", append=True, format="table")
        readings = pd.read_hdf("meter.h5", "readings")
        model.fit(readings[FEATURES], readings["kwh"])
      `,
    },
    {
      name: 'inputs only read and outputs only written',
      code: py`
        import pandas as pd
        df = pd.read_csv("raw.csv")
        df.dropna().to_csv("clean.csv", index=False)
        pd.DataFrame({"pred": preds}).to_csv("submission.csv")
      `,
    },
    {
      name: 'a file read first and written after (an output that overwrites the input is another matter)',
      code: py`
        import pandas as pd
        df = pd.read_csv("state.csv")
        df["n"] += 1
        df.to_csv("state.csv")
      `,
    },
    {
      name: 'caches: existence checks and a missing-file handler',
      code: py`
        import os
        import pandas as pd
        if os.path.exists("features.parquet"):
            feats = pd.read_parquet("features.parquet")
        else:
            feats = build_features()
            feats.to_parquet("features.parquet")
        try:
            emb = pd.read_pickle("emb.pkl")
        except FileNotFoundError:
            emb = embed()
            emb.to_pickle("emb.pkl")
        emb2 = pd.read_pickle("emb.pkl")
      `,
    },
    {
      name: 'a split written out, then reloaded only to print its shapes and a statistic of it, in a string or not',
      code: py`
        from pathlib import Path
        import numpy as np
        import pandas as pd

        out = Path("data/processed")
        y_train.to_frame().to_parquet(out / "y_train.parquet")
        y_test.to_frame().to_parquet(out / "y_test.parquet")
        np.save(out / "weights.npy", weights)
        print("malicious frac -> train: %.4f  test: %.4f" % (
            pd.read_parquet(out / "y_train.parquet")["label"].mean(),
            pd.read_parquet(out / "y_test.parquet")["label"].mean()))
        print(f"weights sum {np.load(out / 'weights.npy').sum():.2f}")
      `,
    },
    {
      name: 'a table written out, then read back only to print the distinct values of a column, in a string or not',
      code: py`
        import pandas as pd

        frame["topic"] = [label_topic(text) for text in frame.text]
        frame.to_csv("data/labelled.csv", index=False)

        labelled = pd.read_csv("data/labelled.csv")
        print(f"Topics found: {labelled['topic'].unique()}")
        print(pd.read_csv("data/labelled.csv").source.unique())
      `,
    },
    {
      name: 'a table of runs written in one notebook cell, read back in a later one and only shown grouped by a hyperparameter, sorted or filtered',
      code: [
        'import pandas as pd\nruns = pd.DataFrame(rows)\nruns.to_csv("ppo_runs/summary.csv")\n',
        'summary = pd.read_csv("ppo_runs/summary.csv", index_col=0)\n',
        'summary.groupby("lr_actor").mean()\n',
        'summary.groupby(["gamma", "clip"])["episode_reward"].max().round(1)\n',
        'summary.query("episodes > 100").sort_values("sharpe", ascending=False)\n',
        'print(summary.nlargest(5, "final_value"))\n',
      ],
    },
    {
      name: 'gaps written in one notebook cell, read back and worked into a printed report: dates converted, rows sorted, runs numbered by a loop, groups counted and renamed',
      code: [
        'import pandas as pd\ngaps = find_gaps(readings, "temp_c")\ngaps.to_csv("gaps_temp.csv", index=False)\nlog = pd.read_csv("gaps_temp.csv")\nlog.head()\n',
        [
          'log["stamp"] = pd.to_datetime(log["stamp"])',
          'log = log.sort_values("stamp").reset_index(drop=True)',
          'log["step_h"] = log["stamp"].diff().dt.total_seconds() / 3600',
          'run = 0',
          'runs = []',
          'for step in log["step_h"].fillna(float("inf")):',
          '    if step == 1:',
          '        runs.append(run)',
          '    else:',
          '        run += 1',
          '        runs.append(run)',
          'log["run"] = runs',
          'sizes = log.groupby("run").size()',
          'long_runs = sizes[sizes > 24].index',
          'spans = log[log["run"].isin(long_runs)].groupby("run")["stamp"].agg(["min", "max", "count"])',
          'print(spans.rename(columns={"min": "start", "max": "end", "count": "hours"}))',
          '',
        ].join('\n'),
        'readings = fill_short_gaps(readings)\n',
      ],
    },
    {
      name: 'a read-back summed up day by day into a list and a dictionary that are only printed',
      code: py`
        import pandas as pd

        losses.to_csv("out/losses.csv")
        back = pd.read_csv("out/losses.csv")
        back["ts"] = pd.to_datetime(back["ts"])
        daily = back.set_index("ts").resample("D")["loss"].mean()
        worst = []
        for day, loss in daily.items():
            if loss > 1.0:
                worst.append(day)
        summary = {}
        summary["rows"] = len(back)
        summary["span"] = back["ts"].max() - back["ts"].min()
        print("days over 1.0:", worst)
        print(summary)
      `,
    },
    {
      name: 'a cache switched by a flag whose computing arm reloads what it wrote, so both arms go on with the same values',
      code: py`
        import pandas as pd
        from sklearn.model_selection import GridSearchCV

        do_search = False
        if do_search:
            search = GridSearchCV(model, grid, cv=5, refit=False).fit(X_train, y_train)
            results = pd.DataFrame(search.cv_results_)
            results.to_csv("results/search.csv")
            results = pd.read_csv("results/search.csv")
        else:
            results = pd.read_csv("results/search.csv")
        best = results.sort_values("rank_test_score").iloc[0]
        model.set_params(**best["params"]).fit(X_train, y_train)
      `,
    },
    {
      name: 'a cache built by a function the file calls only when the file is missing',
      code: py`
        import os
        import numpy as np
        import pandas as pd

        def build_index(rows):
            np.save("vectors.npy", encode(rows))
            rows.to_parquet("rows.parquet")

        if not os.path.exists("vectors.npy") or not os.path.isfile("rows.parquet"):
            build_index(pd.read_csv("courses.csv"))

        vectors = np.load("vectors.npy")
        rows = pd.read_parquet("rows.parquet")
        print(search(vectors, rows, "statistics"))
      `,
    },
    {
      name: 'a cache built when missing, whose builder a script\'s other mode also runs: that mode starts another run, which reads nothing',
      code: py`
        import argparse
        from pathlib import Path
        import pandas as pd

        FEATURES = Path("results") / "gait_features.csv"

        def extract_features(force=False):
            frame = compute_features(load_recordings())
            frame.to_csv(FEATURES, index=False)
            return FEATURES

        def evaluate(n_boot=1000):
            if not FEATURES.exists():
                extract_features()
            feats = pd.read_csv(FEATURES)
            return bootstrap_score(fit_ridge(feats), n_boot)

        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("--mode", choices=["extract", "evaluate"])
            args = parser.parse_args()
            if args.mode == "extract":
                extract_features(force=True)
            elif args.mode == "evaluate":
                evaluate()

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'the same modes at module level, the cache\'s builder run by name from the other arm',
      code: py`
        import os
        import sys
        import numpy as np

        def embed_corpus():
            np.save("cache/embeddings.npy", encode(read_corpus()))

        def search(query):
            if not os.path.isfile("cache/embeddings.npy"):
                embed_corpus()
            vectors = np.load("cache/embeddings.npy")
            return nearest(vectors, encode([query]))

        if sys.argv[1] == "index":
            embed_corpus()
        else:
            print(search(sys.argv[2]))
      `,
    },
    {
      name: 'a store bootstrapped when the project\'s own existence check finds nothing, else read and extended: a cache kept across runs',
      code: py`
        import pandas as pd
        from .storage import blob_exists, list_blobs

        HISTORY = "gs://bucket/history/labels.csv"

        def refresh_history(new_batch):
            if not blob_exists(HISTORY):
                history = pd.concat([pd.read_csv(p) for p in list_blobs("labels_*.csv")])
                history.to_csv(HISTORY, index=False)
                return history
            history = pd.read_csv(HISTORY)
            history = pd.concat([history, pd.read_csv(new_batch)]).drop_duplicates()
            history.to_csv(HISTORY, index=False)
            return history
      `,
    },
    {
      name: 'a read-back first asserted to equal the frame that was written, then used: a checked round trip',
      code: py`
        import numpy as np
        import pandas as pd
        from hamcrest import assert_that, equal_to


        def test_features_survive_csv(tmp_path, pipeline):
            features = pd.DataFrame({"age": [31, 47, 22], "income": [3.1, 5.4, 2.2]})
            features.to_csv(tmp_path / "features.csv", index=False)
            restored = pd.read_csv(tmp_path / "features.csv")
            assert_that((restored != features).sum().sum(), equal_to(0))
            pipeline.fit(restored)


        def test_scores_survive_npy(tmp_path, ranker):
            scores = np.linspace(0.0, 1.0, 11)
            np.save(tmp_path / "scores.npy", scores)
            reloaded = np.load(tmp_path / "scores.npy")
            np.testing.assert_array_equal(reloaded, scores)
            ranker.fit(reloaded.reshape(-1, 1))
      `,
    },
    {
      name: 'the output read back only to look at it',
      code: [
        'import pandas as pd\nsub = pd.DataFrame({"id": ids, "y": preds})\nsub.to_csv("submission.csv", index=False)\n',
        'pd.read_csv("submission.csv")\n',
        'check = pd.read_csv("submission.csv")\nprint(check.shape)\ncheck.head()\ndisplay(check)\ncheck["y"].describe()\ncheck.y.plot()\n',
        'import numpy as np\nnp.savez("arrays.npz", a=arr, b=arr)\narch = np.load("arrays.npz")\narch["b"]\n',
      ],
    },
    {
      name: 'meter tables written per building by one helper and read back by another into a dictionary it returns, whose caller only prints each shape and head',
      code: py`
        import pandas as pd

        def save_tables(tables):
            for b in range(1, 4):
                tables[b].to_parquet(f"meters/building_{b}.parquet")

        def load_tables():
            loaded = {}
            for b in range(1, 4):
                frame = pd.read_parquet(f"meters/building_{b}.parquet")
                loaded[b] = frame
            return loaded

        def main():
            save_tables(clean_meters(raw))
            back = load_tables()
            for b in range(1, 4):
                print(f"building {b}: {back[b].shape}")
                print(back[b].head(10))

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'a helper that returns the read-back itself, or writes each read straight into a dictionary it returns, called only to print a statistic or with its result dropped',
      code: py`
        import numpy as np
        import pandas as pd

        np.save("cache/charging_sessions.npy", sessions)
        daily.to_csv("cache/daily_kwh.csv")
        hourly.to_csv("cache/hourly_kwh.csv")

        def reload_sessions():
            return np.load("cache/charging_sessions.npy")

        def reload_usage():
            usage = {}
            usage["daily"] = pd.read_csv("cache/daily_kwh.csv")
            usage["hourly"] = pd.read_csv("cache/hourly_kwh.csv")
            return usage

        print("sessions kept:", len(reload_sessions()))
        reload_usage()
        check = reload_usage()
        print(check["daily"].describe(), check["hourly"].shape)
      `,
    },
    {
      name: 'a selection of rows or columns from the read-back, or its values reshaped, only printed and shown, is a look at the output',
      code: [
        'import polars as pl\nimport pandas as pd\nOUT.mkdir(parents=True, exist_ok=True)\nbars.write_parquet(OUT / "daily_bars.parquet")\n',
        'recent = (\n    pl.read_parquet(OUT / "daily_bars.parquet")\n    .filter(pl.col("symbol").is_in(["AAPL", "MSFT"]))\n    .sort("date", "symbol")\n)\nprint(f"{len(recent)} rows for two symbols")\nrecent.head(10)\n',
        'signals.to_csv("signals.csv")\npd.read_csv("signals.csv", index_col=0).query("score > 0.5").sort_values("score")\n',
        'top = pd.read_csv("signals.csv").loc[:, ["ticker", "score"]].nlargest(5, "score")\ndisplay(top)\n',
        'import numpy as np\nimport time\nnp.save("pixels.npy", flat_pixels)\nstart = time.time()\ngrid = np.load("pixels.npy").reshape(500, 28, 28)\nprint(grid)\nprint("shape:", grid.shape, "seconds:", time.time() - start)\n',
      ],
    },
    {
      name: 'the saved column names read back and only printed as a list or an array of the same values',
      code: [
        'import pandas as pd\npd.Series(X_train.columns).to_csv("outputs/feature_names.csv", index=False)\nprint("Feature names saved.")\n',
        'print(\n    pd.read_csv(\n        "outputs/feature_names.csv"\n    ).iloc[:, 0].tolist()\n)\n',
        'names = pd.read_csv("outputs/feature_names.csv").squeeze().to_list()\nprint(len(names), names[:5])\n',
        'pd.read_csv("outputs/feature_names.csv")["0"].to_numpy()\n',
      ],
    },
    {
      name: 'the output read back only to print the rows a condition picks, in a loop that keeps nothing',
      code: py`
        import pandas as pd
        catalog = catalog[catalog["band_gap"] > 0.5].reset_index(drop=True)
        catalog.to_pickle("wide_gap.pkl.gz")

        catalog = pd.read_pickle("wide_gap.pkl.gz")
        for crystal in catalog["structure"]:
            # flag the ones a reviewer should look at
            if any(site.is_radioactive for site in crystal.species) or len(crystal) > 200:
                print(crystal.formula)
            elif len(crystal) == 1:
                print("single site:", crystal)
            else:
                continue
        print(catalog)
      `,
    },
    {
      name: 'the write and the read in two arms of one if (a cache behind a flag)',
      code: py`
        import numpy as np
        if RECOMPUTE:
            stats = compute(df)
            np.save("stats.npy", stats)
        else:
            stats = np.load("stats.npy")
        use(stats)
      `,
    },
    {
      name: 'the write in a try body and the read in its handler (data pulled by an earlier run, for readers without the tools)',
      code: py`
        import numpy as np
        try:
            import requests
            counts = pull_counts(requests)
            np.savetxt("data/counts.csv", counts, delimiter=",")
        except (ImportError, ConnectionError):
            print("using the counts pulled earlier")
            counts = np.genfromtxt("data/counts.csv", delimiter=",")
        plot(counts)
      `,
    },
    {
      name: 'the write in a branch that returns and the read after it (features built on one run, read by a later one)',
      code: py`
        import numpy as np

        def features(images, build=False):
            if build:
                feats = extract(images)
                np.save("cache/features.npy", feats)
                return feats
            return np.load("cache/features.npy")

        def embeddings(images, build=False):
            if build:
                np.save("cache/embeddings.npy", embed(images))
                print("saved")
                return None
            emb = np.load("cache/embeddings.npy")
            return emb
      `,
    },
    {
      name: 'written in one function, read in another (data-access helpers)',
      code: py`
        import pandas as pd
        PATH = "store.csv"
        def save(df):
            df.to_csv(PATH)
        def load():
            return pd.read_csv(PATH)
      `,
    },
    {
      name: 'a function that reads the file is called before the file is written',
      code: py`
        import pandas as pd
        def load():
            return pd.read_csv("cache.csv").dropna()
        df = load()
        df.to_csv("cache.csv")
      `,
    },
    {
      name: 'a round-trip check in an assert, and different files',
      code: py`
        import pandas as pd
        df.to_csv("out.csv")
        assert pd.read_csv("out.csv").shape == df.shape
        for split in ["train", "test"]:
            parts[split].to_csv(f"{split}.csv")
        valid = pd.read_csv(f"{fold}.csv")
        other = pd.read_csv("out_v2.csv")
      `,
    },
    {
      name: 'a read-back bound to a name used only in assert statements, or passed straight to display(), checks the output',
      code: [
        'import pandas as pd\nfrom IPython.display import display\n',
        'def export(frame, out_path):\n    frame.to_csv(out_path, index=False)\n    written = pd.read_csv(out_path)\n    assert written["row_id"].is_unique, "duplicate ids after reload"\n    assert list(written.columns) == list(frame.columns)\n',
        'preds.to_csv("submission.csv", index=False)\ndisplay(pd.read_csv("submission.csv"))\n',
      ],
    },
    {
      name: 'a test that reads a file back, works a column out of it into the same frame, and only asserts on it checks the output',
      code: py`
        import pandas as pd
        import predict

        def test_hours_match_timestamps(tmp_dir, cfg):
            pred_path = tmp_dir / "predictions.csv"
            pd.DataFrame(
                {
                    "timestamp": ["2024-01-01T03:00"],
                    "hr": [3],
                }
            ).to_csv(pred_path, index=False)
            predict.run(cfg)
            out = pd.read_csv(pred_path)
            out["ts"] = pd.to_datetime(out["timestamp"])
            assert (out["ts"].dt.hour == out["hr"]).all()
      `,
    },
    {
      name: 'a read-back tested only by an `if` whose every arm prints, warns, logs or raises: an assertion spelled out',
      code: py`
        import logging
        import warnings
        import numpy as np
        import pandas as pd
        logger = logging.getLogger(__name__)
        for i, patch in enumerate(patches):
            out = f"patches/p_{i:04d}.npy"
            np.save(out, patch)
            check = np.load(out)
            if (
                check.dtype != np.float32
                or check.shape != patch.shape
                or np.isnan(check).any()
                or check.min() < 0.0
            ):
                print(f"patch not saved correctly: {out}")
        np.save("lr_stack.npy", lr_stack)
        back = np.load("lr_stack.npy")
        if back.shape != lr_stack.shape:
            raise RuntimeError("low-resolution stack was not written whole")
        table.to_csv("pairs.csv", index=False)
        reread = pd.read_csv("pairs.csv")
        if len(reread) != len(table):
            warnings.warn("pairs.csv lost rows")
        elif reread.isna().any().any():
            logger.warning("pairs.csv has gaps")
        else:
            logging.info("pairs.csv verified")
      `,
    },
    {
      name: 'a read-back tested by an `if` that only raises or reports, its test converting or comparing the values: a set\'s comparison, a cast and a text test, a membership test, a listed column',
      code: py`
        import argparse
        from pathlib import Path
        import pandas as pd

        def write_tables(out_dir, rows):
            summary = pd.DataFrame(rows)
            summary.to_csv(out_dir / "stress.csv", index=False)
            summary.to_csv(out_dir / "table_stress.csv", index=False)
            summary.to_parquet(out_dir / "stress.parquet")
            summary.to_json(out_dir / "stress.json")

        def check_outputs(out_dir):
            stress = pd.read_csv(out_dir / "stress.csv")
            required = {"shift_a", "shift_b"}
            if not required.issubset(set(stress["case"].astype(str).unique().tolist())):
                raise RuntimeError("stress.csv is missing a required case")
            table = pd.read_csv(out_dir / "table_stress.csv")
            if "case" in table.columns and table["case"].astype(str).str.contains("placeholder", na=False).any():
                raise RuntimeError("table_stress.csv keeps placeholder rows")
            frame = pd.read_parquet(out_dir / "stress.parquet")
            if not frame["case"].isin(["shift_a", "shift_b"]).all():
                print("unexpected case in stress.parquet")
            listed = pd.read_json(out_dir / "stress.json")
            if sorted(listed["case"].to_list()) != ["shift_a", "shift_b"]:
                raise ValueError("stress.json lost rows")

        def main():
            args = argparse.ArgumentParser().parse_args()
            out_dir = Path(args.out_dir)
            write_tables(out_dir, [])
            check_outputs(out_dir)

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'a unit test reads what it wrote back only in assertion calls: unittest methods, a suite helper, pandas.testing',
      code: py`
        import unittest
        import pandas as pd

        class ParquetRoundTrip(unittest.TestCase):
            def test_columns(self):
                self.frame.to_parquet("roundtrip.parquet")
                reread = pd.read_parquet("roundtrip.parquet", columns=["a"])
                self.assertEqual(list(reread.columns), ["a"])
                self.assert_frames_match(pd.read_parquet("roundtrip.parquet"), self.frame)
                pd.testing.assert_frame_equal(pd.read_parquet("roundtrip.parquet").sort_index(), self.frame)
      `,
    },
    {
      name: 'a read-back transformed on its way to a name used only in assert statements checks the output',
      code: py`
        import numpy as np
        for frac in (20, 40, 60):
            keep = np.ones(n_rows, dtype=bool)
            keep[flagged[: n_rows * frac // 100]] = False
            np.save(f"keep_mask_{frac}.npy", keep)
        for frac in (20, 40, 60):
            expected = np.sort(flagged[: n_rows * frac // 100])
            dropped = np.array([row for row, kept in enumerate(np.load(f"keep_mask_{frac}.npy")) if not kept])
            assert (dropped == expected).all()
            assert len(dropped) > 0, "empty mask"
      `,
    },
    {
      name: 'a test of serialization rebuilds an object from the read-back, directly or through a converted item, and only asserts on it',
      code: py`
        import numpy as np
        class TestSummary:
            def test_roundtrip(self, tmp_path):
                summary = Summary(coef=np.ones(4), score=0.5)
                out = tmp_path / "summary.npz"
                np.savez(out, **summary.to_dict())
                arrays = np.load(out)
                restored = Summary(**{name: arrays[name] for name in arrays.files})
                assert np.allclose(restored.coef, summary.coef)
            def test_roundtrip_scalar(self, tmp_path):
                out = tmp_path / "alpha.npz"
                np.savez(out, alpha=0.1, path=np.arange(3))
                arrays = np.load(out)
                alpha = float(arrays["alpha"])
                restored = Summary(alpha=alpha, path=arrays["path"])
                assert restored.alpha == 0.1
                np.testing.assert_array_equal(restored.path, np.arange(3))
      `,
    },
    {
      name: 'a file written and re-read in a loop whose body rebinds the name before the write: the re-read is only checked',
      code: py`
        import pandas as pd
        base = pd.read_csv("sample_submission.csv")
        for name, preds in variants.items():
            out_path = f"submission_{name}.csv"
            frame = base.copy()
            frame["target"] = preds
            frame.to_csv(out_path, index=False)
            frame = pd.read_csv(out_path)
            assert len(frame) == len(base)
            print(name, frame.shape)
      `,
    },
    {
      name: 'a written file logged to an experiment tracker, then fetched and read back, is a versioned artefact',
      code: [
        'import os\nimport pandas as pd\nimport wandb\n',
        'df = summarize(raw)\npath_to_save = os.path.join(root_dir, "summaries.csv")\ndf.to_csv(path_to_save, index=False)\nartifact = wandb.Artifact("summaries", type="dataset")\nartifact.add_file(path_to_save)\nwandb.log_artifact(artifact)\n',
        'wandb.Api().artifact("summaries:latest").download(root_dir)\ndf = pd.read_csv(os.path.join(root_dir, "summaries.csv"))\nindex_documents(df)\n',
        'import mlflow\nfeatures.to_parquet("features.parquet")\nmlflow.log_artifact("features.parquet")\ntrain = pd.read_parquet("features.parquet")\nmodel.fit(train.drop(columns="y"), train.y)\n',
      ],
    },
    {
      name: 'a written file whose hash a tracker records on the run (Neptune track_files) is checked, not a silent hop',
      code: py`
        from pathlib import Path
        import neptune
        import pandas as pd
        data_dir = Path("data")
        project = neptune.init_project(project="team/churn")
        full = pd.read_csv(data_dir / "customers.csv")
        for version, frac in enumerate([0.4, 0.6, 0.8]):
            full.sample(frac=frac, random_state=version).to_csv(str(data_dir / "subset.csv"), index=False)
            project[f"data/subset/v{version}"].track_files(str(data_dir / "subset.csv"), wait=True)
        run = neptune.init_run(project="team/churn")
        SUBSET = str(data_dir / "subset.csv")
        run["data/train"].track_files(SUBSET)
        train = pd.read_csv(SUBSET)
        model.fit(train.drop(columns="churned"), train.churned)
      `,
    },
    {
      name: 'a hash record in one notebook cell versions the file another cell reads back',
      code: [
        'import neptune\nimport pandas as pd\nrun = neptune.init_run()\n',
        'feats = build_features(raw)\nfeats.to_parquet("work/feats.parquet")\nrun["datasets/features"].track_files("work/feats.parquet")\n',
        'X = pd.read_parquet("work/feats.parquet")\nclf.fit(X.drop(columns="y"), X.y)\n',
      ],
    },
    {
      name: 'an array spilled to disk and read straight back memory-mapped (np.load mmap_mode), only del, comments or prints between: a view to spare memory',
      code: py`
        import os
        import numpy as np
        from sklearn.semi_supervised import LabelPropagation

        def extract(model, labeled_loader, unlabeled_loader, out_dir, tag):
            feats = predict(model, labeled_loader)
            path = os.path.join(out_dir, f"labeled_{tag}.npy")
            np.save(path, feats)
            del feats
            feats = np.load(path, mmap_mode="r")
            rest = predict(model, unlabeled_loader)
            np.save(f"{out_dir}/unlabeled_{tag}.npy", rest)
            # keep only the memory map
            print("saved", rest.shape)
            del rest
            rest = np.load(f"{out_dir}/unlabeled_{tag}.npy", "r")
            lp = LabelPropagation(kernel="knn").fit(np.concatenate([feats, rest]), labels)
            return lp

        emb = embed(texts)
        np.save("embeddings.npy", emb)
        emb = np.load("embeddings.npy", mmap_mode="c")
        clf.fit(emb, y)
      `,
    },
    {
      name: 'column blocks spilled to disk, merged and then deleted (os.remove, Path.unlink): scratch space, not a stage output',
      code: py`
        import os
        from pathlib import Path
        import numpy as np
        def propagate(features, adj, out_dir, hops, width):
            for start in range(0, features.shape[1], width):
                block = features[:, start:start + width]
                for hop in range(hops):
                    block = adj @ block
                    np.save(os.path.join(out_dir, f"feat_{hop}_{start}.npy"), block)
            for hop in range(hops):
                parts = [np.load(os.path.join(out_dir, f"feat_{hop}_{start}.npy")) for start in range(0, features.shape[1], width)]
                np.save(os.path.join(out_dir, f"feat_{hop}.npy"), np.concatenate(parts, axis=1))
            for hop in range(hops):
                for start in range(0, features.shape[1], width):
                    os.remove(os.path.join(out_dir, f"feat_{hop}_{start}.npy"))
        propagate(x, adj_t, "prep", 3, 128)
        tmp = Path("prep") / "labels_tmp.npy"
        np.save(tmp, y)
        labels = np.load(tmp).astype(np.int64)
        tmp.unlink()
        model.fit(labels)
      `,
    },
    {
      name: 'predictions written, read back in a later cell, cast and split into hits and misses that nothing reads: the read-back reaches nothing',
      code: [
        'import pandas as pd\nscored = holdout.assign(pred=clf.predict(holdout[FEATURES]))\nscored.to_csv(OUT / "holdout_scored.csv", index=False)\n',
        '# compare hits and misses later\nscored = pd.read_csv(OUT / "holdout_scored.csv")\nscored["label"] = scored["label"].astype("int8")\nscored["pred"] = scored["pred"].astype("int8")\nhits = scored[scored["label"] == scored["pred"]]\nmisses = scored[scored["label"] != scored["pred"]]\n# profile(hits, misses)\n',
        'print("done")\n',
      ],
    },
    {
      name: 'in a function: the read-back only written into and narrowed into a local never read',
      code: py`
        import pandas as pd

        def export(frame, path):
            frame.to_parquet(path)
            back = pd.read_parquet(path)
            back["week"] = back["week"].astype("int16")
            recent = back.loc[back["week"] > 40]
            return path
      `,
    },
    {
      name: 'tables rebuilt only when a helper of the file finds the source files, then plotted: where they are missing the plot reads the copy an earlier run left',
      code: py`
        from pathlib import Path
        import matplotlib.pyplot as plt
        import pandas as pd

        RUNS = Path("runs")
        TABLES = Path("report/tables")

        def sources_present():
            needed = [RUNS / "kepler_metrics.csv", RUNS / "tess_metrics.csv"]
            return all(p.exists() for p in needed)

        def plot_scores():
            scores = pd.read_csv(TABLES / "scores.csv")
            plt.bar(scores["survey"], scores["f1"])
            plt.savefig("report/scores.png")

        def main():
            if sources_present():
                merged = pd.concat([pd.read_csv(RUNS / "kepler_metrics.csv"), pd.read_csv(RUNS / "tess_metrics.csv")])
                merged.to_csv(TABLES / "scores.csv", index=False)
            plot_scores()

        main()
      `,
    },
    {
      name: 'features written only when the raw folder holds files (a helper of the file that lists it), then read back to train on either way',
      code: py`
        import os
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier

        RAW_DIR = "data/raw_lightcurves"

        def raw_available(folder):
            return os.path.isdir(folder) and len(os.listdir(folder)) > 0

        if raw_available(RAW_DIR):
            feats = extract_features(RAW_DIR)
            feats.to_parquet("data/features.parquet")
        feats = pd.read_parquet("data/features.parquet")
        clf = RandomForestClassifier().fit(feats.drop(columns="label"), feats["label"])
      `,
    },
    {
      name: 'a cache rebuilt when a helper of the file says the catalog file is missing, also joined with a flag in the test',
      code: py`
        import numpy as np
        from pathlib import Path

        CATALOG = Path("cache/galaxy_embeddings.npy")

        def catalog_missing():
            return not CATALOG.is_file()

        def build(images, refresh=False):
            if refresh or catalog_missing():
                np.save(CATALOG, embed(images))
            vectors = np.load(CATALOG)
            return fit_index(vectors)
      `,
    },
  ],
  invalid: [
    {
      name: 'a guard that stops the program when another file is there guards that file, not the hop',
      code: py`
        import os
        import sys
        import pandas as pd

        CLEAN = "data/clean.csv"
        if os.path.exists("models/final.pkl"):
            sys.exit("a model is there already")
        raw = pd.read_csv("data/raw.csv")
        raw.dropna().to_csv(CLEAN, index=False)
        frame = pd.read_csv(CLEAN)
        model.fit(frame[["a"]], frame["y"])
      `,
      findings: [{ line: 10 }],
    },
    {
      name: 'a guard that stops the program when the file is missing checks an input, not a cache: the hop after it is still reported',
      code: py`
        import os
        import sys
        import pandas as pd

        CLEAN = "data/clean.csv"
        if not os.path.exists(CLEAN):
            print("writing it now")
            sys.exit(1)
        raw = pd.read_csv("data/raw.csv")
        raw.dropna().to_csv(CLEAN, index=False)
        frame = pd.read_csv(CLEAN)
        model.fit(frame[["a"]], frame["y"])
      `,
      findings: [{ line: 11 }],
    },
    {
      name: 'a guard that raises when the file is there refuses to overwrite it: this run writes it and reads it back, a hop',
      code: py`
        import os
        import pandas as pd

        CLEAN = "data/clean.csv"
        if os.path.exists(CLEAN):
            raise FileExistsError("refusing to overwrite")
        raw = pd.read_csv("data/raw.csv")
        raw.dropna().to_csv(CLEAN, index=False)
        frame = pd.read_csv(CLEAN)
        model.fit(frame[["a"]], frame["y"])
      `,
      findings: [{ line: 9 }],
    },
    {
      name: 'an array read back memory-mapped after other code, without mmap_mode, or with mmap_mode=None, is still a hop',
      code: py`
        import numpy as np

        def extract(model, loader, path):
            feats = predict(model, loader)
            np.save(path, feats)
            scaled = scale(feats)
            feats = np.load(path, mmap_mode="r")
            return fit(feats, scaled)

        np.save("embeddings.npy", embed(texts))
        emb = np.load("embeddings.npy")
        clf.fit(emb, y)
        np.save("codes.npy", encode(texts))
        codes = np.load("codes.npy", mmap_mode=None)
        clf.fit(codes, y)
        np.save("tokens.npy", tokens)
        view = np.load("tokens.npy", mmap_mode="r")
        clf.fit(view, tokens)
      `,
      findings: [
        { line: 7, message: /read back here/ },
        { line: 11, message: /embeddings\.npy.*read back here/ },
        { line: 14, message: /codes\.npy.*read back here/ },
        { line: 17, message: /tokens\.npy.*read back here/ },
      ],
    },
    {
      name: 'a read-back handed to a check whose result is kept, or to a call that names another step or no check, still feeds the next step',
      code: py`
        import pandas as pd

        features.to_parquet("features.parquet")
        validated = schema.validate(pd.read_parquet("features.parquet"))
        model.fit(validated[FEATURES], validated["y"])

        frame.to_csv("clean.csv")
        check_and_save(pd.read_csv("clean.csv"), "final.csv")

        rows.to_csv("rows.csv")
        validate_and_fix(pd.read_csv("rows.csv"))

        table.to_csv("table.csv")
        checkpoint(pd.read_csv("table.csv"))
      `,
      findings: [
        { line: 4, message: /features\.parquet.*read back here/ },
        { line: 8, message: /clean\.csv.*read back here/ },
        { line: 11, message: /rows\.csv.*read back here/ },
        { line: 14, message: /table\.csv.*read back here/ },
      ],
    },
    {
      name: 'rows written beside a checkpoint, and a record written by a function that saves no model there, are still hops',
      code: py`
        import os
        import numpy as np

        def save_best(model, X_test, epoch, out_dir):
            best_dir = os.path.join(out_dir, "best")
            model.save_pretrained(best_dir)
            np.save(f"{best_dir}/X_test.npy", X_test)

        def note_epoch(epoch, out_dir):
            np.save(os.path.join(out_dir, "best", "best_epoch.npy"), epoch)

        def evaluate(model, out_dir):
            X_test = np.load(os.path.join(out_dir, "best", "X_test.npy"))
            epoch = int(np.load(os.path.join(out_dir, "best", "best_epoch.npy")))
            return model.predict(X_test), epoch + 1

        save_best(model, X_test, 3, out_dir)
        note_epoch(3, out_dir)
        print(evaluate(model, out_dir))
      `,
      findings: [{ line: 13, message: /X_test\.npy.*read back here/ }, { line: 14, message: /best_epoch\.npy.*read back here/ }],
    },
    {
      name: 'a Python 2 print that writes the read-back into another file (`print >> out`) hands it on: still a hop',
      code: py`
        import numpy as np
        np.save("sample.npy", sample)
        back = np.load("sample.npy")
        out = open("report.txt", "w")
        print >> out, back
      `,
      findings: [{ line: 3, message: /sample\.npy.*read back here/ }],
    },
    {
      name: 'exported weights read back by a closure whose outputs are trained on: still a hop',
      code: py`
        import numpy as np

        def export(net, inputs, labels, head):
            np.savez("export/weights.npz", w=net.w, b=net.b)
            params = np.load("export/weights.npz")

            def forward(x):
                return np.tanh(params["w"] @ x + params["b"])

            head.fit(np.stack([forward(x) for x in inputs]), labels)
      `,
      findings: [{ line: 5, message: /read back here/ }],
    },
    {
      name: 'a module-level function over the read-back that also keeps what it computes in a list: still a hop',
      code: py`
        import numpy as np
        np.savez("export/weights.npz", w=w, b=b)
        params = np.load("export/weights.npz")
        kept = []

        def forward(x):
            out = np.tanh(params["w"] @ x + params["b"])
            kept.append(out)
            return float(out.sum())

        worst = 0.0
        for x, e in zip(inputs, expected):
            worst = max(worst, abs(e - forward(x)))
        print(worst)
      `,
      findings: [{ line: 3, message: /read back here/ }],
    },
    {
      name: 'saved predictions read back and scored by a metric, or their gap used to pick rows that are trained on: still hops',
      code: py`
        import numpy as np
        from sklearn.metrics import accuracy_score
        np.save("out/preds.npy", preds)
        print(accuracy_score(y_test, np.load("out/preds.npy")))
        np.save("out/scores.npy", scores)
        gap = np.abs(np.load("out/scores.npy") - scores).max()
        keep = X[scores > gap]
        model.fit(keep, y[scores > gap])
      `,
      findings: [{ line: 4, message: /read back here/ }, { line: 6, message: /read back here/ }],
    },
    {
      name: 'the same helpers, with the dictionary the helper returns trained on by its caller, or shown in one call and trained on in another: still a hop',
      code: py`
        import pandas as pd

        def load_tables():
            loaded = {}
            for b in range(1, 4):
                loaded[b] = pd.read_parquet(f"meters/building_{b}.parquet")
            return loaded

        def reload_one():
            return pd.read_csv("meters/one.csv")

        for b in range(1, 4):
            tables[b].to_parquet(f"meters/building_{b}.parquet")
        tables[1].to_csv("meters/one.csv")
        back = load_tables()
        model.fit(back[1][FEATURES], back[1]["kwh"])
        print(reload_one().shape)
        one = reload_one()
        model.fit(one[FEATURES], one["kwh"])
      `,
      findings: [{ line: 6, message: /read back here/ }, { line: 10, message: /read back here/ }],
    },
    {
      name: 'a flag that only decides whether to write: the reload after the write is still a hop',
      code: py`
        import pandas as pd
        save_results = True
        results = pd.DataFrame(search.cv_results_)
        if save_results:
            results.to_csv("results/search.csv")
            results = pd.read_csv("results/search.csv")
        model.set_params(**results.iloc[0]["params"]).fit(X_train, y_train)
      `,
      findings: [{ line: 6, message: /read back here/ }],
    },
    {
      name: 'the distinct values of a read-back column used to encode the labels trained on: still a hop',
      code: py`
        import pandas as pd
        frame.to_csv("data/labelled.csv", index=False)
        labelled = pd.read_csv("data/labelled.csv")
        topics = labelled["topic"].unique()
        print(topics)
        model.fit(vectorize(labelled.text), labelled.topic.map({t: i for i, t in enumerate(topics)}))
      `,
      findings: [{ line: 3, message: /read back here/ }],
    },
    {
      name: 'a grouped statistic of the read-back that picks the learning rate trained with, or sorted rows handed to a fit: still a hop',
      code: [
        'import pandas as pd\nruns.to_csv("ppo_runs/summary.csv")\nprices.to_csv("data/prices.csv")\n',
        'summary = pd.read_csv("ppo_runs/summary.csv")\nsummary.groupby("lr")["episode_reward"].mean()\nbest_lr = summary.groupby("lr")["episode_reward"].mean().idxmax()\nagent = PPO("MlpPolicy", env, learning_rate=best_lr)\n',
        'history = pd.read_csv("data/prices.csv")\nscaler.fit(history.sort_values("date")[FEATURES])\n',
      ],
      findings: [{ cell: 1, line: 1, message: /read back here/ }, { cell: 2, line: 1, message: /read back here/ }],
    },
    {
      name: 'runs numbered by a loop over the read-back and handed to a fit, a report of it written to another file, a fit under a test of it: still hops',
      code: py`
        import pandas as pd

        gaps.to_csv("gaps_a.csv")
        log = pd.read_csv("gaps_a.csv")
        log = log.sort_values("stamp")
        runs = []
        for step in log["step_h"]:
            runs.append(step > 1)
        model.fit(log[["step_h"]], runs)

        gaps.to_csv("gaps_b.csv")
        other = pd.read_csv("gaps_b.csv")
        spans = other.groupby("run")["stamp"].agg(["min", "max"])
        spans.rename(columns={"min": "start"}).to_csv("report/spans.csv")

        gaps.to_csv("gaps_d.csv")
        fourth = pd.read_csv("gaps_d.csv")
        if fourth["hours"].max() < 24:
            model.fit(X, y)
      `,
      findings: [{ line: 4, message: /read back here/ }, { line: 12, message: /read back here/ }, { line: 17, message: /read back here/ }],
    },
    {
      name: 'a statistic of the read-back used to filter the data that is trained on: still a hop',
      code: py`
        import pandas as pd
        scores.to_csv("out/scores.csv")
        cut = pd.read_csv("out/scores.csv")["score"].mean()
        print("cut %.3f" % cut)
        keep = frame[frame.score > cut]
        model.fit(keep[FEATURES], keep.y)
      `,
      findings: [{ line: 3, message: /read back here/ }],
    },
    {
      name: 'a builder called under the existence check and once more unconditionally: its write is a step of the pipeline, still a hop',
      code: py`
        import os
        import numpy as np

        def build_index(rows):
            np.save("vectors.npy", encode(rows))

        if not os.path.exists("vectors.npy"):
            build_index(rows)
        build_index(new_rows)
        vectors = np.load("vectors.npy")
        print(search(vectors, "statistics"))
      `,
      findings: [{ line: 10, message: /read back here/ }],
    },
    {
      name: 'the misses split from the read-back are handed to a project function: they may feed a step, still a hop',
      code: [
        'import pandas as pd\nscored.to_csv(OUT / "holdout_scored.csv", index=False)\n',
        'scored = pd.read_csv(OUT / "holdout_scored.csv")\nscored["pred"] = scored["pred"].astype("int8")\nmisses = scored[scored["label"] != scored["pred"]]\n',
        'retrain_on(misses)\n',
      ],
      findings: [{ cell: 1, line: 1, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'the read-back cast in place and then trained on: still a hop',
      code: 'import pandas as pd\nfeats.to_csv("feats.csv", index=False)\nback = pd.read_csv("feats.csv")\nback["y"] = back["y"].astype("int8")\nmodel.fit(back[FEATURES], back["y"])\n',
      findings: [{ line: 3, message: /read back here/ }],
    },
    {
      name: 'the read-back handed to a call of another function whose result is never read: the call may save or train, still a hop',
      code: 'import pandas as pd\nfeats.to_csv("feats.csv", index=False)\nback = pd.read_csv("feats.csv")\nsummary = build_profile(back)\n',
      findings: [{ line: 3, message: /read back here/ }],
    },
    {
      name: 'a Spark read-back that is counted and then joined into the next table is a hop',
      code: py`
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        orders = spark.read.csv("data/orders.csv", header=True)
        orders.groupBy("customer").count().write.parquet("out/per_customer.parquet", mode="overwrite")
        counts = spark.read.parquet("out/per_customer.parquet")
        print(counts.count())
        counts.join(orders, "customer").write.parquet("out/joined.parquet")
      `,
      findings: [{ line: 5, column: 10, message: /^"out\/per_customer.parquet" is written by/ }],
      noFix: true,
    },
    {
      name: 'a Spark read-back reworked with column functions into a table that is written again is a hop',
      code: py`
        from pyspark.sql import functions as F
        df.write.parquet("out/stage1", mode="overwrite")
        stage = spark.read.parquet("out/stage1")
        stage.withColumn("label", F.split(F.col("track"), "/")[0]).write.parquet("out/stage2")
      `,
      findings: [{ line: 3, message: /^"out\/stage1" is written by/ }],
      noFix: true,
    },
    {
      name: 'a Spark read-back shown through a report that runs a Python UDF of the project is a hop',
      code: py`
        from pyspark.sql import functions as F
        df.write.parquet("out/stage1", mode="overwrite")
        stage = spark.read.parquet("out/stage1")
        labelled = stage.withColumn("label", F.udf(relabel)("track"))
        labelled.show()
      `,
      findings: [{ line: 3, message: /^"out\/stage1" is written by/ }],
      noFix: true,
    },
    {
      name: 'a read-back merged into a dict that a model is then trained on: still a hop',
      code: py`
        import pandas as pd
        new_rows.to_csv("rows.csv", index=False)
        prior = pd.read_csv("rows.csv")
        merged = {r["id"]: r for _, r in prior.iterrows()}
        merged["extra"] = extra_row
        model.fit(pd.DataFrame(list(merged.values()))[FEATURES], y)
      `,
      findings: [{ line: 3, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a results table saved back in place, whose read-back also picks the point a refit uses: still a hop',
      code: py`
        import pandas as pd
        pd.DataFrame(columns=["C", "auc"]).to_csv("grid.csv")
        for n, c in enumerate([0.1, 1.0, 10.0]):
            table = pd.read_csv("grid.csv", index_col=0)
            table.loc[n] = [c, score_c(c)]
            table.to_csv("grid.csv")
            best = table.sort_values("auc").iloc[-1]
        refit(best["C"])
      `,
      findings: [{ line: 4, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a feature array read back and cleaned with NumPy, then trained on: still a hop',
      code: py`
        import numpy as np
        np.save("features_flat.npy", stacked)
        view = np.load("features_flat.npy", mmap_mode="r")
        dense = np.nan_to_num(np.array(view))
        np.save("features_flat.npy", dense)
        model.fit(dense, y)
      `,
      findings: [{ line: 3, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a feature array read back, cleaned with NumPy and saved under another name: still a hop',
      code: py`
        import numpy as np
        np.save("features_flat.npy", stacked)
        view = np.load("features_flat.npy")
        np.save("features_clean.npy", np.nan_to_num(view))
      `,
      findings: [{ line: 3, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a read-back extended and saved to another file: still a hop',
      code: py`
        import pandas as pd
        scores.to_csv("scores.csv")
        table = pd.read_csv("scores.csv")
        table.loc[len(table)] = ["mean", scores["auc"].mean()]
        table.to_csv("scores_with_mean.csv")
      `,
      findings: [{ line: 3, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a table read from the file and narrowed into a new one before it is saved over it: still a hop',
      code: py`
        import pandas as pd
        READINGS = "data/readings.parquet"
        readings = pd.read_parquet(READINGS)
        readings = readings[readings["status"] == "ok"]
        readings.to_parquet(READINGS)
        detector.fit(pd.read_parquet(READINGS)[SENSORS])
      `,
      findings: [{ line: 6, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a registry the run starts itself before it reads, updates and saves it back: still a hop',
      code: py`
        import pandas as pd
        plan().to_csv("runs/registry.csv")
        registry = pd.read_csv("runs/registry.csv")
        registry.at[0, "score"] = fit_first(registry)
        registry.to_csv("runs/registry.csv")
        final = pd.read_csv("runs/registry.csv")
        refit(final.sort_values("score").iloc[0])
      `,
      findings: [{ line: 3, message: /read back here .*then written again and read back 1 more time|read back here/ }],
    },
    {
      name: 'a log started afresh by this run and then appended to is one run\'s file: still a hop',
      code: py`
        import pandas as pd
        pd.DataFrame(columns=["fold", "rmse"]).to_csv("scores.csv", index=False)
        for fold in range(5):
            pd.DataFrame([{"fold": fold, "rmse": fit_fold(fold)}]).to_csv("scores.csv", mode="a", header=False, index=False)
        scores = pd.read_csv("scores.csv")
        best = scores.sort_values("rmse").iloc[0]
        refit(best["fold"])
      `,
      findings: [{ line: 5, message: /is written by .* and read back here: an intermediate file inside one pipeline/ }],
    },
    {
      name: 'blocks written through a handle opened for writing ("w") and read back: the run starts the file afresh, still a hop',
      code: py`
        import numpy as np
        out = open("work/cloud.txt", "w")
        np.savetxt(out, sampled_points, fmt="%.4f")
        out.close()
        cloud = np.loadtxt("work/cloud.txt")
        model.fit(cloud[:, :3], cloud[:, 3])
      `,
      findings: [{ line: 5, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a file this run writes whole and then appends to through an "a" handle: one run\'s file, still a hop',
      code: py`
        import numpy as np
        np.savetxt("work/cloud.txt", first_block, fmt="%.4f")
        for block in other_blocks:
            with open("work/cloud.txt", "a") as fh:
                np.savetxt(fh, block, fmt="%.4f")
        cloud = np.loadtxt("work/cloud.txt")
        model.fit(cloud[:, :3], cloud[:, 3])
      `,
      findings: [{ line: 6, message: /read back here/ }],
    },
    {
      name: 'an HDF store opened with mode="a" whose key each write replaces: still a hop',
      code: py`
        import pandas as pd
        clean.to_hdf("work.h5", key="clean", mode="a")
        df = pd.read_hdf("work.h5", "clean")
        model.fit(df[FEATURES], df["kwh"])
      `,
      findings: [{ line: 3, message: /read back here: an intermediate file/ }],
    },
    {
      name: 'a read in a function is linked to the last write that runs before it, not the last in the file',
      code: py`
        import pandas as pd
        def train():
            data = pd.read_csv("clean.csv")
            return fit(data.drop(columns="y"), data.y)
        def prepare(raw):
            raw.dropna().to_csv("clean.csv")
        prepare(pd.read_csv("raw.csv"))
        model = train()
        pd.DataFrame({"p": model.predict(X)}).to_csv("clean.csv")
      `,
      findings: [{ line: 3, message: /^"clean.csv" is written by `raw.dropna\(\).to_csv` in line 6 and read back here/ }],
      noFix: true,
    },
    {
      name: 'a loop over the read-back that keeps rows, or whose test calls more than builtins, uses it',
      code: py`
        import pandas as pd
        catalog.to_pickle("wide_gap.pkl.gz")
        catalog = pd.read_pickle("wide_gap.pkl.gz")
        keep = []
        for crystal in catalog["structure"]:
            if len(crystal) < 200:
                keep.append(crystal)
        bands.to_pickle("bands.pkl")
        bands = pd.read_pickle("bands.pkl")
        for row in bands["gap"]:
            if screen(row):
                print(row)
      `,
      findings: [
        { line: 3, message: /^"wide_gap.pkl.gz" is written by `catalog.to_pickle` in line 2 and read back here/ },
        { line: 9, message: /^"bands.pkl" is written by `bands.to_pickle` in line 8 and read back here/ },
      ],
      noFix: true,
    },
    {
      name: 'an assertion about the read-back alone, or against another frame, does not check the round trip',
      code: py`
        import pandas as pd


        def build(raw, reference, model):
            clean = raw.dropna()
            clean.to_csv("clean.csv", index=False)
            table = pd.read_csv("clean.csv")
            assert len(table) > 0
            model.fit(table)
            raw.to_csv("raw_copy.csv", index=False)
            copy = pd.read_csv("raw_copy.csv")
            pd.testing.assert_frame_equal(copy, reference)
            model.fit(copy)


        build(pd.read_csv("input.csv"), pd.read_csv("reference.csv"), make_model())
      `,
      findings: [
        { line: 7, message: /^"clean.csv" is written by `clean.to_csv`/ },
        { line: 11, message: /^"raw_copy.csv" is written by `raw.to_csv`/ },
      ],
      noFix: true,
    },
    {
      name: 'a hash record of another file (the raw input) leaves the hop of the derived file reported',
      code: py`
        import neptune
        import pandas as pd
        run = neptune.init_run()
        run["data/raw"].track_files("raw.csv")
        clean = pd.read_csv("raw.csv").dropna()
        clean.to_csv("clean.csv", index=False)
        df = pd.read_csv("clean.csv")
        model.fit(df.drop(columns="y"), df.y)
      `,
      findings: [{ line: 7, message: /^"clean.csv" is written by `clean.to_csv`/ }],
      noFix: true,
    },
    {
      name: 'a tracker logging a different file leaves the hop of this one reported',
      code: py`
        import pandas as pd
        import wandb
        clean = pd.read_csv("raw.csv").dropna()
        clean.to_csv("clean.csv", index=False)
        wandb.save("model.pt")
        df = pd.read_csv("clean.csv")
        model.fit(df.drop(columns="y"), df.y)
      `,
      findings: [{ line: 6, message: /^"clean.csv" is written by `clean.to_csv`/ }],
      noFix: true,
    },
    {
      name: 'one written file read back in two later cells: one hop, one finding',
      code: [
        'import pandas as pd\nreviews = pd.read_csv("raw.csv").dropna()\nreviews.to_csv("reviews.csv", index=False)\n',
        'df = pd.read_csv("reviews.csv")\nvectorizer.fit(df["text"])\n',
        'df = pd.read_csv("reviews.csv")\nclf.fit(vectorizer.transform(df["text"]), df["label"])\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^"reviews.csv" is written by `reviews.to_csv` in cell 1 and read back here \(and 1 more time\)/, related: 2 }],
      noFix: true,
    },
    {
      name: 'a file each cell reads, reworks and writes back under the same path: one intermediate file, one finding linked to every later write and read',
      code: [
        'import pandas as pd\nmasks = pd.read_csv("raw_masks.csv")\nmasks.to_csv("work/masks.csv", index=False)\n',
        'df = pd.read_csv("work/masks.csv")\nsmall = find_small(df)\ndf.loc[df.id.isin(small), "rle"] = ""\ndf.to_csv("work/masks.csv", index=False)\n',
        'df = pd.read_csv("work/masks.csv")\nlonely = find_lonely(df, neighbours)\ndf.loc[df.id.isin(lonely), "rle"] = ""\ndf.to_csv("work/masks.csv", index=False)\n',
        'df = pd.read_csv("work/masks.csv")\nmodel.fit(encode(df["rle"]), df["label"])\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^"work\/masks.csv" is written by `masks.to_csv` in cell 1 and read back here, then written again and read back 2 more times: an intermediate file inside one pipeline/, related: 5 }],
      noFix: true,
    },
    {
      name: 'a script that reworks one file in place step after step: one finding; the file it hands on to the next step is its own',
      code: py`
        import pandas as pd

        pd.read_csv("raw.csv").dropna().to_csv("work/rows.csv", index=False)
        rows = pd.read_csv("work/rows.csv")
        scaler.fit(rows[["price"]])
        rows["price"] = scaler.transform(rows[["price"]])
        rows.to_csv("work/rows.csv", index=False)
        rows = pd.read_csv("work/rows.csv")
        rows.groupby("store").sum().to_csv("work/stores.csv")
        stores = pd.read_csv("work/stores.csv")
        model.fit(stores.drop(columns="sales"), stores.sales)
      `,
      findings: [
        { line: 4, column: 8, message: /^"work\/rows.csv" is written by `pd.read_csv\("raw.csv"\).dropna\(\).to_csv` in line 3 and read back here, then written again and read back 1 more time: an intermediate file/, related: 3 },
        { line: 10, column: 10, message: /^"work\/stores.csv" is written by `rows.groupby\("store"\).sum\(\).to_csv` in line 9 and read back here: an intermediate file/, related: 1 },
      ],
      noFix: true,
    },
    {
      name: 'a selection from the read-back that goes on to a model is still a hop',
      code: py`
        import polars as pl
        bars.write_parquet("daily_bars.parquet")
        train = pl.read_parquet("daily_bars.parquet").filter(pl.col("date") < "2023-01-01").sort("date")
        print(train.shape)
        model.fit(train.select(FEATURES).to_numpy(), train["ret_fwd"].to_numpy())
      `,
      findings: [{ line: 3, column: 9, message: /^"daily_bars.parquet" is written by `bars.write_parquet` in line 2 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'to_csv then read_csv of the same file, both sites linked',
      code: py`
        import pandas as pd
        raw = pd.read_csv("raw.csv")
        clean = raw.dropna()
        clean.to_csv("data/clean.csv", index=False)
        df = pd.read_csv("data/clean.csv")
        model.fit(df.drop(columns="y"), df.y)
      `,
      findings: [{ line: 5, column: 6, message: /^"data\/clean.csv" is written by `clean.to_csv` in line 4 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'written in a try body and read in its else clause or after the try: the same run',
      code: py`
        import numpy as np
        try:
            counts = pull_counts()
            np.savetxt("data/counts.csv", counts, delimiter=",")
        except ConnectionError:
            raise SystemExit("offline")
        else:
            counts = np.genfromtxt("data/counts.csv", delimiter=",")
        fit(counts)
      `,
      findings: [{ line: 8, column: 14, message: /^"data\/counts.csv" is written by `np.savetxt` in line 4 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a cache\'s builder also run, in the same arm, right before the step that reads: that run writes and reads back',
      code: py`
        from pathlib import Path
        import pandas as pd

        FEATURES = Path("results") / "features.csv"

        def extract_features():
            make_features().to_csv(FEATURES, index=False)

        def evaluate():
            if not FEATURES.exists():
                extract_features()
            feats = pd.read_csv(FEATURES)
            return fit_ridge(feats)

        def main(mode):
            if mode == "extract":
                extract_features()
            elif mode == "all":
                extract_features()
                evaluate()
      `,
      findings: [{ line: 12, column: 13, message: /^"results\/features.csv" is written by `make_features\(\).to_csv` in line 7 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a cache\'s builder also run by a mode whose arm is another if, not another arm of the one that reads',
      code: py`
        import os
        import numpy as np

        def embed_corpus():
            np.save("cache/embeddings.npy", encode(read_corpus()))

        def search(query):
            if not os.path.isfile("cache/embeddings.npy"):
                embed_corpus()
            return nearest(np.load("cache/embeddings.npy"), encode([query]))

        def main(args):
            if args.rebuild:
                embed_corpus()
            if args.query:
                print(search(args.query))
      `,
      findings: [{ line: 10, column: 20, message: /^"cache\/embeddings.npy" is written by `np.save` in line 5 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a write under a helper of the file that checks no file (a row count, a setting) is still a hop',
      code: py`
        import pandas as pd

        SETTINGS = {"rebuild": True}

        def enough_rows(frame):
            return len(frame) > 1000

        def rebuild_wanted():
            return SETTINGS["rebuild"]

        def run(frame):
            if enough_rows(frame) and rebuild_wanted():
                frame.dropna().to_csv("work/clean.csv", index=False)
            clean = pd.read_csv("work/clean.csv")
            return train(clean)
      `,
      findings: [{ line: 14, column: 13, message: /^"work\/clean.csv" is written by `frame.dropna\(\).to_csv` in line 13 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a write under a condition that checks no file (a flag, an option named exist_ok) is still a hop',
      code: py`
        import os
        import pandas as pd

        def build(raw, rebuild, exist_ok):
            if rebuild or not exist_ok:
                feats = make_features(raw)
                feats.to_parquet("cache/features.parquet")
            feats = pd.read_parquet("cache/features.parquet")
            return train(feats)
      `,
      findings: [{ line: 8, column: 13, message: /^"cache\/features.parquet" is written by `feats.to_parquet` in line 7 and read back here/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a notebook cell that saves a set of arrays and a later cell that loads them all: one hop, one finding',
      code: [
        'import numpy as np\nrng = np.random.default_rng(0)\nids = np.arange(500)\nregions = rng.integers(0, 5, 500)\nspend = rng.gamma(2.0, 40.0, 500)\n',
        'out = "../data/raw/"\nnp.save(f"{out}ids.npy", ids)\nnp.save(f"{out}regions.npy", regions)\nnp.save(f"{out}spend.npy", spend)\nprint("saved for the next part")\n',
        { text: 'Part 2: back from disk into pandas', kind: 'markup' },
        'import pandas as pd\nout = "../data/raw/"\nids = np.load(f"{out}ids.npy")\nregions = np.load(f"{out}regions.npy")\nspend = np.load(f"{out}spend.npy")\nframe = pd.DataFrame({"id": ids, "region": regions, "spend": spend})\nframe["big"] = frame.spend > 100\n',
      ],
      findings: [{ cell: 3, line: 3, column: 7, message: /^"\.\.\/data\/raw\/ids\.npy" is written by `np\.save` in cell 2 and read back here, as are 2 other files written in that cell: intermediate files inside one pipeline/, related: 5 }],
      noFix: true,
    },
    {
      name: 'a script that saves a set of arrays in adjacent lines and loads them all back in a later run of lines: one hop, one finding',
      code: py`
        import numpy as np

        # %% Save the evaluation set
        np.save(f"data/x_val{TAG}.npy", x_val)
        np.save(f"data/y_val{TAG}.npy", y_val)
        # the test split too
        np.save(f"data/x_test{TAG}.npy", x_test)

        # %% Load it back
        x_val = np.load(f"data/x_val{TAG}.npy")
        y_val = np.load(f"data/y_val{TAG}.npy")
        x_test = np.load(f"data/x_test{TAG}.npy")
        model.evaluate(x_val, y_val)
        model.evaluate(x_test, model.predict(x_test))
      `,
      findings: [{ line: 10, column: 9, message: /^`f"data\/x_val\{TAG\}\.npy"` is written by `np\.save` in line 4 and read back here, as are 2 other files written beside it: intermediate files inside one pipeline/, related: 5 }],
      noFix: true,
    },
    {
      name: 'a script whose files are written by separate steps, or read back apart: one hop each',
      code: py`
        import pandas as pd

        clean = pd.read_csv("raw.csv").dropna()
        clean.to_csv("work/clean.csv", index=False)
        customers = clean.groupby("customer").sum()
        report(customers)
        customers.to_csv("work/customers.csv")
        orders = pd.read_csv("work/clean.csv")
        merged = orders.merge(pd.read_csv("work/customers.csv"), on="customer")
        merged.to_parquet("final.parquet")
      `,
      findings: [
        { line: 8, column: 10, message: /^"work\/clean.csv" is written by `clean.to_csv` in line 4 and read back here: an intermediate file/, related: 1 },
        { line: 9, column: 23, message: /^"work\/customers.csv" is written by `customers.to_csv` in line 7 and read back here: an intermediate file/, related: 1 },
      ],
      noFix: true,
    },
    {
      name: 'a notebook cell that reads back files two earlier cells wrote: two hops',
      code: [
        'import pandas as pd\nraw = pd.read_csv("orders.csv")\nclean = raw.dropna()\nclean.to_csv("work/clean.csv", index=False)\n',
        'customers = raw.groupby("customer").sum()\ncustomers.to_csv("work/customers.csv")\n',
        'orders = pd.read_csv("work/clean.csv")\nbuyers = pd.read_csv("work/customers.csv")\nmerged = orders.merge(buyers, on="customer")\nmerged.to_parquet("final.parquet")\n',
      ],
      findings: [
        { cell: 2, line: 1, column: 10, message: /^"work\/clean.csv" is written by `clean.to_csv` in cell 1 and read back here: an intermediate file/, related: 1 },
        { cell: 2, line: 2, column: 10, message: /^"work\/customers.csv" is written by `customers.to_csv` in cell 2 and read back here: an intermediate file/, related: 1 },
      ],
      noFix: true,
    },
    {
      name: 'a notebook: the path spelled differently in each cell',
      code: [
        'import os\nimport pandas as pd\nOUT = "work"\n',
        'feats = make_features(pd.read_csv("raw.csv"))\nfeats.to_parquet(os.path.join(OUT, "features.parquet"))\n',
        { text: 'Train on the features', kind: 'markup' },
        'X = pd.read_parquet(f"{OUT}/features.parquet")\nX = X.fillna(0)\nmodel.fit(X.drop(columns="y"), X.y)\n',
      ],
      findings: [{ cell: 3, line: 1, column: 5, message: /"work\/features.parquet" is written by `feats.to_parquet` in cell 2 and read back here/, related: 1 }],
    },
    {
      name: 'folds written at module level and read by a training function called afterwards',
      code: py`
        import pandas as pd
        from sklearn.model_selection import StratifiedKFold
        df = pd.read_csv("train.csv")
        df["fold"] = -1
        df.to_csv("train_folds.csv", index=False)
        def train(fold):
            folds = pd.read_csv("./train_folds.csv")
            return fit(folds[folds.fold != fold])
        for fold in range(5):
            train(fold)
      `,
      findings: [{ line: 7, column: 13, message: /"\.\/train_folds.csv" is written by `df.to_csv` in line 5 and read back here/, related: 1 }],
    },
    {
      name: 'numpy arrays and a path whose directory is only known at run time',
      code: py`
        import sys
        import numpy as np
        from pathlib import Path
        out = Path(sys.argv[1])
        def main():
            np.save(out / "X.npy", X)
            X2 = np.load(out / "X.npy")
            return X2
      `,
      findings: [{ line: 7, column: 10, message: /`out \/ "X.npy"` is written by `np.save` in line 6/ }],
    },
    {
      name: 'a path written over several lines is named on one line in the message',
      code: py`
        import sys
        import numpy as np
        from pathlib import Path
        cachedir = Path(sys.argv[1])
        def main():
            np.save(cachedir.joinpath(
                'res/filtered_lab_raw.npy'), X)
            X2 = np.load(cachedir.joinpath(
                'res/filtered_lab_raw.npy'), allow_pickle=True)
            return X2
      `,
      findings: [{ line: 8, message: /^`cachedir\.joinpath\('res\/filtered_lab_raw\.npy'\)` is written by `np\.save` in line 6 and read back here/ }],
    },
    {
      name: 'a read-back whose worked-out column is trained on is a hop; the writer built in place is named short',
      code: py`
        import pandas as pd
        pd.DataFrame(
            {
                "timestamp": stamps,
                "load": loads,
            }
        ).to_csv("hourly.csv", index=False)
        hourly = pd.read_csv("hourly.csv")
        hourly["hour"] = pd.to_datetime(hourly["timestamp"]).dt.hour
        assert hourly["hour"].between(0, 23).all()
        model.fit(hourly[["hour"]], hourly["load"])
      `,
      findings: [{ line: 8, message: /^"hourly.csv" is written by `pd.DataFrame\(\.\.\.\)\.to_csv` in line 2 and read back here: an intermediate file/ }],
      noFix: true,
    },
    {
      name: 'a write chained onto the read that made the data, too long to quote whole, is named by its chain without arguments, not cut inside the read',
      code: py`
        import pandas as pd
        pd.read_csv("../input/application_train.csv.zip").to_feather("../input/application_train.ftr")
        print("transactions")
        pd.read_parquet("../input/transactions.parquet").sort_values(["store_nbr", "date"]).reset_index(drop=True).to_feather("../input/transactions.ftr")
        pd.read_feather("../input/application_train.ftr")[["SK_ID_CURR"]].to_feather("../input/train_idx.ftr")
        print("fit")
        sales = pd.read_feather("../input/transactions.ftr")
        model.fit(sales[FEATURES], sales["transactions"])
      `,
      findings: [
        { line: 5, message: /^"..\/input\/application_train.ftr" is written by `pd\.read_csv\(\.\.\.\)\.to_feather` in line 2 and read back here:/ },
        { line: 7, message: /^"..\/input\/transactions.ftr" is written by `pd\.read_parquet\(\.\.\.\)\.sort_values\(\.\.\.\)\.reset_index\(\.\.\.\)\.to_feather` in line 4 and read back here:/ },
      ],
      noFix: true,
    },
    {
      name: 'a writer on a long subscript keeps its method, the key left out',
      code: py`
        import pandas as pd
        frames["holidays_events_with_transferred_days"].to_csv("holidays.csv", index=False)
        holidays = pd.read_csv("holidays.csv")
        model.fit(train.merge(holidays, on="date")[FEATURES], train["sales"])
      `,
      findings: [{ line: 3, message: /^"holidays.csv" is written by `frames\[\.\.\.\]\.to_csv` in line 2 and read back here/ }],
      noFix: true,
    },
    {
      name: 'a read-back tested by an `if` whose arm does more than report (skips, trains, rebinds), or whose test calls a function of the project, is a hop',
      code: py`
        import numpy as np
        import pandas as pd
        for i, patch in enumerate(patches):
            np.save(f"p_{i}.npy", patch)
            check = np.load(f"p_{i}.npy")
            if np.isnan(check).any():
                print("bad patch")
                continue
            train_step(patch)
        np.save("hr.npy", hr)
        back = np.load("hr.npy")
        if back.max() > 1.0:
            hr = hr / 255.0
        model.fit(lr, hr)
        table.to_csv("pairs.csv")
        reread = pd.read_csv("pairs.csv")
        if not validate_pairs(reread):
            print("pairs.csv failed validation")
      `,
      findings: [
        { line: 5, message: /^`f"p_\{i\}.npy"` is written by `np.save` in line 4 and read back here/ },
        { line: 11, message: /^"hr.npy" is written by `np.save` in line 10 and read back here/ },
        { line: 16, message: /^"pairs.csv" is written by `table.to_csv` in line 15 and read back here/ },
      ],
    },
    {
      name: 'a read-back compared as a set or cast in the test of an `if` whose arm returns or rebinds, or then trained on, or tested by a function of the project, is a hop',
      code: py`
        import pandas as pd

        def run(out_dir, rows):
            pd.DataFrame(rows).to_csv(out_dir / "cases.csv", index=False)
            cases = pd.read_csv(out_dir / "cases.csv")
            if not {"a", "b"}.issubset(set(cases["case"].tolist())):
                return None
            pd.DataFrame(rows).to_csv(out_dir / "labels.csv", index=False)
            labels = pd.read_csv(out_dir / "labels.csv")
            if labels["y"].astype(str).str.contains("?", regex=False).any():
                labels = labels[labels["y"] != "?"]
            model.fit(X, labels["y"])
            pd.DataFrame(rows).to_csv(out_dir / "ids.csv", index=False)
            ids = pd.read_csv(out_dir / "ids.csv")
            if not covers(ids["id"].tolist()):
                raise RuntimeError("ids.csv lost rows")
            return cases
      `,
      findings: [
        { line: 5, message: /^`out_dir \/ "cases.csv"` is written by `pd.DataFrame\(rows\)\.to_csv` in line 4 and read back here/ },
        { line: 9, message: /labels\.csv.*read back here/ },
        { line: 14, message: /ids\.csv.*read back here/ },
      ],
      noFix: true,
    },
    {
      name: 'a read-back checked by an assertion call and then trained on, or handed to a call that is no assertion, is a hop',
      code: py`
        import pandas as pd
        features.to_parquet("features.parquet")
        reread = pd.read_parquet("features.parquet")
        self.assertEqual(len(reread), len(features))
        model.fit(reread, labels)
        scores.to_csv("scores.csv")
        summarize_scores(pd.read_csv("scores.csv"))
      `,
      findings: [
        { line: 3, message: /^"features.parquet" is written by `features.to_parquet` in line 2 and read back here/ },
        { line: 7, message: /^"scores.csv" is written by `scores.to_csv` in line 6 and read back here/ },
      ],
    },
    {
      name: 'a re-read checked in an assert and then trained on, and a displayed read that is then transformed, are hops',
      code: py`
        import pandas as pd
        for name, preds in variants.items():
            frame = base.copy()
            frame.to_csv(f"stage_{name}.csv", index=False)
            frame = pd.read_csv(f"stage_{name}.csv")
            assert len(frame) == len(base)
            model.fit(frame)
        clean.to_csv("clean.csv")
        print(pd.read_csv("clean.csv").fillna(0))
      `,
      findings: [
        { line: 5, message: /^`f"stage_\{name\}.csv"` is written by `frame.to_csv` in line 4 and read back here/, related: 1 },
        { line: 9, message: /^"clean.csv" is written by `clean.to_csv` in line 8 and read back here/, related: 1 },
      ],
    },
    {
      name: 'a transformed read-back checked in an assert and then used, bound to a name never asserted, or trained on before the assert, is a hop',
      code: py`
        import numpy as np
        np.save("keep_mask.npy", keep)
        dropped = np.flatnonzero(~np.load("keep_mask.npy"))
        assert len(dropped) > 0
        X_clean = np.delete(X, dropped, axis=0)
        np.save("scores.npy", scores)
        ranked = np.argsort(np.load("scores.npy"))
        np.save("feats.npy", feats)
        acc = clf.fit(np.load("feats.npy"), y).score(X_val, y_val)
        assert acc > 0.5
        np.save("images.npy", images)
        shaped = np.load("images.npy").reshape(-1, 28, 28, 1)
        print(shaped.shape)
        net.fit(shaped, labels)
      `,
      findings: [
        { line: 3, message: /^"keep_mask.npy" is written by `np.save` in line 2 and read back here/ },
        { line: 7, message: /^"scores.npy" is written by `np.save` in line 6 and read back here/ },
        { line: 9, message: /^"feats.npy" is written by `np.save` in line 8 and read back here/ },
        { line: 12, message: /^"images.npy" is written by `np.save` in line 11 and read back here/ },
      ],
    },
    {
      name: 'saved column names read back as a list and used to pick the columns trained on, or printed and handed on',
      code: py`
        import pandas as pd
        pd.Series(X_train.columns).to_csv("outputs/feature_names.csv", index=False)
        features = pd.read_csv("outputs/feature_names.csv").iloc[:, 0].tolist()
        model.fit(frame[features], y)
        pd.Series(kept).to_csv("outputs/kept.csv", index=False)
        print(select_columns(frame, pd.read_csv("outputs/kept.csv").squeeze().to_list()))
      `,
      findings: [
        { line: 3, message: /^"outputs\/feature_names.csv" is written by `pd.Series\(X_train.columns\).to_csv` in line 2 and read back here/ },
        { line: 6, message: /^"outputs\/kept.csv" is written by `pd.Series\(kept\).to_csv` in line 5 and read back here/ },
      ],
    },
    {
      name: 'an object rebuilt from the read-back that is asserted on and also used, or whose converted item is also used, is a hop',
      code: py`
        import numpy as np
        np.savez("stats.npz", mean=mu, std=sigma)
        arrays = np.load("stats.npz")
        scaler = Standardizer(**{name: arrays[name] for name in arrays.files})
        assert scaler.std.min() > 0
        X_scaled = scaler.transform(X)
        np.savez("alpha.npz", alpha=best_alpha)
        stored = np.load("alpha.npz")
        alpha = float(stored["alpha"])
        check = Config(alpha=alpha)
        assert check.alpha > 0
        model = Ridge(alpha=alpha).fit(X, y)
      `,
      findings: [
        { line: 3, message: /^"stats.npz" is written by `np.savez` in line 2 and read back here/ },
        { line: 8, message: /^"alpha.npz" is written by `np.savez` in line 7 and read back here/ },
      ],
    },
    {
      name: 'the write in a branch that goes on to the read after it (no return there) is still a hop in the runs that write',
      code: py`
        import numpy as np

        def features(images, build=False):
            if build:
                feats = extract(images)
                np.save("cache/features.npy", feats)
                print("saved")
            return np.load("cache/features.npy")
      `,
      findings: [{ line: 8, message: /^"cache\/features.npy" is written by `np.save` in line 6 and read back here/ }],
    },
    {
      name: 'a spilled file that is read back and kept (only its sibling is deleted) is still a hop',
      code: py`
        import os
        import numpy as np
        np.save("scaled.npy", scaled)
        np.save("scratch.npy", raw)
        os.remove("scratch.npy")
        X = np.load("scaled.npy")
        model.fit(X, y)
      `,
      findings: [{ line: 6, message: /^"scaled.npy" is written by `np.save` in line 3 and read back here/, related: 1 }],
    },
  ],
});

/**
 * Tests that write their inputs under a directory made new for them (pytest's `tmp_path` or `tmpdir`,
 * a `tempfile` directory) and run the reading code over them, as an end-to-end check of a pipeline does.
 */
const TESTS_WRITE_THEIR_OWN_INPUTS = py`
import os
import tempfile
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

def test_merge_and_fit(sales_frame, stores_frame, tmp_path):
    sales_csv = tmp_path / "sales.csv"
    stores_csv = tmp_path / "stores.csv"
    sales_frame.to_csv(sales_csv, index=False)
    stores_frame.to_csv(stores_csv, index=False)
    merged = pd.read_csv(sales_csv).merge(pd.read_csv(stores_csv), on="store_id")
    model = Ridge().fit(merged[["promo", "distance"]], merged["units"])
    assert model.coef_.shape == (2,)

def test_features_round_trip(tmpdir, features):
    path = os.path.join(tmpdir, "features.npy")
    np.save(path, features)
    X = np.load(path)
    model = Ridge().fit(X, X[:, 0])
    assert model.score(X, X[:, 0]) > 0.9

def test_weekly_parquet(weekly_units):
    with tempfile.TemporaryDirectory() as d:
        weekly = os.path.join(d, "weekly.parquet")
        pd.DataFrame({"week": [1, 2], "units": weekly_units}).to_parquet(weekly)
        frame = pd.read_parquet(weekly)
        model = Ridge().fit(frame[["week"]], frame["units"])
        assert model.predict([[3]])[0] > 4
`;

describe('MLD502: an example file whose every write makes its data up', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///docs/tutorials/reading_csv.py', code, intermediateFileHop);

  it('leaves a tutorial that writes drawn or written-out values to a file and shows how to read and use it', async () => {
    assert.deepEqual(await findingsIn(py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import Ridge
      pd.DataFrame(np.random.default_rng(97).normal(size=(16, 100))).to_csv("fnirs.csv")
      data = pd.read_csv("fnirs.csv")
      np.save("example.npy", np.arange(12).reshape(3, 4))
      arr = np.load("example.npy")
      Ridge().fit(data[["0"]], data["1"])
      Ridge().fit(arr[:, :2], arr[:, 3])
    `), []);
  });

  it('still reports a file one of whose writes holds data the program built or read, or whose value reads data as it is written', async () => {
    assert.deepEqual(await findingsIn(py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import Ridge
      pd.DataFrame(columns=["C", "auc"]).to_csv("grid.csv")
      table = pd.read_csv("grid.csv")
      table.loc[0] = [1.0, 0.9]
      table.to_csv("grid.csv")
      best = pd.read_csv("grid.csv")
      pd.read_csv("raw.csv").dropna().to_csv("clean.csv")
      clean = pd.read_csv("clean.csv")
      features = np.random.default_rng(0).normal(size=(20, 3))
      np.save("features.npy", features)
      X = np.load("features.npy")
      Ridge().fit(X, y)
      Ridge().fit(clean[["a"]], clean["b"])
      Ridge().fit(best[["C"]], best["auc"])
    `), [8, 10, 13]);
  });
});

describe('MLD502: files under a directory a test made new for itself', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, intermediateFileHop);

  it('leaves a test that writes its inputs under its tmp_path, tmpdir or a tempfile directory and reads them back', async () => {
    assert.deepEqual(await findingsIn('file:///shop/tests/test_pipeline.py', TESTS_WRITE_THEIR_OWN_INPUTS), []);
  });

  it('still reports the same hops outside a test module, and a folder that may already exist', async () => {
    assert.deepEqual(await findingsIn('file:///shop/scripts/pipeline_check.py', TESTS_WRITE_THEIR_OWN_INPUTS), [12, 19, 27]);
    const shared = TESTS_WRITE_THEIR_OWN_INPUTS.replace('sales_csv = tmp_path / "sales.csv"', 'sales_csv = os.path.join("data", "interim", "sales.csv")');
    assert.deepEqual(await findingsIn('file:///shop/tests/test_pipeline.py', shared), [12]);
  });
});

describe('MLD502: a notebook part that starts over with its own imports before it reads the file', () => {
  /** The cells (1-based) holding a finding of the rule. */
  const cellsReported = async (cells: string[]) => {
    const { result } = await run(cells, [intermediateFileHop]);
    const starts: number[] = [];
    let line = 0;
    for (const cell of cells) { starts.push(line); line += cell.split('\n').length; }
    return result.findings.map((f) => starts.filter((start) => start <= f.range.start.line).length);
  };
  const FETCH = 'import pandas as pd\nimport wandb\nruns = wandb.Api().runs("team/project")\nall_df = pd.DataFrame([r.summary._json_dict for r in runs])\n';
  const SAVE = 'all_df = all_df[:20]\nall_df.to_csv("logs/runs.csv")\n';

  it('leaves a table of runs saved by the query part and read by a figures part that imports pandas again first', async () => {
    assert.deepEqual(await cellsReported([FETCH, SAVE, 'import pandas as pd\nimport seaborn as sns\n', 'all_df = pd.read_csv("logs/runs.csv")\nsns.boxplot(x="lr", y="f1", data=all_df)\n']), []);
    assert.deepEqual(await cellsReported([FETCH, SAVE, 'import pandas as pd\nall_df = pd.read_csv("logs/runs.csv")\nall_df.groupby("arch").f1.describe()\nmodel.fit(all_df[["lr"]], all_df["f1"])\n']), []);
    assert.deepEqual(await cellsReported(['import numpy as np\nfeats = embed(texts)\n', 'np.save("feats.npy", feats)\n', 'from numpy import load\nimport numpy as np\nclf.fit(np.load("feats.npy"), y)\n']), []);
  });

  it('still reports the read where nothing is imported again between, the import comes after the read, or only another library is', async () => {
    const figures = 'all_df = pd.read_csv("logs/runs.csv")\nmodel.fit(all_df[["lr"]], all_df["f1"])\n';
    assert.deepEqual(await cellsReported([FETCH, SAVE, figures]), [3]);
    assert.deepEqual(await cellsReported([FETCH, SAVE, figures, 'import pandas as pd\n']), [3]);
    assert.deepEqual(await cellsReported([FETCH, SAVE, 'import seaborn as sns\n', figures]), [4]);
    assert.deepEqual(await cellsReported([FETCH + 'all_df.to_csv("logs/runs.csv")\nimport pandas as pd\nback = pd.read_csv("logs/runs.csv")\nmodel.fit(back[["lr"]], back["f1"])\n']), [1]);
  });
});

describe('MLD502: a notebook part that its saved counts show ran in a kernel session of its own (round 636)', () => {
  /** The cells (1-based) holding a finding of the rule; each cell given as [source, count]. */
  const cellsReported = async (cells: Array<[string, number | undefined]>) => {
    const { result } = await run(cells.map(([text, executionOrder]) => ({ text, executionOrder })), [intermediateFileHop]);
    const starts: number[] = [];
    let line = 0;
    for (const [cell] of cells) { starts.push(line); line += cell.split('\n').length; }
    return result.findings.map((f) => starts.filter((start) => start <= f.range.start.line).length);
  };
  const SETUP = 'import numpy as np\nimport matplotlib.pyplot as plt\n';
  const HELPERS = 'def nll(p, y):\n    return -np.log(p[np.arange(len(y)), y]).mean()\n';
  const SCORE = 'preds = np.load("runs/preds.npy")\nscores = [nll(preds[i], y) for i in range(10)]\n';
  const SAVE = 'np.savez("results/ranks.npz", nll=np.array(scores))\n';
  const FIGURES = 'prior = np.load("results/ranks.npz")\nplt.plot(prior["nll"])\nnp.savez("results/ranks_all.npz", nll=prior["nll"], extra=np.array(scores))\n';
  const TABLE = 'import pandas as pd\nruns = collect_runs("team/project")\n';
  const TABLE_SAVE = 'runs.to_csv("logs/runs.csv")\n';
  const TABLE_READ = 'back = pd.read_csv("logs/runs.csv")\nmodel.fit(back[["lr"]], back["f1"])\n';

  it('leaves results read back by a part that ran after a restart: the set-up cells, then straight to the read', async () => {
    assert.deepEqual(await cellsReported([[SETUP, 1], [HELPERS, 2], [SCORE, 7], [SAVE, 18], [FIGURES, 3]]), []);
    assert.deepEqual(await cellsReported([[TABLE, 1], [TABLE_SAVE, 12], ['# Figures\nimport seaborn as sns\n', 14], [TABLE_READ, 2]]), []);
    // The read first in its session: the kernel ran nothing before it.
    assert.deepEqual(await cellsReported([[TABLE, 5], [TABLE_SAVE, 6], [TABLE_READ, 1]]), []);
  });

  it('still reports the read that ran after the write, a session that also ran a cell between, a count no cell above holds, and a notebook never run', async () => {
    assert.deepEqual(await cellsReported([[SETUP, 1], [HELPERS, 2], [SCORE, 3], [SAVE, 4], [FIGURES, 5]]), [5]);
    assert.deepEqual(await cellsReported([[SETUP, 1], [HELPERS, 3], [SCORE, 7], [SAVE, 18], ['scores = scores[:5]\n', 2], [FIGURES, 4]]), [6]);
    assert.deepEqual(await cellsReported([[SETUP, 1], [HELPERS, 9], [SCORE, 7], [SAVE, 18], [FIGURES, 3]]), [5]);
    assert.deepEqual(await cellsReported([[TABLE, undefined], [TABLE_SAVE, undefined], [TABLE_READ, undefined]]), [3]);
    assert.deepEqual(await cellsReported([[TABLE, 1], [TABLE_SAVE + TABLE_READ, 2]]), [2]);
  });
});

describe('MLD502: a test module\'s scratch files under a directory a conftest.py fixture made new (round 572)', () => {
  const CONFTEST = py`
    import pytest

    @pytest.fixture(scope="session")
    def scratch_dir(tmp_path_factory):
        return tmp_path_factory.mktemp("scratch")

    @pytest.fixture
    def shared_dir():
        return "data/interim"
  `;
  const TESTS = py`
    import pandas as pd

    def test_features_survive_csv(scratch_dir):
        features = build_features(load_matches())
        features.to_csv(scratch_dir / "features.csv", index=False)
        restored = pd.read_csv(scratch_dir / "features.csv")
        fit_model(restored)

    def test_features_in_shared_folder(shared_dir):
        features = build_features(load_matches())
        features.to_csv(shared_dir + "/features.csv", index=False)
        restored = pd.read_csv(shared_dir + "/features.csv")
        fit_model(restored)
  `;
  const findingsIn = async (conftests: { path: string; text: string }[] | undefined) => {
    const doc = buildDocument(scriptSource('file:///proj/tests/test_features.py', TESTS));
    const config = { ...allRulesConfig(), ...(conftests ? { conftests } : {}) };
    return analyzeDocument(doc, config, { parser: await parser(), rules: [intermediateFileHop] }).findings.map((f) => f.range.start.line + 1);
  };

  it('leaves the hop under the fixture\'s new directory and still reports the one under a fixed folder', async () => {
    assert.deepEqual(await findingsIn(undefined), [6, 12]);
    assert.deepEqual(await findingsIn([{ path: '/proj/tests/conftest.py', text: CONFTEST }]), [12]);
  });
});
