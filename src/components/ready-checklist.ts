import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CheckItem } from '../../models/report/checklist';
import { baseStyles } from './styles';

/**
 * The "Ready to publish" checklist: each check passed (✓) or failed (✗,
 * with what is wrong and a link to the page where it is fixed).
 */
@customElement('csp-ready-checklist')
export class ReadyChecklist extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0.25rem 0;
      }
      li {
        margin: 0.2rem 0;
        break-inside: avoid;
      }
      .mark {
        display: inline-block;
        width: 1.2rem;
        font-weight: 700;
      }
      .ok .mark {
        color: var(--ok, #1b6e2e);
      }
      .fail .mark {
        color: var(--danger, #a4262c);
      }
    `,
  ];

  @property({ attribute: false }) checks: readonly CheckItem[] = [];

  override render() {
    return html`<ul aria-label="Ready to publish">
      ${this.checks.map(
        (c) => html`<li class=${c.ok ? 'ok' : 'fail'}>
          <span class="mark" aria-hidden="true">${c.ok ? '✓' : '✗'}</span>${c.label}: ${c.ok ? 'done' : html`<strong>not yet</strong>. ${c.problem}`}
          ${c.ok ? nothing : html` <a href=${c.fix.href}>Fix this on the ${c.fix.page} page</a>`}
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-ready-checklist': ReadyChecklist;
  }
}
