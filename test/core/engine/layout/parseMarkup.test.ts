import { describe, expect, it } from 'vitest';
import { isElement, MarkupSyntaxError, parseMarkup } from '../../../../functions/core/engine/layout/parseMarkup.js';
import { thrown } from '../../../support/thrown.js';

const syntaxError = (source: string) => thrown(MarkupSyntaxError, () => parseMarkup(source, 't.hbs'));

describe('parseMarkup', () => {
  it('reads elements, attributes, entities and text, skipping comments', () => {
    const root = parseMarkup(
      '<document a="x &amp; y">\n  <!-- note -->\n  <p>甲&lt;乙&#x4E19;&#19969;</p>\n</document>',
    );
    expect(root.attributes).toEqual({ a: 'x & y' });
    const p = root.children.filter(isElement)[0]!;
    expect(p.name).toBe('p');
    expect(p.children).toEqual([{ text: '甲<乙丙丁', file: 'layout', line: 3 }]);
  });

  it('takes file and line from location marks, counting lines after the mark', () => {
    const root = parseMarkup('<?at doc.hbs 10?><document>\n<p>x</p>\n</document>');
    const p = root.children.filter(isElement)[0]!;
    expect([p.file, p.line]).toEqual(['doc.hbs', 11]);
  });

  it('names the line of each kind of mistake', () => {
    expect(syntaxError('<document>\n<p>x</q>\n</document>')).toMatchObject({ location: { line: 2 } });
    expect(syntaxError('<document>\n<p>a & b</p></document>').message).toContain('&amp;');
    expect(syntaxError('<document>\n\n<p>x</document>').message).toMatch(/does not close <p>/);
    expect(syntaxError('<document><p a="1" a="2"/></document>').message).toContain('"a" twice');
    expect(syntaxError('<document><p>&#x110000;</p></document>').message).toContain('not a Unicode character');
    expect(syntaxError('<document></document><document></document>').message).toContain('single <document>');
    expect(syntaxError('<document>\n<p>').location.line).toBe(2);
  });
});
