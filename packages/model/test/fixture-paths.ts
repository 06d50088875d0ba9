/**
 * Test helper: absolute paths of this package's fixtures (a tiny monthly
 * stand-in model and presets for it), so tests do not depend on the real model.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The fixture presets folder. */
export const FIXTURE_PRESETS = join(HERE, 'fixtures/presets');

/** The fixture model (monthly from 2026-01, 60 months). */
export const FIXTURE_MODEL = join(HERE, 'fixtures/mini-model.yaml');

/** A user scenario (outside the presets folder) extending the fixture citrini-2028. */
export const FIXTURE_USER_SCENARIO = join(HERE, 'fixtures/user-scenario.yaml');
