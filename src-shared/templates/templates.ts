import { z } from 'zod';

/**
 * Customer update templates: the text each kind of message to the customer starts from,
 * editable in the settings. Placeholders are words in braces ("{next update}"), filled from the
 * case when a dialog opens; the engineer edits the result before it is sent.
 */
export const TEMPLATE_KINDS = ['initialResponse', 'progressUpdate', 'informationRequest', 'workaround', 'resolution'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_LABEL: Readonly<Record<TemplateKind, string>> = {
  initialResponse: 'Initial response',
  progressUpdate: 'Progress update',
  informationRequest: 'Information request',
  workaround: 'Workaround',
  resolution: 'Resolution',
};

export const PLACEHOLDERS = ['case', 'title', 'customer', 'severity', 'status', 'next steps', 'workaround', 'next update', 'engineer'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const PLACEHOLDER_MEANING: Readonly<Record<Placeholder, string>> = {
  case: 'the case id, RD-1001',
  title: "the case's title",
  customer: "the customer's name",
  severity: 'the severity, P1 Critical',
  status: 'the status, Investigating',
  'next steps': 'the next steps outlined at acknowledgement',
  workaround: 'the workaround provided',
  'next update': 'when the next update is due, in the customer’s time zone: Mon 30 Nov, 10:00 CET',
  engineer: 'your name from the settings',
};

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;

/** The placeholders a template names that are not known, in order. */
export function unknownPlaceholders(template: string): string[] {
  const known: ReadonlySet<string> = new Set(PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1]!.trim()).filter((name) => !known.has(name));
}

const templateText = (kind: TemplateKind) =>
  z
    .string({ error: `the ${TEMPLATE_LABEL[kind].toLowerCase()} template must be text` })
    .trim()
    .min(1, `the ${TEMPLATE_LABEL[kind].toLowerCase()} template is empty`)
    .max(5000, `the ${TEMPLATE_LABEL[kind].toLowerCase()} template is longer than 5000 characters`)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `{${unknown[0]}} is not a placeholder; use ${PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
        });
      }
    });

export const templatesSchema = z.object(Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, templateText(kind)])) as Record<TemplateKind, ReturnType<typeof templateText>>);
export type Templates = z.infer<typeof templatesSchema>;

export const DEFAULT_TEMPLATES: Templates = {
  initialResponse:
    'Hello,\n\nThank you for reporting {case} "{title}". We have validated it as {severity} and begun the investigation.\n\nNext steps: {next steps}\n\nNext update by {next update}.\n\n{engineer}',
  progressUpdate: 'Hello,\n\nAn update on {case} "{title}" ({severity}, {status}):\n\n\n\nNext update by {next update}.\n\n{engineer}',
  informationRequest:
    'Hello,\n\nTo continue the investigation of {case} "{title}" we need the following from you:\n\n\n\nThe case waits for your reply.\n\n{engineer}',
  workaround: 'Hello,\n\nWhile we work on {case} "{title}", this workaround restores the service:\n\n{workaround}\n\nNext update by {next update}.\n\n{engineer}',
  resolution: 'Hello,\n\n{case} "{title}" is resolved.\n\n\n\nPlease tell us if anything is still not working.\n\n{engineer}',
};

/** The template with each placeholder replaced by its value; an empty value leaves "—" so the gap is seen. */
export function fillTemplate(template: string, values: Readonly<Record<Placeholder, string>>): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    const key = name.trim() as Placeholder;
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) return whole;
    return values[key].trim() || '—';
  });
}
