// obs report in a real browser: every chart drawn with its marks, no request leaving the page,
// and a screenshot that is not blank.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, launch } from '../helpers/browser.js';
import { runObs } from '../helpers/run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'obs-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(hasChromium())('obs report in Chromium', () => {
  it('draws every chart, asks for nothing from the network, and renders a page that is not blank', async () => {
    const out = path.join(dir, 'report.html');
    const r = await runObs(['report', 'fixtures/big-local', '--meta', 'fixtures/big-local-meta.csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|https?:\/\//);

    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(pathToFileURL(out).href);
      // Only the page itself is fetched: styles and charts are inline.
      expect(requests).toEqual([pathToFileURL(out).href]);

      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => ({
          id: svg.id,
          marks: svg.querySelectorAll('.mark').length,
          drawn: svg.querySelectorAll('rect, circle, polyline').length,
          title: svg.querySelector('title')?.textContent ?? '',
          desc: svg.querySelector('desc')?.textContent ?? '',
          width: svg.getBoundingClientRect().width,
        })),
      );
      // The heatmap (9 themes x 8 areas), the co-occurrence grid (9 x 9), and one trend chart per theme.
      expect(charts).toHaveLength(11);
      expect(charts[0]).toMatchObject({ id: 'heatmap', marks: 72 });
      expect(charts[1]).toMatchObject({ id: 'cooccur', marks: 81 });
      for (const c of charts.slice(2)) {
        expect(c.id).toMatch(/^trend-\d+$/);
        // The overall line and six areas, each a polyline with its points.
        expect(c.marks).toBe(7);
        expect(c.drawn).toBeGreaterThan(7 * 2);
      }
      for (const c of charts) {
        expect(c.title).not.toBe('');
        expect(c.desc).not.toBe('');
        expect(c.width).toBeGreaterThan(100);
      }
      // Every chart has its numbers in a table too.
      expect(await page.$$eval('details.data table', (t) => t.length)).toBe(11);

      const shot = await page.screenshot({ fullPage: false });
      // The browser decodes its own screenshot: count the colours and the share of pixels that are not white.
      // (Written as page source: it runs in the browser, where the DOM is, not in Node.)
      const { colours, inked } = (await page.evaluate(`(async () => {
        const img = new Image();
        img.src = 'data:image/png;base64,${shot.toString('base64')}';
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        const seen = new Set();
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) {
          seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
        }
        return { colours: seen.size, inked: ink / (data.length / 4) };
      })()`)) as { colours: number; inked: number };
      expect(colours).toBeGreaterThan(50);
      expect(inked).toBeGreaterThan(0.05);

      // Printed on A4 (the page's own @page rule), the charts fit the paper and the tables stay hidden.
      await page.emulateMedia({ media: 'print' });
      const printed = await page.$$eval('svg.chart', (svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
      expect(Math.max(...printed)).toBeLessThanOrEqual(1000);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(2);
      // A4 is 595 x 842 points.
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
