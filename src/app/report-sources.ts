import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { EvidenceConfig } from '../../models/evidence/evidence';
import { formatCount } from '../../models/format';
import type { TopAreas } from '../../models/need/top-areas';
import type { HotspotResult } from '../../models/hotspots/result';
import { linkedCrimeIssues, type ReportParts } from '../../models/report/assemble';
import type { OutputSettings } from '../../models/report/settings';
import type { Assessment } from '../../models/risk-matrix/assessment';
import type { Catalogue } from '../../models/evidence/catalogue';
import { lastAnswers, memoLast } from './memo';
import { own } from '../../models/own';
import { weightedCriteria } from '../../models/risk-matrix/explain';
import { sensitivitySettings, smaaOptionsOf } from '../../models/sensitivity/settings';
import { proxy } from '../../workers/client';
import type { SmaaProgress } from '../../workers/sensitivity.worker';
import { describeData } from '../data/project-io';
import type { EvidenceSetup } from '../data/evidence-store';
import type { Services, WorkbenchState } from './context';
import { projectSources } from './project-sources';

interface Host {
  services?: Services;
  wb?: WorkbenchState;
  assessment(): Assessment | undefined;
  outputs(): OutputSettings | null;
  /** Bumped when a project import or settings restore changes what the report reads. */
  revision(): number;
  /** The links from the assessment's issues to evidence issues, and how many priorities the report names. */
  links(): ReportParts['links'] | undefined;
  topN(): number;
}

/**
 * Each part's last answer, kept across visits to the page (module scope, for
 * the page's lifetime) under a key naming everything the part reads: the
 * versions of the stores it reads (announced on the shared change channel,
 * see data/changes.ts), the key of the set-up it was made from, and its own
 * arguments. A return visit with nothing changed then asks no worker again
 * and unpacks no reply.
 */
const answers = lastAnswers();

const configOf = ({ catalogue, localCounts, weights, period }: EvidenceSetup): EvidenceConfig => ({ catalogue, localCounts, weights, period });

/**
 * What the robustness run reads of the scores, exactly: each issue's value and
 * confidence on each criterion, in order (rationales left out). Written by
 * hand, as JSON of 3,000 × 200 scores took two seconds on the page.
 */
function scoresKey(a: Assessment): string {
  const rows: string[] = [];
  for (const issue of a.issues) {
    const row = own(a.scores, issue.id);
    let text = '';
    for (const c of a.model.criteria) {
      const cell = own(row, c.id);
      text += `${cell?.value ?? ''}${cell?.confidence?.[0] ?? ''},`;
    }
    rows.push(text);
  }
  return rows.join(';');
}

/**
 * The report's inputs, each from the worker or store that owns it (evidence
 * and dashboard from the evidence worker, data-quality notes from the data
 * worker, community need from the need worker, robustness from the
 * sensitivity worker), as tasks that re-run when what they depend on changes.
 */
export class ReportSources {
  /** What each part is doing, for the progress list. */
  readonly progress = new Map<string, string>();

  constructor(private readonly host: ReactiveControllerHost & Host) {}

  private services(): Services {
    if (this.host.services === undefined) throw new Error('the workbench is not ready');
    return this.host.services;
  }

  private note(part: string, text: string | null) {
    if (text === null) this.progress.delete(part);
    else this.progress.set(part, text);
    this.host.requestUpdate();
  }

  /**
   * The evidence set-up, the open assessment's stored issue links, and the
   * data loaded; `key` names what they were read at, for the parts made from them.
   */
  readonly setup = new Task(this.host, {
    task: async ([data, evidence, need, , id]) => {
      const key = JSON.stringify([data, evidence, need, id ?? null]);
      return answers.get('setup', [key], async () => {
        const s = this.services();
        const [setup, links, described] = await Promise.all([s.evidenceStore.setup(), id === undefined ? {} : s.evidenceStore.links(id), describeData(projectSources(s))]);
        return { setup, links, data: described, key };
      });
    },
    args: () => [this.host.wb?.versions.data, this.host.wb?.versions.evidence, this.host.wb?.versions.need, this.host.revision(), this.host.assessment()?.id] as const,
  });

  readonly evidence = new Task(this.host, {
    task: async ([data, area, setup]) =>
      setup === undefined
        ? undefined
        : answers.get('evidence', [data, area, setup.key], async () => (await this.services().evidence.evidence({ area: area ?? null, config: configOf(setup.setup) })).evidence),
    args: () => [this.host.wb?.versions.data, this.host.wb?.area, this.setup.value] as const,
  });

  readonly dashboard = new Task(this.host, {
    task: async ([data, area, setup, settings]) =>
      setup === undefined || settings === undefined
        ? undefined
        : answers.get('dashboard', [data, area, setup.key, settings], () => this.services().evidence.dashboard({ area: area ?? null, config: configOf(setup.setup) }, settings)),
    args: () => [this.host.wb?.versions.data, this.host.wb?.area, this.setup.value, this.host.outputs()?.dashboard] as const,
  });

  /** Each police.uk issue's rate ranked among comparator areas and the peer group, as the Dashboard page ranks them. */
  readonly peers = new Task(this.host, {
    task: async ([data, area, setup, group]) =>
      area == null || setup === undefined
        ? null
        : answers.get('peers', [data, area, setup.key, group ?? []], () => this.services().evidence.peers({ area, config: configOf(setup.setup) }, [...(group ?? [])])),
    args: () => [this.host.wb?.versions.data, this.host.wb?.area, this.setup.value, this.host.outputs()?.dashboard.peerGroup] as const,
  });

  /** Hot spots of the top priorities' police.uk issues, with the Hot spots page's automatic settings over the evidence period. */
  readonly hotspots = new Task(this.host, {
    task: async ([data, area, key, setup]): Promise<Record<string, HotspotResult> | null> =>
      area == null || key === '' || setup === undefined ? null : answers.get('hotspots', [data, area, key, setup.key], () => this.findHotspots(area, key, setup.setup)),
    args: () => [this.host.wb?.versions.data, this.host.wb?.area, this.linkedKey(this.host.links(), this.host.topN()), this.setup.value] as const,
  });

  private async findHotspots(area: string, key: string, setup: EvidenceSetup): Promise<Record<string, HotspotResult> | null> {
    const h = this.services().hotspots;
    try {
      this.note('Hot spots', 'Reading the stored rows');
      if ((await h.setup(area)).wardFile === null) return null;
      const out: Record<string, HotspotResult> = {};
      for (const [id, types] of Object.entries(JSON.parse(key) as Record<string, string[]>)) {
        this.note('Hot spots', `Finding the hot spots of ${setup.catalogue.issues.find((i) => i.id === id)?.label ?? id}`);
        out[id] = await h.analyse(area, { issueId: id, period: setup.period, cellSize: null, bandwidth: null, neighbourCells: null }, types);
      }
      return out;
    } finally {
      this.note('Hot spots', null);
    }
  }

  readonly overview = new Task(this.host, {
    // Kept only once the repeated-ID check had finished, so its note is not left out of later visits.
    task: async ([data, area]) =>
      (
        await answers.get(
          'overview',
          [data, area],
          () => this.services().data.qualityNotes(area ?? null),
          (a) => a.complete,
        )
      ).notes,
    args: () => [this.host.wb?.versions.data, this.host.wb?.area] as const,
  });

  /** The police.uk issues linked to the top N (as JSON, so the need task re-runs only when they change). */
  private linkedKey(links: ReportParts['links'] | undefined, n: number): string {
    // Read through the host, so the need task sees the links and N the report uses.
    const a = this.host.assessment();
    const setup = this.setup.value?.setup;
    return a === undefined || setup === undefined || links === undefined ? '' : this.linkedKeyOf(a, setup.catalogue, links, n);
  }
  // Ranked and written out only when the assessment, catalogue, links or N change, not on every render.
  private readonly linkedKeyOf = memoLast((a: Assessment, catalogue: Catalogue, links: ReportParts['links'], n: number) => JSON.stringify(linkedCrimeIssues(a, catalogue, links, n)));
  // What the robustness run depends on, as text, made once per assessment object.
  private readonly robustnessKeyOf = memoLast((a: Assessment) => `${JSON.stringify([a.model, a.issues, a.draftWeights, a.sensitivity])}|${scoresKey(a)}`);

  readonly need: Task<readonly [number | undefined, number | undefined, string | null | undefined, string, number], ReportParts['need']> = new Task(this.host, {
    task: async ([data, needVersion, area, key]): Promise<ReportParts['need']> =>
      area == null || key === '' ? null : answers.get('need', [data, needVersion, area, key], () => this.findNeed(area, key)),
    args: () => [this.host.wb?.versions.data, this.host.wb?.versions.need, this.host.wb?.area, this.linkedKey(this.host.links(), this.host.topN()), this.host.revision()] as const,
  });

  private async findNeed(area: string, key: string): Promise<ReportParts['need']> {
    const need = this.services().need;
    try {
      const setup = await need.setup(
        area,
        proxy((phase: string, done: number, total: number) => this.note('Community need', `${phase} (${done} of ${total})`)),
      );
      const level = setup.levels.some((l) => l.level === setup.settings.level) ? setup.settings.level : setup.levels[0]?.level;
      if (level === undefined) return { matrix: null, byIssue: {}, missing: setup.missing, topN: setup.settings.topN };
      const settings = { ...setup.settings, level };
      this.note('Community need', 'Scoring the need matrix');
      const matrix = await need.matrix(area, settings);
      const byIssue: Record<string, TopAreas> = {};
      for (const [id, types] of Object.entries(JSON.parse(key) as Record<string, string[]>)) {
        const t = await need.topAreas(area, level, settings.periodMonths, types, 3);
        if (t !== null) byIssue[id] = t;
      }
      // The level's boundaries, for the brief's map of the top priorities' busiest areas.
      const geography = Object.keys(byIssue).length === 0 ? [] : await need.geography(area, level);
      return { matrix, byIssue, missing: setup.missing, topN: settings.topN, geography };
    } finally {
      this.note('Community need', null);
    }
  }

  readonly robustness = new Task(this.host, {
    task: async ([on, key]) => {
      const a = this.host.assessment();
      if (!on || a === undefined || key === '' || a.issues.length === 0) return null;
      // A run the user cancelled is not kept: the next visit runs it again.
      const out = await answers.get(
        'robustness',
        [key],
        () => this.findRobustness(a),
        (o) => !o.cancelled,
      );
      return out.cancelled ? null : out.result;
    },
    args: () => {
      const a = this.host.assessment();
      return [this.host.outputs()?.report.robustness ?? false, a === undefined ? '' : this.robustnessKeyOf(a)] as const;
    },
  });

  /** The SMAA run (seeded, so the same scores and settings give the same answer). */
  private async findRobustness(a: Assessment) {
    const s = this.services();
    try {
      const { options } = smaaOptionsOf(
        sensitivitySettings(a),
        weightedCriteria(a.model).map((c) => c.id),
      );
      const out = await s.sensitivity.smaa(
        { model: a.model, issues: a.issues, scores: a.scores, weights: a.draftWeights },
        options,
        proxy((p: SmaaProgress) => this.note('Robustness', `${formatCount(p.done)} of ${formatCount(p.total)} weightings`)),
      );
      return out;
    } finally {
      this.note('Robustness', null);
    }
  }

  readonly previous = new Task(this.host, {
    task: async ([id, version]) => (id === null ? null : answers.get('previous', [id, version], async () => (await this.services().assessments.get(id)) ?? null)),
    args: () => {
      const c = this.host.outputs()?.report.comparison;
      return [c?.kind === 'assessment' ? c.id : null, this.host.wb?.versions.assessments] as const;
    },
  });

  /** Parts still being worked out, and parts that failed (with why). */
  state(): { pending: string[]; failed: string[] } {
    const parts = {
      'Evidence set-up': this.setup,
      Evidence: this.evidence,
      Dashboard: this.dashboard,
      'Peer ranks': this.peers,
      'Hot spots': this.hotspots,
      'Data-quality notes': this.overview,
      'Community need': this.need,
      Robustness: this.robustness,
      'Previous assessment': this.previous,
    };
    const pending = Object.entries(parts)
      .filter(([, t]) => t.status === TaskStatus.PENDING || t.status === TaskStatus.INITIAL)
      .map(([k]) => k);
    const failed = Object.entries(parts)
      .filter(([, t]) => t.status === TaskStatus.ERROR)
      .map(([k, t]) => `${k}: ${(t.error as Error)?.message ?? String(t.error)}`);
    return { pending, failed };
  }
}
