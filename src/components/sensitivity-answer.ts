import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Assessment } from '../../models/sensitivity/problem';
import { stabilityHeadlineWords, type Labels } from '../../models/sensitivity/weight-words';
import { baseStyles } from './styles';
import { askPage } from '../app/page-requests';

/**
 * The page's answer in one sentence, before any analysis is chosen: the
 * smallest single weight change that alters the top N (exact, from the
 * weight-stability intervals the sensitivity worker computes).
 */
@customElement('csp-sensitivity-answer')
export class SensitivityAnswer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      p {
        font-size: 1.05rem;
        font-weight: 600;
        margin: 0 0 1rem;
      }
    `,
  ];

  @property({ attribute: false }) input!: Assessment;
  @property({ attribute: false }) labels!: Labels;
  @property({ type: Number }) topN = 5;

  private readonly report = new Task(this, {
    task: async ([input, topN]) => askPage(this, 'sensitivity', 'stability', input, topN),
    args: () => [this.input, this.topN] as const,
  });

  override render() {
    return this.report.render({
      pending: () => html`<p class="muted" role="status">Working out how stable the top ${this.topN} is…</p>`,
      complete: (r) => html`<p data-testid="sensitivity-answer">${stabilityHeadlineWords(r, 'top', this.labels)}</p>`,
      error: () => nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-sensitivity-answer': SensitivityAnswer;
  }
}
