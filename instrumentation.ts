/**
 * Runs when the server starts: removes upload folders that crashed processes left behind, then
 * opens the database, so migrations, reference regions and (on the embedded database) the demo
 * data are in place before the first request, and starts the reminders (server/notices/job.ts). Node-only code stays behind the runtime check:
 * this file is also built for the edge runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { removeAbandonedUploadDirs } = await import("@/server/import/upload-dirs");
  // Leftovers only cost disk space: failing to remove them must not keep the server from starting.
  await removeAbandonedUploadDirs().then(
    (removed) => removed.length > 0 && console.log(`Removed ${removed.length} upload folder(s) of stopped processes.`),
    (error: Error) => console.error(`Could not remove old upload folders: ${error.message}`),
  );
  const { openAtStartup } = await import("./db/startup");
  await openAtStartup();
  const [{ startNoticeJob }, { readEnv }] = await Promise.all([import("@/server/notices/job"), import("@/server/env")]);
  startNoticeJob(readEnv());
}
