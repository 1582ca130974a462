// Code-health figures, so a refactor can be measured before and after:
//   npx tsx scripts/code-health.ts [--top 10] [--json] [--suite]
// - longest functions: every function, method, arrow function and constructor in src/ (tests
//   excluded), bench/ and scripts/, in lines from its first to its last line;
// - lines over 120 characters in tracked .ts/.tsx/.js/.mjs files (generated files listed apart);
// - SQL query sites outside `*/repository.ts` and migrations: each call that sends a query to the
//   database (`.execute()`, `.executeTakeFirst()`, `.executeTakeFirstOrThrow()`, `.stream()`, and
//   `pool.query(...)` / `client.query(...)` with SQL text), counted per file in src/; tests and
//   test support, and bench/, counted apart;
// - with --suite: the wall time of `npx vitest run` (whatever database the environment selects).
// Prints figures only; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 10;
const asJson = args.includes('--json');
const root = process.cwd();

const generated = new Set(['src/web/backoffice/api-types.ts']);
const tracked = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.js', '*.mjs'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && fs.existsSync(path.join(root, f)));

const isTest = (f: string): boolean =>
  /\.test\.tsx?$/.test(f) ||
  f.startsWith('test/') ||
  f.includes('/workflow-tests/') ||
  f.endsWith('/test-support.ts');
const isMigration = (f: string): boolean => f.startsWith('src/server/db/migrations/');
const isRepository = (f: string): boolean => path.basename(f) === 'repository.ts';

function parse(file: string): ts.SourceFile {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const kind = file.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : file.endsWith('.ts')
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function functionName(node: ts.Node): string {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isSetAccessor(node)) &&
    node.name
  ) {
    return node.name.getText();
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText();
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

interface FunctionFigure {
  file: string;
  name: string;
  line: number;
  lines: number;
}

const functions: FunctionFigure[] = [];
const querySites = new Map<string, number>();
const executeMethods = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream']);

for (const file of tracked) {
  if (!/\.(ts|tsx|js|mjs)$/.test(file) || generated.has(file) || file.endsWith('.d.ts')) continue;
  const inScope =
    (file.startsWith('src/') && !isTest(file)) || file.startsWith('bench/') || file.startsWith('scripts/');
  const countSql = file.startsWith('src/') || file.startsWith('test/') || file.startsWith('bench/');
  if (!inScope && !countSql) continue;
  const source = parse(file);
  const visit = (node: ts.Node): void => {
    if (
      inScope &&
      (ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) ||
        ts.isConstructorDeclaration(node) ||
        ts.isGetAccessor(node) ||
        ts.isSetAccessor(node)) &&
      'body' in node &&
      node.body
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({ file, name: functionName(node), line: start + 1, lines: end - start + 1 });
    }
    if (countSql && !isMigration(file) && !isRepository(file) && ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const sqlText =
          method === 'query' &&
          node.arguments[0] !== undefined &&
          (ts.isStringLiteralLike(node.arguments[0]) || ts.isTemplateExpression(node.arguments[0])) &&
          /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|VACUUM|CREATE|DROP|ALTER|TRUNCATE|SET)\b/i.test(
            node.arguments[0].getText().slice(1),
          );
        if (executeMethods.has(method) || sqlText) querySites.set(file, (querySites.get(file) ?? 0) + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const longLines = { total: 0, generated: 0, byFile: new Map<string, number>() };
for (const file of tracked) {
  const count = fs
    .readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((line) => [...line].length > 120).length;
  if (count === 0) continue;
  if (generated.has(file)) longLines.generated += count;
  else {
    longLines.total += count;
    longLines.byFile.set(file, count);
  }
}

functions.sort((a, b) => b.lines - a.lines);
const sqlOutside = [...querySites]
  .filter(([f]) => f.startsWith('src/') && !isTest(f))
  .sort((a, b) => b[1] - a[1]);
const sqlBench = [...querySites].filter(([f]) => f.startsWith('bench/'));
const sqlTests = [...querySites].filter(([f]) => isTest(f)).sort((a, b) => b[1] - a[1]);
const sum = (rows: [string, number][]): number => rows.reduce((n, [, c]) => n + c, 0);

let suiteSeconds: number | undefined;
if (args.includes('--suite')) {
  const started = process.hrtime.bigint();
  const run = spawnSync('npx', ['vitest', 'run'], { cwd: root, stdio: 'inherit' });
  suiteSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) console.error(`vitest exited with ${run.status}`);
}

const report = {
  longestFunctions: functions.slice(0, top),
  functionsOver100Lines: functions.filter((f) => f.lines > 100).length,
  linesOver120: longLines.total,
  linesOver120Generated: longLines.generated,
  linesOver120TopFiles: [...longLines.byFile].sort((a, b) => b[1] - a[1]).slice(0, top),
  sqlSitesOutsideRepositories: sum(sqlOutside),
  sqlSitesOutsideRepositoriesByFile: sqlOutside,
  sqlSitesInTests: sum(sqlTests),
  sqlSitesInBench: sum(sqlBench),
  suiteSeconds,
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`Longest functions (src without tests, bench, scripts):`);
  for (const f of report.longestFunctions)
    console.log(`  ${String(f.lines).padStart(5)}  ${f.name}  ${f.file}:${f.line}`);
  console.log(`Functions over 100 lines: ${report.functionsOver100Lines}`);
  console.log(
    `Lines over 120 characters (tracked ts/tsx/js/mjs): ${report.linesOver120}` +
      (report.linesOver120Generated ? ` (+${report.linesOver120Generated} in generated files)` : ''),
  );
  for (const [f, n] of report.linesOver120TopFiles) console.log(`  ${String(n).padStart(5)}  ${f}`);
  console.log(
    `SQL query sites in src/ outside */repository.ts and migrations (tests apart): ${report.sqlSitesOutsideRepositories}`,
  );
  for (const [f, n] of sqlOutside) console.log(`  ${String(n).padStart(5)}  ${f}`);
  console.log(
    `SQL query sites in tests and test support: ${report.sqlSitesInTests}; in bench/: ${report.sqlSitesInBench}`,
  );
  if (suiteSeconds !== undefined)
    console.log(`Suite wall time (npx vitest run): ${suiteSeconds.toFixed(1)} s`);
}
