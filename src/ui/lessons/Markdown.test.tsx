import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from './Markdown';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('lesson Markdown', () => {
  it('renders emphasis, code and lists as elements', () => {
    const out = html('**php-apache** runs `kubectl get hpa`\n\n- one\n- two');
    expect(out).toContain('<strong>php-apache</strong>');
    expect(out).toContain('<code>kubectl get hpa</code>');
    expect(out).toContain('<li>one</li>');
  });
  it('closes bold before a Korean particle (**50%**로)', () => {
    expect(html('요청량의 **50%**로 유지')).toContain('<strong>50%</strong>로');
  });
  it('never passes HTML through: script and javascript: links stay inert text', () => {
    const out = html('<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(2)</script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('href="javascript');
  });
  it('keeps a quote and an ampersand as typed', () => {
    expect(html('a & b "c"')).toContain('a &amp; b &quot;c&quot;');
  });
});
