/**
 * Part of `pnpm docs:api`: every name a published package exports from `src/index.ts` (and `src/internal.ts`) must appear in that package's
 * README (in a code example or an API table: inside `code` or a fenced block, not just in prose) or in one of its
 * `*.stories.tsx`. TypeDoc checks that each export has a comment; this checks that a reader of the README or
 * Storybook can find it. Prints the missing names per package and exits non-zero when there are any.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const repo = resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'react', 'widget', 'mock-server', 'cli', 'server'];

/** The exported names of a module, read with the TypeScript parser (`export { a, b as c }`, `export function x` ...). */
function exportedNames(source: string, fileName = 'index.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause)
        throw new Error(`${fileName}: \`export * from\` hides the exported names; list them`);
      if (ts.isNamespaceExport(statement.exportClause)) names.add(statement.exportClause.name.text);
      else for (const element of statement.exportClause.elements) names.add(element.name.text);
      continue;
    }
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return [...names];
}

/** The README's code: fenced blocks and inline `code` spans (where examples and API tables name things). */
function markdownCode(markdown: string): string {
  const parts: string[] = [];
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => {
    parts.push(block);
    return '';
  });
  for (const match of prose.matchAll(/(`+)([\s\S]+?)\1/g)) parts.push(match[2]!);
  return parts.join('\n');
}

function storiesOf(dir: string): string {
  const texts: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) texts.push(storiesOf(path));
    else if (entry.name.endsWith('.stories.tsx')) texts.push(readFileSync(path, 'utf8'));
  }
  return texts.join('\n');
}

const mentions = (text: string, name: string) =>
  new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);

let missing = 0;
for (const name of PACKAGES) {
  const dir = join(repo, 'packages', name);
  // The internal entry point (a package's `src/internal.ts`, for the kit's own packages) is documented the same way.
  const entries = ['src/index.ts', 'src/internal.ts'].filter((entry) => existsSync(join(dir, entry)));
  const exports = entries.flatMap((entry) =>
    exportedNames(readFileSync(join(dir, entry), 'utf8'), `packages/${name}/${entry}`),
  );
  const documented = `${markdownCode(readFileSync(join(dir, 'README.md'), 'utf8'))}\n${storiesOf(join(dir, 'src'))}`;
  const absent = exports.filter((e) => !mentions(documented, e));
  missing += absent.length;
  if (absent.length)
    console.log(`packages/${name}: not in README.md (code or API table) nor a story: ${absent.join(', ')}`);
}
if (missing) {
  console.log(`check-exports-documented: ${missing} exported names undocumented`);
  process.exit(1);
}
console.log(`check-exports-documented: every export of ${PACKAGES.length} packages is in its README or a story`);
