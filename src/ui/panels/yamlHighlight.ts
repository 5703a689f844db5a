import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
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
