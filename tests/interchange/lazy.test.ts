// The XML, zip, Word and HTML libraries load only when a command reads or writes those formats, so
// other commands and plain-text corpora start as fast as before.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const LIBRARIES = /^import (?!type )[^;]*from '(@xmldom\/xmldom|yauzl|mammoth|parse5|word-extractor)'/m;
/** The modules that use those libraries, and the modules that import them: everything else reaches them only through import(). */
const HEAVY = [
  'corpus/formats/docx.ts',
  'corpus/formats/html.ts',
  'corpus/formats/odt.ts',
  'interchange/qdc.ts',
  'interchange/qdpx.ts',
  'interchange/yoshikoder.ts',
  'xml.ts',
  'zip.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
}

/** The modules a module imports statically (type-only imports are erased when compiled, so they load nothing). */
function staticImports(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*?from '(\.{1,2}\/[^']+)\.js'/gm)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), `${m[1]}.ts`)));
}

describe('lazy loading', () => {
  it('only the format modules, and the modules only they import, load the heavy libraries', () => {
    const all = sources(SRC);
    const heavy = new Set(all.filter((f) => LIBRARIES.test(readFileSync(path.join(SRC, f), 'utf8'))));
    // Whatever imports a heavy module statically is heavy too.
    for (let grown = true; grown; ) {
      grown = false;
      for (const f of all) {
        if (!heavy.has(f) && staticImports(f).some((i) => heavy.has(i))) {
          heavy.add(f);
          grown = true;
        }
      }
    }
    expect([...heavy].sort()).toEqual(HEAVY);
  });
});
