import { strict as assert } from 'node:assert';
import { buildDocument } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { SemanticIndex } from '../../server/src/semantics';
import { stringTemplate, stringValue } from '../../server/src/semantics/literals';
import { pandasKind } from '../../server/src/semantics/pandas';
import { notebookSource, parser, py, sourceOf } from '../support/engine';

async function indexOf(code: string | string[]): Promise<{ index: SemanticIndex; dispose: () => void }> {
  const doc = buildDocument(Array.isArray(code) ? notebookSource(code) : sourceOf(code));
  const { parsed, dispose } = parseOnce(await parser(), doc);
  return { index: new SemanticIndex(parsed), dispose };
}

function qnames(index: SemanticIndex): string[] {
  return index.calls.map((call) => call.qname ?? `?${call.callee.text}`);
}

describe('semantic index', () => {
  it('resolves calls through imports, aliases and from-imports', async () => {
    const { index, dispose } = await indexOf(py`
      import numpy as np
      import sklearn as sk
      import os.path
      from sklearn.model_selection import train_test_split as tts
      from torch import nn
      np.random.rand(3)
      tts(X, y)
      sk.model_selection.train_test_split(X)
      os.path.join("a", "b")
      nn.Linear(3, 4)
      open("f")
    `);
    assert.deepEqual(qnames(index), [
      'numpy.random.rand', 'sklearn.model_selection.train_test_split', 'sklearn.model_selection.train_test_split',
      'os.path.join', 'torch.nn.Linear', 'builtins.open',
    ]);
    assert.ok(index.importsModule('sklearn'));
    assert.ok(index.importedPackages.has('torch'));
    dispose();
  });

  it('respects local shadowing and follows simple aliases', async () => {
    const { index, dispose } = await indexOf(py`
      import numpy as np
      from sklearn.ensemble import RandomForestClassifier
      def f(np):
          return np.random.rand(3)
      RF = RandomForestClassifier
      model = RF()
      def open(path):
          return path
      open("x")
    `);
    assert.deepEqual(qnames(index), ['?np.random.rand', 'sklearn.ensemble.RandomForestClassifier', '?open']);
    dispose();
  });

  it('knows constants, values and constructed classes', async () => {
    const { index, dispose } = await indexOf(py`
      import torch.nn as nn
      SEED = 42
      PATH = "m.pkl"
      SEED_LATER = 1
      SEED_LATER = 2
      class Net(nn.Module):
          pass
      net = Net()
      proba = clf.predict_proba(X)
      p = proba
    `);
    assert.deepEqual([...index.constants.keys()].sort(), ['PATH', 'SEED']);
    const p = index.nodes('identifier').filter((n) => n.text === 'proba').at(-1)!;
    assert.equal(index.originCall(p)?.method, 'predict_proba');
    const net = index.nodes('identifier').find((n) => n.text === 'net')!;
    const cls = index.constructedClass(net)!;
    assert.equal(cls, 'local:Net');
    assert.ok(index.classMatches(cls, (q) => q === 'torch.nn.Module'));
    dispose();
  });

  it('binds a name after its value: the right side of df = df.dropna() reads the previous df', async () => {
    const { index, dispose } = await indexOf(py`
      import pandas as pd
      df = pd.read_csv("a.csv")
      df = df.dropna()
      proba = clf.predict_proba(X)
      proba = proba[:, 1]
    `);
    const onTheRight = (name: string) => index.nodes('identifier').filter((n) => n.text === name)[2];
    assert.equal(index.originCall(onTheRight('df'))?.qname, 'pandas.read_csv');
    assert.equal(index.originCall(onTheRight('proba'))?.method, 'predict_proba');
    dispose();
  });

  it('resolves default values, decorators and bases in the scope around the function or class', async () => {
    const { index, dispose } = await indexOf(py`
      import numpy as np
      def sample(np=np, size=np.float32):
          return np.ones(size)
      class Model(np.ndarray):
          np = None
    `);
    const inDefault = index.nodes('identifier').filter((n) => n.text === 'np')[3];
    assert.equal(index.resolve('np', inDefault).kind, 'import', 'the default `np.float32` is the module');
    const inBody = index.nodes('identifier').filter((n) => n.text === 'np')[4];
    assert.equal(index.resolve('np', inBody).kind, 'local', 'the body sees the parameter');
    assert.deepEqual(index.classes.get('Model')?.bases, ['numpy.ndarray'], 'a base is not the class attribute');
    dispose();
  });

  it('sees a notebook as one program: an import in one cell resolves in a later one', async () => {
    const { index, dispose } = await indexOf(['import pandas as pd\n', '%matplotlib inline\ndf = pd.read_csv("a.csv")\n']);
    assert.deepEqual(qnames(index), ['pandas.read_csv']);
    assert.equal(index.calls[0].segmentIndex, 1);
    assert.equal(index.isEntryPoint, true);
    dispose();
  });

  it('reads a name in its own assignment as the previous binding', async () => {
    const { index, dispose } = await indexOf(py`
      import pandas as pd
      df = pd.read_csv("a.csv")
      df = df.dropna()
      for x in f(x):
          total += x
    `);
    const rhs = index.nodes('identifier').filter((n) => n.text === 'df')[2];
    assert.equal(index.valueOf(rhs).text, 'pd.read_csv("a.csv")');
    const loopValue = index.nodes('identifier').filter((n) => n.text === 'x')[1];
    assert.equal(index.resolve('x', loopValue).kind, 'local', 'the only binding is still found');
    dispose();
  });

  it('knows what is assigned to self.<name> in a class, and the bases of each class statement', async () => {
    const { index, dispose } = await indexOf(py`
      import torch.nn as nn
      class Net(nn.Module):
          def __init__(self):
              self.body = nn.Linear(2, 2)
          @property
          def head(this):
              return this.body
      class Net(Base):
          pass
    `);
    const read = index.nodes('attribute').find((n) => n.text === 'this.body')!;
    assert.deepEqual(index.instanceAttributeValues(read).map((v) => v.text), ['nn.Linear(2, 2)']);
    const outside = index.nodes('attribute').find((n) => n.text === 'nn.Module')!;
    assert.deepEqual(index.instanceAttributeValues(outside), []);
    assert.deepEqual(index.nodes('class_definition').map((c) => index.classBases(c)), [['torch.nn.Module'], ['local:Base']]);
    dispose();
  });

  it('knows what every call of a function passes for a parameter', async () => {
    const { index, dispose } = await indexOf(py`
      def train(model, loader, optimizer=None):
          return model, loader, optimizer
      train(net, dl, optimizer=opt)
      train(net2, dl2, opt2)
      def never_called(x):
          return x
      def splatted(y):
          return y
      splatted(*args)
    `);
    const read = (name: string) => index.nodes('identifier').filter((n) => n.text === name)[1]; // the read after the parameter
    assert.deepEqual(index.passedArguments(read('optimizer'))?.map((n) => n.text), ['opt', 'opt2']);
    assert.deepEqual(index.passedArguments(read('model'))?.map((n) => n.text), ['net', 'net2']);
    assert.equal(index.passedArguments(read('x')), undefined);
    assert.equal(index.passedArguments(read('y')), undefined);
    dispose();
  });

  it('knows what every call passes for a keyword-only parameter, by keyword alone', async () => {
    const { index, dispose } = await indexOf(py`
      def check(*, output_dir, tol=0):
          return output_dir, tol
      check(output_dir=run_a)
      check(tol=1, output_dir=run_b)
      def pad(*rest, width):
          return rest, width
      pad(1, 2, width=w)
      def switch(*, flag=False):
          return flag
      switch()
    `);
    const read = (name: string) => index.nodes('identifier').filter((n) => n.text === name)[1]; // the read after the parameter
    assert.deepEqual(index.passedArguments(read('output_dir'))?.map((n) => n.text), ['run_a', 'run_b']);
    assert.deepEqual(index.passedArguments(read('width'))?.map((n) => n.text), ['w']);
    assert.equal(index.passedArguments(read('flag')), undefined);
    dispose();
  });

  it('builds the index of a cell of another language whose error recovery reuses a subtree', async () => {
    // Random words in the shape of a JavaScript cell: tree-sitter's recovery shares one subtree
    // (one node id) at two places, which once made the recorded parent links loop forever.
    const { index, dispose } = await indexOf("const eszycidp = require('yopu-mzgd');\n/**\n *\nexports.pamntyyawo = async ixzh => {\n  // sdka aau ramvgnx\n    return aqhyoprhlhvhyojanr(\n * @udfux {jdxkxw} qnqvgjjsp qms bphx zmnvf lrwyvx lcovq dyfq ml pxapbjwt ssmu ffq haygrrhmq lsloivr.\n */\nconst txamzxqzeqyr = async (gnbplsrg, qnplnlarr, tztkotazh) => {\n    JSON.stringify({ufr: 'sf256', czr: 'zib'})\n  const vcc = await aoayy(\n    `http://ihidztfl.jcffiq.fviuwjow/kppdajmknzgidix/q1/gtnahame/bxfowqv-nrhuzwqo/${hquamvs_zkvunbx}/jegbj`,\n    {");
    assert.ok(index.calls.length > 0);
    dispose();
  });

  it('lists the calls inside a node without walking', async () => {
    const { index, dispose } = await indexOf(py`
      a(1)
      for x in xs:
          f(g(x))
          h()
      z()
    `);
    const loop = index.nodes('for_statement')[0];
    assert.deepEqual(index.callsWithin(loop).map((c) => c.callee.text), ['f', 'g', 'h']);
    const outer = index.calls.find((c) => c.callee.text === 'f')!;
    assert.deepEqual(index.callsWithin(outer.node).map((c) => c.callee.text), ['f', 'g'], 'a call is within itself');
    assert.deepEqual(index.callsWithin(outer.node.childForFieldName('arguments')!).map((c) => c.callee.text), ['g']);
    dispose();
  });

  it('tells programs from libraries', async () => {
    const library = await indexOf('import numpy as np\ndef f():\n    return np.zeros(3)\n');
    assert.equal(library.index.isEntryPoint, false);
    library.dispose();
    const script = await indexOf('import numpy as np\nprint(np.zeros(3))\n');
    assert.equal(script.index.isEntryPoint, true);
    script.dispose();
    const guarded = await indexOf('def main():\n    pass\nif __name__ == "__main__":\n    main()\n');
    assert.equal(guarded.index.isEntryPoint, true);
    guarded.dispose();
    const logs = await indexOf('import logging, warnings\nlogger = logging.getLogger(__name__)\nlogger.setLevel(logging.INFO)\nwarnings.filterwarnings("ignore")\ndef f():\n    pass\n');
    assert.equal(logs.index.isEntryPoint, false, 'setting up logging and warnings runs no program');
    logs.dispose();
    const logsAndRuns = await indexOf('import logging\nlogger = logging.getLogger(__name__)\nlogger.info("start")\nmain()\n');
    assert.equal(logsAndRuns.index.isEntryPoint, true);
    logsAndRuns.dispose();
    const looped = await indexOf('import pickle\nfor name in names:\n    model = build(name)\n    model.fit(X, y)\n');
    assert.equal(looped.index.isEntryPoint, true, 'a call in a top-level loop runs as the file runs');
    looped.dispose();
    const withBlock = await indexOf('import pickle\nmodel = make()\nwith open("m.pkl", "wb") as f:\n    pickle.dump(model, f)\n');
    assert.equal(withBlock.index.isEntryPoint, true, 'a call in a top-level with block runs as the file runs');
    withBlock.dispose();
    const guardedImport = await indexOf('try:\n    import torch\nexcept ImportError:\n    torch = None\nfor k in (1, 2):\n    TABLE[k] = k * 2\ndef f():\n    return torch.zeros(3)\n');
    assert.equal(guardedImport.index.isEntryPoint, false, 'an optional import and a loop that only binds call nothing');
    guardedImport.dispose();
    const loopInFunction = await indexOf('class Model:\n    for k in (1, 2):\n        pass\ndef train():\n    for x in xs:\n        fit(x)\n');
    assert.equal(loopInFunction.index.isEntryPoint, false, 'a loop in a function or class body is not module level');
    loopInFunction.dispose();
    const mainOnly = await indexOf('import unittest\nclass T(unittest.TestCase):\n    pass\nif __name__ == "__main__":\n    unittest.main()\n');
    assert.equal(mainOnly.index.runsAtModuleLevel, false, 'a __main__ block is judged on its own, not as module-level code');
    assert.equal(mainOnly.index.isEntryPoint, true);
    mainOnly.dispose();
  });

  it('finds the references to a binding, not its rebindings, attribute or keyword names', async () => {
    const { index, dispose } = await indexOf(py`
      model = make()
      fit(model, model=1)
      other.model = 2
      def f(model):
          return model
      model = make()
      use(model)
    `);
    const [first, , second] = index.definitionsOf('model');
    const usedAt = (definition: typeof first) => index.dataflow.usesOf(definition).map((read) => read.node.startPosition.row);
    assert.deepEqual(usedAt(first), [1]);
    assert.deepEqual(usedAt(second), [6]);
    dispose();
  });

  it('indexes code whose whole tree is an ERROR node (an exercise notebook with blanks) without looping', async () => {
    // Unfinished lines like these make tree-sitter return an ERROR root instead of a module.
    const { index, dispose } = await indexOf(py`
      y = ###
      X_train, X_test, y_train, y_test = ###
      clf =
      clf.fit(###, ###)
      y_preds = clf.predict(###)
      models = {"LinearSVC": ###,
    `);
    assert.notEqual(index.roots[0]?.type, 'module');
    assert.ok(index.definitionsOf('y').length <= 1);
    dispose();
  });
});

describe('string values', () => {
  it('are what Python reads: escape sequences and doubled braces decoded, a raw string as written', async () => {
    const tree = (await parser()).parse([
      'a = "C:\\\\Users\\\\ana\\tx\\x41"',
      'b = r"C:\\Users\\ana\\tx"',
      'c = f"{{run}}\\n{name}.csv"',
      'd = "one" b"\\x41"',
    ].join('\n'));
    const values = tree.rootNode.namedChildren.map((statement) => statement!.namedChild(0)!.childForFieldName('right')!);
    assert.deepEqual(values.map((value) => stringValue(value) ?? stringTemplate(value)), ['C:\\Users\\ana\txA', 'C:\\Users\\ana\\tx', '{run}\n{}.csv', 'oneA']);
    tree.delete();
  });
});

describe('pandas checker of the value-kind engine', () => {
  /** The pandas kind of the last `show(...)` argument of the code. */
  async function kindOfShown(code: string): Promise<string | undefined> {
    const { index, dispose } = await indexOf(code);
    const shown = index.calls.filter((call) => call.callee.text === 'show').at(-1)!;
    const kind = pandasKind(index, shown.args[0]);
    dispose();
    return kind;
  }

  it('follows every binding that reaches the read: agreeing bindings give their kind', async () => {
    assert.equal(await kindOfShown(py`
      import pandas as pd
      df = pd.read_csv("a.csv")
      if cleaned:
          df = df.dropna()
      show(df)
    `), 'frame');
  });

  it('a frame on one path and a series on another is pandas, of no one kind', async () => {
    assert.equal(await kindOfShown(py`
      import pandas as pd
      data = pd.read_csv("a.csv")
      if one_column:
          data = data["price"]
      show(data)
    `), 'pandas');
  });

  it('a dict on one path and a frame on the other is unknown, though the last binding is a frame', async () => {
    assert.equal(await kindOfShown(py`
      import pandas as pd
      if flag:
          df = {"a": 1}
      else:
          df = pd.read_csv("a.csv")
      show(df)
    `), undefined);
  });

  it('a loop that rebinds the name from itself adds nothing: the kind from before the loop holds', async () => {
    assert.equal(await kindOfShown(py`
      import pandas as pd
      df = pd.read_csv("a.csv")
      for column in columns:
          df = df.drop(columns=[column])
      show(df)
    `), 'frame');
  });
});

describe('one name resolution: valueOf and bindingAt answer as the def-use layer', () => {
  it('gives the value of the one binding that reaches the read, and the name itself where several may', async () => {
    const { index, dispose } = await indexOf(py`
      path = "a.csv"
      use(path)
      path = "b.csv"
      use(path)
      if again:
          path = "c.csv"
      use(path)
    `);
    const reads = index.calls.filter((call) => call.callee.text === 'use').map((call) => call.args[0]);
    assert.deepEqual(reads.map((read) => index.valueOf(read).text), ['"a.csv"', '"b.csv"', 'path']);
    assert.equal(index.bindingAt(reads[2]), undefined);
    const [reaching] = index.dataflow.reachingDefinitions(index.dataflow.readAt(reads[1])!);
    assert.equal(index.bindingAt(reads[1]), reaching);
    dispose();
  });
});
