// What the server tells the user outside diagnostics. Popups are plain window/showMessage
// notifications (no reply to wait for, so a client that refuses showMessageRequest costs
// nothing), at most one per cause: one per configuration file however many problems it has,
// with the problems themselves written to the output channel.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { ProjectConfig } from './config/pyproject';

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
