/**
 * `npm run openapi:metadata`: writes services/<name>/src/openapi.metadata.ts, what Nest's Swagger
 * compiler plugin would have added to the classes (DTO properties from their types and
 * class-validator rules, controller return types, doc comments). The build is plain tsc and the
 * tests run through SWC, so the plugin never sees the code; each service loads this file when it
 * builds its OpenAPI document instead. `--check` exits 1 when a file is out of date.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { PluginMetadataPrinter } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-printer.js';
import {
  rewriteCollectedMetadataForNodeNext,
  rewriteAsyncImportString,
} from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
export const SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export const METADATA_FILE = 'openapi.metadata.ts';

const CONTROLLER_FILES = ['.controller.ts'];
const NEVER = ['\0'];

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.build.json unreadable');
  return ts.createProgram({ options: config.options, rootNames: config.fileNames });
}

/** Bodies from the libs: the event contracts some routes return, and the libs' own routes'. */
const sharedBody = (file: string): boolean =>
  file.startsWith(join(ROOT, 'libs', 'contracts', 'src') + sep) ||
  (file.startsWith(join(ROOT, 'libs') + sep) && file.endsWith('.controller.ts'));

/** Per body class (request, response or entity): what the plugin misses about each property. */
interface PropertyFact {
  optional: boolean;
  literal?: 'String' | 'Number' | 'Boolean';
}

/**
 * What the plugin misses about a property: `@IsOptional()` or a default value makes it optional
 * (the plugin only reads `?`), and an unannotated property takes its type from its initializer (the
 * plugin says Object).
 */
function propertyFacts(prog: ts.Program, source: string): Map<string, Map<string, PropertyFact>> {
  const facts = new Map<string, Map<string, PropertyFact>>();
  for (const sf of prog.getSourceFiles()) {
    const file = resolve(sf.fileName);
    if (!file.startsWith(source + sep) && !sharedBody(file)) continue;
    const visit = (node: ts.Node): void => {
      // Providers, controllers and modules are not bodies; their fields would only drag their types in.
      const nest =
        ts.isClassDeclaration(node) &&
        (ts.getDecorators(node) ?? []).some((d) => /^(Injectable|Controller|Module|Catch)\(/.test(d.expression.getText(sf)));
      if (ts.isClassDeclaration(node) && node.name && !nest) {
        const props = new Map<string, PropertyFact>();
        for (const member of node.members) {
          if (!ts.isPropertyDeclaration(member)) continue;
          const decorators = ts.getDecorators(member) ?? [];
          const optional =
            !!member.initializer ||
            decorators.some((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText(sf) === 'IsOptional');
          const init = member.initializer;
          const literal =
            member.type || !init
              ? undefined
              : ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)
                ? 'String'
                : ts.isNumericLiteral(init) || (ts.isPrefixUnaryExpression(init) && ts.isNumericLiteral(init.operand))
                  ? 'Number'
                  : init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword
                    ? 'Boolean'
                    : undefined;
          props.set(member.name.getText(sf), { optional, literal });
        }
        facts.set(node.name.text, props);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return facts;
}

function amend(props: ts.ObjectLiteralExpression, facts: Map<string, PropertyFact> | undefined): ts.ObjectLiteralExpression {
  if (!facts || !ts.isObjectLiteralExpression(props)) return props;
  const f = ts.factory;
  const nameOf = (n: ts.PropertyName) => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : '');
  const isObject = (e: ts.Expression) => ts.isArrowFunction(e) && ts.isIdentifier(e.body) && e.body.text === 'Object';
  return f.updateObjectLiteralExpression(
    props,
    props.properties.map((prop) => {
      const fact = ts.isPropertyAssignment(prop) ? facts.get(nameOf(prop.name)) : undefined;
      if (!fact || !ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) return prop;
      const keys = prop.initializer.properties.map((field) => (ts.isPropertyAssignment(field) ? nameOf(field.name) : ''));
      // A property whose type the plugin cannot describe (a generic it does not know) would make
      // Swagger stop the whole document; it is documented as an object instead.
      const untyped = !keys.some((k) => ['type', 'enum', 'oneOf', 'allOf'].includes(k))
        ? [
            f.createPropertyAssignment(
              'type',
              f.createArrowFunction(undefined, undefined, [], undefined, undefined, f.createIdentifier('Object')),
            ),
          ]
        : [];
      const fields = [...untyped, ...prop.initializer.properties].map((field) => {
        const key = ts.isPropertyAssignment(field) ? nameOf(field.name) : '';
        if (key === 'required' && fact.optional) return f.createPropertyAssignment('required', f.createFalse());
        if (key === 'type' && fact.literal && ts.isPropertyAssignment(field) && isObject(field.initializer)) {
          return f.createPropertyAssignment(
            'type',
            f.createArrowFunction(undefined, undefined, [], undefined, undefined, f.createIdentifier(fact.literal)),
          );
        }
        return field;
      });
      return f.updatePropertyAssignment(prop, prop.name, f.updateObjectLiteralExpression(prop.initializer, fields));
    }),
  );
}

const literalText = (e: ts.Expression): string => (ts.isStringLiteral(e) || ts.isNumericLiteral(e) ? e.text : '');

/**
 * The plugin also names interfaces (and, for some, `Object` on the interface's module), which do not
 * exist at run time and would stop Swagger; those become plain objects. Enums are sorted.
 */
function normalised(prog: ts.Program): (node: ts.ObjectLiteralExpression) => ts.ObjectLiteralExpression {
  const classes = new Set<string>();
  for (const sf of prog.getSourceFiles()) {
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) && node.name) classes.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    if (!sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) visit(sf);
  }
  const replace: ts.TransformerFactory<ts.Node> = (context) => {
    // The plugin writes each reference as one identifier, `t["./module"].Name`.
    const visit = (node: ts.Node): ts.Node => {
      const name = ts.isIdentifier(node) ? /^t\[".*"\]\.(\w+)$/.exec(node.text)?.[1] : undefined;
      if (name && !classes.has(name)) return ts.factory.createIdentifier('Object');
      // The checker lists a union's members in the order it met them, which varies with what it
      // checked first; sorted, the file is the same on every run.
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'enum' &&
        ts.isArrayLiteralExpression(node.initializer)
      ) {
        const values = [...node.initializer.elements].sort((a, b) => literalText(a).localeCompare(literalText(b)));
        return ts.factory.updatePropertyAssignment(node, node.name, ts.factory.createArrayLiteralExpression(values));
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (node) => ts.visitNode(node, visit) as ts.Node;
  };
  return (node) =>
    ts.isObjectLiteralExpression(node) ? (ts.transform(node, [replace]).transformed[0] as ts.ObjectLiteralExpression) : node;
}

/** The metadata file's text for one service: its own sources and the libs it builds on. */
function render(prog: ts.Program, service: string): string {
  const source = join(ROOT, 'services', service, 'src');
  const visitor = (dto: string[], controllers: string[]) =>
    new ReadonlyVisitor({
      pathToSource: source,
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: dto,
      controllerFileNameSuffix: controllers,
    });
  // The plugin treats a file as either models or controllers; ours hold both, so two passes.
  // Request and response classes live beside their feature: in DTO, view and entity files, and some
  // next to the controller or service that uses them; every file of the service is read for them.
  const models = visitor([`/services/${service}/src/`, '/libs/'], NEVER);
  const controllers = visitor(NEVER, CONTROLLER_FILES);
  const libs = join(ROOT, 'libs') + sep;
  for (const sf of prog.getSourceFiles()) {
    const file = resolve(sf.fileName);
    if (sf.isDeclarationFile || /\.(int-)?spec\.ts$/.test(file) || file.endsWith(METADATA_FILE)) continue;
    // Migrations and env config classes are not bodies either.
    if (file.startsWith(source + sep) ? !/\/migrations\/|\.config\.ts$/.test(file) : sharedBody(file)) models.visit(prog, sf);
    if (file.startsWith(source + sep) || file.startsWith(libs)) controllers.visit(prog, sf);
  }
  const facts = propertyFacts(prog, source);
  const modelMeta = models
    .collect()
    .models.map(
      ([load, classes]) =>
        [
          load,
          Object.fromEntries(
            Object.entries(classes)
              .filter(([name]) => facts.get(name)?.size)
              .map(([name, props]) => [name, amend(props, facts.get(name))]),
          ),
        ] as const,
    )
    .filter(([, classes]) => Object.keys(classes).length > 0);
  const normalise = normalised(prog);
  const collected = {
    '@nestjs/swagger': {
      models: modelMeta.map(([load, classes]) => [load, Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, normalise(v)]))]),
      controllers: controllers
        .collect()
        .controllers.map(([load, classes]) => [
          load,
          Object.fromEntries(
            Object.entries(classes).map(([k, methods]) => [
              k,
              Object.fromEntries(Object.entries(methods).map(([m, v]) => [m, normalise(v)])),
            ]),
          ),
        ]),
    },
  };
  // The CLI's typings name another copy of the TypeScript namespace; the objects are the same.
  rewriteCollectedMetadataForNodeNext(collected as never, ts as never);
  const typeImports: Record<string, string> = {};
  // A dynamic import resolves as ESM, which neither knows the @bangbang path aliases nor imports a
  // directory: point at the lib's index file instead.
  const lib = (name: string) =>
    relative(source, join(ROOT, 'libs', name, 'src', 'index.js'))
      .split(sep)
      .join('/');
  for (const [k, v] of Object.entries({ ...models.typeImports, ...controllers.typeImports })) {
    typeImports[k] = rewriteAsyncImportString(v).replace(/import\("@bangbang\/([a-z-]+)"\)/, (_, name: string) => `import("${lib(name)}")`);
  }
  // Only the types the remaining classes refer to: the file imports each of them when loaded.
  const all = print(collected as never, typeImports);
  const used = Object.fromEntries(Object.entries(typeImports).filter(([k]) => all.includes(`t[${JSON.stringify(k)}].`)));
  return print(collected as never, used);
}

function print(collected: Parameters<PluginMetadataPrinter['print']>[0], typeImports: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-metadata-'));
  try {
    new PluginMetadataPrinter().print(collected, typeImports, { outputDir: dir, filename: METADATA_FILE }, ts as never);
    return readFileSync(join(dir, METADATA_FILE), 'utf8') + '\n';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const check = process.argv.includes('--check');
  const prog = program();
  const stale: string[] = [];
  for (const service of SERVICES) {
    const file = join(ROOT, 'services', service, 'src', METADATA_FILE);
    const text = render(prog, service);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    if (check) stale.push(file);
    else writeFileSync(file, text);
  }
  if (stale.length) {
    console.error(`OpenAPI metadata out of date (run npm run openapi:metadata):\n${stale.join('\n')}`);
    process.exit(1);
  }
}

main();
