// The messages between the VS Code client and the server beyond LSP: the workspace's findings
// (for the Debt Explorer, the status bar and the Debt Overview), Check Workspace, Fix All and the
// rule catalogue. Types only and method names, so the client can import them without the engine.

/** One finding as the workspace views need it; positions are 0-based and local to the cell. */
export interface FindingSummary {
  code: string;
  name: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** Position of the cell among all the notebook's cells (0-based), for notebooks. */
  cell?: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** The findings of one file (a script or a whole notebook), replacing what was known before. */
export interface FileFindings {
  uri: string;
  /** 'open': from the editor's text; 'disk': from the file on disk (Check Workspace). */
  origin: 'open' | 'disk';
  findings: FindingSummary[];
}

/** A rule as the client shows it: explorer labels, overview charts, categories page. */
export interface RuleSummary {
  code: string;
  name: string;
  summary: string;
  severity: FindingSummary['severity'];
  /** In the default set at warning or error: the rules whose findings most need a look. */
  recommended: boolean;
  section: number;
  /** "§8, Reproducibility Debt". */
  categoryLabel: string;
  categoryId: string;
  fix?: { title: string; safety: 'safe' | 'unsafe' };
  /** Python that shows the debt, and the same after paying it off (when the docs have one). */
  example: string;
  fixed?: string;
}

export interface CategorySummary {
  id: string;
  section: number;
  sectionTitle: string;
  heading: string;
  summary: string;
}

export interface CatalogueResult {
  version: string;
  rules: RuleSummary[];
  categories: CategorySummary[];
}

export interface CheckWorkspaceParams {
  /** Globs (VS Code's files.exclude entries set to true, and mlDebt.exclude), relative to a folder. */
  exclude: string[];
}

export interface CheckWorkspaceResult {
  files: number;
  analysed: number;
  findings: number;
  cancelled: boolean;
  durationMs: number;
}

export interface ScanProgressParams {
  done: number;
  total: number;
}

export interface FilesChangedParams {
  changed: string[];
  deleted: string[];
}

export interface FixAllParams {
  uri: string;
}

/** The documents the user sees in an editor now: text documents, and notebooks by the notebook's URI. */
export interface VisibleDocumentsParams {
  uris: string[];
}

export const METHODS = {
  findings: 'mlDebt/findings',
  checkWorkspace: 'mlDebt/checkWorkspace',
  scanProgress: 'mlDebt/scanProgress',
  filesChanged: 'mlDebt/filesChanged',
  fixAll: 'mlDebt/fixAll',
  catalogue: 'mlDebt/catalogue',
  visibleDocuments: 'mlDebt/visibleDocuments',
} as const;
