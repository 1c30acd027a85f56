/** "1 h 30 min", "8 h", "45 min": a reading aid next to a minutes field; empty when not a positive number. */
export function durationText(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  const hours = Math.floor(minutes / 60);
  const rest = Math.round((minutes - hours * 60) * 100) / 100;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
