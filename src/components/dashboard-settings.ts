import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DASHBOARD_PERIOD_LABELS, DashboardSettings } from '../../models/dashboard/dashboard';
import { EXCEPTION_METHODS, ExceptionMethod } from '../../models/dashboard/exceptions';
import { Target, TARGET_INDICATOR_LABELS, TargetIndicator, targetWords } from '../../models/dashboard/rag';
import { formStyles } from './form-styles';
import { baseStyles } from './styles';

/**
 * The dashboard's settings: the exceptions method and baseline, whether only
 * significant changes count, what "nearly all" means, issues where a rise is
 * good news, and targets per issue and indicator. Every change is validated
 * before it is sent.
 *
 * @fires settings-change - detail: the new DashboardSettings
 */
@customElement('csp-dashboard-settings')
export class DashboardSettingsEditor extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      fieldset {
        border: 1px solid var(--rule, #d8dde3);
        margin: 0 0 1rem;
      }
      .issues {
        columns: 16rem;
      }
    `,
  ];

  @property({ attribute: false }) settings!: DashboardSettings;
  /** Catalogue issues: targets and polarity are set per issue. */
  @property({ attribute: false }) issues: { id: string; label: string }[] = [];
  @state() private error = '';

  private send(next: unknown) {
    const parsed = DashboardSettings.safeParse(next);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      this.error = `${i.message}.`;
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent<DashboardSettings>('settings-change', { detail: parsed.data, bubbles: true, composed: true }));
  }

  private exceptions(patch: Partial<DashboardSettings['exceptions']>) {
    this.send({ ...this.settings, exceptions: { ...this.settings.exceptions, ...patch } });
  }

  private toggleRising(id: string, on: boolean) {
    const set = new Set(this.settings.risingIsPositive);
    if (on) set.add(id);
    else set.delete(id);
    this.send({ ...this.settings, risingIsPositive: [...set] });
  }

  private addTarget(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const target = {
      issueId: String(f.get('issue')),
      indicator: String(f.get('indicator')),
      better: String(f.get('better')),
      green: f.get('green') === '' ? NaN : Number(f.get('green')),
      red: f.get('red') === '' ? NaN : Number(f.get('red')),
    };
    const parsed = Target.safeParse(target);
    if (!parsed.success) {
      this.error = Number.isNaN(target.green) || Number.isNaN(target.red) ? 'Give both the green and the red threshold as numbers.' : `${parsed.error.issues[0]!.message}.`;
      return;
    }
    const others = this.settings.targets.filter((t) => !(t.issueId === parsed.data.issueId && t.indicator === parsed.data.indicator));
    this.send({ ...this.settings, targets: [...others, parsed.data] });
    form.reset();
  }

  private removeTarget(t: Target) {
    this.send({ ...this.settings, targets: this.settings.targets.filter((x) => x !== t) });
  }

  override render() {
    const s = this.settings;
    const label = new Map(this.issues.map((i) => [i.id, i.label]));
    return html`
      <div class="row">
        <label
          >Periods compared
          <select @change=${(e: Event) => this.send({ ...s, periods: (e.target as HTMLSelectElement).value })}>
            ${(['rolling', 'fiscal', 'calendar'] as const).map((p) => html`<option value=${p} ?selected=${(s.periods ?? 'rolling') === p}>${DASHBOARD_PERIOD_LABELS[p]}</option>`)}
          </select>
        </label>
        <label
          >Exceptions method
          <select @change=${(e: Event) => this.exceptions({ method: ExceptionMethod.parse((e.target as HTMLSelectElement).value) })}>
            ${ExceptionMethod.options.map((m) => html`<option value=${m} ?selected=${s.exceptions.method === m}>${EXCEPTION_METHODS[m]}</option>`)}
          </select>
        </label>
        <label
          >Baseline (months before each month)
          <input type="number" min="6" max="60" step="1" .value=${String(s.exceptions.baselineMonths)} @change=${(e: Event) => this.exceptions({ baselineMonths: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label
          >Months with data needed before judging
          <input type="number" min="3" max="60" step="1" .value=${String(s.exceptions.minimumBaseline)} @change=${(e: Event) => this.exceptions({ minimumBaseline: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label
          >“Nearly all” negative (% of rated indicators)
          <input type="number" min="50" max="100" step="5" .value=${String(Math.round(s.nearlyAll * 100))} @change=${(e: Event) => this.send({ ...s, nearlyAll: Number((e.target as HTMLInputElement).value) / 100 })} />
        </label>
        <label class="check"
          ><input type="checkbox" .checked=${s.significantOnly} @change=${(e: Event) => this.send({ ...s, significantOnly: (e.target as HTMLInputElement).checked })} /> Count a change only when it is
          significant at 5%</label
        >
      </div>
      ${this.error === '' ? nothing : html`<p class="note error" role="alert">${this.error}</p>`}
      <details>
        <summary>Issues where a rise is good news (${s.risingIsPositive.length})</summary>
        <fieldset>
          <legend>For these issues a rise counts as positive, for example more reporting of hate crime or domestic abuse</legend>
          <div class="issues">
            ${this.issues.map(
              (i) =>
                html`<label class="check"><input type="checkbox" .checked=${s.risingIsPositive.includes(i.id)} @change=${(e: Event) => this.toggleRising(i.id, (e.target as HTMLInputElement).checked)} /> ${i.label}</label>`,
            )}
          </div>
        </fieldset>
      </details>
      <details ?open=${s.targets.length > 0}>
        <summary>Targets (${s.targets.length})</summary>
        <p>A target rates one indicator of one issue green, amber or red against two thresholds, as partners’ dashboards do (“Green above 95%, Amber 90%–95%, Red below 90%”).</p>
        ${
          s.targets.length === 0
            ? html`<p class="muted">No targets set.</p>`
            : html`<table>
              <caption>
                Targets
              </caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Indicator</th>
                  <th scope="col">Bands</th>
                  <th scope="col"><span class="visually-hidden">Remove</span></th>
                </tr>
              </thead>
              <tbody>
                ${s.targets.map(
                  (t) => html`<tr>
                    <th scope="row">${label.get(t.issueId) ?? t.issueId}</th>
                    <td>${TARGET_INDICATOR_LABELS[t.indicator]}</td>
                    <td>${targetWords(t, t.indicator.endsWith('change') ? '%' : '')}</td>
                    <td><button class="secondary" aria-label="Remove the target for ${label.get(t.issueId) ?? t.issueId}, ${TARGET_INDICATOR_LABELS[t.indicator]}" @click=${() => this.removeTarget(t)}>Remove</button></td>
                  </tr>`,
                )}
              </tbody>
            </table>`
        }
        <form class="row" @submit=${this.addTarget} aria-label="Add a target">
          <label
            >Issue
            <select name="issue">
              ${this.issues.map((i) => html`<option value=${i.id}>${i.label}</option>`)}
            </select>
          </label>
          <label
            >Indicator
            <select name="indicator">
              ${TargetIndicator.options.map((k) => html`<option value=${k}>${TARGET_INDICATOR_LABELS[k]}</option>`)}
            </select>
          </label>
          <label
            >Better when
            <select name="better">
              <option value="lower">lower</option>
              <option value="higher">higher</option>
            </select>
          </label>
          <label>Green threshold <input name="green" type="number" step="any" required /></label>
          <label>Red threshold <input name="red" type="number" step="any" required /></label>
          <button type="submit">Add target</button>
        </form>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-dashboard-settings': DashboardSettingsEditor;
  }
}
