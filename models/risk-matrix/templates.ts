import { z } from 'zod';
import { RiskModel } from './schema';
import centralBeds2014 from './templates/central-beds-2014.json';
import morile from './templates/morile.json';
import impactLikelihood4x4 from './templates/impact-likelihood-4x4.json';

/**
 * Validates a template read from JSON; a broken template fails loudly, naming
 * the file and what is wrong, instead of producing a half-working matrix.
 *
 * @example loadTemplate('morile.json', json).aggregation.kind // 'harm-x-likelihood'
 */
export function loadTemplate(file: string, json: unknown): RiskModel {
  const parsed = RiskModel.safeParse(json);
  if (!parsed.success) throw new Error(`risk-matrix template ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The seed: Central Bedfordshire's 2014-15 nine-criterion matrix, every weight 1, summed. */
export const SEED_TEMPLATE_ID = 'central-beds-2014';

/** The templates an assessment can start from, validated when this module loads. */
export const TEMPLATES: readonly RiskModel[] = [
  loadTemplate('central-beds-2014.json', centralBeds2014),
  loadTemplate('morile.json', morile),
  loadTemplate('impact-likelihood-4x4.json', impactLikelihood4x4),
];

/** @example templateById('impact-likelihood-4x4')?.criteria.length // 2 */
export function templateById(id: string): RiskModel | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
