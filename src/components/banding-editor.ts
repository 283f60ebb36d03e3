import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BandingRules, bandsInWords, DEFAULT_BANDING_RULES, EvidenceMetric, METRIC_LABELS, type BandingRule } from '../../models/evidence/banding';
import { setupChanged } from './evidence-events';
import { askPage } from '../app/page-requests';
import { baseStyles } from './styles';

interface Draft {
  metric: EvidenceMetric;
  thresholds: string;
  scores: string;
  notSignificant: string;
}

const toDraft = (r: BandingRule): Draft => ({
  metric: r.metric,
  thresholds: r.thresholds.join(', '),
  scores: r.scores.join(', '),
  notSignificant: r.notSignificantScore === null ? '' : String(r.notSignificantScore),
});

/** "1, 2.5, 1,000" is ambiguous, so lists are separated by commas and numbers have no thousands separators. */
function numbers(text: string): number[] | string {
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim().replace(/^−/, '-'))
    .filter((s) => s !== '');
  const out = parts.map(Number);
  const bad = parts.find((p, i) => !Number.isFinite(out[i]!) || !/^-?\d+(\.\d+)?$/.test(p));
  return bad === undefined ? out : `“${bad}” is not a number (write numbers without thousands separators, separated by commas)`;
}

/**
 * Edits the banding rules: for each data-backed criterion, the metric it
 * reads, the thresholds between bands and the score of each band. Saves to
 * the evidence store after validating.
 *
 * @fires evidence-setup-changed - after the rules are saved
 */
@customElement('csp-banding-editor')
export class BandingEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        border-radius: 4px;
        margin: 0 0 1rem;
        padding: 0.5rem 1rem 0.75rem;
      }
      legend {
        font-weight: 600;
      }
      label {
        display: block;
        margin: 0.5rem 0 0.15rem;
      }
      input,
      select {
        font: inherit;
        padding: 0.25rem 0.4rem;
        min-width: 26rem;
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
      }
    `,
  ];

  /** The rules in force. */
  @property({ attribute: false }) rules: BandingRules | null = null;

  @state() private drafts: Draft[] = [];
  @state() private problem: string | null = null;
  @state() private saved = false;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rules') && this.rules !== null) this.drafts = this.rules.rules.map(toDraft);
  }

  private edit(i: number, patch: Partial<Draft>) {
    this.drafts = this.drafts.map((d, j) => (j === i ? { ...d, ...patch } : d));
    this.saved = false;
  }

  /** The draft as rules, or the first problem in words. */
  private build(): BandingRules | string {
    const rules: BandingRule[] = [];
    for (const [i, d] of this.drafts.entries()) {
      const base = this.rules!.rules[i]!;
      const thresholds = numbers(d.thresholds);
      const scores = numbers(d.scores);
      if (typeof thresholds === 'string') return `${base.criterionLabel}, thresholds: ${thresholds}`;
      if (typeof scores === 'string') return `${base.criterionLabel}, scores: ${scores}`;
      const ns = d.notSignificant.trim() === '' ? null : Number(d.notSignificant);
      if (ns !== null && !Number.isInteger(ns)) return `${base.criterionLabel}: the score for a change that is not significant must be a whole number`;
      rules.push({ ...base, metric: d.metric, thresholds, scores, notSignificantScore: d.metric === 'changePercent' ? ns : null });
    }
    const parsed = BandingRules.safeParse({ rules });
    return parsed.success ? parsed.data : parsed.error.issues[0]!.message;
  }

  private async save(e: Event) {
    e.preventDefault();
    const built = this.build();
    if (typeof built === 'string') {
      this.problem = built;
      return;
    }
    await this.store(built);
  }

  private async store(rules: BandingRules) {
    try {
      await askPage(this, 'evidenceStore', 'saveBanding', rules);
      this.problem = null;
      this.saved = true;
      this.dispatchEvent(setupChanged());
    } catch (err) {
      this.problem = (err as Error).message;
    }
  }

  override render() {
    if (this.rules === null) return nothing;
    return html`
      <form @submit=${this.save} novalidate>
        ${this.rules.rules.map((r, i) => this.rule(r, i))}
        ${this.problem === null ? nothing : html`<p class="note error" role="alert">${this.problem}</p>`}
        ${this.saved ? html`<p class="note" role="status">Banding rules saved; the proposed scores above use them.</p>` : nothing}
        <div class="buttons">
          <button type="submit">Save banding rules</button>
          <button type="button" class="secondary" @click=${() => void this.store(DEFAULT_BANDING_RULES)}>Reset to the default rules</button>
        </div>
      </form>
    `;
  }

  private rule(r: BandingRule, i: number) {
    const d = this.drafts[i];
    if (d === undefined) return nothing;
    const id = (what: string) => `${r.criterionId}-${what}`;
    return html`<fieldset>
      <legend>${r.criterionLabel}</legend>
      <p class="muted">${r.note}</p>
      <p>In force: ${bandsInWords(r)}.</p>
      <label for=${id('metric')}>Metric for ${r.criterionLabel}</label>
      <select id=${id('metric')} @change=${(e: Event) => this.edit(i, { metric: EvidenceMetric.parse((e.target as HTMLSelectElement).value) })}>
        ${EvidenceMetric.options.map((m) => html`<option value=${m} ?selected=${m === d.metric}>${METRIC_LABELS[m]}</option>`)}
      </select>
      <label for=${id('thresholds')}>Thresholds for ${r.criterionLabel} (lower bound of each band after the first, comma-separated)</label>
      <input id=${id('thresholds')} .value=${d.thresholds} @input=${(e: Event) => this.edit(i, { thresholds: (e.target as HTMLInputElement).value })} />
      <label for=${id('scores')}>Scores for ${r.criterionLabel} (one per band, lowest band first)</label>
      <input id=${id('scores')} .value=${d.scores} @input=${(e: Event) => this.edit(i, { scores: (e.target as HTMLInputElement).value })} />
      ${
        d.metric === 'changePercent'
          ? html`<label for=${id('ns')}>Score for ${r.criterionLabel} when the change is not significant at 5% (blank: band it anyway)</label>
            <input id=${id('ns')} inputmode="numeric" .value=${d.notSignificant} @input=${(e: Event) => this.edit(i, { notSignificant: (e.target as HTMLInputElement).value })} />`
          : nothing
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-banding-editor': BandingEditor;
  }
}
