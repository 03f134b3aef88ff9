// The import graph of src/: every `.ts` file, its import specifiers, and the cycles among them.
// tests/architecture.test.ts checks it against the layering rules; run this file directly
// (`npx tsx tests/support/import-graph.ts`) to print every import edge and every cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

export interface ImportEdge {
  /** The importing file, relative to src/ (`api/server.ts`). */
  from: string;
  /** The specifier as written (`../domain/clocks.js`, `zod`, `node:fs`). */
  specifier: string;
  /** For a relative specifier, the imported file relative to src/ (`domain/clocks.ts`); else undefined. */
  target: string | undefined;
  /** `import type`/`export type` (erased at run time); every other form, dynamic `import()` included, is 'runtime'. */
  kind: 'runtime' | 'type';
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Static `import`/`export … from`, `import x = require()`, dynamic `import()` and `import('x').T` in types. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const from = relative(srcDir, file);
  const edges: ImportEdge[] = [];
  const add = (literal: ts.Node, kind: ImportEdge['kind']) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const specifier = literal.text;
    const target = specifier.startsWith('.')
      ? relative(srcDir, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts')
      : undefined;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    edges.push({ from, specifier, target, kind, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, node.importClause?.isTypeOnly ? 'type' : 'runtime');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly ? 'type' : 'runtime');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'runtime');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument) add(argument, 'runtime');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every `.ts` file under src/, relative to it (`api/server.ts`). */
export function srcFiles(): string[] {
  return sourceFiles(srcDir).map((file) => relative(srcDir, file));
}

export function importGraph(): ImportEdge[] {
  return sourceFiles(srcDir).flatMap(importsOf);
}

/**
 * Every elementary cycle among src/ files would be too many to print; this returns one cycle per
 * strongly connected component (Tarjan), found by a path search inside it — enough to name the files
 * and the import that closes the loop. Type-only imports count: a cycle of types is still a cycle a
 * reader has to untangle.
 */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.target === undefined) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.target]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = next.get(node)?.includes(node);
      if (component.length > 1 || selfImport) components.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => {
    const members = new Set(component);
    const start = component[0]!;
    // Breadth-first from start back to start, staying inside the component: the shortest loop through it.
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const target of next.get(node) ?? []) {
        if (!members.has(target) || previous.has(target)) continue;
        previous.set(target, node);
        if (target === start) {
          const loop = [start];
          for (let at = node; at !== start; at = previous.get(at)!) loop.splice(1, 0, at);
          return [...loop, start];
        }
        queue.push(target);
      }
    }
    return component;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = importGraph();
  for (const edge of edges) {
    console.log(`${edge.from}:${edge.line}\t${edge.kind}\t${edge.target ?? edge.specifier}`);
  }
  for (const cycle of cycles(edges)) console.log(`cycle: ${cycle.join(' -> ')}`);
}
