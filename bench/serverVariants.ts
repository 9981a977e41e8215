// Which servers a bench starts, from its command line. By default this build, started as the VS Code
// client starts it (with its Node flags, SERVER_EXEC_ARGV); a path to another build's
// dist/server.js adds that build; --node-defaults starts this build with V8's own heap settings
// instead, and --compare-node-defaults starts it both ways. Variants run alternately, so that they
// see the same machine load.

export interface ServerVariant {
  /** Shown after the figures' label when there are several variants. */
  label: string;
  /** dist/server.js of another build; this build's when undefined. */
  server?: string;
  /** Node's flags; the client's when undefined. */
  execArgv?: readonly string[];
}

export const SERVER_FLAGS = ['--node-defaults', '--compare-node-defaults'];

export function serverVariants(otherServer: string | undefined, argv: readonly string[] = process.argv): ServerVariant[] {
  const defaults: ServerVariant = { label: 'this build, V8 defaults', execArgv: [] };
  const client: ServerVariant = { label: 'this build' };
  const variants = argv.includes('--compare-node-defaults') ? [defaults, client] : argv.includes('--node-defaults') ? [defaults] : [client];
  return otherServer ? [{ label: otherServer, server: otherServer }, ...variants] : variants;
}
