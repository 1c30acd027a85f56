import { memberLabel, ownerChoices } from './team-members';
import { useTeam } from './use-team';

interface OwnerInputProps {
  readonly value: string;
  readonly onChange: (owner: string) => void;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string | undefined;
}

/** An owner: picked from the team's members in a team, typed freely on a console that works alone. */
export function OwnerInput({ value, onChange, ...aria }: OwnerInputProps) {
  const members = ownerChoices(useTeam().view);
  if (!members) return <input value={value} onChange={(event) => onChange(event.target.value)} {...aria} />;
  return (
    <select value={members.some((member) => member.name === value) ? value : ''} onChange={(event) => onChange(event.target.value)} {...aria}>
      <option value="">Choose a team member</option>
      {members.map((member) => (
        <option key={member.name} value={member.name}>
          {memberLabel(member)}
        </option>
      ))}
    </select>
  );
}

/** What the New case form's owner choice means for the request: omitted (the engineer), nobody yet, or a member. */
export function newCaseOwner(choice: FormDataEntryValue | null): string | undefined {
  if (choice === null || choice === NEW_CASE_ME) return undefined;
  return String(choice).startsWith(MEMBER) ? String(choice).slice(MEMBER.length) : '';
}

const NEW_CASE_ME = 'me';
const MEMBER = 'member:';

/** New case, in a team: who owns the case from the start (the engineer by default, or nobody yet: the team's queue). Alone it shows nothing. */
export function NewCaseOwnerField({ engineerName }: { engineerName: string }) {
  const members = ownerChoices(useTeam().view);
  if (!members) return null;
  const others = members.filter((member) => member.name.trim().toLocaleLowerCase() !== engineerName.trim().toLocaleLowerCase());
  return (
    <label>
      Owner
      <select name="owner" defaultValue={NEW_CASE_ME}>
        <option value={NEW_CASE_ME}>{engineerName ? `Me (${engineerName})` : 'Me'}</option>
        <option value="">{"Nobody yet (the team's queue)"}</option>
        {others.map((member) => (
          <option key={member.name} value={`${MEMBER}${member.name}`}>
            {memberLabel(member)}
          </option>
        ))}
      </select>
    </label>
  );
}
