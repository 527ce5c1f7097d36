import type { ProjectGrade, ProjectStage, ProjectUse } from "@/lib/contract";
import { projectStages } from "@/lib/contract";
import type { NewApplication, NewChallenge, NewProject, NewProjectEvaluation, NewProjectIssue } from "../schema";
import { NameGenerator, Random } from "./random";

/**
 * 揭榜挂帅 as a cycle, synthetic (演示数据) except the source's figures: each demo project came from a
 * challenge posted along its industry chain (设榜) and a cadre's application for it (揭榜); the joint
 * meeting followed up the issues it raised (跟榜) and it was evaluated for its year (评榜).
 * Bayannur 2023: 104 applications by the 96 cadres who lead its 104 projects (no other
 * applications there, so the source's 96 and 104 hold for applications too). 科驰's history is
 * pinned: posted in June, taken by the 乌拉特后旗 industry-and-IT bureau head in August, land
 * approval and financing guarantee solved, 优秀 with 提拔使用.
 */
const SEED = 20230803;
const AS_OF = "2024-12-31";
const BAYANNUR = "150800";
const KECHI = "JB-150825-2023-001";

type Place = { code: string; name: string; prefecture: string };
type Project = NewProject & { events: { stage: ProjectStage; reachedOn: string }[] };

const ISSUES: [string, string][] = [
  ["项目用地审批", "自然资源局"],
  ["融资担保", "财政局"],
  ["环评手续办理", "生态环境分局"],
  ["供电接入", "能源局"],
  ["用水指标", "水利局"],
  ["用工招聘", "人力资源和社会保障局"],
  ["道路配套", "交通运输局"],
  ["施工许可", "住房和城乡建设局"],
  ["贷款贴息", "金融服务中心"],
];
const POSTERS = ["工业和信息化局", "发展和改革委员会", "商务局", "投资促进中心", "农牧局", "能源局"];

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const later = (a: string, b: string) => (a > b ? a : b);

export function generateCycleDemo(projects: Project[], reporters: Place[], years: readonly number[]) {
  const random = new Random(SEED);
  const names = new NameGenerator(random);
  const places = new Map(reporters.map((p) => [p.code, p]));
  const challenges: NewChallenge[] = [];
  const applications: NewApplication[] = [];
  const project_issues: NewProjectIssue[] = [];
  const project_evaluations: NewProjectEvaluation[] = [];

  for (const p of projects) {
    const place = places.get(p.regionCode);
    if (!place) continue;
    const yearStart = `${p.takenOn.slice(0, 4)}-01-01`;
    const kechi = p.code === KECHI;
    const pinned = place.prefecture === BAYANNUR && p.takenOn.startsWith("2023-");
    const code = p.code.replace(/^JB-/, "BD-");
    const postedOn = kechi ? "2023-06-15" : later(yearStart, addDays(p.takenOn, -random.int(15, 60)));
    challenges.push({
      code,
      regionCode: p.regionCode,
      industryChain: p.industryChain ?? "其他",
      title: `招引${p.name.replace(/^.*有限公司/, "")}`,
      department: kechi ? "乌拉特后旗工业和信息化局" : `${place.name}${random.pick(POSTERS)}`,
      postedOn,
      targetInvestment: kechi ? 12000 : Math.round((p.plannedInvestment ?? 100) * (0.8 + random.next() * 0.4)),
      targetJobs: kechi ? 120 : random.int(20, 300),
      status: "已揭榜",
    });
    applications.push({
      challengeCode: code,
      regionCode: p.regionCode,
      applicant: p.leadCadre,
      applicantUnit: p.cadreUnit,
      appliedOn: kechi ? "2023-08-01" : later(postedOn, addDays(p.takenOn, -random.int(0, 10))),
      projectCode: p.code,
    });
    // Elsewhere a challenge sometimes drew a second application that did not become the project.
    if (!pinned && random.chance(0.15)) {
      applications.push({
        challengeCode: code,
        regionCode: p.regionCode,
        applicant: names.next(),
        applicantUnit: `${place.name}${random.pick(POSTERS)}`,
        appliedOn: later(postedOn, addDays(p.takenOn, -random.int(0, 10))),
        projectCode: null,
      });
    }

    // 跟榜: the issues raised once the project was docked, solved by the responsible department.
    const stageIndex = projectStages.indexOf(p.stage as ProjectStage);
    if (kechi) {
      project_issues.push(
        kechiIssue(p, "项目用地审批", "乌拉特后旗自然资源局", "2023-08-05", "2023-08-28"),
        kechiIssue(p, "融资担保", "乌拉特后旗财政局", "2023-08-20", "2023-09-26"),
        kechiIssue(p, "供电接入", "乌拉特后旗能源局", "2023-10-12", "2023-11-20"),
      );
    } else if (stageIndex >= 1) {
      const count = random.int(0, 3);
      const picked = new Set<number>();
      while (picked.size < count) picked.add(random.int(0, ISSUES.length - 1));
      for (const i of picked) {
        const raisedOn = addDays(p.takenOn, random.int(5, 150));
        if (raisedOn > AS_OF) continue;
        const solvedOn = addDays(raisedOn, random.int(3, 95));
        const solved = solvedOn <= AS_OF && random.chance(0.82);
        project_issues.push({
          projectCode: p.code,
          regionCode: p.regionCode,
          issue: ISSUES[i][0],
          department: `${place.name}${ISSUES[i][1]}`,
          raisedOn,
          solvedOn: solved ? solvedOn : null,
          status: solved ? "已解决" : "待解决",
        });
      }
    }

    // 评榜: each project of a finished year is evaluated for it; the latest year in part.
    const year = Number(p.takenOn.slice(0, 4));
    if (kechi || year < years[years.length - 1] || random.chance(0.6)) {
      const grade: ProjectGrade = kechi
        ? "优秀"
        : stageIndex >= 4
          ? random.chance(0.55)
            ? "优秀"
            : "良好"
          : stageIndex >= 2
            ? random.chance(0.6)
              ? "良好"
              : "一般"
            : random.chance(0.7)
              ? "一般"
              : "较差";
      const use: ProjectUse = kechi
        ? "提拔使用"
        : grade === "优秀"
          ? random.pick(["提拔使用", "晋升职级", "评优评先", "通报表扬"] as const)
          : grade === "良好" && random.chance(0.4)
            ? random.pick(["评优评先", "通报表扬"] as const)
            : "无";
      project_evaluations.push({
        projectCode: p.code,
        regionCode: p.regionCode,
        year,
        grade,
        incentive: use,
        evaluator: `${place.name}委组织部`,
      });
    }
  }

  // Challenges no one has taken yet (the latest year) or that were closed untaken.
  for (const year of years) {
    for (const place of reporters) {
      for (let k = random.int(0, 2); k > 0; k--) {
        const postedOn = addDays(`${year}-01-01`, random.int(0, 330));
        challenges.push({
          code: `BD-${place.code}-${year}-${String(900 + k).padStart(3, "0")}`,
          regionCode: place.code,
          industryChain: random.pick(["化工新材料", "农畜产品加工", "新能源", "文旅康养", "现代煤化工"]),
          title: `招引${random.pick(["精深加工", "储能装备", "冷链物流", "光伏组件", "生物制剂"])}项目`,
          department: `${place.name}${random.pick(POSTERS)}`,
          postedOn,
          targetInvestment: random.int(20, 1200),
          targetJobs: random.int(10, 200),
          status: year === years[years.length - 1] ? "待揭榜" : "已关闭",
        });
      }
    }
  }
  return { challenges, applications, project_issues, project_evaluations };
}

function kechiIssue(
  p: Project,
  issue: string,
  department: string,
  raisedOn: string,
  solvedOn: string,
): NewProjectIssue {
  return { projectCode: p.code, regionCode: p.regionCode, issue, department, raisedOn, solvedOn, status: "已解决" };
}
