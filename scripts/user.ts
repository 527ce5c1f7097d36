/**
 * Creates an account from the server's command line; the first administrator of a production
 * install comes from here:
 *   npm run user:create -- --role admin --region 150000 [--name 姓名] <username>
 * It asks for the password (or reads one line from standard input when that is not a terminal).
 * Exit codes: 0 created, 1 refused, 2 usage.
 */
import { parseArgs } from "node:util";
import { readEnv } from "@/server/env";
import { apiMessage } from "@/server/http";
import { connect } from "../db/connect";
import { createUser } from "../db/mutations/users";
import { prepareDatabase } from "../db/prepare";
import { RequestRefused } from "../lib/auth/errors";
import { operator } from "../lib/auth/operator";
import { newUserBody } from "../lib/schemas";
import { readPassword } from "./read-password";

const usage =
  "Usage: npm run user:create -- --role viewer|clerk|admin|display --region <code> [--name <姓名>] <username>";

async function main() {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { role: { type: "string" }; region: { type: "string" }; name: { type: "string" } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: { role: { type: "string" }, region: { type: "string" }, name: { type: "string" } },
      allowPositionals: true,
    });
  } catch {
    console.error(usage);
    return 2;
  }
  const [username] = parsed.positionals;
  const { role, region, name } = parsed.values;
  if (!username || !role || !region || parsed.positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const password = await readPassword();
  const input = newUserBody.safeParse({ username, name: name ?? username, role, regionCode: region, password });
  if (!input.success) {
    for (const issue of input.error.issues)
      console.error(`${issue.path.join(".")}: ${apiMessage("zh-CN", issue.message)}`);
    return 1;
  }
  const env = readEnv();
  const connection = await connect({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await prepareDatabase(connection, { demo: false });
    const user = await createUser(connection.db, operator(), input.data);
    console.log(`已创建用户 ${user.username}（${role}，${region}）。Created ${user.username}.`);
    return 0;
  } catch (error) {
    if (error instanceof RequestRefused) {
      console.error(apiMessage("zh-CN", error.reason, error.values));
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
