// pytest's test modules, told by name: the config layer reads their conftest files, and rules
// judge a module pytest runs test by test differently from a program.
import * as path from 'node:path';

/** pytest's default test-module names (`python_files = test_*.py *_test.py`); a file path or a URI. */
export function isTestModule(file: string): boolean {
  const name = path.basename(file);
  return /^test_.*\.py$/.test(name) || /.+_test\.py$/.test(name);
}
