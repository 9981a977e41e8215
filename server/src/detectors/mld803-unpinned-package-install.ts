import type { Node } from 'web-tree-sitter';
import type { Magic, Range } from '../documents/types';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { inLiteralDeadBranch, stringValue } from '../semantics/literals';
import { stripParens } from '../semantics/nodes';
import { installCommands, magicCommand, shellCellLines, TOOL_MAGICS, type InstallCommand, type Requirement } from './shared/installCommands';
import type { Rule, RuleContext, RuleListeners } from './types';
import { shorten } from './shared/messages';
import { pushTo } from '../engine/collections';

/** A static string, or a list of static strings joined as words (`[sys.executable, "-m", "pip", ...]`). */
function commandOf(index: SemanticIndex, argument: Node): string | undefined {
  const node = stripParens(argument);
  if (node.type === 'list' || node.type === 'tuple') {
    const words = node.namedChildren.map((item) => {
      if (!item) return undefined;
      if (index.qualify(item) === 'sys.executable') return 'python';
      const value = stringValue(item);
      // No shell reads a list's items: a word with spaces or shell operators (`numpy>=1.20`) is one word.
      return value === undefined ? undefined : /[\s<>|&;]/.test(value) ? JSON.stringify(value) : value;
    });
    return words.every((w) => w !== undefined) ? words.join(' ') : undefined;
  }
  return stringValue(index.valueOf(node));
}

const SUBPROCESS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'os.system', 'os.popen']);
/** The calls `callCommand` reads: `get_ipython()`'s runners and the subprocess functions. */
const COMMAND_CALLS = { qualified: SUBPROCESS, methods: ['run_line_magic', 'system', 'getoutput', 'system_raw'] };

/** The command a Python call runs: `get_ipython().system("pip install x")`, `subprocess.check_call([...])`. */
function callCommand(index: SemanticIndex, call: CallSite): string | undefined {
  const receiver = call.receiver ? stripParens(call.receiver) : undefined;
  const onIPython = receiver?.type === 'call' && receiver.childForFieldName('function')?.text === 'get_ipython';
  if (onIPython && call.method === 'run_line_magic' && call.args.length >= 2) {
    const name = stringValue(call.args[0]);
    const line = stringValue(call.args[1]);
    return name && line !== undefined && TOOL_MAGICS.has(name) ? `${name} ${line}` : undefined;
  }
  if (onIPython && (call.method === 'system' || call.method === 'getoutput' || call.method === 'system_raw') && call.args[0]) return commandOf(index, call.args[0]);
  if (call.qname && SUBPROCESS.has(call.qname) && call.args[0]) return commandOf(index, call.args[0]);
  return undefined;
}

/**
 * How a requirement is named in a message. A long URL keeps its end, where the owner and the
 * repository are (`git+https://.../huggingface/peft.git`): cut at the end, several repositories
 * of one host would read the same.
 */
function label(spec: string): string {
  const url = /^([\w+.-]+:\/\/)[^/]+\/(.+)$/.exec(spec);
  if (!url || spec.length <= 40) return shorten(spec);
  const tail = url[2].split('/').slice(-2).join('/');
  return `${url[1]}.../${tail.length > 40 ? shorten(tail) : tail}`;
}

function names(requirements: Requirement[]): string {
  const shown = requirements.slice(0, 4).map((r) => label(r.spec));
  if (requirements.length > 4) shown.push(`${requirements.length - 4} more`);
  return listed(shown);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Why a bound written unquoted (`!pip install numpy>=1.20`) bounds nothing: the shell redirects at
 * `>`, writing the installer's output to a file named by the version.
 */
function outputRedirections(tool: string, redirected: Requirement[]): string {
  const written = redirected.map((r) => `\`${label(r.spec)}${r.redirectedBound}\``);
  if (written.length === 1) return `unquoted, ${written[0]} sends ${tool}'s output to a file named \`${redirected[0].redirectedBound!.slice(1)}\` instead of bounding the version`;
  return `unquoted, ${listed(written)} send ${tool}'s output to files instead of bounding the versions`;
}

/**
 * An unquoted upper bound (`!pip install protobuf<4.21.3`) is an input redirection: the shell opens
 * a file named by the version to feed the installer, and where there is none (the usual case) it
 * fails before the installer starts — the line installs nothing, and writes no output anywhere.
 */
function inputRedirections(tool: string, redirected: Requirement[]): string {
  const written = redirected.map((r) => `\`${label(r.spec)}${r.redirectedBound}\``);
  const files = listed(redirected.map((r) => `\`${r.redirectedBound!.slice(1)}\``));
  if (written.length === 1) return `unquoted, ${written[0]} makes the shell read ${tool}'s input from a file named ${files}: without one, its line fails before ${tool} starts and installs nothing`;
  return `unquoted, ${listed(written)} make the shell read ${tool}'s input from files named ${files}: without them, their lines fail before ${tool} starts and install nothing`;
}

/**
 * A command's requirements as the shell runs them. An input redirection (`numpy<2`) with no file
 * behind it stops the whole line before the installer starts, so an output redirection on the same
 * line (`seaborn>=0.12`) sends nothing anywhere: it is only unpinned, like the rest of that line.
 */
function asRun(command: InstallCommand): InstallCommand {
  const fails = command.requirements.some((r) => r.redirectedBound?.startsWith('<'));
  if (!fails) return command;
  return { ...command, requirements: command.requirements.map((r) => (r.redirectedBound?.startsWith('>') ? { ...r, redirectedBound: undefined } : r)) };
}

/** What is wrong with a command's requirements, or undefined when everything is pinned. */
function describe(command: InstallCommand): string | undefined {
  if (command.constrained) return undefined;
  // A notebook that installs a package on two lines (both branches of a Colab check, two cells)
  // names it once, however it spells it (`unsloth_zoo`, `Unsloth-Zoo`, with extras or without:
  // `transformers[sentencepiece]` is transformers), as first written.
  const seen = new Set<string>();
  const requirements = command.requirements.filter((r) => {
    const key = `${r.status}\u0000${r.spec.toLowerCase().replace(/\[[^\]]*\]/, '').replace(/[-_.]+/g, '-')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const unpinned = requirements.filter((r) => r.status === 'unpinned');
  const ranges = requirements.filter((r) => r.status === 'range');
  const branches = requirements.filter((r) => r.status === 'branch');
  const parts: string[] = [];
  if (unpinned.length) parts.push(`${names(unpinned)} ${unpinned.length > 1 ? 'have' : 'has'} no version pin`);
  const written = unpinned.filter((r) => r.redirectedBound?.startsWith('>'));
  if (written.length) parts.push(outputRedirections(command.tool, written));
  if (ranges.length) parts.push(`${names(ranges)} only ${ranges.length > 1 ? 'bound' : 'bounds'} the version on one side`);
  if (branches.length) parts.push(`${names(branches)} ${branches.length > 1 ? 'follow' : 'follows'} a branch, not a commit`);
  if (parts.length === 0) return undefined;
  // Said after the consequence: such a line changes no version, it leaves the package as it was.
  const read = unpinned.filter((r) => r.redirectedBound?.startsWith('<'));
  const failing = read.length ? `; ${inputRedirections(command.tool, read)}` : '';
  return `\`${command.tool} install\`: ${parts.join('; ')}, so each run may install a different release${failing}`;
}

/** An install command with something unpinned, and where it is. */
interface Unpinned {
  command: InstallCommand;
  at: { range?: Range; node?: Node };
  line: number;
}

function unpinnedCommands(line: string, at: { range?: Range; node?: Node }, found: Unpinned[]): void {
  for (const command of installCommands(line)) {
    if (describe(command)) found.push({ command: asRun(command), at, line: at.node ? at.node.startPosition.row : at.range!.start.line });
  }
}

/**
 * The magics that may run: not an escape or line magic under a literal `if False:` (an install
 * step left switched off), where the parser sees its stand-in `...`. Magics and parse trees are
 * both in document order, so one pass pairs each magic with its tree.
 */
function magicsThatRun(index: SemanticIndex, magics: readonly Magic[]): Magic[] {
  const { roots } = index;
  let r = 0;
  return magics.filter((magic) => {
    if (magic.kind === 'cell-magic') return true;
    const at = { row: magic.range.start.line, column: magic.range.start.character };
    while (r < roots.length - 1 && roots[r].endPosition.row < at.row) r++;
    const node = roots[r]?.descendantForPosition(at);
    return !node || !inLiteralDeadBranch(node);
  });
}

function listen(context: RuleContext): RuleListeners {
  const { doc, index } = context;
  const found: Unpinned[] = [];
  for (const magic of magicsThatRun(index, doc.magics)) {
    const command = magicCommand(magic);
    if (command !== undefined) unpinnedCommands(command, { range: magic.range }, found);
    for (const line of shellCellLines(magic)) unpinnedCommands(line.command, { range: line.range }, found);
  }
  return { callees: COMMAND_CALLS, call(call) {
    const command = inLiteralDeadBranch(call.node) ? undefined : callCommand(index, call);
    if (command !== undefined) unpinnedCommands(command, { node: call.node }, found);
  }, finish() {
    // A notebook's install lines, in one cell or spread over several (set-up cells, the two
    // branches of an `if` on Colab), set up one environment, pinned in one go by one requirements
    // file: one finding per document and tool, naming every unpinned package once, at the first
    // line and linked to the others.
    const groups = new Map<string, Unpinned[]>();
    for (const item of found.sort((a, b) => a.line - b.line)) pushTo(groups, item.command.tool, item);
    for (const [first, ...others] of groups.values()) {
      const message = describe({ ...first.command, requirements: [first, ...others].flatMap((item) => item.command.requirements) });
      if (!message) continue;
      context.report({
        ...first.at,
        message: others.length > 0 ? `${message} (${others.length + 1} install commands in this ${doc.kind === 'notebook' ? 'notebook' : 'file'})` : message,
        related: others.map((other) => ({ ...other.at, message: describe(other.command)! })),
      });
    }
  } };
}

export const unpinnedPackageInstall: Rule = {
  meta: {
    code: 'MLD803',
    name: 'unpinned-package-install',
    category: 'reproducibility-debt',
    severity: 'warning',
    recommended: true,
    docs: {
      summary: 'A notebook or script installs packages without a version pin: `!pip install transformers`, `%pip install -U torch`, `%conda install scikit-learn`, `pip install git+https://github.com/org/repo` with no commit.',
      why: 'Reproducibility debt (§8): an install line without a version gets whatever release is newest on the day the notebook runs. The same notebook then trains with a different library next month — different defaults, different numerics, removed APIs — and its results can neither be reproduced nor compared with earlier runs. Notebooks shared on Colab or Kaggle install their dependencies this way more often than not.',
      example: '!pip install transformers datasets\n%pip install -q "scikit-learn>=1.3"\n!pip install git+https://github.com/org/tool.git',
      fix: 'Pin an exact version (`transformers==4.44.2`), or a compatible series (`~=4.44.0`, `>=4.44,<4.45`); install from a requirements or constraints file kept with the notebook (`-r requirements.txt`, `-c constraints.txt`); pin VCS installs to a commit or tag (`git+https://github.com/org/tool.git@3f2a9c1`). Run `pip freeze` in the environment that produced your results to find the versions.',
      fixed: '!pip install transformers==4.44.2 datasets==2.21.0\n%pip install -q "scikit-learn~=1.5.1"\n!pip install git+https://github.com/org/tool.git@3f2a9c1',
      nearMisses: 'Pinned: `==`, `===`, `~=`, a lower and an upper bound together (`>=2.0,<2.1`), an inclusive cap on a release written out (`"ultralytics<=8.3.40"`, quoted; conda\'s `numpy<=1.26.4`): the installer takes the newest release that satisfies a requirement, and no release made later can be newer than the cap yet within it, so once that release is out every run installs the cap itself (beside a `!=`, which may exclude the cap, it is still a one-sided bound, as is an exclusive cap, `torch<2`, below which a later patch of an older series may appear), conda\'s `name=1.2`, VCS URLs with a commit or tag, archive and wheel files, local paths (`-e .`, `./pkg`; `-e` takes a local folder or a VCS URL, never a name from an index, so `-e audio-utils` is the folder of that name, a clone beside the notebook). Not reported: requirements files (`-r`, `--file`) and constraints files (`-c`, which pin everything on the line), and a requirements file named without its `-r` (`!pip install requirements.txt`, any word ending in `.txt`): pip does not read the file but looks for a package of that name, and there is no release of one to choose (PyPI forbids `requirements.txt`, and the few such names taken abort their own install to catch the slip), so the word installs nothing, while the other packages of its line are still judged; the values of the installer\'s options (`--index-url URL`, uv\'s `--index-strategy unsafe-best-match`, `--link-mode copy`: settings, not packages), names built at run time (`{pkg}`, `$PKG`), upgrades of the packaging tools themselves (pip, uv, setuptools, wheel, pip-autoremove) and installs of the ninja build runner, which only executes the compile commands that PyTorch\'s C++/CUDA extension builder writes (`pip install ninja` before a StyleGAN-style custom op is compiled): their versions change how packages are installed or built, not what the code computes; so are clients that only fetch files from a storage service (`kaggle`, `kagglehub`, `gdown`, `awscli`, `gsutil`: `!pip install -q kaggle` before `!kaggle datasets download -d owner/set`), whose version changes how the files arrive, not which files the command names nor what the code computes with them (a library that only shares a prefix with one, `kaggle-environments`, is still reported); so are clients that only open a tunnel to a server the notebook runs (`pyngrok`, `ngrok`, `flask-ngrok`: `!pip install -q pyngrok` before `ngrok.connect(8000)` in front of a demo API), whose version changes how the server is reached from outside, not what it serves; so are the notebook\'s own front end and its widget layer (`jupyter`, `jupyterlab`, `notebook`, `ipywidgets`, `widgetsnbextension`: `!pip install --upgrade jupyter jupyterlab ipywidgets` so that a library\'s progress bar draws), which show the cells and their outputs: their version changes how results are displayed, not what the code computes (a library that draws its own widgets, `ipyleaflet`, `plotly`, or the kernel\'s libraries beside them on the line, are still reported); and other pip commands (`uninstall`, `list`, `freeze`). An install under a literal `if False:` / `if 0:` (a set-up step the reader switches on by hand) never runs, and installs nothing; one under a flag the reader may flip (`if INSTALL:`) or any other condition is still reported. Nor does a line that holds a second IPython escape among its arguments (`!pip install scanpy==1.4.6 pandas !pip install gprofiler`, two commands whose line break was lost): `!pip` is no requirement, and the installer, which reads every requirement before it installs any, refuses the whole line; a line of its own beside it is still judged. Nor does an install after `||` whose check imports only modules of the standard library every Python ships (`!python -c "import pickle" || pip install -q pickle`): the install runs only when the import fails, and that import never does; a check of a package (`import monai`), of a module some Pythons lack (`tomllib`), or an install after `&&` is still judged. A one-sided bound (`numpy>=1.20`, `torch<2`) is reported: it admits every future release on its open side. A bound is read the way the shell reads it: unquoted, `>` and `<` start a redirection, so `!pip install numpy>=1.20` installs any numpy and writes pip\'s output to a file named `=1.20`, and `!pip install protobuf<4.21.3` makes the shell read pip\'s input from a file named `4.21.3`: where there is none (the usual case) the shell fails before pip starts, and the line installs nothing at all, leaving whatever version was there; both are reported as unpinned, with a message that says which. On a line that such an input redirection makes fail (`!pip install numpy>=1.24,<2 seaborn>=0.12`), an output redirection sends nothing anywhere, since pip never starts: its package is named only as unpinned, and the message tells the line\'s failure. Quoted (`"numpy>=1.20"`), or an item of a `subprocess` argument list (no shell reads it), it is a one-sided bound. One cause is one finding: the cause is that the notebook\'s (or script\'s) environment is not pinned for a tool, so every unpinned install line of that tool in the document — in one cell or in several, on either branch of an `if` — is part of one finding, linked from it; install lines whose packages are all pinned are neither reported nor linked, and a package installed by two lines is named once, also when one line adds extras (`transformers`, then `transformers[sentencepiece]`). Within one command pip resolves one version of each package: a requirement that names no version beside one that pins or bounds the same package (`datasets[audio]==1.16.1 datasets[s3]`) only adds its extras to that version, so it is not reported as unpinned; the other requirement is judged, and a bound on one side only is still reported. On separate lines the two are judged each on its own.',
      notebooks: 'Reads `!pip` / `!conda` shell escapes, `%pip` / `%conda` / `%system` line magics, automagic `pip install` lines (also with pip\'s general options before the subcommand: `!pip -q install x`, `!pip --timeout 60 install x`), and the lines of `%%bash` / `%%sh` cells, in the editor and in .ipynb files read by the CLI. In scripts (and notebooks exported to scripts) it reads `get_ipython().system(...)`, `get_ipython().run_line_magic("pip", ...)`, `os.system(...)` and `subprocess` calls with a static command. One finding per notebook (per file for a script) and installing tool (pip, conda, and OpenMMLab\'s `mim install`, which hands its requirements to pip), at its first unpinned install command, naming every unpinned package once and linked to the tool\'s other install lines that add unpinned packages. This used to be one finding per cell; it changed because a notebook\'s install lines — set-up installs spread over three cells, or a local cell and a Colab cell installing the same packages on the two branches of an `if` — set up one environment, paid off in one go by one requirements or lock file, and several findings for one cause read as several problems. A `# mldebt: ignore[MLD803]` comment on the first unpinned install line therefore silences the notebook\'s finding for that tool.',
    },
  },
  listen,
};
