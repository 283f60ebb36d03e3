import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as Plot from '@observablehq/plot';

/**
 * Draws a chart from Plot options. The one place the app calls Plot.plot:
 * chart builders in src/charts return options, this renders them.
 */
@customElement('csp-plot')
export class PlotFigure extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 100%;
      overflow-x: auto;
    }
    .chart > svg,
    .chart > figure {
      max-width: 100%;
      height: auto;
    }
  `;

  /** Plot options from a chart builder in src/charts. */
  @property({ attribute: false }) options: Plot.PlotOptions | null = null;
  @query('.chart') private container!: HTMLDivElement;

  override render() {
    return html`<div class="chart"></div>`;
  }

  protected override updated(): void {
    this.container.replaceChildren();
    if (this.options === null) return;
    const chart = Plot.plot(this.options);
    // Plot names its mark groups (aria-label="bar") on plain <g>s, where ARIA forbids a name
    // without a role (axe: aria-prohibited-attr); as groups, screen readers announce them.
    for (const g of chart.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
    this.container.append(chart);
  }

  /** The rendered chart as Plot returned it: its SVG, or a figure holding legends and the SVG (for exports). */
  get chart(): (Element & Partial<Plot.Plot>) | null {
    return this.container?.firstElementChild ?? null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-plot': PlotFigure;
  }
}
