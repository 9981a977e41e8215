import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import type { Node } from 'web-tree-sitter';
import { ancestors, enclosingFunction, FUNCTION_TYPES, isAncestorOf, sameNode, stripParens } from '../semantics/nodes';
import { appendArgument, insertAfterStatement, replaceNode } from './shared/edits';
import { lastSegment } from './shared/libraries';
import { drawReachesResult } from './shared/randomReach';
import { entropySeeding, seedConstant, seededByExperiment, seededByTrainer, seedingTrainer, seedings, trainerSeedingNote, type Library } from './shared/seeding';
import { seededByTestSetup } from './shared/testSetup';
import { mainOnlyTriesModule } from './shared/selfCheck';
import { isTestModule } from '../documents/testModules';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { pushTo } from '../engine/collections';
import { drawnLibrary, LIBRARY_DRAWS, type LibraryDraws } from '../semantics/library/randomDraws';

interface LibraryFacts extends LibraryDraws {
  label: string;
  /** Possessive form for messages: "NumPy's". */
  owner: string;
  /** The module to import-alias for the seeding line, and the call under that alias. */
  seedModule: string;
  seedCall: string;
}

const LIBRARIES: Record<Library, LibraryFacts> = {
  numpy: { label: 'NumPy', owner: "NumPy's", ...LIBRARY_DRAWS.numpy, seedModule: 'numpy', seedCall: 'random.seed' },
  random: { label: 'the random module', owner: "the `random` module's", ...LIBRARY_DRAWS.random, seedModule: 'random', seedCall: 'seed' },
  torch: { label: 'PyTorch', owner: "PyTorch's", ...LIBRARY_DRAWS.torch, seedModule: 'torch', seedCall: 'manual_seed' },
  tensorflow: { label: 'TensorFlow', owner: "TensorFlow's", ...LIBRARY_DRAWS.tensorflow, seedModule: 'tensorflow', seedCall: 'random.set_seed' },
};

/** Unseeded generator constructors: they take their seed from the OS when given none. */
const GENERATOR_CONSTRUCTORS: Record<string, Library> = {
  'numpy.random.default_rng': 'numpy',
  'numpy.random.RandomState': 'numpy',
  'random.Random': 'random',
};

/** The calls the rule judges, for the engine to look up: each library's draws and the generator constructors (all `isRandomCall` accepts). */
export const RANDOM_CALLS = {
  qualified: [
    ...Object.keys(GENERATOR_CONSTRUCTORS),
    ...Object.values(LIBRARIES).flatMap((facts) => [...facts.draws].map((draw) => `${facts.drawModule}.${draw}`)),
  ],
};
/** The packages of those calls: a file that imports none of them draws nothing the rule knows. */
const RANDOM_PACKAGES = ['numpy', 'random', 'torch', 'tensorflow'];

/** A call the rule judges: a draw from a library's global generator, or a generator constructor. */
export function isRandomCall(call: CallSite): boolean {
  return !!call.qname && (Object.hasOwn(GENERATOR_CONSTRUCTORS, call.qname) || !!drawnLibrary(call.qname));
}

/** Libraries the file seeds anywhere; 'all' when its own helper (`set_seed(42)`) may seed anything. */
function seededLibraries(index: SemanticIndex): Set<Library> | 'all' {
  const seeded = new Set<Library>();
  for (const { libraries } of seedings(index, (qname) => !!drawnLibrary(qname))) {
    if (libraries === 'all') return 'all';
    for (const library of libraries) seeded.add(library);
  }
  return seeded;
}

/**
 * Seeds `library` right after the top-level import that the fix can call it through, from the
 * file's one seed constant (defined with the seeding line when the file has none yet).
 */
function seedingFix(context: RuleContext, library: Library, draw: CallSite): FixDescriptor | undefined {
  const { index, doc } = context;
  const facts = LIBRARIES[library];
  const alias = index.moduleAlias(facts.seedModule);
  if (!alias) return undefined;
  const seed = seedConstant(index, draw.node);
  const line = `${alias.local}.${facts.seedCall}(${seed.name})`;
  const title = `Seed ${facts.label} after its import: ${line}`;
  if (!seed.definition) {
    // The seeding line needs both the import and the constant: it goes after the later of the two.
    const constant = index.constants.get(seed.name)!.definition.statement;
    const after = constant.startIndex > alias.statement.startIndex ? constant : alias.statement;
    return { title, edits: [insertAfterStatement(doc, after, line)] };
  }
  // A new constant goes after the opening imports; when the library's import is among them, the
  // seeding line follows the constant in the same edit.
  if (seed.after && alias.statement.startIndex <= seed.after.startIndex) {
    return { title, edits: [insertAfterStatement(doc, seed.after, `${seed.statement}\n${line}`)] };
  }
  return { title, edits: [seed.definition, insertAfterStatement(doc, alias.statement, line)] };
}

/**
 * `tf.random.normal(shape, seed=7)`, `torch.randn(3, generator=g)`: the draw passes its own seed
 * or generator, so it repeats without a global seed.
 */
function bringsOwnSeed(index: SemanticIndex, call: CallSite): boolean {
  return ['seed', 'generator'].some((keyword) => {
    const value = call.kwargs.get(keyword);
    return value !== undefined && index.literal(value)?.kind !== 'none';
  });
}

/** The name `condition` tests with `<name> is None`, if it is such a test. */
function testedForNone(condition: Node | null): Node | undefined {
  const test = condition ? stripParens(condition) : undefined;
  if (test?.type !== 'comparison_operator') return undefined;
  const operators = test.childrenForFieldName('operators').map((o) => o?.text);
  const [left, right] = test.namedChildren;
  return operators.length === 1 && operators[0] === 'is' && left && right?.type === 'none' ? left : undefined;
}

/** Whether `node` is a name that holds only what the caller passed: the binding reaching it is a parameter. */
function holdsParameter(index: SemanticIndex, node: Node | null): boolean {
  return node?.type === 'identifier' && !!index.dataflow.readAt(node) && index.bindingAt(node)?.kind === 'param';
}

/**
 * `if rng is None: rng = np.random.default_rng()`, `rng = rng or default_rng()`,
 * `self._rng = random_state or RandomState()`, `if random_state is None: self.rng = RandomState()`:
 * the unseeded generator (or drawn seed) is only the fallback when the caller brought none, the
 * idiom of code that takes a seed or generator parameter — kept in the parameter itself or, for a
 * generator built there, in a name another arm binds from that parameter.
 */
function isNoneFallback(index: SemanticIndex, call: CallSite): boolean {
  const parent = call.node.parent;
  const isOr = parent?.type === 'boolean_operator' && parent.childForFieldName('operator')?.text === 'or' && sameNode(parent.childForFieldName('right'), call.node);
  if (isOr && holdsParameter(index, parent!.childForFieldName('left'))) return true;
  const value = isOr ? parent! : call.node;
  const assignment = value.parent;
  if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), value)) return false;
  const target = assignment.childForFieldName('left')?.text;
  if (!target) return false;
  if (isOr) return value.childForFieldName('left')?.text === target;
  for (const node of ancestors(assignment, true)) {
    if (FUNCTION_TYPES.has(node.type)) break;
    const consequence = node.type === 'if_statement' ? node.childForFieldName('consequence') : null;
    const tested = consequence && isAncestorOf(consequence, assignment) ? testedForNone(node.childForFieldName('condition')) : undefined;
    if (tested && (tested.text === target || (Object.hasOwn(GENERATOR_CONSTRUCTORS, call.qname ?? '') && holdsParameter(index, tested) && otherArmKeeps(index, node, target, tested.text)))) return true;
  }
  return false;
}

/**
 * Whether an `elif`/`else` arm of `ifNode` binds `target` from the tested parameter
 * (`self.rng = random_state`, `self.rng = RandomState(random_state)`): the parameter is the
 * caller's seed or generator, and the unseeded one only stands in for it.
 */
function otherArmKeeps(index: SemanticIndex, ifNode: Node, target: string, parameter: string): boolean {
  return ifNode.childrenForFieldName('alternative').some((arm) => !!arm && index.nodesWithin('assignment', arm).some((assignment) => {
    const right = assignment.childForFieldName('right');
    return assignment.childForFieldName('left')?.text === target && !!right && index.nodesWithin('identifier', right).some((name) => name.text === parameter);
  }));
}

/** `np.random.shuffle(idx)`, `random.shuffle(rows)`: the draw lands in its argument. */
function shuffledInPlace(call: CallSite): Node | undefined {
  return lastSegment(call.qname ?? '') === 'shuffle' && call.qname !== 'tensorflow.random.shuffle' ? call.args[0] : undefined;
}

/** A loop or `with` block outside every function runs at import, as a script's body does (a training loop at a test file's top level). */
function runsLoopAtImport(index: SemanticIndex): boolean {
  return (['for_statement', 'while_statement', 'with_statement'] as const).some((type) => index.nodes(type).some((node) => !enclosingFunction(node)));
}

/**
 * Whether the file seeds a library is asked first, of every call, by the shared `seedings` (a
 * seeder may be the project's own `set_seed` helper, which no callee list can name): a file that
 * may seed everything has nothing to report. The draws and generator constructors are then the
 * only calls the rule reads.
 */
function listen(context: RuleContext): RuleListeners | undefined {
  const { index, doc } = context;
  if (!index.importsAny(RANDOM_PACKAGES)) return undefined;
  const seeded = seededLibraries(index);
  if (seeded === 'all') return undefined;
  // One missing seed is one finding: the first draw of each unseeded library that reaches a
  // result, linked to the library's other draws.
  const draws = new Map<Library, CallSite[]>();
  let triesOnly: boolean | undefined;
  let loopsAtImport: boolean | undefined;
  return { callees: RANDOM_CALLS, call(call) {
    const qname = call.qname;
    if (!qname) return;

    const generatorLibrary = GENERATOR_CONSTRUCTORS[qname];
    if (generatorLibrary) {
      const seedArg = call.args[0] ?? call.kwargs.get('seed') ?? call.kwargs.get('x');
      if (call.hasSplat || (seedArg && index.literal(seedArg)?.kind !== 'none') || isNoneFallback(index, call)) return;
      if (!drawReachesResult(index, call.node)) return;
      const seed = seedConstant(index, call.node);
      const edit = seedArg ? replaceNode(seedArg, seed.name) : appendArgument(doc, call, seed.name);
      context.report({
        node: call.callee,
        message: `\`${lastSegment(qname)}()\` without a seed takes fresh entropy from the OS: every run draws different numbers`,
        ...(edit ? { fix: { title: `Seed it: ${lastSegment(qname)}(${seed.name})`, edits: [...(seed.definition ? [seed.definition] : []), edit] } } : {}),
      });
      return;
    }

    const library = drawnLibrary(qname);
    if (!library || seeded.has(library) || bringsOwnSeed(index, call) || isNoneFallback(index, call) || seededByTrainer(index, library, call.node) || seededByExperiment(index, library, call.node) || seededByTestSetup(context.testSetup, library, call.node)) return;
    // Inside a function of a library module, the caller is the one expected to seed; so it is when
    // the module's `__main__` block only tries it out, and what that block draws itself only feeds the trial.
    const inMainGuard = () => index.mainGuards.some((guard) => isAncestorOf(guard, call.node));
    if (enclosingFunction(call.node) && !index.isEntryPoint) return;
    // A pytest test module that runs nothing at import is run by pytest, test by test: a draw at its
    // top level is an input its tests share, as one drawn inside them is. A `__main__` block that only
    // tries the module out (`unittest.main()`) leaves it one: pytest never runs the block, and run
    // directly it runs the same tests.
    if (isTestModule(doc.uri) && !index.runsAtModuleLevel && (index.mainGuards.length === 0 || (triesOnly ??= mainOnlyTriesModule(index)))
      && !(loopsAtImport ??= runsLoopAtImport(index))) return;
    if ((enclosingFunction(call.node) || inMainGuard()) && (triesOnly ??= mainOnlyTriesModule(index))) return;
    pushTo(draws, library, call);
  }, finish() {
    for (const [library, calls] of draws) {
      const facts = LIBRARIES[library];
      // Every draw is a member, suppressed on its own line; the finding's place is the first draw
      // left whose numbers reach a result (asked in document order, until one does).
      const members = calls.map((call) => ({
        call,
        node: call.callee,
        related: `\`${call.callee.text}\` also draws from ${facts.owner} unseeded generator`,
        leads: () => drawReachesResult(index, call.node, shuffledInPlace(call)),
      }));
      context.reportGroup({
        members,
        message: ([{ call }, ...others]) => {
          const more = others.length > 0 ? ` (and ${others.length} other draw${others.length > 1 ? 's' : ''})` : '';
          const fromOs = entropySeeding(index, library);
          const shown = fromOs && (fromOs.node.text.length <= 60 ? fromOs.node.text : `${fromOs.callee.text}(...)`);
          const trainer = shown ? undefined : seedingTrainer(index, library);
          // A trainer built elsewhere seeds the library, but not for these draws (else they were not kept).
          const seeded = shown ? `seeds only from the operating system (\`${shown}\`, no fixed seed)`
            : trainer ? `seeds only as it builds \`${trainer.callee.text}\` (${trainerSeedingNote(index, trainer)}), and ${others.length > 0 ? 'these draws are' : 'this draw is'} not sure to come after that`
              : 'never seeds';
          return `\`${call.callee.text}\`${more} draws from ${facts.owner} global random generator, which this ${doc.kind} ${seeded}: the results built on it change from run to run`;
        },
        // A seed written after the import would not hold where the file reseeds from the OS later.
        fix: ([{ call }]) => (entropySeeding(index, library) ? undefined : seedingFix(context, library, call)),
      });
    }
  } };
}

export const unseededRandomness: Rule = {
  meta: {
    code: 'MLD801',
    name: 'unseeded-randomness',
    category: 'reproducibility-debt',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Seed the library after its import' },
    docs: {
      summary: 'Random numbers that reach a result (training data, a split, a model\'s weights or a metric) are drawn from NumPy\'s, Python\'s, PyTorch\'s or TensorFlow\'s global generator in a script or notebook that never seeds that library, or a generator is created without a seed.',
      why: 'Reproducibility debt (§8): initial weights, shuffles, augmentations and samples change on every run, so results cannot be reproduced and a regression cannot be told from noise. The paper lists randomized algorithms first among the obstacles to reproducing ML results.',
      example: 'import numpy as np\nfrom sklearn.linear_model import Ridge\n\nX = np.random.normal(0, 1, size=(1000, 3))\nidx = np.random.permutation(len(X))\nmodel = Ridge().fit(X[idx[:800]], y[idx[:800]])',
      fix: 'Seed each library once, right after its import, from one seed constant — or better, create an explicit generator (`rng = np.random.default_rng(SEED)`) and draw from it. A seeding call given no seed or `None` (`random.seed(a=None, version=2)`, `np.random.seed()`) seeds from the operating system, so runs still differ: the message names it, and no quick fix is offered, since a seed written after the import would be undone by that reseed; give it the seed constant instead (`random.seed(a=SEED)` counts, `a` being `random.seed`\'s name for its seed). The quick fix inserts the seeding line after the library\'s import (`np.random.seed(SEED)`, `random.seed(SEED)`, `torch.manual_seed(SEED)`, `tf.random.set_seed(SEED)`); for an unseeded `default_rng()`/`RandomState()`/`Random()` it passes the seed. It uses the file\'s seed constant (`SEED`, `RANDOM_STATE`...) and, when there is none, defines `SEED = 42` once after the imports that open the file (in a notebook, in its first code cell that runs code, not one of comments or package installs alone): every seed fix of MLD801 and MLD802 shares that one constant, so applying several never writes the seed twice. It is unsafe: the numbers drawn change (they become stable).',
      fixed: 'import numpy as np\nfrom sklearn.linear_model import Ridge\nSEED = 42\nnp.random.seed(SEED)\n\nX = np.random.normal(0, 1, size=(1000, 3))\nidx = np.random.permutation(len(X))\nmodel = Ridge().fit(X[idx[:800]], y[idx[:800]])',
      nearMisses: 'A draw whose value is only ever asked its shape (`torch.rand(1, *shape)` pushed through the layers to learn `.size(1)` of their output, `.shape`, `.numel()`, `len(...)`) gives the same answer whatever is drawn, even in a model class; so does asking whether a value was given at all (`if title is not None:`); so does a list shuffled in place and then only counted by a comprehension that never reads its loop variable (`shuffle(pos)` then `labels = [1 for _ in pos]`, as `len(pos)` would). So does a draw bound in a function to a name that no code reads (`rint = random.randint(0, 5)` left behind once its use was commented out, `low, high = np.random.uniform(size=2)` with neither read), even in a loop that trains: its value goes nowhere, and the finding moves to the library\'s next draw that reaches a result; a top-level name, which another module or a later cell may read, is still followed. So does a whole number drawn once to name a run (`self.training_id = random.randint(0, 1000)` in the `__init__` of a class the file builds once), every use of which writes it into text — an f-string, `str(...)`, `%` or `.format` — or prints it: it changes what the run\'s folders, logs and files are called, not what is computed; a number also used otherwise (a seed, an index into the data, arithmetic), or drawn in every pass of a loop, is still followed.\n\nDraws from an explicit, seeded generator (`rng.normal(...)`) are fine, and so are draws that pass their own `seed=` or `generator=` (`tf.random.normal(shape, seed=7)`). So are an unseeded generator or drawn seed that is only the fallback when the caller passed none (`if rng is None: rng = np.random.default_rng()`, also a generator built into another name that the other arm binds from the parameter, `if random_state is None: self.random_state = np.random.RandomState()` `else: self.random_state = np.random.RandomState(random_state)`, or kept from a parameter with `or`: `self._rng = random_state or np.random.RandomState()`; not under a test of a value the program loaded itself, `if saved is None:`, which is no caller\'s choice), PyTorch dummy inputs that only give a shape to export, tracing or profiling (`torch.onnx.export(net, torch.randn(1, 3, 224, 224), path)`), a Lightning module\'s `example_input_array` (`self.example_input_array = torch.randn(1, 1, 16000)`), which Lightning pushes through the model only to print the sizes in its summary and to log the graph, and an example input logged beside an MLflow model (`mlflow.pyfunc.log_model(..., input_example=np.random.rand(1, 52))`) or given to `infer_signature`: it shows the model\'s schema and trains or scores nothing; and so is a forward and backward pass run in the `with` block of a FLOP counter (`with FlopCounterMode(): net(torch.randn(8, 1, 256)).mean().backward()`, torchtnt\'s `FlopTensorDispatchMode`) that steps no optimizer: what runs there is counted, and the count depends on shapes only.\n\nA benchmark that runs backward passes and never applies the gradients trains nothing either: in a file that builds no optimizer, steps nothing (`opt.step()`, `scaler.step(opt)`; a learning-rate scheduler\'s, a torch-pruning pruner\'s or a Gym environment\'s `step()` moves no weight by a gradient) and reads no gradient — clearing them, `model.zero_grad()`, applies none — (`.grad`, `torch.autograd.grad`; one only cleared between timed passes, `if p.grad is not None: p.grad.zero_()` or `p.grad = None`, moves no weight, and so does one only printed or tested by an `assert`, or worked by its own methods into a truth value or a Python number, `p.grad.abs().sum() > 0`, `p.grad.norm().item()`, to check that gradients reach the weights: whatever is done with that value, only the gradient tensor itself or an optimizer moves a weight), a backward pass changes no weight, and neither does `model.train()` with no argument, which only switches a PyTorch module to training mode; the durations, memory or FLOPs such a file reports do not depend on what was drawn.\n\nWeights are a result only in a file that does something with a model. A lesson that builds layers or a model class from drawn weights (`nn.Parameter(torch.randn(4, 4))`), pushes inputs through them and prints what comes out, or runs a backward pass and only prints the gradients or what is worked out from them (`print(w.grad)`, `print((x.grad - 4 * x).norm().item() == 0)`), trains, scores and keeps nothing: a seed would only make its printout repeat. So a draw whose only evidence of reaching a result is a model\'s weights, a data set or loader, or a model or data class counts only where the file trains (a fit, a training call, an optimizer or an optimizing step of PyTorch, TensorFlow, Keras or JAX, gradients applied by hand), scores (a metric), writes a file, or calls a function named for training or evaluating (`train_model(net, loader)`, `d2l.train_ch3(...)`), or hands a data set, loader or model to a function of a module no table knows (a project\'s `helpers.compare_init_weights(models, train_loader)`), which may train there. Weights a model class of the file draws as it is built (`nn.Parameter(torch.randn(1, 1, dim))` in `__init__`, a registered buffer) are overwritten where every build of the class is bound to a name whose next use, in the same block, is a strict `load_state_dict` (`net = ViT(...).to(device)` then `net.load_state_dict(torch.load(path))`), or is a submodule registered in such a model (`self.block = Block()`, also inside `nn.Sequential`): an inference script keeps none of the numbers drawn; a load with `strict=False` or under a condition, a save before the load, a class built anywhere else, and a drawn tensor kept as a plain attribute (not a parameter or buffer) are still followed. Only code that runs in the file counts: in a script or notebook, the methods of a plain class it defines and never names again (no base class, no decorator, not a pytest `Test...` class; a trainer class kept for the scripts that import the module, `class CharTrainer:` with its `optimizer.step()` and `torch.save(...)`) never run there, so a module whose own `main` only pushes random ids through its model, samples from it and prints the shapes it gives trains nothing, and a draw inside such a class\'s own methods (the mixup weight its training loop draws) never runs and is not reported, nor does a read there carry a draw of the program anywhere (a method that trains on a module-level weight the script otherwise only plots); a class the file builds, or one with a base or a decorator, which may build or register it unnamed, still counts, and so does every class of a library module, which the modules importing it build. A class built only on a PyTorch module or a Keras layer or model (`class RuleLayer(tf.keras.layers.Layer)`, `class NoisyHead(nn.Module)`) is such a class too when the file names it nowhere outside its own body (`super(RuleLayer, self).__init__()` is inside it): those bases build none of their subclasses, so its `build`, `call`, `__init__` and `forward` never run, and a top-level draw it alone reads (fuzzy rules sampled for a layer the network never uses) reaches nothing trained; in a file that unpickles (`torch.load` not told `weights_only=True`, `pickle.load`, `joblib.load`), which rebuilds a module of the script by its class\'s name, or with another base or a metaclass beside it, it still counts. A class of the file built on no PyTorch, TensorFlow, Keras or Lightning base is a model only by a method a framework runs on it (`forward`, `__getitem__`) or by a learning method the file may run: an agent class whose own `train` (or `fit`, `predict`) nothing in the file calls by that name, and no object of which is handed to a call, learns nothing in a script that only plays the loaded agent, so the moves its `act` draws are a game\'s moves there; a library\'s write that only stores the object (`pickle.dump(scorer, f)`, `joblib.dump`, `torch.save`) runs none of its methods, so a stand-in model whose `predict` draws and that the script only pickles draws in the program that loads it, which is the one to seed; a call of `agent.train(...)`, or the agent handed to a project\'s `run_reinforce(policy, env)`, which may train it, keeps the draw followed, and so does a library module (definitions only), whose classes the modules importing it build and train: a client class there that builds its own `np.random.default_rng()` is reported, since no caller can seed it. Nor does an arm of an `if` or `elif` that tests a parameter of its function for a string (`elif mode == "normal":`) when every call of that function in the file, or every construction of its class for a parameter of `__init__`, gives the parameter another constant or leaves it at a default that differs (`Denoiser(waveglow)`, whose `mode` defaults to `"zeros"`): the arm never runs here, and what it draws reaches nothing; a call that gives the string or a value that is not a constant, or the function or class named elsewhere than in its calls (handed on, it may be called otherwise), leaves the draw followed. So does an arm that tests a parameter\'s truth (`if shuffle: random.shuffle(samples)`) when every call gives it `False`, `None`, `0` or `""`, or leaves such a default. Either test may read, instead of the parameter, an attribute that the class\'s `__init__` sets from it and nothing else in the file assigns (`self.mirror = mirror`, then `if self.mirror:` or `if self.crop == "random":` in `__getitem__`): it holds what each construction of the class passed; set again from outside (`train_set.mirror = True`), it may hold anything, and the draw is followed. So does the arm of a data set\'s `__getitem__` taken only for an index outside the data set (`if index not in range(0, len(self.files)):`, `if idx >= len(self):`, `if idx < 0 or idx >= self.__len__():`, the length being `len(self)`, `self.__len__()` or what the class\'s `__len__` returns), which draws a stand-in sample: a sampler asks only for indices below `__len__`, so that arm never runs; an arm taken when a file fails to load, a test against another length, or an index the method reworked before the test may run, and the draw is followed. Switching a PyTorch module the file builds (a layer, a torchvision model, a class of the file deriving `nn.Module` with no `train` or `eval` method of its own) into a mode, `net.train()` or `net.eval()` with no argument, is neither training nor evaluating, in any file: a lesson that builds a model, calls `net.train()` and `net.eval()` and prints its parameters keeps nothing; a trainer\'s `trainer.train()`, or a module class\'s own `train` method, still trains. The same holds for a data set of draws that a demo pushes through a model only to print the sizes it gives (`nn.DataParallel`, shown batch by batch).\n\nA file that seeds the library anywhere — directly, through `transformers.set_seed`, `lightning.seed_everything`, `keras.utils.set_random_seed`, MONAI\'s `set_determinism` (which seeds Python\'s, NumPy\'s and PyTorch\'s generators, with its own default seed when given none), ColossalAI\'s launchers (`colossalai.launch_from_torch(config={})`, `launch`, `launch_from_slurm`, `launch_from_openmpi`, which seed the same three as they start the distributed run, with 1024 when given no `seed=`), a library setting whose assignment seeds them (scvi-tools\' `scvi.settings.seed = 0`, whose setter calls Lightning\'s `seed_everything`), or through its own `set_seed(...)` helper — is left alone; a seed passed or assigned as `None` (`set_determinism(seed=None)` turns determinism off, `scvi.settings.seed = None` and `launch_from_torch(config, seed=None)` set no seed) seeds nothing, and an attribute of the file\'s own objects (`args.seed = 42`) seeds no library.\n\nBuilding a Hugging Face trainer (transformers\' `Trainer`, TRL\'s `SFTTrainer`, `GRPOTrainer`…) seeds Python\'s, NumPy\'s and PyTorch\'s generators from its `args.seed`: a draw that runs only once the trainer is built — below it, in a function first called below it, in a function or class handed to it (a reward function, a collator, a callback, a data set) that runs while it trains, also through a name bound in several places (one data set class in each arm of an `if`: whichever is built is handed), or in a helper that only such code calls (a function the collator calls on each batch to shuffle a target\'s parts) — is seeded; rows shuffled before it is built, or mapped in its arguments (`train_dataset=ds.map(augment)`), are not. The message of a draw it does not seed says that the file seeds the library only as it builds that trainer, and that the draw is not sure to come after it: \'never seeds\' would not be true of a file that builds one. Building Lightning\'s `LightningCLI` (or a class of the file built on it that keeps its `__init__`) seeds the same three through `seed_everything` before it builds the model and data classes it is handed: with a seed it is given (`seed_everything_default=42`), or with its default, which draws a seed and writes it into the config the tool saves, so the run can be repeated from that config. A draw below it, or in a class handed to it whole (`LightningCLI(LitModel, LitData)`, the weights `__init__` draws included), which the tool builds and trains, is seeded; `seed_everything_default=False` or `None`, the default with `save_config_callback=None` (the drawn seed is kept nowhere), a splat that may pass either, and a class the file also builds itself (a `__main__` smoke test that calls the model\'s methods before the tool is built), are not, and such a draw\'s message says the file seeds the library only as it builds the tool.\n\nA Sacred experiment (`ex = Experiment("name")`) seeds Python\'s and NumPy\'s generators with the run\'s `seed` before it runs a command (the function under `@ex.automain`, `@ex.main` or `@ex.command`): where its config gives a constant seed (`seed = 45` in an `@ex.config` function, `ex.add_config(seed=45)`), a draw in a command, or in a function of the file only commands call, repeats on every run and is seeded; with no seed in the config Sacred draws one, and a command the file calls itself (`run()` under `__main__`) is a plain call that Sacred does not seed: both are still reported.\n\nIn a module that only defines functions (a library, no top-level calls and no `__main__` guard) draws inside functions are not flagged: the program that imports it is the one to seed. Top-level calls that only set the process up — logging (`logger = logging.getLogger(__name__)`, `logger.setLevel(...)`, `logger.warning(...)`), `warnings.filterwarnings`, display options (`pd.set_option`), the look of the plots drawn later (`plt.style.use("ggplot")`, `plt.rcParams.update(...)`, `sns.set_style("whitegrid")`), the locale numbers are written and parsed in (`locale.setlocale(locale.LC_NUMERIC, "C")`), the environment variables a `.env` file sets (`dotenv.load_dotenv(dotenv.find_dotenv())`, where the code below reads a data folder from) or that the module sets one by one (`os.environ.setdefault("OMP_NUM_THREADS", "1")`, `os.environ.update(...)`, `os.putenv(...)`, as an assignment to `os.environ[...]`, which is no call, does), the import path (`sys.path.append`, `sys.path.extend([".."])`, `sys.path.insert`; python-future\'s `standard_library.install_aliases()`, which makes Python 3\'s module names importable on Python 2), the backend a library computes or draws with (tensorly\'s `tl.set_backend("pytorch")` and `use_opt_einsum("optimal")`, `matplotlib.use("Agg")`, TensorFlow\'s graph mode and 1.x behaviour: `tf.compat.v1.disable_v2_behavior()`, `disable_eager_execution()`), the classes PyTorch\'s safe loading may rebuild (`torch.serialization.add_safe_globals([np.ndarray, np.dtype])`, an allow-list kept for the `torch.load(..., weights_only=True)` calls to come), the type and device PyTorch gives new tensors (`torch.set_default_tensor_type("torch.cuda.FloatTensor")`), the environments Gym or Gymnasium may make (`gym.register(id="CliffWalk-v1", entry_point="cliff:CliffWalk")`, `gym.register_envs(ale_py)`: registering names a class for a later `gym.make` and runs nothing, so an environment or agent module stays a library) — run no program, so they leave a module a library: a layer module, or a test module whose test functions draw their inputs, stays one. So do the calls a test module makes at its top level only to set its tests up — PyTorch\'s `instantiate_parametrized_tests(TestX)` and `instantiate_device_type_tests(TestX, globals())`, which generate the cases of the file\'s own test class, `pytest.importorskip("triton")`, which skips the module when a dependency is missing, and a seed of a library\'s generator (`np.random.seed(12345)`), which pytest runs before the tests it seeds: they run no test and no program. Outside a test module, a seed at the top level is the first step of the script it opens and makes the module a program. So does a `__main__` block that only tries the module out — it builds a model and checks the shape of its output, prints an example of a data set, runs the module\'s unit tests, through `unittest.main()` or a suite it builds of the file\'s own test classes (`unittest.TestLoader().loadTestsFromTestCase(TestMetrics)` run by a `TextTestRunner`, whose tests are not followed: what a test computes is checked, not kept) — when it, with the file\'s other functions and classes it names, trains nothing, computes no metric and writes no data or model, and the file reads no command line (argparse, click, typer...): a demonstration, not the program whose results matter, so the random inputs it draws for the trial are left too. A class the block names is followed through the methods that may run: a plain class, or one built only on a PyTorch module or a Keras layer or model, with no decorator, runs unnamed only its special and private methods and what a framework calls (`forward`, `call`, `build`, a trainer\'s steps and hooks); a method of it that no line outside it names (a model\'s own `save`, whose `torch.save` is a library\'s call, not a name of it), kept for the scripts that import the class, never runs here, so the block that only builds and prints the model writes nothing; a method the block, or anything it runs, names (`model.save(path)`, `self.save` in another method), or a class with another base, which may call any of its methods, is still followed. Fitting a scaler, an encoder or an imbalanced-learn resampler (`fit_transform`, `fit_resample`) learns no model, whichever of several such steps a name holds (`sampler = SMOTE()` in one arm, `ADASYN()` in the other): a block that only runs the module\'s preprocessing on drawn rows and prints the shapes it gives still only tries it out, while one that also fits a classifier on them is a program. An image the block writes after drawing outlines, marks or text onto it (`cv2.rectangle(image, ...)` or `cv2.putText`, then `cv2.imwrite("preview/0.jpg", image)`, also after a colour conversion: the boxes of a loaded batch shown on its picture) is a picture to look at, as a saved plot is, not data it keeps; one with a shape filled in only (thickness `-1`, a mask) is data. One backward pass the block itself runs once, in no loop, changes no weight when nothing steps an optimizer or reads the gradients (`loss.backward()` to see that gradients flow through the model): it trains nothing either; gradients only printed, asserted on or cleared, also gathered into a list that is only read in an `assert` or a `print` (`grads = [p.grad for p in model.parameters()]`, then `assert all(torch.isfinite(g).all() for g in grads)`), are a look at them, while a list of gradients stepped into the weights by hand trains. A block that calls the file\'s own training function or trainer class, or a command-line tool, is a program. A fit the block makes of an estimator class the module itself defines, on inputs it draws there and constants only (`data = np.random.rand(100, 2)`, then `KMeans(3).fit(data)` and the centers printed), still only tries that class out: fitted on noise, it shows that the code runs, and the draws inside the class are its importer\'s to seed; a library\'s estimator fitted on draws (a simulation study), or the module\'s own fitted on data the block loads, is a program. A pytest test module (`test_*.py`, `*_test.py`) that runs nothing at import (no call, loop or `with` block at its top level) stays a library also when it draws at its top level the inputs its tests share (`x = torch.rand(10, 3)` above the `test_*` functions that push it through a layer and assert on the output): pytest runs its tests, and a draw hoisted out of them is still a test\'s input, not a result. So it does when its only other code is a `__main__` block that only tries it out as above (`if __name__ == "__main__": unittest.main()` under `unittest.TestCase` classes that share the drawn training data), or that calls the module\'s own test functions and prints (`test_loss_falls_on_one_batch()`), whatever those tests do, training included: pytest never runs that block, and run directly it runs the same tests; under a name pytest does not collect, such a block runs a program. A test that runs a backward pass and only asserts on the gradients it leaves (`assert layer.weight.grad is not None`, `assert not torch.all(layer.weight.grad == 0)`: a check that gradients reach the weights, called from such a block too) moves no weight; one that steps an optimizer or writes a gradient into a weight (`w -= lr * w.grad`) trains. One that calls something at its top level (`problem.discretise_domain(10)`) or runs a loop there (a smoke script named `test_model.py` that trains for ten steps on drawn inputs) is a program, and a module of any other name that draws at its top level is judged by where the numbers go.\n\nA draw matters only when its numbers reach an ML result, so a draw is reported only with evidence that they do: its value flows (through names, expressions, writes into objects — also a list or set it is appended or added to, `rows.append(x)`, read where the list is read after —, the parameters of the file\'s own functions it is handed to, return values and loop variables) into a training call (`fit`, `train`, `backward`...), a split or estimator, a data set, loader, trainer or collator, a model\'s weights (`nn.Parameter`, `tf.Variable`, a class with `forward`/`fit`/`__getitem__` or a torch/Keras base, or named as a collator or data set), a metric; or it is drawn inside a loop or function that trains. Rows picked to display, a random test row sent to an endpoint, plot data, a dummy tensor that only checks a forward pass\'s shape, a game agent\'s moves and a dice roll in a lesson are left alone. A value handed to a function of the file comes back only at the call that handed it in: what the function returns there is that call\'s value, not its other calls\', so a test image picked at random and loaded by the `load_image(path)` helper that the evaluation loop also calls reaches no metric through that loop and stays a picture that is shown; a draw made inside the function itself goes out through every call of it. A name carries a draw only where its binding can be seen: a `for` loop binds its target before every run of its body, so a draw shown under `y` does not reach `roc_auc_score(y, p)` in a later `for part, X, y in splits:` loop, whose `y` is each split\'s labels (after the loop, which may run no times, it may still be the draw). A draw in a loop or function that trains is taken to shape the training only while where its value goes is not all known: one whose every use is followed and only shown trains nothing, even there — after each epoch, the seed text a character model continues (`start = random.randint(0, len(text) - maxlen)`, its characters written into a one-hot array, `x[0, t, index[ch]] = 1.0`, that only the model\'s `predict` reads, the characters predicted appended to it with `+=` and written out with `sys.stdout.write`) is a sample to read, not training data; a drawn position written into an array that is trained on is still reported. So is a tensor drawn with `requires_grad=True` to show what autograd computes — bound to a name in no loop or function (`x = torch.randn(2, 2, requires_grad=True)`), worked on only by operators and PyTorch\'s own functions (`z = (x ** 2).mean()`), one backward pass run once on what it gives (`z.backward()`), its gradient only looked at (`print(x.grad)`), what it gives tested only by an `if` or `while` whose arms do nothing but rebind the tested names with operators and PyTorch\'s functions (`while y.data.norm() < 1000: y = y * 2`, which only decides how far the value is reworked): no model\'s weight is in that graph and no gradient is applied, so nothing learns from what was drawn; one handed to a model, a layer or an optimizer, or updated with its gradient (`x -= lr * x.grad`), is still reported. A backward pass on a value worked out only from constants and draws — through operators, their own methods, PyTorch\'s functions, or a function imported from the project that is handed nothing else (a loss checked on random logits, `loss, nll = smoothed_cross_entropy(logits=logits, labels=labels)` with both drawn) — has no model, layer or optimizer in its graph: it fills only the drawn tensors\' gradients and moves no weight, even in a file that steps an optimizer elsewhere. A drawn tensor an optimizer is built over, or one stepped down its gradient by hand, is a weight and is still reported, and so are draws pushed through a model first or handed to the project\'s function together with a model. The same holds for a TensorFlow variable made from a draw to show what tensors or a tape compute — bound to a name in no loop or function (`w = tf.Variable(tf.random.normal((3, 2)))`), worked on only by operators and TensorFlow\'s own functions (`tf.nn.embedding_lookup(w, ids)`, `tf.reduce_mean`), watched by or differentiated to with a `GradientTape` whose gradients are only looked at or never read, or given other values by its own `assign`, `assign_add` and `assign_sub`: a `tf.Variable` alone is no model\'s weight. One stepped down its gradient (`w.assign_sub(lr * dw)`), whose gradients an optimizer applies, or that is handed to a model, a layer or a function of the file, is still reported; and where such a lesson variable comes before weights the notebook trains, the finding is on the trained weights. So is a draw that only sets how long to wait (`time.sleep(2 ** attempt + random.uniform(0, 1))`, `await asyncio.sleep(delay)` with a drawn `delay`: the jitter of a retry\'s back-off), even in a data set\'s method or a training loop: it decides when the code runs, not what it computes, while a drawn value that is also kept in a sample is followed there. So is a name drawn once from letters and digits and joined into one string (`"".join(random.choices(string.ascii_lowercase + string.digits, k=8))`, the suffix of a job, run or bucket name): it names something, whatever it reaches; letters alone, or strings drawn over and over (a captcha per image), may be data and stay followed.\n\nRandom inputs that only test an implementation (a metric — a metrics library\'s function, or a model\'s own `score` or `evaluate` — whose value, or part of it such as `model.evaluate(x, y)[1]`, only meets `np.allclose`, an `assert`, or a print beside them) are a test, not a result: any numbers would pass, while a score also kept as a result (`metrics["r2"] = r2`) is one. Fitting a scaler or encoder, or calling a method of a scipy, NumPy or pandas object (`gaussian_kde(xy).evaluate(grid)`), learns no model, an n-gram language model\'s `score` (kenlm\'s `Model.score(sentence)`, NLTK\'s `lm.score(word, context)`) measures nothing, for it is the probability the model gives a text, its answer for one input as `predict` is (a decoder tried on drawn frame probabilities, its hypotheses scored by the language model and printed, stays silent; NLTK\'s `lm.fit` on drawn text still learns), and a Keras helper that loads or converts one value (`load_img`, `img_to_array`, `to_categorical`) holds no data set: the draw is followed on through its output, so test images picked at random only to be predicted and shown stay silent, while labels drawn, one-hot encoded and trained on are reported. A statsmodels `fit()` whose results are dropped (`ARIMA(noise, order=(2, 1, 2)).fit()` on a line of its own, a warm-up before the real forecasts) keeps nothing it learned: statsmodels leaves the model as it was and hands the fitted results back, so a draw that reaches only such a fit reaches no result; kept results (`fitted = ARIMA(noise, ...).fit()`), or a scikit-learn or Keras `fit`, which learns into the model itself, are still followed. An xarray `Dataset` (or a netCDF4 file opened as one) holds labelled arrays, as a pandas frame does, and is no training data set: the draw is followed on through it, so a random grid put in one to check a climatology and plotted, or dummy fields written to netCDF, stay silent, while one whose arrays are fitted is reported. Stateless `torch.nn.functional` calls (`F.softmax`), Keras 3\'s `keras.ops` math (`ops.mean`) and the functions of Keras\' backend (`K.transpose`, `K.exp`; not `K.variable`, `K.zeros` or `K.ones`, which make a variable, nor `K.random_normal`) are followed through too, so text sampled from a model only to be shown stays silent. So does the sampler method of a model class that the file calls and that returns what it draws (`OneStep(tf.keras.Model).generate_one_step`, the next character of generated text), not one a framework runs (`forward`, `call`, `__init__`, `build`...): its draws go only where its callers take them, and characters they only collect and print are a look at the model; the same samples trained on are still reported. A line of text a value is formatted into (`print(f"epoch {epoch}: {sample}")`) goes where the text goes, and a log line (`logging.info(...)`, a logger\'s `logger.info(...)`) is read by a person as a print is: a sample a model generates after each epoch and only logs stays silent, while the same text also added to the training data is still reported. A draw in the arm of a module\'s method that runs only in training mode (`if self.training:`, a VAE\'s reparameterisation noise) reaches nothing in a file that never trains a module nor switches one into training mode (no training call or backward pass, no gradient applied, no `.train()`): a module it only serves runs that arm only if used without `.eval()`, which MLD906 reports; where the file fine-tunes or switches the module, the draw is followed. A drawn value tested only to stop or skip the loop it is drawn in (`if ix == 0: break` at the end mark of a sampled name, `continue` past a drawn padding token) decides how many times that loop runs, so it goes where what the loop makes goes: the names it binds and the lists it fills, followed as above; names only printed are still a look, while a loop that trains, or writes what it makes, keeps the draw. So does a drawn count of passes (`for _ in range(random.randint(1, 5)):`); and a list kept across the passes of an outer loop (bound before it) is read by the next pass too, so what one pass appends reaches what an earlier line of the loop body does with the list (`np.savetxt(..., mean_q)` at the top of the loop, `mean_q.append(...)` below). In the same way, a drawn value tested only by an `if` with no other arm, whose body holds only calls and assignments (`if np.random.uniform() < 0.01: texts.append(plt.text(x, y, name))`, a random few points of an embedding plot labelled, placed by adjustText\'s `adjust_text`, a plotting add-on; a rare `print` of the batch in a training loop), decides only whether that body runs: it goes where what the body makes goes, and a body that makes nothing read after it only shows something, even in a loop or function that trains; a body that rebinds a sample that is trained on (`image = image[:, ::-1]`), fills a list that is fitted, returns or writes, keeps the draw.\n\nA data set or loader built from draws counts only if it is used: one whose batches are only printed or plotted (a data-loading demo; in `for i, batch in enumerate(ds)` the counter `i`, which may stop the loop, carries nothing drawn; images picked at random from the validation set, put in a loader and shown through the notebook\'s own `imshow(grid, title=...)` helper — a function of the file that returns nothing gives its caller `None`, so the draw goes only where its body takes it), or that is only shown as a notebook cell\'s value or asked its `element_spec` (its shapes and types, as `.shape` is), trains nothing, while one trained on or handed where the flow cannot follow is still reported. So does a data set class of the file that draws in its own methods (`np.random.choice` resampling the points of each item in `__getitem__`) where every build of it in the file is only looked at — a module\'s `__main__` demo that prints `len(d)` and `d[0]` — or not used at all (a loader built on a library\'s base class, bound to a name the block rebinds or never reads, after the block unpacks the data; a name a script\'s `__main__` block binds is read by no other module, for an import does not run that block): the scripts that import the class and train on it are the ones to seed, while a build handed to a loader that is trained on, or a class named other than by its builds, is still followed. A function that returns nothing passes its draws on only through what it writes, or as a data pipeline\'s hook (`collate_fn=`): a tuner\'s objective that reports a drawn number is no result.\n\nOne unseeded library is one missing seed: one finding, on the first draw that reaches a result, linked to the library\'s other draws. A `# mldebt: ignore[MLD801]` comment covers the draw on its line alone: that draw leaves the finding and its count, the finding moves to the next draw left that reaches a result, and when none is left there is no finding.\n\nIn a pytest test module (`test_*.py`, `*_test.py`), a library seeded by the `conftest.py` files pytest loads before it — at their top level, in an autouse fixture or a set-up hook, or in a fixture the test asks for by name — is seeded for those tests. A function of an array library called through its module (`torch.add(x, y)`, `np.append(noise, 0.0)`) returns a new array: the draw goes where that array goes, while a container\'s own method (`rows.append(noise)`) keeps the value in the container, read where the container is. What a data set class\'s `__getitem__` (or `__iter__`) returns, which a loader asks for and no line of the file calls, goes where the data set goes, through the calls that build it: a draw in a function the method calls (`seq = jitter(np.load(path))`, an augmentation) reaches the training a loader of it feeds, while a data set only printed item by item is a demo. An estimator built and fitted in one statement of a function, its value dropped (`lgb.LGBMClassifier(device="gpu", n_estimators=1).fit(np.random.rand(80, 4), y)`, a probe of whether the GPU build works), keeps nothing it learned: no name holds it; one kept in a name, handed `callbacks=`, or in a file that turns on autologging may keep or write it and is still followed.',
    },
  },
  listen,
};
