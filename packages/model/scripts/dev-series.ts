import { compile, instantiate, loadModel } from '@endgame/engine';
const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const r = inst.run({ checks: false, periods: Number(process.env.P ?? 72) });
const names = process.argv[2].split(',');
const step = Number(process.env.S ?? 3);
console.log('p'.padStart(4), names.map((n) => n.slice(0, 11).padStart(12)).join(''));
for (let p = 0; p <= r.periods; p += step) console.log(String(p).padStart(4), names.map((n) => r.series(n)[p].toPrecision(6).padStart(12)).join(''));
