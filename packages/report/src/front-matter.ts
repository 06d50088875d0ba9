/**
 * The note's YAML front matter (title, scenario, comparison, run date,
 * engine and model versions, tags), written by hand: every value is a JSON
 * string or a list of them, which YAML reads as is.
 */

/** Front matter fields in order; a list becomes a YAML flow sequence. */
export type FrontMatter = [key: string, value: string | number | readonly string[]][];

/** `fields` as a `---` fenced YAML block. */
export function renderFrontMatter(fields: FrontMatter): string {
  const lines = fields.map(([key, value]) => {
    if (typeof value === 'number') return `${key}: ${value}`;
    if (typeof value === 'string') return `${key}: ${JSON.stringify(value)}`;
    return `${key}: [${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  });
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A tag as notes vaults accept it: lowercase letters, digits, `-`, `_` and `/` only. */
export function tag(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9_/-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'untitled'
  );
}

/**
 * A short fingerprint of the compiled model (FNV-1a of its generated source,
 * 8 hex digits): two reports with the same fingerprint ran the same equations.
 */
export function modelFingerprint(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
