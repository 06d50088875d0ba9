/**
 * `--store [FILE]` on `run`, `mc`, `sensitivity` and `grid`: records the
 * command's inputs (model hash, scenario, params, seed, options, version)
 * and its JSON output in the results store. Without the option nothing is
 * recorded and the command behaves as before.
 */

/** What a command records. */
export interface StoreRecordInput {
  kind: 'run' | 'mc' | 'sensitivity' | 'grid';
  /** The command's INPUT argument (preset, scenario or model file). */
  input: string;
  /** Params the command set or varied. */
  params: Record<string, unknown>;
  seed?: number;
  /** The command's options (what else it was asked). */
  options: Record<string, unknown>;
  /** The command's output, as its --format json prints it (called only when recording). */
  outputs: () => unknown;
}

/** Help of the `--store [FILE]` option. */
export const STORE_OPTION_HELP =
  'also record inputs and outputs in the results store (FILE default .endgame/results.duckdb)';

/** Records a command's inputs and outputs when `--store` was given (`true` = the default file). */
export async function recordInStore(store: string | boolean | undefined, record: StoreRecordInput): Promise<void> {
  if (store === undefined || store === false) return;
  const { DEFAULT_STORE_PATH, ResultsStore, contentHash } = await import('@endgame/store');
  const { readInputFiles } = await import('./input-files.js');
  const { cliVersion } = await import('./main.js');
  const files = await readInputFiles(record.input);
  const modelHash = contentHash(files.model.files);
  const version = cliVersion();
  const inputs = {
    input: record.input,
    options: record.options,
    scenarioFiles: files.scenario?.files ? contentHash(files.scenario.files) : null,
  };
  const id = contentHash({
    kind: record.kind,
    modelHash,
    inputs,
    params: record.params,
    seed: record.seed ?? null,
    version,
  });
  const path = store === true ? DEFAULT_STORE_PATH : store;
  let opened: import('@endgame/store').ResultsStore | undefined;
  try {
    opened = await ResultsStore.open(path);
    await opened.recordRun({
      id,
      kind: record.kind,
      name: files.resolved?.name ?? record.input.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
      version,
      modelHash,
      ...(files.resolved ? { scenario: files.resolved } : {}),
      params: record.params,
      ...(record.seed === undefined ? {} : { seed: record.seed }),
      inputs,
      status: 'ok',
      outputs: record.outputs(),
    });
  } finally {
    await opened?.close();
  }
  process.stderr.write(`endgame: recorded ${record.kind} ${id.slice(0, 12)} in ${path}\n`);
}
