// What the server tells the user outside diagnostics. Popups are plain window/showMessage
// notifications (no reply to wait for, so a client that refuses showMessageRequest costs
// nothing), at most one per cause: one per configuration file however many problems it has,
// with the problems themselves written to the output channel.
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { describeBudgetStop } from '../analyze';
import type { BudgetStop } from '../engine/budget';
import type { ProjectConfig } from '../config/pyproject';
import type { SourceDocument } from '../documents/types';

export class Notices {
  private readonly shown = new Set<string>();

  constructor(private readonly connection: Connection) {}

  log(message: string): void {
    this.connection.console.log(`[ml-debt-lens] ${message}`);
  }

  /** Logs the message and shows it once per key. */
  warnOnce(key: string, message: string): void {
    if (this.shown.has(key)) return;
    this.shown.add(key);
    this.log(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  error(message: string): void {
    this.connection.console.error(`[ml-debt-lens] ${message}`);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  /** One popup per configuration file (and per set of problems), the details in the log. */
  configProblems(project: ProjectConfig | undefined): void {
    if (!project || project.problems.length === 0) return;
    const key = `config:${project.file}:${project.problems.join('\n')}`;
    if (this.shown.has(key)) return;
    for (const problem of project.problems) this.log(problem);
    const first = project.problems[0];
    const more = project.problemCount > 1 ? ` (and ${project.problemCount - 1} more problem(s): see the ML Debt Lens output)` : '';
    this.warnOnce(key, `ML Debt Lens: ${first}${more}`);
  }
}

/**
 * A diagnostic at the top of the document (its first cell) saying that the time budget stopped
 * the analysis and which rule ran out, so the user knows the findings are not all there.
 */
export function budgetDiagnostic(doc: SourceDocument, stop: BudgetStop): { uri: string; diagnostic: Diagnostic } | undefined {
  const first = doc.segments[0];
  if (!first) return undefined;
  return {
    uri: first.uri,
    diagnostic: {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'ml-debt',
      ...(stop.stoppedRules.length ? { code: stop.stoppedRules[0] } : {}),
      message: `ML Debt Lens: ${describeBudgetStop(stop)}`,
    },
  };
}
