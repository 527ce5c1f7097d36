import { describe, expect, it } from "vitest";
import { takeUploadSlot, UPLOAD_SLOTS, uploadsInProgress } from "@/server/import/upload-slots";

describe("upload slots", () => {
  it("let a few uploads in at once and refuse the next at once, without a queue", () => {
    const taken = Array.from({ length: UPLOAD_SLOTS.concurrent }, () => takeUploadSlot());
    expect(taken.every((release) => release !== null)).toBe(true);
    expect(takeUploadSlot()).toBeNull();
    expect(uploadsInProgress()).toBe(UPLOAD_SLOTS.concurrent);
    // Released twice by mistake, a slot is still freed only once.
    taken[0]?.();
    taken[0]?.();
    expect(uploadsInProgress()).toBe(UPLOAD_SLOTS.concurrent - 1);
    const again = takeUploadSlot();
    expect(again).not.toBeNull();
    expect(takeUploadSlot()).toBeNull();
    again?.();
    for (const release of taken) release?.();
    expect(uploadsInProgress()).toBe(0);
  });
});
