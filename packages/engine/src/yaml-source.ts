/**
 * Reading YAML with positions: parse a document, report syntax errors with
 * file:line:col, and map any node back to the position of its text.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';

/** A parsed YAML file that can locate its nodes. */
export interface YamlSource {
  file: string;
  root: YAMLMap;
  /** Position of a node's text (inside the quotes for quoted scalars). */
  posOf(node: unknown): SourcePos;
}

/**
 * Parses `text` as a YAML mapping. Throws `yaml-syntax` with the position of
 * the first error, or `schema` when the document is not a mapping.
 */
export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    const what = first.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new EngineError('yaml-syntax', `YAML syntax error: ${what}`, { file, line: at.line, col: at.col });
  }
  const posOf = (node: unknown): SourcePos => {
    const range = (node as Node | undefined)?.range;
    if (!range) return { file, line: 1, col: 1 };
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const at = lineCounter.linePos(range[0] + (quoted ? 1 : 0));
    return { file, line: at.line, col: at.col };
  };
  if (!isMap(doc.contents)) {
    throw new EngineError('schema', 'a model file must be a YAML mapping of keys (name:, equations:, ...)', {
      file,
      line: 1,
      col: 1,
    });
  }
  return { file, root: doc.contents, posOf };
}

/** The key/value pairs of a YAML map, with the key node kept for positions. */
export function entriesOf(map: unknown): { key: string; keyNode: unknown; value: unknown }[] {
  if (!isMap(map)) return [];
  return map.items.map((pair) => ({
    key: String(isScalar(pair.key) ? pair.key.value : pair.key),
    keyNode: pair.key,
    value: pair.value,
  }));
}

/** Items of a YAML sequence (empty when not a sequence). */
export function itemsOf(seq: unknown): unknown[] {
  return isSeq(seq) ? seq.items : [];
}

/** The plain JS value of a node (scalars, maps and sequences converted). */
export function plain(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) return node.value;
  if (isMap(node) || isSeq(node)) return node.toJSON();
  return node;
}

export { isMap, isScalar, isSeq };
