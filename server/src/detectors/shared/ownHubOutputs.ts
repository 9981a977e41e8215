// Models and datasets a file writes or pushes itself. Loading one back by name (from its output
// folder, or from the Hub account it was pushed to) is not a dependency on someone else's data.
// Shared by MLD301 (datasets) and MLD302 (models).
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { oncePer } from '../../engine/collections';
import { lastSegment } from './libraries';

/** Calls, and keywords of any call, through which a file names the models or datasets it saves itself. */
const OWN_OUTPUTS = new Set(['save_pretrained', 'save_model', 'push_to_hub']);
/**
 * `model.save("tmp-clip-model")` (sentence-transformers, Keras) writes a local folder, never to the
 * Hub: only that exact path read back is the file's own model, not an `owner/` name ending in it.
 */
const LOCAL_SAVE = 'save';
/**
 * `ZipFile(...).extractall("bert-sst2")` / `TarFile.extractall(path=...)` and `shutil.unpack_archive(f, "bert-sst2")`
 * write a local folder from an archive: loading that folder back is the file's own copy, not a Hub name.
 */
const LOCAL_UNPACK = 'extractall';
const UNPACK_ARCHIVE = 'shutil.unpack_archive';
/**
 * `create_repo("me/demo")` makes a Hub repository, and `upload_file(..., repo_id="me/demo")` /
 * `upload_folder(...)` write into one, as do `create_commit("me/demo", operations=[...])` and
 * `upload_large_folder("me/demo", folder)`: a repository the file makes or writes is its own, whatever
 * callback or helper fills it, so downloading from it reads back the file's own output.
 */
/** Calls whose first argument is the repository they make or write into. */
const REPOSITORY_WRITES = new Set(['create_repo', 'create_commit', 'upload_large_folder']);
const UPLOADS = new Set(['upload_file', 'upload_folder']);
const OWN_OUTPUT_KEYWORDS = ['output_dir', 'save_directory', 'hub_model_id', 'repo_id'];
/** Keywords that name an output folder in whatever call takes them (`SFTConfig(output_dir=...)`). */
const OUTPUT_FOLDER_KEYWORDS = new Set(['output_dir', 'save_directory', 'hub_model_id']);

/** Names a file writes itself: exact names, their last components, and f-strings (`f"{name}-finetuned-squad"`) as patterns. */
export interface OwnOutputs {
  names: Set<string>;
  /** The repository part of each name (`bert-finetuned-ner` of `me/bert-finetuned-ner`). */
  repos: Set<string>;
  patterns: RegExp[];
  /**
   * Hub names whose download the file saves again under their own repository part, trained or not
   * (`from_pretrained("huggyllama/llama-7b")` then `.save_pretrained("./llama-7b")`): what that save
   * writes came from someone else's repository, so it does not make the `owner/` name the file's own.
   */
  copies: Set<string>;
}

function lastComponent(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

// Asked by MLD301 and MLD302 of the same document: found once per index.
export const ownOutputs: (index: SemanticIndex) => OwnOutputs = oncePer(collectOwnOutputs);

function collectOwnOutputs(index: SemanticIndex): OwnOutputs {
  const own: OwnOutputs = { names: new Set(), repos: new Set(), patterns: [], copies: new Set() };
  const add = (node: Node | undefined, local = false): void => {
    const text = node ? index.dataflow.stringOf(node) : undefined;
    if (!text) return;
    const value = text.value.replace(/\/+$/, '');
    if (!text.partial) {
      own.names.add(value);
      if (!local) own.repos.add(lastComponent(value));
    } else if (/[^{}]{4,}/.test(value.replace(/\{\}/g, ''))) own.patterns.push(templatePattern(value));
  };
  // Runs over every call of the file: no arrays built per call.
  for (const call of index.calls) {
    if (call.method === LOCAL_SAVE && call.receiver) add(call.args[0] ?? call.kwargs.get('path') ?? call.kwargs.get('filepath'), true);
    if (call.method === LOCAL_UNPACK && call.receiver) add(call.args[0] ?? call.kwargs.get('path'), true);
    if (call.qname === UNPACK_ARCHIVE) add(call.args[1] ?? call.kwargs.get('extract_dir'), true);
    // `HfApi().create_repo(...)` or the function `create_repo(...)` imported from huggingface_hub.
    const name = call.method ?? (call.qname ? lastSegment(call.qname) : undefined);
    const uploads = !!name && UPLOADS.has(name);
    const writes = uploads || (!!name && REPOSITORY_WRITES.has(name)) || (!!call.method && OWN_OUTPUTS.has(call.method));
    const configures = !!call.qname?.endsWith('TrainingArguments');
    // Most calls name no output: no keywords, and neither a save nor training arguments.
    if (!writes && !configures && call.kwargs.size === 0) continue;
    // An upload's first argument is the local file it sends, not the repository.
    if ((writes && !uploads) || configures) add(call.args[0]);
    if (writes && call.receiver) addCopy(index, own, call);
    for (const keyword of writes || configures ? OWN_OUTPUT_KEYWORDS : OUTPUT_FOLDER_KEYWORDS) add(call.kwargs.get(keyword));
  }
  return own;
}

/** Records the Hub name a save writes back unchanged: the saved object is that name's own download. */
function addCopy(index: SemanticIndex, own: OwnOutputs, save: CallSite): void {
  const source = index.originCall(save.receiver!)?.args[0];
  const loaded = source ? index.dataflow.stringOf(source) : undefined;
  const target = save.args[0] ?? save.kwargs.get('save_directory') ?? save.kwargs.get('repo_id');
  const saved = target ? index.dataflow.stringOf(target) : undefined;
  if (!loaded || !saved || loaded.partial || saved.partial || !loaded.value.includes('/')) return;
  if (lastComponent(loaded.value) === lastComponent(saved.value.replace(/\/+$/, '')) && loaded.value !== saved.value) own.copies.add(loaded.value);
}

/** `{}-finetuned-squad` as a pattern any text can fill: `^.+-finetuned-squad$`. */
function templatePattern(template: string): RegExp {
  const parts = template.split('{}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

/**
 * Whether `name` is one of the file's own outputs. A Hub name `owner/repo` whose repo is a name the
 * file saves or pushes is that output read back: tutorials train `bert-finetuned-ner`, push it
 * under the reader's account, and load it back from the author's (`course-org/bert-finetuned-ner`).
 */
export function isOwnOutput(own: OwnOutputs, name: string): boolean {
  if (own.names.has(name) || own.patterns.some((pattern) => pattern.test(name))) return true;
  return name.includes('/') && !own.copies.has(name) && own.repos.has(lastComponent(name));
}
