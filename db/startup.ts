import { getConnection } from "./client";

/** Opens the database at server start; a PGlite folder held by another process stops the server. */
export async function openAtStartup(): Promise<void> {
  try {
    await getConnection();
  } catch (error) {
    // Serving anyway would only answer errors.
    if (error instanceof Error && error.name === "PgliteFolderBusyError") {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
