/**
 * Opens the database when the server starts, so migrations, reference regions and (on the
 * embedded database) the demo data are in place before the first request. Node-only code stays
 * behind the runtime check: this file is also built for the edge runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openAtStartup } = await import("./db/startup");
  await openAtStartup();
}
