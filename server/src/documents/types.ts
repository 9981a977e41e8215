// The one model every analysis sees, for scripts and notebooks alike. A notebook's code cells
// are joined into one virtual Python source; every finding is computed on that source and mapped
// back to its cell through the segments.

/** Zero-based line and UTF-16 column, the LSP convention (tree-sitter's web binding agrees). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `range` in the virtual source by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A script, or one cell of a notebook, placed in the virtual source. */
export interface Segment {
  /** Where findings inside this segment are published: the file URI, or the cell URI. */
  uri: string;
  /** Position of the cell among all cells of the notebook (markdown included); 0 for a script. */
  cellIndex: number;
  /** First line of the segment in the virtual source. */
  startLine: number;
  /** Number of lines; the segment's text is followed by one '\n' in the virtual source. */
  lineCount: number;
  startOffset: number;
  /** Offset just past the segment's own text (before the joining '\n'). */
  endOffset: number;
  /** Language of the cell ('python' for scripts). */
  language: string;
  /** False for cells in another language or with a non-Python cell magic (%%bash, %%sql...). */
  isPython: boolean;
  /** Name of the cell magic on the first line (`bash` for `%%bash`), if any. */
  cellMagic?: string;
  /** The execution count saved in the notebook or reported by the editor. */
  executionOrder?: number;
  /** The count is the one the cell's result keeps, the cell's own having been cleared (read from an .ipynb file). */
  countFromResult?: boolean;
  /** Whether the cell has saved outputs (known only when read from an .ipynb file). */
  hasOutputs?: boolean;
  /** Whether one of its saved outputs is an error the cell raised (known only when read from an .ipynb file). */
  raised?: boolean;
  /**
   * When the run that left its outputs happened, in milliseconds since the epoch, as Colab saves it in the
   * cell's metadata (`executionInfo.timestamp`): known only when read from an .ipynb file that keeps it.
   */
  ranAt?: number;
}

export type MagicKind = 'line-magic' | 'cell-magic' | 'shell' | 'help' | 'automagic';

/** IPython syntax found in a cell, neutralised in `SourceDocument.text`. */
export interface Magic {
  kind: MagicKind;
  /** `pip` for `%pip install x` or `!pip install x`; `bash` for `%%bash`. */
  name: string;
  /** The original text, from the `%`/`!` to the end of the (continued) line. */
  text: string;
  range: Range;
  segmentIndex: number;
}

export type DocumentKind = 'script' | 'notebook';

export interface SourceDocument {
  /** The file (script or .ipynb) URI. */
  uri: string;
  kind: DocumentKind;
  version: number;
  /** The user's code: the script, or the code cells joined by '\n'. */
  original: string;
  /** What the parser sees: `original` with IPython syntax blanked and a lone '\r' read as '\n'; same length and line starts. */
  text: string;
  segments: Segment[];
  magics: Magic[];
  /** Offset of the first character of each line of the virtual source. */
  lineStarts: number[];
  /** A notebook's markdown cells, by position among all cells: what the prose tells the reader to do. */
  markdown?: { cellIndex: number; text: string }[];
}

/** One cell as the editor or the .ipynb file gives it. */
export interface CellInput {
  uri: string;
  kind: 'code' | 'markup';
  language: string;
  text: string;
  executionOrder?: number;
  countFromResult?: boolean;
  hasOutputs?: boolean;
  raised?: boolean;
  ranAt?: number;
}
