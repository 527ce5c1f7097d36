import type { OrganisationType, TermAdjustment, UnitType } from "@/lib/contract";
import { addMonths, formatJointUnits, termYears } from "@/lib/terms";
import { readReference } from "../reference/read";
import type { NewOrganisation, NewRegion } from "../schema";
import { NameGenerator, Random } from "./random";

/**
 * Synthetic demo data (演示数据) of the basic-level Party organisations: for every league's own
 * departments and every banner, township committees, village and community branches (their
 * townships and villages from the reference), agency, school, hospital and enterprise branches, a
 * few joint branches covering a unit of three or more full members and a few branches of more than
 * 50. Terms are spread around a fixed day, DEMO_TERM_DAY, so that the statuses the tests expect do
 * not move with the calendar: about one in twelve overdue, one in eight due within six months, one
 * in sixteen extended (a few of them past the extended date too), a few elected early.
 */
export const DEMO_TERM_DAY = "2026-12-01";
const SEED = 20261201;

const AGENCIES = [
  "发展和改革委员会",
  "工业和信息化局",
  "农牧局",
  "自然资源局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "教育局",
  "卫生健康委员会",
  "民政局",
  "财政局",
  "审计局",
  "统计局",
  "市场监督管理局",
  "林业和草原局",
  "应急管理局",
];
const ENTERPRISES = [
  "农牧业发展有限公司",
  "城市投资建设有限公司",
  "供热有限责任公司",
  "农村信用合作联社",
  "能源有限公司",
];
const SMALL_FIRMS = [
  "商贸有限公司",
  "农牧业专业合作社",
  "物流有限公司",
  "建筑工程有限公司",
  "餐饮服务有限公司",
  "乳业有限公司",
];
const SCHOOLS = ["第一中学", "第二中学", "实验小学", "职业教育中心", "蒙古族中学"];
const HOSPITALS = ["人民医院", "蒙医医院", "妇幼保健院"];

type Spot = { code: string; name: string; level: "prefecture" | "county" };

const pad = (n: number) => String(n).padStart(2, "0");
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** A village's name without its committee's suffix, as its branch is named (巴音宝力格嘎查村委会 → 巴音宝力格嘎查). */
const villageShort = (name: string) => name.replace(/(村民委员会|居民委员会|村委会|居委会|委员会)$/, "");

export function generateOrganisationDemo(regionList: NewRegion[]): NewOrganisation[] {
  const random = new Random(SEED);
  const names = new NameGenerator(random);
  const townshipsOf = new Map<string, NewRegion[]>();
  for (const r of regionList.filter((r) => r.level === "township")) {
    const list = townshipsOf.get(r.parentCode as string) ?? [];
    list.push(r);
    townshipsOf.set(r.parentCode as string, list);
  }
  const villagesOf = new Map<string, { code: string; name: string; kind: string }[]>();
  for (const v of readReference("villages")) {
    const list = villagesOf.get(v.parent_code) ?? [];
    list.push({ code: v.code, name: v.name_zh, kind: v.kind_zh });
    villagesOf.set(v.parent_code, list);
  }

  /** A term whose status, as of DEMO_TERM_DAY, is drawn from the demo's spread. */
  const term = (type: OrganisationType, unitType: UnitType) => {
    const years = termYears(type, unitType);
    const draw = random.next();
    let end: string;
    let adjust: { type: TermAdjustment; months: number; reason: string } | null = null;
    if (draw < 0.08) end = addDays(DEMO_TERM_DAY, -random.int(5, 330));
    else if (draw < 0.2) end = addDays(DEMO_TERM_DAY, random.int(0, 175));
    else if (draw < 0.26) {
      end = addDays(DEMO_TERM_DAY, random.int(-240, 90));
      // Most extensions still run; about one in six has passed its extended date too.
      adjust = {
        type: "延期换届",
        months: random.chance(0.17) ? 1 : random.int(10, 12),
        reason: random.pick(["单位机构改革", "主要负责人调整", "与上级党组织换届统筹安排"]),
      };
    } else if (draw < 0.28) {
      end = addDays(DEMO_TERM_DAY, random.int(260, 500));
      adjust = {
        type: "提前换届",
        months: -random.int(3, 8),
        reason: random.pick(["与村（社区）“两委”换届同步", "领导班子调整", "单位合并"]),
      };
    } else end = addDays(DEMO_TERM_DAY, random.int(190, years * 365 - 30));
    // A day every month has, so that the computed end is the drawn one.
    const electedOn = addMonths(`${end.slice(0, 8)}${pad(Math.min(Number(end.slice(8)), 28))}`, -12 * years);
    const computed = addMonths(electedOn, 12 * years);
    const adjustment = adjust && {
      type: adjust.type,
      endsOn: addMonths(computed, adjust.months),
      reason: adjust.reason,
    };
    return { electedOn, adjustment };
  };

  const rows: NewOrganisation[] = [];
  const add = (
    spot: Spot,
    parentName: string,
    o: {
      name: string;
      type: OrganisationType;
      unit: string;
      unitType: UnitType;
      members: number;
      townshipCode?: string;
      villageCode?: string;
      jointUnits?: string;
    },
  ) => {
    const { electedOn, adjustment } = term(o.type, o.unitType);
    const secretaryApprovedOn = addDays(electedOn, random.int(5, 30));
    rows.push({
      regionCode: spot.code,
      name: o.name,
      type: o.type,
      unit: o.unit,
      unitType: o.unitType,
      townshipCode: o.townshipCode ?? null,
      villageCode: o.villageCode ?? null,
      parentOrganisation: parentName,
      members: o.members,
      electedOn,
      secretary: names.next(),
      secretaryApprovedOn,
      adjustment: adjustment?.type ?? null,
      adjustmentReason: adjustment?.reason ?? null,
      adjustmentApprover: adjustment ? `中共${parentName.replace(/^中共/, "")}` : null,
      adjustedEndsOn: adjustment?.endsOn ?? null,
      jointUnits: o.jointUnits ?? null,
    });
  };

  const spots: Spot[] = regionList
    .filter((r) => r.level === "prefecture" || r.level === "county")
    .map((r) => ({ code: r.code, name: r.nameZh, level: r.level as Spot["level"] }));
  for (const spot of spots) {
    const used = new Set<string>();
    const unique = (o: Parameters<typeof add>[2], parent: string) => {
      if (used.has(o.name)) return;
      used.add(o.name);
      add(spot, parent, o);
    };
    const committee = `中共${spot.name}委员会`;
    const agencyCount = spot.level === "prefecture" ? random.int(8, 14) : random.int(4, 9);
    for (const agency of random.shuffle(AGENCIES).slice(0, agencyCount)) {
      const big = random.chance(0.04);
      unique(
        {
          name: `中共${spot.name}${agency}机关支部委员会`,
          type: "党支部",
          unit: `${spot.name}${agency}`,
          unitType: "机关",
          members: big ? random.int(52, 78) : random.int(5, 45),
        },
        `中共${spot.name}直属机关工作委员会`,
      );
    }
    if (spot.level === "prefecture") {
      unique(
        {
          name: `中共${spot.name}直属机关工作委员会`,
          type: "党委",
          unit: `${spot.name}直属机关`,
          unitType: "机关",
          members: random.int(300, 900),
        },
        committee,
      );
      for (const firm of random.shuffle(ENTERPRISES).slice(0, 2)) {
        unique(
          {
            name: `中共${spot.name}${firm}委员会`,
            type: "党委",
            unit: `${spot.name}${firm}`,
            unitType: "企业",
            members: random.int(110, 260),
          },
          committee,
        );
      }
      unique(
        {
          name: `中共${spot.name}医院总支部委员会`,
          type: "党总支",
          unit: `${spot.name}医院`,
          unitType: "医院",
          members: random.int(60, 130),
        },
        committee,
      );
      continue;
    }
    // A banner: its townships' committees, their villages' and communities' branches.
    const townships = random.shuffle(townshipsOf.get(spot.code) ?? []).slice(0, random.int(2, 4));
    for (const township of townships) {
      const townshipCommittee = `中共${township.nameZh}委员会`;
      unique(
        {
          name: townshipCommittee,
          type: "党委",
          unit: `${township.nameZh}`,
          unitType: "机关",
          members: random.int(120, 420),
          townshipCode: township.code,
        },
        committee,
      );
      const villages = random.shuffle(villagesOf.get(township.code) ?? []).slice(0, random.int(3, 7));
      for (const village of villages) {
        const community = village.kind.startsWith("社区");
        // Now and then a large village or community: a 总支, or a branch that has outgrown itself.
        const members = random.chance(0.06) ? random.int(51, 75) : random.int(9, 46);
        const type: OrganisationType = members > 50 && random.chance(0.4) ? "党总支" : "党支部";
        const short = villageShort(village.name);
        unique(
          {
            name: `中共${short}${type === "党总支" ? "总支部" : "支部"}委员会`,
            type,
            unit: short,
            unitType: community ? "社区" : "农村/嘎查村",
            members,
            townshipCode: township.code,
            villageCode: village.code,
          },
          townshipCommittee,
        );
      }
    }
    unique(
      {
        name: `中共${spot.name}${random.pick(SCHOOLS)}支部委员会`,
        type: "党支部",
        unit: `${spot.name}${random.pick(SCHOOLS)}`,
        unitType: "学校",
        members: random.int(12, 48),
      },
      `中共${spot.name}教育系统委员会`,
    );
    const hospital = random.pick(HOSPITALS);
    unique(
      {
        name: `中共${spot.name}${hospital}总支部委员会`,
        type: "党总支",
        unit: `${spot.name}${hospital}`,
        unitType: "医院",
        members: random.int(40, 120),
      },
      `中共${spot.name}卫生健康系统委员会`,
    );
    unique(
      {
        name: `中共${spot.name}${random.pick(ENTERPRISES)}支部委员会`,
        type: "党支部",
        unit: `${spot.name}${random.pick(ENTERPRISES)}`,
        unitType: "企业",
        members: random.int(6, 40),
      },
      `中共${spot.name}非公有制经济组织和社会组织工作委员会`,
    );
    // A joint branch of small firms, one of which (about a third of the time) has grown to three or more.
    if (random.chance(0.6)) {
      const firms = random.shuffle(SMALL_FIRMS).slice(0, random.int(2, 4));
      const grown = random.chance(0.35) ? 0 : -1;
      const units = firms.map((f, i) => ({
        unit: `${spot.name}${f}`,
        members: i === grown ? random.int(3, 6) : random.int(1, 2),
      }));
      unique(
        {
          name: `中共${spot.name}非公企业联合支部委员会`,
          type: "党支部",
          unit: units[0].unit,
          unitType: "企业",
          members: units.reduce((n, u) => n + u.members, 0),
          jointUnits: formatJointUnits(units),
        },
        `中共${spot.name}非公有制经济组织和社会组织工作委员会`,
      );
    }
    if (random.chance(0.3)) {
      unique(
        {
          name: `中共${spot.name}社会组织联合支部委员会`,
          type: "党支部",
          unit: `${spot.name}社会工作服务中心`,
          unitType: "社会组织",
          members: 5,
          jointUnits: formatJointUnits([
            { unit: `${spot.name}社会工作服务中心`, members: 2 },
            { unit: `${spot.name}志愿者协会`, members: 3 },
          ]),
        },
        `中共${spot.name}非公有制经济组织和社会组织工作委员会`,
      );
    }
  }
  return rows;
}
