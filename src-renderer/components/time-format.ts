import { formatDateTime } from '../../src-shared/words';

/** The console writes time one way (src-shared/words): "Mon 30 Nov, 09:00" in the engineer's time zone. */
export { formatDateTime, formatDate, formatDayOf, formatMinutes, formatSpan, formatCountdown } from '../../src-shared/words';

/** A due time: "Mon 30 Nov, 09:00". */
export const formatDue = (iso: string): string => formatDateTime(iso);

/** A timeline entry's time: the same format as every other time on screen. */
export const formatInstant = (iso: string): string => formatDateTime(iso);
