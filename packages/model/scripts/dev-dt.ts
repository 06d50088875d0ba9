import { compile, instantiate, loadModel } from '@endgame/engine';
const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const r = inst.run({ checks: false });
const r4 = inst.run({ dt: 1 / 48, periods: 960, checks: false });
for (const n of (process.argv[2] ?? 'gdp_real,unemployment_rate,equity_index,policy_rate,consumption_real,labor_share').split(',')) {
  const s = r.series(n), s4 = r4.series(n);
  const out: string[] = [];
  for (const horizon of [12, 36, 60, 120, 240]) {
    let m = 0;
    for (let p = 1; p <= horizon; p++) m = Math.max(m, Math.abs(s[p] - s4[p * 4]) / Math.max(Math.abs(s[p]), 1e-9));
    out.push(`${horizon}:${m.toFixed(4)}`);
  }
  console.log(n.padEnd(20), out.join('  '));
}
