import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateError } from '../../errors.js';
import { buildLayout, LayoutSpecError } from '../layout/buildLayout.js';
import type { LayoutDocument } from '../layout/LayoutModel.js';
import { MarkupSyntaxError, parseMarkup } from '../layout/parseMarkup.js';
import { arabicDate, chineseDate } from './chineseDates.js';

/** The repository's templates folder, or AWARD_TEMPLATES_DIR (a Lambda bundle ships its own copy). */
export function defaultTemplatesDir(): string {
  return process.env.AWARD_TEMPLATES_DIR ?? fileURLToPath(new URL('../../../../templates', import.meta.url));
}

/**
 * Marks each line that starts an element with its file and line, so layout errors found after
 * Handlebars has expanded loops and partials still point at the template line.
 */
function markLocations(source: string, file: string): string {
  return source
    .split('\n')
    .map((line, index) => (/^\s*</.test(line) ? `<?at ${file} ${index + 1}?>${line}` : line))
    .join('\n');
}

function handlebarsLine(error: Error): number | undefined {
  const match = /line (\d+)/.exec(error.message) ?? / - (\d+):\d+$/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Compiles `templates/*.hbs` once (partials from `templates/partials/`), fills them with a
 * document's data (escaped), and parses the resulting layout markup. Every failure becomes a
 * TemplateError naming the template file and line.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(readonly directory: string = defaultTemplatesDir()) {
    this.handlebars.registerHelper('chineseDate', (iso: string) => chineseDate(iso));
    this.handlebars.registerHelper('arabicDate', (iso: string) => arabicDate(iso));
    const partials = join(directory, 'partials');
    let files: string[] = [];
    try {
      files = readdirSync(partials).filter((file) => file.endsWith('.hbs'));
    } catch {
      // No partials folder: templates are self-contained.
    }
    for (const file of files) {
      const name = `partials/${file}`;
      const partial = this.compile(markLocations(this.readChecked(join(partials, file), name), name), name);
      this.handlebars.registerPartial(basename(file, '.hbs'), partial);
    }
  }

  private readChecked(path: string, name: string): string {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new TemplateError(name, undefined, `template not found in ${this.directory}`);
    }
    const lines = source.split('\n');
    const unescaped = lines.findIndex((line) => /\{\{~?[{&]/.test(line));
    if (unescaped !== -1) {
      throw new TemplateError(
        name,
        unescaped + 1,
        'unescaped output ({{{…}}} or {{&…}}) is not allowed: record text must print literally',
      );
    }
    return source;
  }

  /** Compiles a template or partial so that any error it raises names its own file and line. */
  private compile(source: string, file: string): Handlebars.TemplateDelegate {
    let compiled: Handlebars.TemplateDelegate;
    try {
      compiled = this.handlebars.compile(source, { strict: true, noEscape: false });
    } catch (error) {
      throw new TemplateError(file, handlebarsLine(error as Error), (error as Error).message.split('\n')[0]!, {
        cause: error,
      });
    }
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw new TemplateError(file, handlebarsLine(error as Error), (error as Error).message.split('\n')[0]!, {
          cause: error,
        });
      }
    };
  }

  private template(name: string): Handlebars.TemplateDelegate {
    let template = this.compiled.get(name);
    if (!template) {
      const file = `${name}.hbs`;
      template = this.compile(markLocations(this.readChecked(join(this.directory, file), file), file), file);
      this.compiled.set(name, template);
    }
    return template;
  }

  /** The markup a template produces for the data (exposed for template authors' debugging). */
  markup(name: string, data: object): string {
    return this.template(name)(data);
  }

  render(name: string, data: object): LayoutDocument {
    const markup = this.markup(name, data);
    try {
      return buildLayout(parseMarkup(markup, `${name}.hbs`), join(this.directory, 'assets'));
    } catch (error) {
      if (error instanceof MarkupSyntaxError || error instanceof LayoutSpecError) {
        throw new TemplateError(error.location.file, error.location.line, error.message, { cause: error });
      }
      throw error;
    }
  }
}
