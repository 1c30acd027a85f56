import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DateField } from '../../src-renderer/components/DateField';

/** A form's date as its owner keeps it: the last value the field gave (null while its text is no date). */
function Owner({ initial, withTime = false, seen }: { initial: string; withTime?: boolean; seen: (value: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <label>
        Due
        <DateField
          withTime={withTime}
          value={value ?? ''}
          onValueChange={(next) => {
            seen(next);
            setValue(next);
          }}
        />
      </label>
      <button type="button" onClick={() => setValue('')}>
        Clear
      </button>
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('a date field writes and reads dates as the console does', () => {
  it('shows its day as "Mon 30 Nov 2026", never the browser\'s mm/dd/yyyy', () => {
    render(<Owner initial="2026-11-30" seen={() => {}} />);
    const field = screen.getByLabelText('Due');
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveValue('Mon 30 Nov 2026');
  });

  it('reads a typed day, gives its value, and writes it the console\'s way once left', async () => {
    const user = userEvent.setup();
    const seen: Array<string | null> = [];
    render(<Owner initial="" seen={(value) => seen.push(value)} />);
    const field = screen.getByLabelText('Due');
    await user.type(field, '4 dec 2026');
    expect(seen.at(-1)).toBe('2026-12-04');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(field).toHaveValue('Fri 4 Dec 2026');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('says what is wrong with a text that is no date once it is left, and gives no value meanwhile', async () => {
    const user = userEvent.setup();
    const seen: Array<string | null> = [];
    render(<Owner initial="2026-11-30" seen={(value) => seen.push(value)} />);
    const field = screen.getByLabelText('Due');
    await user.clear(field);
    await user.type(field, '12/04/2026');
    expect(seen.at(-1)).toBeNull();
    expect(screen.queryByText(/is not a date/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('"12/04/2026" is not a date: write one like Mon 30 Nov 2026');
    expect(field).toHaveValue('12/04/2026');
  });

  it('shows a value set from outside, and a time with its day', async () => {
    const user = userEvent.setup();
    render(<Owner initial="2026-11-26T09:45" withTime seen={() => {}} />);
    const field = screen.getByLabelText('Due');
    expect(field).toHaveValue('Thu 26 Nov 2026, 09:45');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(field).toHaveValue('');
  });
});
