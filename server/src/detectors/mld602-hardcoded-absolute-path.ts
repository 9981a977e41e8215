import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { hasInterpolation, stringPrefix, stringTemplate, stringValue } from '../semantics/literals';
import { ancestors, enclosingStatement, isAncestorOf, nodeKey, sameNode, structureAncestors, withItemParts } from '../semantics/nodes';
import { missingFileHandlers, pathsTestedToExist } from './shared/caches';
import { freshName, insertBeforeTopLevelStatement, replaceNode, upperSnake } from './shared/edits';
import type { DataIO } from '../semantics/dataflow';
import { samePath, type PathValue } from '../semantics/pathValues';
import type { FixDescriptor, MemberDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { pushTo } from '../engine/collections';

/**
 * Roots that exist on one machine or one person's account: home directories, mounted volumes,
 * a user's Google Drive in Colab, Windows drives and shares, and the users' folders at the root of
 * the current drive (`\Users\ana`). Left out on purpose: `/tmp` (exists everywhere), `/kaggle/...`
 * and `/content/...` outside Drive (the same on every Kaggle or Colab machine), Anyscale's storage
 * mounts (PLATFORM_MOUNTS), container conventions (`/workspace`, `/app`, `/opt`) and system paths
 * (`/etc`, `/dev`).
 */
const MACHINE_SPECIFIC = /^(?:\/(?:home|Users|root|mnt|media|Volumes|scratch|nfs|gpfs|lustre)\/|\/content\/drive\/|\/gdrive\/|[A-Za-z]:[\\/]|\\Users\\|\\\\[^\\\s]+\\)/;
/**
 * Mounts a hosted platform provides under `/mnt` on every machine it runs: Anyscale's shared
 * storage (`/mnt/cluster_storage`, `/mnt/shared_storage`, `/mnt/user_storage`) and each node's
 * local disk (`/mnt/local_storage`). Like `/kaggle/...`, the same path on every cluster.
 */
const PLATFORM_MOUNTS = /^\/mnt\/(?:cluster|shared|user|local)_storage(?:\/|$)/;
/** Where AWS Lambda mounts a function's file systems: under `/mnt/`, at the path its configuration gives. */
const LAMBDA_MOUNTS = /^\/mnt\/[^/\\]+/;
/**
 * The home folder of the user Jupyter's Docker images run as (Jupyter Docker Stacks, Binder's
 * repo2docker, JupyterHub's default single-user image): the `~` of every such container, the same
 * path on every hub, as `/content` is on every Colab machine.
 */
const JUPYTER_HOME = /^\/home\/jovyan(?:\/|$)/;

/**
 * The machine-specific folder a path starts in: its root and the next part (`/home/ana`,
 * `C:/Users/ana`, `/content/drive/MyDrive`, `/mnt/data`). Paths of one file under the same such
 * folder assume one machine's layout: moving the code breaks them together, and one named
 * folder fixes them together.
 */
export function machineFolder(value: string): string {
  // A Windows user's folder is one account, as `/home/ana` is: `C:/Users/ana`.
  const root = /^[A-Za-z]:[\\/]Users[\\/]/i.exec(value)?.[0] ?? MACHINE_SPECIFIC.exec(value)?.[0] ?? '';
  const next = /^[^\\/]*/.exec(value.slice(root.length))![0];
  return value.slice(0, root.length + next.length);
}

const isSeparator = (char: string | undefined) => char === '/' || char === '\\';

/** Two characters of two paths agree: the same character, or a separator in both (`C:\\Users` and `C:/Users`). */
const sameChar = (a: string | undefined, b: string | undefined) => a === b || (isSeparator(a) && isSeparator(b));

/** Two paths spelled alike but for their separators. */
function spelledAlike(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameChar(a[i], b[i])) return false;
  return true;
}

/**
 * The folder a path's finding is grouped by: its machine-specific folder, with a Windows path's
 * separators read as one (Windows takes `\\` and `/` alike, so `C:\\Users\\ana` and
 * `C:/Users/ana` are one folder to name).
 */
function folderKey(value: string): string {
  const folder = machineFolder(value);
  return /^(?:[A-Za-z]:|\\)/.test(value) ? folder.replace(/\\/g, '/') : folder;
}

/** The longest folder that every path starts in (whole parts only, no trailing separator), spelled as the first path spells it. */
export function commonFolder(values: readonly string[]): string {
  let length = Math.min(...values.map((value) => value.length));
  for (const value of values) {
    let i = 0;
    while (i < length && sameChar(value[i], values[0][i])) i++;
    length = i;
  }
  while (length > 0 && !values.every((value) => value.length === length || isSeparator(value[length]))) length--;
  while (length > 0 && isSeparator(values[0][length - 1])) length--;
  return values[0].slice(0, length);
}

interface AbsolutePath {
  /** The string literal that holds the machine-specific root. */
  literal: Node;
  /** Its text, with `{}` for interpolations. */
  value: string;
  /** The path goes on past the literal (`os.path.join(root, "x.csv")`): the call opens a file under it. */
  under: boolean;
}

/**
 * The literal that starts a path expression with a machine-specific root: the path itself, the
 * first part of `os.path.join(...)`, `Path(...)`, `a / b`, `a + b` or `"...".format()`, or the value
 * of a local variable (the model's path values). A module-level name is already named
 * configuration and is left alone.
 */
function absoluteLiteral(index: SemanticIndex, expression: Node): AbsolutePath | undefined {
  const head = index.dataflow.pathOf(expression).head;
  if (!head || head.throughModuleName || !mayStartWithRoot(index.doc.text, head.literal)) return undefined;
  const value = stringValue(head.literal) ?? stringTemplate(head.literal);
  if (value === undefined || !MACHINE_SPECIFIC.test(value) || PLATFORM_MOUNTS.test(value) || JUPYTER_HOME.test(value)) return undefined;
  if (declaredMounts(index, head.literal).some((mount) => inFolder(value, mount))) return undefined;
  if (LAMBDA_MOUNTS.test(value) && definesLambdaHandler(index)) return undefined;
  if (ROOT_HOME.test(value) && writtenForColab(index)) return undefined;
  const full = index.dataflow.pathOf(expression).template;
  // A folder written with its trailing separator (`"/data/train/" + name`) goes on past it too.
  const under = full.length > value.length && full.startsWith(value) && (isSeparator(full[value.length]) || isSeparator(value[value.length - 1]));
  return { literal: head.literal, value, under };
}

/**
 * Whether the file is an AWS Lambda function: it defines, at module level, a handler taking exactly
 * `(event, context)`. The module runs in the function's container (its top level at cold start), where
 * the file system the function is configured with is mounted under `/mnt/` on every invocation, as
 * `/kaggle/input` is on every Kaggle kernel.
 */
function definesLambdaHandler(index: SemanticIndex): boolean {
  return index.nodes('function_definition').some((fn) => {
    if (!fn.parent || !['module', 'decorated_definition'].includes(fn.parent.type) || (fn.parent.type === 'decorated_definition' && fn.parent.parent?.type !== 'module')) return false;
    const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
    return parameters.length === 2 && parameters[0]?.type === 'identifier' && parameters[0].text === 'event' && parameters[1]?.type === 'identifier' && parameters[1].text === 'context';
  });
}

/** The root account's home: Colab runs every notebook as root, so there it is `~`. */
const ROOT_HOME = /^\/root(?:\/|$)/;

/**
 * A notebook written for Colab: it imports `google.colab` or works in Colab's `/content/` folder.
 * There `/root/...` (the Kaggle client's `/root/.kaggle/kaggle.json`, a cache under `/root/.cache`)
 * is the home of the user Colab runs as, the same on every Colab machine, as `/home/jovyan` is on
 * Jupyter's images; elsewhere it is one machine's root account.
 */
function writtenForColab(index: SemanticIndex): boolean {
  if (index.doc.kind !== 'notebook') return false;
  return index.importsModule('google.colab') || index.nodes('string').some((text) => /^\/content(?:\/|$)/.test(stringValue(text) ?? ''));
}

const inFolder = (value: string, folder: string) => value === folder || (value.startsWith(folder) && isSeparator(value[folder.length]));

/**
 * The folders a platform mounts into the container a function runs in, as the file declares them
 * in a decorator of the function or of its class: the keys of `volumes={"/root/data": volume}`
 * (Modal's `@app.function(...)`, `@app.cls(...)`). Every run of that function sees the volume
 * there, as every Kaggle kernel sees `/kaggle/input`.
 */
function declaredMounts(index: SemanticIndex, node: Node): string[] {
  const mounts: string[] = [];
  for (const definition of structureAncestors(node)) {
    const holder = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
    for (const decorator of holder?.namedChildren ?? []) {
      const call = decorator?.type === 'decorator' && decorator.namedChild(0) ? index.call(decorator.namedChild(0)!) : undefined;
      const volumes = call?.kwargs.get('volumes');
      for (const pair of volumes?.type === 'dictionary' ? volumes.namedChildren : []) {
        const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
        const mount = key ? stringValue(key)?.replace(/[\\/]+$/, '') : undefined;
        if (mount) mounts.push(mount);
      }
    }
  }
  return mounts;
}

/**
 * Whether a string literal's value can start with a root (`/`, `\`, `C:`), told from its first
 * two characters in the source, so most literals are ruled out without being decoded. An escape
 * sequence starts with `\` in the source and is never ruled out; other literals are not looked at.
 */
function mayStartWithRoot(text: string, literal: Node): boolean {
  const afterQuote = literal.type === 'string' ? literal.firstChild?.endIndex : undefined;
  if (afterQuote === undefined) return true;
  const first = text[afterQuote] ?? '';
  const second = text[afterQuote + 1] ?? '';
  return first === '/' || first === '\\' || (/[A-Za-z]/.test(first) && (second === ':' || second === '\\'));
}

/** `/home/ana/data/train.csv` -> `TRAIN_CSV_PATH`; `/content/drive/MyDrive/data` -> `DATA_DIR`. */
export function pathConstantName(value: string): string {
  const parts = value.split(/[\\/]+/).filter((part) => part && !/^[A-Za-z]:$/.test(part));
  const last = parts.at(-1) ?? '';
  const wildcard = /[*?[]/.test(last);
  const base = upperSnake(wildcard ? parts.at(-2) ?? 'FILES' : last);
  const name = wildcard ? `${base}_GLOB` : /\.[A-Za-z0-9]{1,8}$/.test(last) ? `${base}_PATH` : `${base}_DIR`;
  return /^[A-Z]/.test(name) ? name : `PATH_${name}`.replace(/^PATH__/, 'PATH_');
}

/** A module constant with exactly this string value, defined before `literal` and visible there. */
function existingConstant(index: SemanticIndex, literal: Node, value: string): string | undefined {
  for (const constant of index.constants.values()) {
    if (constant.value.kind !== 'string' || constant.value.value !== value) continue;
    if (constant.definition.node.startIndex >= literal.startIndex) continue;
    const seen = index.resolve(constant.name, literal);
    if (seen.kind === 'local' && seen.definition === constant.definition) return constant.name;
  }
  return undefined;
}

/** A plain one-line string literal, which the fix can move into a constant as it is. */
function extractable(literal: Node): boolean {
  return literal.type === 'string' && !hasInterpolation(literal) && !stringPrefix(literal).includes('b') && literal.startPosition.row === literal.endPosition.row;
}

/** One use of a machine-specific path: the call that reads or writes through it, the literal and its value. */
interface PathUse extends MemberDescriptor {
  io: DataIO;
  literal: Node;
  value: string;
  under: boolean;
  /**
   * The call runs only where a test found this path (`if os.path.exists(p):`): elsewhere it is
   * skipped, silently or after a notice the branch taken gives (`print(f"{p} not found")`).
   */
  skipped: 'no' | 'silently' | 'with notice';
}

/** What a call opens, as far as the literal says: the path, or a file under it. */
const opened = (use: { value: string; under: boolean }) => (use.under ? `a file under "${use.value}"` : `"${use.value}"`);

/**
 * The literal with its start rewritten to read `name` for `folder`: `"/home/ana/data/x.csv"` ->
 * `f"{DATA_DIR}/x.csv"`. Undefined when the literal's text does not spell the folder as its value
 * does (escape sequences) or an f-prefix cannot be added (`b`, `u`, already `f`).
 */
function underFolder(literal: Node, folder: string, name: string): string | undefined {
  const prefix = stringPrefix(literal);
  if (/[bfu]/.test(prefix)) return undefined;
  const opening = literal.firstChild!.text;
  const quote = opening.slice(prefix.length);
  const content = literal.text.slice(opening.length, literal.text.length - quote.length);
  if (!spelledAlike(content.slice(0, folder.length), folder) || (!prefix.includes('r') && content.includes('\\'))) return undefined;
  const rest = content.slice(folder.length);
  if (rest === '') return name;
  return `${opening.slice(0, prefix.length)}f${quote}{${name}}${rest.replace(/[{}]/g, (brace) => brace + brace)}${quote}`;
}

/**
 * Moves the path, or the machine-specific folder several paths start in, into a module-level
 * constant defined before its first use, and uses the constant at every use (or reuses a
 * constant that already holds it and is seen at each): a path under the folder becomes an
 * f-string that starts with the constant. None when a use is not a plain literal that can be
 * rewritten so: that use would stay, and so would the finding.
 */
function extractFix(context: RuleContext, uses: readonly PathUse[]): FixDescriptor | undefined {
  const { index, doc } = context;
  if (!uses.every((use) => extractable(use.literal))) return undefined;
  const inOrder = [...uses].sort((a, b) => a.literal.startIndex - b.literal.startIndex);
  const folder = commonFolder(inOrder.map((use) => use.value));
  // One path: the literal moves as it is. Several: each is rewritten to start with the folder's name.
  const onePath = inOrder.every((use) => spelledAlike(use.value, folder));
  if (!onePath && folder.includes('{')) return undefined;
  const existing = existingConstant(index, inOrder[0].literal, folder);
  const name = existing && inOrder.every((use) => existingConstant(index, use.literal, folder) === existing) ? existing : undefined;
  const constant = name ?? freshName(index, pathConstantName(folder));
  const replacements = inOrder.map((use) => (onePath ? constant : underFolder(use.literal, folder, constant)));
  if (replacements.some((text) => text === undefined)) return undefined;
  const edits = inOrder.map((use, i) => replaceNode(use.literal, replacements[i]!));
  if (name) return { title: `Use the constant ${name}`, edits };
  const first = inOrder[0].literal;
  const opening = first.firstChild!.text;
  const value = onePath ? first.text : `${opening}${folder}${opening.slice(stringPrefix(first).length)}`;
  return { title: `Extract the ${onePath ? 'path' : 'folder'} into the constant ${constant}`, edits: [insertBeforeTopLevelStatement(doc, first, `${constant} = ${value}`), ...edits] };
}

/** The name a read's value goes into: `config` in `config = json.load(open(p))`, `f` in `with open(p) as f:`. */
function boundName(call: Node): string | undefined {
  const statement = enclosingStatement(call);
  if (statement.type === 'with_statement') {
    const items = statement.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
    const parts = items.map((item) => (item ? withItemParts(item) : {})).find(({ context }) => context && (sameNode(context, call) || isAncestorOf(context, call)));
    return parts?.target?.text;
  }
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
  return right && (sameNode(right, call) || isAncestorOf(right, call)) ? assignment!.childForFieldName('left')?.text : undefined;
}

/**
 * A read that is one of two alternatives for one file across a `try`: the same call into the same
 * name in its body and in its handler for a missing file, the other one through a path that is not
 * machine-specific (`try: open("config.json") as f` / `except FileNotFoundError: open("C:/Users/ana/config.json") as f`).
 * Whichever is tried first, the program runs wherever that other path exists.
 */
function hasPortableAlternative(index: SemanticIndex, io: DataIO): boolean {
  const name = io.direction === 'read' ? boundName(io.call.node) : undefined;
  if (!name) return false;
  const site = io.call.node;
  for (const current of ancestors(site, true)) {
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
    if (current.type !== 'try_statement') continue;
    const handlers = missingFileHandlers(current);
    const body = current.childForFieldName('body');
    const alternatives = handlers.some((handler) => isAncestorOf(handler, site)) ? [body] : body && isAncestorOf(body, site) ? handlers : [];
    const portable = (other: DataIO) => other.paths.length > 0 && other.paths.every((path) => !MACHINE_SPECIFIC.test(index.dataflow.pathOf(path).template));
    if (index.dataflow.io.some((other) => other !== io && other.direction === 'read' && other.label === io.label && alternatives.some((block) => block && isAncestorOf(block, other.call.node)) && boundName(other.call.node) === name && portable(other))) return true;
  }
  return false;
}

const verb = (io: DataIO) => (io.direction === 'read' ? 'reads' : 'writes');

/**
 * One machine-specific folder is one setting to name, wherever the file uses it: one finding per
 * folder (machineFolder), at the first use of a path in it, linked to the others, with one fix
 * that names the path or the folder once.
 */
function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const reported = new Set<string>();
  const usesByFolder = new Map<string, PathUse[]>();
  const onIO = (io: DataIO): void => {
    if (hasPortableAlternative(index, io)) return;
    // Climbed only for calls with an absolute literal: most I/O has none.
    let tested: { value: PathValue; notice: boolean }[] | undefined;
    for (const path of io.paths) {
      const found = absoluteLiteral(index, path);
      if (!found || reported.has(nodeKey(found.literal))) continue;
      reported.add(nodeKey(found.literal));
      tested ??= pathsTestedToExist(index, io.call.node).map(({ path: node, notice }) => ({ value: index.dataflow.pathOf(node), notice }));
      const tests = tested.filter((test) => samePath(test.value, index.dataflow.pathOf(path)));
      const skipped = tests.length === 0 ? 'no' : tests.every((test) => test.notice) ? 'with notice' : 'silently';
      pushTo(usesByFolder, folderKey(found.value), { node: found.literal, io, literal: found.literal, value: found.value, under: found.under, skipped, related: `\`${io.label}\` also ${verb(io)} ${opened(found)} here` });
    }
  };
  const finish = (): void => {
    for (const uses of usesByFolder.values()) {
      context.reportGroup({
        members: uses,
        message: (members) => message(members),
        fix: (left) => extractFix(context, left),
      });
    }
  };
  return { load: onIO, save: onIO, finish };
}

function message([first, ...others]: readonly PathUse[]): string {
  const calls = (n: number) => (n === 1 ? '1 other call' : `${n} other calls`);
  const also =
    others.length === 0 ? ''
    : others.every((use) => spelledAlike(use.value, first.value)) ? ` (${calls(others.length)} of this file ${others.length === 1 ? 'uses' : 'use'} it too, linked)`
    : ` (${calls(others.length)} of this file also ${others.length === 1 ? 'reads or writes files' : 'read or write files'} under "${commonFolder([first, ...others].map((use) => use.value))}", linked)`;
  // A use that runs only where its file was found (`if os.path.exists(p): open(p)`) does not break
  // elsewhere: it is skipped, and the program goes on without the file, silently unless the branch
  // taken when it is missing prints or logs that.
  const alike = [first, ...others.filter((use) => spelledAlike(use.value, first.value))];
  const consequence =
    alike.some((use) => use.skipped === 'no') ? 'the code breaks anywhere else'
    : alike.every((use) => use.skipped === 'with notice') ? 'anywhere else the code reports it missing and goes on without it'
    : 'anywhere else the code silently goes on without it';
  return `\`${first.io.label}\` ${verb(first.io)} ${opened(first)}${also}, an absolute path that exists only on one machine: ${consequence} and the location cannot be configured`;
}

export const hardcodedAbsolutePath: Rule = {
  meta: {
    code: 'MLD602',
    name: 'hardcoded-absolute-path',
    category: 'configuration-debt',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'safe', title: 'Extract the path into a module-level constant' },
    docs: {
      summary: 'A data or model file is read or written through an absolute, machine-specific path (`/home/...`, `/Users/...`, `C:\\...`, `/content/drive/...`, `/mnt/...`).',
      why: 'Configuration debt (§6): where the data and the models live is configuration, and the paper asks that configuration be easy to see, to change and to review. A home directory or a mounted drive written into a `read_csv` or `torch.save` call ties the code to one machine: a colleague, a CI job or a production server must edit the code to run it, and the edit is made again, slightly differently, everywhere the path is repeated.',
      example: 'import pandas as pd\n\ntrain = pd.read_csv("/home/ana/projects/churn/data/train.csv")\nmodel.save("/content/drive/MyDrive/models/churn.keras")',
      fix: 'Name the location once — a module-level constant at the top, better still a setting read from the environment or a config file — and build paths from it, relative to the project where possible. The quick fix moves the literal into a module-level constant named after the file or folder (`TRAIN_CSV_PATH`, `DATA_DIR`), defined just before the statement, and uses it in the call (or reuses a constant that already holds the same path); paths under one folder get one constant for the folder, and each becomes an f-string that starts with it. It is safe: the program reads and writes exactly the same files.',
      fixed: 'import pandas as pd\n\nTRAIN_CSV_PATH = "/home/ana/projects/churn/data/train.csv"\ntrain = pd.read_csv(TRAIN_CSV_PATH)',
      nearMisses: 'Relative paths, URLs, `~/...`, `/tmp/...`, platform paths that are the same on every machine of their platform — Kaggle\'s `/kaggle/input/...`, Colab\'s `/content/...` outside Drive, Anyscale\'s storage mounts `/mnt/cluster_storage/...`, `/mnt/shared_storage/...`, `/mnt/user_storage/...` and each node\'s `/mnt/local_storage/...`, the home of the user Jupyter\'s Docker images run as on every JupyterHub and Binder, `/home/jovyan/...` (the `~` of those containers), and, in a notebook written for Colab (one that imports `google.colab` or works in Colab\'s `/content/`), `/root/...`, the home of the user Colab runs as (`/root/.kaggle/kaggle.json`, where the Kaggle client looks for its key); `/root/...` anywhere else is one machine\'s root account and is still reported — and container paths such as `/workspace` or `/app` are left alone; other `/mnt/...` paths are one machine\'s mounts and are reported. A folder a platform mounts into the container a function runs in, where the file declares the mount in a decorator of that function or of its class (Modal\'s `@app.function(volumes={"/root/datasets": volume})`), is left alone inside that function: every run of it sees the volume at that path; the same path outside it (the local entrypoint) and a folder beside the mount are still reported. A folder under `/mnt/` in the file of an AWS Lambda function, one that defines at module level a handler taking exactly `(event, context)`, is left alone too: Lambda mounts the function\'s file system under `/mnt/`, at the path its configuration gives, for every invocation, and the module\'s top level runs in that container too (`model = joblib.load("/mnt/efs/model.joblib")` at cold start); a home folder there, or `/mnt/...` in a file whose `(event, context)` function is a method or nested, is still reported. Only arguments of data and model I/O calls count (`read_*`/`to_*`, Spark `read`/`write` chains, `open`, `np.load`/`np.save`, `joblib`, `torch.save`/`torch.load`, Keras `load_model`/`save`, `from_pretrained`/`save_pretrained`, image and dataset folders): `sys.path.append("/home/...")`, strings in comments and docstrings are not I/O. A path already held by a module-level name (`DATA_DIR = "/mnt/data"`) is named configuration and is not reported. Nor is an absolute path read as one of two alternatives for one file across a `try`, in either order: the same call into the same name in its body and in its handler for a missing file, the other one through a path that is not machine-specific (`with open("config.json") as f:` in the body, `with open("C:/Users/ana/config.json") as f:` under `except FileNotFoundError:`) — the author\'s fallback, while the program runs wherever that other path exists; a read of another file in the handler (the raw data read when a cached model is missing), or two alternatives both absolute, are still reported. A use that runs only where a test found its file (in the true branch of `if os.path.exists(p):`, `os.path.isfile(p)` or `Path(p).is_file()`, alone or joined by `and`, or of a conditional expression: the teacher model loaded if it is there; or after an earlier `if not os.path.exists(p):` of the same function, with no other branch, whose block ends in `return` or, in a loop, `continue`: a test that skips itself when the recorded data are missing) is still reported, for its location cannot be configured either, but its message says what happens elsewhere: the use is skipped and the program goes on without the file, rather than breaking — silently, unless the branch taken when the file is missing prints, logs or warns (`print(f"Error: {raw_file} not found.")` before the `return`, or in the `else` of the test), when the message says the code reports it missing; the same path also used outside such a test still breaks. A path is the value Python opens, escape sequences decoded: `"C:\\\\Users\\\\ana\\\\x.csv"` and `r"C:\\Users\\ana\\x.csv"` are one path, quoted in the message as it is. One path used by several calls of a file is one setting to name: one finding at its first use, linked to the others, whose fix names the path once and uses the name at every use. So are the paths of a file under one machine-specific folder (its root and the part after it: `/home/ana`, `/mnt/data`, `/content/drive/MyDrive`, `C:/Users/ana`): moving the code breaks them together, so they are one finding at the first use, linked to the others, whose fix names the longest folder they share and builds each path from it (`f"{KAGGLE_DIR}/input/train.csv"`). A Windows folder is one folder whichever separator a path spells it with (`"C:/Users/ana/data/train.csv"` and `r"C:\\Users\\ana\\out\\preds.csv"`), as Windows opens both alike: one finding, not one per spelling.',
    },
  },
  listen,
};
