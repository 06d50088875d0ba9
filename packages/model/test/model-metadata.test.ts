/**
 * Metadata of the compiled endgame model (issue 3 acceptance: "no parameter without unit and doc;
 * no calibration value without its key"): every param has a unit, a doc and a source that is a
 * calibration key, an ACCOUNTS.md derivation, or a declared assumption with a plausible `range`
 * (unit carriers and the time origin, which carry no behaviour, say `definition: …`); every
 * variable has a doc, including the constants calibrated by `init:` equations at t0.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { compile, loadModel } from '@endgame/engine';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const MODEL_DIR = 'packages/model/model';
const DATA_DIR = 'packages/model/data';
const compiled = compile(loadModel(`${MODEL_DIR}/endgame.yaml`));

/** Keys of the repo's calibration data (plus the additions file when it exists). */
const calibrationKeys = (): Set<string> => {
  const keys = new Set<string>();
  for (const f of ['calibration.json', 'calibration-additions.json']) {
    const path = `${DATA_DIR}/${f}`;
    if (!existsSync(path)) continue;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { key: string }[] | Record<string, unknown>;
    const list = Array.isArray(data) ? data.map((d) => d.key) : Object.keys(data);
    for (const k of list) keys.add(k);
  }
  return keys;
};

/** Every YAML file of the model (sectors and templates). */
const modelFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modelFiles(`${dir}/${e.name}`) : e.name.endsWith('.yaml') ? [`${dir}/${e.name}`] : [],
  );

/** Declared `range` of each param, by its name without a template prefix (`hh_top.u0` → `u0`). */
const declaredRanges = (): Map<string, unknown> => {
  const ranges = new Map<string, unknown>();
  for (const f of modelFiles(MODEL_DIR)) {
    const doc = parse(readFileSync(f, 'utf8')) as { params?: Record<string, { range?: unknown }> };
    for (const [name, p] of Object.entries(doc.params ?? {})) ranges.set(name, p?.range);
  }
  return ranges;
};

const KEYS = calibrationKeys();
const RANGES = declaredRanges();
const baseName = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

/** Why a param's source is not acceptable, or null when it is. */
const sourceProblem = (name: string, source: string | undefined): string | null => {
  if (!source) return 'no source';
  const firstWord = source.split(/[\s(,;]/)[0];
  if (KEYS.has(firstWord)) return null;
  if (source.startsWith('ACCOUNTS.md')) return null;
  if (source.startsWith('definition:')) return null;
  if (source.startsWith('assumption')) {
    const range = RANGES.get(baseName(name));
    return Array.isArray(range) && range.length === 2 ? null : 'an assumption without a declared range';
  }
  return `source '${source}' is neither a calibration key, an ACCOUNTS.md derivation nor an assumption`;
};

describe('endgame model metadata', () => {
  const params = compiled.slots.filter((s) => s.kind === 'param');
  const variables = compiled.slots.filter((s) => s.kind === 'variable');

  it('reads a non-trivial model and calibration file', () => {
    expect(params.length).toBeGreaterThan(100);
    expect(variables.length).toBeGreaterThan(100);
    expect(KEYS.size).toBeGreaterThan(50);
  });
  it('every param has a unit and a doc', () => {
    const missing = params.filter((p) => !p.unit || !p.doc?.trim()).map((p) => p.name);
    expect(missing).toEqual([]);
  });
  it('every param source is a calibration key, an ACCOUNTS.md derivation, a definition, or an assumption with a range', () => {
    const bad = params
      .map((p) => [p.name, sourceProblem(p.name, p.source)] as const)
      .filter(([, why]) => why !== null)
      .map(([n, why]) => `${n}: ${why}`);
    expect(bad).toEqual([]);
  });
  it('every variable (equations and init-calibrated constants) has a doc', () => {
    const missing = variables.filter((v) => !v.doc?.trim()).map((v) => v.name);
    expect(missing).toEqual([]);
  });
});
