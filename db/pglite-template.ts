import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * A new embedded database starts from a copy of an empty cluster, made once per PGlite version
 * and kept in node_modules/.cache, instead of running initdb: initdb in WebAssembly takes seconds
 * and most of a gigabyte of memory, every time, for the same files. A folder is copied as files
 * (no memory at all); an in-memory database loads the cluster as a tarball. Without the cache (a
 * read-only folder, an unknown version) PGlite simply runs initdb as before.
 */
const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "cadre-pglite");

function pgliteVersion(): string | null {
  try {
    const file = path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
    const { version } = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string };
    return version && /^[\w.-]+$/.test(version) ? version : null;
  } catch {
    return null;
  }
}

/** Made aside and renamed into place, so that processes starting together never see half of it. */
async function cached(name: string, make: (partial: string) => Promise<void>): Promise<string | null> {
  const version = pgliteVersion();
  if (!version) return null;
  const [base, ...ext] = name.split(".");
  const file = path.join(cacheDir, [`${base}-${version}`, ...ext].join("."));
  if (fs.existsSync(file)) return file;
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    await make(partial);
    fs.renameSync(partial, file);
  } catch {
    // Another process got there first (the rename found its copy), or the cache cannot be written.
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return fs.existsSync(file) ? file : null;
}

/** Copies the empty cluster into a folder that holds none yet; PGlite then opens it as its own. */
export async function seedFolder(dir: string) {
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return;
  const template = await cached("empty", async (partial) => {
    const fresh = await PGlite.create(partial);
    await fresh.close();
    fs.rmSync(path.join(partial, "postmaster.pid"), { force: true });
  });
  if (template) fs.cpSync(template, dir, { recursive: true });
}

/** The empty cluster as a tarball, for a database in memory. */
export async function emptyTarball(): Promise<Blob | undefined> {
  const tarball = await cached("empty.tar.gz", async (partial) => {
    const fresh = await PGlite.create("memory://");
    const dump = await fresh.dumpDataDir("gzip");
    await fresh.close();
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  });
  return tarball ? fs.openAsBlob(tarball) : undefined;
}
