// The value-kind engine's tables (semantics/values.ts): which calls give predictions and of what
// score, which methods keep a frame a frame in each library, which constructors build frames and
// models. Library knowledge, beside the pandas, PyTorch and I/O tables.
import { PANDAS_DATA_METHODS } from './pandas';

export type ScoreKind = 'probability' | 'decision' | 'prediction';
export type FrameLibrary = 'pandas' | 'polars' | 'spark' | 'dask';

/** Methods that score with a fitted model, and the kind of score they give. */
export const SCORE_METHODS: Record<string, ScoreKind> = {
  predict_proba: 'probability',
  predict_log_proba: 'decision',
  decision_function: 'decision',
  predict: 'prediction',
};

/** Functions that turn scores into probabilities. */
export const PROBABILITY_FUNCTIONS = new Set([
  'torch.sigmoid', 'torch.softmax', 'torch.nn.functional.sigmoid', 'torch.nn.functional.softmax', 'torch.special.expit',
  'scipy.special.expit', 'scipy.special.softmax', 'tensorflow.nn.sigmoid', 'tensorflow.sigmoid', 'tensorflow.math.sigmoid',
  'tensorflow.nn.softmax', 'keras.activations.sigmoid', 'tensorflow.keras.activations.sigmoid',
]);
/** Tensor methods that turn scores into probabilities. */
export const TENSOR_PROBABILITY_METHODS = new Set(['sigmoid', 'softmax']);

/** Methods and functions that keep the values of model output (conversions, reshapes, selections). */
export const PREDICTION_METHODS = new Set(['ravel', 'flatten', 'squeeze', 'numpy', 'cpu', 'detach', 'item', 'reshape', 'to_numpy', 'astype', 'round', 'clone', 'view']);
export const PREDICTION_FUNCTIONS = new Set(['numpy.array', 'numpy.asarray', 'numpy.squeeze', 'numpy.ravel', 'pandas.Series']);
/** NumPy functions that join arrays into one (`np.hstack((a, b))`): what they are handed is numeric data, never a model. */
export const ARRAY_JOINS = new Set(['numpy.hstack', 'numpy.vstack', 'numpy.dstack', 'numpy.column_stack', 'numpy.row_stack', 'numpy.stack', 'numpy.concatenate']);

/** Frame methods that return a frame of the same library (a selection, a cleaned or reshaped copy). */
export const FRAME_METHODS: Record<FrameLibrary, ReadonlySet<string>> = {
  pandas: PANDAS_DATA_METHODS,
  polars: new Set(['select', 'with_columns', 'filter', 'drop', 'rename', 'join', 'sort', 'unique', 'drop_nulls', 'fill_null', 'head', 'tail', 'sample', 'collect', 'clone']),
  spark: new Set(['select', 'withColumn', 'withColumnRenamed', 'filter', 'where', 'drop', 'join', 'dropna', 'fillna', 'distinct', 'limit', 'union', 'unionByName', 'orderBy', 'sort', 'cache', 'persist', 'repartition', 'coalesce', 'dropDuplicates']),
  dask: new Set(['dropna', 'fillna', 'drop', 'drop_duplicates', 'copy', 'reset_index', 'set_index', 'merge', 'join', 'assign', 'rename', 'astype', 'query', 'head', 'sample', 'persist', 'repartition']),
};
/** Conversions from one library's frame to pandas. */
export const TO_PANDAS = new Set(['toPandas', 'to_pandas', 'compute']);
/** Functions that build a frame, by library. */
export const FRAME_CONSTRUCTORS: Record<string, FrameLibrary> = {
  'pandas.DataFrame': 'pandas', 'pandas.Series': 'pandas', 'pandas.concat': 'pandas', 'pandas.merge': 'pandas', 'pandas.get_dummies': 'pandas',
  'polars.DataFrame': 'polars', 'polars.concat': 'polars', 'polars.from_pandas': 'polars',
  'dask.dataframe.from_pandas': 'dask',
};

/** Classes (and factories) that build models beyond the estimators `isEstimatorConstructor` knows. */
export const MODEL_FACTORIES = [
  /^sklearn\.pipeline\.(Pipeline|make_pipeline)$/,
  /^sklearn\.(model_selection|grid_search)\.(GridSearchCV|RandomizedSearchCV|HalvingGridSearchCV|HalvingRandomSearchCV)$/,
  /^sklearn\.(ensemble\.(Stacking|Voting)\w+|multiclass\.\w+|multioutput\.\w+|calibration\.CalibratedClassifierCV)$/,
  /^(tensorflow\.)?keras\.(models\.)?(Sequential|Model)$/,
  /^(tensorflow\.)?keras\.applications\.[\w.]+$/,
  /^(tensorflow\.)?keras\.models\.load_model$/,
  /^torch\.nn\.(Sequential|Module)$/,
  /^torchvision\.models\.[a-z][\w.]*$/,
  /^timm\.create_model$/,
  /^transformers\.(Auto)?\w*(Model|For[A-Z]\w*)\w*\.from_pretrained$/,
  /^(xgboost|lightgbm)\.train$/,
  /^(xgboost\.Booster|lightgbm\.Booster|catboost\.CatBoost)$/,
];
/** Bases that make a class defined in the file a model. */
export const MODEL_BASES = /^(torch\.nn\.Module|torch\.nn\.modules\.module\.Module|(lightning|pytorch_lightning)(\.pytorch)?\.LightningModule|(tensorflow\.)?keras\.(models\.)?Model|sklearn\.base\.BaseEstimator)$/;
/** Models whose call `model(x)` is a forward pass (networks, not estimators). */
export const NETWORK = /^(torch|torchvision|timm|transformers|tensorflow|keras|local:)/;
/** Libraries whose `fit` returns the estimator itself (so `model = Model().fit(X, y)` is the model). */
export const FIT_RETURNS_SELF = /^(sklearn|xgboost|lightgbm|catboost|imblearn)\./;

/**
 * pyplot's module, also as pylab re-exports it (`import matplotlib.pylab as plt`, `import pylab`):
 * pylab puts pyplot's functions beside NumPy's, so its plotting calls are pyplot's.
 */
export const PYPLOT = String.raw`(?:matplotlib\.pyplot|matplotlib\.pylab|pylab)`;
/** pyplot's functions (and the class) that make a figure or axes to draw on: `fig, ax = plt.subplots()`, `plt.figure()`, `plt.gca()`. */
export const FIGURE_MAKERS = new RegExp(String.raw`^(${PYPLOT}\.(subplots|figure|gca|gcf|axes|subplot|subplot2grid|subplot_mosaic)|matplotlib\.figure\.Figure)$`);
/**
 * Training dashboards: visdom's client and TensorBoard's `SummaryWriter` (PyTorch's and tensorboardX's).
 * What DASHBOARD_SHOW_METHODS hand them is drawn in a window or an event file for a person to look
 * at, as a plot is; nothing the program computes reads it back.
 */
export const DASHBOARD_CLASSES = /^(visdom\.Visdom|(torch\.utils\.tensorboard|tensorboardX)(\.writer)?\.SummaryWriter)$/;
/** The methods of a dashboard (DASHBOARD_CLASSES) that show what they are handed: visdom's windows, TensorBoard's `add_*` records. */
export const DASHBOARD_SHOW_METHODS = /^(image|images|line|scatter|text|heatmap|bar|histogram|boxplot|surf|contour|matplot|add_(image|images|image_with_boxes|scalar|scalars|figure|text|histogram|pr_curve|video|audio|embedding))$/;
/** Methods of a figure, its axes or an array of axes that give more of them (`fig.add_subplot(1, 2, 1)`, `ax.twinx()`, `axes.flatten()`). */
export const FIGURE_PART_METHODS = new Set(['add_subplot', 'add_axes', 'subplots', 'subfigures', 'gca', 'twinx', 'twiny', 'inset_axes', 'flatten', 'ravel']);

/**
 * Keras callbacks of distributed-training libraries that only keep the workers in step and print
 * and write nothing: Horovod's broadcast of the first weights and its averaging of the metrics
 * over the workers (`hvd.callbacks.BroadcastGlobalVariablesCallback(0)`, `MetricAverageCallback()`).
 */
export const SILENT_SYNC_CALLBACKS = /^horovod\.(tensorflow\.)?keras\.callbacks\.(BroadcastGlobalVariablesCallback|MetricAverageCallback)$/;
