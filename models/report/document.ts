/**
 * A report as data: sections of paragraphs, lists, tables and figures, which
 * the report view renders (and prints) and tests can read without a DOM.
 */

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'notes'; items: { severity: 'info' | 'warning'; text: string }[] }
  | {
      kind: 'table';
      id: string;
      caption: string;
      head: string[];
      /** Right-aligned (numeric) columns. */
      numeric: boolean[];
      /** The column that names the row (a row header). */
      rowHeader: number;
      rows: string[][];
      /** Draw a line under this many rows (the cut line). */
      cutAfter?: number;
      /** A line under the table: source, period. */
      source?: string;
    }
  | {
      kind: 'figure';
      id: string;
      chart: ChartRef;
      caption: string;
      /** The chart's text equivalent. */
      description: string;
      /** A line under the figure: where its figures come from ("Source: …"). */
      source: string;
      /** Printed beside the block before it (a narrow table), not under it. */
      beside?: boolean;
    };

/**
 * The most issues a contribution chart draws: the highest ranked. A bar per
 * issue for 3,000 issues would be a chart 66,000 pixels tall that blocks the
 * page; the ranked table holds every issue.
 */
export const CHART_ISSUES = 100;

/** Which chart a figure draws (the view builds its Plot options from data it holds). */
export type ChartRef = { type: 'contributions' } | { type: 'control'; issueId: string } | { type: 'priority-map' };

export interface ReportSection {
  id: string;
  heading: string;
  blocks: Block[];
  subsections: ReportSection[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

/** @example section('quality', 'Data quality', [para('…')]) */
export const section = (id: string, heading: string, blocks: Block[], subsections: ReportSection[] = []): ReportSection => ({ id, heading, blocks, subsections });
export const para = (text: string): Block => ({ kind: 'paragraph', text });

/** Lines of print a block takes, roughly (10.5pt on A4: about 100 characters a line, 60 lines a page). */
function blockLines(b: Block): number {
  const text = (t: string) => Math.ceil(t.length / 100);
  switch (b.kind) {
    case 'paragraph':
      return text(b.text) + 1;
    case 'list':
      return b.items.reduce((n, i) => n + text(i), 1);
    case 'notes':
      return b.items.reduce((n, i) => n + text(i.text), 1);
    case 'table':
      return b.rows.length + 4;
    case 'figure':
      return 22;
  }
}

/**
 * Lines of print a section takes, roughly, with its subsections. Figures
 * print two abreast, and a figure marked `beside` sits beside the block
 * before it, so a pair of figures takes one figure's height and a figure
 * beside a table takes none of its own.
 */
export function sectionLines(s: ReportSection): number {
  let lines = 3;
  let abreast = 0;
  for (const b of s.blocks) {
    if (b.kind === 'figure') {
      if (b.beside === true) continue;
      if (abreast++ % 2 === 1) continue;
    } else abreast = 0;
    lines += blockLines(b);
  }
  return lines + s.subsections.reduce((n, x) => n + sectionLines(x), 0);
}

/**
 * Whether a section fills at least a third of an A4 page (20 of about 60
 * lines), so it starts a new page in print; shorter ones follow on.
 *
 * @example fillsThirdOfPage(section('quality', 'Data quality', [para('No problems found.')])) // false
 */
export const fillsThirdOfPage = (s: ReportSection): boolean => sectionLines(s) >= 20;
