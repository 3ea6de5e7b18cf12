// Checks what publint and attw cannot: the built entries keep "use client", the stylesheet
// ships, and nothing in the package loads code from anywhere else at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const problems = [];
for (const file of ['dist/index.js', 'dist/index.cjs']) {
  if (!existsSync(file)) problems.push(`${file} is missing: run the build first.`);
  else if (!readFileSync(file, 'utf8').startsWith('"use client";')) problems.push(`${file} does not start with "use client".`);
}
if (!existsSync('dist/styles.css')) problems.push('dist/styles.css is missing.');

const REMOTE_CODE = [
  [/\bimport\(\s*[^)'"`]*['"`]https?:/, 'a dynamic import of a URL'],
  [/\bimportScripts\(/, 'importScripts()'],
  [/createElement\(\s*['"]script['"]/, 'a <script> element created at run time'],
  [/\beval\(/, 'eval()'],
  [/\bnew Function\(/, 'new Function()'],
  [/@import\s+url\(\s*['"]?https?:/, 'a stylesheet imported from a URL'],
];
for (const name of readdirSync('dist')) {
  if (!/\.(c?js|css)$/.test(name)) continue;
  const code = readFileSync(`dist/${name}`, 'utf8');
  for (const [pattern, what] of REMOTE_CODE) {
    if (pattern.test(code)) problems.push(`dist/${name} contains ${what}: the package must not load code from elsewhere.`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dist: "use client" leads the main entry; styles.css present; no code loaded from elsewhere at run time.');
