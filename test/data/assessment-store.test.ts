import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '../../models/risk-matrix/assessment';
import { removeIssue } from '../../models/risk-matrix/issue-edit';
import { templateById } from '../../models/risk-matrix/templates';
import { setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { removeScenario, scenarioFromDraft, updateScenario } from '../../models/sensitivity/scenario-edit';
import { updateSensitivitySettings } from '../../models/sensitivity/settings';
import { openAssessmentStore, type AssessmentStore } from '../../src/data/assessment-store';
import { listenForChanges } from '../../src/data/changes';
import { seedAssessment } from '../../src/data/seed-assessment';

let store: AssessmentStore;
let name: string;
let n = 0;
beforeEach(async () => {
  name = `assessments-test-${++n}-${Date.now()}`;
  store = await openAssessmentStore(name);
});
afterEach(() => store.close());

const grid = (id: string, label: string) => createAssessment(templateById('impact-likelihood-4x4')!, { id, name: label, now: 1 });

describe('AssessmentStore', () => {
  it('keeps several assessments side by side and lists them', async () => {
    await store.save(grid('a', '2024 assessment'));
    await store.save(seedAssessment('b', 2));
    const list = await store.list();
    expect(list.map((s) => [s.name, s.issues, s.criteria])).toEqual([
      ['2024 assessment', 0, 2],
      ['Central Bedfordshire 2014-15 (seed)', 32, 9],
    ]);
    expect((await store.get('b'))!.issues).toHaveLength(32);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('stamps each save later than the last, and survives reopening', async () => {
    const first = await store.save(grid('a', 'A'));
    const second = await store.save({ ...first, name: 'A renamed' });
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    store.close();
    store = await openAssessmentStore(name);
    expect((await store.get('a'))!.name).toBe('A renamed');
  });

  it('deletes an assessment and puts it back on undo', async () => {
    const seed = await store.save(seedAssessment('s', 1));
    const u = await store.delete('s');
    expect(u.label).toBe('Delete “Central Bedfordshire 2014-15 (seed)”');
    expect(await store.list()).toEqual([]);
    expect(await store.lastUndo()).toEqual(u);
    await store.undo(u.id);
    expect((await store.get('s'))!.issues).toEqual(seed.issues);
    expect(await store.lastUndo()).toBeUndefined();
  });

  it('undoes an edit but keeps the weights being tried', async () => {
    const seed = await store.save(seedAssessment('s', 1));
    const removed = await store.save(removeIssue(seed, 'nte'), 'Remove issue “NTE”');
    await store.save(setDraftWeight(removed, 'community_priority', 3));
    const u = (await store.lastUndo())!;
    expect(u.label).toBe('Remove issue “NTE”');
    await store.undo(u.id);
    const back = (await store.get('s'))!;
    expect(back.issues).toHaveLength(32);
    expect(back.draftWeights).toEqual({ community_priority: 3 });
  });

  it('undoes saving, editing and deleting a scenario, keeping the sensitivity set-up as it is now', async () => {
    const seed = await store.save(seedAssessment('s', 1));
    const saved = await store.save(scenarioFromDraft(seed, 'Community first', 2), 'Save scenario “Community first”');
    const edited = await store.save(updateScenario(saved, 'community-first', { name: 'Community led' }, 3), 'Rename scenario “Community first” to “Community led”');
    const deleted = await store.save(removeScenario(edited, 'community-first'), 'Delete scenario “Community led”');
    await store.save(updateSensitivitySettings(deleted, { seed: 42 }));
    const names = async () => ((await store.get('s'))!.scenarios ?? []).map((x) => x.name);
    expect(await names()).toEqual([]);
    await store.undo((await store.lastUndo())!.id);
    expect(await names()).toEqual(['Community led']);
    await store.undo((await store.lastUndo())!.id);
    expect(await names()).toEqual(['Community first']);
    expect((await store.get('s'))!.sensitivity?.seed).toBe(42);
    await store.undo((await store.lastUndo())!.id);
    expect(await names()).toEqual([]);
    store.close();
    store = await openAssessmentStore(name);
    expect((await store.get('s'))!.sensitivity?.seed).toBe(42);
  });

  it('refuses to undo a step once a newer one is saved (it would throw away the newer change too), and changes nothing', async () => {
    const seed = await store.save(seedAssessment('s', 1));
    const renamed = await store.save(scenarioFromDraft(seed, 'Community first', 2), 'Save scenario “Community first”');
    const shown = (await store.lastUndo())!;
    // A change saved between the undo bar showing its step and the click.
    await store.save(updateScenario(renamed, 'community-first', { name: 'Community led' }, 3), 'Rename scenario “Community first” to “Community led”');
    await expect(store.undo(shown.id)).rejects.toThrow(
      'a newer change (“Rename scenario “Community first” to “Community led””) was saved since; only the most recent change can be undone, and Undo now offers that one',
    );
    expect(((await store.get('s'))!.scenarios ?? []).map((x) => x.name)).toEqual(['Community led']);
    await store.undo((await store.lastUndo())!.id);
    expect(((await store.get('s'))!.scenarios ?? []).map((x) => x.name)).toEqual(['Community first']);
  });

  it('undoes a creation by removing what was created', async () => {
    await store.save(grid('g', 'Grid'), 'Create “Grid”');
    await store.undo((await store.lastUndo())!.id);
    expect(await store.get('g')).toBeUndefined();
  });

  it('refuses to save an invalid assessment, and lists an unreadable record with its problem', async () => {
    await expect(store.save({ ...grid('a', 'A'), name: '' })).rejects.toThrow();
    const raw = await openDB(name);
    await raw.put('assessments', { id: 'broken', name: 'Broken', schemaVersion: 1 });
    raw.close();
    const [row] = await store.list();
    expect(row).toMatchObject({ id: 'broken', name: 'Broken' });
    expect(row!.problem).toMatch(/model/);
    await expect(store.get('broken')).rejects.toThrow();
  });

  it('creates the seed on the first visit only, and not again after the user deletes it', async () => {
    expect(await store.seedOnce(() => seedAssessment('s1', 1))).toBe(true);
    expect(await store.seedOnce(() => seedAssessment('s2', 1))).toBe(false);
    expect(await store.currentId()).toBe('s1');
    await store.delete('s1');
    expect(await store.seedOnce(() => seedAssessment('s3', 1))).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('remembers the open assessment, and announces every change', async () => {
    const heard: number[] = [];
    const stop = listenForChanges((c) => heard.push(c.version), { assessments: name });
    await store.save(grid('a', 'A'));
    await store.setCurrentId('a');
    expect(await store.currentId()).toBe('a');
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(heard).toEqual([1, 2]);
    expect(await store.version()).toBe(2);
  });

  it('keeps only the most recent 30 steps to undo', async () => {
    let a = await store.save(grid('a', 'A'));
    for (let i = 0; i < 35; i++) a = await store.save({ ...a, name: `A${i}` }, `Rename to A${i}`);
    const raw = await openDB(name);
    expect(await raw.count('undo')).toBe(30);
    raw.close();
  });
});
