// Electron never loads in tests (its npm package tries to download the binary on require). So:
// only a few glue modules in main/app import it at run time, and no test reaches one of them,
// directly or through other modules. Type-only imports are erased by the compiler and are fine.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Electron glue: everything else in main/app must stay importable from plain Node. */
const ELECTRON_GLUE = ['main/app/dialogs.ts', 'main/app/main-window.ts', 'main/app/main.ts', 'main/app/preload.ts', 'main/app/report-pdf.ts'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function importsElectronAtRunTime(source: string): boolean {
  const statements = source.match(/^\s*import\s[^;]*?from\s+['"]electron['"]/gm) ?? [];
  const runtime = statements.filter((s) => {
    if (/^\s*import\s+type\s/.test(s)) return false;
    const named = /\{([^}]*)\}/.exec(s)?.[1];
    const hasDefaultOrNamespace = /^\s*import\s+(\*|[A-Za-z_$][\w$]*\s*(,|from))/.test(s);
    if (hasDefaultOrNamespace) return true;
    return named !== undefined && named.split(',').some((n) => n.trim() !== '' && !n.trim().startsWith('type '));
  });
  return runtime.length > 0 || /require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(source);
}

function localImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specifiers.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile());
    return found && /\.(ts|tsx)$/.test(found) ? [found] : [];
  });
}

describe('the Electron boundary', () => {
  it('only the glue modules import electron at run time', () => {
    const offenders = [...walk(path.join(repo, 'main')), ...walk(path.join(repo, 'shared')), ...walk(path.join(repo, 'renderer'))]
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .filter((f) => importsElectronAtRunTime(readFileSync(f, 'utf8')))
      .map((f) => path.relative(repo, f))
      .sort();
    expect(offenders).toEqual(ELECTRON_GLUE);
  });

  it('no test reaches a module that imports electron, however indirectly', () => {
    const glue = new Set(ELECTRON_GLUE.map((f) => path.join(repo, f)));
    const tests = walk(path.join(repo, 'test')).filter((f) => /\.(ts|tsx)$/.test(f));
    const reached = new Map<string, string>(); // module → the test that reached it
    for (const test of tests) {
      const queue = [test];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        if (glue.has(file)) reached.set(path.relative(repo, file), path.relative(repo, test));
        queue.push(...localImports(file));
      }
    }
    expect(Object.fromEntries(reached)).toEqual({});
  });

  it('recognises the import forms it polices', () => {
    expect(importsElectronAtRunTime("import { app } from 'electron';")).toBe(true);
    expect(importsElectronAtRunTime("import { dialog, type BrowserWindow } from 'electron';")).toBe(true);
    expect(importsElectronAtRunTime("import electron from 'electron';")).toBe(true);
    expect(importsElectronAtRunTime("import * as electron from 'electron';")).toBe(true);
    expect(importsElectronAtRunTime("const e = require('electron');")).toBe(true);
    expect(importsElectronAtRunTime("import type { Session } from 'electron';")).toBe(false);
    expect(importsElectronAtRunTime("import { type Session, type WebContents } from 'electron';")).toBe(false);
  });
});
