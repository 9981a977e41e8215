// Shell command lines (`!wget ...` in a notebook, `os.system("python train.py")` in a script):
// which commands in them are steps of the ML pipeline — fetching or unpacking data, running
// training scripts, moving artefacts — as opposed to looking around (`ls`, `nvidia-smi`) or setting
// up the environment (`pip install`, which MLD803 covers).
import { shellWords } from './installCommands';

/** Interpreters of other languages: running them from Python adds a language to the pipeline. */
export const OTHER_LANGUAGE_PROGRAMS: ReadonlySet<string> = new Set(['bash', 'sh', 'zsh', 'Rscript', 'R', 'julia', 'java', 'node', 'perl', 'ruby', 'make']);

/**
 * Programs whose run is a pipeline step — they fetch, unpack or transform data, or run code — or,
 * for tools that also have set-up subcommands (`kaggle config`, `aws configure`,
 * `huggingface-cli login`), the subcommands that are steps.
 */
const PIPELINE_PROGRAMS = new Map<string, RegExp | true>([
  ...['wget', 'curl', 'aria2c', 'gdown', 'gsutil', 'azcopy', 'rclone', 'hdfs', 's3cmd', 'unzip', 'tar', 'gunzip', 'gzip',
    'bunzip2', 'xz', '7z', '7za', 'unrar', 'dvc', 'torchrun', 'deepspeed', 'spark-submit', 'sqlite3', 'psql',
    'mysql', 'bq', 'sed', 'awk', 'shuf', 'yolo', 'fairseq-train', 'fairseq-preprocess'].map((p): [string, true] => [p, true]),
  ...[...OTHER_LANGUAGE_PROGRAMS].map((p): [string, true] => [p, true]),
  ['kaggle', /^(competitions|datasets|kernels|models) (download|submit|push|pull|create|version)$/],
  ['aws', /^(s3|s3api|sagemaker)$/],
  ['gcloud', /^(storage|ai|ai-platform|ml|dataproc|dataflow)$/],
  ['az', /^(storage|ml)$/],
  ['huggingface-cli', /^(download|upload)$/],
  ['hf', /^(download|upload)$/],
  ['accelerate', /^launch$/],
  ['mlflow', /^(run|models)$/],
  ['git', /^(clone|pull|checkout|submodule)\b|^lfs (pull|fetch|checkout)$/],
  ['docker', /^(run|exec|compose)$/],
]);
/**
 * Cloud command-line tools whose listing and printing subcommands only look around
 * (`gsutil ls`, `bq show`, `gcloud storage cat`, `gcloud ai-platform jobs describe`), and where
 * their verb sits: first for tools that are steps as a whole, after the command group otherwise.
 */
const CLOUD_TOOLS = new Map<string, number[]>([['gsutil', [0]], ['bq', [0]], ['gcloud', [1, 2]], ['aws', [1]], ['az', [1, 2]]]);
const LOOKING_VERBS = /^(ls|list|cat|head|du|stat|hash|show|describe|stream-logs|help|version|wait)$/;

/** `gsutil ls gs://bucket`, `bq show -j JOB`: printed for the reader, unless redirected to a file. */
function onlyLooks(base: string, rest: string[]): boolean {
  const positions = CLOUD_TOOLS.get(base);
  if (!positions || rest.some((word) => word.startsWith('>'))) return false;
  return positions.some((at) => LOOKING_VERBS.test(rest[at] ?? '') && !rest.slice(0, at).some((word) => word.startsWith('-')));
}
const PYTHON = /^(python[\d.]*|py|ipython|\{sys\.executable\}|\$PYTHON|\{python\})$/i;
/** `python -m <module>` for these modules sets up or inspects the environment; anything else runs a step. */
const SETUP_MODULES = /^(pip|ensurepip|venv|virtualenv|spacy|nltk\.downloader|nltk|site|ipykernel|jupyter|notebook|tensorboard|pytest|unittest|doctest|pydoc|http\.server|json\.tool|timeit|this)$/;

/**
 * Installing software, not running the pipeline: downloading an installer or package, running an
 * install script, `--prefix=` installs.
 */
const INSTALLER = /https?:\S*\.(sh|deb|rpm|run|whl|exe|msi|pkg|gpg|key|asc)\b|https?:\S*install|(^|\s)--prefix\b|(^|\s)\S*(install|miniconda|anaconda|cmake)\S*\.sh\b/i;
/** A download piped into a shell or a key store (`curl ... | sudo bash`): an installation. */
const PIPED_INSTALL = /\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z)?sh\b|\|\s*(sudo\s+)?apt-key\b/;

/** The commands of a command line, split at `&&`, `||`, `;` and `|`. */
function commands(line: string): string[][] {
  return line
    .split(/&&|\|\||;|\|/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .map((words) => {
      // `sudo`, `nohup`, `time`, environment assignments (`CUDA_VISIBLE_DEVICES=0`) prefix the real command.
      let i = 0;
      while (i < words.length && (/^(sudo|nohup|time|env|exec|nice)$/.test(words[i]) || /^[A-Za-z_]\w*=/.test(words[i]))) i++;
      return words.slice(i);
    })
    .filter((words) => words.length > 0);
}

/**
 * Commands that create a place for data — a bucket, a dataset, a container — set up the
 * environment, like `mkdir`: `gsutil mb`, `bq mk`, `aws s3 mb`, `gcloud storage buckets create`.
 * A `bq mk` that defines a view or a scheduled query writes pipeline logic and stays a step.
 */
const CREATES_STORAGE = /^(gsutil( -\S+)* mb|bq( -\S+)* mk|aws s3 mb|aws s3api create-bucket|gcloud storage buckets create|az storage (container|account|share) create)\b/;
const DEFINES_LOGIC = /(^|\s)--?(view|materialized_view|transfer_config)\b/;

/** The pipeline step a single command runs, named for messages (`wget`, `python train.py`), if any. */
function pipelineStep(words: string[]): string | undefined {
  const [program, ...rest] = words;
  const base = program.replace(/^.*\//, '');
  if (PYTHON.test(base)) {
    if (rest[0] === '-m') return rest[1] && !SETUP_MODULES.test(rest[1]) ? `python -m ${rest[1]}` : undefined;
    // `setup.py` installs; a hidden script (`.convert_notebook.py`) is the repository's tooling.
    const script = rest.find((word) => !word.startsWith('-'));
    return script && /\.py$/.test(script) && !/(^|\/)(setup|\.[^/]*)\.py$/.test(script) && !rest.includes('-c') ? `python ${script}` : undefined;
  }
  // Converting a notebook is housekeeping; executing one runs its steps.
  if (base === 'jupyter' || base === 'papermill') return base === 'papermill' || rest.includes('--execute') || rest[0] === 'execute' ? `${base} ${rest[0] ?? ''}`.trim() : undefined;
  if (/\.(sh|py|R|jl)$/.test(base) && program.includes('/')) return program;
  if (INSTALLER.test(words.join(' ')) || onlyLooks(base, rest)) return undefined;
  const command = [base, ...rest].join(' ');
  if (CREATES_STORAGE.test(command) && !DEFINES_LOGIC.test(command)) return undefined;
  const steps = PIPELINE_PROGRAMS.get(base);
  if (steps === true) return base;
  if (!steps || !rest[0]) return undefined;
  if (steps.test(rest[0])) return `${base} ${rest[0]}`;
  const subcommand = rest.slice(0, 2).join(' ');
  return steps.test(subcommand) ? `${base} ${subcommand}` : undefined;
}

/** Programs that only print files for the reader: `cat`, `head`, `tail`, `pygmentize` (`!pygmentize app.py`). */
const PRINTING_PROGRAMS = /^(cat|head|tail|pygmentize)$/;
/** What makes a line more than a print of named files: another command, a pipe or redirection, a run-time value, a glob. */
const MORE_THAN_A_PRINT = /[|&;<>`$(){}*?[\]\n]/;

/**
 * The files a shell command line only prints (`!cat config.yaml`, `!head -n 5 train.csv`), or
 * undefined when it does anything else or names its files only at run time (`!cat {path}`,
 * `!head $F`, `!cat *.csv`): a single command of a printing program on plain paths, nothing piped or redirected.
 */
export function printedFiles(line: string): string[] | undefined {
  const text = line.replace(/^!+/, '').trim();
  if (MORE_THAN_A_PRINT.test(text)) return undefined;
  const [program = '', ...rest] = shellWords(text);
  if (!PRINTING_PROGRAMS.test(program)) return undefined;
  // Options and their numbers (`-n 5`, `-5`) are not files.
  const files = rest.filter((word) => !word.startsWith('-') && !/^\d+$/.test(word));
  return files.length > 0 ? files : undefined;
}

/** What makes an `ls` line more than a listing of named paths: another command, a pipe or redirection, a run-time value. */
const MORE_THAN_A_LISTING = /[|&;<>`$(){}\n]/;

/**
 * The paths a shell command line only lists (`!ls data`, `!ls -la ../csvs/t3*`, `!ls` for the working
 * folder, given as `.`), or undefined when it does anything else or fills a path in at run time
 * (`!ls {folder}`, `!ls $D`): a single `ls` on paths written out, a glob (`*`, `?`) only in a path's last part.
 */
export function listedPaths(line: string): string[] | undefined {
  const text = line.replace(/^!+/, '').trim();
  if (MORE_THAN_A_LISTING.test(text)) return undefined;
  const [program = '', ...rest] = shellWords(text);
  if (program !== 'ls') return undefined;
  const paths = rest.filter((word) => !word.startsWith('-'));
  if (paths.some((path) => /[*?[\]]/.test(path.replace(/\/+$/, '').split('/').slice(0, -1).join('/')))) return undefined;
  return paths.length > 0 ? paths : ['.'];
}

/** Programs that inspect or manage the machine's processes: `ps aux | grep x | awk ... | xargs kill` is housekeeping. */
const PROCESS_TOOLS = /^(ps|pgrep|pkill|kill|killall|lsof|top|free|uptime|netstat|ss)$/;
/** A request to a service on this machine (`curl localhost:4040/api`) talks to a tool, it fetches no data. */
const LOCAL_URL = /^(https?:\/\/)?(localhost|127\.0\.0\.1|0\.0\.0\.0)([:/]|$)/;

/** The pipeline steps a shell command line runs, in order (empty when it only looks around or sets up). */
export function pipelineSteps(line: string): string[] {
  if (PIPED_INSTALL.test(line)) return [];
  const parts = commands(line);
  if (parts.length > 0 && PROCESS_TOOLS.test(parts[0][0].replace(/^.*\//, ''))) return [];
  return parts
    .filter(([program, ...rest]) => !(/^(curl|wget)$/.test(program) && rest.some((word) => LOCAL_URL.test(word.replace(/^["']/, '')))))
    .map(pipelineStep)
    .filter((step): step is string => step !== undefined);
}
