/// <reference lib="webworker" />
/**
 * Sensitivity analyses off the page's thread: SMAA (with progress and cancel),
 * stability intervals, tornado, "what would it take", scenario comparison.
 * Thin: it validates what it is sent and calls models/sensitivity.
 */
import { expose } from 'comlink';
import { z } from 'zod';
import { Assessment, linearProblem } from '../models/sensitivity/problem';
import { SmaaOptions, SmaaRun, type SmaaResult } from '../models/sensitivity/smaa';
import { stabilityIntervals, type StabilityReport } from '../models/sensitivity/stability';
import { tornado, type Tornado } from '../models/sensitivity/tornado';
import { whatWouldItTake, type InverseAnswer } from '../models/sensitivity/inverse';
import { WeightConstraints } from '../models/sensitivity/constraints';
import { compareScenarios, Scenario, type ScenarioComparison, type ScenarioInput } from '../models/sensitivity/scenario';

/** Progress of a SMAA run: samples drawn of those asked for. */
export interface SmaaProgress {
  done: number;
  total: number;
}

/** A finished (or cancelled) run: the result so far and how long it took in this worker (validation, set-up and sampling). */
export interface SmaaOutcome {
  result: SmaaResult;
  cancelled: boolean;
  elapsedMs: number;
}

let current: { cancelled: boolean } | null = null;

// A macrotask break without setTimeout's 4 ms clamp, so cancel messages get through between chunks.
const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => pending.shift()?.();
const breather = () =>
  new Promise<void>((resolve) => {
    pending.push(resolve);
    channel.port2.postMessage(null);
  });

const api = {
  /** Runs SMAA; a new run cancels one still going. Progress is reported at most every 100 ms. */
  async smaa(assessment: Assessment, options: z.input<typeof SmaaOptions>, onProgress?: (p: SmaaProgress) => void): Promise<SmaaOutcome> {
    if (current) current.cancelled = true;
    const token = { cancelled: false };
    current = token;
    // Timed from here: validation and set-up count, as the user waits for them too.
    const started = performance.now();
    const run = new SmaaRun(linearProblem(Assessment.parse(assessment)), SmaaOptions.parse(options));
    const total = run.planned;
    let lastReport = started;
    let chunk = 2_000;
    while (!run.done && !token.cancelled) {
      const t0 = performance.now();
      run.step(chunk);
      const took = performance.now() - t0;
      // Aim for chunks of about 50 ms: long enough to keep overheads small, short enough to cancel promptly.
      chunk = Math.max(500, Math.min(50_000, Math.round(chunk * (took > 0 ? 50 / took : 2))));
      const now = performance.now();
      if (onProgress && (now - lastReport >= 100 || run.done)) {
        lastReport = now;
        onProgress({ done: run.counts.samples, total });
      }
      if (!run.done) await breather();
    }
    const elapsedMs = performance.now() - started;
    if (current === token) current = null;
    return { result: run.result(), cancelled: token.cancelled, elapsedMs };
  },
  /** Stops the SMAA run in progress (its result so far is still returned to its caller). */
  cancel(): void {
    if (current) current.cancelled = true;
  },
  /** Weight-stability intervals for the top N and for first place. */
  stability(assessment: Assessment, topN: number): StabilityReport {
    return stabilityIntervals(linearProblem(Assessment.parse(assessment)), z.number().int().min(1).parse(topN));
  },
  /** Each issue's rank range when each weight moves by ±change (0.5 = ±50%). */
  tornado(assessment: Assessment, change: number): Tornado {
    return tornado(linearProblem(Assessment.parse(assessment)), z.number().min(0).max(1).parse(change));
  },
  /** The least change of weights that brings an issue into the top `targetRank`. */
  whatWouldItTake(assessment: Assessment, issueId: string, targetRank: number, constraints?: z.input<typeof WeightConstraints>): InverseAnswer {
    const p = linearProblem(Assessment.parse(assessment));
    return whatWouldItTake(p, z.string().parse(issueId), z.number().int().min(1).parse(targetRank), { constraints: WeightConstraints.parse(constraints ?? {}) });
  },
  /** Ranks under 2 to 4 scenarios, rank changes and what differs. */
  compareScenarios(assessment: Assessment, scenarios: ScenarioInput[]): ScenarioComparison {
    return compareScenarios(Assessment.parse(assessment), z.array(Scenario).min(2).max(4).parse(scenarios));
  },
};
export type SensitivityApi = typeof api;
expose(api);
