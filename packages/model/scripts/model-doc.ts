/**
 * Generates docs/model.md from the model files: the prose of model-doc-text.ts plus, for every
 * model file, its params (value, unit, role, source, doc) and equations. Run with
 * `npx tsx packages/model/scripts/model-doc.ts` (writes docs/model.md); `renderModelDoc()` is used
 * by the test that checks the page is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, instantiate, loadModel, type ModelIR } from '@endgame/engine';
import { INTRO, OUTRO } from './model-doc-text.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const MODEL_DIR = `${HERE}/../model`;
const GROUPS = ['hh_top', 'hh_pro', 'hh_work'];

/** Escapes a table cell. */
const cell = (text: string | number | undefined): string =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** Formats a number compactly and stably. */
const num = (v: number): string => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString());

/** The params and equations of one model file, as markdown. */
function renderFile(ir: ModelIR, file: string): string {
  const rel = relative(MODEL_DIR, file);
  const template = rel.startsWith('households');
  const out: string[] = [`### \`${rel}\``, ''];
  const params = ir.params.filter((p) => p.pos.file === file);
  if (params.length > 0) {
    if (template) {
      out.push(
        '| param | hh_top | hh_pro | hh_work | unit | role | source | meaning |',
        '|---|---|---|---|---|---|---|---|',
      );
      const local = params.filter((p) => p.name.startsWith('hh_pro.'));
      for (const p of local) {
        const short = p.name.slice('hh_pro.'.length);
        const values = GROUPS.map((g) => num(ir.params.find((q) => q.name === `${g}.${short}`)?.value ?? Number.NaN));
        out.push(
          `| \`${short}\` | ${values.join(' | ')} | ${cell(p.unit)} | ${cell(p.role)} | ${cell(p.source)} | ${cell(p.doc)} |`,
        );
      }
    } else {
      out.push('| param | value | unit | role | range | source | meaning |', '|---|---|---|---|---|---|---|');
      for (const p of params) {
        const range = p.range ? `${num(p.range[0])}..${num(p.range[1])}` : '';
        out.push(
          `| \`${p.name}\` | ${num(p.value)} | ${cell(p.unit)} | ${cell(p.role)} | ${range} | ${cell(p.source)} | ${cell(p.doc)} |`,
        );
      }
    }
    out.push('');
  }
  const equations = ir.equations.filter((e) => e.pos.file === file && (!template || e.name.startsWith('hh_pro.')));
  if (equations.length > 0) {
    out.push('| variable | equation | meaning |', '|---|---|---|');
    for (const e of equations) {
      const text = template ? e.text.replace(/hh_pro\./g, '') : e.text;
      const name = template ? e.name.slice('hh_pro.'.length) : e.name;
      out.push(`| \`${name}\` | \`${cell(text)}\` | ${cell(e.doc)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Period-1 values of the calibrated series against their calibration keys. */
function renderT0(ir: ModelIR): string {
  const facts = JSON.parse(readFileSync(`${HERE}/../data/calibration.json`, 'utf8')) as {
    key: string;
    value: unknown;
  }[];
  const value = (key: string) => Number(facts.find((f) => f.key === key)?.value);
  const run = instantiate(compile(ir)).run({});
  const rows: [string, string, number, number][] = [
    [
      'GDP by expenditure (USD bn/yr)',
      'us.gdp.nominal_q3_2025_saar_approx',
      run.series('gdp_nominal')[1],
      value('us.gdp.nominal_q3_2025_saar_approx') / 1e9,
    ],
    ['unemployment rate', 'us.unemployment_rate', run.series('unemployment_rate')[1], value('us.unemployment_rate')],
    [
      'labour share (compensation / GDI)',
      'us.labor_share.compensation_share_gdi',
      run.series('labor_share')[1],
      value('us.labor_share.compensation_share_gdi'),
    ],
    ['personal saving rate', 'us.saving_rate', run.series('saving_rate')[1], value('us.saving_rate')],
    [
      'policy rate',
      'rates.fed_funds_effective_2025_12',
      run.series('policy_rate')[1],
      value('rates.fed_funds_effective_2025_12'),
    ],
  ];
  const lines = ['| series (period 1 = 2026-01) | calibration key | model | key |', '|---|---|---|---|'];
  for (const [name, key, model, target] of rows)
    lines.push(`| ${name} | \`${key}\` | ${num(model)} | ${num(target)} |`);
  return `## Measured t0 values\n\n${lines.join('\n')}\n`;
}

/** The whole page. */
export function renderModelDoc(): string {
  const ir = loadModel(`${MODEL_DIR}/endgame.yaml`);
  const files = [...new Set(ir.files)].filter((f) => basename(f) !== 'accounts.yaml');
  const sections = files.map((f) => renderFile(ir, f)).filter((s) => s.split('\n').length > 2);
  const counts = `${ir.params.length} params (${ir.params.filter((p) => p.role === 'driver').length} drivers), ${ir.equations.length} equations, ${ir.matrices.length} matrices.`;
  return `${INTRO}\n${renderT0(ir)}\n## Model files\n\n${counts} The matrices are in \`accounts.yaml\`.\n\n${sections.join('\n')}${OUTRO}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${HERE}/../../../docs/model.md`, renderModelDoc());
}
