// Checks the shape of request parameters before a handler reads them, so a client that sends
// the wrong types gets InvalidParams (-32602) with a sentence, not InternalError with a raw
// JavaScript TypeError.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}

function isRange(value: unknown): boolean {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function invalid(method: string, what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${what}`);
}

function textDocumentProblem(params: Record<string, unknown>): string | undefined {
  if (!isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') return 'textDocument.uri must be a string';
  return undefined;
}

/** Undefined when the hover parameters are well-formed; otherwise the error to answer with. */
export function invalidHoverParams(params: unknown): ResponseError<void> | undefined {
  if (!isRecord(params)) return invalid('textDocument/hover', 'the parameters must be an object');
  const problem = textDocumentProblem(params) ?? (isPosition(params.position) ? undefined : 'position must be { line, character } with non-negative integers');
  return problem ? invalid('textDocument/hover', problem) : undefined;
}

export function invalidCodeActionParams(params: unknown): ResponseError<void> | undefined {
  if (!isRecord(params)) return invalid('textDocument/codeAction', 'the parameters must be an object');
  let problem = textDocumentProblem(params) ?? (isRange(params.range) ? undefined : 'range must be { start, end } positions with non-negative integers');
  const context = params.context;
  if (!problem && (!isRecord(context) || !Array.isArray(context.diagnostics))) problem = 'context.diagnostics must be a list';
  if (!problem && isRecord(context) && context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === 'string'))) problem = 'context.only must be a list of strings';
  return problem ? invalid('textDocument/codeAction', problem) : undefined;
}

/**
 * Lets pending messages (a $/cancelRequest among them) be read, then tells whether the request
 * was cancelled: analysis is synchronous, so a cancellation that arrived during it is seen only
 * once the event loop turns.
 */
export async function cancelled(token: CancellationToken): Promise<ResponseError<void> | undefined> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled') : undefined;
}
