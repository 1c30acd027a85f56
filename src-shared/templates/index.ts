export {
  TEMPLATE_KINDS,
  TEMPLATE_LABEL,
  PLACEHOLDERS,
  PLACEHOLDER_MEANING,
  type TemplateKind,
  type Placeholder,
  type Templates,
  templatesSchema,
  DEFAULT_TEMPLATES,
  unknownPlaceholders,
  fillTemplate,
} from './templates';
export { type TemplateContext, templateValues, nextUpdateAfter } from './values';
