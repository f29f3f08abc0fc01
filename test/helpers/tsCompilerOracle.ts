// The oracle for TypeScript and TSX (and, as a cross-check, JavaScript): the TypeScript compiler's own
// parser, version 5.9.3, which scripts/setup-corpora.sh fetches into its cache (the project's `typescript` 7
// is the native port and has no JavaScript API). universal-ctags 5.9 cannot serve here: it loses a class's
// scope after its first arrow-function field or bodiless member (docs/corpora.md shows it).
// Same output and flags as ctagsOracle. Node built-ins only: the compiler is loaded from the cache at run time.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DefinitionFlag, OracleDefinition } from './ctagsOracle';

export const TYPESCRIPT_ORACLE_VERSION = '5.9.3';

/** Where scripts/setup-corpora.sh puts the compiler (honours LONGCODEZIP_CORPORA_CACHE, as the script does). */
export function defaultTypeScriptOraclePath(): string {
  const cacheRoot = process.env.LONGCODEZIP_CORPORA_CACHE ?? path.join(os.homedir(), '.cache', 'longcodezip-corpora');
  return path.join(cacheRoot, 'v1', 'tools', `typescript-${TYPESCRIPT_ORACLE_VERSION}`, 'lib', 'typescript.js');
}

// The small part of the compiler API used here, typed structurally (its .d.ts is not in node_modules).
interface TsNode {
  readonly kind: number;
  readonly parent: TsNode;
  readonly pos: number;
  readonly end: number;
  readonly name?: TsNode;
  readonly body?: TsNode;
  readonly initializer?: TsNode;
  readonly expression?: TsNode;
  readonly left?: TsNode;
  readonly right?: TsNode;
  readonly operatorToken?: TsNode;
  readonly text?: string;
  getStart(sourceFile?: TsSourceFile): number;
  getText(sourceFile?: TsSourceFile): string;
}
interface TsSourceFile extends TsNode {
  getLineAndCharacterOfPosition(pos: number): { line: number; character: number };
}
interface TsApi {
  readonly version: string;
  readonly SyntaxKind: Record<string, number>;
  readonly ScriptTarget: { Latest: number };
  readonly ScriptKind: { JS: number; JSX: number; TS: number; TSX: number };
  createSourceFile(fileName: string, text: string, target: number, setParentNodes: boolean, kind: number): TsSourceFile;
  forEachChild(node: TsNode, visit: (child: TsNode) => void): void;
}

let loaded: { path: string; api: TsApi } | undefined;

/** Loads the compiler (once per path). Throws with a pointer to the setup script when it is missing. */
export function loadTypeScript(typescriptPath = defaultTypeScriptOraclePath()): TsApi {
  if (loaded?.path === typescriptPath) return loaded.api;
  if (!fs.existsSync(typescriptPath)) {
    throw new Error(`${typescriptPath} not found: run scripts/setup-corpora.sh (it fetches typescript@${TYPESCRIPT_ORACLE_VERSION})`);
  }
  const api = createRequire(__filename)(typescriptPath) as TsApi;
  loaded = { path: typescriptPath, api };
  return api;
}

export interface TypeScriptOracleOptions {
  readonly typescriptPath?: string;
  /** Folder relative paths are resolved against. */
  readonly cwd?: string;
}

/** The function and method definitions in the files, as the TypeScript compiler parses them. */
export function typescriptDefinitions(
  language: 'typescript' | 'tsx' | 'javascript',
  files: readonly string[],
  options: TypeScriptOracleOptions = {},
): OracleDefinition[] {
  const ts = loadTypeScript(options.typescriptPath);
  const out: OracleDefinition[] = [];
  for (const file of files) {
    const abs = options.cwd && !path.isAbsolute(file) ? path.join(options.cwd, file) : file;
    const text = fs.readFileSync(abs, 'utf8');
    const kind = language === 'tsx' ? ts.ScriptKind.TSX
      : language === 'javascript' ? (file.endsWith('.jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.JS)
      : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, kind);
    out.push(...fileDefinitions(ts, sf, file));
  }
  return out;
}

interface Context {
  /** Qualified container names (classes, namespaces, object literals' variables). */
  readonly scope: readonly string[];
  readonly scopeKind: string | undefined;
  /** Inside a function-like body. */
  readonly inFunction: boolean;
  /** Inside an expression (call argument, class expression, ...). */
  readonly inExpression: boolean;
  /** Inside a statement block that is not a function body, at top level. */
  readonly inBlock: boolean;
  readonly inObjectLiteral: boolean;
}

function fileDefinitions(ts: TsApi, sf: TsSourceFile, file: string): OracleDefinition[] {
  const K = ts.SyntaxKind;
  const out: OracleDefinition[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const nameText = (n: TsNode | undefined): string | undefined => (n ? (n.text ?? n.getText(sf)) : undefined);
  const isFunctionLike = (n: TsNode) =>
    [K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor,
      K.GetAccessor, K.SetAccessor].includes(n.kind);
  const unwrap = (n: TsNode | undefined): TsNode | undefined => {
    while (n && [K.ParenthesizedExpression, K.AsExpression, K.SatisfiesExpression, K.TypeAssertionExpression,
      K.NonNullExpression].includes(n.kind)) n = n.expression;
    return n;
  };
  const isFunctionValue = (n: TsNode | undefined) => {
    const u = unwrap(n);
    return u !== undefined && (u.kind === K.ArrowFunction || u.kind === K.FunctionExpression);
  };
  /** `wrapper(() => ...)`, `React.forwardRef<...>(function (props, ref) {...})`. */
  const isWrappedFunction = (n: TsNode | undefined) => {
    const u = unwrap(n);
    if (!u || u.kind !== K.CallExpression) return false;
    const args = (u as unknown as { arguments: readonly TsNode[] }).arguments;
    return args.some((a) => isFunctionValue(a));
  };

  const emit = (node: TsNode, nameNode: TsNode | undefined, name: string | undefined, kind: string, ctx: Context, extra: DefinitionFlag[]) => {
    const flags = new Set<DefinitionFlag>(extra);
    if (!name) flags.add('anonymous');
    if (ctx.inFunction) flags.add('nested');
    else if (ctx.inExpression) flags.add('in-expression');
    else if (ctx.inBlock) flags.add('in-statement-block');
    if (ctx.inObjectLiteral) flags.add('object-literal');
    const line = lineOf(nameNode ? nameNode.getStart(sf) : node.getStart(sf));
    out.push({
      path: file,
      name: name ?? '(anonymous)',
      kind,
      line,
      endLine: lineOf(node.end),
      ...(ctx.scope.length > 0 ? { scope: ctx.scope.join('.') } : {}),
      ...(ctx.scopeKind ? { scopeKind: ctx.scopeKind } : {}),
      flags: [...flags],
      oracle: 'typescript',
    });
  };

  const visit = (node: TsNode, ctx: Context): void => {
    const k = node.kind;
    const children = (next: Context) => ts.forEachChild(node, (c) => visit(c, next));
    const inner: Context = { ...ctx, inFunction: true };

    if (k === K.FunctionDeclaration) {
      emit(node, node.name, nameText(node.name), 'function', ctx, node.body ? [] : ['no-body']);
      return children(inner);
    }
    if (k === K.MethodDeclaration || k === K.Constructor || k === K.GetAccessor || k === K.SetAccessor) {
      const kind = k === K.Constructor ? 'constructor' : k === K.GetAccessor ? 'getter' : k === K.SetAccessor ? 'setter' : 'method';
      const name = k === K.Constructor ? 'constructor' : nameText(node.name);
      emit(node, k === K.Constructor ? undefined : node.name, name, kind, ctx, node.body ? [] : ['no-body']);
      return children(inner);
    }
    if (k === K.MethodSignature) {
      emit(node, node.name, nameText(node.name), 'method-signature', ctx, ['no-body']);
      return;
    }
    if (k === K.PropertyDeclaration && isFunctionValue(node.initializer)) {
      emit(node, node.name, nameText(node.name), 'field', ctx, []);
      return children(inner);
    }
    if (k === K.PropertyAssignment && isFunctionValue(node.initializer)) {
      emit(node, node.name, nameText(node.name), 'property', ctx, []);
      return children(inner);
    }
    if (k === K.VariableDeclaration && node.name && node.name.kind === K.Identifier) {
      if (isFunctionValue(node.initializer)) {
        emit(node, node.name, nameText(node.name), 'variable', ctx, []);
        return children(inner);
      }
      if (isWrappedFunction(node.initializer)) {
        emit(node, node.name, nameText(node.name), 'variable', ctx, ['wrapped-in-call']);
        return children(inner);
      }
      if (node.initializer && unwrap(node.initializer)?.kind === K.ObjectLiteralExpression) {
        return children({ ...ctx, scope: [...ctx.scope, nameText(node.name) as string], scopeKind: 'object', inObjectLiteral: true });
      }
    }
    if (k === K.ExpressionStatement) {
      const e = node.expression;
      if (e && e.kind === K.BinaryExpression && e.operatorToken?.kind === K.EqualsToken && e.left
        && (e.left.kind === K.PropertyAccessExpression || e.left.kind === K.ElementAccessExpression) && isFunctionValue(e.right)) {
        const left = e.left;
        const leftName = left.kind === K.PropertyAccessExpression ? nameText(left.name) : undefined;
        emit(e, left.kind === K.PropertyAccessExpression ? left.name : left, leftName, 'assignment', ctx, ['member-assignment']);
        return children(inner);
      }
    }
    if (k === K.ClassDeclaration || k === K.ClassExpression || k === K.InterfaceDeclaration) {
      const name = nameText(node.name) ?? '(anonymous)';
      const expression = k === K.ClassExpression;
      return children({
        ...ctx,
        scope: [...ctx.scope, name],
        scopeKind: k === K.InterfaceDeclaration ? 'interface' : 'class',
        inExpression: ctx.inExpression || expression,
        inObjectLiteral: false,
      });
    }
    if (k === K.ModuleDeclaration) {
      return children({ ...ctx, scope: [...ctx.scope, nameText(node.name) ?? ''], scopeKind: 'namespace' });
    }
    if (k === K.ObjectLiteralExpression) {
      return children({ ...ctx, inObjectLiteral: true, scopeKind: ctx.inObjectLiteral ? ctx.scopeKind : 'object' });
    }
    if (isFunctionLike(node)) return children(inner); // anonymous function expressions and arrows
    if (k === K.CallExpression || k === K.NewExpression) {
      return children({ ...ctx, inExpression: true });
    }
    if (!ctx.inFunction && [K.Block, K.IfStatement, K.TryStatement, K.ForStatement, K.ForOfStatement, K.ForInStatement,
      K.WhileStatement, K.DoStatement, K.SwitchStatement, K.LabeledStatement].includes(k)) {
      return children({ ...ctx, inBlock: true });
    }
    return children(ctx);
  };

  visit(sf, { scope: [], scopeKind: undefined, inFunction: false, inExpression: false, inBlock: false, inObjectLiteral: false });
  return out;
}
