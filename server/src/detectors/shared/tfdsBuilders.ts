// The TensorFlow Datasets builders a module defines, by the name TFDS registers each under: a
// project that writes its own builder (`class PortraitsNaruto(tfds.core.GeneratorBasedBuilder)`,
// built from its own files with `tfds build`) and then loads it by name reads data its code makes,
// which no release of a published dataset can change.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SemanticIndex } from '../../semantics';
import { stringValue } from '../../semantics/literals';

/** A base that makes a class a TFDS dataset builder (`tfds.core.GeneratorBasedBuilder`, `DatasetBuilder`, `BeamBasedBuilder`...). */
const BUILDER_BASE = /^tensorflow_datasets\.[\w.]*Builder$/;

/** TFDS's own `camelcase_to_snakecase`, which names a builder after its class (`PortraitsNaruto` → `portraits_naruto`). */
function snakeCase(name: string): string {
  return name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The names the module's builder classes register: a `name = "..."` set in the class body, else the
 * class's name in snake case, or, for the `Builder` class of the layout `tfds new` makes
 * (`my_dataset/my_dataset_dataset_builder.py`), the folder the module is in.
 */
export function tfdsBuilderNames(index: SemanticIndex): string[] {
  const names: string[] = [];
  for (const node of index.nodes('class_definition')) {
    const className = node.childForFieldName('name')?.text;
    if (!className || !index.classBases(node).some((base) => BUILDER_BASE.test(base))) continue;
    const named = node.childForFieldName('body')?.namedChildren.flatMap((statement) => {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      const value = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === 'name' ? assignment.childForFieldName('right') : undefined;
      const text = value ? stringValue(value) : undefined;
      return text ? [text] : [];
    })[0];
    names.push(named ?? (className === 'Builder' ? folderOf(index.doc.uri) : snakeCase(className)));
  }
  return names;
}

function folderOf(uri: string): string {
  return path.basename(path.dirname(uri.startsWith('file:') ? fileURLToPath(uri) : uri));
}
