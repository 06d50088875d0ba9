import { compile, instantiate, loadModel } from '@endgame/engine';
const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const base = JSON.parse(process.argv[2]);
const grid: Record<string, number[]> = JSON.parse(process.argv[3]);
const keys = Object.keys(grid);
const combos: Record<string, number>[] = [{}];
for (const k of keys) { const next: Record<string, number>[] = []; for (const c of combos) for (const v of grid[k]) next.push({ ...c, [k]: v }); combos.splice(0, combos.length, ...next); }
const month = (p: number) => `${2026 + Math.floor((p - 1) / 12)}-${String(((p - 1) % 12) + 1).padStart(2, '0')}`;
for (const c of combos) {
  let r;
  try { r = inst.run({ checks: false, params: { ...base, ...c } }); } catch { console.log(JSON.stringify(c), 'FAIL'); continue; }
  const u = r.series('unemployment_rate'), g = r.series('gdp_real'), e = r.series('equity_index'), ls = r.series('labor_share'), dq = r.series('mortgage_delinquency_rate');
  const q: number[] = []; for (let k = 0; k * 3 + 3 <= 240; k++) q.push((g[k * 3 + 1] + g[k * 3 + 2] + g[k * 3 + 3]) / 3);
  let rec = -1; for (let k = 1; k + 1 < q.length; k++) if (q[k] < q[k - 1] && q[k + 1] < q[k]) { rec = k * 3 + 1; break; }
  let peak = 0, pk = 0; for (let p = 0; p <= 30; p++) if (e[p] > peak) { peak = e[p]; pk = p; }
  const dd = e[30] / peak - 1;
  console.log(JSON.stringify(c), `u30=${u[30].toFixed(3)} rec=${rec > 0 ? month(rec) : '-'} peak=${month(pk)} x${(peak / e[1]).toFixed(2)} dd30=${dd.toFixed(2)} dLS=${(ls[30] - ls[1]).toFixed(3)} dq30=${dq[30].toFixed(3)} u60=${u[60].toFixed(3)} u120=${u[120].toFixed(3)}`);
}
