/** The framework's words for the model's values: one list, in src-shared/words, for the screens and the files alike. */
export { STATUS_LABEL, CLOCK_LABEL, CHANNEL_LABEL, TRIGGER_LABEL, LEVEL_LABEL, CRITERION_LABEL, METHOD_LABEL, EVENT_LABEL } from '../../src-shared/words';
