import { spawnSync } from "node:child_process";
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signOut } from "./fixtures";

/** Issue 13 items 4 and 5 through the production build: Excel links beside the CSV ones, Unicode PDFs. */

async function sheetOf(download: Download): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  return wb.worksheets[0]!;
}

async function clickDownload(page: Page, name: string): Promise<Download> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  return download;
}

test("a therapist downloads a patient's entries as Excel and a progress report as a Unicode PDF", async ({ page }) => {
  await signIn(page, ACCOUNTS.peter);
  await page.goto("/patients");
  await page.getByRole("link", { name: /Maggie Testwell/ }).click();
  await expect(page.getByRole("link", { name: "Download entries (CSV)" })).toBeVisible();
  const xlsx = await clickDownload(page, "Download entries (Excel)");
  expect(xlsx.suggestedFilename()).toMatch(/^entries-SR-\d+-.*\.xlsx$/);
  const ws = await sheetOf(xlsx);
  expect(ws.getRow(1).values).toEqual(expect.arrayContaining(["Session date", "Session start (UTC)", "Status", "Signed by", "Attitude"]));
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.rowCount).toBeGreaterThan(1);
  expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.Date);
  expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.Date);

  await page.goto("/reports");
  await page.getByRole("link", { name: /Maggie/ }).first().click();
  const pdf = await clickDownload(page, "Download PDF");
  const file = await pdf.path();
  expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(text.stderr).toBe("");
  expect(text.stdout).toMatch(/Progress report: Maggie/);
  expect(text.stdout).toContain("Contains protected health information.");
  const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout;
  expect(fonts).toContain("NotoSans-Bold");
});

test("an admin exports the audit log and supplies as Excel; others and bad formats are refused", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/audit?action=auth.");
  const audit = await clickDownload(page, "Export Excel");
  expect(audit.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const log = await sheetOf(audit);
  expect(log.getRow(1).values).toEqual([undefined, "ID", "Time (UTC)", "User ID", "User", "Action", "Record type", "Record ID", "Patient ID", "Patient MRN", "IP address", "Browser (user agent)", "Detail"]);
  expect(log.getCell("A2").type).toBe(ExcelJS.ValueType.Number);
  expect(log.getCell("B2").type).toBe(ExcelJS.ValueType.Date);
  expect(String(log.getCell("E2").value)).toMatch(/^auth\./);

  await page.goto("/supplies");
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  const supplies = await sheetOf(await clickDownload(page, "Export Excel"));
  expect(supplies.getRow(1).values).toEqual([undefined, "Supply", "Unit", "On hand", "Reorder level", "Low stock"]);
  expect(supplies.getCell("C2").type).toBe(ExcelJS.ValueType.Number);
  expect(supplies.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

  const bad = await page.request.get("/api/export/supplies?format=xls");
  expect(bad.status()).toBe(400);
  expect((await page.request.get("/admin/audit/export?format=ods")).status()).toBe(400);
  await signOut(page);

  await signIn(page, ACCOUNTS.ana);
  expect((await page.request.get("/api/export/supplies?format=xlsx")).status()).toBe(403);
  expect((await page.request.get("/admin/audit/export?format=xlsx")).status()).toBe(403);
});
