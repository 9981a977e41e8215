// The one table of the pandas API the model knows: readers, constructors, and which methods and
// attributes return a frame, a series, a grouping or a scalar. Read by the pandas checker
// (semantics/pandas.ts) and by the value-kind engine (semantics/values.ts).

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Module prefixes whose functions follow the pandas API. */
export const PANDAS_MODULES = ['pandas.', 'modin.pandas.'];

/** Readers that return one DataFrame (unless asked for chunks). */
export const READERS = words(`read_csv read_table read_fwf read_excel read_json read_parquet read_feather read_orc read_sql
  read_sql_query read_sql_table read_gbq read_hdf read_stata read_sas read_spss read_xml read_clipboard`);
export const FRAME_FUNCTIONS = words(`DataFrame DataFrame.from_dict DataFrame.from_records merge merge_asof merge_ordered
  get_dummies pivot_table crosstab melt json_normalize wide_to_long`);
/** Functions that return the kind of their first argument when it is pandas (else a scalar or array). */
export const ARGUMENT_KIND_FUNCTIONS = words('to_datetime to_numeric to_timedelta cut qcut');

/** Methods of a frame or series that return an object of the same kind. */
export const SAME_KIND_METHODS = words(`head tail copy dropna fillna drop rename set_index sort_values sort_index replace
  drop_duplicates astype query assign filter sample where mask interpolate ffill bfill clip abs round diff shift
  pct_change cumsum cumprod cummax cummin rank isna isnull notna notnull reindex rename_axis add_prefix add_suffix
  nlargest nsmallest isin truncate convert_dtypes infer_objects asfreq tz_localize tz_convert between combine_first
  add sub mul div truediv floordiv mod pow radd rsub rmul rdiv eq ne lt le gt ge reindex_like
  select_dtypes explode align applymap transform`);
/** Methods of a frame that return a frame. */
export const FRAME_METHODS = words('merge join pivot pivot_table melt transpose reset_index map applymap');
/** Methods that return a frame or a series (which one depends on the receiver and the arguments). */
export const PANDAS_RESULT_METHODS = words('apply map reset_index stack unstack pivot pivot_table melt merge join transpose to_frame duplicated');
/** Reductions: a frame reduces to a series, a series to a scalar (except those listed below). */
export const REDUCTIONS = words(`sum mean median std var min max count nunique prod sem skew kurt idxmax idxmin any all
  quantile mode corr cov describe value_counts agg aggregate memory_usage first last size nth cumcount ngroup`);
export const SERIES_REDUCTIONS_TO_SERIES = words('mode describe value_counts');
export const GROUPING_METHODS = words('groupby rolling expanding ewm resample');
/** Attributes of a frame that are not columns. */
export const FRAME_ATTRIBUTES = words(`shape size ndim empty values axes attrs flags style plot sparse at iat loc iloc ix
  dtypes columns index T`);
/** Names of frame methods outside the sets above: an attribute with such a name is not a column. */
export const OTHER_METHODS = words(`pop insert update equals info plot hist boxplot pipe squeeze item unique tolist keys items
  corrwith xs lookup at_time between_time first_valid_index last_valid_index asof iterrows itertuples items get
  isna isnull memory_usage`);
/** Methods that return a boolean selection. */
export const MASK_METHODS = words('isin isna isnull notna notnull between duplicated contains startswith endswith match fullmatch eq ne lt le gt ge');

/**
 * Methods that return pandas data (a frame or a series) from a frame or a series, whichever of
 * the two: the value-kind engine's `frame` covers both.
 */
export const PANDAS_DATA_METHODS: ReadonlySet<string> = new Set([...SAME_KIND_METHODS, ...FRAME_METHODS]);
