// What pytest seeds before a test module's tests run, read from the `conftest.py` files it loads
// first: a seed at a conftest's top level runs when pytest imports it, before any test; an autouse
// fixture, or a hook such as `pytest_runtest_setup`, seeds before each test; any other fixture
// seeds before the tests that ask for it by name (a parameter of the test function).
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { parameterName } from '../../semantics/definitions';
import { isTestModule } from '../../documents/testModules';
import { enclosingFunction, outermostFunction } from '../../semantics/nodes';
import { pytestFixture } from './returnedValues';
import { seedings, type Library } from './seeding';
import { fixtureHandsNewDirectory } from './testTempDirs';

export interface TestSetup {
  /** Libraries seeded before every test ('all' for a helper that may seed any, `set_seed(0)`). */
  seeded: ReadonlySet<Library | 'all'>;
  /** Fixtures that seed, by name, with the libraries they seed. */
  fixtures: ReadonlyMap<string, ReadonlySet<Library | 'all'>>;
  /**
   * Fixtures that hand their tests a path under a directory made new in the run (`tmp_path_factory.mktemp`,
   * their own `tmp_path`), by name: the fixture of the conftest nearest the module, as pytest picks it.
   */
  newDirectoryFixtures: ReadonlySet<string>;
}

/** Hooks pytest calls before the tests run (or before each one). */
const SETUP_HOOKS = /^pytest_(configure|sessionstart|collection_finish|runtest_setup|runtest_call)$/;

/** The seeds of a module's conftest files (their indexes, in any order). */
export function testSetupOf(conftests: readonly SemanticIndex[]): TestSetup {
  const seeded = new Set<Library | 'all'>();
  const fixtures = new Map<string, Set<Library | 'all'>>();
  for (const index of conftests) {
    for (const seeding of seedings(index)) {
      const libraries = seeding.libraries === 'all' ? ['all' as const] : seeding.libraries;
      const fn = outermostFunction(seeding.node);
      const name = fn?.childForFieldName('name')?.text;
      const fixture = fn ? pytestFixture(index, fn) : undefined;
      if (!fn || fixture?.autouse || (name && SETUP_HOOKS.test(name))) {
        for (const library of libraries) seeded.add(library);
      } else if (fixture && name) {
        let seeds = fixtures.get(name);
        if (!seeds) fixtures.set(name, (seeds = new Set()));
        for (const library of libraries) seeds.add(library);
      }
    }
  }
  // Outermost first: a fixture of a nearer conftest overrides one of the same name further up.
  const newDirectoryFixtures = new Set<string>();
  for (const index of conftests) {
    for (const root of index.roots) {
      for (const statement of root.namedChildren) {
        const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
        if (!fn || !name || !pytestFixture(index, fn)) continue;
        if (fixtureHandsNewDirectory(index, fn)) newDirectoryFixtures.add(name);
        else newDirectoryFixtures.delete(name);
      }
    }
  }
  return { seeded, fixtures, newDirectoryFixtures };
}

/** The parameter names of the functions around `at` (a test asks for fixtures by naming them). */
function parameterNames(at: Node): Set<string> {
  const names = new Set<string>();
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      const name = parameter ? parameterName(parameter) : undefined;
      if (name) names.add(name.text);
    }
  }
  return names;
}

/** A test module's own fixtures, by index (ownFixtures). */
const ownFixturesOf = new WeakMap<SemanticIndex, ReadonlyMap<string, ReadonlySet<Library | 'all'>>>();

/**
 * The fixtures a test module defines itself, by name, with the libraries each seeds (none for one
 * that seeds nothing): pytest hands a test the fixture it names from its own module first, so such a
 * fixture seeds the tests that ask for it as a conftest's does, and hides a conftest's of that name.
 * Only fixtures count: a seed at the module's top level is ordered with its other statements.
 */
function ownFixtures(index: SemanticIndex): ReadonlyMap<string, ReadonlySet<Library | 'all'>> {
  let fixtures = ownFixturesOf.get(index);
  if (fixtures) return fixtures;
  const found = new Map<string, Set<Library | 'all'>>();
  if (isTestModule(index.doc.uri)) {
    const fixtureNodes = new Map<string, Node>();
    for (const fn of index.nodes('function_definition')) {
      const name = fn.childForFieldName('name')?.text;
      if (name && pytestFixture(index, fn)) {
        fixtureNodes.set(name, fn);
        found.set(name, new Set());
      }
    }
    if (found.size > 0) {
      for (const seeding of seedings(index)) {
        const fn = enclosingFunction(seeding.node);
        const name = fn?.childForFieldName('name')?.text;
        if (!fn || !name || fixtureNodes.get(name)?.id !== fn.id) continue;
        const seeds = found.get(name)!;
        for (const library of seeding.libraries === 'all' ? ['all' as const] : seeding.libraries) seeds.add(library);
      }
    }
  }
  ownFixturesOf.set(index, (fixtures = found));
  return fixtures;
}

/** Whether pytest's set-up (the conftest files' `setup`, or a fixture of the module itself) seeds `library` before the test that runs `at`. */
export function seededByTestSetup(setup: TestSetup | undefined, index: SemanticIndex, library: Library, at: Node): boolean {
  if (setup && (setup.seeded.has(library) || setup.seeded.has('all'))) return true;
  const own = ownFixtures(index);
  if (own.size === 0 && !setup?.fixtures.size) return false;
  for (const name of parameterNames(at)) {
    const seeds = own.get(name) ?? setup?.fixtures.get(name);
    if (seeds && (seeds.has(library) || seeds.has('all'))) return true;
  }
  return false;
}
