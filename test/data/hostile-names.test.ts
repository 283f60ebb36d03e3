import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addCriterion } from '../../models/risk-matrix/criteria-edit';
import { addIssue, setCell } from '../../models/risk-matrix/issue-edit';
import { effectiveWeights, rank, totals } from '../../models/risk-matrix/score';
import { draftDiffers, setDraftWeight } from '../../models/risk-matrix/weights-edit';
import { formatMatrixCsv, readMatrixCsv } from '../../models/risk-matrix/matrix-csv';
import type { Assessment } from '../../models/risk-matrix/assessment';
import { linearProblem } from '../../models/sensitivity/problem';
import { stabilityIntervals } from '../../models/sensitivity/stability';
import { tornado } from '../../models/sensitivity/tornado';
import { runSmaa } from '../../models/sensitivity/smaa';
import { diffScenarios } from '../../models/sensitivity/scenario';
import { buildReport } from '../../models/report/build';
import { movements } from '../../models/risk-matrix/movement';
import { rankingChanges } from '../../models/report/changes';
import { caveats, executiveSummary } from '../../models/report/summary';
import { importedCopy } from '../../models/project/copy';
import { projectFileText, readProjectFile } from '../../models/project/read';
import { openAssessmentStore } from '../../src/data/assessment-store';
import { openEvidenceStore } from '../../src/data/evidence-store';
import { openNeedStore } from '../../src/data/need-store';
import { openReportStore } from '../../src/data/report-store';
import { exportProject, type ProjectSources } from '../../src/data/project-io';
import { seedAssessment } from '../../src/data/seed-assessment';
import { dict } from '../../models/own';

/**
 * Names that are also properties of every plain JavaScript object. A lookup
 * like `weights[id] ?? default` finds Object.prototype's member for them
 * (a function), and every total becomes NaN: they must behave like any name.
 */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** The seed matrix with a criterion and an issue for each name, and issues whose raw ids are those names (as a project file may carry). */
function hostileAssessment(): Assessment {
  let a = seedAssessment('hostile', 1);
  a = { ...a, issues: a.issues.slice(0, 3) };
  for (const label of NAMES) a = addCriterion(a, { label: label === 'constructor' ? 'Constructor' : label, group: 'Harm', weight: 2 });
  for (const label of NAMES) a = addIssue(a, label);
  // Raw ids, as a hand-written project file can give them.
  const raw = NAMES.filter((id) => id !== 'constructor').map((id) => ({ id, label: `Raw ${id}` }));
  a = { ...a, issues: [...a.issues, ...raw] };
  a = { ...a, scores: Object.assign(Object.create(null) as Assessment['scores'], a.scores) };
  const added = a.model.criteria.slice(-NAMES.length);
  a.issues.forEach((issue, k) => {
    for (const c of a.model.criteria) a = setCell(a, issue.id, c.id, { value: c.scale.min + ((k + c.id.length) % (c.scale.max - c.scale.min + 1)) });
  });
  expect(added.map((c) => c.id)).toContain('constructor');
  return a;
}

/** Σ weight × score over the criteria that count, computed directly (no lookup by key). */
function expectedTotal(a: Assessment, issueId: string, weightOf: (id: string) => number): number {
  const row = Object.entries(Object.getOwnPropertyDescriptors(a.scores)).find(([k]) => k === issueId)?.[1].value as Record<string, { value: number }>;
  return a.model.criteria.filter((c) => c.group !== 'Capacity' && c.group !== 'Confidence').reduce((s, c) => s + weightOf(c.id) * Object.getOwnPropertyDescriptor(row, c.id)!.value.value, 0);
}

describe('names that are Object.prototype members', () => {
  const a = hostileAssessment();

  it('score like any other name: every total finite and equal to Σ weight × score', () => {
    expect(a.model.aggregation.kind).toBe('weighted-sum');
    const t = totals(a.model, a.issues, a.scores, a.draftWeights);
    const weight = (id: string) => a.model.criteria.find((c) => c.id === id)!.weight;
    t.forEach((x, i) => expect(x.total).toBe(expectedTotal(a, a.issues[i]!.id, weight)));
    const w = effectiveWeights(a.model, {});
    expect(Object.getOwnPropertyDescriptor(w, 'constructor')?.value).toBe(2);
    const ranked = rank(a.model, a.issues, a.scores, a.draftWeights);
    expect(ranked.every((r) => Number.isFinite(r.total))).toBe(true);
    expect(new Set(ranked.map((r) => r.issueId)).size).toBe(a.issues.length);
  });

  it('take draft weights by those names', () => {
    const b = setDraftWeight(a, 'constructor', 5);
    expect(draftDiffers(b)).toBe(true);
    const t = totals(b.model, b.issues, b.scores, b.draftWeights);
    const weight = (id: string) => (id === 'constructor' ? 5 : b.model.criteria.find((c) => c.id === id)!.weight);
    t.forEach((x, i) => expect(x.total).toBe(expectedTotal(b, b.issues[i]!.id, weight)));
    expect(diffScenarios(b, { id: 'a', name: 'A', weights: {} }, { id: 'b', name: 'B', weights: dict([['constructor', 5]]) })).toEqual([
      expect.objectContaining({ kind: 'weight', criterionId: 'constructor', b: 5 }),
    ]);
  });

  it('run the sensitivity analyses (stability, tornado, SMAA) in-process with finite results', () => {
    const p = linearProblem(a);
    expect([...p.rawWeights].every(Number.isFinite)).toBe(true);
    const s = stabilityIntervals(p, 3);
    expect(s.top.map((c) => c.criterionId)).toContain('constructor');
    const t = tornado(p, 0.5);
    expect(t.bars.every((b) => Number.isFinite(b.bestRank) && Number.isFinite(b.worstRank))).toBe(true);
    const r = runSmaa(p, { samples: 2000, seed: 1234 });
    expect(r.issueIds).toEqual(a.issues.map((i) => i.id));
    // structuredClone is what a worker does with the problem: it must hold data, not functions.
    expect(() => structuredClone(p)).not.toThrow();
  });

  it('round-trip through the matrix CSV', () => {
    const text = formatMatrixCsv(a.model, a.issues, a.scores);
    const back = readMatrixCsv(text, a.model);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const got = totals(a.model, back.issues, back.scores);
    expect(got.map((x) => x.total)).toEqual(totals(a.model, a.issues, a.scores).map((x) => x.total));
  });

  it('build the report with no NaN and no function text', () => {
    const ranked = rank(a.model, a.issues, a.scores, a.draftWeights);
    const links = Object.create(null) as Record<string, string | null>;
    const summary = executiveSummary({ assessment: a, ranked, n: 3, changes: null, evidence: null, dashboard: [], links, robustness: null, where: null });
    const doc = buildReport({
      assessment: a,
      ranked,
      moves: movements(ranked, ranked),
      movesAgainst: 'the baseline weights',
      changes: rankingChanges(ranked, ranked, 3, 'the baseline weights'),
      n: 3,
      summary,
      caveats: caveats({ assessment: a, ranked, n: 3, links, notes: [], needMissing: [] }),
      evidence: null,
      dashboard: null,
      links,
      robustness: null,
      where: null,
      data: null,
      dataLabels: {},
      generatedAt: Date.UTC(2026, 1, 3),
    });
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/NaN|Infinity|function |\[object /);
  });

  it('round-trip through a project file', async () => {
    const tag = `${Date.now()}-${Math.random()}`;
    const [assessments, evidence, need, report] = await Promise.all([openAssessmentStore(`ha-${tag}`), openEvidenceStore(`he-${tag}`), openNeedStore(`hn-${tag}`), openReportStore(`hr-${tag}`)]);
    // A raw id "__proto__" is refused by name (zod and JSON records lose that key); every other name goes through.
    const kept = { ...a, issues: a.issues.filter((i) => i.id !== '__proto__') };
    await assessments.save(kept);
    const data = {
      partitions: async () => [],
      datasets: async () => [],
      settings: async () => ({ area: 'Luton' }),
      updateSettings: async () => ({ area: 'Luton' }),
    };
    const sources = { assessments, evidence, data, need, report } as unknown as ProjectSources;
    const file = await exportProject(sources, kept.id, 2);
    const edited = JSON.parse(projectFileText(file)) as { assessment: { issues: { id: string }[] } };
    edited.assessment.issues[0]!.id = '__proto__';
    const refused = readProjectFile(JSON.stringify(edited));
    expect(refused.ok === false && refused.error).toMatch(/"__proto__" cannot be used/);
    const read = readProjectFile(projectFileText(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const copy = importedCopy(read.project, { id: 'copy', decisionId: (i) => `d${i}`, takenNames: [], now: 3 });
    const t = totals(copy.assessment.model, copy.assessment.issues, copy.assessment.scores, copy.assessment.draftWeights);
    expect(t.map((x) => x.total)).toEqual(totals(kept.model, kept.issues, kept.scores, kept.draftWeights).map((x) => x.total));
    expect(t.every((x) => Number.isFinite(x.total) && x.total > 0)).toBe(true);
    for (const s of [assessments, evidence, need, report]) s.close();
  });
});
