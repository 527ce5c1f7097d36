import { NextResponse } from "next/server";
import { getConnection } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runner. */
export async function GET() {
  try {
    const connection = await getConnection();
    await pingDatabase(connection.db);
    return NextResponse.json({ ok: true, database: connection.kind });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
