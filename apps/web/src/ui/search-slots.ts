/** The inspector's search over the model's slots. */
import type { SlotMeta } from '../levers/lever-meta.js';

/** Slots whose name or doc contains every word of `query`, names first. */
export function searchSlots(slots: readonly SlotMeta[], query: string, limit = 40): SlotMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = slots.filter((s) => {
    const text = `${s.name} ${s.doc ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const q = query.trim().toLowerCase();
  const rank = (s: SlotMeta) => (s.name === q ? 0 : s.name.startsWith(q) ? 1 : s.name.includes(q) ? 2 : 3);
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).slice(0, limit);
}
