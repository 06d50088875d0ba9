import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// scripts/ is outside this package's tsconfig, so the generator is imported by a computed path.
const generator = '../scripts/model-doc.js';
const { renderModelDoc } = (await import(/* @vite-ignore */ generator)) as { renderModelDoc: () => string };

describe('docs/model.md', () => {
  it('is the current output of packages/model/scripts/model-doc.ts (rerun it after editing the model)', () => {
    expect(readFileSync('docs/model.md', 'utf8')).toBe(renderModelDoc());
  });
  it('states that diffusion speed and new-task creation set unemployment', () => {
    const doc = renderModelDoc();
    expect(doc).toContain('Unemployment in these presets is set mainly by two drivers');
    expect(doc).toContain('How to read the chain trace');
  });
});
