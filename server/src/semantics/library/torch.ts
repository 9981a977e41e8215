// The PyTorch API the model knows: which torch.nn names build modules, which layers depend on
// the training mode, which calls turn gradients off. Read by the PyTorch checker (semantics/torch.ts).

/** Methods of a module that return the module itself. */
export const SELF_RETURNING: ReadonlySet<string> = new Set(['to', 'cuda', 'cpu', 'train', 'eval', 'float', 'half', 'double', 'bfloat16', 'requires_grad_', 'apply', 'share_memory']);

/** Non-module names under torch.nn: prefixes, and single names. */
export const NOT_MODULE_PREFIXES = ['torch.nn.functional.', 'torch.nn.init.', 'torch.nn.utils.', 'torch.nn.parameter.'];

export const NOT_MODULES = new Set(['torch.nn.Parameter', 'torch.nn.UninitializedParameter', 'torch.nn.Buffer']);

/**
 * Builders of objects whose `step()` applies no gradient: learning-rate schedulers (which change a
 * rate), torch-pruning's pruners (which remove channels by their weights) and Gym environments
 * (which advance a game).
 */
export const NON_OPTIMIZER_STEPPERS = /^(torch\.optim\.lr_scheduler\.|torch_pruning\.|gym\.|gymnasium\.)/;

/**
 * torchvision's transform classes (`transforms.Compose([...])`, `ToTensor()`, `Normalize(mean, std)`,
 * `v2.RandomResizedCrop(224)`): building one only stores its parameters; a random transform draws
 * when it is called on an image, not when it is built.
 */
export const TRANSFORM_CLASSES = /^torchvision\.transforms\.(v2\.)?[A-Z]\w*$/;

/** Base classes (qualified) that make a local class a module. */
export const MODULE_BASES = /^(torch\.nn\.(modules\.\w+\.)?[A-Z]\w*|lightning(\.pytorch)?\.LightningModule|pytorch_lightning\.(core\.)?LightningModule|transformers\.(modeling_utils\.)?PreTrainedModel|transformers\.\w+PreTrainedModel)$/;

/** Calls and decorators that turn gradient tracking off for the code under them. */
export const NO_GRAD = new Set(['torch.no_grad', 'torch.inference_mode', 'torch.autograd.no_grad', 'torch.autograd.grad_mode.no_grad', 'torch.autograd.grad_mode.inference_mode']);

/** torch.nn layers that behave differently in training and evaluation mode. */
export const MODE_LAYERS = /^torch\.nn\.(Dropout[123]?d?|AlphaDropout|FeatureAlphaDropout|(Lazy)?BatchNorm[123]d|SyncBatchNorm|RReLU|Transformer(Encoder|Decoder)?(Layer)?)$/;

/** Layers whose dropout is off unless a `dropout=` argument turns it on. */
export const OPTIONAL_DROPOUT = /^torch\.nn\.(LSTM|GRU|RNN|MultiheadAttention)$/;

/**
 * Graph-network layers (DGL, PyTorch Geometric) that build dropout or a normalisation only when an
 * argument asks for it: by class name, the keywords and positions of those arguments. A layer with
 * none of them (DGL's `GraphConv`, PyG's `GCNConv`) computes the same in both modes; DGL's
 * `HeteroGraphConv` holds the layers it is handed, and is what they are.
 */
const DGL_GRAPH_LAYERS: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>> = new Map([
  ['GraphConv', []],
  ['SAGEConv', [['feat_drop', 3], ['norm', 5]]],
  ['GATConv', [['feat_drop', 3], ['attn_drop', 4]]],
  ['HeteroGraphConv', []],
]);
const PYG_GRAPH_LAYERS: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>> = new Map([
  ['GCNConv', []],
  ['SAGEConv', []],
  ['GATConv', [['dropout', 5]]],
]);

/**
 * TorchUncertainty's packed-ensemble layers (`torch_uncertainty.layers.PackedConv2d`, `PackedLinear`):
 * grouped convolutions and linear maps, and a group norm, that compute the same in both modes; its
 * `PackedMultiheadAttention` drops out only when `dropout` (sixth, after `gamma`) asks for it. Its
 * packed transformer layers build `nn.Dropout` and are not listed (unknown, so never plain).
 */
const PACKED_LAYERS: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>> = new Map([
  ['PackedLinear', []],
  ['PackedConv1d', []],
  ['PackedConv2d', []],
  ['PackedConv3d', []],
  ['PackedConvTranspose2d', []],
  ['PackedLayerNorm', []],
  ['PackedMultiheadAttention', [['dropout', 5]]],
]);

/**
 * The mode arguments of a library layer that builds dropout or a normalisation only when an argument
 * asks for it (a graph layer, a packed-ensemble layer), by its qualified name; undefined for any other class.
 */
export function layerModeArguments(qname: string): ReadonlyArray<readonly [string, number]> | undefined {
  const dgl = /^dgl\.nn(?:\.pytorch)?(?:\.(?:conv|hetero))?\.(\w+)$/.exec(qname);
  if (dgl) return DGL_GRAPH_LAYERS.get(dgl[1]);
  const packed = /^torch_uncertainty\.layers(?:\.packed)?\.(\w+)$/.exec(qname);
  if (packed) return PACKED_LAYERS.get(packed[1]);
  const pyg = /^torch_geometric\.nn(?:\.conv)?\.(\w+)$/.exec(qname);
  return pyg ? PYG_GRAPH_LAYERS.get(pyg[1]) : undefined;
}

/** torch.nn.functional calls that depend on the training mode. */
export const MODE_FUNCTIONS = /^torch\.nn\.functional\.(dropout[123]?d?|alpha_dropout|feature_alpha_dropout|batch_norm|rrelu)$/;

/** Packages whose functions build no module: tensor maths, Python and NumPy helpers. */
export const LAYER_FREE_PACKAGES = new Set(['builtins', 'numpy', 'math', 'typing', 'functools', 'itertools', 'operator', 'collections']);

/** torch functions that bring in a model from elsewhere, whose layers the file does not show. */
export const TORCH_LOADERS = /^torch\.(hub|load$|jit|package|export)/;

/** Lightning's checkpoint callback, by any of its import paths (`pytorch_lightning.callbacks.ModelCheckpoint`, `lightning.pytorch...`). */
export const LIGHTNING_CHECKPOINT = /^(pytorch_lightning|lightning\.pytorch|lightning)\.callbacks\.(model_checkpoint\.)?ModelCheckpoint$/;

/**
 * Checkpoint callbacks that save the best model of the training they watch to a path they are
 * handed, by qualified name, with that argument's keyword and position: SchNetPack's
 * `ModelCheckpoint(model_path, ...)`, a Lightning callback that also writes the whole inference model there.
 */
export const PATH_CHECKPOINT_CALLBACKS: ReadonlyMap<string, { keyword: string; position: number }> = new Map([
  ['schnetpack.train.ModelCheckpoint', { keyword: 'model_path', position: 0 }],
  ['schnetpack.train.callbacks.ModelCheckpoint', { keyword: 'model_path', position: 0 }],
]);

/** PyTorch criteria: the functional losses (`F.mse_loss`, `F.cross_entropy`), and the loss classes (`nn.MSELoss`). */
export const CRITERION_FUNCTIONS = /^torch\.nn\.functional\.\w*(loss|entropy)\w*$/;
export const CRITERION_CLASSES = /^torch\.nn\.(modules\.loss\.)?\w+Loss$/;

/** Tensor and array methods that convert, move or reshape a value without changing what it holds. */
export const VALUE_PRESERVING_METHODS: ReadonlySet<string> = new Set(['astype', 'float', 'double', 'half', 'long', 'int', 'to', 'cuda', 'cpu', 'view', 'reshape']);
