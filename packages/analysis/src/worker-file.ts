/**
 * Where a worker pool finds its worker script: `worker-entry.ts` (run through tsx) or
 * `worker-entry.js` beside the module that creates the pool.
 */

/**
 * The worker file `worker-entry.ts|js` next to `moduleUrl` (the caller's `import.meta.url`),
 * and the loader flags a TypeScript worker needs (tsx, resolved from that module so workers
 * load it whatever the working directory).
 */
export async function workerEntryBeside(moduleUrl: string): Promise<{ filename: string; execArgv: string[] }> {
  const typescript = moduleUrl.endsWith('.ts');
  const filename = new URL(typescript ? './worker-entry.ts' : './worker-entry.js', moduleUrl).href;
  if (!typescript) return { filename, execArgv: [] };
  let loader = 'tsx';
  try {
    const { createRequire } = await import('node:module');
    const { pathToFileURL } = await import('node:url');
    loader = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
  } catch {
    // Fall back to resolving 'tsx' from the working directory.
  }
  return { filename, execArgv: ['--import', loader] };
}
