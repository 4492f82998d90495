// Reads one file out of a ZIP archive (an .xlsx or .docx) with Node's zlib: enough to check what a downloaded
// Office file holds, without a ZIP library.
import zlib from 'node:zlib';

/** The names of the files in the archive `buf`. */
export function zipEntries(buf) {
  return [...entries(buf)].map((e) => e.name);
}

/** The text of `name` inside the archive `buf` (UTF-8), or null when it has no such file. */
export function zipText(buf, name) {
  for (const e of entries(buf)) {
    if (e.name !== name) continue;
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressed);
    return (e.method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
  }
  return null;
}

function* entries(buf) {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a ZIP archive');
  let at = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged central directory');
    const nameLength = buf.readUInt16LE(at + 28);
    yield {
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      offset: buf.readUInt32LE(at + 42),
      name: buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    };
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}
