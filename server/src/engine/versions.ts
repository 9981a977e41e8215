// Library versions, as the project's requirements name them (`2.6`, `2.7.1+cu124`), and what a
// rule needs of them: whether every version a project allows is at least the one a behaviour
// changed at.

/** The lowest version the project's requirements allow, per library (`{ torch: "2.6" }`). */
export interface LibraryFloors {
  torch?: string;
  /** The highest version the project's requirements allow, per library, when every mention caps it (`==1.3.0`, `<1.13`). */
  ceilings?: { torch?: VersionCeiling };
}

/** An upper bound on the versions allowed: `version` itself allowed, or only those below it (`exclusive`). */
export interface VersionCeiling {
  version: string;
  exclusive: boolean;
}

/** True when every version the ceiling allows is below `version`. */
export function allBelow(ceiling: VersionCeiling | undefined, version: string): boolean {
  if (!ceiling) return false;
  return ceiling.exclusive ? atLeast(version, ceiling.version) : !atLeast(ceiling.version, version);
}

/** A version as numbers (`2.6.0+cu124` -> [2, 6, 0]); undefined when it does not start with one. */
export function versionParts(version: string): number[] | undefined {
  const match = /^\s*v?(\d+(?:\.\d+)*)/.exec(version);
  return match ? match[1].split('.').map(Number) : undefined;
}

/** True when version `a` is at least `b` (missing parts count as 0). */
export function atLeast(a: string, b: string): boolean {
  const [x, y] = [versionParts(a), versionParts(b)];
  if (!x || !y) return false;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? 0, y[i] ?? 0];
    if (p !== q) return p > q;
  }
  return true;
}
