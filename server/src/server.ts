// The language server: LSP wiring only. Document and notebook events go to the Session, which
// analyses; results go out as diagnostics, hovers and code actions built by features/.
// Started as `node dist/server.js --stdio` (or `--node-ipc` by the VS Code client).
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, NotebookCellKind, NotebookDocuments,
  ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type Diagnostic, type InitializeParams, type InitializeResult, type NotebookDocument,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EDITOR_SETTINGS, documentConfig, filePathOf, ProjectConfigCache, readEditorSettings, type EditorSettings } from './config/editorSettings';
import { ConftestCache } from './config/conftests';
import { ProjectModuleCache, withProjectModules } from './config/projectModules';
import { RequirementsCache } from './config/requirements';
import { RULES } from './analyze';
import type { AnalysisConfig } from './config/settings';
import { scriptSource, sourceText, type DocumentSource } from './documents/source';
import { codeActions, FIX_ALL_KIND, NOTEBOOK_FIX_ALL_KIND } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { finishOvertaken, typingPause } from './features/editScheduling';
import { hoverAt } from './features/hover';
import { logStartup } from './features/startupLog';
import { WorkspaceScan } from './features/workspaceScan';
import { METHODS, type VisibleDocumentsParams } from './features/workspaceProtocol';
import { AnalysisQueue } from './features/analysisQueue';
import { MemoryKeeper } from './memory';
import { budgetDiagnostic, Notices } from './features/notices';
import { cancelled, invalidCodeActionParams, invalidHoverParams } from './features/requestParams';
import { initParser, type PythonParser } from './parsing/parser';
import { Session, type Analysis } from './session';
import { serverLaunch } from './serverArgs';
import { VERSION } from './version';
import { markWarm } from './engine/codeCache';
import { tuneTiering } from './engine/tiering';

const launch = serverLaunch(process.argv.slice(2));
if (launch !== 'serve') {
  (launch.stream === 'out' ? process.stdout : process.stderr).write(launch.text + '\n');
  process.exit(launch.code);
}

tuneTiering();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const notebooks = new NotebookDocuments(TextDocument);
const projects = new ProjectConfigCache();
/** Test modules' conftest files (what pytest seeds before their tests), read from disk as pyproject.toml is. */
const conftests = new ConftestCache();
/** The project modules documents import (what their helpers save), read from disk as conftest files are. */
const projectModules = new ProjectModuleCache();
/** The project's requirements (which library versions it allows), read from disk as pyproject.toml is. */
const requirements = new RequirementsCache();
const notices = new Notices(connection);
const memory = new MemoryKeeper();
const RULE_METAS = RULES.map((rule) => rule.meta);
/** How long an analysis runs before it reads new messages (and may give up if the document changed). */
const SLICE_MS = 8;
/** Time budget of one analysis of one document (see budget.ts); initializationOptions.analysisBudgetMs overrides it. */
let analysisBudgetMs = 5000;

let session: Session | undefined;
let parserReady: Promise<PythonParser> | undefined;
let supportsConfiguration = false;
let supportsRelatedInformation = false;
let workspaceRoots: string[] = [];
let pushedSettings: EditorSettings = DEFAULT_EDITOR_SETTINGS;

const settingsCache = new Map<string, Promise<EditorSettings>>();
const timers = new Map<string, NodeJS.Timeout>();
/** By document: when its last change arrived (performance.now()), for the typing pause. */
const lastChange = new Map<string, number>();
const running = new Map<string, Promise<Analysis | undefined>>();
/** By document: the diagnostics last sent for each URI it publishes on (the file, or each cell), as JSON. */
const published = new Map<string, Map<string, string>>();

function log(message: string): void {
  notices.log(message);
}

process.on('uncaughtException', (error) => connection.console.error(`[ml-debt-lens] uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`[ml-debt-lens] unhandled rejection: ${(error as Error)?.stack ?? error}`));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  supportsConfiguration = !!capabilities.workspace?.configuration;
  supportsRelatedInformation = !!capabilities.textDocument?.publishDiagnostics?.relatedInformation;
  workspaceRoots = (params.workspaceFolders ?? []).flatMap((folder) => {
    const root = filePathOf(folder.uri);
    return root ? [root] : [];
  });
  if (workspaceRoots.length === 0 && params.rootUri) {
    const root = filePathOf(params.rootUri);
    if (root) workspaceRoots.push(root);
  }
  const options = params.initializationOptions as { settings?: unknown; analysisBudgetMs?: unknown } | undefined;
  if (options?.settings) pushedSettings = readEditorSettings(options.settings);
  if (typeof options?.analysisBudgetMs === 'number' && options.analysisBudgetMs > 0) analysisBudgetMs = options.analysisBudgetMs;
  parserReady = initParser();
  parserReady.then((parser) => (session = new Session(parser)), (error) => {
    notices.error(`ML Debt Lens could not start its Python parser: ${(error as Error)?.message ?? error}`);
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' } }], save: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, NOTEBOOK_FIX_ALL_KIND] },
    },
    serverInfo: { name: 'ml-debt-lens', version: VERSION },
  };
});

connection.onInitialized(() => {
  logStartup(connection, workspaceRoots, projects);
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlDebt' });
});

// ---- settings ------------------------------------------------------------------------------

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!supportsConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'mlDebt' }).then(readEditorSettings, () => DEFAULT_EDITOR_SETTINGS);
    settingsCache.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  const pushed = (change.settings as { mlDebt?: unknown } | undefined)?.mlDebt;
  if (pushed) pushedSettings = readEditorSettings(pushed);
  reanalyseAll();
});

connection.onDidChangeWatchedFiles(() => {
  projects.clear();
  conftests.clear();
  projectModules.clear();
  requirements.clear();
  reanalyseAll();
});

function reanalyseAll(): void {
  for (const doc of documents.all()) schedule(doc.uri, 0);
  for (const cell of notebooks.cellTextDocuments.all()) {
    const notebook = notebooks.findNotebookDocumentForCell(cell.uri);
    if (notebook) schedule(notebook.uri, 0);
  }
}

// ---- documents -----------------------------------------------------------------------------

function notebookSource(notebook: NotebookDocument): DocumentSource {
  return {
    uri: notebook.uri,
    kind: 'notebook',
    version: notebook.version,
    cells: notebook.cells.map((cell) => {
      const text = notebooks.getCellTextDocument(cell);
      const order = cell.executionSummary?.executionOrder;
      return {
        uri: cell.document,
        kind: cell.kind === NotebookCellKind.Code ? 'code' : 'markup',
        language: text?.languageId ?? 'python',
        text: text?.getText() ?? '',
        ...(typeof order === 'number' ? { executionOrder: order } : {}),
      };
    }),
  };
}

function currentSource(uri: string): DocumentSource | undefined {
  const notebook = notebooks.getNotebookDocument(uri);
  if (notebook) return notebookSource(notebook);
  const doc = documents.get(uri);
  return doc ? scriptSource(uri, doc.getText(), doc.version) : undefined;
}

/** The document (script or notebook) a URI belongs to: a cell maps to its notebook. */
function ownerOf(uri: string): string {
  return notebooks.findNotebookDocumentForCell(uri)?.uri ?? uri;
}

function workspaceRootOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file ? workspaceRoots.find((root) => file.startsWith(root + path.sep)) : undefined;
}

/** Schedules the analysis of a document that changed now: at once, or after the typing pause while changes keep coming. */
/**
 * The version each text document was opened at, until its first change: the text documents'
 * change event fires for the open too, and a second run scheduled for the same text would give up
 * the first one at its first pause and queue the document again behind those opened after it.
 */
const openedVersions = new Map<string, number>();

function edited(uri: string, settings: Promise<EditorSettings>): void {
  const opened = openedVersions.get(uri);
  openedVersions.delete(uri);
  if (opened !== undefined && opened === versionOf(uri)) return;
  const now = performance.now();
  memory.edited();
  const delay = typingPause(lastChange.get(uri), now);
  lastChange.set(uri, now);
  void settings.then((current) => {
    if (current.run === 'onType') schedule(uri, delay);
  });
}

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => {
    timers.delete(uri);
    void run(uri);
  }, delay));
}

/** Analyses now if an analysis is due, and returns the latest analysis. */
async function fresh(uri: string): Promise<Analysis | undefined> {
  if (timers.has(uri)) {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    return run(uri);
  }
  const inFlight = running.get(uri);
  if (inFlight) return inFlight;
  const latest = session?.latest(uri);
  if (latest && latest.source.version === versionOf(uri)) return latest;
  return run(uri);
}

function run(uri: string): Promise<Analysis | undefined> {
  const previous = running.get(uri) ?? Promise.resolve(undefined);
  const next = previous.then(() => analyseAndPublish(uri)).finally(() => memory.afterWork()).catch((error) => {
    connection.console.error(`[ml-debt-lens] analysis of ${uri} failed: ${(error as Error)?.stack ?? error}`);
    return undefined;
  });
  running.set(uri, next);
  void next.finally(() => {
    if (running.get(uri) === next) running.delete(uri);
  });
  return next;
}

async function analyseAndPublish(uri: string): Promise<Analysis | undefined> {
  if (!parserReady) return undefined;
  await parserReady;
  const settings = await settingsFor(uri);
  const source = currentSource(uri);
  if (!source || !session) return undefined;
  if (!settings.enable) {
    publish(uri, emptyDiagnostics(source));
    return undefined;
  }
  const documented = documentConfig(uri, settings, projects, workspaceRootOf(uri), conftests, requirements);
  const { project } = documented;
  const config = withProjectModules(documented.config, projectModules, filePathOf(uri), workspaceRootOf(uri), sourceText(source));
  notices.configProblems(project);
  const analysis = await analysisQueue.run(uri, () => analyseInSlices(uri, source, config));
  if (!analysis) return session?.latest(uri);
  await yieldToEvents();
  // Overtaken but finished (see analyseInSlices): published unless the document was closed.
  if (!isOpen(uri)) return analysis;
  if (analysis.skipped) {
    notices.warnOnce(`${uri}:${analysis.skipped}`, `ML Debt Lens skipped ${displayName(uri)}: ${analysis.skipped}.`);
    publish(uri, emptyDiagnostics(source));
    return analysis;
  }
  for (const error of analysis.errors) {
    if (error.kind === 'budget') log(`${displayName(uri)}: ${error.message}`);
    else connection.console.error(`[ml-debt-lens] rule ${error.code} failed on ${uri}: ${error.message}`);
  }
  const diagnostics = toDiagnostics(analysis.doc, analysis.findings, { relatedInformation: supportsRelatedInformation });
  const stopped = analysis.budgetStop && budgetDiagnostic(analysis.doc, analysis.budgetStop);
  if (stopped) diagnostics.set(stopped.uri, [stopped.diagnostic, ...(diagnostics.get(stopped.uri) ?? [])]);
  publish(uri, diagnostics, source.kind === 'script' ? source.version : undefined);
  log(`${displayName(uri)}: ${analysis.findings.length} finding(s) in ${analysis.durationMs.toFixed(1)} ms${phasesText(analysis)}`);
  workspace.reportOpen(uri, analysis.doc, analysis.findings);
  markWarm();
  return analysis;
}

/** Where an analysis' time went, for the output channel (and bench:latency, which reads it). */
function phasesText({ phases }: Analysis): string {
  if (!phases) return '';
  const ms = (value: number) => value.toFixed(1);
  return ` (parse ${ms(phases.parseMs)}, index ${ms(phases.indexMs)}, rules ${ms(phases.rulesMs)}, paused ${ms(phases.pausedMs)} ms)`;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** True when `source` is still the document's text: no newer version is open or waiting to be analysed. */
function isCurrent(uri: string, source: DocumentSource): boolean {
  return !timers.has(uri) && versionOf(uri) === source.version;
}

/** The open version of a document, without building its source (a notebook's would read every cell). */
function versionOf(uri: string): number | undefined {
  return (notebooks.getNotebookDocument(uri) ?? documents.get(uri))?.version;
}

function isOpen(uri: string): boolean {
  return versionOf(uri) !== undefined;
}

/** The documents shown in an editor now, as the client last said (`mlDebt/visibleDocuments`). */
const shownDocuments = new Set<string>();

/** Analyses run one at a time, those of shown documents first (see AnalysisQueue). */
const analysisQueue = new AnalysisQueue((uri) => shownDocuments.has(uri));

connection.onNotification(METHODS.visibleDocuments, (params: VisibleDocumentsParams | undefined) => {
  shownDocuments.clear();
  for (const uri of Array.isArray(params?.uris) ? params.uris : []) if (typeof uri === 'string') shownDocuments.add(uri);
});

/**
 * Analyses the document's version `source` in slices: between them, messages that came in are
 * read. If one of them was an edit of this document, the rest is given up (undefined) and the run
 * due for the edit publishes instead, unless this analysis is far enough along to finish first
 * (finishOvertaken): then its version is published and the newer one analysed right after.
 */
async function analyseInSlices(uri: string, source: DocumentSource, config: AnalysisConfig): Promise<Analysis | undefined> {
  // Messages already received are read first: an editor may send one action as several changes.
  await yieldToEvents();
  // A newer version arrived while this one waited (for settings, or for another analysis).
  if (!session || !isCurrent(uri, source)) return undefined;
  const expectedMs = session.latest(uri)?.durationMs;
  const started = performance.now();
  const steps = session.analysisSteps(source, config, { budgetMs: analysisBudgetMs });
  for (let slice = started, step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - slice < SLICE_MS) continue;
    await yieldToEvents();
    if (!isOpen(uri) || (!isCurrent(uri, source) && !finishOvertaken(performance.now() - started, expectedMs))) {
      steps.return(undefined as never);
      return undefined;
    }
    slice = performance.now();
  }
}

/** An empty list for every URI the document publishes on (the file, or each code cell). */
function emptyDiagnostics(source: DocumentSource): Map<string, Diagnostic[]> {
  const uris = source.kind === 'script' ? [source.uri] : source.cells.filter((c) => c.kind === 'code').map((c) => c.uri);
  return new Map(uris.map((uri) => [uri, []]));
}

/**
 * Sends a document's diagnostics. A notebook publishes on each cell, but an edit changes the
 * diagnostics of a few: a cell whose list is the same as last sent is not sent again (a
 * 300-cell notebook would otherwise send 300 messages per keystroke). A script's list carries
 * its version and is always sent.
 */
function publish(uri: string, byUri: Map<string, Diagnostic[]>, version?: number): void {
  const before = published.get(uri) ?? new Map<string, string>();
  const after = new Map<string, string>();
  for (const stale of before.keys()) if (!byUri.has(stale)) void connection.sendDiagnostics({ uri: stale, diagnostics: [] });
  for (const [target, diagnostics] of byUri) {
    const json = JSON.stringify(diagnostics);
    after.set(target, json);
    if (version !== undefined && target === uri) void connection.sendDiagnostics({ uri: target, version, diagnostics });
    else if (before.get(target) !== json) void connection.sendDiagnostics({ uri: target, diagnostics });
  }
  published.set(uri, after);
}

function clear(uri: string): void {
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  lastChange.delete(uri);
  openedVersions.delete(uri);
  publish(uri, new Map());
  published.delete(uri);
  session?.close(uri);
  settingsCache.delete(uri);
  memory.afterWork();
}

function displayName(uri: string): string {
  try {
    return path.basename(uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri));
  } catch {
    return uri;
  }
}

documents.onDidOpen((event) => {
  openedVersions.set(event.document.uri, event.document.version);
  schedule(event.document.uri, 0);
});
documents.onDidChangeContent((event) => edited(event.document.uri, settingsFor(event.document.uri)));
documents.onDidSave((event) => schedule(event.document.uri, 0));
documents.onDidClose((event) => {
  clear(event.document.uri);
  workspace.closed(event.document.uri);
});

notebooks.onDidOpen((notebook) => schedule(notebook.uri, 0));
notebooks.onDidChange((event) => edited(event.notebookDocument.uri, settingsFor(event.notebookDocument.uri)));
notebooks.onDidSave((notebook) => schedule(notebook.uri, 0));
notebooks.onDidClose((notebook) => {
  clear(notebook.uri);
  workspace.closed(notebook.uri);
});

// ---- hover and code actions ------------------------------------------------------------------

connection.onHover(async (params, token) => {
  const invalid = invalidHoverParams(params);
  if (invalid) return invalid;
  const analysis = await fresh(ownerOf(params.textDocument.uri));
  const stop = await cancelled(token);
  if (stop) return stop;
  if (!analysis || analysis.skipped) return null;
  return hoverAt(analysis.doc, analysis.findings, RULE_METAS, params.textDocument.uri, params.position);
});

connection.onCodeAction(async (params, token) => {
  const invalid = invalidCodeActionParams(params);
  if (invalid) return invalid;
  const owner = ownerOf(params.textDocument.uri);
  const analysis = await fresh(owner);
  if (!analysis || analysis.skipped || !parserReady) return [];
  const settings = await settingsFor(owner);
  const stop = await cancelled(token);
  if (stop) return stop;
  return codeActions(analysis.source, analysis.doc, analysis.findings, {
    uri: params.textDocument.uri,
    range: params.range,
    diagnostics: params.context.diagnostics,
    ...(params.context.only ? { only: params.context.only } : {}),
  }, { parser: await parserReady, config: analysis.config, disableRuleComment: settings.disableRuleComment, cleanSegments: analysis.cleanSegments });
});

const workspace = new WorkspaceScan({
  connection, projects, conftests, projectModules, requirements, settingsFor, fresh, ownerOf,
  parser: () => parserReady,
  roots: () => workspaceRoots,
  isOpen,
  openWorkPending: () => timers.size > 0 || running.size > 0,
});
workspace.register();

documents.listen(connection);
notebooks.listen(connection);
connection.listen();
