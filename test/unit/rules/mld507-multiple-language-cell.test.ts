import { strict as assert } from 'node:assert';
import { multipleLanguageCell } from '../../../server/src/detectors/mld507-multiple-language-cell';
import { pipelineSteps } from '../../../server/src/detectors/shared/shell';
import { analyzeDocument } from '../../../server/src/analyze';
import { buildDocument, scriptSource } from '../../../server/src/documents/source';
import { allRulesConfig, parser, py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

describe('MLD507 shell command classification', () => {
  it('finds the pipeline steps of a command line', () => {
    assert.deepEqual(pipelineSteps('wget -q https://x.org/d.zip && unzip -o d.zip -d data'), ['wget', 'unzip']);
    assert.deepEqual(pipelineSteps('CUDA_VISIBLE_DEVICES=0 python train.py --epochs 3'), ['python train.py']);
    assert.deepEqual(pipelineSteps('python -m torch.distributed.run train.py'), ['python -m torch.distributed.run']);
    assert.deepEqual(pipelineSteps('kaggle competitions download -c titanic'), ['kaggle competitions download']);
    assert.deepEqual(pipelineSteps('git lfs pull'), ['git lfs pull']);
    assert.deepEqual(pipelineSteps('./scripts/get_data.sh'), ['./scripts/get_data.sh']);
    assert.deepEqual(pipelineSteps('jupyter nbconvert --to notebook --execute prepare.ipynb'), ['jupyter nbconvert']);
  });

  it('leaves looking around and setting up alone', () => {
    for (const line of [
      'ls -la data', 'nvidia-smi', 'pip install -q transformers', '{sys.executable} -m pip install x', 'python --version',
      'python -c "import torch; print(torch.__version__)"', 'kaggle competitions submissions -c titanic', 'git lfs install',
      'curl -s https://packagecloud.io/install/repositories/github/git-lfs/script.deb.sh | sudo bash',
      'wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh', 'mkdir -p data && cp a b && rm -rf c',
      'python setup.py install', 'huggingface-cli login', 'accelerate config default', 'python ../.convert_notebook_to_script.py --input a.ipynb',
      'jupyter nbconvert --to script analysis.ipynb', 'gsutil ls -l gs://my-bucket/exports/', 'bq show --format=prettyjson mydataset.sales',
      'gcloud storage cat gs://my-bucket/run-7/metrics.json | head', 'ps -ef | grep mlflow | awk \'{print $2}\' | xargs kill -9',
      'bq mk --dataset --location=EU my_project:features', 'bq --location=US mk -d sales', 'gsutil mb -l us-central1 gs://my-run-artifacts',
      'aws s3 mb s3://team-lake-raw', 'gcloud storage buckets create gs://exports-2024 --location=eu',
      'curl -s http://127.0.0.1:6006/data/runs', 'wget -qO- localhost:8501/healthz', 'gcloud ai-platform jobs describe train_job_12', 'aws s3 ls s3://lake/raw/',
    ]) assert.deepEqual(pipelineSteps(line), [], line);
  });

  it('still counts a listing written to a file, and the tools\' moving subcommands', () => {
    assert.deepEqual(pipelineSteps('gsutil cat gs://my-bucket/part-0.csv > part-0.csv'), ['gsutil']);
    assert.deepEqual(pipelineSteps('gcloud storage cp gs://my-bucket/model.joblib .'), ['gcloud storage']);
    assert.deepEqual(pipelineSteps('bq load --source_format=CSV mydataset.sales sales.csv'), ['bq']);
    // A view or a scheduled query is pipeline logic, even when `bq mk` creates it.
    assert.deepEqual(pipelineSteps('bq mk --view "SELECT a FROM ds.t" ds.v'), ['bq']);
    assert.deepEqual(pipelineSteps('gsutil cp gs://my-bucket/a.csv . && gsutil mb gs://other'), ['gsutil']);
  });
});

ruleTests(multipleLanguageCell, {
  valid: [
    {
      name: 'shell lines that look around or install packages',
      code: ['!nvidia-smi\n!ls -la /content\n!pip install -q lightgbm==4.3.0\nimport lightgbm\n', 'files = !ls data\n'],
    },
    {
      name: 'presentation and Python cell magics',
      code: ['%%html\n<b>Results</b>\n', '%%capture\nimport torch\n', '%%writefile train.py\nimport torch\n', '%%time\nx = 1\n'],
    },
    {
      name: 'a %%bash cell that only sets up the environment',
      code: ['%%bash\npip install -q transformers\nnvidia-smi\nmkdir -p outputs\n'],
    },
    {
      name: 'a test function runs the program it tests through the shell',
      code: py`
        import os
        import subprocess

        def test_batch_writes_predictions(tmp_path):
            os.system("python batch.py 2023 1")
            assert (tmp_path / "out.parquet").exists()

        class TestPipeline:
            def test_end_to_end(self):
                subprocess.run("bash run_pipeline.sh", shell=True, check=True)
      `,
    },
    {
      name: 'shell lines in the handler of a failed import fetch the notebook\'s own code',
      code: [
        'try:\n    from helpers import data_setup\nexcept ImportError:\n    print("fetching helpers")\n    !git clone https://github.com/acme/course-helpers\n    !mv course-helpers/helpers .\n    from helpers import data_setup\n',
        'try:\n    import torchinfo\nexcept:\n    !git clone https://github.com/acme/torchinfo\n',
      ],
    },
    {
      name: 'read-only SQL whose result is only displayed looks at the data',
      code: [
        'import pandas as pd\n',
        '%%sql\n-- how many rows?\nSELECT count(*) FROM users;\nSELECT * FROM users LIMIT 5\n',
        '%%bigquery --project my-proj\nWITH recent AS (SELECT * FROM ds.sales WHERE day > "2024-01-01")\nSELECT count(*) FROM recent\n',
        '%sql DESCRIBE events\n',
      ],
    },
    {
      name: 'a notebook whose kernel is R is not mixing languages',
      code: [{ text: 'library(ggplot2)\n', language: 'r' }, { text: 'df <- read.csv("x.csv")\n', language: 'r' }],
    },
    {
      name: 'scripts: subprocess without a shell, harmless or unknown shell commands',
      code: py`
        import os
        import subprocess
        subprocess.run(["python", "train.py"], check=True)
        os.system("clear")
        os.system(command)
        out = subprocess.check_output("nvidia-smi", shell=True)
      `,
    },
  ],
  invalid: [
    {
      name: '!wget, !unzip and !python in one cell: one finding on the first, the others linked',
      code: [
        'import pandas as pd\n',
        '!wget -q https://example.org/data/train.zip\n!unzip -o train.zip -d data\n!python preprocess.py --out data/clean.csv\n',
      ],
      findings: [{ cell: 1, line: 1, column: 1, related: 2, message: /^This cell runs 3 commands outside Python \(`wget`, `unzip`, `python preprocess\.py`\)/ }],
      noFix: true,
    },
    {
      name: 'a clone outside an import fallback, and one after a try whose body imports nothing, are still steps',
      code: [
        'try:\n    from helpers import data_setup\nexcept ImportError:\n    pass\n!git clone https://github.com/acme/data-repo\n',
        'try:\n    x = 1\nexcept Exception:\n    !wget https://example.org/d.csv\n',
      ],
      findings: [
        { cell: 0, line: 5, message: /runs `git clone` outside Python/ },
        { cell: 1, line: 4, message: /runs `wget` outside Python/ },
      ],
    },
    {
      name: 'a single shell step next to Python code',
      code: ['import torch\n!git clone https://github.com/acme/yolo.git\nmodel = torch.load("yolo/w.pt")\n'],
      findings: [{ cell: 0, line: 2, column: 1, message: /^`!git clone https:\/\/github\.com\/acme\/yolo\.git` runs `git clone` outside Python/ }],
    },
    {
      name: '%%bash and %%sql cells, and a %sql line',
      code: [
        'import pandas as pd\n',
        '%%bash\nkaggle competitions download -c titanic\nunzip titanic.zip -d data\n',
        '%%sql\nCREATE TABLE clean AS SELECT * FROM users WHERE age > 0\n',
        'x = 1\n%sql INSERT INTO events SELECT * FROM staging\n',
        '%%bigquery train_df\nSELECT * FROM ds.sales\n',
        '%%sql rows <<\nSELECT * FROM users\n',
        'rows = %sql SELECT * FROM users\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /^This `%%bash` cell runs `kaggle competitions download`, `unzip` as shell commands/ },
        { cell: 2, line: 1, message: /^This cell is written in SQL \(`%%sql`\)/ },
        { cell: 3, line: 2, column: 1, message: /runs SQL \(`%sql`\) outside Python/ },
        { cell: 4, line: 1, message: /^This cell is written in SQL \(`%%bigquery`\)/ },
        { cell: 5, line: 1, message: /^This cell is written in SQL \(`%%sql`\)/ },
        { cell: 6, line: 1, message: /runs SQL \(`%sql`\) outside Python/ },
      ],
    },
    {
      name: 'a cell whose language is not Python, in a Python notebook (editor)',
      code: ['import pandas as pd\n', { text: 'SELECT * FROM sales', language: 'sql' }],
      findings: [{ cell: 1, line: 1, message: /^This cell is written in sql inside a Python notebook/ }],
    },
    {
      name: 'scripts: os.system, subprocess with shell=True, and a bash script without a shell',
      code: py`
        import os
        import subprocess as sp
        os.system(f"python train.py --lr {lr}")
        sp.run("wget -q https://example.org/d.csv -O data/d.csv", shell=True)
        sp.call(["bash", "scripts/prepare.sh"])
        def retrain_latest():
            os.system("python train.py --latest")
      `,
      findings: [
        { line: 3, column: 1, message: /^`os\.system` runs `python train\.py` through the shell/ },
        { line: 4, message: /^`sp\.run` runs `wget`/ },
        { line: 5, message: /^`sp\.call` runs `bash`/ },
        { line: 7, message: /^`os\.system` runs `python train\.py`/ },
      ],
    },
  ],
});

describe('MLD507 test modules', () => {
  const code = 'import os\nos.system("python batch.py 2023 1")\n';
  const findingsIn = async (uri: string) => {
    const doc = buildDocument(scriptSource(uri, code));
    return analyzeDocument(doc, allRulesConfig(), { parser: await parser(), rules: [multipleLanguageCell] }).findings.length;
  };

  it('a test module runs the program it tests: the command is the harness', async () => {
    assert.equal(await findingsIn('file:///repo/integration_test.py'), 0);
    assert.equal(await findingsIn('file:///repo/test_batch.py'), 0);
    assert.equal(await findingsIn('file:///repo/tests/check_batch.py'), 0);
  });

  it('any other module running the same command is reported', async () => {
    assert.equal(await findingsIn('file:///repo/run_batch.py'), 1);
    assert.equal(await findingsIn('file:///repo/contest_prep.py'), 1);
  });
});
