/**
 * Browser entry for the Chromium test: the public API of `@endgame/report`
 * and the model's `viewOfSeries`, bundled as the web app would bundle them,
 * on `globalThis.endgameReport`.
 */
import { viewOfSeries } from '@endgame/model';
import * as report from '../../src/index.js';

(globalThis as unknown as { endgameReport: unknown }).endgameReport = { ...report, viewOfSeries };
