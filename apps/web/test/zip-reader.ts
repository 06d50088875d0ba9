/**
 * Reads a ZIP archive for the tests, written from PKWARE's APPNOTE rather
 * than from the writer: finds the end-of-central-directory record, walks the
 * central directory, and takes each stored file's bytes from its local header.
 * Checks every CRC-32 with Node's zlib (an independent implementation).
 */
import { crc32 } from 'node:zlib';

/** One file read back: name, bytes, and the header fields a test may check. */
export interface ZipFileRead {
  name: string;
  data: Uint8Array;
  method: number;
  flags: number;
  time: number;
  date: number;
}

/** The files of `zip` in central-directory order; throws on a broken archive. */
export function readZip(zip: Uint8Array): ZipFileRead[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files: ZipFileRead[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central header ${i} missing`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`local header of ${name} missing`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + size);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}`);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    files.push({ name, data, method, flags, time, date });
    at += 46 + skip;
  }
  return files;
}
