import type * as Plot from '@observablehq/plot';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_ROW = 18;
const INK = '#1b2430';

/** A chart as a standalone SVG file, with its size. */
export interface ChartFile {
  text: string;
  width: number;
  height: number;
}

/** The plot's own SVG: the element itself, or the last SVG directly in Plot's figure (legends come before it). */
export function plotSvg(node: Element): SVGSVGElement | null {
  if (node instanceof SVGSVGElement) return node;
  const svgs = [...node.children].filter((c): c is SVGSVGElement => c instanceof SVGSVGElement);
  return svgs.at(-1) ?? null;
}

/** A categorical colour legend drawn in SVG (Plot draws swatch legends in HTML, which an SVG file cannot hold). */
function legendGroup(scale: Plot.Scale, width: number, top: number): { group: SVGGElement; height: number } {
  const g = document.createElementNS(SVG_NS, 'g');
  const domain = (scale.domain ?? []) as unknown[];
  const range = (scale.range ?? []) as unknown[];
  let x = 10;
  let y = top;
  domain.forEach((d, i) => {
    const label = String(d);
    const w = 22 + label.length * 6.2;
    if (x + w > width - 10 && x > 10) {
      x = 10;
      y += LEGEND_ROW;
    }
    const rect = document.createElementNS(SVG_NS, 'rect');
    Object.entries({ x, y: y - 10, width: 12, height: 12, fill: String(range[i % Math.max(1, range.length)] ?? '#999') }).forEach(([k, v]) => rect.setAttribute(k, String(v)));
    const text = document.createElementNS(SVG_NS, 'text');
    Object.entries({ x: x + 16, y, 'font-size': 11, fill: INK }).forEach(([k, v]) => text.setAttribute(k, String(v)));
    text.textContent = label;
    g.append(rect, text);
    x += w;
  });
  return { group: g, height: domain.length === 0 ? 0 : y - top + LEGEND_ROW };
}

/**
 * A rendered Plot chart as an SVG file: the chart's SVG with its size,
 * namespace, a white background, the colour legend (when Plot drew one in
 * HTML) and its title for screen readers.
 *
 * @example const { text } = chartSvgFile(plotElement, 'Contribution of each criterion'); downloadText('chart.svg', text, 'image/svg+xml')
 */
export function chartSvgFile(node: Element & Partial<Plot.Plot>, title: string): ChartFile {
  const svg = plotSvg(node);
  if (svg === null) throw new Error('there is no chart to export');
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || svg.clientWidth;
  const chartHeight = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || svg.clientHeight;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const color = node !== svg && node.querySelector(':scope > div[class*="-swatches"]') !== null ? node.scale?.('color') : undefined;
  const legend = color === undefined ? null : legendGroup(color, width, chartHeight + 14);
  const height = chartHeight + (legend === null ? 0 : legend.height + 8);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.style.color = INK;
  clone.style.background = '#fff';
  const bg = document.createElementNS(SVG_NS, 'rect');
  Object.entries({ width: '100%', height: '100%', fill: '#fff' }).forEach(([k, v]) => bg.setAttribute(k, v));
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  clone.prepend(titleEl, bg);
  if (legend !== null) clone.append(legend.group);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`, width, height };
}

/**
 * An SVG file drawn as a PNG: the SVG is loaded as an image from a blob URL
 * (the page's policy allows img-src blob:) and drawn on a canvas at `scale`.
 *
 * @example const png = await svgToPng(chartSvgFile(el, 'Chart')); downloadBlob('chart.png', png)
 */
export async function svgToPng(file: ChartFile, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(file.width * scale);
    canvas.height = Math.round(file.height * scale);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('this browser cannot draw on a canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('the chart could not be drawn as a PNG')) : resolve(b)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a title. @example fileNameOf('Burglary: monthly count') // 'burglary-monthly-count' */
export const fileNameOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'chart';
