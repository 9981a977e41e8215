// The project modules' own seeding helpers (AnalysisConfig.projectModules): a function of an
// imported module whose body seeds a library's generator seeds it for the file that calls it,
// whatever it is named (`set_deterministic_mode()`, `init_env()`), and a module that seeds as it is
// imported seeds for the file that imports it. The file shows the call; the module shows the seed.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { enclosingFunction, outermostFunction } from '../../semantics/nodes';
import { noneDefaultSeed, seedings, type Library, type Seeding } from './seeding';
import { callTarget, unboundImports } from './projectSaves';

/** What calling a module's function (or importing the module, under the name '') seeds. */
export interface ModuleSeeder {
  libraries: readonly Library[] | 'all';
  /**
   * The parameter the seed is read from when it defaults to `None` (`def fix(seed=None):
   * np.random.seed(seed)`): called without it, the helper reseeds from the operating system.
   */
  needs?: { name: string; position: number };
}

/** A module's seeding functions by name, and '' when importing it seeds. */
export type ModuleSeeders = ReadonlyMap<string, ModuleSeeder>;

/** The seeders of each project module a file imports, by the module's name as the file imports it. */
export type ProjectSeeders = ReadonlyMap<string, ModuleSeeders>;

/** The function defined at the module's top level that holds `node` (not a method, not a nested helper). */
function topLevelFunction(node: Node): Node | undefined {
  const fn = outermostFunction(node);
  const definition = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
  return definition?.parent?.type === 'module' ? fn : undefined;
}

/** The parameter of `fn` that `seed` reads when that parameter defaults to `None`. */
function noneDefaultParameter(index: SemanticIndex, fn: Node, seed: Node | undefined): ModuleSeeder['needs'] {
  const parameter = noneDefaultSeed(index, seed);
  if (!parameter || !seed) return undefined;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const position = parameters.findIndex((candidate) => candidate?.startIndex === parameter.startIndex);
  return position >= 0 ? { name: seed.text, position } : undefined;
}

function merged(a: ModuleSeeder['libraries'], b: ModuleSeeder['libraries']): ModuleSeeder['libraries'] {
  return a === 'all' || b === 'all' ? 'all' : [...new Set([...a, ...b])];
}

/**
 * The module's top-level functions that seed, directly or by calling another such function of the
 * module unconditionally given what it needs, and what importing the module seeds (its top-level seeds).
 */
export function moduleSeedersOf(index: SemanticIndex): ModuleSeeders {
  const seeders = new Map<string, ModuleSeeder>();
  const add = (name: string, seeder: ModuleSeeder) => {
    const known = seeders.get(name);
    // A seed that always holds wins over one that needs its parameter.
    if (!known) seeders.set(name, seeder);
    else seeders.set(name, { libraries: merged(known.libraries, seeder.libraries), ...(known.needs && seeder.needs ? { needs: known.needs } : {}) });
  };
  for (const seeding of seedings(index)) {
    if (!enclosingFunction(seeding.node)) {
      add('', { libraries: seeding.libraries });
      continue;
    }
    const fn = topLevelFunction(seeding.node);
    const name = fn?.childForFieldName('name')?.text;
    if (!fn || !name) continue;
    const needs = noneDefaultParameter(index, fn, seeding.seed);
    add(name, { libraries: seeding.libraries, ...(needs ? { needs } : {}) });
  }
  // A helper that calls another seeding helper of the module (`def setup(): fix_seeds(0)`) seeds too.
  for (let changed = true, rounds = 0; changed && rounds < 4; rounds++) {
    changed = false;
    for (const call of index.calls) {
      if (call.callee.type !== 'identifier' || !seeders.has(call.callee.text)) continue;
      const resolved = index.resolve(call.callee.text, call.callee);
      if (resolved.kind !== 'local' || resolved.definition.kind !== 'def') continue;
      const callee = seeders.get(call.callee.text)!;
      if (callee.needs && !givesParameter(call, callee.needs)) continue;
      const fn = topLevelFunction(call.node);
      const name = fn?.childForFieldName('name')?.text;
      if (!name || name === call.callee.text || (seeders.has(name) && !seeders.get(name)!.needs)) continue;
      seeders.set(name, { libraries: callee.libraries });
      changed = true;
    }
  }
  return seeders;
}

/** The call passes the parameter a helper's seed is read from, by position or by name. */
function givesParameter(call: CallSite, needs: NonNullable<ModuleSeeder['needs']>): boolean {
  return call.hasSplat || call.args.length > needs.position || call.kwargs.has(needs.name);
}

/**
 * The calls of the file that run a project module's seeding function (with the seed it needs), and
 * the imports of a module that seeds as it is imported.
 */
export function projectSeedings(index: SemanticIndex, project: ProjectSeeders): Seeding[] {
  if (project.size === 0) return [];
  const found: Seeding[] = [];
  let unbound: Map<string, { module: string; name: string }> | undefined;
  const imports = () => (unbound ??= unboundImports(index, project));
  for (const call of index.calls) {
    const target = callTarget(index, call.qname, call.callee, imports);
    const seeder = target ? project.get(target.module)?.get(target.name) : undefined;
    if (seeder && target!.name && (!seeder.needs || givesParameter(call, seeder.needs))) found.push({ node: call.node, call, libraries: seeder.libraries });
  }
  for (const root of index.roots) {
    for (const statement of root.namedChildren) {
      if (statement?.type !== 'import_from_statement' && statement?.type !== 'import_statement') continue;
      const names = statement.type === 'import_from_statement'
        ? [statement.childForFieldName('module_name')]
        : statement.namedChildren.map((child) => (child?.type === 'aliased_import' ? child.childForFieldName('name') : child));
      for (const name of names) {
        const seeder = name ? project.get(name.text.replace(/\s+/g, ''))?.get('') : undefined;
        if (seeder) found.push({ node: statement, libraries: seeder.libraries });
      }
    }
  }
  return found;
}
