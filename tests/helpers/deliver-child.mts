/**
 * A second server process's notice sender, for tests/server/notice-processes.test.ts: sends the
 * database's unsent notices to the robot until none is left, and prints how many it sent.
 *   tsx tests/helpers/deliver-child.mts <database url> <robot url>
 */
import { connect } from "@/db/connect";
import { deliverNotices } from "@/server/notices/robot";

const [databaseUrl, robot] = process.argv.slice(2);
const connection = await connect({ databaseUrl });
let sent = 0;
for (let n = -1; n !== 0; sent += n)
  n = Math.max(0, await deliverNotices(connection.db, { url: robot, format: "wecom" }, { limit: 15 }));
console.log(sent);
await connection.close();
