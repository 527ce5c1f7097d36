import { NextResponse } from "next/server";
import type { z } from "zod";

/** A person's mistake in the request: 400 with every problem listed. */
export function badRequest(error: z.ZodError) {
  const errors = error.issues.map((i) => ({ param: i.path.join("."), message: i.message }));
  return NextResponse.json(
    { message: errors.map((e) => `${e.param}: ${e.message}`).join("; "), errors },
    { status: 400 },
  );
}

export function notFound(message: string) {
  return NextResponse.json({ message }, { status: 404 });
}
