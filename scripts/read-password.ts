import { createInterface } from "node:readline";

/**
 * A password for a command-line tool: asked twice on a terminal (not echoed), else one line of
 * standard input, so that scripts can pipe it in. Used by user:create and db:seed.
 */
export async function readPassword(prompt = "密码 Password: "): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
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
  const first = await ask(prompt);
  const second = await ask("再次输入 Repeat: ");
  if (first !== second) {
    console.error("两次输入的密码不一致。The passwords differ.");
    process.exit(1);
  }
  return first;
}
