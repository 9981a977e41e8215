// The product version, from package.json (bundled into the server and CLI at build time).
import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;
