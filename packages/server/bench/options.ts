/** Command-line flags of `npm run bench`, validated with messages that say what to type instead. */

export interface BenchOptions {
  participants: number;
  durationSeconds: number;
  connections: number;
  /** undefined: no JSON; 'stdout': JSON on standard output; otherwise a file path. */
  json: 'stdout' | { file: string } | undefined;
  keep: boolean;
  help: boolean;
  databaseUrl: string;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const HELP = `Usage: npm run bench -- [options]

Seeds a fresh PostgreSQL database with synthetic participants, then measures the main read
endpoints through HTTP (autocannon, signed in as a coordinator) and the same queries issued
directly through pg, and prints p50/p95/p99 latency, requests per second and the API/SQL ratio.

Options:
  --participants N   participants to seed across all organizations (default 10000;
                     100..1000000; the measured organization holds 80% of them)
  --duration S       seconds of measurement per endpoint and per side (default 10; 1..600)
  --connections C    concurrent HTTP connections = SQL workers = pool size (default 10; 1..40)
  --json [FILE]      also write the results as JSON: to FILE, or to standard output when no
                     FILE is given (the table and progress then go to standard error)
  --keep             keep the benchmark database instead of dropping it at the end
  --help             show this help

Environment:
  BENCH_DATABASE_URL  PostgreSQL server to use (default ${DEFAULT_DATABASE_URL}).
                      The role must be allowed to create databases; a database named
                      cope_bench_<random> is created on that server and dropped afterwards.

Examples:
  npm run bench -- --participants 10000 --duration 5
  npm run bench -- --participants 100000 --duration 10 --json bench-100k.json`;

export class OptionsError extends Error {}

interface Range {
  min: number;
  max: number;
}

const RANGES = {
  participants: { min: 100, max: 1_000_000 },
  duration: { min: 1, max: 600 },
  connections: { min: 1, max: 40 },
} satisfies Record<string, Range>;

function parseWhole(flag: keyof typeof RANGES, raw: string | undefined): number {
  const { min, max } = RANGES[flag];
  if (raw === undefined || raw.startsWith('--')) {
    throw new OptionsError(`--${flag} needs a value, for example --${flag} ${min === 1 ? 10 : 10000}.`);
  }
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionsError(`--${flag} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options: BenchOptions = {
    participants: 10_000,
    durationSeconds: 10,
    connections: 10,
    json: undefined,
    keep: false,
    help: false,
    databaseUrl: env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL,
  };
  // Accept both "--flag value" and "--flag=value".
  const args = argv.flatMap((arg) => {
    const eq = arg.indexOf('=');
    return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg];
  });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    switch (arg) {
      case '--participants':
        options.participants = parseWhole('participants', next);
        i++;
        break;
      case '--duration':
        options.durationSeconds = parseWhole('duration', next);
        i++;
        break;
      case '--connections':
        options.connections = parseWhole('connections', next);
        i++;
        break;
      case '--json':
        if (next !== undefined && !next.startsWith('--')) {
          options.json = { file: next };
          i++;
        } else {
          options.json = 'stdout';
        }
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new OptionsError(`Unknown option "${arg}". Run npm run bench -- --help for the list.`);
    }
  }
  return options;
}
