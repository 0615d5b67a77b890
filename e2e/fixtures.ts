import { expect, type Page } from "@playwright/test";

export const PASSWORD = "sunrise-demo-2026";
export const ACCOUNTS = {
  admin: "alex.admin@sunrise.example",
  olivia: "olivia.ot@sunrise.example",
  peter: "peter.pt@sunrise.example",
  ana: "ana.aide@sunrise.example",
  sam: "sam.aide@sunrise.example",
  harborAdmin: "hana.admin@harbor.example",
  theo: "theo.pt@harbor.example",
  hugo: "hugo.aide@harbor.example",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
