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
  | { kind: 'figure'; id: string; chart: ChartRef; caption: string; /** The chart's text equivalent. */ description: string };

/** Which chart a figure draws (the view builds its Plot options from data it holds). */
export type ChartRef = { type: 'contributions' } | { type: 'control'; issueId: string };

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
