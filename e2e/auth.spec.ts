import { expect, type Page, request, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { approveSubmission, reviewerFor, uniqueTag, uploadProject } from "./test-data";
import { adminApi, apiAs, createUser, type NewUser, newUser, newUsers, type UserOptions } from "./test-users";

/**
 * Signing in and out, the home region as the default view, a clerk's data entry and the
 * account page. Each test has a browser context of its own, hence a session of its own, and
 * signs in as an account of its own with the role and home region it is about.
 */

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
// Inside <main>: Next's route announcer is an (empty) alert of its own.
const alert = (page: Page) => page.getByRole("main").getByRole("alert");
const status = (page: Page) => page.getByRole("main").getByRole("status");
const currentUser = (page: Page) => page.getByTestId("current-user");
const mainNav = (page: Page) => page.getByRole("navigation", { name: "主导航" });

async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

const BAYANNUR_VIEWER: UserOptions = { prefix: "e2e-bayannur", regionCode: "150800" };
const ROOT_VIEWER: UserOptions = { prefix: "e2e-staff", regionCode: "150000" };

/** A fresh account, signed in in the page's browser context. */
async function signInAsNew(page: Page, baseURL: string | undefined, options: UserOptions): Promise<NewUser> {
  const user = await newUser(baseURL, options);
  await signIn(page, user.username, user.password);
  return user;
}

/** The promotions total of a region and year, from the API (the figure the overview's card shows). */
async function promotionsTotal(page: Page, region: string, year: number): Promise<number> {
  const response = await page.request.get(`/api/overview?region=${region}&year=${year}`);
  expect(response.status()).toBe(200);
  return (await response.json()).totals.promotions.total;
}

test.describe("signing in", () => {
  test("an anonymous visit goes to sign-in and comes back to the same view", async ({ page, baseURL }) => {
    const viewer = await newUser(baseURL, BAYANNUR_VIEWER);
    const target = "/?region=150800&year=2023";
    await page.goto(target);

    await expect(page).toHaveURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(target);
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();

    await submitLogin(page, viewer.username, viewer.password);

    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === target);
    await expect(heading(page)).toHaveText("巴彦淖尔市 · 2023年度实绩概览");
  });

  test("a wrong password is refused with a message, the form stays", async ({ page }) => {
    await page.goto("/login");
    await submitLogin(page, "no-such-user", "wrong-password");

    await expect(alert(page)).toHaveText("用户名或密码错误");
    await expect(page).toHaveURL((url) => url.pathname === "/login");
  });

  test("a signed-in user who opens the sign-in page goes on to next", async ({ page, baseURL }) => {
    await signInAsNew(page, baseURL, ROOT_VIEWER);
    await page.goto("/login?next=%2Fprojects");
    await expect(page).toHaveURL((url) => url.pathname === "/projects");
  });

  test("next never leads to another site", async ({ page, baseURL }) => {
    const viewer = await newUser(baseURL, ROOT_VIEWER);
    await page.goto("/login?next=%2F%2Fevil.example%2F");
    await submitLogin(page, viewer.username, viewer.password);
    await expect(page).toHaveURL((url) => url.origin === new URL(baseURL ?? "").origin && url.pathname === "/");
    await expect(heading(page)).toContainText("内蒙古自治区");
  });

  test("a signed-in user's next is checked after normalising: every hostile value answers with a path here", async ({
    page,
    baseURL,
  }) => {
    await signInAsNew(page, baseURL, ROOT_VIEWER);
    // What the browser would follow: the Location of the server's redirect, unfollowed.
    for (const next of [
      "//evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
    ]) {
      const response = await page.request.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      const location = response.headers().location ?? "";
      expect(location, next).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, "http://same.site").host, next).toBe("same.site");
    }
    await page.goto(`/login?next=${encodeURIComponent("/.//evil.example")}`);
    await expect(heading(page)).toContainText("内蒙古自治区");
  });

  test("the sign-in page speaks English", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();

    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("Username")).toBeVisible();
    await expect(page.locator("form")).not.toContainText(/\p{Script=Han}/u);

    await page.getByLabel("Username").fill("no-such-user");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(alert(page)).toHaveText("Wrong username or password");
  });
});

test.describe("the home region is the default view", () => {
  test("a Bayannur viewer lands on 巴彦淖尔市", async ({ page, baseURL }) => {
    const viewer = await signInAsNew(page, baseURL, BAYANNUR_VIEWER);
    await page.goto("/");

    await expect(heading(page)).toContainText("巴彦淖尔市");
    await expect(currentUser(page)).toContainText(viewer.name);
    await expect(currentUser(page)).toHaveText(/查看者.*巴彦淖尔市/);
    // Viewers have nothing to enter or administer.
    await expect(mainNav(page).getByRole("link", { name: "项目名单" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "数据录入" })).toHaveCount(0);
    await expect(mainNav(page).getByRole("link", { name: "报送审核" })).toHaveCount(0);
    await expect(mainNav(page).getByRole("link", { name: "用户管理" })).toHaveCount(0);
  });

  test("organisation-department staff land on 内蒙古自治区", async ({ page, baseURL }) => {
    const viewer = await signInAsNew(page, baseURL, ROOT_VIEWER);
    await page.goto("/");

    await expect(heading(page)).toContainText("内蒙古自治区");
    await expect(currentUser(page)).toContainText(viewer.name);
    await expect(currentUser(page)).toHaveText(/查看者.*内蒙古自治区/);
  });

  test("an admin sees every link", async ({ page, baseURL }) => {
    await signInAsNew(page, baseURL, { prefix: "e2e-admin", role: "admin", regionCode: "150000" });
    await page.goto("/");

    await expect(currentUser(page)).toContainText("管理员");
    for (const name of ["概览", "项目名单", "数据录入", "报送审核", "用户管理", "审计日志"]) {
      await expect(mainNav(page).getByRole("link", { name }), name).toBeVisible();
    }
  });
});

test("signing out returns to sign-in, and the dashboard asks again", async ({ page, baseURL }) => {
  await signInAsNew(page, baseURL, ROOT_VIEWER);
  await page.goto("/");
  await expect(heading(page)).toContainText("内蒙古自治区");

  await page.getByRole("button", { name: "退出登录" }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/");
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("after signing out, Back shows nothing of the pages the user saw", async ({ page, baseURL }) => {
  // A functional zone the demo data reports no projects for: the list holds this test's project.
  const zone = { code: "150172", name: "呼和浩特经济技术开发区" };
  const [clerk, viewer] = await newUsers(
    baseURL,
    { prefix: "e2e-hhzone", role: "clerk", regionCode: zone.code },
    { prefix: "e2e-hhzone", regionCode: zone.code },
  );
  const tag = uniqueTag();
  const leadCadre = `揭榜干部${tag}`;
  const clerkApi = await apiAs(baseURL, clerk);
  await uploadProject(clerkApi, {
    region: zone.code,
    code: `E2E-${zone.code}-${tag}`,
    name: `测试项目${tag}`,
    leadCadre,
    cadreUnit: `测试单位${tag}`,
    // The demo's latest year, which /projects shows by default.
    takenOn: "2024-06-15",
  });
  await clerkApi.dispose();

  await signIn(page, viewer.username, viewer.password);
  await page.goto("/");
  await expect(heading(page)).toContainText(zone.name);
  // To the project list inside the app (a client-side navigation), where lead cadres are named.
  await mainNav(page).getByRole("link", { name: "项目名单" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/projects");
  const cadres = page.getByTestId("projects-table").getByTestId("lead-cadre");
  await expect(cadres.filter({ hasText: leadCadre })).toBeVisible();
  const names = (await cadres.allTextContents()).map((t) => t.trim()).filter((t) => t && t !== "—");
  expect(names).toContain(leadCadre);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/login");

  await page.goBack().catch(() => null);
  await page.waitForLoadState();
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  for (const name of names.slice(0, 5)) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("projects-table")).toHaveCount(0);
});

test("a clerk enters a figure, the league approves it, and only then the overview shows the new total", async ({
  page,
  baseURL,
}) => {
  await signInAsNew(page, baseURL, { prefix: "e2e-wuhou", role: "clerk", regionCode: "150825" });
  const before = {
    wuhou: await promotionsTotal(page, "150825", 2023),
    bayannur: await promotionsTotal(page, "150800", 2023),
  };
  const count = 321;
  let replaced: number | null = null;
  let submission: number | undefined;
  let approved = false;
  try {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据录入" }).click();
    await expect(heading(page)).toHaveText("数据录入");
    // The home region is the default.
    await expect(page.getByRole("combobox", { name: "地区" })).toHaveValue("乌拉特后旗");
    await page.getByLabel("提拔使用").check();
    await page.getByLabel("年度").fill("2023");
    await page.getByLabel("季度").selectOption({ label: "第4季度" });
    await page.getByLabel("领域").selectOption({ label: "乡村振兴" });
    await page.getByLabel("人数").fill(String(count));
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/figures") && r.request().method() === "POST");
    await page.getByRole("button", { name: "保存" }).click();
    submission = (await (await answer).json()).submission?.id;

    // The banner's figure joins its report for the quarter, which the league above reviews.
    const saved = status(page);
    await expect(saved).toContainText(/已加入本地区的报表（第 \d+ 版），等待上级审核：/);
    await expect(saved).toContainText(`→ ${count}。审核通过前不计入看板。`);
    await expect(saved).toContainText("乌拉特后旗 · 2023年第4季度 · 提拔使用 · 乡村振兴");
    const shown = /等待上级审核：(\S+) → /.exec((await saved.textContent()) ?? "")?.[1];
    expect(shown, "the value it replaces").toBeDefined();
    replaced = shown === "无" ? null : Number(shown);
    expect(submission, "the report it joined").toEqual(expect.any(Number));
    const expected = (total: number) => total - (replaced ?? 0) + count;

    // Not yet in the dashboards.
    await page.goto("/?region=150825&year=2023");
    await expect(heading(page)).toContainText("乌拉特后旗");
    await expect(page.getByTestId("card-promotions")).toContainText(`/ ${before.wuhou} 人`);

    // A clerk of 巴彦淖尔市 approves the report: now the banner and its league show it.
    await approveSubmission(await reviewerFor("150800"), submission as number);
    approved = true;
    await page.goto("/?region=150825&year=2023");
    await expect(page.getByTestId("card-promotions")).toContainText(`/ ${expected(before.wuhou)} 人`);
    await page.goto("/?region=150800&year=2023");
    await expect(page.getByTestId("card-promotions")).toContainText(`/ ${expected(before.bayannur)} 人`);
  } finally {
    // The 2023 Bayannur figures are the source reporting's, which the overview spec checks exactly:
    // an administrator (who publishes directly) puts the figure back; a report left open goes back.
    const admin = await adminApi(baseURL);
    if (approved) {
      const restore = await admin.post("/api/figures", {
        data: {
          dataset: "promotions",
          region: "150825",
          year: 2023,
          quarter: 4,
          key: "乡村振兴",
          count: replaced ?? 0,
        },
      });
      expect(restore.status()).toBe(200);
    } else if (submission !== undefined) {
      const reviewer = await reviewerFor("150800");
      await reviewer.post(`/api/submissions/${submission}/return`, { data: { reason: "测试未完成，退回" } });
    }
    await admin.dispose();
  }
  expect(await promotionsTotal(page, "150800", 2023)).toBe(before.bayannur);
});

test("changing the password", async ({ page, baseURL }) => {
  const admin = await adminApi(baseURL);
  const user = await createUser(admin, { prefix: "e2e-pw" });
  await admin.dispose();
  await signIn(page, user.username, user.password);
  await page.goto("/account");
  await expect(heading(page)).toHaveText("账号");
  await expect(page.getByRole("main")).toContainText(user.username);

  const form = page.getByRole("form", { name: "修改密码" });
  await form.getByLabel("当前密码").fill("not-my-password");
  await form.getByLabel("新密码", { exact: true }).fill("second-pass-2");
  await form.getByLabel("再次输入新密码").fill("second-pass-2");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toHaveText("当前密码不正确。");

  await form.getByLabel("当前密码").fill(user.password);
  await form.getByLabel("再次输入新密码").fill("second-pass-3");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toHaveText("两次输入的新密码不一致。");

  await form.getByLabel("再次输入新密码").fill("second-pass-2");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("status")).toContainText("密码已修改");

  // This tab stays signed in (with a fresh session); elsewhere only the new password works.
  await page.goto("/");
  await expect(heading(page)).toContainText("巴彦淖尔市");
  // From a client of its own: a request carrying this tab's cookies would be checked for its origin.
  const elsewhere = await request.newContext({ baseURL });
  const signInWith = (password: string) =>
    elsewhere.post("/api/auth/sign-in/username", { data: { username: user.username, password } });
  expect((await signInWith(user.password)).status(), "old password").toBe(401);
  expect((await signInWith("second-pass-2")).status(), "new password").toBe(200);
  await elsewhere.dispose();
});
