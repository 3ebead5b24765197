/** The staff names of the fourteen spheres (in SPHERES order) and of the five scale steps. */
export const SPHERE_LABELS = [
  'Housing',
  'Legal status',
  'Employment',
  'Education and language',
  'Safety',
  'Social environment',
  'Social relations',
  'Economic situation',
  'Physical health',
  'Mental well-being',
  'Access to services and rights',
  'Motivation',
  'Legal proceedings',
  'Children and family',
];
export const STEP_NAMES = ['Crisis', 'Vulnerable', 'Stabilising', 'Coping', 'Autonomous'];
