import { describe, expect, it } from "vitest";
import {
  canManageBatch,
  canManageUsers,
  canReadAggregates,
  canReadAudit,
  canReceiveNotices,
  canReview,
  canSeeNames,
  canUpload,
  canWriteFigures,
  type Principal,
  personnelScope,
} from "@/lib/auth/permissions";

const ROOT = ["150000"];
const BAYANNUR = ["150000", "150800"];
const LINHE = ["150000", "150800", "150802"];
const URAD_REAR = ["150000", "150800", "150825"];
const ORDOS = ["150000", "150600"];

const who = (role: Principal["role"], regionCode: string): Principal => ({ role, regionCode });

// role × home region × target region × action → allowed?
const table: [
  Principal,
  string[],
  { aggregates: boolean; names: boolean; write: boolean; users: boolean; audit: boolean },
][] = [
  [who("viewer", "150000"), ORDOS, { aggregates: true, names: true, write: false, users: false, audit: false }],
  [who("viewer", "150800"), BAYANNUR, { aggregates: true, names: true, write: false, users: false, audit: false }],
  [who("viewer", "150800"), URAD_REAR, { aggregates: true, names: true, write: false, users: false, audit: false }],
  [who("viewer", "150800"), ORDOS, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("viewer", "150800"), ROOT, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("clerk", "150825"), URAD_REAR, { aggregates: true, names: true, write: true, users: false, audit: false }],
  [who("clerk", "150825"), LINHE, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("clerk", "150825"), BAYANNUR, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("clerk", "150800"), URAD_REAR, { aggregates: true, names: true, write: true, users: false, audit: false }],
  [who("clerk", "150800"), BAYANNUR, { aggregates: true, names: true, write: true, users: false, audit: false }],
  [who("clerk", "150800"), ORDOS, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("clerk", "150000"), ORDOS, { aggregates: true, names: true, write: true, users: false, audit: false }],
  [who("admin", "150825"), ORDOS, { aggregates: true, names: true, write: true, users: true, audit: true }],
  [who("admin", "150000"), LINHE, { aggregates: true, names: true, write: true, users: true, audit: true }],
  // A wall screen's account: aggregates only, no names even at the autonomous region, and no write.
  [who("display", "150000"), LINHE, { aggregates: true, names: false, write: false, users: false, audit: false }],
  [who("display", "150800"), BAYANNUR, { aggregates: true, names: false, write: false, users: false, audit: false }],
];

describe("access rules", () => {
  it.each(table)("%o on %o", (principal, target, expected) => {
    expect({
      aggregates: canReadAggregates(principal),
      names: canSeeNames(principal, target),
      write: canWriteFigures(principal, target),
      users: canManageUsers(principal),
      audit: canReadAudit(principal),
    }).toEqual(expected);
  });
});

describe("a batch's history and undo", () => {
  // The regions a batch touched, as ancestors; the caller must be able to write every one.
  const cases: [Principal, string[][], boolean][] = [
    [who("clerk", "150825"), [URAD_REAR], true],
    [who("clerk", "150825"), [URAD_REAR, ORDOS], false],
    [who("clerk", "150825"), [ORDOS], false],
    [who("clerk", "150800"), [URAD_REAR, LINHE], true],
    [who("clerk", "150800"), [URAD_REAR, ORDOS], false],
    [who("clerk", "150000"), [URAD_REAR, ORDOS], true],
    [who("clerk", "150825"), [], false],
    [who("admin", "150825"), [ORDOS], true],
    [who("viewer", "150000"), [ORDOS], false],
  ];
  it.each(cases)("%o on %o", (principal, touched, expected) => {
    expect(canManageBatch(principal, touched)).toBe(expected);
  });
});

describe("a display account", () => {
  it("never reads named personnel evaluations, whatever it was granted", () => {
    const display: Principal = { role: "display", regionCode: "150000", personnel: true };
    expect(personnelScope(display)).toBe("none");
    expect(canUpload(display)).toBe(false);
    expect(canReceiveNotices(display)).toBe(false);
    expect(canReview({ ...display, id: "x" }, { regionParent: "150000", submittedBy: "y" })).toBe(false);
  });
});
