/**
 * Enforces ARCHITECTURE.md "Allowed imports": which workspace package may
 * import which, that no package reaches into another by relative path, and
 * that the engine depends on nothing but `yaml`, `zod` and `node:` builtins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Workspace units by folder (`packages/engine` → `engine`, `apps/web` → `web`) and what each may import. */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  model: ['engine'],
  analysis: ['engine', 'model'],
  micro: ['engine', 'model', 'analysis'],
  report: ['engine', 'model', 'analysis'],
  store: ['analysis'],
  distributed: ['analysis', 'store'],
  cli: ['engine', 'model', 'analysis', 'micro', 'report', 'store', 'distributed'],
  web: ['engine', 'model', 'analysis', 'micro', 'report'],
};

/** Third-party packages the engine may use (besides `node:` builtins). */
const ENGINE_THIRD_PARTY: readonly string[] = ['yaml', 'zod'];

/** A source file: path relative to the repository root (POSIX separators) and its text. */
interface SourceFile {
  path: string;
  text: string;
}

/** A broken rule: where and why. */
interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const IMPORT_PATTERNS: readonly RegExp[] = [
  /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every module specifier in `text` (static, dynamic, re-exports, type-only, require). */
function importSpecifiers(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) for (const match of withoutComments.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The workspace unit (`engine`, `web`, ...) a repository path belongs to, and its root folder. */
function unitOf(path: string): { unit: string; root: string } | null {
  const match = /^(packages|apps)\/([^/]+)\//.exec(path);
  return match ? { unit: match[2], root: `${match[1]}/${match[2]}` } : null;
}

/**
 * The entries a workspace package publishes: `@endgame/<unit>` plus one per
 * sub-path of its package.json `exports` (e.g. `@endgame/report/linkedom`).
 */
function publicEntries(unit: string): Set<string> {
  const entries = new Set([`@endgame/${unit}`]);
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', unit, 'package.json'), 'utf8')) as {
      exports?: Record<string, unknown>;
    };
    for (const key of Object.keys(pkg.exports ?? {})) entries.add(posix.join(`@endgame/${unit}`, key));
  } catch {
    // Not a package of packages/ (or no package.json): only the bare name is public.
  }
  return entries;
}

/** Checks one file's imports against the rules. */
function checkFile(file: SourceFile): Violation[] {
  const owner = unitOf(file.path);
  if (!owner) return [];
  const allowed = ALLOWED[owner.unit];
  const violations: Violation[] = [];
  const flag = (specifier: string, reason: string) => violations.push({ file: file.path, specifier, reason });
  if (!allowed) {
    flag('', `'${owner.unit}' is not in the allowed-imports table: add it to ARCHITECTURE.md and this test`);
    return violations;
  }
  for (const specifier of importSpecifiers(file.text)) {
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
      if (!target.startsWith(`${owner.root}/`)) {
        flag(specifier, `reaches outside ${owner.root} by relative path: import the package by name instead`);
      }
      continue;
    }
    const workspace = /^@endgame\/([^/]+)/.exec(specifier);
    if (workspace) {
      const target = workspace[1];
      if (target !== owner.unit && !allowed.includes(target)) {
        flag(specifier, `${owner.unit} may not import ${target} (allowed: ${allowed.join(', ') || 'nothing of ours'})`);
      } else if (target !== owner.unit && !publicEntries(target).has(specifier)) {
        flag(specifier, `imports a private path of @endgame/${target}: use an entry of its package.json exports`);
      }
      continue;
    }
    if (owner.unit === 'engine' && !specifier.startsWith('node:')) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!ENGINE_THIRD_PARTY.includes(name)) {
        flag(specifier, `the engine may import only ${ENGINE_THIRD_PARTY.join(', ')} and node: builtins`);
      }
    }
  }
  return violations;
}

/** Checks every file; returns all violations. */
function checkImports(files: readonly SourceFile[]): Violation[] {
  return files.flatMap(checkFile);
}

/** Every .ts/.tsx file under packages/<name>/src and apps/<name>/src. */
function collectSources(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        files.push({ path: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const group of ['packages', 'apps']) {
    let units: string[];
    try {
      units = readdirSync(join(ROOT, group));
    } catch {
      continue;
    }
    for (const unit of units) {
      try {
        walk(join(ROOT, group, unit, 'src'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') {
          throw err;
        }
      }
    }
  }
  return files;
}

describe('import boundaries (ARCHITECTURE.md "Allowed imports")', () => {
  it('holds for every source file of every package and app', () => {
    const files = collectSources();
    expect(files.some((file) => file.path.startsWith('packages/engine/src/'))).toBe(true);
    const report = checkImports(files).map((v) => `${v.file}: '${v.specifier}': ${v.reason}`);
    expect(report).toEqual([]);
  });
});

describe('the import checker itself', () => {
  it('finds static, type-only, re-exported, side-effect, dynamic and require imports, not comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '@endgame/model';",
      "export * from './c.js';",
      "export { d } from 'yaml';",
      "import 'node:fs';",
      "const e = await import('zod');",
      "const f = require('g');",
      "import {\n  h,\n  i,\n} from './multi.js';",
      "// import x from 'commented-out';",
      "/* import y from 'block-comment'; */",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(
      ['./a.js', './c.js', './multi.js', '@endgame/model', 'g', 'node:fs', 'yaml', 'zod'].sort(),
    );
  });

  it('flags forbidden package imports, relative reach-ins and third-party engine imports', () => {
    const files: SourceFile[] = [
      { path: 'packages/engine/src/a.ts', text: "import { m } from '@endgame/model';" },
      {
        path: 'packages/engine/src/b.ts',
        text: "import lodash from 'lodash';\nimport { readFileSync } from 'node:fs';",
      },
      { path: 'packages/model/src/c.ts', text: "import { parse } from '../../engine/src/parse.js';" },
      { path: 'packages/store/src/d.ts', text: "import type { X } from '@endgame/engine';" },
      { path: 'apps/web/src/e.tsx', text: "import { open } from '@endgame/store';" },
      { path: 'packages/analysis/src/f.ts', text: "import { x } from '@endgame/engine/src/solve.js';" },
      { path: 'packages/cli/src/h.ts', text: "import { x } from '@endgame/report/src/chart-svg.js';" },
      { path: 'packages/nowhere/src/g.ts', text: "import 'yaml';" },
    ];
    const found = checkImports(files).map((v) => `${v.file} ${v.specifier}`);
    expect(found).toEqual([
      'packages/engine/src/a.ts @endgame/model',
      'packages/engine/src/b.ts lodash',
      'packages/model/src/c.ts ../../engine/src/parse.js',
      'packages/store/src/d.ts @endgame/engine',
      'apps/web/src/e.tsx @endgame/store',
      'packages/analysis/src/f.ts @endgame/engine/src/solve.js',
      'packages/cli/src/h.ts @endgame/report/src/chart-svg.js',
      'packages/nowhere/src/g.ts ',
    ]);
  });

  it('accepts every import the table allows', () => {
    const files: SourceFile[] = [
      {
        path: 'packages/engine/src/a.ts',
        text: "import { parse } from 'yaml';\nimport { z } from 'zod';\nimport './b.js';",
      },
      { path: 'packages/model/src/m.ts', text: "import { loadModel } from '@endgame/engine';" },
      { path: 'packages/distributed/src/d.ts', text: "import '@endgame/analysis';\nimport '@endgame/store';" },
      { path: 'packages/cli/src/c.ts', text: "import '@endgame/store';\nimport { Command } from 'commander';" },
      { path: 'packages/cli/src/r.ts', text: "import { linkedomDocument } from '@endgame/report/linkedom';" },
      { path: 'apps/web/src/w.tsx', text: "import '@endgame/report';\nimport '../../web/src/x.js';" },
    ];
    expect(checkImports(files)).toEqual([]);
  });
});
