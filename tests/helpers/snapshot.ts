// What a folder holds, to show a run left its inputs as they were: each regular file by its digest,
// and each link, FIFO and device by what it is (a FIFO is never opened: that would wait for a writer).
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export function snapshot(dir: string, skip: (relative: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const key = path.relative(dir, full);
      if (skip(key)) continue;
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) out.set(key, createHash('sha256').update(readFileSync(full)).digest('hex'));
      else if (stat.isSymbolicLink()) out.set(key, `link to ${readlinkSync(full)}`);
      else out.set(key, stat.isFIFO() ? 'fifo' : `device ${stat.rdev} mode ${stat.mode.toString(8)}`);
    }
  };
  walk(dir);
  return out;
}
