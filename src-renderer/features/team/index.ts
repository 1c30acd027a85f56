export { TeamBanner } from './TeamBanner';
export { TeamSection } from './TeamSection';
export { teamBannerText, useTeam } from './use-team';
