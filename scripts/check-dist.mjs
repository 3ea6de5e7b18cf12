// Checks what publint and attw cannot: the built entries keep "use client" and the stylesheet ships.
import { existsSync, readFileSync } from 'node:fs';

const problems = [];
for (const file of ['dist/index.js', 'dist/index.cjs']) {
  if (!existsSync(file)) problems.push(`${file} is missing: run the build first.`);
  else if (!readFileSync(file, 'utf8').startsWith('"use client";')) problems.push(`${file} does not start with "use client".`);
}
if (!existsSync('dist/styles.css')) problems.push('dist/styles.css is missing.');

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dist: "use client" kept on both entries; styles.css present.');
