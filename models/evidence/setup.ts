import { z } from 'zod';
import { BandingRules } from './banding';
import { Catalogue } from './catalogue';
import { LocalCount } from './local-counts';
import { PeriodChoice } from './period';
import { WeightTables } from './weights';

/**
 * Everything the analyst has set up for the evidence: the issue catalogue,
 * local counts, harm and cost weights, banding rules and the period. The
 * evidence store keeps it; a project file carries it.
 */
export const EvidenceSetup = z.object({
  catalogue: Catalogue,
  localCounts: z.array(LocalCount),
  weights: WeightTables,
  banding: BandingRules,
  period: PeriodChoice,
});
export type EvidenceSetup = z.infer<typeof EvidenceSetup>;
