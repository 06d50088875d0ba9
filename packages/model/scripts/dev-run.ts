import { compile, instantiate, loadModel, loadScenario } from '@endgame/engine';

const ir = loadModel('packages/model/model/endgame.yaml');
const c = compile(ir);
const inst = instantiate(c);
const preset = process.argv[2];
let opts: Record<string, unknown> = { checks: false };
if (preset) {
  const sc = loadScenario(`packages/model/presets/${preset}.yaml`, {
    resolvePreset: (n: string) => `packages/model/presets/${n}.yaml`,
  }) as unknown as { set?: Record<string, number>; paths?: unknown; triggers?: unknown };
  opts = { ...opts, params: sc.set ?? {}, paths: sc.paths, triggers: sc.triggers };
}
const t = performance.now();
const r = inst.run({ ...(opts as object), periods: Number(process.env.P ?? 240) } as never);
console.log('ms', (performance.now() - t).toFixed(2));
const names = (
  process.argv[3] ??
  'gdp_real,unemployment_rate,labor_share,saving_rate,policy_rate,cpi_inflation,equity_index,house_price_index,gov_deficit,ai_sector_sales,profits_firms,loans_bank_f,hh_top.dep,dep_ai,mortgage_delinquency_rate,private_credit_default_rate,insurer_capital_ratio,adopt_k'
).split(',');
const idx = [0, 1, 2, 6, 12, 24, 36, 48, 60, 90, 120, 180, 240];
console.log('series'.padEnd(30), idx.map((i) => String(i).padStart(9)).join(''));
for (const n of names) {
  const s = r.series(n);
  console.log(n.padEnd(30), idx.map((i) => (s[i] ?? NaN).toPrecision(5).padStart(9)).join(''));
}
