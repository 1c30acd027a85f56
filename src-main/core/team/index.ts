/** Team mode: several consoles share cases through one PostgreSQL server; each keeps working offline. */
export { TeamSync, type TeamStatus, type TeamRefusal, type TeamConnection, type TeamSyncDeps, SYNC_STATE_FILE } from './team-sync';
export { Outbox, OUTBOX_FILE, type PendingCommand } from './outbox';
export { createPostgresServer, prefixCandidates, TeamSchemaError, type PostgresServerOptions } from './postgres-server';
export { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from './migrations';
export type { TeamServer, TeamMember, Workstation, AppendRequest, AppendOutcome, PulledEvent, ServerLink, SharedDocument, SharedPut, SharedPutOutcome } from './sync-port';
export { TeamHub, type TeamHubDeps, type TeamSource } from './team-hub';
export { parseTeamAddress, TeamAddressError, SSL_MODES, type TeamAddress } from './team-address';
export { createFileTeamVault, TEAM_CONNECTION_FILE, type TeamVault, type TeamConnectionSettings, type SecretProtector } from './team-vault';
export { notifiesDueUpdates } from './due-update-routing';
export { TeamSettings, SETTINGS_DOCUMENT, type TeamSettingsDeps } from './team-settings';
export { TeamReviews, REVIEW_DOCUMENT, type TeamReviewsDeps } from './team-reviews';
export { openOfflineImportRecorder, type ImportRecorder, type ImportedCommand } from './team-import';
