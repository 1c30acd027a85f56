/** The app id: Windows' AppUserModelId (the installer's Start Menu shortcut carries the same) and electron-builder's appId. */
export const APP_ID = 'dev.responsedesk.console';
/** The start-up log, in the data folder: a failed start is written here, not only to a console no one sees. */
export const STARTUP_LOG = 'startup.log';
