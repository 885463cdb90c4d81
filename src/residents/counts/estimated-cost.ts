/** The price of one business-initiated template message on the council's rate card. */
export interface TemplatePricing {
  /** ISO 4217, as Meta's rate card is published in it (GBP for most councils). */
  currency: string;
  perMessage: number;
  /** An illustrative price (the simulator is in use), not the council's own. */
  example: boolean;
}

export interface CostEstimate extends TemplatePricing {
  total: number;
}

/**
 * What an alert would cost: one template message per resident, at the configured price. Meta
 * charges per delivered message, so this is an upper bound; volume tiers are not modelled.
 */
export function estimatedCost(
  residents: number,
  pricing: TemplatePricing | null,
): CostEstimate | null {
  if (!pricing) return null;
  return { ...pricing, total: Math.round(residents * pricing.perMessage * 100) / 100 };
}
