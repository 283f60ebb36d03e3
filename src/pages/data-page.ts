import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
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
import { answerPageRequests } from '../app/page-io';
import { JobsController } from '../app/import-jobs';

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
  /** The import job's state (what runs, its last report, its error), given to the import views. */
  private readonly jobs = new JobsController(this, () => this.services?.jobs);

  private readonly lastUndo = new Task(this, {
    task: async ([version]) => {
      void version;
      return this.services?.store.lastUndo();
    },
    args: () => [this.wb?.versions.data] as const,
  });

  // Undo runs in the import worker, which does every write to the data store.
  private readonly undo = async (id: string) => this.services?.jobs.undo(id);
  /** Destructive steps in flight (a delete): until each is stored and the undo step re-read, Undo waits. */
  @state() private writing = 0;

  constructor() {
    super();
    this.addEventListener('csp-writing', (e) => void this.track((e as CustomEvent<Promise<unknown>>).detail));
    // The page reads the store, runs imports and deletes datasets for its views (they hold no store or worker).
    answerPageRequests(this, () => this.services, ['store', 'importer', 'jobs']);
  }

  private async track(done: Promise<unknown>) {
    this.writing++;
    try {
      await done.catch(() => undefined);
      await this.lastUndo.run();
    } finally {
      this.writing--;
    }
  }

  override render() {
    const job = this.jobs.state;
    return html`
      <h2>Data</h2>
      <csp-undo-bar .step=${this.lastUndo.value} .run=${this.undo} ?writing=${this.writing > 0}></csp-undo-bar>
      <section aria-labelledby="load">
        <h3 id="load">Load data</h3>
        <csp-import-panel ?busy=${job?.running != null}></csp-import-panel>
        <csp-data-sources></csp-data-sources>
      </section>
      <section><csp-import-outcome .job=${job ?? null}></csp-import-outcome></section>
      <section><csp-imported-months .report=${job?.lastReport ?? null}></csp-imported-months></section>
      <section aria-labelledby="rejected">
        <h3 id="rejected">Rejected rows</h3>
        <csp-rejected-rows .report=${job?.lastReport ?? null}></csp-rejected-rows>
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
