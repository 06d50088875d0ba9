import { loadModel, compile, instantiate } from '@endgame/engine';
for (const m of ['sim', 'simex', 'pc', 'lp', 'bmw', 'dis']) {
  try {
    const ir = loadModel(`examples/gl/${m}.yaml`);
    const c = compile(ir);
    const inst = instantiate(c);
    const r = inst.run();
    const pick = (n: string) => { const s = r.series(n); return [s[0], s[1], s[5], s[6], s[r.periods]].map(v => +v.toPrecision(8)); };
    console.log(m, 'ok', r.accounting.maxResidual, r.accounting.where, c.warnings.map(w => w.message));
    for (const n of ['Y', 'y', 'c', 'p', 'YD', 'YDr'].filter(n => r.names.includes(n))) console.log('  ', n, pick(n));
  } catch (e) { console.log(m, 'ERR', (e as Error).message.slice(0, 600)); }
}
