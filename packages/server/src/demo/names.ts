/**
 * Synthetic names for demo and test data, built from syllables so that they belong to nobody.
 * A seeded generator makes every run produce the same people, which tests rely on.
 */
const FIRST_START = [
  'A',
  'Be',
  'Ca',
  'Da',
  'E',
  'Fe',
  'I',
  'Ka',
  'La',
  'Ma',
  'Na',
  'O',
  'Ri',
  'Sa',
  'Ta',
  'Va',
  'Ya',
  'Zu',
];
const FIRST_MIDDLE = ['mi', 'lo', 'ri', 'ne', 'sa', 'vi', 'du', 'ka', 'le', 'ta', 'mo', 'ji'];
const FIRST_END = ['ra', 'na', 'la', 'ya', 'sa', 'ne', 'ti', 'ma', 'da'];
const LAST_START = [
  'Bal',
  'Cor',
  'Dun',
  'Fen',
  'Gar',
  'Hol',
  'Kes',
  'Lor',
  'Mar',
  'Nev',
  'Ost',
  'Pel',
  'Quen',
  'Ros',
  'Sel',
  'Tor',
  'Ves',
  'Wyn',
];
const LAST_END = ['avi', 'dara', 'enko', 'esti', 'ilde', 'ondo', 'ova', 'uri', 'eska', 'ami', 'ello', 'ikka'];

/** Mulberry32: a small, well-known deterministic PRNG (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function syntheticFirstName(random: () => number): string {
  return pick(random, FIRST_START) + pick(random, FIRST_MIDDLE) + pick(random, FIRST_END);
}

export function syntheticLastName(random: () => number): string {
  return pick(random, LAST_START) + pick(random, LAST_END);
}

/** `count` distinct first names, deterministic for a given seed. */
export function syntheticFirstNames(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const names = new Set<string>();
  while (names.size < count) names.add(syntheticFirstName(random));
  return [...names];
}
