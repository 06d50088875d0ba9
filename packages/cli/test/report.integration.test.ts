import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, lines, runCli } from './run-cli.js';

/* `endgame report` end to end: the files it writes, and one-line errors for bad input. */
const tmp = mkdtempSync(join(tmpdir(), 'endgame-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectOneLineError(run: CliRun, code: number): string {
  expect(run.status).toBe(code);
  expect(run.stdout).toBe('');
  const errorLines = lines(run.stderr);
  expect(errorLines, run.stderr).toHaveLength(1);
  expect(errorLines[0]).toMatch(/^endgame: /);
  return errorLines[0];
}

describe('endgame report citrini-2028 --compare baseline --out DIR', () => {
  const out = join(tmp, 'out');
  const run = runCli('report', 'citrini-2028', '--compare', 'baseline', '--out', out);

  it('writes the note and its charts and names them', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('citrini-2028.md');
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(7);
    expect(files).not.toContain('citrini-2028.html');
    expect(lines(run.stdout)[0]).toBe(`wrote ${files.length} files to ${out}:`);
  });

  it('links only charts that exist beside the note, and states the command that reproduces it', () => {
    const markdown = readFileSync(join(out, 'citrini-2028.md'), 'utf8');
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(7);
    for (const link of links) expect(existsSync(join(out, decodeURI(link))), link).toBe(true);
    expect(markdown).toContain(`npx endgame report citrini-2028 --compare baseline --out ${out}`);
    expect(markdown).toMatch(/^---\ntitle: "citrini-2028 against baseline"\n/);
  });
});

describe('endgame report --mc --html', () => {
  it('writes one HTML page with the charts inlined and fan bands from the seeded runs', () => {
    const out = join(tmp, 'mc');
    const run = runCli('report', 'baseline', '--mc', '12', '--seed', '3', '--html', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html.match(/<svg /g)?.length).toBe(readdirSync(out).filter((f) => f.endsWith('.svg')).length);
    expect(html).toContain('5–95 % and 25–75 % of 12 runs');
    expect(readFileSync(join(out, 'baseline.md'), 'utf8')).toContain('--mc 12 --seed 3 --html');
  });
});

describe('endgame report: bad input is one line', () => {
  it('an unknown preset names the closest one', () => {
    const line = expectOneLineError(runCli('report', 'citrini-2029', '--out', join(tmp, 'x')), 1);
    expect(line).toMatch(/citrini-2029/);
    expect(line).toMatch(/citrini-2028/);
  });

  it('an unknown --compare preset is named', () => {
    const line = expectOneLineError(runCli('report', 'baseline', '--compare', 'basline', '--out', join(tmp, 'y')), 1);
    expect(line).toMatch(/basline/);
  });

  it('a bad --mc value', () => {
    const line = expectOneLineError(runCli('report', 'baseline', '--mc', 'ten', '--out', join(tmp, 'z')), 2);
    expect(line).toBe("endgame: bad --mc 'ten': expected a whole number ≥ 1");
    expect(expectOneLineError(runCli('report', 'baseline', '--mc', '0', '--out', join(tmp, 'z')), 2)).toMatch(
      /--mc '0'/,
    );
  });

  it('no --out', () => {
    expect(expectOneLineError(runCli('report', 'baseline'), 2)).toMatch(/give --out DIR/);
  });

  it('an --out that cannot be created or written', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    const line = expectOneLineError(runCli('report', 'baseline', '--out', join(file, 'sub')), 1);
    expect(line).toBe(
      `endgame: cannot write the report to '${join(file, 'sub')}': a parent is not a directory; give a writable --out DIR`,
    );
    const locked = join(tmp, 'locked');
    runCli('report', 'baseline', '--out', locked);
    chmodSync(locked, 0o500);
    try {
      const denied = runCli('report', 'baseline', '--out', locked);
      // root may write anyway; anyone else gets one line naming the file.
      if (denied.status !== 0)
        expect(expectOneLineError(denied, 1)).toMatch(/cannot write '.*baseline\.md': permission denied/);
      else expect(process.getuid?.()).toBe(0);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
