/**
 * flowise-embed's options as its published type definitions declare them: every key path of `init`'s argument
 * (theme keys included, e.g. `theme.chatWindow.footer.company`) and every function on `Chatbot`. Test-only: it reads
 * node_modules/flowise-embed/dist/*.d.ts with the TypeScript compiler.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** The directory of the installed flowise-embed's type definitions, and its version. */
export function embedTypes(): { dir: string; version: string } {
  const pkg = require.resolve('flowise-embed/package.json');
  return { dir: join(dirname(pkg), 'dist'), version: (require(pkg) as { version: string }).version };
}

/** Key paths below a type: objects are walked, functions, arrays, primitives and DOM types are leaves. */
function keyPaths(checker: ts.TypeChecker, type: ts.Type, prefix: string, depth: number): string[] {
  const paths: string[] = [];
  for (const property of checker.getPropertiesOfType(checker.getNonNullableType(type))) {
    const path = prefix ? `${prefix}.${property.name}` : property.name;
    paths.push(path);
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration || depth > 4) continue;
    const inner = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, declaration));
    const isObject =
      inner.getCallSignatures().length === 0 &&
      !checker.isArrayType(inner) &&
      (inner.flags & ts.TypeFlags.Object) !== 0 &&
      !inner.isUnion() &&
      !/^(HTMLElement|Element|Record<)/.test(checker.typeToString(inner));
    if (isObject) paths.push(...keyPaths(checker, inner, path, depth + 1));
  }
  return paths;
}

/** `init`'s option key paths and `Chatbot`'s functions, read from flowise-embed's `window.d.ts`. */
export function embedOptionPaths(): { options: string[]; functions: string[]; version: string } {
  const { dir, version } = embedTypes();
  const file = join(dir, 'window.d.ts');
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const symbols = checker.getSymbolsInScope(source, ts.SymbolFlags.Value | ts.SymbolFlags.Type);
  const find = (name: string) => {
    const symbol = symbols.find((s) => s.name === name);
    if (!symbol) throw new Error(`flowise-embed ${version}: no ${name} in window.d.ts`);
    return symbol;
  };
  const initFull = find('initFull');
  const initType = checker.getTypeOfSymbolAtLocation(initFull, source);
  const parameter = initType.getCallSignatures()[0]!.getParameters()[0]!;
  const options = keyPaths(checker, checker.getTypeOfSymbolAtLocation(parameter, source), '', 0);
  const chatbot = checker.getDeclaredTypeOfSymbol(find('Chatbot'));
  const functions = checker.getPropertiesOfType(chatbot).map((p) => p.name);
  return { options: [...new Set(options)].sort(), functions: functions.sort(), version };
}
