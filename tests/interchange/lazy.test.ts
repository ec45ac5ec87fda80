// The XML and zip libraries load only when a command reads or writes those formats, so other commands start as fast as before.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const LIBRARIES = /from '(@xmldom\/xmldom|yauzl)'/;
/** The interchange files that use those libraries; every other file may reach them only through import(). */
const USERS = ['interchange/qdc.ts', 'interchange/qdpx.ts', 'interchange/xml.ts', 'interchange/yoshikoder.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
}

describe('lazy loading', () => {
  it('only the format files import the XML and zip libraries', () => {
    expect(sources(SRC).filter((f) => LIBRARIES.test(readFileSync(path.join(SRC, f), 'utf8'))).sort()).toEqual(USERS);
  });

  it('nothing imports a format file statically except another format file', () => {
    // Type-only imports are erased when compiled, so they load nothing.
    const statically = (text: string, file: string) => new RegExp(`^import (?!type )[^;]*from '(\\.|\\.\\./interchange)/${path.basename(file, '.ts')}\\.js'`, 'm').test(text);
    for (const user of USERS) {
      const importers = sources(SRC).filter((f) => !USERS.includes(f) && statically(readFileSync(path.join(SRC, f), 'utf8'), user));
      expect(importers, user).toEqual([]);
    }
  });
});
