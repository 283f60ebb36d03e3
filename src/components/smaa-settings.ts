import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount } from '../../models/format';
import { DEFAULT_SEED } from '../../models/stats/random';
import { updateSensitivitySettings, type SensitivitySettings, type SensitivitySettingsInput } from '../../models/sensitivity/settings';
import { requestEdit } from '../app/assessment-edit';
import { formStyles } from './form-styles';
import { readNumber } from './number-input';
import { baseStyles } from './styles';

/** The spreads a user can set, with their labels. */
const SPREADS = [
  ['High', 'High confidence'],
  ['Medium', 'Medium confidence'],
  ['Low', 'Low confidence'],
  ['unstated', 'No confidence stated'],
] as const;

/** The default spread when sampling around the weights in use: ±25%. */
const AROUND_DEFAULT = 0.25;

/**
 * A SMAA run's samples and seed, and how far each score may move by its
 * confidence (in whole scale levels). Kept with the assessment's sensitivity
 * settings, so the same run can be repeated after a reload.
 */
@customElement('csp-smaa-settings')
export class SmaaSettings extends LitElement {
  static override styles = [baseStyles, formStyles];

  @property({ attribute: false }) settings!: SensitivitySettings;
  /** Scores by confidence in what is analysed, for the note on score uncertainty. */
  @property({ attribute: false }) confidenceCounts: Record<'High' | 'Medium' | 'Low' | 'unstated', number> = { High: 0, Medium: 0, Low: 0, unstated: 0 };
  @property() error = '';

  private set(patch: SensitivitySettingsInput, label: string) {
    this.error = requestEdit(this, (a) => updateSensitivitySettings(a, patch), label, 'live') ?? '';
  }

  private whole(e: Event, min: number, max: number): number | null {
    return readNumber(e.target as HTMLInputElement, { min, max, whole: true });
  }

  override render() {
    const s = this.settings;
    const c = this.confidenceCounts;
    const partners = s.usePartnersRange && s.partnersRange !== null;
    return html`
      <div class="row">
        <label
          >Samples
          <input type="number" min="1" max="10000000" step="1" .value=${String(s.samples)} @change=${(e: Event) => {
            const v = this.whole(e, 1, 10_000_000);
            if (v !== null) this.set({ samples: v }, 'SMAA samples');
          }} />
        </label>
        <label
          >Seed
          <input type="number" min="0" max="4294967295" step="1" .value=${String(s.seed)} @change=${(e: Event) => {
            const v = this.whole(e, 0, 0xffffffff);
            if (v !== null) this.set({ seed: v }, 'SMAA seed');
          }} />
        </label>
        <button type="button" class="secondary" ?disabled=${s.seed === DEFAULT_SEED} @click=${() => this.set({ seed: DEFAULT_SEED }, 'SMAA seed')}>Default seed (${DEFAULT_SEED})</button>
      </div>
      <fieldset>
        <legend>Which weightings to sample</legend>
        <label class="check"
          ><input type="radio" name="smaa-weights" .checked=${s.around === null && !partners} @change=${() => this.set({ around: null, usePartnersRange: false }, 'SMAA weightings')} /> Every possible weighting,
          all equally likely (uniform: the weights now in use play no part)</label
        >
        <label class="check"
          ><input type="radio" name="smaa-weights" .checked=${s.around !== null && !partners} @change=${() => this.set({ around: s.around ?? AROUND_DEFAULT, usePartnersRange: false }, 'SMAA weightings')} /> Around the weights in
          use: how robust is our ranking if our weights are a little off?</label
        >
        <label class="check"
          ><input type="radio" name="smaa-weights" ?disabled=${s.partnersRange === null} .checked=${partners} @change=${() => this.set({ usePartnersRange: true }, 'SMAA weightings')} /> Within the
          range the partners gave${s.partnersRange === null ? ' (combine partners’ weights in the Partners’ workshop on the Risk matrix page first)' : ` (${s.partnersRange.partners.join(', ')})`}</label
        >
        ${
          partners
            ? html`<p class="muted">
              Each weight is drawn between the lowest and highest share any of the partners gave it, every weighting within those limits equally likely (the shares
              still add up to 100%). The importance order and weight limits are not used here.
            </p>`
            : s.around === null
              ? ''
              : html`<label
                >Each weight within ± (%)
                <input type="number" min="0" max="95" step="1" .value=${String(Math.round(s.around * 100))} @change=${(e: Event) => {
                  const v = this.whole(e, 0, 95);
                  if (v !== null) this.set({ around: v / 100 }, 'SMAA spread around the weights');
                }} />
              </label>
              <p class="muted">
                Each weight is drawn at random between ${Math.round((1 - s.around) * 100)}% and ${Math.round((1 + s.around) * 100)}% of its value in use, independently and every
                value equally likely; the weights are then rescaled to add up to the same total. The importance order and weight limits are not used here.
              </p>`
        }
      </fieldset>
      <fieldset>
        <legend>Score uncertainty</legend>
        <label class="check"
          ><input type="checkbox" .checked=${s.varyScores} @change=${(e: Event) => this.set({ varyScores: (e.target as HTMLInputElement).checked }, 'Vary scores')} /> Vary scores by their confidence</label
        >
        <p class="muted">
          A score may lie this many scale levels either side of the one given, each whole level equally likely (clipped to the scale). Scores here:
          ${formatCount(c.High)} High, ${formatCount(c.Medium)} Medium, ${formatCount(c.Low)} Low and ${formatCount(c.unstated)} with no confidence stated (F2 on
          the <a href="#/matrix">Risk matrix</a> grid records it).
        </p>
        <div class="row">
          ${SPREADS.map(
            ([key, label]) => html`<label
              >${label} (± levels)
              <input type="number" min="0" max="100" step="1" ?disabled=${!s.varyScores} .value=${String(s.spread[key])} @change=${(e: Event) => {
                const v = this.whole(e, 0, 100);
                if (v !== null) this.set({ spread: { ...s.spread, [key]: v } }, 'Score spread');
              }} />
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.error === '' ? '' : html`<p class="note error" role="alert">${this.error}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-smaa-settings': SmaaSettings;
  }
}
