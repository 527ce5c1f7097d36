import type { NewMemberCare } from "../schema";
import { Random } from "./random";

/**
 * Synthetic demo data (演示数据) of 政治生日, for every league's own departments and every banner,
 * from the month each organisation took the practice up. The one source figure: the autonomous
 * region government office's Party committee celebrated 62 members' political birthdays from
 * August 2023, 18 of them in December.
 */
type Place = { code: string; name: string; prefecture: string };

const SEED = 20231201;
export const GOVERNMENT_OFFICE = {
  code: "150000",
  unit: "自治区人民政府办公厅机关党委",
  year: 2023,
  since: 8,
  celebrated: 62,
  december: 18,
} as const;
/** August to December 2023: 62 in all, 18 in December. */
const OFFICE_MONTHS = [9, 12, 11, 12, 18];

const OWN_UNITS = ["党委组织部机关党支部", "发展和改革委员会机关党支部", "财政局机关党支部", "教育局机关党委"];
const BANNER_UNITS = ["机关工委", "人民医院党委", "第一中学党支部", "工业和信息化局党支部", "农牧局党支部"];
const REGION_UNITS = ["自治区党委组织部机关党委", "自治区发展和改革委员会机关党委", "自治区教育厅机关党委"];
const ACTIVITIES = [
  "集体过政治生日、重温入党誓词",
  "赠送政治生日贺卡",
  "重温入党誓词、讲述入党故事",
  "书记谈心谈话、赠送党章",
];

function monthsOf(
  random: Random,
  regionCode: string,
  unit: string,
  years: readonly number[],
  members: number,
): NewMemberCare[] {
  const rows: NewMemberCare[] = [];
  // Organisations took the practice up at different times; the demo's last quarter is still coming in.
  const start = { year: random.pick(years.slice(0, 2)), month: random.int(1, 12) };
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      if (year < start.year || (year === start.year && month < start.month)) continue;
      if (year === years[years.length - 1] && month >= 10 && random.chance(0.3)) continue;
      const due = Math.max(0, Math.round(members / 12 + random.int(-2, 2)));
      const missed = due > 0 && random.chance(0.15) ? random.int(1, Math.min(2, due)) : 0;
      rows.push({
        regionCode,
        year,
        month,
        unit,
        due,
        celebrated: due - missed,
        activity: random.pick(ACTIVITIES),
      });
    }
  }
  return rows;
}

export function generateCareDemo(places: Place[], years: readonly number[]): { member_care: NewMemberCare[] } {
  const random = new Random(SEED);
  const rows: NewMemberCare[] = [];
  const office = OFFICE_MONTHS.map((celebrated, i) => ({
    regionCode: GOVERNMENT_OFFICE.code,
    year: GOVERNMENT_OFFICE.year,
    month: GOVERNMENT_OFFICE.since + i,
    unit: GOVERNMENT_OFFICE.unit,
    due: celebrated,
    celebrated,
    activity: i === OFFICE_MONTHS.length - 1 ? "集体过政治生日、重温入党誓词" : "赠送政治生日贺卡、重温入党誓词",
  }));
  rows.push(...office);
  for (const unit of REGION_UNITS)
    rows.push(...monthsOf(random, GOVERNMENT_OFFICE.code, unit, years, random.int(60, 160)));
  for (const place of places) {
    const league = place.code === place.prefecture;
    const units = league ? OWN_UNITS.slice(0, random.int(2, 4)) : BANNER_UNITS.slice(0, random.int(1, 3));
    for (const unit of units) {
      rows.push(
        ...monthsOf(random, place.code, `${place.name}${unit}`, years, random.int(league ? 30 : 12, league ? 90 : 60)),
      );
    }
  }
  return { member_care: rows };
}
