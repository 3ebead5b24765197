/**
 * The fourteen spheres of her life that needs assessment, the individual plan and monitoring are
 * organised around (DOMAIN.md "The fourteen spheres", after Surtees 2010). The codes are stable:
 * they are stored with every assessment, plan goal and rating, so a sphere is never renamed or
 * renumbered, only described differently in the interface. The order is the report's order and
 * the one screens show; it says nothing about priority, which she ranks herself. Spheres are
 * interconnected and not sequential: work in one never waits for another to be "done".
 */

export const SPHERES = [
  /** 1. Safe and affordable accommodation. */
  'housing',
  /** 2. Legal status: documents, residence and work permit. */
  'legal_status',
  /** 3. Professional and employment opportunities. */
  'employment',
  /** 4. Education and training, including the local language and social orientation. */
  'education',
  /** 5. Security and safety (the risk assessment gives the detail). */
  'safety',
  /** 6. A healthy social environment: free from discrimination and marginalisation. */
  'social_environment',
  /** 7. Social well-being and positive relations. */
  'social_relations',
  /** 8. Economic situation: income against the cost of living, debts, remittances. */
  'economic',
  /** 9. Physical well-being. */
  'physical_health',
  /** 10. Mental well-being. */
  'mental_health',
  /** 11. Access to services and opportunities, and knowledge of her rights. */
  'access_to_services',
  /** 12. Motivation and commitment to the integration process. */
  'motivation',
  /** 13. Legal issues and court proceedings. */
  'legal_proceedings',
  /** 14. Secondary beneficiaries: children, family here or in the country of origin. */
  'family',
] as const;
export type Sphere = (typeof SPHERES)[number];

export function isSphere(value: unknown): value is Sphere {
  return typeof value === 'string' && (SPHERES as readonly string[]).includes(value);
}

/** The basic needs that come before any higher goal (DOMAIN.md "Basic principles", 4). */
export const BASIC_NEEDS = ['safe_housing', 'food', 'clothing', 'health_care'] as const;
export type BasicNeed = (typeof BASIC_NEEDS)[number];

/**
 * Where each basic need is assessed and rated. Safe housing is the housing sphere (its scale
 * already counts a home her exploiters can reach as no home). Food and clothing have no sphere of
 * their own: whether she can pay for them is the economic sphere. Health care is both physical and
 * mental well-being: acute distress or thoughts of self-harm are as urgent as an untreated illness.
 */
export const BASIC_NEED_SPHERE: Record<BasicNeed, readonly Sphere[]> = {
  safe_housing: ['housing'],
  food: ['economic'],
  clothing: ['economic'],
  health_care: ['physical_health', 'mental_health'],
};

/**
 * The spheres that hold basic needs, in sphere order: an unmet need in any of them is flagged at
 * the top of her case and comes first in her plan.
 */
export const BASIC_NEED_SPHERES: readonly Sphere[] = SPHERES.filter((sphere) =>
  BASIC_NEEDS.some((need) => BASIC_NEED_SPHERE[need].includes(sphere)),
);
