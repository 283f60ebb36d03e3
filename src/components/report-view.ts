// Over 300 lines: the printed report's layout: every section, table and figure with the print rules (page
// breaks, repeated headings, rows never split) they share.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { scrollRegion } from './scroll-region';
import { customElement, property, state } from 'lit/decorators.js';
import type * as Plot from '@observablehq/plot';
import type { ExecutiveBrief } from '../../models/report/brief';
import type { CheckItem } from '../../models/report/checklist';
import { sectionLines, type Block, type ChartRef, type ReportDocument, type ReportSection } from '../../models/report/document';
import { baseStyles } from './styles';
import './chart-figure';
import './executive-brief';
import './ready-checklist';
import { findRow, pageAt } from '../app/paging';
import type { PageChange } from './pager';
import './pager';

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * Whether a section starts a new printed page: only one that fills a whole
 * page (about 60 lines) does, so it is not split over a page it shares;
 * shorter ones follow on, which keeps the Luton report within 8 A4 pages.
 */
const startsPage = (s: ReportSection): boolean => sectionLines(s) >= 60;

/** Sections printed as a compact appendix (smaller type): what a board member looks up, not reads. */
const APPENDIX = new Set(['quality', 'methods', 'glossary']);

/**
 * Rows a page of a report table holds. A longer table (thousands of issues)
 * is paged on screen and prints the page shown, saying so; the Luton
 * report's tables are far shorter, so print as whole tables.
 */
export const REPORT_PAGE = 100;

/** Tables whose every row is in a CSV download of the Report page. */
const DOWNLOADS: Readonly<Record<string, string>> = { ranked: 'ranked priorities', evidence: 'evidence', dashboard: 'dashboard' };

/**
 * A report document, printable: the title as a heading, each section a
 * heading one level down (subsections one more), tables with captions and
 * row headers, figures as inline SVG with their text equivalents. Print
 * styles start a section on a new page only when it fills one, print
 * figures two abreast (a chart marked `beside` next to its table), keep
 * figures and table rows whole and repeat table headings on each page.
 */
@customElement('csp-report-view')
export class ReportView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      header p {
        color: var(--ink-2, #5a6573);
      }
      h2.title {
        font-size: 1.5rem;
        margin-top: 0.5rem;
      }
      section.top {
        margin: 2rem 0 0;
        border-top: 2px solid var(--rule, #d8dde3);
        padding-top: 0.75rem;
        /* Sections off screen are laid out only when scrolled to (or printed, found or read out): the report opens without laying out every table. */
        content-visibility: auto;
        contain-intrinsic-size: auto 40rem;
      }
      h3 {
        font-size: 1.2rem;
      }
      h4 {
        font-size: 1rem;
        margin: 1rem 0 0.35rem;
      }
      ol,
      ul {
        padding-left: 1.4rem;
        max-width: 75ch;
      }
      li {
        margin-bottom: 0.35rem;
      }
      ul.notes {
        list-style: none;
        padding: 0;
      }
      .table {
        margin: 0.75rem 0 1.25rem;
      }
      table.wide {
        font-size: 0.78rem;
      }
      table.wide th,
      table.wide td {
        padding: 0.2rem 0.35rem;
      }
      thead th,
      thead th.num,
      tbody th[scope='row'] {
        white-space: normal;
        vertical-align: bottom;
      }
      tbody th[scope='row'] {
        vertical-align: top;
        min-width: 8rem;
      }
      tr.cut > * {
        border-bottom: 3px dashed var(--danger, #a4262c);
      }
      p.source {
        font-size: 0.8rem;
        color: var(--ink-2, #5a6573);
      }
      nav.contents ol {
        columns: 2;
      }
      p.override {
        font-weight: 600;
      }
      @media print {
        section.top {
          border-top: none;
          content-visibility: visible;
        }
        /* Only a section that fills at least a third of a page starts a new one. */
        section.top.long {
          break-before: page;
          margin-top: 0;
        }
        /* The contents share a page with the first section. */
        nav.contents + section.top.long {
          break-before: auto;
        }
        nav.contents a {
          color: inherit;
          text-decoration: none;
        }
        h2,
        h3,
        h4,
        caption,
        h3 + p {
          break-after: avoid;
        }
        /* The checklist is short: its heading never sits alone at the foot of a page. */
        section.ready {
          break-inside: avoid;
        }
        .scroll {
          overflow: visible;
        }
        /* Wide tables (the ranked table) fit the page in smaller type. */
        table {
          font-size: 8pt;
        }
        table.wide {
          font-size: 6.5pt;
        }
        table.wide th,
        table.wide td {
          padding: 0.1rem 0.2rem;
        }
        /* The ranked table's criterion headings run upwards, whole words, so nine criteria fit A4. */
        table[data-id='ranked'] thead th:nth-child(n + 5) {
          writing-mode: vertical-rl;
          transform: rotate(180deg);
          white-space: nowrap;
          text-align: left;
          vertical-align: bottom;
        }
        th,
        td {
          padding: 0.15rem 0.3rem;
        }
        thead {
          display: table-header-group;
        }
        tr,
        li,
        .note {
          break-inside: avoid;
        }
        .table.short,
        csp-chart-figure {
          break-inside: avoid;
        }
        /* Figures print at half width (they scale), so a chart and its neighbours share a page. */
        csp-chart-figure {
          display: block;
          width: 50%;
        }
        /* Figures that follow one another print side by side; a narrow table has its chart beside it. */
        div.figures,
        div.beside {
          display: grid;
          grid-template-columns: 1fr 1fr;
          gap: 0 1.25rem;
          align-items: start;
        }
        div.beside {
          grid-template-columns: 58% 1fr;
        }
        div.figures csp-chart-figure,
        div.beside csp-chart-figure {
          width: auto;
        }
        p,
        ol,
        ul {
          max-width: none;
        }
        h3 {
          font-size: 12pt;
          margin: 0.6rem 0 0.3rem;
        }
        p {
          margin: 0 0 0.4rem;
        }
        .table {
          margin: 0.3rem 0 0.6rem;
        }
        table {
          line-height: 1.2;
        }
        th,
        td {
          padding: 0.05rem 0.25rem;
        }
        section.top {
          margin-top: 0.8rem;
          padding-top: 0;
        }
        section.appendix {
          font-size: 8pt;
        }
        section.appendix .note {
          padding: 0.15rem 0.5rem;
          margin: 0 0 0.25rem;
        }
        /* Short words (a status, a rank) keep to one or two lines, so each dashboard row stays short. */
        table[data-id='dashboard'] td:nth-child(2) {
          min-width: 6.5em;
        }
        table[data-id='dashboard'] td:nth-child(9) {
          min-width: 6em;
        }
        table[data-id='evidence'] td:last-child {
          min-width: 12em;
        }
        section.appendix table {
          font-size: 7.5pt;
        }
      }
    `,
  ];

  @property({ attribute: false }) doc!: ReportDocument;
  /** The executive brief, printed as the first two pages (null: the plain title). */
  @property({ attribute: false }) brief: ExecutiveBrief | null = null;
  /** The ready-to-publish checks, printed as the last section while the brief is a draft (null: not shown). */
  @property({ attribute: false }) checks: readonly CheckItem[] | null = null;
  /** Why the brief is Final although a check fails, shown in the report (null: not overridden). */
  @property() override: string | null = null;
  /** Plot options for a figure's chart (null: nothing to draw). */
  @property({ attribute: false }) chart: (ref: ChartRef) => Plot.PlotOptions | null = () => null;
  /** The first row shown of each paged table, by table id. */
  @state() private offsets = new Map<string, number>();

  private turn(id: string, e: CustomEvent<PageChange>) {
    this.offsets = new Map(this.offsets).set(id, e.detail.offset);
    const found = e.detail.found;
    if (found !== undefined) void this.updateComplete.then(() => this.renderRoot.querySelector(`table[data-id="${id}"] tr[data-row="${found}"] > *`)?.scrollIntoView({ block: 'center' }));
  }

  private pager(t: TableBlock) {
    const w = pageAt(t.rows.length, this.offsets.get(t.id) ?? 0, REPORT_PAGE);
    if (w.pages <= 1) return { w, pager: nothing };
    const download = DOWNLOADS[t.id];
    const note = `Only these rows are printed; ${download === undefined ? 'the Report page shows the others' : `Download ${download} (CSV) on the Report page holds all ${w.total.toLocaleString('en-GB')}`}.`;
    const labels = t.rows.map((r) => r[t.rowHeader] ?? '');
    const noun = (t.head[t.rowHeader] ?? 'row').toLocaleLowerCase('en-GB');
    return {
      w,
      pager: html`<csp-pager
        .window=${w}
        label=${t.caption}
        noun=${noun}
        printNote=${note}
        .find=${(text: string, from: number) => findRow(labels, text, from)}
        @page-change=${(e: CustomEvent<PageChange>) => this.turn(t.id, e)}
      ></csp-pager>`,
    };
  }

  private table(t: TableBlock) {
    const wide = t.head.length > 8;
    const { w, pager } = this.pager(t);
    const rows = w.pages <= 1 ? t.rows : t.rows.slice(w.offset, w.end);
    return html`<div class="table ${t.rows.length <= 15 ? 'short' : ''}">
      ${pager}
      <div class="scroll" ${scrollRegion()}>
        <table class=${wide ? 'wide' : ''} data-id=${t.id}>
          <caption>
            ${t.caption}
          </caption>
          <thead>
            <tr>
              ${t.head.map((h, i) => html`<th scope="col" class=${t.numeric[i] ? 'num' : ''}>${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((r, k0) => {
              const k = w.offset + k0;
              return html`<tr data-row=${k} class=${t.cutAfter !== undefined && k === t.cutAfter - 1 && k < t.rows.length - 1 ? 'cut' : ''}>
                ${r.map((c, i) => (i === t.rowHeader ? html`<th scope="row">${c}</th>` : html`<td class=${t.numeric[i] ? 'num' : ''}>${c}</td>`))}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${t.source === undefined ? nothing : html`<p class="source">${t.source}</p>`}
    </div>`;
  }

  private block(b: Block) {
    switch (b.kind) {
      case 'paragraph':
        return html`<p>${b.text}</p>`;
      case 'list':
        return b.ordered ? html`<ol>${b.items.map((i) => html`<li>${i}</li>`)}</ol>` : html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case 'notes':
        return html`<ul class="notes">${b.items.map((n) => html`<li class="note ${n.severity}">${n.text}</li>`)}</ul>`;
      case 'table':
        return this.table(b);
      case 'figure': {
        const options = this.chart(b.chart);
        return options === null ? nothing : html`<csp-chart-figure .options=${options} caption=${b.caption} description=${b.description}></csp-chart-figure><p class="source">${b.source}</p>`;
      }
    }
  }

  /**
   * The blocks in print groups: a figure marked `beside` with the block
   * before it, and figures that follow one another side by side.
   */
  private blocks(blocks: readonly Block[]) {
    const groups: { kind: 'one' | 'beside' | 'figures'; blocks: Block[] }[] = [];
    for (const b of blocks) {
      const last = groups.at(-1);
      if (b.kind === 'figure' && b.beside === true && last !== undefined && last.kind === 'one') last.kind = 'beside';
      else if (b.kind === 'figure' && b.beside !== true && last?.kind === 'figures') {
        last.blocks.push(b);
        continue;
      } else {
        groups.push({ kind: b.kind === 'figure' ? 'figures' : 'one', blocks: [b] });
        continue;
      }
      last.blocks.push(b);
    }
    return groups.map((g) => (g.kind === 'one' ? this.block(g.blocks[0]!) : html`<div class=${g.kind}>${g.blocks.map((b) => html`<div>${this.block(b)}</div>`)}</div>`));
  }

  private section(s: ReportSection, level: 3 | 4): TemplateResult {
    const heading = level === 3 ? html`<h3 id="report-${s.id}">${s.heading}</h3>` : html`<h4 id="report-${s.id}">${s.heading}</h4>`;
    const cls = level === 3 ? `top ${startsPage(s) ? 'long' : ''} ${APPENDIX.has(s.id) ? 'appendix' : ''}` : 'sub';
    return html`<section class=${cls} aria-labelledby="report-${s.id}">
      ${heading} ${this.blocks(s.blocks)} ${s.subsections.map((x) => this.section(x, 4))}
    </section>`;
  }

  // The address holds the page route, so contents links scroll instead of navigating.
  private jump(e: Event, id: string) {
    e.preventDefault();
    this.renderRoot.querySelector(`#report-${id}`)?.scrollIntoView();
  }

  override render() {
    const d = this.doc;
    return html`<article aria-labelledby="report-title">
      ${
        this.brief === null
          ? html`<header>
            <h2 class="title" id="report-title">${d.title}</h2>
            <p>${d.subtitle}</p>
          </header>`
          : html`<csp-executive-brief .brief=${this.brief} .chart=${this.chart}>
            <p class="source">${d.subtitle}</p>
            ${this.override === null ? nothing : html`<p class="override">Marked Final although not every publishing check passed. Reason given: ${this.override}</p>`}
          </csp-executive-brief>`
      }
      <nav class="contents" aria-labelledby="report-contents">
        <h3 id="report-contents">Contents</h3>
        <ol>
          ${d.sections.map((s) => html`<li><a href="#report-${s.id}" @click=${(e: Event) => this.jump(e, s.id)}>${s.heading}</a></li>`)}
          ${this.checks === null ? nothing : html`<li><a href="#report-ready" @click=${(e: Event) => this.jump(e, 'ready')}>Ready to publish</a></li>`}
        </ol>
      </nav>
      ${d.sections.map((s) => this.section(s, 3))}
      ${
        this.checks === null
          ? nothing
          : html`<section class="top ready" aria-labelledby="report-ready">
            <h3 id="report-ready">Ready to publish</h3>
            <p>This draft is checked before it is marked Final:</p>
            <csp-ready-checklist .checks=${this.checks}></csp-ready-checklist>
          </section>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-report-view': ReportView;
  }
}
