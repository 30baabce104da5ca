import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as hubspotComponents from '@hubspot/ui-extensions';
import ts from 'typescript';

import { PREVIEW_COMPONENTS } from '../../src/preview/browser/component-names';

/** Every .ts/.tsx file HubSpot builds from extensions/app. */
const extensionSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : extensionSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** Route definitions that createPageRouter reads and never renders: nothing for the preview to draw. */
const ROUTE_DEFINITIONS = ['PageRoutes'];

/** The components (capitalised value imports) a file takes from @hubspot/ui-extensions. */
const componentsImportedBy = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    if (!statement.moduleSpecifier.text.startsWith('@hubspot/ui-extensions')) return [];
    const bindings = statement.importClause?.namedBindings;
    if (statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) return [];
    return bindings.elements
      .filter((element) => !element.isTypeOnly)
      .map((element) => (element.propertyName ?? element.name).text)
      .filter((name) => /^[A-Z]/.test(name) && !ROUTE_DEFINITIONS.includes(name));
  });
};

describe("the preview's HubSpot components", () => {
  it('draws every component the app uses (a new one needs an entry in src/preview/browser/components)', () => {
    const used = new Set(extensionSources(join(process.cwd(), 'extensions', 'app')).flatMap(componentsImportedBy));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !(PREVIEW_COMPONENTS as readonly string[]).includes(name))).toEqual([]);
  });

  it("names only HubSpot's own components", () => {
    const exported = hubspotComponents as Record<string, unknown>;
    expect(PREVIEW_COMPONENTS.filter((name) => exported[name] === undefined)).toEqual([]);
  });
});
