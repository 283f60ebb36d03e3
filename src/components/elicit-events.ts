import type { WeightProvenance } from '../../models/elicitation/provenance';

/** What an elicitation method hands back: shares by criterion id (summing to 1) and how they were reached. */
export interface Elicited {
  shares: Map<string, number>;
  provenance: WeightProvenance;
  /** Anything the user should know before using the weights (e.g. a CR above 0.10). */
  warning?: string;
}

/** A criterion taking part in elicitation. */
export interface ElicitCriterion {
  id: string;
  label: string;
}

/**
 * Fired by an elicitation method whenever its answers give weights (or stop giving them: `detail` null).
 *
 * @fires elicited
 */
export class ElicitedEvent extends CustomEvent<Elicited | null> {
  static readonly type = 'elicited';
  constructor(detail: Elicited | null) {
    super(ElicitedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    elicited: ElicitedEvent;
  }
}
