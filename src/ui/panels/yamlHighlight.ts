import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** YAML colours from the app's CSS variables, so the editor reads well in both themes. */
export const yamlHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
    { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
    { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--warn)' },
    { tag: [tags.comment, tags.lineComment], color: 'var(--muted)', fontStyle: 'italic' },
    { tag: [tags.keyword, tags.meta, tags.typeName, tags.labelName], color: 'var(--error)' },
    { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--muted)' },
  ]),
);

/**
 * The editor's colours. The editor lives in a shadow root (YamlEditor.tsx: the CSP keeps inline
 * <style> out), where the app's stylesheet does not reach; CSS variables still inherit through it.
 */
export const yamlTheme = EditorView.theme({
  '&': { height: '100%', background: 'var(--panel)', color: 'var(--fg)' },
  // --mono (src/app/app.css) is inherited into the shadow root; in Korean it names the Korean web font.
  '.cm-scroller': { fontFamily: 'var(--mono, ui-monospace, monospace)' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { background: 'color-mix(in srgb, var(--accent) 30%, transparent) !important' },
  '.cm-gutters': { background: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { background: 'color-mix(in srgb, var(--accent) 10%, transparent)' },
});
