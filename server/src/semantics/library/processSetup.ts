// Calls that set the running process up rather than do its work: logging, warnings, display
// options (the style plots are drawn in too), the locale, the environment variables of a `.env` file or set one by one, the import path, the backend a library computes or draws with (TensorFlow's
// graph or eager mode too), the type and device new tensors get, the classes a loader may rebuild,
// a test module's seed of a library, the environments Gymnasium may make. A module whose only top-level calls are these is still a library.

/**
 * Functions that configure logging, warnings, printing, the look of every plot drawn later
 * (`plt.style.use("ggplot")`, `plt.rcParams.update({...})`, `sns.set_style("whitegrid")`), the locale (how numbers are written and
 * parsed), the import path (python-future's `standard_library.install_aliases()`, which makes Python 3's
 * module names importable on Python 2), the backend a library computes or draws with (`tl.set_backend("pytorch")`,
 * tensorly's `use_opt_einsum("optimal")`, `matplotlib.use("Agg")`, the mode TensorFlow computes in:
 * `tf.compat.v1.disable_v2_behavior()`, `tf.compat.v1.disable_eager_execution()`), or the classes
 * `torch.load(..., weights_only=True)` may rebuild (`torch.serialization.add_safe_globals([...])`, an allow-list kept for later loads),
 * or the type and device PyTorch gives new tensors (`torch.set_default_tensor_type("torch.cuda.FloatTensor")`),
 * or the environment variables a `.env` file sets (`dotenv.load_dotenv(dotenv.find_dotenv())`: a data
 * folder or an API key read later, as `os.environ` is), or set one by one (`os.environ.setdefault("OMP_NUM_THREADS", "1")`,
 * `os.environ.update({...})`, `os.putenv(...)`: what an assignment to `os.environ[...]` does, which is no call),
 * or the environments Gym or Gymnasium may make (`gym.register(id="Maze-v0", entry_point=...)`, `gym.register_envs(ale_py)`):
 * registering only names a class for a later `gym.make`, so an environment or agent module that does it stays a library.
 */
export const PROCESS_SETUP_FUNCTIONS = /^(logging|warnings)\.|^dotenv\.(main\.)?load_dotenv$|^os\.(environ\.(setdefault|update)|putenv)$|(^|\.)logging\.(set_verbosity\w*|disable_\w+|enable_\w+)$|^(pandas\.set_option|numpy\.set_printoptions|torch\.set_printoptions|locale\.setlocale|sys\.path\.(append|extend|insert))$|^future\.standard_library\.install_(aliases|hooks)$|(^|\.)set_backend$|^tensorly\.plugins\.use_\w+$|^matplotlib\.use$|^matplotlib\.(pyplot\.)?(style\.use|rc|rcdefaults|rcParams\.update)$|^seaborn\.(set|set_theme|set_style|set_context|set_palette)$|^torch\.serialization\.add_safe_globals$|^torch\.set_default_(tensor_type|dtype|device)$|^(gym|gymnasium)\.(envs\.(registration\.)?)?register(_envs)?$|^tensorflow\.(compat\.v1\.)?(enable|disable)_(v2_behavior|eager_execution|resource_variables|control_flow_v2|v2_tensorshape|tensor_equality)$/;

export type Library = 'numpy' | 'random' | 'torch' | 'tensorflow';

/**
 * The calls that seed one library's global generator (the seed as first argument). Seeding sets the
 * process's generators up for what runs later; it runs nothing itself.
 */
export const LIBRARY_SEEDERS: Record<Library, ReadonlySet<string>> = {
  numpy: new Set(['numpy.random.seed']),
  random: new Set(['random.seed']),
  torch: new Set(['torch.manual_seed', 'torch.random.manual_seed', 'torch.random.seed']),
  tensorflow: new Set(['tensorflow.random.set_seed', 'tensorflow.set_random_seed', 'tensorflow.compat.v1.set_random_seed', 'tensorflow.compat.v1.random.set_random_seed']),
};

/**
 * Test-framework calls a test module makes at its top level only to set its run up: PyTorch's
 * `instantiate_parametrized_tests(TestX)` / `instantiate_device_type_tests(TestX, globals())`, which
 * generate the test cases of the file's own class, and `pytest.importorskip("triton")`, which skips the
 * module when a dependency is missing. They run no test and no program.
 */
export const TEST_SETUP_FUNCTIONS = /^torch\.testing\._internal\.common_(utils|device_type)\.instantiate_\w+_tests$|^pytest\.importorskip$/;

/** Functions that return a logger (`logging.getLogger(__name__)`, `diffusers.utils.logging.get_logger(__name__)`), whose methods only log. */
export const LOGGER_FACTORIES = /(^|\.)(getLogger|get_logger)$/;

/**
 * Calls that tell the person running the program something (`print`, `logging.warning`, `warnings.warn`,
 * a write to the console's streams); a logger's methods (LOGGER_FACTORIES) do too.
 */
export const NOTICE_FUNCTIONS = /^(builtins\.print|warnings\.warn|sys\.std(out|err)\.write|logging\.(debug|info|warning|warn|error|critical|exception|log))$/;

/** Command-line parsers: a program that takes arguments is a tool someone runs for its results. */
export const COMMAND_LINE_PARSERS = /^(argparse|click|typer|fire|absl\.(app|flags)|hydra|tyro|jsonargparse|simple_parsing|plac|docopt)(\.|$)/;

/**
 * Questions about the hardware a library sees, asked of the library's module: whether a GPU is there,
 * how many, which physical devices (`torch.cuda.is_available()`, `torch.cuda.device_count()`,
 * `tf.config.list_physical_devices("GPU")`, `tf.test.is_built_with_cuda()`). The answer is fixed by
 * the machine, the build and the environment variables the library reads as it starts (`CUDA_VISIBLE_DEVICES`);
 * no model built or trained changes it. Not the logical devices (`tf.config.list_logical_devices`) nor the
 * current device (`torch.cuda.current_device()`), which the program chooses (`set_visible_devices`, `set_device`).
 */
export const HARDWARE_QUERIES = /^(torch\.cuda\.(is_available|device_count)|torch\.backends\.(mps|cudnn)\.is_available|tensorflow\.config\.(experimental\.)?list_physical_devices|tensorflow\.test\.is_built_with_(cuda|gpu_support))$/;

/**
 * Calls that write the process's environment variables: `os.putenv`, `os.unsetenv`, the methods of
 * `os.environ` that change it, and dotenv's loaders. (An assignment to `os.environ[...]`, which is no call, writes it too.)
 */
export const ENVIRONMENT_WRITERS = /^(os\.(putenv|unsetenv|environ\.(update|setdefault|pop|popitem|clear|__setitem__|__delitem__))|dotenv\.(main\.)?load_dotenv)$/;
