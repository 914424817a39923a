import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { listenersForCatalog } from '../../src/analysis/catalog-gate.js';
import type { ModuleExportRef } from '../../src/catalog/types.js';

const pgCatalog: readonly ModuleExportRef[] = [{ module: 'pg', export: 'Pool' }];
const fsCatalog: readonly ModuleExportRef[] = [{ module: 'fs', export: 'readFileSync' }];
const atomicsCatalog: readonly ModuleExportRef[] = [{ module: 'globalThis', export: 'Atomics.wait' }];

/** A rule that reports once at the program when the gate lets it analyze the file. */
function gatedRule(catalog: readonly ModuleExportRef[], analyze?: () => void) {
  return {
    meta: { type: 'problem' as const, schema: [], messages: { analyzed: 'analyzed' } },
    create(context: TSESLint.RuleContext<'analyzed', []>) {
      return listenersForCatalog(context, catalog, () => {
        analyze?.();
        context.report({ node: context.sourceCode.ast, messageId: 'analyzed' });
      });
    },
  };
}

/** The ids of the rules that analyzed `code`, with all of `rules` enabled in one run. */
function analyzedBy(code: string, rules: Record<string, ReturnType<typeof gatedRule>>, sourceType: 'module' | 'commonjs' = 'module'): string[] {
  const linter = new Linter();
  const messages = linter.verify(code, [
    {
      languageOptions: { sourceType },
      plugins: { gate: { rules: rules as never } },
      rules: Object.fromEntries(Object.keys(rules).map((name) => [`gate/${name}`, 'error'])),
    },
  ]);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((message) => message.ruleId ?? '').sort();
}

describe('listenersForCatalog', () => {
  const rules = { pg: gatedRule(pgCatalog), fs: gatedRule(fsCatalog), atomics: gatedRule(atomicsCatalog) };

  it('lets each rule analyze only the files that pull in its catalog, whichever rule listens', () => {
    expect(analyzedBy(`import { Pool } from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import { readFileSync } from 'node:fs';`, rules)).toEqual(['gate/fs']);
    expect(analyzedBy(`const fs = require('fs'); const { Pool } = require('pg');`, rules, 'commonjs')).toEqual(['gate/fs', 'gate/pg']);
    expect(analyzedBy(`export * from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import x from './pg'; const y = require(\`fs\${suffix}\`);`, rules)).toEqual([]);
  });

  it('opens on an import only when one of its bindings can reach an entry of the module', () => {
    expect(analyzedBy(`import { Client, types } from 'pg';`, rules)).toEqual([]);
    expect(analyzedBy(`import 'pg';`, rules)).toEqual([]);
    expect(analyzedBy(`import { Client, Pool as P } from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import pg from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import * as pg from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import { default as pg } from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import { Client } from 'pg'; import { Pool } from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`import { Client } from 'pg'; const { Pool } = require('pg');`, rules)).toEqual(['gate/pg']);
    const wildcard = { any: gatedRule([{ module: 'fs', export: '*Sync' }]), create: gatedRule([{ module: 'axios', export: 'default.create' }]) };
    expect(analyzedBy(`import { readFile } from 'fs'; import { get } from 'axios';`, wildcard)).toEqual([]);
    expect(analyzedBy(`import { statSync } from 'fs'; import { create } from 'axios';`, wildcard)).toEqual(['gate/any', 'gate/create']);
  });

  it("lets a rule whose catalog has globals analyze files that read them", () => {
    expect(analyzedBy(`Atomics.wait(view, 0, 0);`, rules)).toEqual(['gate/atomics']);
    expect(analyzedBy(`const Atomics = {}; Atomics.wait();`, rules)).toEqual([]);
  });

  it('carries nothing from one file to the next', () => {
    expect(analyzedBy(`import { Pool } from 'pg';`, rules)).toEqual(['gate/pg']);
    expect(analyzedBy(`const a = 1;`, rules)).toEqual([]);
    expect(analyzedBy(`import { Pool } from 'pg';`, { pg: rules.pg })).toEqual(['gate/pg']);
    expect(analyzedBy(`import { readFileSync } from 'fs';`, { fs: rules.fs })).toEqual(['gate/fs']);
  });

  it('names the rule whose analysis threw when it runs in another rule’s listener', () => {
    const failing = gatedRule(fsCatalog, () => {
      throw new Error('analysis failed');
    });
    expect(() => analyzedBy(`import { readFileSync } from 'fs';`, { pg: rules.pg, fs: failing })).toThrow(
      /analysis failed \(in the analysis of gate\/fs\)/,
    );
  });
});
