/**
 * Opens the database when the server starts, so migrations, reference regions and (on the
 * embedded database) the demo data are in place before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getConnection } = await import("./db/client");
    await getConnection();
  }
}
