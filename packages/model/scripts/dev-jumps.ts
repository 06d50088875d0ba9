import { readFileSync } from 'node:fs';
import { compile, instantiate, loadModel } from '@endgame/engine';
import { parse } from 'yaml';
const compiled = compile(loadModel('packages/model/model/endgame.yaml'));
const base = instantiate(compiled).run({ checks: false });
const acc = parse(readFileSync('packages/model/model/accounts.yaml', 'utf8')) as { matrices: { bs: { rows: Record<string, Record<string, string>> } } };
const names = [...new Set(Object.entries(acc.matrices.bs.rows).filter(([r]) => r !== 'net_worth').flatMap(([, c]) => Object.values(c)).map((c) => c.replace(/^-/, '')).filter((c) => /^[A-Za-z_][\w.]*$/.test(c)).filter((n) => compiled.slots.some((s) => s.name === n && s.kind === 'variable')))];
for (const n of names) { const s = base.series(n); const sc = Math.max(Math.abs(s[0]), 1); const d1 = (s[1] - s[0]) / sc, d2 = (s[2] - s[1]) / sc, d3 = (s[3] - s[2]) / sc; if (Math.abs(d1) >= 0.005) console.log(n.padEnd(22), s[0].toFixed(1), d1.toFixed(4), d2.toFixed(4), d3.toFixed(4)); }
