import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type * as Plot from '@observablehq/plot';
import { chartSvgFile, fileNameOf, svgToPng } from '../app/chart-export';
import { downloadBlob, downloadText } from '../app/download';
import type { PlotFigure } from './plot-figure';
import { baseStyles } from './styles';
import './plot-figure';

/**
 * A chart with its caption, its text equivalent and buttons to download it
 * as SVG and PNG (the buttons are not printed).
 */
@customElement('csp-chart-figure')
export class ChartFigure extends LitElement {
  static override styles = [
    baseStyles,
    css`
      figure {
        margin: 0 0 1.25rem;
        break-inside: avoid;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .description {
        font-size: 0.85rem;
        color: var(--ink-2, #5a6573);
        margin: 0.25rem 0 0.4rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      @media print {
        .actions {
          display: none;
        }
      }
    `,
  ];

  /** Plot options from a chart builder in src/charts. */
  @property({ attribute: false }) options: Plot.PlotOptions | null = null;
  @property() caption = '';
  /** The chart's text equivalent: what it shows, in words. */
  @property() description = '';
  @state() private error = '';
  @query('csp-plot') private plot!: PlotFigure;

  private file() {
    const chart = this.plot.chart;
    if (chart === null) throw new Error('the chart is not drawn yet');
    return chartSvgFile(chart, this.caption);
  }

  private async download(kind: 'svg' | 'png') {
    this.error = '';
    try {
      const file = this.file();
      const name = `${fileNameOf(this.caption)}.${kind}`;
      if (kind === 'svg') downloadText(name, file.text, 'image/svg+xml');
      else downloadBlob(name, await svgToPng(file));
    } catch (e) {
      this.error = `The chart could not be saved: ${(e as Error).message}`;
    }
  }

  override render() {
    return html`<figure>
      <figcaption>${this.caption}</figcaption>
      <csp-plot .options=${this.options}></csp-plot>
      ${this.description === '' ? nothing : html`<p class="description">${this.description}</p>`}
      <div class="actions">
        <button class="secondary" aria-label="Download “${this.caption}” as SVG" @click=${() => this.download('svg')}>SVG</button>
        <button class="secondary" aria-label="Download “${this.caption}” as PNG" @click=${() => this.download('png')}>PNG</button>
        ${this.error === '' ? nothing : html`<span class="note error" role="alert">${this.error}</span>`}
      </div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-chart-figure': ChartFigure;
  }
}
