import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateRenderer } from '../../../../functions/core/engine/templates/TemplateRenderer.js';
import { TemplateError } from '../../../../functions/core/errors.js';
import { thrown } from '../../../support/thrown.js';

function templates(files: Record<string, string>): TemplateRenderer {
  const dir = mkdtempSync(join(tmpdir(), 'templates-'));
  mkdirSync(join(dir, 'partials'));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  return new TemplateRenderer(dir);
}

const head =
  '<document title="t" date="2020-02-05T10:00:00+08:00" identity="x">\n' +
  '  <style name="body" font="songti" size="16pt"/>\n  <section>\n';
const tail = '  </section>\n</document>\n';

const errorOf = (action: () => unknown) => thrown(TemplateError, action);

describe('TemplateRenderer', () => {
  it('names the template and line of an unknown layout element', () => {
    const renderer = templates({ 'doc.hbs': `${head}    <p>{{name}}</p>\n    <paragraph>oops</paragraph>\n${tail}` });
    const error = errorOf(() => renderer.render('doc', { name: '何建华' }));
    expect(error.template).toBe('doc.hbs');
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/^template doc\.hbs, line 5: .*unknown element <paragraph>/);
  });

  it('keeps the template line after a loop has repeated lines', () => {
    const renderer = templates({
      'doc.hbs': `${head}    {{#each items}}\n    <p>{{this}}</p>\n    {{/each}}\n    <p bogus="1">x</p>\n${tail}`,
    });
    const error = errorOf(() => renderer.render('doc', { items: ['a', 'b', 'c', 'd'] }));
    expect(error.line).toBe(7);
    expect(error.message).toContain('unknown attribute "bogus"');
  });

  it('names the partial and its line when the error is inside a partial', () => {
    const renderer = templates({
      'doc.hbs': `${head}{{> part}}\n${tail}`,
      'partials/part.hbs': '    <p>ok</p>\n    <p style="missing">x</p>\n',
    });
    const error = errorOf(() => renderer.render('doc', {}));
    expect(error.template).toBe('partials/part.hbs');
    expect(error.line).toBe(2);
    expect(error.message).toContain('style "missing" is not defined');
  });

  it('names the line of a Handlebars syntax error and of a missing field', () => {
    const syntax = templates({ 'doc.hbs': `${head}    <p>{{#if x}}</p>\n${tail}` });
    expect(errorOf(() => syntax.render('doc', { x: 1 })).template).toBe('doc.hbs');
    const missing = templates({ 'doc.hbs': `${head}    <p>{{recipient.name}}</p>\n${tail}` });
    const error = errorOf(() => missing.render('doc', {}));
    expect(error.line).toBe(4);
    expect(error.message).toContain('"name" not defined');
  });

  it('names the partial and its line when a field is missing inside a partial', () => {
    const renderer = templates({
      'doc.hbs': `${head}{{> part}}\n${tail}`,
      'partials/part.hbs': '    <p>ok</p>\n    <p>{{markText}}</p>\n',
    });
    const error = errorOf(() => renderer.render('doc', {}));
    expect(error.template).toBe('partials/part.hbs');
    expect(error.line).toBe(2);
    expect(error.message).toContain('"markText" not defined');
  });

  it('refuses unescaped output in every spelling, so record text always prints literally', () => {
    for (const expression of ['{{{name}}}', '{{&name}}', '{{~{name}~}}', '{{~&name}}']) {
      const renderer = templates({ 'doc.hbs': `${head}    <p>${expression}</p>\n${tail}` });
      expect(errorOf(() => renderer.render('doc', { name: 'x' })).message, expression).toMatch(
        /line 4: unescaped output/,
      );
    }
  });

  it('prints markup characters and Handlebars braces from data literally', () => {
    const renderer = templates({ 'doc.hbs': `${head}    <p>{{name}}</p>\n${tail}` });
    const layout = renderer.render('doc', { name: '{{name}} <b>&amp; "引号" \'单\' `x` a=b' });
    const block = layout.sections[0]!.blocks[0]!;
    expect(block.type === 'paragraph' && block.spans.map((s) => s.text).join('')).toBe(
      '{{name}} <b>&amp; "引号" \'单\' `x` a=b',
    );
  });
});
