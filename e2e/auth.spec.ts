import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD, signIn, signOut } from "./fixtures";

test.describe("sign-in and roles", () => {
  for (const [who, email, home, heading] of [
    ["assistant", ACCOUNTS.ana, "/today", "Today"],
    ["therapist", ACCOUNTS.olivia, "/review", "Review"],
    ["admin", ACCOUNTS.admin, "/admin", "Sunrise Therapy Center"],
  ] as const) {
    test(`the ${who} signs in and lands on their home page`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(home);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const session = await (await page.request.get("/api/auth/session")).json();
      expect(session.user).toMatchObject({ email, role: who, clinicName: "Sunrise Therapy Center" });
      expect(session.user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(session.user.clinicId).toMatch(/^[0-9a-f-]{36}$/);
    });
  }

  test("a wrong password is refused with a clear message and the same one as an unknown email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS.sam);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.getByTestId("sign-in-error");
    await expect(error).toHaveText("That email and password do not match an active account.");
    const wrongText = await error.textContent();
    await page.getByLabel("Email").fill("nobody-here@sunrise.example");
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText(wrongText ?? "");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields are explained next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("sign-out ends the session on the server: the old cookie no longer works", async ({ page, browser, baseURL }) => {
    await signIn(page, ACCOUNTS.peter);
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
    await signOut(page);

    // Replay the cookie from before sign-out in a fresh browser context.
    const replay = await browser.newContext({ baseURL });
    await replay.addCookies(cookies);
    const p2 = await replay.newPage();
    await p2.goto("/review");
    await expect(p2).toHaveURL(/\/login/);
    const session = await (await p2.request.get("/api/auth/session")).json();
    expect(session).toEqual({});
    await replay.close();
  });

  test("an assistant cannot open admin pages", async ({ page }) => {
    await signIn(page, ACCOUNTS.ana);
    for (const path of ["/admin", "/admin/settings", "/review"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveCount(0);
  });

  test("another clinic's patient does not exist for you", async ({ page }) => {
    await signIn(page, ACCOUNTS.hugo);
    await page.goto("/patients");
    await expect(page.getByText("Billie Mockett")).toBeVisible();
    await expect(page.getByText("Maggie Testwell")).toHaveCount(0);
    // a Sunrise patient id, straight in the address bar
    await signOut(page);
    await signIn(page, ACCOUNTS.ana);
    await page.goto("/patients");
    const href = await page.getByRole("link", { name: /Maggie Testwell/ }).getAttribute("href");
    await signOut(page);
    await signIn(page, ACCOUNTS.hugo);
    const res = await page.goto(href ?? "/patients/x");
    expect(res?.status()).toBe(404);
  });

  test("signed-out visitors are sent to sign in", async ({ page }) => {
    await page.goto("/today");
    await expect(page).toHaveURL(/\/login\?next=%2Ftoday/);
  });

  test("the sign-in page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/login");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });
});

test.describe("before JavaScript runs", () => {
  // Also what a slow tablet shows until the page hydrates: the form must not submit natively.
  test.use({ javaScriptEnabled: false });

  test("the sign-in form cannot be sent, so the password never reaches the URL", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto("/login");
    // by CSS: Playwright's text and role locators skip <noscript> content
    const notice = page.locator("noscript p");
    await expect(notice).toBeVisible();
    await expect(notice).toHaveText("TheraTrack needs JavaScript turned on.");
    // The fields are disabled, so nobody can type; put values in as a password manager might, then
    // try both ways of submitting: Enter in the password field and a tap on the button.
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    await email.evaluate((el, v) => ((el as HTMLInputElement).value = v), ACCOUNTS.sam);
    await password.evaluate((el, v) => ((el as HTMLInputElement).value = v), PASSWORD);
    await password.press("Enter");
    await page.getByRole("button", { name: "Sign in" }).click({ force: true });
    await page.waitForLoadState();

    for (const url of [page.url(), ...requested]) {
      expect(url).not.toContain(encodeURIComponent(PASSWORD));
      expect(url).not.toContain(PASSWORD);
      expect(url).not.toContain(encodeURIComponent(ACCOUNTS.sam));
      expect(url).not.toContain(ACCOUNTS.sam);
    }
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await expect(email).toBeDisabled();
    await expect(password).toBeDisabled();
    await expect(page.getByRole("form", { name: "Sign in" })).toHaveAttribute("method", "post");
  });
});

test.describe("platform", () => {
  test("security headers on pages and API", async ({ request }) => {
    for (const path of ["/login", "/api/health"]) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"]).not.toContain("unsafe-eval");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBeTruthy();
      expect(h["strict-transport-security"]).toContain("max-age=");
      expect(h["cache-control"]).toContain("no-store");
    }
  });

  test("health reports the database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
  });

  test("mutations from another origin are refused", async ({ request }) => {
    const res = await request.post("/api/session/activity", { headers: { Origin: "https://evil.example" } });
    expect(res.status()).toBe(403);
    const noOrigin = await request.post("/api/session/activity");
    expect(noOrigin.status()).toBe(403);
  });
});

test.describe("idle lock", () => {
  test("the screen locks after the idle timeout, hides patient data, and unlocks with the password", async ({ page }) => {
    await page.clock.install();
    await signIn(page, ACCOUNTS.ana);
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    const patientText = page.getByText("Maggie Testwell").first();
    await expect(patientText).toBeVisible();

    // retried until the page has hydrated and its idle timer runs
    const lock = page.getByRole("dialog", { name: "Screen locked" });
    await expect(async () => {
      await page.clock.fastForward("16:00");
      await expect(lock).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(patientText).toBeHidden();

    await lock.getByLabel("Password").fill("sunrise-demo-2026");
    await lock.getByRole("button", { name: "Unlock" }).click();
    await expect(lock).toBeHidden();
    await expect(patientText).toBeVisible();
  });
});
