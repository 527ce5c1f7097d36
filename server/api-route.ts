import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import { writeAudit } from "@/db/mutations/audit";
import { AccessDenied, RequestRefused } from "@/lib/auth/errors";
import { isDisplay, type Viewer } from "@/lib/auth/permissions";
import { queryObject } from "@/lib/filters";
import { viewerFrom } from "@/server/auth/viewer";
import { badRequest, jsonError } from "@/server/http";
import { cachedJson } from "@/server/read-cache";
import { requestIp } from "@/server/request-ip";
import { isCrossSiteWrite } from "@/server/same-origin";

/** `db`: where to read; for a cached route possibly the caught-up read replica, else the primary. */
type Context<Q, B, P> = { request: Request; viewer: Viewer; query: Q; body: B; params: P; db: Db };

type Options<QS extends z.ZodType | undefined, BS extends z.ZodType | undefined, PS extends z.ZodType | undefined> = {
  query?: QS;
  body?: BS;
  params?: PS;
  /** A route the wall screen reads (/screen): the only ones a display account may call. */
  screen?: boolean;
  /**
   * A read whose answer depends only on the parameters, the caller's scope and the published
   * figures: answered from server/read-cache.ts while the data version stands. Not for reads that
   * write (a personnel view's audit entry) or depend on the session itself.
   */
  cached?: boolean;
};
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type InferParams<S> = S extends z.ZodType ? z.infer<S> : Record<string, string>;

type Segment = { params?: Promise<Record<string, string | string[]>> };
/** The handler, with the schemas it validates against (tests sweep every parameter with them). */
export type ApiHandler = ((request: Request, segment?: Segment) => Promise<Response>) & {
  schemas: { query?: z.ZodType; params?: z.ZodType };
};

/**
 * Every API route goes through here: writes from another site refused (403; also for routes the
 * proxy does not see), a signed-in user (401 otherwise), a display account only on the screen's
 * routes (403), validated parameters of the query and the path (400 with the problems listed),
 * cached reads answered from server/read-cache.ts, the data layer's refusals as 403/404, a refused
 * write recorded in the audit log, and no stack trace ever in an answer.
 */
export function apiRoute<
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
>(
  options: Options<QS, BS, PS>,
  handler: (ctx: Context<Infer<QS>, Infer<BS>, InferParams<PS>>) => Promise<Response | unknown>,
): ApiHandler {
  const route = async (request: Request, segment?: Segment) => {
    let viewer: Viewer | null = null;
    try {
      if (isCrossSiteWrite(request)) return jsonError(request, 403, "crossOrigin");
      viewer = await viewerFrom(request.headers);
      if (!viewer) return jsonError(request, 401, "unauthenticated");
      // Here, where every session is read, rather than in each route: a new route is closed to a
      // wall screen's account until it says otherwise.
      if (isDisplay(viewer) && !options.screen) return jsonError(request, 403, "displayOnly");
      let params: unknown = (await segment?.params) ?? {};
      if (options.params) {
        const parsed = options.params.safeParse(params);
        if (!parsed.success) return badRequest(request, parsed.error);
        params = parsed.data;
      }
      let query: unknown;
      if (options.query) {
        const parsed = options.query.safeParse(queryObject(new URL(request.url).searchParams));
        if (!parsed.success) return badRequest(request, parsed.error);
        query = parsed.data;
      }
      let body: unknown;
      if (options.body) {
        const raw = await request.json().catch(() => undefined);
        if (raw === undefined) return jsonError(request, 400, "invalid.body");
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) return badRequest(request, parsed.error);
        body = parsed.data;
      }
      const context = {
        request,
        viewer,
        query: query as Infer<QS>,
        body: body as Infer<BS>,
        params: params as InferParams<PS>,
        db: await getDb(),
      };
      if (options.cached && request.method === "GET") {
        const json = await cachedJson(new URL(request.url).pathname, { params, query }, viewer, async (db) => {
          const answer = await handler({ ...context, db });
          if (answer instanceof Response) throw new Error("a cached route answers with data, not a Response");
          return answer;
        });
        return new NextResponse(json, { headers: { "content-type": "application/json" } });
      }
      const result = await handler(context);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (error instanceof AccessDenied && viewer && request.method !== "GET")
        await recordDenied(request, viewer, error);
      if (error instanceof RequestRefused) return jsonError(request, error.status, error.reason, error.values);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname}`, error);
      return jsonError(request, 500, "internal");
    }
  };
  return Object.assign(route, { schemas: { query: options.query, params: options.params } });
}

/**
 * A write the data layer refused: who tried, what (method and path) and why. After the refused
 * change's transaction has rolled back, so the record stands on its own; a failure to record it
 * is logged and the caller still gets the 403.
 */
async function recordDenied(request: Request, viewer: Viewer, error: AccessDenied) {
  try {
    await writeAudit(await getDb(), {
      actor: viewer.id,
      action: "request.denied",
      ip: requestIp(request),
      regionCode: viewer.regionCode,
      detail: { method: request.method, path: new URL(request.url).pathname, reason: error.reason, ...error.values },
    });
  } catch (auditError) {
    console.error("[api] could not record a refused request", auditError);
  }
}
