import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { argument } from '../semantics/calls';
import { HUB_DOWNLOADS, hubRepoType, isHubName, noRevision, pinnedRevision } from './shared/hub';
import { packageOf } from './shared/libraries';
import { isOwnOutput, ownOutputs, type OwnOutputs } from './shared/ownHubOutputs';
import { LoadGroups } from './shared/loadGroups';
import { loadedOnBuild } from './shared/randomReach';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';

/** Libraries whose `from_pretrained` downloads from the Hugging Face Hub and takes `revision=`. */
const HUB_PACKAGES = new Set(['transformers', 'diffusers', 'peft', 'sentence_transformers', 'optimum', 'setfit', 'trl', 'huggingface_hub']);
const HUB_CONSTRUCTORS = new Set(['sentence_transformers.SentenceTransformer', 'sentence_transformers.CrossEncoder']);
/** `path_to_saved_model`, `my_awesome_model`, `your-username/...`: a stand-in for the reader's own model. */
const PLACEHOLDER_WORD = /(^|[-_/])(my|your|path)([-_/]|$)/i;
/**
 * `output/tokenizer_model`, `models/tensorflow`, `input/ocr_processor`: a first part that names a
 * folder a project keeps its own files in, the results it writes (outputs, models, runs, weights...)
 * or the inputs it reads (input, data), is a local path, not a Hub account.
 */
const PROJECT_FOLDER = /^(outputs?|models?|saved_models?|trained_models?|checkpoints?|ckpts?|results?|runs?|weights|artifacts|exports?|logs|tmp|temp|inputs?|data)\//i;

/**
 * The models the Hub published before it had accounts (`bert-base-uncased`, `gpt2`, `t5-small`,
 * `xlm-roberta-base`, `distilbert-base-uncased-finetuned-sst-2-english`...): the only names without an
 * owner that it serves.
 */
const PRE_ACCOUNT_MODELS = /^(bert|distilbert|roberta|distilroberta|xlm|xlnet|albert|camembert|t5|gpt2|distilgpt2|openai-gpt|ctrl|transfo-xl)(-|$)/i;
/**
 * Libraries that complete a name without an owner with their own organisation: sentence-transformers
 * (`all-MiniLM-L6-v2`), and setfit, which loads its body through it.
 */
const OWN_ORGANISATION = new Set(['sentence_transformers', 'setfit']);

/**
 * A model name on the Hub (not a local folder, checkpoint, file or placeholder), given as a known
 * string; `library` is the package of the loader, which may complete a name without an owner.
 */
function hubModel(index: SemanticIndex, node: Node | undefined, own: OwnOutputs, library: string): string | undefined {
  const text = node ? index.dataflow.stringOf(node) : undefined;
  if (!text || text.partial || isOwnOutput(own, text.value) || /checkpoint/i.test(text.value) || PLACEHOLDER_WORD.test(text.value) || PROJECT_FOLDER.test(text.value)) return undefined;
  // Hub names carry an owner, a hyphen or a digit (`bert-base-uncased`, `gpt2`, `org/name`); a bare
  // word such as "model" or "bert_finetuned" is a local folder some other step wrote.
  if (!/[/\-0-9]/.test(text.value)) return undefined;
  // Without an owner the Hub serves only its first models; any other such name
  // ("distilbart-samsum-model") is a folder a training run wrote, unless the library adds its own owner.
  if (!text.value.includes('/') && !OWN_ORGANISATION.has(library) && !PRE_ACCOUNT_MODELS.test(text.value)) return undefined;
  return isHubName(text.value) && !/\.(bin|pt|pth|ckpt|safetensors|h5|onnx|model)$/i.test(text.value) ? text.value : undefined;
}

interface Unpinned {
  node: Node;
  message: string;
  /** The model (or repository) loaded: loads of one name share one pin, so one finding. */
  name: string;
  /** A `pipeline(task)` with no model: what it loads is the task's default. */
  task?: boolean;
}

function revisionMessage(call: CallSite, index: SemanticIndex, what: string): string | undefined {
  const revision = call.kwargs.get('revision');
  switch (pinnedRevision(index, revision)) {
    case 'pinned':
      return undefined;
    case 'branch':
      return `${what} follows the branch ${revision!.text}, which moves with every push: pin a commit hash or tag`;
    default:
      return `${what} ${noRevision(revision)}: it loads whatever is published under that name on the day it runs`;
  }
}

function unpinned(index: SemanticIndex, call: CallSite, own: OwnOutputs): Unpinned | undefined {
  const q = call.qname;
  if (!q || call.hasSplat || call.kwargs.get('local_files_only')?.type === 'true') return undefined;
  const named = call.method === 'from_pretrained' && HUB_PACKAGES.has(packageOf(q)) ? argument(call, 'pretrained_model_name_or_path', 0)
    // A dataset or a Space downloaded from the Hub is no pretrained model (MLD301 pins datasets).
    : HUB_DOWNLOADS.has(q) ? (hubRepoType(index, call) === 'model' ? argument(call, 'repo_id', 0) : undefined)
    : HUB_CONSTRUCTORS.has(q) ? argument(call, 'model_name_or_path', 0) ?? call.kwargs.get('model_name')
    : undefined;
  if (named) {
    // A model whose next use replaces all its weights by a strict `load_state_dict` of a checkpoint
    // keeps none of the published ones; a changed architecture makes that load fail loudly.
    if (call.method === 'from_pretrained' && loadedOnBuild(index, call.node)) return undefined;
    const name = hubModel(index, named, own, packageOf(q));
    const message = name && revisionMessage(call, index, `\`${call.callee.text}("${name}")\``);
    return message ? { node: named, message, name: name! } : undefined;
  }
  if (q === 'transformers.pipeline') {
    const model = argument(call, 'model', 1);
    if (!model) {
      const taskNode = call.args[0] ?? call.kwargs.get('task');
      const task = taskNode?.text ?? '';
      // One task's default is one model, however many pipelines ask for it; a task known only at
      // run time may differ per call.
      const known = taskNode ? index.dataflow.stringOf(taskNode) : undefined;
      return {
        node: call.callee,
        task: true,
        name: known && !known.partial ? `pipeline:${known.value}` : `pipeline:${task}:${call.node.startIndex}`,
        message: `\`${call.callee.text}(${task})\` names no model: it downloads the library's default model for the task, which changes between versions of transformers`,
      };
    }
    const name = hubModel(index, model, own, 'transformers');
    const message = name && revisionMessage(call, index, `\`${call.callee.text}(model="${name}")\``);
    return message ? { node: model, message, name: name! } : undefined;
  }
  if (q === 'torch.hub.load') {
    const repo = argument(call, 'repo_or_dir', 0);
    const text = repo ? index.dataflow.stringOf(repo) : undefined;
    const source = call.kwargs.get('source');
    if (!repo || !text || text.partial || (source && index.dataflow.stringOf(source)?.value === 'local')) return undefined;
    if (!/^[\w.-]+\/[\w.-]+(:[\w.\-/]+)?$/.test(text.value)) return undefined;
    const tag = text.value.split(':')[1];
    if (tag && !/^(main|master)$/i.test(tag)) return undefined;
    return {
      node: repo,
      name: text.value,
      message: tag
        ? `\`torch.hub.load("${text.value}")\` follows the branch ${tag}, which moves with every push: pin a release tag`
        : `\`torch.hub.load("${text.value}")\` has no \`:tag\`: it runs and loads whatever the repository's default branch holds on the day it runs`,
    };
  }
  return undefined;
}

/** `from_pretrained` of any class (its package is checked), the downloads, constructors and loaders by name. */
const CALLEES: CalleeSelection = { methods: ['from_pretrained'], qualified: [...HUB_DOWNLOADS, ...HUB_CONSTRUCTORS, 'transformers.pipeline', 'torch.hub.load'] };

function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  let own: OwnOutputs | undefined;
  // One name loaded several times (its tokenizer, its model) is one dependency to pin: one
  // finding at the first load, linked to the others.
  const names = new LoadGroups<Unpinned>('name', 'unpinned too');
  const tasks = new LoadGroups<Unpinned>('task', 'unpinned too');
  return { callees: CALLEES, call(call) {
    if (!call.qname) return;
    own ??= ownOutputs(index);
    const found = unpinned(index, call, own);
    if (found) (found.task ? tasks : names).add(found.name, found);
  }, finish() {
    names.report(context);
    tasks.report(context);
  } };
}

export const unpinnedPretrainedModel: Rule = {
  meta: {
    code: 'MLD302',
    name: 'unpinned-pretrained-model',
    category: 'unstable-data-dependencies',
    severity: 'warning',
    recommended: true,
    docs: {
      summary: 'A pretrained model is downloaded by name with no version pin: `from_pretrained("name")`, `pipeline(model="name")` (or `pipeline(task)` with no model at all), `SentenceTransformer("name")`, `hf_hub_download(...)` without `revision=`; `torch.hub.load("owner/repo", ...)` without a `:tag`.',
      why: 'Unstable data dependencies (§3): a pretrained model is learned data that someone else owns. Its authors can re-upload weights, change the tokenizer or the config under the same name, and `pipeline(task)` with no model picks a default that changes between library versions. The same code then builds a different model, and results shift with no change on your side. The paper\'s remedy is to depend on a frozen, versioned copy.',
      example: 'from transformers import AutoModel, AutoTokenizer, pipeline\nimport torch\n\ntokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")\nmodel = AutoModel.from_pretrained("bert-base-uncased")\nclassifier = pipeline("sentiment-analysis")\nyolo = torch.hub.load("ultralytics/yolov5", "yolov5s")',
      fix: 'Pin the exact version: `revision="<commit sha>"` (or a tag) for Hugging Face models and downloads, an explicit `model=` and `revision=` for `pipeline`, and `"owner/repo:v1.2"` for `torch.hub.load` — or keep a copy of the weights in your own versioned storage. There is no automatic fix: the right commit is the one you validated.',
      fixed: 'MODEL_REVISION = "86b5e0934494bd15c9632b12f734a8a67f723594"\nmodel = AutoModel.from_pretrained("bert-base-uncased", revision=MODEL_REVISION)\nyolo = torch.hub.load("ultralytics/yolov5:v7.0", "yolov5s")',
      nearMisses: 'Local folders and files (`./checkpoints/best`, `/models/bert`, `model.pt`), checkpoints, models this file saves or pushes itself (`save_pretrained("out")`, `output_dir="out"` in any config, or an f-string such as `f"{name}-finetuned"` the loaded name fits; `model.save("clip-tuned")` of sentence-transformers or Keras writes a local folder, never the Hub, so loading back that exact path is the file\'s own model, while `org/clip-tuned` is still someone else\'s; a folder it unpacks an archive into, `zipfile.ZipFile(path).extractall("bert-sst2-v2")` or `shutil.unpack_archive(path, "bert-sst2-v2")`, is its own local copy too), also when loaded back from the account they were pushed to (`TrainingArguments("bert-finetuned-ner", push_to_hub=True)` then `pipeline(model="course-org/bert-finetuned-ner")`: the owner differs only because each reader pushes under their own), but not the download of a model the file saves or pushes again under its repository part, trained or not (`from_pretrained("huggyllama/llama-7b")` then `.save_pretrained("./llama-7b")`): the model saved there came from someone else\'s repository, so its download is still reported, while loading the copy back by its own path or repository is not, a repository the file creates, uploads or commits into itself (`create_repo("jdoe/churn-net")`, `HfApi().upload_folder(folder_path="export", repo_id="jdoe/churn-net")`, `HfApi().create_commit("jdoe/churn-net", operations=ops)`, `upload_large_folder`), whatever fills it (a training callback that pushes each checkpoint there), when loaded from by that name, placeholders for your own model (`path_to_saved_model`, `my_awesome_model`), a path whose first part is a folder a project keeps its own files in rather than an account, one it writes its results into (`output/tokenizer_model`, `models/tensorflow`, `runs/bert`) or reads its inputs from (`input/ocr_processor`, `data/tokenizer`), a path whose first part has an underscore (`pretrained_models/bert-base-chinese`), since Hub accounts are named with letters, digits and hyphens only, so that part is a folder (the repository part may have underscores: `emilyalsentzer/Bio_ClinicalBERT` is still reported), bare folder words with no owner, hyphen or digit (`"model"`, `"bert_finetuned"`), names with no owner other than the models the Hub published before it had accounts (`bert-base-uncased`, `gpt2`, `t5-small` and their kin): the Hub serves no other name without an owner, so `pipeline(model="distilbart-samsum-model")` reads a folder some training run wrote (sentence-transformers, and setfit through it, add their own organisation to a bare name, so there it is still a Hub model), `local_files_only=True`, names computed at run time, and `torch.hub.load(..., source="local")` are left alone; so are Hub downloads of what is not a model: `hf_hub_download(..., repo_type="dataset")` or `"space"` (a dataset is data, which MLD301 pins), or a `repo_type=` computed at run time; so is `from_pretrained` on a class from another library or of unknown origin. So is a model whose next use, in the same block, replaces all its weights by a strict `load_state_dict` (`seg = SegformerForSemanticSegmentation.from_pretrained("nvidia/mit-b2", num_labels=9).to(device)` then `seg.load_state_dict(ckpt["model_state_dict"])`): it keeps none of the published weights, and a changed architecture makes that load fail loudly; a load with `strict=False`, under a condition or after the model was used, and the tokenizer of the same name, are still reported. One name loaded several times (its tokenizer and its model, or in several cells) is one dependency to pin: one finding on the first load, linked to the others; so are several `pipeline(task)` calls of one task, which all download that task\'s one default model.',
    },
  },
  listen,
};
