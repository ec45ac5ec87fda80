// One self-contained HTML page: styles and charts inline, no request leaves it, prints on A4.
import type { Quote } from '../aggregate/quotes.js';
import { dataTable, escapeHtml, heatmapSvg, lineChartSvg, type Heatmap, type LineChart } from './charts.js';

export interface ReportTheme {
  id: string;
  label: string;
  depth: number;
  description: string;
  keywords: string[];
  quotes: Quote[];
  trend: LineChart;
}

export interface ReportPage {
  title: string;
  generated: { obsVersion: string; codebook: { name: string; version: string; sha256: string } };
  corpus: { documents: number; passages: number; words: number; skipped: number };
  groupField: string;
  heatmap: Heatmap;
  cooccur: Heatmap;
  themes: ReportTheme[];
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { margin-bottom: .3rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.summary div { border: 1px solid #ddd; padding: .5rem; } .summary b { display: block; font-size: 1.3rem; }
figure { margin: 1rem 0; break-inside: avoid; } figcaption { font-size: .9rem; color: #333; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; } .cell { font-size: 10px; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: right; } th[scope=row] { text-align: left; }
blockquote { margin: .6rem 0 .6rem 1rem; padding-left: .8rem; border-left: 3px solid #999; break-inside: avoid; }
blockquote mark { background: #fde68a; font-weight: bold; } .source { color: #444; font-size: .85rem; }
.keywords { font-size: .85rem; color: #333; } .theme { break-inside: avoid-page; }
footer { margin-top: 3rem; font-size: .8rem; color: #555; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } details { display: none; } h2 { break-after: avoid; } }
`;

function quoteHtml(q: Quote): string {
  const text = q.extract.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
  const source = [q.meta.area, q.meta.year, q.speaker, `${q.file}:${q.line}`].filter((x): x is string => !!x).map(escapeHtml).join(' · ');
  return `<blockquote><p>${text}</p><p class="source">${source}</p></blockquote>`;
}

export function renderReportHtml(page: ReportPage): string {
  const { corpus, generated } = page;
  const cb = generated.codebook;
  const heat = page.heatmap;
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    // No request may leave the page: no scripts, fonts or images from elsewhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p>Coded with <b>${escapeHtml(cb.name)}</b>${cb.version ? ` ${escapeHtml(cb.version)}` : ''} by obs ${escapeHtml(generated.obsVersion)}.</p>`,
    '<section class="summary" aria-label="Corpus summary">',
    `<div><b>${corpus.documents}</b>documents</div>`,
    `<div><b>${corpus.passages}</b>respondent passages</div>`,
    `<div><b>${corpus.words}</b>respondent words</div>`,
    `<div><b>${corpus.skipped}</b>files skipped</div>`,
    '</section>',
    '<h2>Themes by ' + escapeHtml(page.groupField) + '</h2>',
    `<figure>${heatmapSvg(heat)}<figcaption>${escapeHtml(heat.description)}</figcaption>${dataTable(heat.title, ['theme', ...heat.columns], heat.rows.map((r, i) => [r, ...heat.labels[i]!]))}</figure>`,
    '<h2>Themes that come up together</h2>',
    `<figure>${heatmapSvg(page.cooccur)}<figcaption>${escapeHtml(page.cooccur.description)}</figcaption>${dataTable(page.cooccur.title, ['theme', ...page.cooccur.columns], page.cooccur.rows.map((r, i) => [r, ...page.cooccur.labels[i]!]))}</figure>`,
    '<h2>Each theme</h2>',
  ];
  for (const t of page.themes) {
    const tr = t.trend;
    out.push(
      `<section class="theme" id="theme-${escapeHtml(t.id)}">`,
      `<h3>${escapeHtml(t.label)} <small>(${escapeHtml(t.id)})</small></h3>`,
      t.description ? `<p>${escapeHtml(t.description)}</p>` : '',
      `<p class="keywords"><b>Keyword rules:</b> ${t.keywords.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ') || 'none of its own (its sub-themes code it)'}</p>`,
      `<figure>${lineChartSvg(tr)}<figcaption>${escapeHtml(tr.description)}</figcaption>${dataTable(tr.title, [page.groupField, ...tr.xs], tr.series.map((s) => [s.name, ...s.values.map((v) => (v === null ? '' : `${(v * 100).toFixed(1)}%`))]))}</figure>`,
      t.quotes.length > 0 ? `<h4>Quotes</h4>${t.quotes.map(quoteHtml).join('\n')}` : '',
      '</section>',
    );
  }
  out.push(
    `<footer>Made by obs ${escapeHtml(generated.obsVersion)} with the codebook ${escapeHtml(cb.name)} ${escapeHtml(cb.version)} (SHA-256 <code>${escapeHtml(cb.sha256)}</code>). Shares are coded respondent passages over all respondent passages of the group.</footer>`,
    '</body></html>',
    '',
  );
  return out.filter((l) => l !== '').join('\n');
}
