import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalogue } from '../../models/evidence/catalogue';
import { DEFAULT_WEIGHT_TABLES, WeightTables, type WeightKind, type WeightTable } from '../../models/evidence/weights';
import { CRIME_TYPES } from '../../models/police-uk/street-row';
import { setupChanged } from './evidence-events';
import { askPage } from '../app/page-requests';
import { baseStyles } from './styles';

interface Draft {
  source: string;
  unit: string;
  /** Text of each weight input, by crime type or local issue id. */
  weights: Record<string, string>;
}

const toDraft = (t: WeightTable): Draft => ({ source: t.source, unit: t.unit, weights: Object.fromEntries(Object.entries(t.weights).map(([k, v]) => [k, String(v)])) });

/**
 * The harm and cost weight tables: a weight per police.uk crime type (and per
 * local issue), with the source they come from. They ship empty, with a note
 * on what to put there.
 *
 * @fires evidence-setup-changed - after a table is saved
 */
@customElement('csp-weight-tables')
export class WeightTablesEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .tables {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
        gap: 1.5rem;
      }
      label {
        display: block;
        margin: 0.5rem 0 0.15rem;
      }
      textarea,
      input {
        font: inherit;
        padding: 0.25rem 0.4rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      td input {
        width: 8rem;
        text-align: right;
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) weights: WeightTables | null = null;
  @property({ attribute: false }) catalogue: Catalogue | null = null;

  @state() private drafts: Record<WeightKind, Draft> | null = null;
  @state() private messages: Partial<Record<WeightKind, { kind: 'error' | 'status'; text: string }>> = {};

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('weights') && this.weights !== null) this.drafts = { harm: toDraft(this.weights.harm), cost: toDraft(this.weights.cost) };
  }

  /** Crime types, then local issues: what can carry a weight. */
  private get keys(): { key: string; label: string }[] {
    const local = (this.catalogue?.issues ?? []).filter((i) => i.source === 'local').map((i) => ({ key: i.id, label: `${i.label} (local count)` }));
    return [...CRIME_TYPES.map((t) => ({ key: t, label: t })), ...local];
  }

  private edit(kind: WeightKind, patch: Partial<Draft>) {
    this.drafts = { ...this.drafts!, [kind]: { ...this.drafts![kind], ...patch } };
    this.messages = { ...this.messages, [kind]: undefined };
  }

  private async save(kind: WeightKind, table: WeightTable) {
    const next = { ...this.weights!, [kind]: table };
    const parsed = WeightTables.safeParse(next);
    if (!parsed.success) {
      this.messages = { ...this.messages, [kind]: { kind: 'error', text: parsed.error.issues[0]!.message } };
      return;
    }
    try {
      await askPage(this, 'evidenceStore', 'saveWeights', parsed.data);
      this.messages = { ...this.messages, [kind]: { kind: 'status', text: `${table.name} saved.` } };
      this.dispatchEvent(setupChanged());
    } catch (e) {
      this.messages = { ...this.messages, [kind]: { kind: 'error', text: (e as Error).message } };
    }
  }

  private submit(kind: WeightKind, e: Event) {
    e.preventDefault();
    const d = this.drafts![kind];
    const shown = new Set(this.keys.map((k) => k.key));
    // Weights for keys not shown here (a crime type from older data) are kept as they are.
    const weights: Record<string, number> = Object.fromEntries(Object.entries(this.weights![kind].weights).filter(([k]) => !shown.has(k)));
    for (const { key, label } of this.keys) {
      const text = (d.weights[key] ?? '').trim();
      if (text === '') continue;
      const v = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(v) || v < 0) {
        this.messages = { ...this.messages, [kind]: { kind: 'error', text: `The ${kind} weight for ${label} must be a number, 0 or more (found “${text}”).` } };
        return;
      }
      weights[key] = v;
    }
    void this.save(kind, { ...this.weights![kind], source: d.source.trim(), unit: d.unit.trim(), weights });
  }

  override render() {
    if (this.weights === null || this.drafts === null) return nothing;
    return html`<div class="tables">${(['harm', 'cost'] as const).map((k) => this.table(k, this.weights![k], this.drafts![k]))}</div>`;
  }

  private table(kind: WeightKind, t: WeightTable, d: Draft) {
    const msg = this.messages[kind];
    const Kind = kind === 'harm' ? 'Harm' : 'Cost';
    return html`<form @submit=${(e: Event) => this.submit(kind, e)}>
      <p class="note ${Object.keys(t.weights).length === 0 ? 'warning' : ''}">${t.note}</p>
      <label for=${`${kind}-source`}>Source of the ${kind} weights (title, publisher, year, table, and how categories were mapped)</label>
      <textarea id=${`${kind}-source`} rows="2" .value=${d.source} @input=${(e: Event) => this.edit(kind, { source: (e.target as HTMLTextAreaElement).value })}></textarea>
      <label for=${`${kind}-unit`}>Unit of the ${kind} weights</label>
      <input id=${`${kind}-unit`} .value=${d.unit} @input=${(e: Event) => this.edit(kind, { unit: (e.target as HTMLInputElement).value })} />
      <table>
        <caption>${t.name}</caption>
        <thead>
          <tr><th scope="col">Crime type or issue</th><th scope="col" class="num">${Kind} weight</th></tr>
        </thead>
        <tbody>
          ${this.keys.map(
            ({ key, label }) => html`<tr>
              <th scope="row">${label}</th>
              <td class="num">
                <input
                  inputmode="decimal"
                  aria-label=${`${Kind} weight for ${label}`}
                  .value=${d.weights[key] ?? ''}
                  @input=${(e: Event) => this.edit(kind, { weights: { ...d.weights, [key]: (e.target as HTMLInputElement).value } })}
                />
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${msg === undefined ? nothing : html`<p class="note ${msg.kind === 'error' ? 'error' : ''}" role=${msg.kind === 'error' ? 'alert' : 'status'}>${msg.text}</p>`}
      <div class="buttons">
        <button type="submit">Save ${kind} weights</button>
        <button type="button" class="secondary" @click=${() => void this.save(kind, DEFAULT_WEIGHT_TABLES[kind])}>Clear ${kind} weights</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-weight-tables': WeightTablesEditor;
  }
}
