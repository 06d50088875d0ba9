import { runScenario } from '../src/index.js';
for (const name of process.argv.slice(2)) {
  const run = runScenario(name);
  console.log('==', name, 'fired', run.chain.filter((l) => l.onset).length);
  for (const l of run.chain) console.log(' ', l.id, l.onset ?? '-', l.indicator, l.value_at_onset?.toFixed?.(3));
  for (const s of run.scorecard) console.log('  SC', JSON.stringify(s).slice(0, 200));
  console.log('  summary', JSON.stringify(run.summary).slice(0, 300));
}
