import { describe, expect, it } from 'vitest';
import { isFileInput, modelPathFor, resolveInput } from '../src/inputs.js';
import { defaultModelPath, defaultPresetsDir, listPresets, presetNames, resolvePreset } from '../src/presets.js';
import { FIXTURE_MODEL, FIXTURE_PRESETS } from './fixture-paths.js';

describe('presets on disk', () => {
  const options = { dir: FIXTURE_PRESETS };

  it('lists the preset files by name with one-line descriptions (folded YAML collapsed)', () => {
    const presets = listPresets(options);
    expect(presets.map((p) => p.name)).toEqual(['bad-driver', 'baseline', 'citrini-2028', 'policy-response']);
    expect(presets.find((p) => p.name === 'citrini-2028')?.description).toBe(
      'Fixture citrini-2028: fast capability growth, layoffs and an equity crash in 2027-07',
    );
  });

  it('resolves a name to its file, and unknown names to undefined', () => {
    expect(resolvePreset('baseline', options)).toBe(`${FIXTURE_PRESETS}/baseline.yaml`);
    expect(resolvePreset('nope', options)).toBeUndefined();
    expect(presetNames({ dir: `${FIXTURE_PRESETS}/no-such-folder` })).toEqual([]);
  });

  it('names the built-in model and presets folder inside this package', () => {
    expect(defaultModelPath()).toMatch(/\/packages\/model\/model\/endgame\.yaml$/);
    expect(defaultPresetsDir()).toMatch(/\/packages\/model\/presets$/);
  });
});

describe('presets from injected files (as in a browser)', () => {
  const files: Record<string, string> = {
    '/p/base.yaml': 'description: "the base"\n',
    '/p/child.yaml': 'extends: base\nset: { x: 1 }\n',
    '/p/broken.yaml': 'extends: [\n',
    '/p/notes.txt': 'not a preset',
  };
  const options = {
    dir: '/p',
    listDir: () => Object.keys(files).map((path) => path.slice(3)),
    readFile: (path: string) => {
      if (!(path in files)) throw new Error('no such file');
      return files[path];
    },
  };

  it('lists only .yaml files, inherits descriptions through extends, and reports files that do not load', () => {
    const presets = listPresets(options);
    expect(presets.map((p) => p.name)).toEqual(['base', 'broken', 'child']);
    expect(presets[2].description).toBe('the base');
    expect(presets[1].description).toMatch(/^\(does not load: .*YAML/);
  });
});

describe('resolveInput', () => {
  const options = { dir: FIXTURE_PRESETS };

  it('tells presets, scenario files and model files apart', () => {
    expect(isFileInput('citrini-2028')).toBe(false);
    expect(isFileInput('x.yaml')).toBe(true);
    expect(resolveInput('baseline', options)).toEqual({
      kind: 'preset',
      path: `${FIXTURE_PRESETS}/baseline.yaml`,
      mode: 'preset',
    });
    expect(resolveInput(FIXTURE_MODEL, options)).toMatchObject({ kind: 'model', mode: 'user' });
    expect(resolveInput(`${FIXTURE_PRESETS}/citrini-2028.yaml`, options)).toMatchObject({
      kind: 'scenario',
      mode: 'preset',
    });
  });

  it('lists the presets when a name is unknown', () => {
    expect(() => resolveInput('citrini-2029', options)).toThrowError(
      /unknown preset 'citrini-2029' \(did you mean 'citrini-2028'\?\); presets: bad-driver, baseline, citrini-2028, policy-response/,
    );
  });

  it('finds the model behind a preset or scenario', () => {
    expect(modelPathFor('citrini-2028', options)).toBe(FIXTURE_MODEL);
    expect(modelPathFor(FIXTURE_MODEL, options)).toBe(FIXTURE_MODEL);
  });
});
