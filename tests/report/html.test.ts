// obs report's page carries transcript text and names, never markup from them, and asks for nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runObs, tempCorpus } from '../helpers/run.js';

describe('obs report', () => {
  it('escapes what transcripts and metadata say, and stays self-contained', async () => {
    const dir = tempCorpus({
      'corpus/a.txt': '---\narea: "<script>alert(1)</script>"\nyear: 2019\n---\nAnn: a grant <img src=x onerror=alert(2)> and money.\n\nAnn: the council & "us".\n',
      'corpus/b.txt': '---\narea: Revoe\nyear: 2022\n---\nAnn: more funding.\n\nAnn: the partnership.\n',
    });
    const r = await runObs(['report', 'corpus', '--out', 'report.html', '--title', 'A <b>bold</b> title'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>bold/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; title</title>');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    // The page names what made it.
    expect(html).toMatch(/SHA-256 <code>[0-9a-f]{64}<\/code>/);
    expect(html).toMatch(/by obs \d+\.\d+\.\d+/);
  });
});
