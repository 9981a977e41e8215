// analyze(document, config) -> findings: the one entry point the language server and the CLI
// share. Parse trees -> semantic index -> every enabled rule -> suppressions and severities.
import type { Range, SourceDocument } from './documents/types';
import { lineAt } from './documents/positions';
import type { DocumentSource } from './documents/source';
import { collectSuppressions, ignoreEdit, isSuppressed } from './config/suppressions';
import { effectiveSeverity, type AnalysisConfig, type ConftestSource, type ProjectModuleSource } from './config/settings';
import { scriptDocument } from './documents/build';
import { pathToFileURL } from 'node:url';
import { testSetupOf, type TestSetup } from './detectors/shared/testSetup';
import { moduleSavesOf, type ModuleSaves, type ProjectSaves } from './detectors/shared/projectSaves';
import { moduleSeedersOf, type ModuleSeeders, type ProjectSeeders } from './detectors/shared/projectSeeders';
import { tfdsBuilderNames } from './detectors/shared/tfdsBuilders';
import { RULES } from './detectors';
import type { ReportDescriptor, Rule, RuleContext } from './detectors/types';
import { checkListeners, traverse, type Subscriber } from './detectors/dispatch';
import type { Finding, RuleMeta, Severity } from './engine/types';
import type { Node } from 'web-tree-sitter';
import type { ParsedDocument } from './parsing/incremental';
import { parseOnce } from './parsing/incremental';
import { surelyNotPython } from './parsing/notPython';
import type { PythonParser } from './parsing/parser';
import { SemanticIndex } from './semantics';
import type { SyntaxTables } from './semantics/walk';
import { enclosingStatement, nodeRange } from './semantics/nodes';
import { Budget, budgeted, BudgetExceeded, type BudgetStop } from './engine/budget';

/** The registry of rules, for the front doors (the CLI lists and explains them). */
export { RULES };

export interface RuleError {
  code: string;
  message: string;
  /** 'budget' when the rule did not fail but ran out of time (or did not run for lack of it). */
  kind?: 'budget';
}

export interface AnalysisResult {
  findings: Finding[];
  /** URIs of the segments (file or cells) that parse without syntax errors. */
  cleanSegments: Set<string>;
  /** Rules that threw; the others still ran. */
  errors: RuleError[];
  timings: { indexMs: number; rulesMs: number };
  /** Set when the time budget ran out: which rule it stopped and which did not run. */
  budgetStop?: BudgetStop;
}

/** The last analysis of an open document, as the session keeps it and the features read it. */
export interface Analysis {
  source: DocumentSource;
  doc: SourceDocument;
  findings: Finding[];
  errors: RuleError[];
  config: AnalysisConfig;
  /** URIs of the segments that parse without syntax errors. */
  cleanSegments: Set<string>;
  /** Why the document was not analysed (too large, binary), if it was not. */
  skipped?: string;
  /** Set when the time budget stopped the analysis before every rule finished. */
  budgetStop?: BudgetStop;
  durationMs: number;
  /** Where durationMs went (language server): see AnalysisPhases. */
  phases?: AnalysisPhases;
}

/** An analysis' wall time by phase; `pausedMs` is the time it spent paused between steps (other events ran). */
export interface AnalysisPhases {
  parseMs: number;
  indexMs: number;
  rulesMs: number;
  pausedMs: number;
}

export interface AnalyzeOptions {
  parser: PythonParser;
  rules?: readonly Rule[];
  /** Time budget of the whole analysis in ms (see budget.ts); none when undefined. */
  budgetMs?: number;
  /** The syntax tables of the document's previous version (language server), reused where the edit left them standing. */
  tables?: SyntaxTables;
}

/** The budget of a file analysed by the CLI, where nobody waits on the thread. */
export const CLI_BUDGET_MS = 60_000;

export function analyze(parsed: ParsedDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  return runSteps(analysisSteps(parsed, config, options));
}

/** Runs an analysis given as steps to its end, on this thread, without pausing. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** One rule's part in an analysis. */
interface RuleRun {
  rule: Rule;
  context: RuleContext;
  /** What it reported: its own list, since listeners interleave and a stopped rule's findings are dropped. */
  findings: Finding[];
  /** Time spent in its code (listen, listeners, finish or check), measured when there is a budget. */
  spentMs: number;
  /** In the traversal: the rule's listeners, while it listens (`live`). */
  subscriber?: RuleSubscriber;
}

type RuleSubscriber = Subscriber & { run: RuleRun };

/**
 * The analysis as steps: it pauses (yields) after the index, after each rule's `listen`, every
 * few events of the traversal (dispatch.ts), and after each `finish` and each `check`, so the
 * language server can read new messages between them and give up an analysis a newer version
 * overtook. Run to its end, it is exactly `analyze`.
 *
 * The rules that subscribe run first, together: every one's `listen`, one traversal, then every
 * one's `finish`; the whole-document rules (`check`) run after, one by one. The time budget
 * (budget.ts) charges each rule the time spent in its own code, wherever the traversal
 * interleaves it: a rule that exhausts its share is stopped and its findings dropped, and the
 * whole budget running out stops the rules still listening (their findings would be partial)
 * and leaves the rules not yet started (their `listen` or `check` not called) not run.
 */
export function* analysisSteps(parsed: ParsedDocument, config: AnalysisConfig, options: AnalyzeOptions): Generator<void, AnalysisResult, void> {
  const { doc } = parsed;
  const started = performance.now();
  const budget = options.budgetMs === undefined ? undefined : new Budget(options.budgetMs);
  let budgetStop: BudgetStop | undefined;
  const model = new SemanticIndex(parsed, options.tables);
  const index = budget ? budgeted(model, budget) : model;
  const indexed = performance.now();
  const errors: RuleError[] = [];
  const snippetCache = new Map<string, boolean>();
  const parsesAsPython = (snippet: string): boolean => {
    if (surelyNotPython(snippet)) return false; // prose, told apart without tree-sitter's costly error recovery
    let ok = snippetCache.get(snippet);
    if (ok === undefined) {
      const tree = options.parser.parse(snippet);
      ok = !tree.rootNode.hasError;
      tree.delete();
      snippetCache.set(snippet, ok);
    }
    return ok;
  };
  const testSetup = config.conftests?.length ? testSetupFor(config.conftests, options.parser) : undefined;
  // Worked out when a rule first asks: most files that import project modules load nothing of theirs.
  const modules = config.projectModules;
  let projectSaves: ProjectSaves | undefined;
  let projectBuilders: Set<string> | undefined;
  let projectSeeders: ProjectSeeders | undefined;
  const project = modules?.length ? {
    saves: () => (projectSaves ??= projectSavesFor(modules, options.parser)),
    tfdsBuilders: () => (projectBuilders ??= projectBuildersFor(modules, options.parser)),
    seeders: () => (projectSeeders ??= projectSeedersFor(modules, options.parser)),
  } : undefined;
  // Worked out at the first finding: most files of a folder have none to filter or annotate.
  let suppressions: ReturnType<typeof collectSuppressions> | undefined;
  let multilineStrings: readonly Node[] | undefined;
  const reporting: Reporting = {
    doc,
    index,
    parsesAsPython,
    suppressions: () => (suppressions ??= collectSuppressions(doc, index.nodes('comment'))),
    // A suppression comment cannot go at the end of a line that ends inside a string.
    // Rows by binary search over the line starts, without building two points per string of the file.
    multilineStrings: () => (multilineStrings ??= index.nodes('string').filter((s) => lineAt(doc, s.startIndex) !== lineAt(doc, s.endIndex))),
  };
  const runs: RuleRun[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(config, rule.meta);
    if (severity === 'off') continue;
    if (rule.meta.notebookOnly && doc.kind !== 'notebook') continue;
    const findings: Finding[] = [];
    runs.push({ rule, findings, spentMs: 0, context: ruleContext(rule.meta, severity, findings, reporting, { testSetup, project, libraryFloors: config.libraryFloors }) });
  }

  const stopped = (): BudgetStop => (budgetStop ??= { budgetMs: budget!.budgetMs, stoppedRules: [], notRun: [] });
  const stop = (run: RuleRun): void => {
    // A rule stopped half-way may have reported what the rest of it would refute.
    run.findings.length = 0;
    if (run.subscriber) run.subscriber.live = false;
    stopped().stoppedRules.push(run.rule.meta.code);
  };
  // When there is a budget: the clock, read once per call into a rule (the end of one is the start of the next).
  let clock = 0;
  const tick = () => {
    if (budget) clock = performance.now();
  };
  /**
   * Calls `body` of a rule (with `thisArg` and `arg`: no closure per listener call): its errors
   * are isolated, its time is charged to its share. False when it threw or was stopped.
   */
  const attempt = <T, A>(run: RuleRun, body: (this: T, arg: A) => unknown, thisArg: T, arg: A): boolean => {
    try {
      body.call(thisArg, arg);
      return true;
    } catch (error) {
      if (error instanceof BudgetExceeded) stop(run);
      else {
        if (run.subscriber) run.subscriber.live = false;
        errors.push({ code: run.rule.meta.code, message: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
      return false;
    } finally {
      if (budget) {
        const now = performance.now();
        run.spentMs += now - clock;
        clock = now;
      }
    }
  };
  /** Before a rule starts: its clock starts, unless the whole budget is spent; then it is listed as not run. */
  const mayStart = (run: RuleRun): boolean => {
    tick();
    if (!budget || budget.startRule(run.spentMs, clock)) return true;
    stopped().notRun.push(run.rule.meta.code);
    return false;
  };

  // The rules that subscribe: each one's listeners, one traversal, each one's finish.
  const subscribers: RuleSubscriber[] = [];
  for (const run of runs) {
    const { rule } = run;
    const { listen } = rule;
    if (!listen) continue;
    yield;
    if (!mayStart(run)) continue;
    attempt(run, (context: RuleContext) => {
      const listeners = listen.call(rule, context);
      if (!listeners) return;
      checkListeners(listeners);
      run.subscriber = { listeners, live: true, run };
      subscribers.push(run.subscriber);
    }, undefined, run.context);
  }
  if (subscribers.length > 0) {
    yield;
    tick();
    yield* traverse(model, subscribers, {
      invoke: (subscriber, listener, payload) => {
        const { run } = subscriber as RuleSubscriber;
        // Out of its share, or the whole budget spent: the rule cannot finish, before or after this event.
        if (budget && !budget.startRule(run.spentMs, clock)) return stop(run);
        if (attempt(run, listener, subscriber.listeners, payload as never) && budget?.ruleOver(clock)) stop(run);
      },
      resumed: tick,
    });
    for (const subscriber of subscribers) {
      const { run, listeners } = subscriber;
      if (!subscriber.live || !listeners.finish) continue;
      yield;
      tick();
      if (budget && !budget.startRule(run.spentMs, clock)) stop(run);
      else attempt(run, listeners.finish, listeners, undefined);
    }
  }

  // The whole-document rules, one after the other.
  for (const run of runs) {
    const { rule } = run;
    const { check } = rule;
    if (!check) continue;
    yield;
    if (mayStart(run)) attempt(run, check, rule, run.context);
  }
  const findings = runs.flatMap((run) => run.findings);
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  const cleanSegments = new Set(parsed.trees.filter((t) => !t.tree.rootNode.hasError).map((t) => doc.segments[t.segmentIndex].uri));
  if (budgetStop) errors.push({ code: budgetStop.stoppedRules[0] ?? budgetStop.notRun[0], message: describeBudgetStop(budgetStop), kind: 'budget' });
  return { findings, errors, cleanSegments, timings: { indexMs: indexed - started, rulesMs: performance.now() - indexed }, ...(budgetStop ? { budgetStop } : {}) };
}

interface Reporting {
  doc: SourceDocument;
  index: SemanticIndex;
  parsesAsPython(snippet: string): boolean;
  suppressions(): ReturnType<typeof collectSuppressions>;
  multilineStrings(): readonly Node[];
}

/** The context of one rule: its report turns descriptors into findings, minus the suppressed ones. */
/** What a rule may know beyond the document: its test set-up, the project's modules and requirements. */
type DocumentSurroundings = Pick<RuleContext, 'testSetup' | 'project' | 'libraryFloors'>;

function ruleContext(meta: RuleMeta, severity: Severity, findings: Finding[], reporting: Reporting, { testSetup, project, libraryFloors }: DocumentSurroundings): RuleContext {
  const { doc, index, parsesAsPython, suppressions, multilineStrings } = reporting;
  const rangeOf = (place: { node?: Node; range?: Range }): Range | undefined => place.range ?? (place.node ? nodeRange(place.node) : undefined);
  // A directive on the statement's last line covers a finding on its first (a call over several lines).
  const statementEndOf = (node: Node | undefined) => (node ? enclosingStatement(node).endPosition.row : undefined);
  const suppressed = (range: Range, node: Node | undefined) => isSuppressed(suppressions(), doc, { range }, meta, () => statementEndOf(node));
  /** Adds the finding a descriptor describes at `range`, once its suppression has been checked. */
  const push = (descriptor: ReportDescriptor, range: Range): void => {
    const finding: Finding = {
      code: meta.code,
      name: meta.name,
      category: meta.category,
      severity,
      message: descriptor.message,
      range,
      tags: meta.tags ?? [],
      related: (descriptor.related ?? []).flatMap((r) => {
        const relatedRange = rangeOf(r);
        return relatedRange ? [{ range: relatedRange, message: r.message, ...(r.member ? { member: true } : {}) }] : [];
      }),
    };
    if (descriptor.fix) {
      if (!meta.fix) throw new Error(`${meta.code} offered a fix but declares none`);
      finding.fix = { title: descriptor.fix.title, edits: descriptor.fix.edits, safety: descriptor.fix.safety ?? meta.fix.safety };
    }
    const edit = ignoreEdit(doc, multilineStrings(), finding, meta.code, statementEndOf(descriptor.node));
    if (edit) finding.ignoreEdit = edit;
    findings.push(finding);
  };
  const placed = (place: { node?: Node; range?: Range }): Range => {
    const range = rangeOf(place);
    if (!range) throw new Error(`${meta.code} reported a finding without a node or range`);
    return range;
  };
  return {
    doc,
    index,
    meta,
    parsesAsPython,
    ...(testSetup ? { testSetup } : {}),
    ...(project ? { project } : {}),
    ...(libraryFloors ? { libraryFloors } : {}),
    report(descriptor) {
      const range = placed(descriptor);
      if (!suppressed(range, descriptor.node)) push(descriptor, range);
    },
    reportGroup(group) {
      // Each member is suppressed on its own lines; the message and the fix are built from those left.
      const left = group.members.filter((member) => !suppressed(placed(member), member.node));
      const lead = left.findIndex((member) => !member.leads || member.leads());
      if (lead < 0) return;
      const members = [left[lead], ...left.slice(0, lead), ...left.slice(lead + 1)];
      const [place, ...others] = members;
      const fix = group.fix?.(members);
      push({
        node: place.node,
        message: group.message(members),
        related: [...others.map((member) => ({ node: member.node, range: member.range, message: member.related, member: true })), ...(group.related ?? [])],
        ...(fix ? { fix } : {}),
      }, placed(place));
    },
  };
}

/** What project modules save, by their text: the files of one folder import the same helpers. */
const moduleSaves = new Map<string, ModuleSaves>();

/** The saves of the project modules a file imports, by their names there (see detectors/shared/projectSaves.ts). */
function projectSavesFor(modules: readonly ProjectModuleSource[], parser: PythonParser): ProjectSaves {
  const saves = new Map<string, ModuleSaves>();
  for (const module of modules) {
    // What a module saves depends on the modules it imports too (a class that saves through another's object).
    const key = module.imports?.length ? JSON.stringify([module.text, ...module.imports.map((imported) => [imported.name, imported.text])]) : module.text;
    const imported = () => (module.imports?.length ? projectSavesFor(module.imports, parser) : undefined);
    saves.set(module.name, moduleSummary(moduleSaves, key, module, parser, (index) => moduleSavesOf(index, imported())));
  }
  return saves;
}

/** What `work` finds in a project module, worked out once per key (the module's text, at least) and kept. */
function moduleSummary<T>(cache: Map<string, T>, key: string, module: ProjectModuleSource, parser: PythonParser, work: (index: SemanticIndex) => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const { parsed, dispose } = parseOnce(parser, scriptDocument(pathToFileURL(module.path).href, module.text));
  let found: T;
  try {
    found = work(new SemanticIndex(parsed));
  } finally {
    dispose();
  }
  if (cache.size >= 128) cache.clear();
  cache.set(key, found);
  return found;
}

/** The TFDS builders project modules define, by their texts (see detectors/shared/tfdsBuilders.ts). */
const moduleBuilders = new Map<string, string[]>();

/** The dataset names the TFDS builders of the project modules a file reads register. */
function projectBuildersFor(modules: readonly ProjectModuleSource[], parser: PythonParser): Set<string> {
  // The path is part of the key: a `Builder` class is named after its module's folder.
  return new Set(modules.flatMap((module) => moduleSummary(moduleBuilders, `${module.path}\u0000${module.text}`, module, parser, tfdsBuilderNames)));
}

/** What project modules' functions seed, by the modules' texts (see detectors/shared/projectSeeders.ts). */
const moduleSeeders = new Map<string, ModuleSeeders>();

/** The seeding functions of the project modules a file imports, by the modules' names there. */
function projectSeedersFor(modules: readonly ProjectModuleSource[], parser: PythonParser): ProjectSeeders {
  return new Map(modules.map((module) => [module.name, moduleSummary(moduleSeeders, module.text, module, parser, moduleSeedersOf)]));
}

/** Test set-ups worked out from conftest files, by their text: the files of one folder share them. */
const testSetups = new Map<string, TestSetup>();

/** What a test module's conftest files seed before its tests (see detectors/shared/testSetup.ts). */
function testSetupFor(conftests: readonly ConftestSource[], parser: PythonParser): TestSetup {
  const key = JSON.stringify(conftests.map((c) => c.text));
  let setup = testSetups.get(key);
  if (!setup) {
    const indexes: SemanticIndex[] = [];
    const parsed = conftests.map((conftest) => parseOnce(parser, scriptDocument(pathToFileURL(conftest.path).href, conftest.text)));
    try {
      for (const { parsed: tree } of parsed) indexes.push(new SemanticIndex(tree));
      setup = testSetupOf(indexes);
    } finally {
      for (const { dispose } of parsed) dispose();
    }
    if (testSetups.size >= 64) testSetups.clear();
    testSetups.set(key, setup);
  }
  return setup;
}

/** One sentence naming the rule that ran out of time and the rules that did not run. */
export function describeBudgetStop(stop: BudgetStop): string {
  const seconds = stop.budgetMs >= 1000 ? `${Number((stop.budgetMs / 1000).toFixed(1))} s` : `${stop.budgetMs} ms`;
  const rules = stop.stoppedRules.join(', ');
  const stopped = stop.stoppedRules.length
    ? `${rules} ran out of ${stop.stoppedRules.length === 1 ? 'its' : 'their'} share of the ${seconds} time budget for this file and ${stop.stoppedRules.length === 1 ? 'was' : 'were'} stopped (${stop.stoppedRules.length === 1 ? 'its' : 'their'} findings are missing)`
    : `the ${seconds} time budget for this file ran out before ${stop.notRun[0]} started`;
  const notRun = stop.notRun.length ? `; ${stop.notRun.length} rule(s) did not run: ${stop.notRun.join(', ')}` : '';
  return `${stopped}${notRun}. The other findings are complete.`;
}

/** Parses and analyses a document that is not kept open (CLI, tests). */
export function analyzeDocument(doc: SourceDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  const { parsed, dispose } = parseOnce(options.parser, doc);
  try {
    return analyze(parsed, config, { budgetMs: CLI_BUDGET_MS, ...options });
  } finally {
    dispose();
  }
}

export function ruleByCode(code: string, rules: readonly Rule[] = RULES): RuleMeta | undefined {
  return rules.find((rule) => rule.meta.code === code)?.meta;
}
