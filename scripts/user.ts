/**
 * Creates an account from the server's command line; the first administrator of a production
 * install comes from here:
 *   npm run user:create -- --role admin --region 150000 [--name 姓名] <username>
 * It asks for the password (or reads one line from standard input when that is not a terminal).
 * Exit codes: 0 created, 1 refused, 2 usage.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { connect } from "../db/connect";
import { createUser } from "../db/mutations/users";
import { prepareDatabase } from "../db/prepare";
import { RequestRefused } from "../lib/auth/errors";
import { operator } from "../lib/auth/operator";
import { readEnv } from "../lib/env";
import { apiMessage } from "../lib/http";
import { newUserBody } from "../lib/schemas";

const usage = "Usage: npm run user:create -- --role viewer|clerk|admin --region <code> [--name <姓名>] <username>";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      process.stdin.setRawMode(true);
      let value = "";
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString("utf8")) {
          if (char === "\r" || char === "\n") {
            process.stdin.setRawMode(false);
            process.stdin.off("data", onData);
            process.stdin.pause();
            process.stdout.write("\n");
            return resolve(value);
          }
          if (char === "\u0003") process.exit(2);
          value = char === "\u007f" ? value.slice(0, -1) : value + char;
        }
      };
      process.stdin.resume();
      process.stdin.on("data", onData);
    });
  const first = await ask("密码 Password: ");
  const second = await ask("再次输入 Repeat: ");
  if (first !== second) {
    console.error("两次输入的密码不一致。The passwords differ.");
    process.exit(1);
  }
  return first;
}

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
