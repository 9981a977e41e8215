import { unversionedModelArtifact } from '../../../server/src/detectors/mld203-unversioned-model-artifact';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(unversionedModelArtifact, {
  valid: [
    {
      name: 'a simulation keeps its simulator object and index array with joblib under fixed names: neither is a model',
      code: py`
        import joblib
        import numpy as np
        from sklearn.linear_model import Lasso
        from panel_simulation import PanelSimulator
        inds = np.arange(5, 10)
        joblib.dump(inds, "results/inds.jbl")
        simulator = PanelSimulator(10).create_instance(0.5, random_seed=123)
        joblib.dump(simulator, "results/simulator.jbl")
        coefs = [Lasso(alpha=0.05).fit(*simulator.draw(200, seed=i)).coef_ for i in range(50)]
      `,
    },
    {
      name: 'a parameter tensor taken out of a trained model is a tensor, not a model artefact',
      code: py`
        import torch
        torch.save(model.embedding.weight.data.cpu(), "embedding.pt")
        torch.save(encoder.fc.weight.detach(), "fc_weight.pt")
      `,
    },
    {
      name: 'versioned or run-specific file names',
      code: py`
        import joblib, torch
        joblib.dump(model, f"models/model_{run_id}.pkl")
        joblib.dump(model, "models/model_v3.pkl")
        torch.save(net.state_dict(), "ckpt-2024-05-01.pt")
      `,
    },
    {
      name: 'folders a managed platform versions per job or run',
      code: py`
        import joblib
        from azureml.core import Run
        run = Run.get_context()
        joblib.dump(value=forest, filename="./outputs/forest.joblib")
        booster.save_pretrained("/opt/ml/model/")
      `,
    },
    {
      name: 'a generation config saved on its own is settings, not a trained artefact',
      code: py`
        from transformers import GenerationConfig
        gen_config = GenerationConfig(max_new_tokens=64, do_sample=False)
        gen_config.save_pretrained("generation")
      `,
    },
    {
      name: 'path from an argument or variable computed at run time',
      code: py`
        import joblib
        def save(model, path):
            joblib.dump(model, path)
        out = make_path(cfg)
        joblib.dump(model, out)
      `,
    },
    {
      name: 'figures and images saved with .save',
      code: py`
        import torch
        from PIL import Image
        img = Image.open("a.png")
        img.save("thumb.png")
        fig.savefig("loss.png")
      `,
    },
    {
      name: 'data frames without predictions',
      code: py`
        import pandas as pd
        from sklearn.model_selection import train_test_split
        df = pd.read_csv("raw.csv")
        df.dropna().to_csv("clean.csv")
      `,
    },
    {
      name: 'pickle.dump of a data object',
      code: py`
        import pickle
        from sklearn.linear_model import LinearRegression
        with open("vocab.pkl", "wb") as f:
            pickle.dump(vocabulary, f)
      `,
    },
    {
      name: 'records about a model under names in which "model" only says whose they are: its input sizes, its training history, its metrics',
      code: py`
        import joblib
        import pickle
        import torch
        model_info = {"obs_dim": 8, "n_actions": 4}
        with open("models/model_info.pkl", "wb") as f:
            pickle.dump(model_info, f)
        torch.save(agent.model_history, "models/history.pt")
        joblib.dump(model_metrics, "models/metrics.joblib")
      `,
    },
    {
      name: 'torch.save of datasets and tensors, not of a model',
      code: py`
        import torch
        torch.save(train_dataset, "train.pt")
        torch.save(X_test, "features_test.pt")
        torch.save(labels, "labels.pt")
      `,
    },
    {
      name: 'a fixed local file handed to a tracker that versions it',
      code: py`
        import torch
        import wandb
        import mlflow
        import joblib
        artifact = wandb.Artifact("classifier", type="model")
        torch.save(model.state_dict(), "trained_model.pth")
        artifact.add_file("trained_model.pth")
        torch.save(model, "./checkpoint.pt")
        wandb.log_model("checkpoint.pt", "mnist-model")
        joblib.dump(clf, "export/model.joblib")
        mlflow.log_artifacts("export/")
      `,
    },
    {
      name: 'not a model: a scaler whose class a setting picks in branches, fitted and written to a fixed path',
      code: py`
        import joblib
        from sklearn.preprocessing import MinMaxScaler, RobustScaler

        def fit_scaler(values, robust):
            if robust:
                scaler = RobustScaler(quantile_range=(10.0, 90.0))
            else:
                scaler = MinMaxScaler()
            scaler.fit(values)
            joblib.dump(scaler, "artifacts/scaler.joblib")
            return scaler
      `,
    },
    {
      name: 'not a model: a tokenizer trained and saved on its own, a processor, data and a fitted scaler',
      code: py`
        import joblib
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from transformers import AutoTokenizer
        new_tokenizer = AutoTokenizer.from_pretrained("gpt2", revision="main").train_new_from_iterator(texts, 52000)
        new_tokenizer.save_pretrained("my-tokenizer")
        processor.save_pretrained("processor-dir")
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        joblib.dump(X_test, "x_test.joblib")
        scaler = StandardScaler().fit(X_train)
        joblib.dump(scaler, "scaler.joblib")
      `,
    },
    {
      name: 'folders versioned by the Hub: a cloned Hub repository, an uploaded folder, a model pushed',
      code: py`
        from huggingface_hub import Repository, upload_folder
        output_dir = "bert-finetuned-ner"
        repo = Repository(output_dir, clone_from="ana/bert-finetuned-ner")
        unwrapped.save_pretrained(output_dir)
        repo.push_to_hub(commit_message="epoch 1")
        model.save_pretrained("classifier")
        upload_folder(folder_path="classifier", repo_id="ana/classifier")
        net.save_pretrained("local-copy")
        net.push_to_hub("ana/net")
      `,
    },
    {
      name: 'a placeholder path the reader fills in, and the submission file a competition requires',
      code: py`
        import pandas as pd
        from transformers import AutoModel
        model.save_pretrained("<path_to_dummy_folder>")
        submission = pd.read_csv("sample_submission.csv")
        submission["target"] = clf.predict(X_test)
        submission.to_csv("submission.csv", index=False)
      `,
    },
  ],
  invalid: [
    {
      name: 'a tracker is imported, but the saved file is not the one it logs',
      code: py`
        import torch
        import wandb
        torch.save({"model": net.state_dict(), "epoch": epoch}, "last.pt")
        wandb.save("metrics.json")
      `,
      findings: [{ line: 3, column: 57, message: /^The model is saved to the fixed path "last\.pt"/ }],
      output: py`
        import torch
        import wandb
        MODEL_VERSION = "1"
        torch.save({"model": net.state_dict(), "epoch": epoch}, f"last-v{MODEL_VERSION}.pt")
        wandb.save("metrics.json")
      `,
    },
    {
      name: 'a model and its tokenizer saved to one folder: one finding, on the model',
      code: py`
        from transformers import AutoModel, AutoTokenizer
        net.save_pretrained("sentiment-net")
        tokenizer.save_pretrained("sentiment-net")
        word_tokenizer.save_pretrained("word-pieces")
      `,
      findings: [{ line: 2, column: 21, message: /^The model is saved to the fixed path "sentiment-net"/ }],
      safety: 'unsafe',
      output: py`
        from transformers import AutoModel, AutoTokenizer
        MODEL_VERSION = "1"
        net.save_pretrained(f"sentiment-net-v{MODEL_VERSION}")
        tokenizer.save_pretrained(f"sentiment-net-v{MODEL_VERSION}")
        word_tokenizer.save_pretrained("word-pieces")
      `,
    },
    {
      name: 'joblib.dump to a literal path: versioned with MODEL_VERSION',
      code: py`
        import joblib
        joblib.dump(clf, "models/model.pkl")
      `,
      findings: [{ line: 2, column: 18, message: /fixed path "models\/model\.pkl"/ }],
      safety: 'unsafe',
      output: py`
        import joblib
        MODEL_VERSION = "1"
        joblib.dump(clf, f"models/model-v{MODEL_VERSION}.pkl")
      `,
    },
    {
      name: 'torch.save to a path constant: the constant is versioned, reusing MODEL_VERSION',
      code: py`
        import torch
        MODEL_VERSION = "7"
        CKPT = 'weights/best.pt'
        torch.save(net.state_dict(), CKPT)
      `,
      findings: [{ line: 4 }],
      output: py`
        import torch
        MODEL_VERSION = "7"
        CKPT = f'weights/best-v{MODEL_VERSION}.pt'
        torch.save(net.state_dict(), CKPT)
      `,
    },
    {
      name: 'a model pickled beside a record about it, and an entry named for the model taken out of a record: the models are reported',
      code: py`
        import pickle
        pickle.dump(model_info, open("models/model_info.pkl", "wb"))
        pickle.dump(policy_model, open("models/policy.pkl", "wb"))
        pickle.dump(run_summary["model"], open("models/best.pkl", "wb"))
      `,
      findings: [{ line: 3 }, { line: 4 }],
      output: py`
        import pickle
        pickle.dump(model_info, open("models/model_info.pkl", "wb"))
        MODEL_VERSION = "1"
        pickle.dump(policy_model, open(f"models/policy-v{MODEL_VERSION}.pkl", "wb"))
        pickle.dump(run_summary["model"], open("models/best.pkl", "wb"))
      `,
    },
    {
      name: 'pickle.dump through with-open, and keras model.save with a model extension',
      code: py`
        import pickle
        import tensorflow as tf
        with open("model.pkl", "wb") as fh:
            pickle.dump(model, fh)
        model.save("model.h5")
      `,
      findings: [{ line: 3 }, { line: 5 }],
      fixIndex: 1,
      output: py`
        import pickle
        import tensorflow as tf
        with open("model.pkl", "wb") as fh:
            pickle.dump(model, fh)
        MODEL_VERSION = "1"
        model.save(f"model-v{MODEL_VERSION}.h5")
      `,
    },
    {
      name: 'predictions written and read back in a later cell: the fix versions the read with the write, so the notebook still reads what it wrote',
      code: [
        'import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\ntrain["pred"] = rfc.predict(train[features])\ntrain.to_parquet("train-scored.parquet", index=False)\n',
        'scored = pd.read_parquet("train-scored.parquet")\n',
      ],
      findings: [{ cell: 0, line: 4, message: /Predictions are written to the fixed path "train-scored\.parquet"/ }],
      safety: 'unsafe',
      output: [
        'import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\ntrain["pred"] = rfc.predict(train[features])\nMODEL_VERSION = "1"\ntrain.to_parquet(f"train-scored-v{MODEL_VERSION}.parquet", index=False)\n',
        'scored = pd.read_parquet(f"train-scored-v{MODEL_VERSION}.parquet")\n',
      ],
    },
    {
      name: 'predictions read back through a path the fix cannot rewrite with the write (built at run time, or read before it): no fix',
      code: py`
        import os
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        previous = pd.read_csv("scored.csv")
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        out.to_csv("scored.csv", index=False)
        again = pd.read_csv(os.path.join(".", "scored.csv"))
      `,
      findings: [{ line: 7, message: /Predictions are written/ }],
      noFix: true,
    },
    {
      name: 'a file written twice by different literals and read back: which write the read gets depends on the order, so no fix',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        out.to_csv("scored.csv", index=False)
        out.to_csv("scored.csv", index=False)
        again = pd.read_csv("scored.csv")
      `,
      findings: [{ line: 5 }, { line: 6 }],
      noFix: true,
    },
    {
      name: 'predictions written and read back through one path constant: the fix versions the constant, and the read follows',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        SCORED = "scored.csv"
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        out.to_csv(SCORED, index=False)
        again = pd.read_csv(SCORED)
      `,
      findings: [{ line: 6 }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        MODEL_VERSION = "1"
        SCORED = f"scored-v{MODEL_VERSION}.csv"
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        out.to_csv(SCORED, index=False)
        again = pd.read_csv(SCORED)
      `,
    },
    {
      name: 'predictions written with to_csv, via a prediction column',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        out.to_csv("scored_customers.csv", index=False)
      `,
      findings: [{ line: 5, message: /Predictions are written/ }],
      output: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        out = pd.DataFrame({"id": ids})
        out["prediction"] = reg.predict(X_new)
        MODEL_VERSION = "1"
        out.to_csv(f"scored_customers-v{MODEL_VERSION}.csv", index=False)
      `,
    },
    {
      name: 'os.path.join of literals; save_pretrained',
      code: py`
        import os
        from transformers import AutoModel
        model.save_pretrained(os.path.join("artifacts", "bert"))
      `,
      findings: [{ line: 3, message: /artifacts\/bert/ }],
      output: py`
        import os
        from transformers import AutoModel
        MODEL_VERSION = "1"
        model.save_pretrained(os.path.join("artifacts", f"bert-v{MODEL_VERSION}"))
      `,
    },
  ],
});
