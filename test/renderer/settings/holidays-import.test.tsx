import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ics, renderSettings, settingsDesk, updatesSent, vevent } from './render-settings';

const CALENDAR = 'Business hours (Berlin)';

function icsFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/calendar' });
}

// The editor renders every plan and calendar at once; under a loaded machine its role queries take seconds.
describe('holidays of a calendar', { timeout: 30_000 }, () => {
  it('adds the all-day events of an .ics file as holidays and saves them with the policy', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const file = icsFile(
      'berlin-2026.ics',
      ics(
        vevent('a', 'SUMMARY:Christmas', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261227'),
        vevent('b', 'SUMMARY:New Year', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY'),
        vevent('c', 'SUMMARY:Standup', 'DTSTART:20261005T090000Z'),
      ),
    );
    await user.upload(await screen.findByLabelText(`Import holidays from .ics into ${CALENDAR}`), file);
    expect(await screen.findByText(/Imported 3 holiday dates from berlin-2026.ics. Skipped: "Standup" is not an all-day event./)).toBeInTheDocument();
    const list = screen.getByRole('list', { name: `${CALENDAR} holidays` });
    // Listed in the console's date format, never as ISO dates.
    expect(within(list).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual(['1 Jan, every year', 'Fri 25 Dec 2026', 'Sat 26 Dec 2026']);
    expect(within(list).getByRole('button', { name: `Remove holiday Fri 25 Dec 2026 from ${CALENDAR}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    expect(updatesSent(fake)[0]?.policy?.calendars[0]?.holidays).toEqual(['*-01-01', '2026-12-25', '2026-12-26']);
  });

  it('changes nothing when the .ics file is invalid, and says why', async () => {
    const user = userEvent.setup({ delay: null });
    renderSettings(settingsDesk());
    await user.upload(await screen.findByLabelText(`Import holidays from .ics into ${CALENDAR}`), icsFile('notes.ics', 'these are not holidays'));
    expect(await screen.findByRole('alert')).toHaveTextContent('notes.ics was not imported: the file is not a readable iCalendar file');
    expect(screen.getByRole('alert')).toHaveTextContent('The holidays are unchanged.');
    expect(within(screen.getByRole('list', { name: `${CALENDAR} holidays` })).queryAllByRole('listitem')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('adds and removes a holiday by hand, and refuses a date that does not exist', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const input = await screen.findByRole('textbox', { name: `New holiday for ${CALENDAR}` });
    await user.type(input, '2026-02-30');
    await user.click(screen.getByRole('button', { name: `Add holiday to ${CALENDAR}` }));
    const remove = screen.getByRole('button', { name: `Remove holiday 2026-02-30 from ${CALENDAR}` });
    expect(remove).toHaveAccessibleDescription('is not a date like "2026-12-25" or "*-12-25"');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent(`${CALENDAR} holiday 1: is not a date like "2026-12-25" or "*-12-25"`);
    expect(updatesSent(fake)).toEqual([]);
    await user.click(remove);
    await user.type(input, '2026-10-03{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    expect(fake.current().policy.calendars[0]?.holidays).toEqual(['2026-10-03']);
  });
});
