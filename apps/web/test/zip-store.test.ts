import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, dosDateTime, zipStore } from '../src/report/zip-store.js';
import { readZip } from './zip-reader.js';

describe('zip-store', () => {
  it('CRC-32 gives the standard check value of "123456789" (0xCBF43926) and agrees with zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });

  it('stamps MS-DOS time and date (2026-11-30 14:07:09 → year 46 since 1980, two-second units)', () => {
    const { time, date } = dosDateTime(new Date(2026, 10, 30, 14, 7, 9));
    expect(date).toBe((46 << 9) | (11 << 5) | 30);
    expect(time).toBe((14 << 11) | (7 << 5) | 4);
  });

  it('any set of files reads back by name and content, stored (method 0), UTF-8 names flagged', () => {
    const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 12 });
    fc.assert(
      fc.property(
        names,
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array()), { maxLength: 12 }),
        (n, c) => {
          const entries = n.map((name, i) => ({ name, content: c[i] ?? '' }));
          const files = readZip(zipStore(entries, new Date(2026, 0, 1)));
          expect(files.map((f) => f.name)).toEqual(n);
          for (const [i, file] of files.entries()) {
            const content = entries[i].content;
            expect(file.data).toEqual(typeof content === 'string' ? new TextEncoder().encode(content) : content);
            expect(file.method).toBe(0);
            expect(file.flags & 0x0800).toBe(0x0800);
          }
        },
      ),
    );
  });

  it('an empty archive is just the 22-byte end record', () => {
    const zip = zipStore([], new Date(2026, 0, 1));
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });
});
