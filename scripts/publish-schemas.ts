/**
 * Writes the published JSON Schemas from their zod sources, so editors and
 * other tools validate scenario files exactly as the engine does:
 *
 *   npx tsx scripts/publish-schemas.ts
 *
 * writes `schemas/scenario.schema.json` and `schemas/sweep.schema.json`, formatted by Biome so `biome ci`
 * stays clean. A test fails when a committed schema differs from the one
 * the code defines.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweepJsonSchema } from '../packages/distributed/src/sweep-spec.js';
import { scenarioJsonSchema } from '../packages/engine/src/scenario-schema.js';

/** The repository root (this script lives in `scripts/`). */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Serialises a schema as the committed file holds it (2-space JSON, trailing newline). */
export function schemaFileText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Formats written files the way the repository's Biome config wants them (skipped when Biome is missing). */
function formatWithBiome(paths: string[]): void {
  const biome = join(root, 'node_modules', '.bin', 'biome');
  try {
    execFileSync(biome, ['format', '--write', ...paths], { cwd: root, stdio: 'ignore' });
  } catch {
    console.warn('biome not available; the schema is written as plain JSON');
  }
}

/** Writes every published schema under `schemas/`; returns the paths written. */
export function publishSchemas(outDir = join(root, 'schemas')): string[] {
  mkdirSync(outDir, { recursive: true });
  const targets: [string, object][] = [
    [join(outDir, 'scenario.schema.json'), scenarioJsonSchema()],
    [join(outDir, 'sweep.schema.json'), sweepJsonSchema()],
  ];
  for (const [target, schema] of targets) writeFileSync(target, schemaFileText(schema));
  formatWithBiome(targets.map(([target]) => target));
  return targets.map(([target]) => target);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of publishSchemas()) console.log(`wrote ${path}`);
}
