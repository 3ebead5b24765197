// `npm run dev`: the API (restarting on change) and the Vite dev server side by side.
import { spawn } from 'node:child_process';

const children = [
  spawn(
    process.execPath,
    ['--import', 'tsx', '--watch', 'packages/server/src/main.ts', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@cope/web'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
