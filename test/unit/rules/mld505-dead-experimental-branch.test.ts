import { deadExperimentalBranch } from '../../../server/src/detectors/mld505-dead-experimental-branch';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(deadExperimentalBranch, {
  valid: [
    {
      name: 'a membership test in a named list, a non-empty list, a string or a call result is decided at run time',
      code: py`
        RESUME_STAGES = []
        def train(net, stage):
            if stage in RESUME_STAGES:
                net.resume()
            if stage in [0, 3]:
                net.resume()
            if "" in "":
                net.resume()
            if stage in list():
                net.resume()
            if stage in [] or stage > 2:
                net.resume()
      `,
    },
    {
      name: 'a flag the markdown tells the reader to flip',
      code: [
        { text: '* `SHOW_LABELS = False` draws no labels. Set it to `True` to see the index of each point.', kind: 'markup' },
        'SHOW_LABELS = False\nRADIUS = 2\n',
        'def draw(points):\n    for i, p in enumerate(points):\n        if SHOW_LABELS:\n            put_text(str(i), p)\n',
      ],
    },
    {
      name: 'a flag set in the cell the markdown presents as the notebook\'s parameters',
      code: [
        { text: '## Set the run parameters', kind: 'markup' },
        'USE_AUGMENTATION = False\nEPOCHS = 5\n',
        { text: 'Now the training loop.', kind: 'markup' },
        'if USE_AUGMENTATION:\n    data = augment(data)\n',
      ],
    },
    {
      name: 'a flag explained by a comment beside it, in a script',
      code: py`
        USE_GPU = False  # set to True on a machine with a GPU
        if USE_GPU:
            model = model.cuda()
      `,
    },
    {
      name: 'a None placeholder the reader fills in',
      code: py`
        API_KEY = None
        CHECKPOINT = None
        if API_KEY:
            login(API_KEY)
        if not CHECKPOINT:
            print("training from scratch")
      `,
    },
    {
      name: 'diagnostic switches set once: DEBUG, VERBOSE, LOG_DEBUG',
      code: py`
        DEBUG = False
        VERBOSE = 0
        LOADER_DEBUG = False
        def report(event):
            if DEBUG:
                print("event", event)
        for step in range(3):
            if VERBOSE or LOADER_DEBUG:
                print(step)
      `,
    },
    {
      name: 'a lesson on truthiness: if 0 followed by elif on another literal',
      code: py`
        if 0:
            print("zero is truthy")
        elif "text":
            print("a non-empty string is truthy")
        if []:
            print("never")
        elif (1):
            print("one")
      `,
    },
    {
      name: 'flag reassigned later (a real switch)',
      code: py`
        USE_GPU = False
        if torch.cuda.is_available():
            USE_GPU = True
        if USE_GPU:
            model.cuda()
      `,
    },
    {
      name: 'flag changed through global in a function',
      code: py`
        DEBUG = False
        def enable():
            global DEBUG
            DEBUG = True
        if DEBUG:
            print("debug")
      `,
    },
    {
      name: 'lower-case variables, string flags and TYPE_CHECKING',
      code: py`
        from typing import TYPE_CHECKING
        debug = False
        MODE = "train"
        if debug:
            pass
        if MODE:
            pass
        if TYPE_CHECKING:
            import torch
      `,
    },
    {
      name: 'while True and conditions computed at run time',
      code: py`
        while True:
            batch = next(it)
            if batch is None:
                break
        if len(x) > 0:
            pass
      `,
    },
    {
      name: 'if True without an else hides nothing',
      code: py`
        if True:
            x = 1
      `,
    },
    {
      name: 'a function parameter shadows the flag',
      code: py`
        USE_NEW = False
        def run(USE_NEW):
            if USE_NEW:
                return 1
      `,
    },
  ],
  invalid: [
    {
      name: 'a membership test in an empty list written out is always false: the branch is removed',
      code: py`
        def train(net, stage):
            if stage in []:
                net.load_state_dict(load("resume.pkl"))
            net.fit()
      `,
      findings: [{ line: 2, message: /never runs: `stage in \[\]` is always false/ }],
      safety: 'safe',
      output: py`
        def train(net, stage):
            net.fit()
      `,
    },
    {
      name: 'an elif on a membership test in an empty tuple never runs',
      code: py`
        if mode == "a":
            a = 1
        elif mode in ():
            a = 2
        else:
            a = 3
      `,
      findings: [{ line: 3 }],
      output: py`
        if mode == "a":
            a = 1
        else:
            a = 3
      `,
    },
    {
      name: 'a flag in a cell under markdown that does not present parameters is still dead',
      code: [
        { text: '## Train the model', kind: 'markup' },
        'USE_AUGMENTATION = False\nif USE_AUGMENTATION:\n    data = augment(data)\nfit(data)\n',
      ],
      findings: [{ cell: 1, line: 2, message: /`USE_AUGMENTATION` is set once to False/ }],
      safety: 'unsafe',
      output: ['## Train the model', 'USE_AUGMENTATION = False\nfit(data)\n'],
    },
    {
      name: 'a flag with an unrelated comment, or named in markdown only as part of another word, is still dead',
      code: [
        { text: 'We keep USE_NEW_MODEL_V2 for later.', kind: 'markup' },
        'USE_NEW_MODEL = False  # experiment from March\nif USE_NEW_MODEL:\n    model = build_v2()\nscore = 1\n',
      ],
      findings: [{ cell: 1, line: 2, message: /`USE_NEW_MODEL` is set once to False and never changed/ }],
      safety: 'unsafe',
      output: ['We keep USE_NEW_MODEL_V2 for later.', 'USE_NEW_MODEL = False  # experiment from March\nscore = 1\n'],
    },
    {
      name: 'if False with no else: the statement is removed',
      code: py`
        import pandas as pd
        if False:
            df = pd.read_csv("old.csv")
            df = df.dropna()
        df = load()
      `,
      findings: [{ line: 2, column: 1, message: /never runs: `False` is always false/ }],
      safety: 'safe',
      output: py`
        import pandas as pd
        df = load()
      `,
    },
    {
      name: 'if 0 with an else: the else body is kept, dedented',
      code: py`
        def train():
            if 0:
                model = OldModel()
            else:
                model = NewModel()
                model.fit(X)
            return model
      `,
      findings: [{ line: 2 }],
      output: py`
        def train():
            model = NewModel()
            model.fit(X)
            return model
      `,
    },
    {
      name: 'if False followed by elif: the elif becomes the if',
      code: py`
        if False:
            a = 1
        elif mode == "b":
            a = 2
        else:
            a = 3
      `,
      findings: [{ line: 1 }],
      output: py`
        if mode == "b":
            a = 2
        else:
            a = 3
      `,
    },
    {
      name: 'upper-case flag set once: unsafe fix',
      code: py`
        USE_NEW_MODEL = False
        if USE_NEW_MODEL:
            model = build_v2()
        score = 1
      `,
      findings: [{ line: 2, message: /`USE_NEW_MODEL` is set once to False and never changed/ }],
      safety: 'unsafe',
      output: py`
        USE_NEW_MODEL = False
        score = 1
      `,
    },
    {
      name: 'if True with else: the else is dead and the body is kept',
      code: py`
        if True:
            x = 1
        else:
            x = 2
      `,
      findings: [{ line: 3, message: /`else` branch can never run/ }],
      output: py`
        x = 1
      `,
    },
    {
      name: 'while False and a dead elif',
      code: py`
        while False:
            step()
        if a:
            b()
        elif False:
            c()
        else:
            d()
      `,
      findings: [{ line: 1 }, { line: 5, message: /`elif` never runs/ }],
      fixIndex: 1,
      output: py`
        while False:
            step()
        if a:
            b()
        else:
            d()
      `,
    },
    {
      name: 'the only statement of a block becomes pass',
      code: py`
        for epoch in range(3):
            if False:
                log(epoch)
      `,
      findings: [{ line: 2 }],
      output: py`
        for epoch in range(3):
            pass
      `,
    },
    {
      name: 'a kept body holding a multi-line string is reported without a fix',
      code: py`
        if False:
            pass
        else:
            query = """
            SELECT 1
            """
      `,
      findings: [{ line: 1 }],
      noFix: true,
    },
  ],
});
