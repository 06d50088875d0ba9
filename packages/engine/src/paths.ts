/**
 * POSIX-style path helpers that work in a browser too (no `node:path`), used to
 * resolve `include:` and `extends:` relative to the file that names them.
 */

/** The directory part of a path (`a/b/c.yaml` → `a/b`; `c.yaml` → `.`). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

/** Joins `rel` onto `dir` and normalises `.` and `..` segments; absolute `rel` wins. */
export function joinPath(dir: string, rel: string): string {
  const joined = rel.startsWith('/') ? rel : `${dir}/${rel}`;
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && absolute) continue;
    else out.push(seg);
  }
  const body = out.join('/');
  return absolute ? `/${body}` : body || '.';
}
