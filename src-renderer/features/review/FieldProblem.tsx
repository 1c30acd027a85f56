/** Says, next to a field, why its value is not saved; the field names it with aria-describedby. */
export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-problem">
      Not saved: {message}
    </span>
  );
}

/** The attributes that tie a field to its problem. */
export function problemProps(id: string, message: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return message ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
