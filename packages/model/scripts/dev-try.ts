import { compile, instantiate, loadModel } from '@endgame/engine';
const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const params = JSON.parse(process.argv[2] ?? '{}');
const names = (process.argv[3] ?? 'unemployment_rate,policy_rate,equity_index,gdp_real').split(',');
const r = inst.run({ checks: false, params });
const idx = [0, 12, 24, 36, 48, 60, 72, 84, 96, 120, 150, 180, 210, 240];
for (const n of names) console.log(n.slice(0, 22).padEnd(23), idx.map((i) => r.series(n)[i].toPrecision(4).padStart(8)).join(''));
