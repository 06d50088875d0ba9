import { compile, instantiate, loadModel, loadScenario } from '@endgame/engine';
const inst = instantiate(compile(loadModel('packages/model/model/endgame.yaml')));
const sc = loadScenario(`packages/model/presets/${process.argv[2]}.yaml`, { resolvePreset: (n: string) => `packages/model/presets/${n}.yaml` }) as unknown as { set?: Record<string, number>; paths?: never; triggers?: never };
const r = inst.run({ params: sc.set ?? {}, paths: sc.paths, triggers: sc.triggers, checks: false });
const names = process.argv[3].split(',');
const [a, b, st] = (process.argv[4] ?? '0,240,12').split(',').map(Number);
console.log('p'.padStart(4), names.map((n) => n.slice(0, 11).padStart(12)).join(''));
for (let p = a; p <= b; p += st) console.log(String(p).padStart(4), names.map((n) => r.series(n)[p].toPrecision(6).padStart(12)).join(''));
