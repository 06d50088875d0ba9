/**
 * Loading scenarios (ENGINE.md §5): read a scenario file, validate it against
 * {@link scenarioSchema}, follow its `extends` chain (files and presets) and
 * merge the chain into one {@link ResolvedScenario}. Works in a browser when
 * `readFile` is injected (no static `node:` imports).
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ReadFile, TriggerSpec } from './api-types.js';
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';
import { dirnameOf, joinPath } from './paths.js';
import { explainIssue, type ScenarioFile, scenarioSchema, showValue } from './scenario-schema.js';

/** Options for {@link loadScenario}. */
export interface ScenarioLoadOptions {
  /** Defaults to `node:fs` readFileSync (UTF-8) in Node; must be given in a browser. */
  readFile?: ReadFile;
  /** File name used in messages (and as the base of relative paths) when loading from text. Default `<text>`. */
  fileName?: string;
  /** Maps a preset name to its file path, or to its YAML text (text contains a newline); undefined when unknown. */
  resolvePreset?: (name: string) => string | undefined;
}

/** A param's uncertainty for Monte Carlo runs. */
export interface UncertaintySpec {
  range: [number, number];
  /** `uniform` unless the scenario says otherwise. */
  dist: string;
  shape?: [number, number];
}

/** A scenario with its `extends` chain merged (base first, each file overriding). */
export interface ResolvedScenario {
  /** The scenario's name: its file name without directory and extension. */
  name: string;
  description: string;
  /** Every file of the chain, root-most base first, the loaded file last. */
  files: string[];
  /** The model root: a path resolved against the file that named it, or a built-in model's name. */
  model?: string;
  set: Record<string, number>;
  paths: Record<string, Record<string, number>>;
  triggers: TriggerSpec[];
  uncertainty: Record<string, UncertaintySpec>;
  periods?: number;
  to?: string;
  dt?: number;
}

/** Reads with `node:fs` without a static import, so bundles for the browser do not pull it in. */
function nodeReadFile(path: string): string {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const fs = host.process?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  if (!fs) {
    throw new EngineError('file-not-found', `cannot read '${path}': no file system here; pass options.readFile`);
  }
  return fs.readFileSync(path, 'utf8');
}

/** Collapses `.`, `..` and repeated `/` in a POSIX-style path. */
function normalizePath(path: string): string {
  return joinPath('.', path);
}

/** True when an `extends`/`model` value is a path rather than a preset or built-in name. */
function isPathRef(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.includes('/');
}

/** One validated file of the chain. */
interface Layer {
  file: string;
  data: ScenarioFile;
  /** Position of the value at a key path (or of the key itself when `atKey`). */
  posOf(path: readonly PropertyKey[], atKey?: boolean): SourcePos;
}

function locator(doc: Document, lineCounter: LineCounter, file: string): Layer['posOf'] {
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    for (let i = 0; i < path.length; i++) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(path[i]));
        next = pair && (atKey && i === path.length - 1 ? pair.key : pair.value);
      } else if (isSeq(node)) {
        next = node.items[Number(path[i])];
      }
      if (!next) break;
      node = next;
    }
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const at = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
    return { file, line: at.line, col: at.col };
  };
}

/** Parses and validates one scenario file's text. */
function parseScenarioText(text: string, file: string): Layer {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    const what = first.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new EngineError('yaml-syntax', `YAML syntax error: ${what}`, { file, line: at.line, col: at.col });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const what = error instanceof Error ? error.message : String(error);
    throw new EngineError('yaml-syntax', `YAML error: ${what}`, { file, line: 1, col: 1 });
  }
  const posOf = locator(doc, lineCounter, file);
  if (raw === null || raw === undefined) {
    throw new EngineError(
      'bad-scenario',
      'the file is empty; a scenario is a mapping of keys such as extends:, set:, paths:',
      posOf([]),
    );
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => explainIssue(issue, raw));
    const head = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new EngineError('bad-scenario', `${head.text}${more}`, posOf(head.keyPath, head.atKey), {
      problems: problems.map((p) => p.text),
    });
  }
  return { file, data: parsed.data, posOf };
}

/** Where the next file of a chain comes from. */
interface Source {
  /** Identity used to detect cycles. */
  id: string;
  /** Name used in messages and as the base of relative paths. */
  label: string;
  /** The text, when already known (text input, text presets). */
  text?: string;
  /** Who extends this source, for messages. */
  from?: { file: string; pos: SourcePos };
}

interface ChainContext {
  readFile: ReadFile;
  resolvePreset?: (name: string) => string | undefined;
}

function readSource(source: Source, ctx: ChainContext): string {
  if (source.text !== undefined) return source.text;
  try {
    return ctx.readFile(source.label);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    const by = source.from ? ` (extended by ${source.from.file})` : '';
    throw new EngineError(
      'file-not-found',
      `cannot read scenario file '${source.label}'${by}: ${why}; check the path (relative to the extending file)`,
      source.from?.pos,
    );
  }
}

/** The source an `extends:` value names. */
function baseSource(layer: Layer, ref: string, ctx: ChainContext): Source {
  const from = { file: layer.file, pos: layer.posOf(['extends']) };
  if (isPathRef(ref)) {
    const path = joinPath(dirnameOf(layer.file), ref);
    return { id: path, label: path, from };
  }
  const target = ctx.resolvePreset?.(ref);
  if (target === undefined) {
    throw new EngineError(
      'bad-scenario',
      `unknown preset '${ref}'; to extend a file instead, give its path ending in .yaml (relative to this file)`,
      from.pos,
    );
  }
  if (target.includes('\n')) return { id: `preset:${ref}`, label: `preset:${ref}`, text: target, from };
  const path = normalizePath(target);
  return { id: path, label: path, from };
}

/** Loads a file and, recursively, its bases; returns the chain root-most first. */
function loadChain(source: Source, ctx: ChainContext, chain: string[]): Layer[] {
  if (chain.includes(source.id)) {
    const cycle = [...chain.slice(chain.indexOf(source.id)), source.id].join(' → ');
    throw new EngineError('include-cycle', `extends cycle: ${cycle}; remove one of these extends`, source.from?.pos, {
      chain: [...chain, source.id],
    });
  }
  const layer = parseScenarioText(readSource(source, ctx), source.label);
  const ref = layer.data.extends;
  if (ref === undefined) return [layer];
  return [...loadChain(baseSource(layer, ref, ctx), ctx, [...chain, source.id]), layer];
}

function scenarioName(file: string): string {
  if (file === '<text>') return 'scenario';
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/^preset:/, '');
  return base.replace(/\.ya?ml$/i, '') || 'scenario';
}

/** Merges a chain, base first: later files win key by key; triggers concatenate. */
function mergeLayers(layers: Layer[]): ResolvedScenario {
  const top = layers[layers.length - 1];
  const out: ResolvedScenario = {
    name: scenarioName(top.file),
    description: '',
    files: layers.map((l) => l.file),
    set: {},
    paths: {},
    triggers: [],
    uncertainty: {},
  };
  for (const { file, data } of layers) {
    if (data.description !== undefined) out.description = data.description;
    if (data.model !== undefined) {
      out.model = isPathRef(data.model) ? joinPath(dirnameOf(file), data.model) : data.model;
    }
    Object.assign(out.set, data.set);
    for (const [name, points] of Object.entries(data.paths ?? {})) out.paths[name] = { ...points };
    for (const t of data.triggers ?? []) {
      const trigger: TriggerSpec = { when: t.when, set: { ...t.set } };
      if (t.sustain !== undefined) trigger.sustain = t.sustain;
      if (t.latch !== undefined) trigger.latch = t.latch;
      out.triggers.push(trigger);
    }
    for (const [name, u] of Object.entries(data.uncertainty ?? {})) {
      const spec: UncertaintySpec = { range: [u.range[0], u.range[1]], dist: u.dist ?? 'uniform' };
      if (u.shape) spec.shape = [u.shape[0], u.shape[1]];
      out.uncertainty[name] = spec;
    }
    if (data.periods !== undefined) {
      out.periods = data.periods;
      delete out.to;
    }
    if (data.to !== undefined) {
      out.to = data.to;
      delete out.periods;
    }
    if (data.dt !== undefined) out.dt = data.dt;
  }
  return out;
}

/**
 * Loads a scenario: `pathOrText` is YAML text when it contains a newline,
 * otherwise a file path. Follows `extends` (a path ending in .yaml/.yml or
 * containing '/' is relative to the extending file; anything else is a preset
 * name for `options.resolvePreset`) and merges the chain, base first.
 * Throws EngineError: `yaml-syntax` (with file:line:col), `bad-scenario`
 * (schema errors name the key path, the value and what is allowed; unknown
 * presets), `include-cycle` (names the chain), `file-not-found`.
 */
export function loadScenario(pathOrText: string, options: ScenarioLoadOptions = {}): ResolvedScenario {
  const ctx: ChainContext = { readFile: options.readFile ?? nodeReadFile, resolvePreset: options.resolvePreset };
  const isText = pathOrText.includes('\n');
  const label = isText ? (options.fileName ?? '<text>') : pathOrText;
  const id = label === '<text>' ? label : normalizePath(label);
  const source: Source = isText ? { id, label, text: pathOrText } : { id, label };
  return mergeLayers(loadChain(source, ctx, []));
}

/**
 * Applies the CLI's `--set NAME=VALUE` overrides, which win over everything:
 * each named param gets the value, and loses any time path, trigger setting
 * (triggers left with nothing to set are dropped) and uncertainty range the
 * scenario gave it. Returns a new scenario; `s` is not changed.
 */
export function applySetOverrides(s: ResolvedScenario, sets: Record<string, number>): ResolvedScenario {
  for (const [name, value] of Object.entries(sets)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new EngineError('bad-scenario', `--set ${name}: expected a finite number, got ${showValue(value)}`);
    }
  }
  const pinned = new Set(Object.keys(sets));
  const keep = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([name]) => !pinned.has(name)));
  const triggers = s.triggers.map((t) => ({ ...t, set: keep(t.set) })).filter((t) => Object.keys(t.set).length > 0);
  return {
    ...s,
    files: [...s.files],
    set: { ...s.set, ...sets },
    paths: keep(s.paths),
    triggers,
    uncertainty: keep(s.uncertainty),
  };
}
