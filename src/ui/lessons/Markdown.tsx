import { Fragment, type ReactNode } from 'react';
import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';

/**
 * CommonMark does not close `**50%**로`: a `**` after punctuation must be followed by a space or
 * punctuation, which Korean particles are not. This tokenizer, tried first, accepts `**…**` with no
 * space around it, as Korean text writes it.
 */
const cjkStrong: TokenizerAndRendererExtension = {
  name: 'cjkStrong',
  level: 'inline',
  start: (src) => src.indexOf('**'),
  tokenizer(src) {
    const m = /^\*\*(?=\S)([^*]*?\S)\*\*/.exec(src);
    if (!m) return undefined;
    return { type: 'strong', raw: m[0], text: m[1], tokens: this.lexer.inlineTokens(m[1]) };
  },
};

const marked = new Marked({ extensions: [cjkStrong] });

/**
 * A lesson's short Markdown, rendered safely: marked's lexer gives tokens, and each token becomes a
 * React element. No HTML string is ever injected, so a lesson file from disk cannot run script;
 * raw HTML in the Markdown is shown as text.
 */
export function Markdown({ text }: { text: string }) {
  const tokens = marked.lexer(text);
  return <>{blocks(tokens)}</>;
}

function blocks(tokens: Token[]): ReactNode[] {
  return tokens.map((tok, i) => <Fragment key={i}>{block(tok)}</Fragment>);
}

function block(tok: Token): ReactNode {
  switch (tok.type) {
    case 'paragraph':
      return <p>{inline((tok as Tokens.Paragraph).tokens)}</p>;
    case 'heading': {
      const h = tok as Tokens.Heading;
      return <h4>{inline(h.tokens)}</h4>;
    }
    case 'list': {
      const l = tok as Tokens.List;
      const items = l.items.map((item, i) => <li key={i}>{item.tokens.flatMap((t) => (t.type === 'text' && 'tokens' in t && t.tokens ? inline(t.tokens) : [block(t)]))}</li>);
      return l.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'code':
      return (
        <pre className="lesson-code">
          <code>{(tok as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote>{blocks((tok as Tokens.Blockquote).tokens)}</blockquote>;
    case 'space':
    case 'hr':
      return null;
    case 'text': {
      const t = tok as Tokens.Text;
      return <p>{t.tokens ? inline(t.tokens) : t.text}</p>;
    }
    default:
      return 'raw' in tok ? <p>{String(tok.raw)}</p> : null;
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((tok, i) => <Fragment key={i}>{inlineOne(tok)}</Fragment>);
}

function inlineOne(tok: Token): ReactNode {
  switch (tok.type) {
    case 'strong':
      return <strong>{inline((tok as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em>{inline((tok as Tokens.Em).tokens)}</em>;
    case 'codespan':
      return <code>{unescape((tok as Tokens.Codespan).text)}</code>;
    case 'br':
      return <br />;
    case 'del':
      return <del>{inline((tok as Tokens.Del).tokens)}</del>;
    case 'link': {
      const l = tok as Tokens.Link;
      // Only web links open; anything else (javascript:, data:) stays text.
      return /^https?:\/\//.test(l.href) ? (
        <a href={l.href} target="_blank" rel="noreferrer noopener">
          {inline(l.tokens)}
        </a>
      ) : (
        <>{inline(l.tokens)}</>
      );
    }
    case 'text': {
      const t = tok as Tokens.Text;
      return t.tokens ? inline(t.tokens) : unescape(t.text);
    }
    case 'escape':
      return (tok as Tokens.Escape).text;
    default:
      return 'raw' in tok ? String(tok.raw) : null;
  }
}

/** marked escapes &, <, > and quotes in text tokens; React escapes on its own, so undo it. */
function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
