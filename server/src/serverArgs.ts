// What `mldebt-lsp` (dist/server.js) does with its command line before any connection exists:
// vscode-languageserver needs a transport flag and throws a stack trace without one, so a person
// who runs the binary by hand gets a usage message instead, and --version/--help work as in the CLI.
import { VERSION } from './version';

export const SERVER_USAGE = `Usage: mldebt-lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The ML Debt Lens language server (LSP 3.17) for any editor: diagnostics, hovers and quick fixes
for the hidden technical debt of ML code in Python scripts and Jupyter notebooks.
Editors start it with one transport flag; \`mldebt check\` is the command-line linter.

Options:
  --stdio            talk LSP over standard input and output
  --node-ipc         talk LSP over Node's IPC channel (VS Code's client uses this)
  --socket=PORT      talk LSP over a TCP socket on PORT
  --pipe=NAME        talk LSP over a named pipe
  --version          print the version
  -h, --help         show this help`;

/** The flags vscode-languageserver reads to choose a transport (its createConnection, node/main.js). */
function namesTransport(argv: readonly string[]): boolean {
  return argv.some((arg, i) =>
    arg === '--stdio' || arg === '--node-ipc' || /^--socket=\d+$/.test(arg) || /^--pipe=.+$/.test(arg)
    || ((arg === '--socket' || arg === '--pipe') && argv[i + 1] !== undefined));
}

/** `serve` when the arguments name a transport; otherwise what to print and the exit status. */
export function serverLaunch(argv: readonly string[]): 'serve' | { stream: 'out' | 'err'; text: string; code: number } {
  if (argv.includes('--version')) return { stream: 'out', text: VERSION, code: 0 };
  if (argv.includes('-h') || argv.includes('--help')) return { stream: 'out', text: SERVER_USAGE, code: 0 };
  if (namesTransport(argv)) return 'serve';
  return { stream: 'err', text: `mldebt-lsp: no transport given (use --stdio, --node-ipc, --socket=PORT or --pipe=NAME)\n\n${SERVER_USAGE}`, code: 2 };
}
