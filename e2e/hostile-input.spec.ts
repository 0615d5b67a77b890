import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

// Issue 15 item 6: inputs that made the production server answer 500. Each now gets a status that says
// whose fault it is, or the page's default with a message. The reliability suite sends many more.

test("odd methods get 405, oversized action bodies 413, the image optimizer is off", async ({ request, baseURL }) => {
  for (const method of ["TRACE", "PUT", "DELETE", "PROPFIND"]) {
    const res = await request.fetch("/login", { method });
    expect(res.status(), method).toBe(405);
    expect(res.headers().allow).toBe("GET, HEAD, POST");
    expect(await res.text()).not.toMatch(/\bat\s|node_modules/);
  }
  const big = JSON.stringify(["x".repeat(1024 * 1024 + 10)]);
  const res = await request.post("/login", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: baseURL ?? "" }, data: big });
  expect(res.status()).toBe(413);
  expect((await request.get("/_next/image?url=%2Fetc%2Fpasswd&w=64&q=75")).status()).toBe(404);
  expect((await request.get("/admin/patients/%ED%A0%80")).status()).toBe(400);
});

test("impossible dates, NUL bytes and forged cursors in page addresses fall back to defaults", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  for (const url of ["/schedule?week=2026-13-01", "/schedule?view=day&day=0000-00-00", "/admin/attendance?to=0000-00-00&from=2026-02-30"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await expect(page.getByLabel("To")).not.toHaveValue("0000-00-00");

  expect((await page.goto("/admin/patients?q=mag%00gie"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: /Maggie Testwell/ })).toBeVisible();
  const forged = Buffer.from(JSON.stringify(["a", "b", "not-a-uuid"])).toString("base64url");
  expect((await page.goto(`/admin/patients?after=${forged}`))?.status()).toBe(200);
  await expect(page.getByText("That page link was not valid; showing the first page.")).toBeVisible();
});
