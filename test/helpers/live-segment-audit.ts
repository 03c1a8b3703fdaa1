import path from 'node:path';

import ts from 'typescript';

/**
 * Finds every query on segments in a TypeScript source and whether it uses the live-segment
 * condition of the scope module (lib/auth/scope.ts), says why it reads retired segments too
 * (`// all segments: <why>`), or does neither. Read by parsing, not by running: the test that uses
 * it fails on a query nobody has run yet.
 *
 * What counts as a query on segments:
 * - `prisma-call`: a call `<anything>.segment.<method>(…)` of a Prisma delegate method that reads,
 *   counts, updates or deletes; its `where` must hold a live where-builder.
 * - `relation`: inside Prisma arguments, a relation field whose target is the Segment model
 *   (`segment`, `segments`, `children`, …, read from the schema): a filter on it, or a nested read
 *   of a to-many one, must hold a live where-builder. A to-one read (`segment: { select }`) follows
 *   a foreign key and has nothing to filter.
 * - `sql`: string or template text with `FROM segment`, `JOIN segment` or `UPDATE segment`: each
 *   table alias must have its `${liveSegmentSql('<alias>')}` (or `liveSegmentSqlText`) in the same
 *   template.
 * - `retired-column`: the column written by hand (`retiredAt` as an object key, `retired_at` in
 *   text): the condition belongs in the scope module.
 *
 * An opt-out comment covers the node it precedes: it is looked for before the finding and its
 * enclosing nodes up to the statement, but not beyond an enclosing query that is itself a
 * finding, so one comment on a query does not excuse the relations inside it. The `retired-column`
 * check does look beyond (the column read by an excused query is excused with it).
 */

export type FindingKind = 'prisma-call' | 'relation' | 'sql' | 'retired-column';
export type FindingStatus = 'live' | 'opted-out' | 'missing';

export interface Finding {
  kind: FindingKind;
  status: FindingStatus;
  line: number;
  /** The code found, shortened. */
  code: string;
  /** For `opted-out`, the reason given. */
  reason?: string;
}

export interface SegmentRelations {
  toOne: ReadonlySet<string>;
  toMany: ReadonlySet<string>;
}

export interface AuditOptions {
  /** The scope module's path without extension (absolute). */
  scopeModule: string;
  /** Project root, for `@/` imports. */
  root: string;
  relations: SegmentRelations;
  /** Exports of the scope module that hold the live condition as a Prisma where fragment. */
  prismaLiveExports: readonly string[];
  /** Exports of the scope module that hold the live condition as SQL. */
  sqlLiveExports: readonly string[];
}

/** Delegate methods that read, count, change or delete existing rows (creating needs no condition). */
const SEGMENT_QUERY_METHODS = new Set([
  'findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
]);
/** Every delegate method: the object literals in their arguments are Prisma arguments. */
const DELEGATE_METHODS = new Set([...SEGMENT_QUERY_METHODS, 'create', 'createMany', 'createManyAndReturn']);
const READ_KEYS = new Set(['select', 'include', 'omit']);
const NESTED_READ_KEYS = new Set(['select', 'include', 'omit', 'where', 'orderBy', 'take', 'skip', 'cursor', 'distinct']);
const WRITE_KEYS = new Set(['connect', 'connectOrCreate', 'create', 'createMany', 'disconnect', 'set', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);
const SQL_KEYWORDS = new Set([
  'where', 'on', 'set', 'join', 'left', 'right', 'inner', 'outer', 'cross', 'full', 'natural', 'group', 'order', 'limit', 'offset',
  'using', 'window', 'having', 'union', 'returning', 'for', 'fetch', 'tablesample', 'lateral', 'from', 'and', 'or',
]);
const SEGMENT_TABLE = /\b(?:from|join|update)\s+segment\b(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi;
const OPT_OUT = /all segments:\s*(\S.{14,})/;

/** The relation fields whose target is the Segment model, from a Prisma schema. */
export function segmentRelationsOf(schema: string): SegmentRelations {
  const toOne = new Set<string>();
  const toMany = new Set<string>();
  for (const match of schema.matchAll(/^\s+(\w+)\s+Segment(\[\]|\?)?(?:\s|$)/gm)) {
    const [, name, suffix] = match;
    if (name) (suffix === '[]' ? toMany : toOne).add(name);
  }
  return { toOne, toMany };
}

/** The exported names of a module's source (functions and constants). */
export function exportedNames(source: string): Set<string> {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of file.statements) {
    const isExported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
  }
  return names;
}

/** Every query on segments in `source` (the file at `fileName`), with its status. */
export function auditSource(fileName: string, source: string, options: AuditOptions): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const isScopeModule = stripExtension(path.resolve(fileName)) === options.scopeModule;
  const { prismaLive, sqlLive } = liveBindings(file, fileName, options);
  const found: { node: ts.Node; kind: FindingKind; isLive: boolean; code: string }[] = [];

  const containsLive = (node: ts.Node | undefined): boolean => {
    if (!node) return false;
    if (ts.isIdentifier(node) && prismaLive.has(node.text)) return true;
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'where') return containsLive(variableInitializer(file, 'where'));
    return ts.forEachChild(node, (child) => (containsLive(child) ? true : undefined)) ?? false;
  };
  const whereOf = (argument: ts.Node | undefined): ts.Node | undefined => {
    if (!argument || !ts.isObjectLiteralExpression(argument)) return undefined;
    return argument.properties.find((property) => property.name && propertyName(property.name) === 'where');
  };

  const visit = (node: ts.Node): void => {
    // 1. <anything>.segment.<method>(…)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SEGMENT_QUERY_METHODS.has(node.expression.name.text)) {
      const delegate = node.expression.expression;
      if (ts.isPropertyAccessExpression(delegate) && delegate.name.text === 'segment') {
        found.push({ node, kind: 'prisma-call', isLive: containsLive(whereOf(node.arguments[0])), code: node.getText(file) });
      }
    }
    // 2. relation fields to Segment in Prisma arguments
    if (ts.isPropertyAssignment(node) && !isScopeModule) {
      const name = propertyName(node.name);
      const isToOne = name !== undefined && options.relations.toOne.has(name);
      const isToMany = name !== undefined && options.relations.toMany.has(name);
      if ((isToOne || isToMany) && isPrismaArgument(node) && !isUnder(node, 'orderBy')) {
        const check = relationCheck(node.initializer, isToMany, containsLive, whereOf);
        if (check !== 'none') found.push({ node, kind: 'relation', isLive: check === 'live', code: node.getText(file) });
      }
    }
    // 3. SQL text
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ${} ') : node.text;
      const aliases = ts.isTemplateExpression(node) ? liveSqlAliases(node, sqlLive) : new Set<string>();
      for (const match of text.matchAll(SEGMENT_TABLE)) {
        const candidate = match[1]?.toLowerCase();
        const alias = candidate && !SQL_KEYWORDS.has(candidate) ? candidate : 'segment';
        found.push({ node, kind: 'sql', isLive: aliases.has(alias), code: match[0].replace(/\s+/g, ' ') });
      }
      if (!isScopeModule && /\bretired_at\b/.test(text)) found.push({ node, kind: 'retired-column', isLive: false, code: shorten(text) });
    }
    // 4. the column by hand
    if (!isScopeModule && (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && propertyName(node.name) === 'retiredAt') {
      found.push({ node, kind: 'retired-column', isLive: false, code: node.getText(file) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  const queryNodes = new Set(found.filter((finding) => finding.kind !== 'retired-column').map((finding) => finding.node));
  return found.map(({ node, kind, isLive, code }): Finding => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    if (isLive) return { kind, status: 'live', line, code: shorten(code) };
    const reason = optOutReason(file, node, kind === 'retired-column' ? new Set() : queryNodes);
    return reason ? { kind, status: 'opted-out', line, code: shorten(code), reason } : { kind, status: 'missing', line, code: shorten(code) };
  });
}

/** The local names the file imports from the scope module for each kind of live condition. */
function liveBindings(file: ts.SourceFile, fileName: string, options: AuditOptions): { prismaLive: Set<string>; sqlLive: Set<string> } {
  const prismaLive = new Set<string>();
  const sqlLive = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const target = specifier.startsWith('@/') ? path.join(options.root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(fileName), specifier) : null;
    if (!target || stripExtension(target) !== options.scopeModule) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (options.prismaLiveExports.includes(imported)) prismaLive.add(element.name.text);
      if (options.sqlLiveExports.includes(imported)) sqlLive.add(element.name.text);
    }
  }
  return { prismaLive, sqlLive };
}

/** The aliases a template gives the live SQL condition to: `${liveSegmentSql('s')}` → `s`, `${liveSegmentSql()}` → `segment`. */
function liveSqlAliases(node: ts.TemplateExpression, sqlLive: ReadonlySet<string>): Set<string> {
  const aliases = new Set<string>();
  for (const span of node.templateSpans) {
    const call = span.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !sqlLive.has(call.expression.text)) continue;
    const [argument] = call.arguments;
    if (argument === undefined) aliases.add('segment');
    else if (ts.isStringLiteral(argument)) aliases.add(argument.text.toLowerCase());
  }
  return aliases;
}

/**
 * What a relation field's value asks for: `none` when nothing needs filtering (a to-one read or a
 * nested write), else whether the filter or nested to-many read holds the live condition.
 */
function relationCheck(value: ts.Expression, isToMany: boolean, containsLive: (node: ts.Node | undefined) => boolean, whereOf: (node: ts.Node | undefined) => ts.Node | undefined): 'none' | 'live' | 'missing' {
  if (value.kind === ts.SyntaxKind.TrueKeyword) return isToMany ? 'missing' : 'none';
  if (!ts.isObjectLiteralExpression(value)) return containsLive(value) ? 'live' : 'missing';
  const keys = value.properties.flatMap((property) => (property.name ? [propertyName(property.name) ?? ''] : []));
  if (keys.length > 0 && keys.every((key) => WRITE_KEYS.has(key))) return 'none';
  if (!isToMany && keys.length > 0 && keys.every((key) => READ_KEYS.has(key))) return 'none';
  if (isToMany && keys.some((key) => NESTED_READ_KEYS.has(key)) && !keys.some((key) => ['some', 'every', 'none'].includes(key))) return containsLive(whereOf(value)) ? 'live' : 'missing';
  return containsLive(value) ? 'live' : 'missing';
}

/**
 * Whether an object property is part of Prisma arguments: inside the arguments of a delegate call
 * (`x.model.method(…)`), or of a value declared, returned or asserted with a `Prisma.` type.
 */
function isPrismaArgument(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && DELEGATE_METHODS.has(current.expression.name.text) && ts.isPropertyAccessExpression(current.expression.expression)) return true;
    if ((ts.isVariableDeclaration(current) || ts.isParameter(current) || ts.isPropertyDeclaration(current)) && current.type?.getText().includes('Prisma.')) return true;
    if ((ts.isSatisfiesExpression(current) || ts.isAsExpression(current)) && current.type.getText().includes('Prisma.')) return true;
    if (ts.isFunctionLike(current) && current.type?.getText().includes('Prisma.')) return true;
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

/** Whether `node` sits inside the value of a property named `key`. */
function isUnder(node: ts.Node, key: string): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isPropertyAssignment(current) && propertyName(current.name) === key) return true;
  }
  return false;
}

/** The reason of an opt-out comment before `node` or an enclosing node up to its statement (not past another query). */
function optOutReason(file: ts.SourceFile, node: ts.Node, stopAt: ReadonlySet<ts.Node>): string | undefined {
  const text = file.getFullText();
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (current !== node && stopAt.has(current)) return undefined;
    for (const range of ts.getLeadingCommentRanges(text, current.getFullStart()) ?? []) {
      const reason = OPT_OUT.exec(text.slice(range.pos, range.end))?.[1];
      if (reason) return reason.trim();
    }
    const parent: ts.Node | undefined = current.parent;
    if (parent && (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent))) return undefined;
  }
  return undefined;
}

/** The initializer of a variable of this name declared in the file (for `{ where }` shorthand). */
function variableInitializer(file: ts.SourceFile, name: string): ts.Node | undefined {
  let initializer: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) initializer = node.initializer;
    if (!initializer) ts.forEachChild(node, visit);
  };
  visit(file);
  return initializer;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function stripExtension(file: string): string {
  return file.replace(/\.(ts|tsx|js|mjs)$/, '');
}

function shorten(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 137)}…` : line;
}
