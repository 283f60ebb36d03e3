import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { servicesContext, stateContext, type Services, type WorkbenchState } from '../app/context';
import { baseStyles } from '../components/styles';
import '../components/import-panel';
import '../components/data-sources';
import '../components/import-outcome';
import '../components/imported-months';
import '../components/rejected-rows';
import '../components/datasets-table';
import '../components/undo-bar';

/** Loading and managing data: import, what each import did, stored months, rejected rows, datasets. */
@customElement('csp-data-page')
export class DataPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin: 0 0 2rem;
      }
    `,
  ];

  @consume({ context: servicesContext }) private services?: Services;
  @consume({ context: stateContext, subscribe: true }) private wb?: WorkbenchState;

  private readonly lastUndo = new Task(this, {
    task: async ([version]) => {
      void version;
      return this.services?.store.lastUndo();
    },
    args: () => [this.wb?.version] as const,
  });

  // Undo runs in the import worker, which does every write to the data store.
  private readonly undo = async (id: string) => this.services?.jobs.undo(id);

  override render() {
    return html`
      <h2>Data</h2>
      <csp-undo-bar .step=${this.lastUndo.value} .run=${this.undo}></csp-undo-bar>
      <section aria-labelledby="load">
        <h3 id="load">Load data</h3>
        <csp-import-panel></csp-import-panel>
        <csp-data-sources></csp-data-sources>
      </section>
      <section><csp-import-outcome></csp-import-outcome></section>
      <section><csp-imported-months></csp-imported-months></section>
      <section aria-labelledby="rejected">
        <h3 id="rejected">Rejected rows</h3>
        <csp-rejected-rows></csp-rejected-rows>
      </section>
      <section><csp-datasets></csp-datasets></section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-data-page': DataPage;
  }
}
