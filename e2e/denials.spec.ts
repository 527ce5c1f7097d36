import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { commitRows, uniqueTag, uploadArenaEntry, uploadProject } from "./test-data";
import { adminApi, apiAs, createUser, newUser, newUsers } from "./test-users";

/**
 * What the server refuses, whatever the browser shows: another region's figures and upload
 * batches, another league's names, a disabled account's open session, password guessing,
 * anonymous and cross-site requests. Hidden links are not what is tested here; the answers are.
 * Every test signs in as an account of its own and makes the records it is about.
 */

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
// Inside <main>: Next's route announcer is an (empty) alert of its own.
const alert = (page: Page) => page.getByRole("main").getByRole("alert");
const status = (page: Page) => page.getByRole("main").getByRole("status");

const figure = (region: string, count: number) => ({
  dataset: "promotions",
  region,
  year: 2023,
  quarter: 4,
  key: "乡村振兴",
  count,
});

async function promotionsTotal(page: Page, region: string, year = 2023): Promise<number> {
  const response = await page.request.get(`/api/overview?region=${region}&year=${year}`);
  expect(response.status()).toBe(200);
  return (await response.json()).totals.promotions.total;
}

test("a clerk of 乌拉特后旗 cannot write a 临河区 figure, by form or by API", async ({ page, baseURL }) => {
  const clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
  await signIn(page, clerk.username, clerk.password);
  const before = await promotionsTotal(page, "150802");

  await page.goto("/figures");
  const region = page.getByRole("combobox", { name: "地区" });
  await region.fill("临河");
  await page.getByRole("option", { name: /临河区/ }).click();
  await expect(region).toHaveValue("临河区");
  await page.getByLabel("年度").fill("2023");
  await page.getByLabel("季度").selectOption({ label: "第4季度" });
  await page.getByLabel("人数").fill("999");
  await page.getByRole("button", { name: "保存" }).click();

  await expect(alert(page)).toContainText("您只能填报本地区");
  await expect(status(page)).toHaveCount(0);

  const response = await page.request.post("/api/figures", { data: figure("150802", 999) });
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toContain("您只能填报本地区");

  expect(await promotionsTotal(page, "150802"), "临河区 unchanged").toBe(before);
});

test("a viewer writes nothing: the data-entry page says so and the API answers 403", async ({ page, baseURL }) => {
  const viewer = await newUser(baseURL, { prefix: "e2e-view", regionCode: "150800" });
  await signIn(page, viewer.username, viewer.password);
  const before = await promotionsTotal(page, "150800");

  await page.goto("/figures");
  await expect(heading(page)).toHaveText("无权限");
  await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);

  const response = await page.request.post("/api/figures", { data: figure("150800", 999) });
  expect(response.status()).toBe(403);
  expect(await promotionsTotal(page, "150800")).toBe(before);
});

// Two functional zones the demo data reports nothing for (it has banners and leagues report):
// what a test puts there is all there is, and nothing the dashboards' specs count.
const HOHHOT = "150100";
const HOHHOT_ZONE = { code: "150172", name: "呼和浩特经济技术开发区" };
const BAOTOU_ZONE = { code: "150271", name: "包头稀土高新技术产业开发区" };

test("a viewer of 呼和浩特市 sees another league's projects without names", async ({ page, baseURL }) => {
  const [homeClerk, foreignClerk, viewer] = await newUsers(
    baseURL,
    { prefix: "e2e-hhzone", role: "clerk", regionCode: HOHHOT_ZONE.code },
    { prefix: "e2e-btzone", role: "clerk", regionCode: BAOTOU_ZONE.code },
    { prefix: "e2e-hohhot", regionCode: HOHHOT },
  );
  const tag = uniqueTag();
  const project = (region: string, who: string) => ({
    region,
    code: `E2E-${region}-${tag}`,
    name: `测试项目${tag}`,
    leadCadre: `${who}干部${tag}`,
    cadreUnit: `${who}单位${tag}`,
    takenOn: "2022-06-15",
  });
  const home = project(HOHHOT_ZONE.code, "本地");
  const foreign = project(BAOTOU_ZONE.code, "外地");
  for (const [user, record] of [
    [homeClerk, home],
    [foreignClerk, foreign],
  ] as const) {
    const clerk = await apiAs(baseURL, user);
    await uploadProject(clerk, record);
    await clerk.dispose();
  }
  await signIn(page, viewer.username, viewer.password);

  // Editing the URL to the 包头 zone: the list opens (counts are no secret), the names do not.
  await page.goto(`/projects?region=${BAOTOU_ZONE.code}&year=2022`);
  await expect(heading(page)).toContainText(BAOTOU_ZONE.name);
  const table = page.getByTestId("projects-table");
  const row = table.locator("tbody tr", { hasText: foreign.code });
  await expect(row.getByTestId("lead-cadre")).toHaveText("仅本地区可见");
  await expect(row.getByTestId("cadre-unit")).toHaveText("仅本地区可见");
  const cadres = table.getByTestId("lead-cadre");
  await expect(cadres.filter({ hasNotText: "仅本地区可见" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(foreign.leadCadre);
  await expect(page.getByRole("main")).not.toContainText(foreign.cadreUnit);

  const response = await page.request.get(`/api/projects?region=${BAOTOU_ZONE.code}&year=2022`);
  const text = await response.text();
  const listed = (JSON.parse(text).rows as { code: string }[]).find((r) => r.code === foreign.code);
  expect(listed).toMatchObject({ name: foreign.name, leadCadre: null, cadreUnit: null, namesHidden: true });
  expect(text).not.toContain(foreign.leadCadre);
  expect(text).not.toContain(foreign.cadreUnit);

  // At home the names show.
  await page.goto(`/projects?region=${HOHHOT_ZONE.code}&year=2022`);
  await expect(heading(page)).toContainText(HOHHOT_ZONE.name);
  const homeRow = table.locator("tbody tr", { hasText: home.code });
  await expect(homeRow.getByTestId("lead-cadre")).toHaveText(home.leadCadre);
  await expect(homeRow.getByTestId("cadre-unit")).toHaveText(home.cadreUnit);
});

test("a viewer of 呼和浩特市 sees another league's arena leaderboard without secretaries", async ({
  page,
  baseURL,
}) => {
  const [clerk, viewer] = await newUsers(
    baseURL,
    { prefix: "e2e-btzone", role: "clerk", regionCode: BAOTOU_ZONE.code },
    { prefix: "e2e-hohhot", regionCode: HOHHOT },
  );
  const tag = uniqueTag();
  const entry = {
    region: BAOTOU_ZONE.code,
    year: 2022,
    level: "旗县区",
    organisation: `测试参赛单位${tag}`,
    secretary: `测试书记${tag}`,
    score: 99.5,
  };
  const clerkApi = await apiAs(baseURL, clerk);
  await uploadArenaEntry(clerkApi, entry);
  // The name is there: its own region's clerk reads it.
  const atHome = await clerkApi.get(`/api/arena?region=${BAOTOU_ZONE.code}&year=2022`);
  expect(await atHome.text()).toContain(entry.secretary);
  await clerkApi.dispose();

  await signIn(page, viewer.username, viewer.password);
  await page.goto(`/arena?region=${BAOTOU_ZONE.code}&year=2022`);
  await expect(heading(page)).toContainText(BAOTOU_ZONE.name);
  const board = page.getByTestId("arena-leaderboard");
  await expect(board.getByRole("tab", { name: /旗县区/ })).toHaveAttribute("aria-selected", "true");
  const row = board.getByRole("row", { name: new RegExp(entry.organisation) });
  await expect(row.getByTestId("leader-secretary")).toHaveText("仅本地区可见");
  await expect(board.getByTestId("leader-secretary").filter({ hasNotText: "仅本地区可见" })).toHaveCount(0);
  await expect(board).toContainText("书记姓名仅对本地区及上级用户可见");
  await expect(page.getByRole("main")).not.toContainText(entry.secretary);

  for (const path of [
    `/api/arena?region=${BAOTOU_ZONE.code}&year=2022`,
    `/api/arena-entries?region=${BAOTOU_ZONE.code}&year=2022`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, path).toContain(entry.organisation);
    expect(text, path).not.toContain(entry.secretary);
  }
});

test("a clerk can neither open nor undo another region's upload batch", async ({ page, baseURL }) => {
  const [owner, other] = await newUsers(
    baseURL,
    { prefix: "e2e-hhzone", role: "clerk", regionCode: HOHHOT_ZONE.code },
    { prefix: "e2e-btzone", role: "clerk", regionCode: BAOTOU_ZONE.code },
  );
  const ownerApi = await apiAs(baseURL, owner);
  const batchId = await commitRows(ownerApi, "promotions", [
    ["地区", "年度", "季度", "领域", "人数"],
    [HOHHOT_ZONE.code, 2022, 1, "乡村振兴", 1 + (Date.now() % 900)],
  ]);

  await signIn(page, other.username, other.password);
  // The same answer as for a batch that does not exist: ids reveal nothing.
  const opened = await page.request.get(`/api/uploads/${batchId}`);
  expect(opened.status()).toBe(404);
  const undo = await page.request.post(`/api/uploads/${batchId}/undo`);
  expect(undo.status()).toBe(404);
  expect((await page.goto(`/uploads/${batchId}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  const history = await (await page.request.get("/api/uploads")).json();
  expect(history.rows.map((b: { id: number }) => b.id)).not.toContain(batchId);

  // The batch stands, and its own clerk still opens it (the helper had it approved by 呼和浩特市).
  const mine = await ownerApi.get(`/api/uploads/${batchId}`);
  expect(mine.status()).toBe(200);
  expect((await mine.json()).batch).toMatchObject({ id: batchId, status: "committed" });
  await ownerApi.dispose();
});

test("a disabled user's open session stops working at once", async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-off" });
  await signIn(page, user.username, user.password);
  await page.goto("/");
  await expect(heading(page)).toContainText("巴彦淖尔市");

  const disable = await admin.patch(`/api/users/${user.id}`, { data: { disabled: true } });
  expect(disable.status()).toBe(200);
  await admin.dispose();

  await page.reload();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  expect((await page.request.get("/api/me")).status()).toBe(401);

  // Nor can they start a new session.
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alert(page)).toHaveText("账号已停用，请联系管理员");
});

test("the 6th wrong password within 5 minutes gets 429 and says when to retry", async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-lock" });
  await admin.dispose();

  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await page.request.post("/api/auth/sign-in/username", {
      data: { username: user.username, password: `wrong-${attempt}` },
    });
    expect(response.status(), `attempt ${attempt}`).toBe(401);
  }

  await page.goto("/login");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill("wrong-6");
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/username"));
  await page.getByRole("button", { name: "登录" }).click();

  expect((await answer).status()).toBe(429);
  await expect(alert(page)).toContainText(/该用户名登录失败次数过多，请于 \d{2}:\d{2}:\d{2} 之后再试/);
  // Locked means locked: the right password waits too.
  const right = await page.request.post("/api/auth/sign-in/username", {
    data: { username: user.username, password: user.password },
  });
  expect(right.status()).toBe(429);
});

test("anonymous API calls get 401", async ({ request }) => {
  for (const path of ["/api/overview", "/api/projects?region=150800", "/api/me"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
  }
});

test("search engines are asked to stay out, before any sign-in", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
});

test("a write from another site is refused", async ({ page, baseURL }) => {
  // The clerk may write 乌拉特后旗; only the foreign Origin stands in the way.
  const clerk = await newUser(baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
  await signIn(page, clerk.username, clerk.password);
  const before = await promotionsTotal(page, "150825");

  const response = await page.request.post("/api/figures", {
    headers: { Origin: "https://evil.example" },
    data: figure("150825", 999),
  });

  expect(response.status()).toBe(403);
  expect(await promotionsTotal(page, "150825")).toBe(before);
});
