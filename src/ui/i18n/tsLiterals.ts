import ts from 'typescript';

/**
 * English sentences in TypeScript code of the UI (src/ui, src/app): string literals outside JSX
 * that read as prose (error texts, labels built in code, notices). jsxLiterals.test.ts checks JSX
 * text and attributes; this finds the words that reach the screen from plain code. Command lines
 * (kubectl, aws, playground, krr), CSS class names, console output for developers, module paths and
 * markup and CSS values are not prose, nor the English twin written beside a Message in the same
 * object (`{ error: '…', msg: msg('…') }`, for logs and the CLI). A line marked
 * `// i18n-exempt: <why>` (on it or just above) is skipped, and a whole file with
 * `i18n-exempt-file: <why>`: for texts that are real tool output, file contents, or never shown.
 */
const COMMAND = /^\s*(kubectl|aws|playground|krr|eksctl|helm)\b/;
const PROSE = /[A-Za-z]{2,}[,:;]? +[A-Za-z]{2,}[,:;]? +[A-Za-z]{2,}/;
const NOT_PROSE = /<\w|\d?px\b|var\(--|sans-serif|monospace|^[\w-]+( [\w-]+)*$/;

const isMsgCall = (n: ts.Node) => ts.isCallExpression(n) && n.expression.getText() === 'msg';

/**
 * `{ message: 'English', msg: msg('key') }` or `fail('English', msg('key'))`: the literal is the
 * English twin of a translated Message.
 */
function besideMessage(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isObjectLiteralExpression(p)) {
      return p.properties.some((prop) => ts.isPropertyAssignment(prop) && isMsgCall(prop.initializer));
    }
    if (ts.isCallExpression(p) && p.arguments.some(isMsgCall)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

function attributeName(node: ts.Node): string | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxAttribute(p)) return p.name.getText();
    if (ts.isJsxElement(p) || ts.isJsxSelfClosingElement(p) || ts.isBlock(p)) return undefined;
  }
  return undefined;
}

function inDeveloperCall(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText();
      if (/^console\.\w+$/.test(callee)) return true;
    }
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => ` x ${s.literal.text}`).join('');
  return undefined;
}

/**
 * Prose literals in one file: "LINE: text". `only`: report only literals it matches (the console's
 * parsers, where kubectl's own English is right and only the playground's own voice must be a Message).
 */
export function findProse(source: string, fileName = 'x.tsx', only?: RegExp): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  if (/i18n-exempt-file:/.test(source)) return [];
  const lines = source.split('\n');
  const exempt = (line: number) => /i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '');
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isJsxText(node)) return;
    const text = literalText(node);
    if (text !== undefined) {
      const cls = attributeName(node);
      const prose = PROSE.test(text) && !COMMAND.test(text) && !NOT_PROSE.test(text.trim()) && (!only || only.test(text));
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
      // Only literals of JSX attributes that are never read (class names, test ids, keys) are skipped here;
      // read attributes (title, aria-label…) are jsxLiterals.test.ts's.
      const codeOnly = cls !== undefined && /^(className|data-testid|key|id|role|type|name|href|rel|target)$/.test(cls);
      if (prose && !codeOnly && !inDeveloperCall(node) && !besideMessage(node) && !exempt(line)) found.push(`${line + 1}: ${text.slice(0, 100)}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
