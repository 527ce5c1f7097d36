"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api/client";
import { dataVersionKey, fetchDataVersion, retryDelay, screenDataQuery, slideAt } from "@/lib/api/screen";

const VERSION_POLL_MS = 10_000;

/**
 * The screen's data, kept fresh without anyone at the keyboard: the cheap data version is polled,
 * and only when it differs from the version the data was read at is the data read again. A failed
 * poll or read keeps the last view (TanStack Query keeps the data of a failed query), says so,
 * and tries again later and later (retryDelay) until the server answers again.
 */
export function useScreenData(region: string | undefined) {
  // Failed polls in a row, counted where they happen (the query function), for the backoff.
  const failures = useRef(0);
  const screen = useQuery({ ...screenDataQuery(region), retry: false, staleTime: Number.POSITIVE_INFINITY });
  const version = useQuery({
    queryKey: dataVersionKey,
    queryFn: async () => {
      try {
        const answer = await fetchDataVersion();
        failures.current = 0;
        return answer;
      } catch (error) {
        failures.current += 1;
        throw error;
      }
    },
    retry: false,
    refetchInterval: () => (failures.current > 0 ? retryDelay(failures.current) : VERSION_POLL_MS),
    refetchIntervalInBackground: true,
  });

  const { refetch } = screen;
  const latest = version.data?.version;
  const shown = screen.data?.version;
  const screenFailed = screen.isError && !screen.isFetching;
  const polledAt = version.dataUpdatedAt;
  useEffect(() => {
    // A newer version, or a read that failed the last time: read again (the poll paces the retries).
    if (polledAt && latest && (latest !== shown || screenFailed)) void refetch();
  }, [latest, shown, screenFailed, refetch, polledAt]);

  const offline = version.isError || screen.isError;
  // A session that ended (12 hours after sign-in, or the account disabled) does not come back by
  // retrying: someone has to sign the screen in again, and the mark says so.
  const signedOut = [version.error, screen.error].some((e) => e instanceof ApiError && e.status === 401);
  return { data: screen.data, offline: signedOut ? ("signedOut" as const) : offline ? ("offline" as const) : null };
}

/** The slide to show: the next one every `intervalSeconds`, counted from when the screen opened. */
export function useRotation(count: number, intervalSeconds: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const started = Date.now();
    // Checked each second, but only a new index renders again: the map is not redrawn every tick.
    const timer = setInterval(() => setIndex(slideAt(Date.now() - started, intervalSeconds, count)), 1000);
    return () => clearInterval(timer);
  }, [count, intervalSeconds]);
  return Math.min(index, Math.max(0, count - 1));
}
