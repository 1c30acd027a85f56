/** The export of all user data: its versioned schema, its limits, and how an import reads it. */
export * from './schema';
export { BUNDLE_MIGRATIONS, BundleError, bundlePath, bundleProblems, readBundle, upgradeBundle, type BundleContext, type BundleMigration } from './read';
export { describeBundle, summarizeBundle, type BundleSummary } from './summary';
