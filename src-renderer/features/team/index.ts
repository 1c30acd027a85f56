export { TeamBanner } from './TeamBanner';
export { TeamSection } from './TeamSection';
export { teamBannerText, useTeam } from './use-team';
export { OwnerInput, NewCaseOwnerField, newCaseOwner } from './OwnerInput';
export { ownerChoices, memberLabel } from './team-members';
