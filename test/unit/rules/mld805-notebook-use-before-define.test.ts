import { notebookUseBeforeDefine } from '../../../server/src/detectors/mld805-notebook-use-before-define';
import { parseIpynb } from '../../../server/src/documents/ipynb';
import { py, type CellSpec } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/**
 * Code cells as an .ipynb file on disk holds them and the reader reads them back: each a source, the
 * count it ran as (null: never run) and VS Code's per-cell language label, when it wrote one.
 */
function onDisk(cells: { source: string; count: number | null; vscodeLanguage?: string }[]): CellSpec[] {
  const json = JSON.stringify({
    metadata: { kernelspec: { name: 'python3', language: 'python' } },
    cells: cells.map((c) => ({
      cell_type: 'code', source: c.source, execution_count: c.count, outputs: [],
      metadata: c.vscodeLanguage ? { vscode: { languageId: c.vscodeLanguage } } : {},
    })),
  });
  return parseIpynb('file:///t.ipynb', json).cells.map((c) => ({ text: c.text, kind: c.kind, language: c.language, executionOrder: c.executionOrder }));
}

ruleTests(notebookUseBeforeDefine, {
  valid: [
    {
      name: 'postponed annotations: a return annotation names pandas, imported two cells below',
      code: [
        'from __future__ import annotations\n',
        'labels = {"fake": 1, "reliable": 0}\n\ndef add_labels(df) -> pd.DataFrame:\n    return df.assign(label=df["type"].map(labels))\n',
        'import pandas as pd\nframe = add_labels(pd.read_csv("news.csv"))\n',
      ],
    },
    {
      name: 'postponed annotations opening the cell (after its docstring): parameter annotations and a module variable annotation',
      code: [
        '"""Vectorizer helpers."""\nfrom __future__ import annotations\n\ndef to_matrix(texts: list[str], vec: TfidfVectorizer, limit: Optional[int] = None) -> sparse.csr_matrix:\n    return vec.transform(texts[:limit])\n\ncorpus: pd.Series = None\n',
        'import pandas as pd\nfrom typing import Optional\nfrom scipy import sparse\nfrom sklearn.feature_extraction.text import TfidfVectorizer\ncorpus = pd.read_csv("tweets.csv")["text"]\nX = to_matrix(list(corpus), TfidfVectorizer().fit(corpus))\n',
      ],
    },
    {
      name: 'postponed annotations: a function called early annotates a local variable with a name bound below',
      code: [
        'from __future__ import annotations\n\ndef embed(tokens):\n    vectors: np.ndarray = [len(t) for t in tokens]\n    return vectors\n\nfeatures = embed(["good", "day"])\n',
        'import numpy as np\n',
      ],
    },
    {
      name: 'a cell VS Code labels plain text but that ran in the kernel ([2]) defines the chain the next cell streams',
      code: onDisk([
        { source: 'import os\nos.environ["LANGSMITH_TRACING"] = "true"\n', count: 1 },
        { source: 'from langchain_core.prompts import ChatPromptTemplate\nfrom langchain_openai import ChatOpenAI\n\nprompt = ChatPromptTemplate.from_messages([("system", "Answer in one line."), ("human", "{question}")])\nchain = prompt | ChatOpenAI(model="gpt-4o-mini", temperature=0)\n', count: 2, vscodeLanguage: 'plaintext' },
        { source: 'for chunk in chain.stream({"question": "What is a vector store?"}):\n    print(chunk.content, end="")\n', count: 3 },
        { source: 'from langchain import hub\nprompt = hub.pull("rlm/rag-prompt")\nchain = prompt | ChatOpenAI(model="gpt-4o-mini")\n', count: 4 },
      ]),
    },
    {
      name: 'a shell-capture cell VS Code labels shellscript, run as [1], binds the list a later cell reads before it is sorted below',
      code: onDisk([
        { source: 'pdfs = !ls papers/*.pdf\n', count: 1, vscodeLanguage: 'shellscript' },
        { source: 'print(f"{len(pdfs)} papers to index")\n', count: 2 },
        { source: 'pdfs = sorted(pdfs)[:20]\n', count: 3 },
      ]),
    },
    {
      name: 'a name bound by a parenthesized with item (Python 3.10) in the cell that uses it, and again further down',
      code: [
        'from agents import Client, Options\nmessages = []\n',
        'async with (\n    Client(options=Options(model="m", tools=["git"])) as agent\n):\n    await agent.query("summarise the history")\n    async for msg in agent.receive_response():\n        messages.append(msg)\n',
        'with (open("a.txt") as src, open("b.txt") as dst):\n    dst.write(src.read())\n',
        'async with Client(options=Options(model="m", tools=["github"])) as agent:\n    await agent.query("two facts")\n',
      ],
    },
    {
      name: 'a BigQuery magic whose SQL body names a column that a later cell binds as a Python loop variable',
      code: [
        'import pandas as pd\nimport google.datalab.bigquery as bq\n',
        '%bq query --name daily_temps\nSELECT station, day, MIN(tmin) AS low\nFROM weather GROUP BY station, day\n',
        'stations = daily_temps.execute().result()\nfor i, station in stations.iterrows():\n    print(station)\n',
      ],
    },
    {
      name: 'an exercise cell left unfinished reads a name bound below in a well-formed line: the cell never runs',
      code: [
        'import numpy as np\n',
        'total = np.sum(scores)\nmean = total / <YOUR CODE: count the scores>\n',
        'scores = np.arange(10)\n',
      ],
    },
    {
      name: 'cells Python refuses for their indentation never run: a stray word typed at the start of a line inside a loop, a pasted line indented deeper, one line of an if body a space off',
      code: [
        'import os\nimport numpy as np\n',
        'for run in ["base", "large"]:\n    files = os.listdir(f"preds/{run}")\nx\n    for name in files:\n        print(run, name, threshold)\n',
        'answers = load_answers()\n    exact = np.mean(answers == gold)\n',
        'if answers:\n    f1 = np.mean(scores)\n     print(f1, em_score)\n',
        'threshold, gold, scores, em_score = 0.5, None, [], 0.0\nx = 1\n',
      ],
    },
    {
      name: 'an exercise cell left blank for the student binds the name; a later cell shows the solution',
      code: [
        'import pandas as pd\npets = # TODO: read the csv file into a DataFrame\n',
        'pets.head()\n',
        'pets = pd.read_csv("pets.csv")\n',
      ],
    },
    {
      name: 'an exercise function left with <YOUR CODE> lines, called before the cell that would bind its names',
      code: [
        'import numpy as np\nenv = make_env()\n',
        'def generate_session(env, t_max=100):\n    states = []\n    for t in range(t_max):\n        probs = <YOUR CODE>\n        a = <YOUR CODE: sample an action>\n        states.append(a)\n    return states, probs\n',
        'sessions = generate_session(env)\n',
        'YOUR, CODE = policy()\n',
      ],
    },
    {
      name: 'defined in an earlier cell, or earlier in the same cell, or both earlier and later',
      code: [
        'import pandas as pd\ndf = pd.read_csv("a.csv")\n',
        'n = len(df)\nrows = n * 2\nprint(rows)\n',
        'df = df.dropna()\n',
      ],
    },
    {
      name: 'a function reads a global defined later, but is only called after that',
      code: [
        'def train():\n    return model.fit(X_train, y_train)\n',
        'X_train, y_train = load()\nmodel = make_model()\n',
        'train()\n',
      ],
    },
    {
      name: 'names assigned by magics: shell capture, %time, %%capture, %%R -o',
      code: [
        'files = !ls data\n%time X = load(files)\n',
        '%%capture log\nfit(X)\n',
        '%%R -o summary\nsummary <- lm(y ~ x)\n',
        'print(files, X, log.stdout, summary)\n',
      ],
    },
    {
      name: 'names bound under treescope cell magics that run their body as Python (%%autovisualize, %%with), rebound below',
      code: [
        'import numpy as np\nimport treescope\ntreescope.basic_interactive_setup()\nrng = np.random.default_rng(7)\n',
        '%%autovisualize treescope.ArrayAutovisualizer()\nbatch = make_batch(rng, 8)\nbatch\n',
        'show_tokens(batch)\n',
        '%%with mesh_context(devices)\nsharded = place(batch)\n',
        'print(sharded.shape)\n',
        'for step in range(100):\n    batch = make_batch(rng, 16)\n    sharded = place(batch)\n    state = train_step(state, sharded)\n',
      ],
    },
    {
      name: 'del is not a definition, and a deleted name read later is not a use before definition',
      code: [
        'del cache\n',
        'cache = {}\ncache["k"] = 1\ndel cache\n',
      ],
    },
    {
      name: 'builtins and IPython names, even when the notebook rebinds them further down',
      code: [
        'display(df)\nname = input("name?")\nprint(_, In[1], _3)\n',
        'display = print\ninput = "x"\n_ = plt.plot([1])\n',
      ],
    },
    {
      name: 'names may come from a star import or %run',
      code: [
        'from helpers import *\n',
        'model = build(X)\n',
        'X = 1\nbuild = None\n',
      ],
    },
    {
      name: '%pylab imports numpy as np and star-imports pylab: a seminar reading np before the cell that imports it again',
      code: [
        '%pylab inline\n',
        'img = plt.imread("photo.png")\ngray = np.mean(img, axis=2)\nfigsize(12, 6)\n',
        'import os\nimport numpy as np\n',
      ],
    },
    {
      name: 'reads that test for the name on purpose',
      code: [
        'try:\n    model\nexcept NameError:\n    model = None\nif "scaler" not in globals():\n    scaler = None\n',
        'model = fit()\nscaler = make()\n',
      ],
    },
    {
      name: 'local names: loops, comprehensions, with, except, lambdas and class bodies',
      code: [
        'for i in range(3):\n    total = i\nsquares = [k * k for k in range(i)]\nwith open("f") as fh:\n    text = fh.read()\nf = lambda v: v + offset\nclass Config:\n    lr = 0.1\n    rate = lr\n    def scaled(self):\n        return self.lr * factor\n',
        'offset = 1\nfactor = 2\ni = 0\ntotal = 0\n',
      ],
    },
    {
      name: 'markdown cells carry no code, and a script is not a notebook',
      code: py`
        print(later)
        later = 1
      `,
    },
    {
      name: 'a helper redefined further down is not the one a call runs',
      code: [
        'import tensorflow as tf\nW = 1\ndef model(x):\n    return tf.matmul(x, W)\ndef step(x):\n    return model(x)\n',
        'for i in range(3):\n    loss = step(i)\n',
        'import torch\ndef model(x):\n    return torch.matmul(x, W)\n',
      ],
    },
    {
      name: 'a nested function does not run when the outer one is called',
      code: [
        'def make():\n    def loss(p):\n        return p * weight\n    return loss\n',
        'fn = make()\n',
        'weight = 2\nfn(1)\n',
      ],
    },
    {
      name: 'a call that passes a string for the parameter the function dispatches on does not read the other arms',
      code: [
        'import numpy as np\nfrom sklearn.neighbors import KNeighborsClassifier\n',
        'def sweep(X, y, kind, steps=20):\n    errors = []\n    for p in range(1, steps):\n        if kind == "knn":\n            clf = KNeighborsClassifier(n_neighbors=p)\n        elif kind == "tree":\n            clf = DecisionTreeClassifier(max_depth=p)\n        elif (kind == "svm"):\n            clf = SVC(C=1 / p)\n        errors.append(1 - clf.fit(X, y).score(X, y))\n    return errors\n',
        'knn_errors = sweep(X, y, "knn")\n',
        'from sklearn.tree import DecisionTreeClassifier\n',
        'tree_errors = sweep(X, y, kind="tree")\n',
        'from sklearn.svm import SVC\n',
      ],
    },
    {
      name: 'a call that leaves a flag false, passed or by its default, does not read the arm under `if flag:`',
      code: [
        'import matplotlib.pyplot as plt\n',
        'def plot_runs(runs, with_forecast=False, smooth=None, rounds=0):\n    for run in runs:\n        plt.plot(run)\n    if with_forecast:\n        plt.plot(forecast(runs), "k--")\n    if smooth:\n        plt.plot(smoothed(runs))\n    if rounds:\n        plt.title(label(rounds))\n',
        'plot_runs(history)\nplot_runs(history, False, smooth=None)\nplot_runs(history, rounds=0)\n',
        'def forecast(runs):\n    return [sum(r) / len(r) for r in zip(*runs)]\ndef smoothed(runs):\n    return runs[0]\ndef label(n):\n    return f"{n} rounds"\n',
        'plot_runs(history, with_forecast=True, smooth=True, rounds=3)\n',
      ],
    },
    {
      name: 'a call that leaves a container empty, passed or by its default, does not read the arm under `if len(heat) != 0:`, `if len(heat):`, `if labels:` or `> 0`, nor the else of `if len(heat) == 0:` or `if not labels:`, nor, left None, the else of `if cmap is None:`',
      code: [
        'import matplotlib.pyplot as plt\n',
        'def draw_zones(ax, shapes, heat={}, labels=[], title="", cmap=None):\n    if len(heat) != 0:\n        norm = math.sqrt(max(heat.values()))\n    if len(labels) > 0:\n        ax.legend(wrap(labels))\n    if title:\n        ax.set_title(fmt(title))\n    if len(heat):\n        ax.set_xlabel(unit(heat))\n    for shape in shapes:\n        if len(heat) == 0:\n            color = "grey"\n        else:\n            color = shade(math.sqrt(heat[shape]))\n        if not labels:\n            ax.plot(shape, color=color)\n        else:\n            ax.plot(shape, color=color, label=wrap(labels))\n        if cmap is None:\n            continue\n        else:\n            ax.set_cmap(palette(cmap))\n',
        'fig, ax = plt.subplots()\ndraw_zones(ax, zones)\ndraw_zones(ax, zones, {}, labels=[], title="")\n',
        'import math\ndef wrap(xs):\n    return xs\ndef fmt(t):\n    return t\ndef unit(h):\n    return "trips"\ndef shade(v):\n    return v\ndef palette(c):\n    return c\n',
        'draw_zones(ax, zones, heat=counts, labels=names, title="NYC", cmap="Reds")\n',
      ],
    },
    {
      name: 'a flag bound once to False turns its arm off as the notebook stands: Restart & Run All never reads what that arm uses',
      code: [
        'RUN_SWEEP = False\nimport numpy as np\n',
        'if RUN_SWEEP:\n    scores = [cross_val(alpha) for alpha in np.logspace(-3, 1, 9)]\n',
        'def cross_val(alpha):\n    return -alpha\n',
      ],
    },
    {
      name: 'a False entry of a settings dictionary, read by its key or with .get, turns its arm off; writes of other keys leave it off',
      code: [
        'CFG = {"tune_thresholds": False, "refit_stacker": 0, "folds": 5}\nCFG["folds"] = 3\n',
        'if CFG.get("tune_thresholds", True):\n    best_t = search_threshold(oof, y)\nelif CFG["refit_stacker"]:\n    stacker = fit_stacker(oof, y)\n',
        'def search_threshold(p, y):\n    return 0.5\ndef fit_stacker(p, y):\n    return None\n',
      ],
    },
    {
      name: 'the else after a test that holds True never runs: its early use is no failure',
      code: [
        'import numpy as np\nUSE_CACHE = True\n',
        'if USE_CACHE:\n    feats = np.load("feats.npy")\nelse:\n    feats = extract_all(paths)\n',
        'def extract_all(ps):\n    return np.zeros((len(ps), 8))\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'the only binding below thresholds the name\'s own earlier value (the predicting line commented out): no cell defines it afresh',
      code: [
        'import numpy as np\nmodel = build_unet()\n',
        'for i, pred in enumerate(predictions):\n    save_mask(np.squeeze(pred), i)\n',
        '# predictions = model.predict(test_images)\npredictions = (predictions > 0.5).astype(np.uint8)\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`predictions` is used in cell 2 but only bound in cell 3, below it, from its own earlier value \(no cell defines it afresh\): this runs only with kernel state/, related: 1 }],
    },
    {
      name: 'an augmented assignment below is the first binding: it reads the running total it adds to',
      code: [
        'print(f"loss so far: {running_loss:.3f}")\n',
        'for xb, yb in loader:\n    running_loss += criterion(net(xb), yb).item()\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`running_loss` is used in cell 1 but only bound in cell 2, below it, from its own earlier value/ }],
    },
    {
      name: 'a fresh prediction below, thresholded in a later cell: the first binding is a definition',
      code: [
        'for i, pred in enumerate(predictions):\n    print(i, pred.mean())\n',
        'predictions = model.predict(test_images)\n',
        'predictions = (predictions > 0.5).astype("uint8")\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`predictions` is used in cell 1 but first defined in cell 2, below it: / }],
    },
    {
      name: 'a binding below whose value reads the name only inside a lambda: the lambda does not run there, so it is a definition',
      code: [
        'print(score(3))\n',
        'score = lambda n: n if n < 2 else score(n - 1)\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`score` is used in cell 1 but first defined in cell 2, below it: / }],
    },
    {
      name: 'a binding below that reads another name sharing the prefix is a definition',
      code: [
        'print(preds.shape)\n',
        'preds = (preds_raw > 0.5).astype("uint8")\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`preds` is used in cell 1 but first defined in cell 2, below it: / }],
    },
    {
      name: 'no postponed annotations: a return annotation is evaluated when the def runs, before pandas is imported',
      code: [
        'def add_labels(df) -> pd.DataFrame:\n    return df\n',
        'import pandas as pd\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`pd` is used in cell 1 but first defined in cell 2, below it/ }],
    },
    {
      name: 'postponed annotations still evaluate a default value: the name in it is read when the def runs',
      code: [
        'from __future__ import annotations\n',
        'def fill(df: pd.DataFrame, value=np.nan) -> pd.DataFrame:\n    return df.fillna(value)\n',
        'import numpy as np\nimport pandas as pd\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`np` is used in cell 2 but first defined in cell 3, below it/ }],
    },
    {
      name: 'a future import after another statement of its cell is refused by Python: annotations are still evaluated',
      code: [
        'import os\nfrom __future__ import annotations\n',
        'def load(path) -> pd.DataFrame:\n    return path\n',
        'import pandas as pd\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`pd` is used in cell 2 but first defined in cell 3, below it/ }],
    },
    {
      name: 'a future import in a cell below the def does not reach back: the annotation is read early',
      code: [
        'def load(path) -> pd.DataFrame:\n    return path\n',
        'from __future__ import annotations\nimport pandas as pd\n',
      ],
      findings: [{ cell: 0, line: 1, message: /^`pd` is used in cell 1 but first defined in cell 2, below it/ }],
    },
    {
      name: 'a flag left True still runs its arm: the early use fails',
      code: [
        'RUN_SWEEP = True\n',
        'if RUN_SWEEP:\n    best = sweep([0.1, 1.0])\n',
        'def sweep(grid):\n    return grid[0]\n',
      ],
      findings: [{ cell: 1, line: 2, message: /^`sweep` is used in cell 2 but first defined in cell 3, below it: .*Restart & Run All fails here$/ }],
    },
    {
      name: 'a flag bound False and again True before the test is no constant: its arm still reads early',
      code: [
        'PLOT = False\n',
        'PLOT = True\nif PLOT:\n    draw(history)\n',
        'def draw(h):\n    print(h)\nhistory = []\n',
      ],
      findings: [{ cell: 1, line: 3, message: /^`draw` and `history` are used in cell 2 but first defined in cell 3, below it/ }],
    },
    {
      name: 'a settings entry something may have rewritten before the test (update, a run-time key) still reads its arm early',
      code: [
        'CFG = {"tune_thresholds": False}\nCFG.update(json.load(open("overrides.json")))\n',
        'if CFG["tune_thresholds"]:\n    t = search_threshold([0.2], [0])\n',
        'import json\ndef search_threshold(p, y):\n    return 0.5\n',
      ],
      findings: [{ cell: 0, line: 2, message: /^`json` and `search_threshold` are used in cells 1 and 2 but first defined in cell 3, below them/ }],
    },
    {
      name: 'a cell labelled plain text that ran in the kernel is the first definition the message names, not the Python cell after it',
      code: onDisk([
        { source: 'docs = splitter.split_documents(loader.load())\n', count: 1 },
        { source: 'store = Chroma.from_documents(docs, embeddings)\n', count: 2 },
        { source: 'from langchain_chroma import Chroma\nfrom langchain_openai import OpenAIEmbeddings\nembeddings = OpenAIEmbeddings()\n', count: 2, vscodeLanguage: 'plaintext' },
        { source: 'from langchain_text_splitters import RecursiveCharacterTextSplitter\nfrom langchain_community.document_loaders import WebBaseLoader\nloader = WebBaseLoader("https://example.org/post")\nsplitter = RecursiveCharacterTextSplitter(chunk_size=500)\nembeddings = OpenAIEmbeddings(model="text-embedding-3-small")\n', count: 3 },
      ]),
      findings: [
        { cell: 0, line: 1, message: /^`splitter` and `loader` are used in cell 1 but first defined in cell 4, below it: / },
        { cell: 1, line: 1, message: /^`Chroma` and `embeddings` are used in cell 2 but first defined in cell 3, below it: / },
      ],
    },
    {
      name: '%matplotlib inline only picks the plotting backend: np read before the cell that imports it is used before it is defined',
      code: [
        '%matplotlib inline\nimport matplotlib.pyplot as plt\n',
        'img = plt.imread("photo.png")\ngray = np.mean(img, axis=2)\n',
        'import os\nimport numpy as np\n',
      ],
      findings: [{ cell: 1, line: 2, message: /^`np` is used in cell 2 but first defined in cell 3/ }],
    },
    {
      name: 'a parenthesized with item binds only its own target: another name it reads is still used before it is defined',
      code: [
        'from agents import Client\n',
        'async with (Client(options=settings) as agent):\n    await agent.query("hello")\n',
        'settings = {"model": "m"}\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`settings` is used in cell 2 but first defined in cell 3/ }],
    },
    {
      name: 'a name a %%autovisualize cell only reads, bound in a later cell, is still used before it is defined',
      code: [
        'import numpy as np\nimport treescope\ntreescope.basic_interactive_setup()\n',
        '%%autovisualize treescope.ArrayAutovisualizer()\nshow_tokens(batch)\n',
        'batch = make_batch(np.random.default_rng(7), 8)\n',
      ],
      findings: [
        { cell: 1, line: 2, column: 13, message: /^`batch` is used in cell 2 but first defined in cell 3, below it: / },
      ],
    },
    {
      name: 'a cell whose indentation Python accepts (a comment at column 0 inside a loop, statements after a `;`, a call continued on a deeper line) still reads a name bound below it',
      code: [
        'import numpy as np\n',
        'for epoch in range(3):\n# logged each epoch\n    loss = np.mean(batch); print(loss)\n    print(epoch,\n          loss)\n',
        'batch = np.ones(4)\n',
      ],
      findings: [
        { cell: 1, line: 3, message: /^`batch` is used in cell 2 but first defined in cell 3, below it: / },
      ],
    },
    {
      name: 'a well-formed cell between two cells that do not parse still reads a name bound below it',
      code: [
        '%bq query --name daily_temps\nSELECT station, day FROM weather\n',
        'import numpy as np\ntotal = np.sum(scores)\n',
        'mean = total / <YOUR CODE>\n',
        'scores = np.arange(10)\n',
      ],
      findings: [
        { cell: 1, line: 2, column: 16, message: /^`scores` is used in cell 2 but first defined in cell 4, below it: /, related: 1 },
      ],
    },
    {
      name: 'exec and globals() hide where names come from only after them: a use above the first of them is still reported',
      code: [
        'print(model)\n',
        'exec(open("setup.py").read())\nprint(model, scaler)\n',
        'globals()["scaler"] = make()\nmodel = fit()\nscaler = make()\n',
      ],
      findings: [
        { cell: 0, line: 1, column: 7, message: /^`model` is used in cell 1 but first defined in cell 3, below it: /, related: 1 },
      ],
    },
    {
      name: 'names used in a cell and first defined in one later cell: one cause, one finding linked to each definition',
      code: [
        'import pandas as pd\n',
        'model.fit(X_train, y_train)\nscore = model.score(X_test, y_test)\n',
        { text: '## Split', kind: 'markup' },
        'X_train, X_test, y_train, y_test = split(pd.read_csv("d.csv"))\nmodel = make_model()\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 1, message: /^`model`, `X_train`, `y_train`, `X_test` and `y_test` are used in cell 2 but first defined in cell 4, below it: /, related: 5 },
      ],
      noFix: true,
    },
    {
      name: 'an import in a later cell used by several cells above: one finding, linked to the import and to the other cell',
      code: [
        'df = pd.read_csv("a.csv")\nextra = pd.read_csv("b.csv")\n',
        'print(pd.__version__)\n',
        'import pandas as pd\n',
      ],
      findings: [
        { cell: 0, line: 1, column: 6, message: /^`pd` is used in cells 1 and 2 but first defined in cell 3, below them: /, related: 2 },
      ],
    },
    {
      name: 'many names of one later cell: the message names a few and counts the rest, the definitions are all linked',
      code: [
        'print(a, b, c, d, e, f, g, h)\n',
        'a = b = c = d = e = f = g = h = 0\n',
      ],
      findings: [{ cell: 0, line: 1, column: 7, message: /^`a`, `b`, `c`, `d`, `e` and 3 more names are used in cell 1 but first defined in cell 2, below it: /, related: 8 }],
    },
    {
      name: 'one cell that uses names two later cells bind sits too high: one cause (moving it down pays both off), one finding linked to both definitions',
      code: [
        'import torch\n',
        'agent = CodeAgent(tools=[], model=model)\nagent.run("hello")\n',
        'model = load_model("small")\n',
        'from agents import CodeAgent\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 9, message: /^`CodeAgent` and `model` are used in cell 2 but first defined in cells 3 and 4, below it: /, related: 2 },
      ],
    },
    {
      name: 'draft cells pasted above the set-up, constants and helpers they read: the early uses share their cells, one finding for all of them',
      code: [
        'batch = data[:DATA_SIZE]\nstart = time.time()\n',
        'features = featurize(batch, n_confs=N_CONFS)\nclean = drop_failed(features)\nprint(time.time() - start)\n',
        { text: '## Set-up', kind: 'markup' },
        'import time\nimport pandas as pd\ndata = pd.read_csv("tox21.csv")\n',
        'DATA_SIZE = 500\nN_CONFS = 10\n',
        'def featurize(rows, n_confs):\n    return [embed(r, n_confs) for r in rows]\n',
        'def drop_failed(rows):\n    return [r for r in rows if r is not None]\n',
      ],
      findings: [
        { cell: 0, line: 1, column: 9, message: /^`data`, `DATA_SIZE`, `time`, `featurize`, `N_CONFS` and `drop_failed` are used in cells 1 and 2 but first defined in cells 4, 5, 6 and 7, below them: /, related: 7 },
      ],
    },
    {
      name: 'two early cells that share neither the cell they use names from nor a cell with each other are two causes, two findings',
      code: [
        'df = pd.read_csv("solubility.csv")\n',
        'import numpy as np\n',
        'print(model.score(X_test, y_test))\n',
        'model = fit(X_train, y_train)\nX_test, y_test = holdout()\n',
        'import pandas as pd\n',
      ],
      findings: [
        { cell: 0, line: 1, column: 6, message: /^`pd` is used in cell 1 but first defined in cell 5, below it: /, related: 1 },
        { cell: 2, line: 1, column: 7, message: /^`model`, `X_test` and `y_test` are used in cell 3 but first defined in cell 4, below it: /, related: 3 },
      ],
    },
    {
      name: 'a function called before the global it reads is defined',
      code: [
        'def evaluate():\n    return accuracy(model.predict(X_test), y_test)\n',
        'score = evaluate()\n',
        'model = fit(X_train, y_train)\n',
        'X_test, y_test = holdout()\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 9, message: /^`evaluate\(\)` runs in cell 2 and reads `model`, `X_test` and `y_test`, first defined in cells 3 and 4, below it/, related: 6 },
      ],
    },
    // Each call alone in its cell: calls that share a cell or a defining cell are one finding.
    ...[
      { call: 'sweep(X, y, "svm")', reads: /^`sweep\(\)` runs in cell 3 and reads `SVC`, first defined in cell 4, below it/ },
      { call: 'pick("tree")', reads: /^`pick\(\)` runs in cell 3 and reads `SVC` and `Tree`, first defined in cell 4/ },
      { call: 'sweep(X, y, chosen)', reads: /^`sweep\(\)` runs in cell 3 and reads `SVC` and `Tree`, first defined in cell 4/ },
    ].map(({ call, reads }) => ({
      name: `a dispatching call still reads its own arm, an arm whose parameter is rebound, and every arm when the value is not a literal: ${call}`,
      code: [
        'def sweep(X, y, kind):\n    if kind == "svm":\n        return SVC().fit(X, y)\n    elif kind == "tree":\n        return Tree().fit(X, y)\n',
        'def pick(kind):\n    kind = kind.lower()\n    if kind == "svm":\n        return SVC()\n    return Tree()\n',
        `result = ${call}\n`,
        'from sklearn.svm import SVC\nfrom sklearn.tree import DecisionTreeClassifier as Tree\n',
      ],
      findings: [{ cell: 2, line: 1, column: 10, message: reads }],
    })),
    ...[
      { call: 'draw_zones(ax, zones)', reads: /^`draw_zones\(\)` runs in cell 2 and reads `unit`, first defined in cell 3, below it/ },
      { call: 'draw_zones(ax, zones, heat=counts)', reads: /^`draw_zones\(\)` runs in cell 2 and reads `math` and `unit`, first defined in cell 3, below it/ },
    ].map(({ call, reads }) => ({
      name: `a container the call fills, and the else of a test for None, which an empty value passes, are still read: ${call}`,
      code: [
        'def draw_zones(ax, shapes, heat={}):\n    if len(heat) != 0:\n        norm = math.sqrt(max(heat.values()))\n    if heat is None:\n        return\n    else:\n        ax.set_xlabel(unit(heat))\n',
        `${call}\n`,
        'import math\ndef unit(h):\n    return "trips"\n',
      ],
      findings: [{ cell: 1, line: 1, column: 1, message: reads }],
    })),
    ...[
      { call: 'plot_runs(history)', reads: /^`plot_runs\(\)` runs in cell 3 and reads `names` and `smoothed`, first defined in cell 4, below it/ },
      { call: 'plot_runs(history, with_forecast=True)', reads: /^`plot_runs\(\)` runs in cell 3 and reads `forecast`, `names` and `smoothed`, first defined in cell 4, below it/ },
    ].map(({ call, reads }) => ({
      name: `a flag the call sets true, one true by default, and one the body rebinds still read their arms: ${call}`,
      code: [
        'import matplotlib.pyplot as plt\n',
        'def plot_runs(runs, with_forecast=False, legend=True, smooth=False):\n    smooth = smooth or len(runs) > 10\n    if with_forecast:\n        plt.plot(forecast(runs), "k--")\n    if legend:\n        plt.legend(names(runs))\n    if smooth:\n        plt.plot(smoothed(runs))\n',
        `${call}\n`,
        'def forecast(runs):\n    return runs[-1]\ndef names(runs):\n    return [str(i) for i, _ in enumerate(runs)]\ndef smoothed(runs):\n    return runs[0]\n',
      ],
      findings: [{ cell: 2, line: 1, column: 1, message: reads, related: 2 * (call.includes('True') ? 3 : 2) }],
    })),
    {
      name: 'calls in one cell of functions that read names a cell below defines are one cause, one finding at the first call, linked to each call',
      code: [
        'def sweep(X, y, kind):\n    if kind == "svm":\n        return SVC().fit(X, y)\n    elif kind == "tree":\n        return Tree().fit(X, y)\n',
        'def pick(kind):\n    return SVC() if kind == "svm" else Tree()\n',
        'a = sweep(X, y, "svm")\nb = pick("tree")\n',
        'from sklearn.svm import SVC\nfrom sklearn.tree import DecisionTreeClassifier as Tree\n',
      ],
      // Two definitions, then `pick()`'s call and its two reads (the first call's site is the finding itself, its read is linked).
      findings: [{ cell: 2, line: 1, column: 5, message: /^`sweep\(\)` and `pick\(\)` run in cell 3 and read `SVC` and `Tree`, first defined in cell 4, below it: this runs only with kernel state left from an earlier run$/, related: 6 }],
    },
    {
      name: 'a function that calls another function of the notebook, called in the cell that also uses a name the same cell below defines: one cause, one finding',
      code: [
        'def features(df):\n    return df[COLUMNS]\ndef train(df):\n    return fit(features(df))\n',
        'train(data)\n',
        'COLUMNS = ["a", "b"]\ndata = load()\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 7, message: /^`data` and `COLUMNS` are used in cell 2 but first defined in cell 3, below it: .*Restart & Run All fails here$/, related: 4 },
      ],
    },
    {
      name: 'a cell that calls a function reading a name a later cell defines and also uses that name itself: one finding at the direct use, linked to the call',
      code: [
        'import logging\ndef load_data(path):\n    try:\n        return pd.read_csv(path)\n    except FileNotFoundError:\n        logger.error("missing %s", path)\n',
        'df = load_data("train.csv")\nlogger.info("loaded")\n',
        'import pandas as pd\nlogger = logging.getLogger(__name__)\n',
      ],
      findings: [
        { cell: 1, line: 2, column: 1, message: /^`logger` and `pd` are used in cell 2 but first defined in cell 3, below it: /, related: 5 },
      ],
    },
    {
      name: 'a call and a direct use that share neither their cell nor a defining cell stay two findings',
      code: [
        'def load_data(path):\n    return pd.read_csv(path)\n',
        'df = load_data("train.csv")\n',
        'print(logger)\n',
        'import pandas as pd\n',
        'import logging\nlogger = logging.getLogger()\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 6, message: /^`load_data\(\)` runs in cell 2 and reads `pd`, first defined in cell 4, below it/ },
        { cell: 2, line: 1, column: 7, message: /^`logger` is used in cell 3 but first defined in cell 5, below it/ },
      ],
    },
    {
      name: 'a name first assigned by a magic in a later cell',
      code: [
        'print(len(files))\n',
        'files = !ls data\n',
      ],
      findings: [{ cell: 0, line: 1, column: 11, message: /`files` is used in cell 1 but first defined in cell 2/, related: 1 }],
    },
  ],
});
