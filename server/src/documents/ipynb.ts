// Reads the cells of an .ipynb file (nbformat 4, and 3 read as 4; the list-of-lines or string `source` forms).
import type { CellInput } from './types';

export class NotebookFormatError extends Error {}

interface RawCell {
  cell_type?: unknown;
  source?: unknown;
  execution_count?: unknown;
  outputs?: unknown;
  metadata?: { vscode?: { languageId?: unknown }; executionInfo?: { timestamp?: unknown } };
}

/** When the cell's saved run happened, as Colab records it per cell (`executionInfo.timestamp`, milliseconds since the epoch). */
function runTime(raw: RawCell): number | undefined {
  const timestamp = raw?.metadata?.executionInfo?.timestamp;
  return typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp > 0 ? timestamp : undefined;
}

/**
 * The count a cell's result keeps (nbformat gives an `execute_result` output the count of the run that produced it):
 * the notebook still records that run when a tool cleared the cell's own count.
 */
function resultCount(raw: RawCell): number | undefined {
  if (!Array.isArray(raw.outputs)) return undefined;
  for (const output of raw.outputs as { output_type?: unknown; execution_count?: unknown }[]) {
    if (output?.output_type === 'execute_result' && typeof output.execution_count === 'number' && output.execution_count > 0) return output.execution_count;
  }
  return undefined;
}

/** The synthetic URI of a cell of a notebook read from disk (the editor gives real ones). */
export function diskCellUri(notebookUri: string, cellIndex: number): string {
  return `${notebookUri}#cell=${cellIndex + 1}`;
}

export interface ParsedNotebook {
  language: string;
  cells: CellInput[];
}

interface KernelSpec {
  language?: unknown;
  name?: unknown;
  display_name?: unknown;
}

/**
 * The language of a notebook whose metadata names only its kernel (Colab writes
 * `{"name": "ir", "display_name": "R"}` and nothing else): the well-known kernels of other
 * languages, by name or display name. Any other kernel name may be a Python environment's.
 */
function kernelLanguage(spec: KernelSpec | undefined): string | undefined {
  const name = typeof spec?.name === 'string' ? spec.name.toLowerCase() : '';
  const shown = typeof spec?.display_name === 'string' ? spec.display_name : '';
  if (name === 'ir' || /^R(\s|$)/.test(shown)) return 'r';
  if (/^julia(-|$)/.test(name) || /^Julia\b/.test(shown)) return 'julia';
  if (/^(scala|spylon-kernel|almond)/.test(name)) return 'scala';
  if (name === 'bash') return 'bash';
  return undefined;
}

export function parseIpynb(notebookUri: string, json: string): ParsedNotebook {
  // An empty file (a placeholder, a download that failed) has nothing to parse: say so, not what JSON.parse says.
  if (json.trim() === '') throw new NotebookFormatError('an empty file, not notebook JSON');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new NotebookFormatError(`not valid notebook JSON (${(error as Error).message})`);
  }
  const old = data as { nbformat?: unknown; worksheets?: unknown } | null;
  if (old?.nbformat === 3 && Array.isArray(old.worksheets)) return notebookOf(notebookUri, nbformat3Cells(old.worksheets), undefined);
  if (!data || typeof data !== 'object' || !Array.isArray((data as { cells?: unknown }).cells)) {
    // nbformat 2 and earlier keep the cells in "worksheets" too, with another layout: a notebook still, in a format not read.
    const version = old?.nbformat;
    if (typeof version === 'number' && version < 4) throw new NotebookFormatError(`a notebook in nbformat ${version}, which is not read (nbformat 3 and 4 are)`);
    throw new NotebookFormatError('not a Jupyter notebook: no "cells" list (nbformat 3 and 4 are read)');
  }
  const nb = data as { cells: RawCell[]; metadata?: NotebookMetadata };
  return notebookOf(notebookUri, nb.cells, nb.metadata);
}

interface NotebookMetadata {
  kernelspec?: KernelSpec;
  language_info?: { name?: unknown; mimetype?: unknown };
}

/**
 * An nbformat 3 notebook's cells (IPython 1 to 3) in the shape of nbformat 4's: the cells of its
 * worksheets in order, a code cell's `input` as its source, its `prompt_number` as its execution
 * count, and a `pyout` output (the value the cell returned) as an `execute_result` of that count.
 * It names no kernel: IPython's, whose cells are Python (`"language": "python"` on each).
 */
function nbformat3Cells(worksheets: unknown[]): RawCell[] {
  const cells: RawCell[] = [];
  for (const sheet of worksheets) {
    const list = (sheet as { cells?: unknown } | null)?.cells;
    if (!Array.isArray(list)) continue;
    for (const raw of list as (Record<string, unknown> | null)[]) {
      if (raw?.cell_type !== 'code') {
        cells.push((raw ?? {}) as RawCell);
        continue;
      }
      const outputs = Array.isArray(raw.outputs) ? (raw.outputs as ({ output_type?: unknown; prompt_number?: unknown } | null)[]).map((output) =>
        (output?.output_type === 'pyout' ? { output_type: 'execute_result', execution_count: output.prompt_number } : output)) : raw.outputs;
      cells.push({ cell_type: 'code', source: raw.input, execution_count: raw.prompt_number, outputs });
    }
  }
  return cells;
}

function notebookOf(notebookUri: string, rawCells: readonly RawCell[], metadata: NotebookMetadata | undefined): ParsedNotebook {
  const info = metadata?.language_info;
  // A kernel may give its language its own name and still run Python: sparkmagic's PySpark kernel says "pyspark",
  // with the mimetype of Python source, and its cells are Python sent to a Spark cluster.
  // "plaintext" is what a front end writes when it knows no language for the kernel (Meta's Bento saves it beside
  // a kernelspec whose language is "python"): it names none, so the kernel's declared language decides.
  const plain = typeof info?.name === 'string' && /^(plain)?text$/i.test(info.name);
  const declared = info?.mimetype === 'text/x-python' ? 'python' : (plain ? undefined : info?.name) ?? metadata?.kernelspec?.language;
  const fallback = plain && !metadata?.kernelspec ? 'plaintext' : 'python';
  const language = typeof declared === 'string' && declared ? declared.toLowerCase() : kernelLanguage(metadata?.kernelspec) ?? fallback;
  const cells = rawCells.map((raw, index): CellInput => {
    const rawSource = raw?.source;
    const text = Array.isArray(rawSource) ? rawSource.filter((s) => typeof s === 'string').join('') : typeof rawSource === 'string' ? rawSource : '';
    const kind = raw?.cell_type === 'code' ? 'code' : 'markup';
    // VS Code's per-cell label is the editor's: Jupyter and Colab send every code cell's text to the kernel.
    // A saved execution count records that the kernel ran this one, so it is read in the kernel's language.
    const own = kind === 'code' && typeof raw.execution_count === 'number' ? raw.execution_count : undefined;
    const fromResult = kind === 'code' && own === undefined ? resultCount(raw) : undefined;
    const count = own ?? fromResult;
    const ranInKernel = count !== undefined && count > 0;
    const cellLanguage = typeof raw?.metadata?.vscode?.languageId === 'string' && !ranInKernel ? raw.metadata.vscode.languageId
      : raw?.cell_type === 'markdown' ? 'markdown' : language;
    const cell: CellInput = { uri: diskCellUri(notebookUri, index), kind, language: cellLanguage, text };
    if (kind === 'code') {
      if (count !== undefined) cell.executionOrder = count;
      if (fromResult !== undefined) cell.countFromResult = true;
      cell.hasOutputs = Array.isArray(raw.outputs) && raw.outputs.length > 0;
      if (cell.hasOutputs && (raw.outputs as { output_type?: unknown }[]).some((output) => output?.output_type === 'error')) cell.raised = true;
      const ranAt = runTime(raw);
      if (ranAt !== undefined && ranInKernel) cell.ranAt = ranAt;
    }
    return cell;
  });
  return { language, cells };
}
