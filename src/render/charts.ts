// Inline SVG charts for the HTML report: a heatmap and line charts, each with a title, a text
// alternative and the numbers behind it, in colours that survive greyscale and colour blindness.
import { inertHtml } from './inert.js';

/** Controls and bidi controls from the data are shown escaped: a browser honours a bidi override, and the page may be printed to a terminal. */
export const escapeHtml = inertHtml;

/** Light to dark blue: lightness falls steadily, so order reads in greyscale and for every colour vision. */
const SCALE = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
/** Okabe and Ito's palette (less its yellow, too faint on white), told apart by people with any colour vision; dashes tell lines apart in print. */
const LINE_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#777777'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

export function scaleColour(value: number, max: number): { fill: string; text: string } {
  const i = max <= 0 ? 0 : Math.min(SCALE.length - 1, Math.round((value / max) * (SCALE.length - 1)));
  return { fill: SCALE[i]!, text: i >= 5 ? '#ffffff' : '#000000' };
}

export interface Heatmap {
  id: string;
  title: string;
  description: string;
  rows: string[];
  columns: string[];
  /** values[row][column], shown as labels[row][column]. */
  values: number[][];
  labels: string[][];
}

export function heatmapSvg(h: Heatmap): string {
  const cell = 46;
  // Room for the longest row label, and for the column labels that lean out to the right.
  const longest = (xs: string[]) => Math.max(4, ...xs.map((x) => x.length));
  const left = Math.min(280, 12 + 6.4 * longest(h.rows));
  const top = Math.min(170, 16 + 4.8 * longest(h.columns));
  const width = left + h.columns.length * cell + 4.8 * longest(h.columns);
  const height = top + h.rows.length * cell + 10;
  const max = Math.max(0, ...h.values.flat());
  const out = [
    `<svg class="chart heatmap" id="${h.id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${h.id}-title ${h.id}-desc">`,
    `<title id="${h.id}-title">${escapeHtml(h.title)}</title>`,
    `<desc id="${h.id}-desc">${escapeHtml(h.description)}</desc>`,
  ];
  h.columns.forEach((c, j) => {
    const x = left + j * cell + cell / 2;
    out.push(`<text class="col-label" transform="translate(${x},${top - 6}) rotate(-50)">${escapeHtml(c)}</text>`);
  });
  h.rows.forEach((r, i) => {
    const y = top + i * cell;
    out.push(`<text class="row-label" x="${left - 6}" y="${y + cell / 2 + 4}" text-anchor="end">${escapeHtml(r)}</text>`);
    h.columns.forEach((c, j) => {
      const v = h.values[i]![j]!;
      const { fill, text } = scaleColour(v, max);
      const x = left + j * cell;
      out.push(
        `<g class="mark"><rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${fill}" stroke="#999" stroke-width="0.5"><title>${escapeHtml(`${r}, ${c}: ${h.labels[i]![j]!}`)}</title></rect>` +
          `<text x="${x + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="${text}" class="cell">${escapeHtml(h.labels[i]![j]!)}</text></g>`,
      );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}

export interface LineChart {
  id: string;
  title: string;
  description: string;
  xs: string[];
  /** Each series: a name and a value per x (null where there is none); `bold` for the overall line. */
  series: Array<{ name: string; values: Array<number | null>; bold?: boolean }>;
}

export function lineChartSvg(c: LineChart): string {
  const width = 520;
  const height = 240;
  const pad = { left: 48, right: 150, top: 14, bottom: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(0.05, ...c.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number) => pad.left + (c.xs.length === 1 ? plotW / 2 : (i * plotW) / (c.xs.length - 1));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const out = [
    `<svg class="chart line" id="${c.id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${c.id}-title ${c.id}-desc">`,
    `<title id="${c.id}-title">${escapeHtml(c.title)}</title>`,
    `<desc id="${c.id}-desc">${escapeHtml(c.description)}</desc>`,
    `<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#333"/>`,
    `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#333"/>`,
  ];
  for (const t of [0, 0.5, 1]) out.push(`<text class="tick" x="${pad.left - 4}" y="${y(max * t) + 3}" text-anchor="end">${Math.round(max * t * 100)}%</text>`);
  c.xs.forEach((label, i) => out.push(`<text class="tick" x="${x(i)}" y="${pad.top + plotH + 16}" text-anchor="middle">${escapeHtml(label)}</text>`));
  let legend = 0;
  c.series.forEach((s, k) => {
    const colour = s.bold ? '#000000' : LINE_COLOURS[k % LINE_COLOURS.length]!;
    const dash = s.bold ? '' : DASHES[k % DASHES.length]!;
    const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
    if (points.length === 0) return;
    out.push(`<g class="mark series"><title>${escapeHtml(`${s.name}: ${s.values.map((v, i) => `${c.xs[i]} ${v === null ? 'no data' : `${(v * 100).toFixed(1)}%`}`).join(', ')}`)}</title>`);
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${s.bold ? 3.5 : 1.6}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    for (const p of points) {
      const [px, py] = p.split(',');
      out.push(`<circle cx="${px}" cy="${py}" r="${s.bold ? 3.5 : 2.5}" fill="${colour}"/>`);
    }
    out.push('</g>');
    const ly = pad.top + 10 + legend++ * 16;
    out.push(`<line x1="${width - pad.right + 10}" y1="${ly}" x2="${width - pad.right + 34}" y2="${ly}" stroke="${colour}" stroke-width="${s.bold ? 3.5 : 1.6}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(`<text class="legend" x="${width - pad.right + 38}" y="${ly + 4}"${s.bold ? ' font-weight="bold"' : ''}>${escapeHtml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** The numbers behind a chart, for screen readers and for anyone who wants them exactly. */
export function dataTable(caption: string, header: string[], rows: string[][]): string {
  return [
    '<details class="data"><summary>The numbers</summary>',
    `<table><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table></details>',
  ].join('\n');
}
