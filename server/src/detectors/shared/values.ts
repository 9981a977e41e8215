// What a string argument holds where it is read, as far as the code shows it without running:
// a literal, a module constant, a local variable assigned a literal, or an f-string template.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { hasInterpolation, stringTemplate, stringValue } from '../../semantics/literals';

export interface StaticString {
  /** The text, with `{}` for each interpolation of an f-string. */
  value: string;
  /** True when parts are computed at run time (an f-string with `{...}`). */
  partial: boolean;
  /** The string literal it comes from. */
  literal: Node;
}

/** The string behind `expression` (following variables to their literal value), if any. */
export function staticString(index: SemanticIndex, expression: Node): StaticString | undefined {
  const value = index.valueOf(expression);
  if (value.type !== 'string' && value.type !== 'concatenated_string') return undefined;
  const exact = stringValue(value);
  if (exact !== undefined) return { value: exact, partial: false, literal: value };
  const template = stringTemplate(value);
  return template !== undefined && hasInterpolation(value) ? { value: template, partial: true, literal: value } : undefined;
}
