/**
 * `npm start`: builds the web simulator if needed, serves it on 127.0.0.1
 * (PORT, default 5180, or a free port when that is taken), and prints the URL
 * and the default scenario's headline. Opens no browser; Ctrl-C stops it.
 */
import { runScenario } from '@endgame/model';
import { headlineOf } from '../src/headline.js';
import { DIST_DIR, ensureSite } from './build-site.js';
import { serveStatic } from './static-server.js';

const port = Number(process.env.PORT ?? 5180);

try {
  ensureSite((line) => process.stderr.write(`${line}\n`));
} catch (err) {
  process.stderr.write(`endgame: ${(err as Error).message}\n`);
  process.exit(1);
}
const served = await serveStatic(DIST_DIR, port).catch(async (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EADDRINUSE') throw err;
  process.stderr.write(`port ${port} is taken; using a free port\n`);
  return serveStatic(DIST_DIR, 0);
});
const baseline = runScenario('baseline');
process.stdout.write(`endgame web simulator: ${served.url}\n`);
process.stdout.write(`baseline: ${headlineOf(baseline.summary, baseline.chain.length)}\n`);
process.stdout.write('(Ctrl-C to stop)\n');
