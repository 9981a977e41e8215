// The files of a folder as the CLI reads them, for the tools that run the engine over real code:
// every .py and .ipynb file (the CLI's discovery), each as its document source; notebooks in
// another language, unreadable notebooks and files past the size limit are left out.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverFiles } from '../server/src/config/files';
import { parseIpynb } from '../server/src/documents/ipynb';
import { scriptSource, type DocumentSource } from '../server/src/documents/source';
import { skipReason } from '../server/src/engine/limits';

function readDocument(file: string): DocumentSource | undefined {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  if (path.extname(file) !== '.ipynb') return scriptSource(uri, text);
  try {
    const notebook = parseIpynb(uri, text);
    if (!['python', 'python3', 'ipython'].includes(notebook.language)) return undefined;
    return { uri, kind: 'notebook', version: 0, cells: notebook.cells };
  } catch {
    return undefined; // not a notebook the CLI would analyse either
  }
}

/** The documents of `folder` the CLI would analyse, with the file each comes from. */
export function folderSources(folder: string, maxFileSize: number): { file: string; source: DocumentSource }[] {
  const sources: { file: string; source: DocumentSource }[] = [];
  for (const file of discoverFiles([folder]).files) {
    const source = readDocument(file);
    if (source && !skipReason(source, maxFileSize)) sources.push({ file, source });
  }
  return sources;
}
