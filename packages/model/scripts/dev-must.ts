import { runScenario } from '../src/index.js';
const month = (p: number) => p;
const c = runScenario('citrini-2028');
const t = runScenario('citrini-tail');
const k = runScenario('citrini-critique');
const pr = runScenario('policy-response');
const b = runScenario('baseline');
const at = (run: ReturnType<typeof runScenario>, n: string, p: number) => run.result.series(n)[p];
const dd = (run: ReturnType<typeof runScenario>, p: number) => { const e = run.result.series('equity_index'); let pk = 0; for (let i = 0; i <= p; i++) pk = Math.max(pk, e[i]); return e[p] / pk - 1; };
console.log('tail dd 2028-12', dd(t, 36), 'citrini dd 2028-12', dd(c, 36));
console.log('critique C_real 2028-06', at(k, 'consumption_real', 30), 'citrini', at(c, 'consumption_real', 30));
console.log('policy summary', JSON.stringify(pr.summary));
const u = b.result.series('unemployment_rate'); let lo = 1, hi = 0; for (let p = 1; p <= 48; p++) { lo = Math.min(lo, u[p]); hi = Math.max(hi, u[p]); }
console.log('baseline u through 2029', lo, hi, 'L13', b.chain.find((l) => l.id === 'L13')?.onset);
const cap = b.result.series('hyperscaler_capex'); console.log('capex growth 2027,2030,2040', cap[24] / cap[12] - 1, cap[60] / cap[48] - 1, cap[180] / cap[168] - 1);
console.log(month(0));
