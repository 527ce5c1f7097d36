/**
 * Opens the database when the server starts, so migrations, reference regions and (on the
 * embedded database) the demo data are in place before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConnection } = await import("./db/client");
  try {
    await getConnection();
  } catch (error) {
    // Another process holds the PGlite folder: serving anyway would only answer errors.
    if (error instanceof Error && error.name === "PgliteFolderBusyError") {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
