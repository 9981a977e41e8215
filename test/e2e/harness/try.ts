// npm run try — ML Debt Lens in VS Code in a browser, for anyone without VS Code: starts
// code-server on 127.0.0.1 with the packaged .vsix installed and a fresh copy of examples/ open,
// prints the URL and serves until Ctrl+C. `npm run try -- --port 9000` picks the port (default 8080).
import * as path from 'node:path';
import { startWithExtension } from './codeServer';
import { ensureTools } from './tools';
import { packagedVsix, ROOT } from './workspace';

function requestedPort(): number {
  const flag = process.argv.indexOf('--port');
  const value = Number(flag >= 0 ? process.argv[flag + 1] : process.env.PORT ?? 8080);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`not a port: ${process.argv[flag + 1]}`);
  return value;
}

async function main(): Promise<void> {
  const port = requestedPort();
  const tools = ensureTools({ browser: false });
  const { server, workspace } = await startWithExtension(tools, path.join(ROOT, '.e2e', 'try'), packagedVsix(), { port });
  const url = server.workbenchUrl(workspace);
  const listening = new URL(server.url).port;
  console.log([
    '',
    'ML Debt Lens is running in VS Code (code-server). Open this URL in a browser:',
    '',
    `    ${url}`,
    '',
    `The workspace is a fresh copy of examples/ (${workspace}): open train_churn.py or`,
    'sales_exploration.ipynb, hover a squiggle, press Ctrl+. on it. From another machine, forward the',
    `port first (ssh -L ${listening}:127.0.0.1:${listening} this-host). Ctrl+C stops the server.`,
    '',
  ].join('\n'));
}

main().catch((error: unknown) => {
  console.error(`npm run try: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
