import { compile, instantiate, loadModel } from '@endgame/engine';

const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const r = inst.run({});
const g = r.series('gdp_nominal');
const a = r.series('accounting_residual_max');
let worst = 0;
for (let p = 1; p <= 240; p++) worst = Math.max(worst, a[p] / g[p]);
console.log('resid/gdp max', worst);
const r4 = inst.run({ dt: 1 / 48, periods: 960 });
for (const n of ['gdp_real', 'unemployment_rate', 'equity_index', 'policy_rate']) {
  const s = r.series(n),
    s4 = r4.series(n);
  let m = 0;
  for (let p = 1; p <= 240; p++) m = Math.max(m, Math.abs(s[p] - s4[p * 4]) / Math.max(Math.abs(s[p]), 1e-9));
  console.log('dt rel diff', n, m.toFixed(4));
}
const stocks = r.names.filter(
  (n) =>
    /(\.dep|\.tr|\.mort|\.cc|\.bonds|\.eq|\.house|\.pr|^dep_|^tr_|^loans|^bonds_|^equity_|^K_|^house_f|^gov_debt|^pension_reserves|^cb_assets|^bank_nw|^pc_fund_equity|^deposits_total|^bank_reserves)$/.test(
      n,
    ) || /^(hh_\w+)\.(dep|tr|mort|cc|bonds|eq|house|pr|pcf|cbm)$/.test(n),
);
const big: string[] = [];
for (const n of stocks) {
  const s = r.series(n);
  const ch = Math.abs(s[1] - s[0]) / Math.max(Math.abs(s[0]), 1);
  if (ch > 0.005) big.push(`${n} ${ch.toFixed(4)}`);
}
console.log('month-1 changes > 0.5%:', big);
