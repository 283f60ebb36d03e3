import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactiveController } from 'lit';
import { AssessmentController } from '../../src/app/assessment-controller';
import { requestEdit } from '../../src/app/assessment-edit';
import { openAssessmentStore, type AssessmentStore } from '../../src/data/assessment-store';
import { seedAssessment } from '../../src/data/seed-assessment';
import { renameIssue } from '../../models/risk-matrix/issue-edit';

// The undo bar on the Risk matrix, Priorities and Sensitivity pages shows the newest step the controller read.
// An edit saved between that read and the click must not let Undo take back the step before it (and the edit with it).

/** A Lit host as far as the controller needs one: events, controllers and update requests. */
class Host extends EventTarget {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  readonly updateComplete = Promise.resolve(true);
}

let store: AssessmentStore;
let n = 0;
afterEach(() => store.close());

async function setUp() {
  store = await openAssessmentStore(`controller-${++n}-${Date.now()}`);
  const seed = await store.save(seedAssessment('s', 1));
  await store.save(renameIssue(seed, seed.issues[0]!.id, 'First rename'), 'Rename to “First rename”');
  const host = new Host();
  const ctl = new AssessmentController(host as unknown as Host & HTMLElement, () => store);
  for (const c of host.controllers) c.hostConnected?.();
  await ctl.load();
  return { host, ctl };
}

const firstIssue = async () => (await store.get('s'))!.issues[0]!.label;

describe('AssessmentController and the undo bar', () => {
  it('says a change is being saved until it is stored, then offers that change', async () => {
    const { host, ctl } = await setUp();
    expect(ctl.writing).toBe(false);
    expect(ctl.lastUndo?.label).toBe('Rename to “First rename”');
    const id = ctl.current!.issues[0]!.id;
    expect(requestEdit(host, (a) => renameIssue(a, id, 'Second rename'), 'Rename to “Second rename”')).toBeUndefined();
    expect(ctl.writing).toBe(true);
    await expect.poll(() => ctl.writing).toBe(false);
    expect(ctl.lastUndo?.label).toBe('Rename to “Second rename”');
    expect(await firstIssue()).toBe('Second rename');
  });

  it('refuses the step the bar showed once a newer edit is saved, keeps the edit, and reads the newest step again', async () => {
    const { host, ctl } = await setUp();
    const shown = ctl.lastUndo!;
    const id = ctl.current!.issues[0]!.id;
    requestEdit(host, (a) => renameIssue(a, id, 'Second rename'), 'Rename to “Second rename”');
    // The click lands while the edit is still being saved.
    await expect(ctl.undo(shown.id)).rejects.toThrow('a newer change (“Rename to “Second rename””) was saved since; only the most recent change can be undone');
    expect(await firstIssue()).toBe('Second rename');
    expect(ctl.current!.issues[0]!.label).toBe('Second rename');
    expect(ctl.lastUndo?.label).toBe('Rename to “Second rename”');
    await ctl.undo(ctl.lastUndo!.id);
    expect(await firstIssue()).toBe('First rename');
    for (const c of host.controllers) c.hostDisconnected?.();
  });
});
