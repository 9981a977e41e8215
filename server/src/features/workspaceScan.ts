// The server side of the extension's workspace features: every analysis is reported to the client
// as a FileFindings summary; Check Workspace analyses the files on disk in the background; Fix All
// and the rule catalogue are answered on request. The scan yields to the event loop between
// files, so messages about open documents (typing, hovers, code actions) are served first, and an
// open document is never analysed from disk: the editor's text is the truth while it is open.
import { readFileSync, statSync } from 'node:fs';
import { decode, unreadableReason } from '../documents/encoding';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver/node';
import { analyzeDocument } from '../analyze';
import { documentConfig, filePathOf, type EditorSettings, type ProjectConfigCache } from '../config/editorSettings';
import type { ConftestCache } from '../config/conftests';
import { withProjectModules, type ProjectModuleCache } from '../config/projectModules';
import type { RequirementsCache } from '../config/requirements';
import { RULES } from '../analyze';
import type { Finding } from '../engine/types';
import { isPythonLanguage } from '../documents/build';
import { parseIpynb } from '../documents/ipynb';
import { toLocalRange } from '../documents/positions';
import { buildDocument, scriptSource, sourceText, type DocumentSource } from '../documents/source';
import type { SourceDocument } from '../documents/types';
import type { PythonParser } from '../parsing/parser';
import { skipReason } from '../engine/limits';
import type { Analysis } from '../analyze';
import { CATEGORIES, SECTIONS } from '../taxonomy/categories';
import { categoryLabel } from '../taxonomy/explain';
import { VERSION } from '../version';
import { fixAllEdit } from './codeActions';
import { toDiagnostics } from './diagnostics';
import {
  METHODS, type CatalogueResult, type CheckWorkspaceParams, type CheckWorkspaceResult, type FileFindings,
  type FilesChangedParams, type FindingSummary, type FixAllParams,
} from './workspaceProtocol';
import { workspaceFiles } from './workspaceFiles';

/** What the scan needs from the server's wiring. */
export interface WorkspaceHost {
  connection: Connection;
  parser(): Promise<PythonParser> | undefined;
  settingsFor(uri: string): Promise<EditorSettings>;
  projects: ProjectConfigCache;
  conftests: ConftestCache;
  projectModules: ProjectModuleCache;
  requirements: RequirementsCache;
  roots(): string[];
  isOpen(uri: string): boolean;
  /** Whether an open document waits for (or is in) an analysis: the scan lets it go first. */
  openWorkPending(): boolean;
  /** The latest analysis of an open document (its owner: the notebook for a cell). */
  fresh(uri: string): Promise<Analysis | undefined>;
  ownerOf(uri: string): string;
}

export function summarise(doc: SourceDocument, findings: readonly Finding[]): FindingSummary[] {
  return findings.flatMap((finding) => {
    const local = toLocalRange(doc, finding.range);
    if (!local) return [];
    return [{
      code: finding.code,
      name: finding.name,
      severity: finding.severity,
      message: finding.message,
      ...(doc.kind === 'notebook' ? { cell: local.segment.cellIndex } : {}),
      line: local.range.start.line,
      character: local.range.start.character,
      endLine: local.range.end.line,
      endCharacter: local.range.end.character,
    }];
  });
}

export function catalogue(): CatalogueResult {
  return {
    version: VERSION,
    rules: RULES.map(({ meta }) => {
      const label = categoryLabel(meta);
      return {
        code: meta.code,
        name: meta.name,
        summary: meta.docs.summary,
        severity: meta.severity,
        recommended: meta.severity === 'warning' || meta.severity === 'error',
        section: Number(/\u00a7(\d+)/.exec(label)?.[1] ?? 9),
        categoryLabel: label,
        categoryId: meta.category === 'ml-api-misuse' && meta.smell ? meta.smell.feeds : meta.category,
        ...(meta.fix ? { fix: { title: meta.fix.title, safety: meta.fix.safety } } : {}),
        example: meta.docs.example,
        ...(meta.docs.fixed ? { fixed: meta.docs.fixed } : {}),
      };
    }),
    categories: [...CATEGORIES.values()].map((c) => ({ id: c.id, section: c.section, sectionTitle: SECTIONS[c.section] ?? '', heading: c.heading, summary: c.summary })),
  };
}

/**
 * Reads a file on disk as a document source, or undefined when it cannot be read as Python or is
 * far over the size limit (not read at all: a workspace may hold huge files; a notebook's outputs
 * get room, as in the CLI's reader).
 */
function diskSource(file: string, maxFileSize: number): DocumentSource | undefined {
  const uri = pathToFileURL(file).href;
  try {
    const notebookFile = path.extname(file) === '.ipynb';
    if (statSync(file).size > (notebookFile ? Math.max(50 * 1024 * 1024, 10 * maxFileSize) : 4 * maxFileSize)) return undefined;
    const bytes = readFileSync(file);
    if (unreadableReason(bytes, notebookFile)) return undefined;
    // Decoded as the CLI decodes it (a coding declaration, a byte-order mark), so both report the same findings.
    const { text } = decode(bytes);
    if (!notebookFile) return scriptSource(uri, text);
    const notebook = parseIpynb(uri, text);
    if (!isPythonLanguage(notebook.language)) return undefined;
    return { uri, kind: 'notebook', version: 0, cells: notebook.cells };
  } catch {
    return undefined;
  }
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WorkspaceScan {
  /** Files whose findings came from disk, so a change on disk or a close refreshes them. */
  private fromDisk = new Set<string>();
  private scanned = false;
  /** The editor's exclusions of the last check, applied to files that appear later. */
  private exclude: string[] = [];

  constructor(private readonly host: WorkspaceHost) {}

  register(): void {
    const { connection } = this.host;
    connection.onRequest(METHODS.checkWorkspace, (params: CheckWorkspaceParams, token: CancellationToken) => this.checkWorkspace(params, token));
    connection.onRequest(METHODS.catalogue, () => catalogue());
    connection.onRequest(METHODS.fixAll, (params: FixAllParams) => this.fixAll(params));
    connection.onNotification(METHODS.filesChanged, (params: FilesChangedParams) => void this.filesChanged(params));
  }

  /** Called after every analysis of an open document (and with none when it is cleared). */
  reportOpen(uri: string, doc: SourceDocument | undefined, findings: readonly Finding[]): void {
    this.fromDisk.delete(uri);
    const params: FileFindings = { uri, origin: 'open', findings: doc ? summarise(doc, findings) : [] };
    void this.host.connection.sendNotification(METHODS.findings, params);
  }

  /** An open document was closed: once the workspace has been checked, its file on disk counts again. */
  closed(uri: string): void {
    if (this.scanned && uri.startsWith('file:')) void this.analyseOnDisk(uri);
    else void this.host.connection.sendNotification(METHODS.findings, { uri, origin: 'open', findings: [] } satisfies FileFindings);
  }

  private async fixAll(params: FixAllParams): Promise<{ edit: unknown; applied: number }> {
    const analysis = await this.host.fresh(this.host.ownerOf(params.uri));
    const parser = await this.host.parser();
    if (!analysis || analysis.skipped || !parser) return { edit: { changes: {} }, applied: 0 };
    return fixAllEdit(analysis.source, { parser, config: analysis.config });
  }

  private async checkWorkspace(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const started = performance.now();
    this.scanned = true;
    this.exclude = params.exclude;
    const files = this.listFiles();
    let analysed = 0;
    let findings = 0;
    for (let i = 0; i < files.length; i++) {
      await this.afterOpenWork(token);
      if (token.isCancellationRequested) return { files: files.length, analysed, findings, cancelled: true, durationMs: performance.now() - started };
      if (i % 20 === 0) void this.host.connection.sendNotification(METHODS.scanProgress, { done: i, total: files.length });
      const count = await this.analyseOnDisk(pathToFileURL(files[i]).href);
      if (count !== undefined) {
        analysed++;
        findings += count;
      }
    }
    void this.host.connection.sendNotification(METHODS.scanProgress, { done: files.length, total: files.length });
    return { files: files.length, analysed, findings, cancelled: false, durationMs: performance.now() - started };
  }

  /**
   * Background work (files from disk) waits for the open documents: pending messages (typing,
   * hovers) run first, and an open document's due analysis is not made to wait behind a file.
   */
  private async afterOpenWork(token?: CancellationToken): Promise<void> {
    await yieldToEvents();
    while (this.host.openWorkPending() && !token?.isCancellationRequested) await pause(10);
  }

  /** Analyses a closed file from disk and reports it; the number of findings, if it was analysed. */
  private async analyseOnDisk(uri: string): Promise<number | undefined> {
    await this.afterOpenWork();
    if (this.host.isOpen(uri)) return undefined;
    const file = filePathOf(uri);
    const parser = this.host.parser();
    if (!file || !parser) return undefined;
    const settings = await this.host.settingsFor(uri);
    const root = this.host.roots().find((r) => file.startsWith(r + path.sep));
    const { config: documented } = documentConfig(uri, settings, this.host.projects, root, this.host.conftests, this.host.requirements);
    const source = diskSource(file, documented.maxFileSize);
    if (!source || !settings.enable || skipReason(source, documented.maxFileSize)) {
      this.forget(uri);
      return undefined;
    }
    const config = withProjectModules(documented, this.host.projectModules, file, root, sourceText(source));
    const doc = buildDocument(source);
    let result;
    try {
      result = analyzeDocument(doc, config, { parser: await parser });
    } catch (error) {
      this.host.connection.console.error(`[ml-debt-lens] analysis of ${file} failed: ${(error as Error).message}`);
      return undefined;
    }
    // The document may have been opened while this file was read: the editor's text wins.
    if (this.host.isOpen(uri)) return undefined;
    this.fromDisk.add(uri);
    // A closed notebook's cells have no editor URIs, so its findings go to the views only.
    if (source.kind === 'script') {
      const diagnostics: Diagnostic[] = toDiagnostics(doc, result.findings, { relatedInformation: true }).get(uri) ?? [];
      void this.host.connection.sendDiagnostics({ uri, diagnostics });
    }
    void this.host.connection.sendNotification(METHODS.findings, { uri, origin: 'disk', findings: summarise(doc, result.findings) } satisfies FileFindings);
    return result.findings.length;
  }

  private forget(uri: string): void {
    if (!this.fromDisk.delete(uri)) return;
    if (!uri.endsWith('.ipynb')) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
    void this.host.connection.sendNotification(METHODS.findings, { uri, origin: 'disk', findings: [] } satisfies FileFindings);
  }

  private listFiles(): string[] {
    return this.host.roots().flatMap((root) => workspaceFiles(root, this.exclude, this.host.projects));
  }

  private async filesChanged(params: FilesChangedParams): Promise<void> {
    if (!this.scanned) return;
    for (const uri of params.deleted) if (!this.host.isOpen(uri)) this.forget(uri);
    // A file the check did not see (new, or excluded) counts only if a check would take it now.
    const unknown = params.changed.filter((uri) => !this.fromDisk.has(uri));
    const taken = unknown.length ? new Set(this.listFiles().map((file) => pathToFileURL(file).href)) : new Set<string>();
    for (const uri of params.changed) {
      if (!this.fromDisk.has(uri) && !taken.has(uri)) continue;
      await this.analyseOnDisk(uri);
    }
  }
}
