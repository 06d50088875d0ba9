/**
 * `solve --blocks`: the model's block structure (ENGINE.md §3.3) as a table
 * or JSON — block number, simultaneous or not, size and variables.
 */
import type { BlockInfo, CompiledModel } from '@endgame/engine';
import { formatJson } from './format-json.js';
import { formatTable } from './format-table.js';

/** At most this many variable names are listed per block in the table. */
const NAMES_SHOWN = 10;

/** The largest simultaneous block (1-based number and size), or null when there is none. */
export function largestSimultaneous(blocks: readonly BlockInfo[]): { block: number; size: number } | null {
  let best: { block: number; size: number } | null = null;
  for (const [index, info] of blocks.entries()) {
    if (info.cyclic && (best === null || info.vars.length > best.size))
      best = { block: index + 1, size: info.vars.length };
  }
  return best;
}

/** Renders the block structure of `compiled` as JSON or as a table. */
export function renderBlocks(compiled: CompiledModel, format: 'json' | 'table'): string {
  const largest = largestSimultaneous(compiled.blocks);
  if (format === 'json') {
    return formatJson({
      model: compiled.name,
      blocks: compiled.blocks.map((info, index) => ({
        block: index + 1,
        cyclic: info.cyclic,
        size: info.vars.length,
        vars: info.vars,
      })),
      largest_simultaneous: largest,
    });
  }
  const rows = compiled.blocks.map((info, index) => [
    String(index + 1),
    info.cyclic ? 'simultaneous' : 'single',
    String(info.vars.length),
    listNames(info.vars),
  ]);
  const table = formatTable({
    headers: ['block', 'type', 'size', 'variables'],
    rows,
    align: ['right', 'left', 'right', 'left'],
  });
  const cyclicCount = compiled.blocks.filter((info) => info.cyclic).length;
  const summary = largest
    ? `largest simultaneous block: ${largest.size} variables (block ${largest.block}); ${cyclicCount} simultaneous of ${compiled.blocks.length} blocks`
    : `no simultaneous blocks: all ${compiled.blocks.length} blocks are single equations evaluated in order`;
  return `${compiled.name}: ${compiled.blocks.length} blocks\n${table}${summary}\n`;
}

function listNames(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join(', ');
  return `${names.slice(0, NAMES_SHOWN).join(', ')}, … (+${names.length - NAMES_SHOWN} more)`;
}
