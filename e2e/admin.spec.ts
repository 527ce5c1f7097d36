import { type APIRequestContext, type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { type NewUser, newUser } from "./test-users";

/**
 * The admin pages (/admin/users, /admin/audit) against the production build. Every test signs
 * in as an account of its own and makes the accounts it manages, with names unique to the run,
 * so the specs can run in any order and again on the same database, and a test that disables its
 * administrator never locks the others out.
 */

let counter = 0;
/** A fresh username (2–32 of a-z 0-9 . _ -). */
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

async function createViaApi(request: APIRequestContext, username: string, regionCode = "150800") {
  const response = await request.post("/api/users", {
    data: { username, name: "接口创建", role: "viewer", regionCode, password: "api-pass-123" },
  });
  expect(response.status(), `create ${username}`).toBe(200);
  return (await response.json()) as { id: string; username: string };
}

/**
 * Signs in from a fresh browser context (not the admin's), and reads GET /api/me there: the
 * account as the signed-in person sees it.
 */
async function signInElsewhere(browser: Browser, baseURL: string | undefined, username: string, password: string) {
  const context = await browser.newContext({ baseURL });
  try {
    const response = await context.request.post("/api/auth/sign-in/username", { data: { username, password } });
    const me = response.ok() ? await (await context.request.get("/api/me")).json() : null;
    return { status: response.status(), me };
  } finally {
    await context.close();
  }
}

/** Picks a region in a region picker by typing part of its name. */
async function pickRegion(page: Page, input: Locator, typed: string, name: string) {
  await input.fill(typed);
  await page
    .getByRole("option", { name: new RegExp(name) })
    .first()
    .click();
  await expect(input).toHaveValue(name);
}

test.describe("as an administrator", () => {
  let me: NewUser;
  test.beforeEach(async ({ page, baseURL }) => {
    me = await newUser(baseURL, { prefix: "e2e-admin", role: "admin", regionCode: "150000" });
    await signIn(page, me.username, me.password);
  });

  test("creates a user, changes role and region, disables, enables and resets the password", async ({
    page,
    browser,
    baseURL,
  }) => {
    const username = uniqueName("e2e-user");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();

    await test.step("create through the form", async () => {
      const form = page.getByTestId("create-user-form");
      await form.getByLabel("用户名").fill(username);
      await form.getByLabel("姓名").fill("测试用户");
      await expect(form.getByLabel("角色")).toHaveValue("viewer");
      await pickRegion(page, form.getByLabel("所属地区"), "乌拉特后", "乌拉特后旗");
      await form.getByLabel("初始密码").fill("initial-pass-1");
      await form.getByRole("button", { name: "创建用户" }).click();
      await expect(form.getByRole("status")).toHaveText(`已创建用户 ${username}。`);
    });

    const row = page.getByTestId(`user-row-${username}`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("user-role")).toHaveText("查看者");
    await expect(row.getByTestId("user-region")).toContainText("乌拉特后旗");
    await expect(row.getByTestId("user-status")).toHaveText("正常");

    await row.getByRole("button", { name: "管理" }).click();
    const panel = page.getByTestId(`user-manage-${username}`);

    await test.step("change role and home region", async () => {
      await panel.getByLabel("角色").selectOption("clerk");
      await pickRegion(page, panel.getByLabel("所属地区"), "临河", "临河区");
      await expect(row.getByTestId("user-personnel")).toHaveCount(0);
      await panel.getByLabel("人事评价查看权限").check();
      await panel.getByRole("button", { name: "保存修改" }).click();
      await expect(panel.getByRole("status")).toHaveText("角色与所属地区已保存。");
      await expect(row.getByTestId("user-role")).toHaveText("填报员");
      await expect(row.getByTestId("user-region")).toContainText("临河区");
      await expect(row.getByTestId("user-personnel")).toHaveText("人事评价");
    });

    await test.step("disable, after a confirmation", async () => {
      await panel.getByRole("button", { name: "停用账号" }).click();
      await expect(panel).toContainText(`确定停用 ${username}？`);
      // Nothing happens before the confirmation.
      await expect(row.getByTestId("user-status")).toHaveText("正常");
      await panel.getByRole("button", { name: "确认停用" }).click();
      await expect(row.getByTestId("user-status")).toHaveText("已停用");
      const refused = await signInElsewhere(browser, baseURL, username, "initial-pass-1");
      expect(refused.status, "a disabled account cannot sign in").not.toBe(200);
    });

    await test.step("enable again", async () => {
      await panel.getByRole("button", { name: "启用账号" }).click();
      await expect(row.getByTestId("user-status")).toHaveText("正常");
    });

    await test.step("reset the password, after a confirmation", async () => {
      await panel.getByLabel("新密码").fill("new-pass-4567");
      await panel.getByRole("button", { name: "重置密码" }).click();
      await expect(panel).toContainText(`确定重置 ${username} 的密码？`);
      await panel.getByRole("button", { name: "确认重置" }).click();
      await expect(panel.getByRole("status")).toHaveText("密码已重置，请线下告知本人。");
    });

    await test.step("the user signs in with the new password, as a clerk of 临河区", async () => {
      const old = await signInElsewhere(browser, baseURL, username, "initial-pass-1");
      expect(old.status, "the old password no longer works").toBe(401);
      const signedIn = await signInElsewhere(browser, baseURL, username, "new-pass-4567");
      expect(signedIn.status).toBe(200);
      expect(signedIn.me).toMatchObject({ username, role: "clerk", regionCode: "150802", personnel: true });
    });
  });

  test("a taken username shows the server's message beside the form", async ({ page }) => {
    const username = uniqueName("e2e-dup");
    await createViaApi(page.request, username);
    await page.goto("/admin/users");

    const form = page.getByTestId("create-user-form");
    await form.getByLabel("用户名").fill(username);
    await form.getByLabel("姓名").fill("重复用户");
    await pickRegion(page, form.getByLabel("所属地区"), "巴彦淖尔", "巴彦淖尔市");
    await form.getByLabel("初始密码").fill("another-pass-1");
    await form.getByRole("button", { name: "创建用户" }).click();

    await expect(form.getByRole("alert")).toHaveText(`用户名 ${username} 已被使用。`);
    await expect(page.getByTestId(`user-row-${username}`)).toHaveCount(1);
  });

  test("an administrator cannot disable their own account", async ({ page }) => {
    await page.goto("/admin/users");
    const row = page.getByTestId(`user-row-${me.username}`);
    await expect(row).toContainText("（本人）");
    await expect(page.getByTestId("user-row-admin")).not.toContainText("（本人）");
    await row.getByRole("button", { name: "管理" }).click();
    const panel = page.getByTestId(`user-manage-${me.username}`);
    await panel.getByRole("button", { name: "停用账号" }).click();
    await panel.getByRole("button", { name: "确认停用" }).click();

    await expect(panel.getByRole("alert")).toHaveText("不能停用或降级您自己的账号。");
    await expect(row.getByTestId("user-status")).toHaveText("正常");
    expect((await page.request.get("/api/me")).status(), "still signed in").toBe(200);
  });

  test("the audit log lists user changes, and filtering by action narrows it", async ({ page }) => {
    const username = uniqueName("e2e-audit");
    const { id } = await createViaApi(page.request, username, "150825");
    expect((await page.request.patch(`/api/users/${id}`, { data: { disabled: true } })).status()).toBe(200);

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
    const table = page.getByTestId("audit-table");
    const entries = table.locator("tbody tr").filter({ hasText: username });
    // Newest first: the disabling, then the creation.
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0).getByTestId("audit-action")).toHaveText("停用用户");
    await expect(entries.nth(0)).toContainText(me.username);
    await expect(entries.nth(0)).toContainText("否 → 是");
    await expect(entries.nth(1).getByTestId("audit-action")).toHaveText("创建用户");
    await expect(entries.nth(1)).toContainText("乌拉特后旗");
    await expect(entries.nth(1)).toContainText("查看者");
    const totalBefore = await totalOf(page);

    await page.getByLabel("操作").selectOption({ label: "停用用户" });
    await page.getByRole("button", { name: "筛选" }).click();

    await expect(page).toHaveURL(/[?&]action=user\.disable(&|$)/);
    await expect.poll(() => totalOf(page)).toBeLessThan(totalBefore);
    const actions = table.getByTestId("audit-action");
    await expect(actions.first()).toHaveText("停用用户");
    expect(new Set(await actions.allTextContents())).toEqual(new Set(["停用用户"]));
    await expect(entries).toHaveCount(1);

    // The filters live in the URL: a reload keeps them, and a region below 巴彦淖尔市 matches it.
    await page.goto(`/admin/audit?action=user.create&region=150800&user=${me.username}`);
    await expect(page.getByLabel("操作")).toHaveValue("user.create");
    await expect(page.getByLabel("用户", { exact: true })).toHaveValue(me.username);
    await expect(page.getByRole("combobox", { name: "地区" })).toHaveValue("巴彦淖尔市");
    await expect(entries).toHaveCount(1);
    await expect(entries.getByTestId("audit-action")).toHaveText("创建用户");
  });

  test("the admin pages read in English", async ({ page, context, baseURL }) => {
    await createViaApi(page.request, uniqueName("e2e-en"));
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "" }]);
    await page.goto(`/admin/audit?action=user.create&user=${me.username}`);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByLabel("Action")).toHaveValue("user.create");
    await expect(page.getByTestId("audit-action").first()).toHaveText("User created");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByTestId("create-user-form").getByRole("button", { name: "Create user" })).toBeVisible();
    await expect(page.getByTestId("users-table").locator("thead")).not.toContainText(/\p{Script=Han}/u);
  });
});

test.describe("as a viewer", () => {
  test("the admin pages say they are for administrators, and the API refuses", async ({ page, baseURL }) => {
    const viewer = await newUser(baseURL, { prefix: "e2e-staff", regionCode: "150000" });
    await signIn(page, viewer.username, viewer.password);
    for (const path of ["/admin/users", "/admin/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "仅管理员可访问" }), path).toBeVisible();
      await expect(page.getByTestId("users-table")).toHaveCount(0);
      await expect(page.getByTestId("audit-table")).toHaveCount(0);
    }
    expect((await page.request.get("/api/users")).status()).toBe(403);
    expect((await page.request.get("/api/audit")).status()).toBe(403);
    const create = await page.request.post("/api/users", {
      data: {
        username: uniqueName("e2e-nope"),
        name: "x",
        role: "admin",
        regionCode: "150000",
        password: "long-enough-1",
      },
    });
    expect(create.status()).toBe(403);
  });
});

/** The "共 N 条" count under the audit table. */
async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId("audit-total").textContent()) ?? "";
  return Number(/共\s*([\d,]+)\s*条/.exec(text)?.[1]?.replace(/,/g, "") ?? Number.NaN);
}
