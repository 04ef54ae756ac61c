// tsc keeps side-effect CSS imports (`import './X.css'`) in declaration files, but the library build collects CSS
// into one stylesheet, so those paths do not exist in dist/. Types never need them: remove them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const stripped = text.replace(/^import '[^']+\.css';\n/gm, '');
      if (stripped !== text) writeFileSync(path, stripped);
    }
  }
}
walk(process.argv[2] ?? 'dist');
