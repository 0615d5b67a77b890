import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";

/**
 * A save renders the page once (issue 15, lib/after-save.ts). Where the user stays, the action's own
 * response carries the page re-rendered (Next's x-action-revalidated header) and no page is fetched after
 * it (no router.refresh()); where the form moves on, the action re-renders nothing and the navigation
 * fetches the next page once. Either way the page shows what was saved.
 */

type Renders = { actions: string[]; fetches: number };

/** Count, from now on, the server actions (with their revalidation answer) and the page fetches that are not prefetches. */
function watch(page: Page): () => Renders {
  let seen: Renders = { actions: [], fetches: 0 };
  page.on("response", (res) => {
    const req = res.request();
    const h = req.headers();
    if (req.method() === "POST" && h["next-action"]) seen.actions.push(res.headers()["x-action-revalidated"] ?? "none");
    else if (req.method() === "GET" && h["rsc"] === "1" && !h["next-router-prefetch"]) seen.fetches++;
  });
  return () => {
    const now = seen;
    seen = { actions: [], fetches: 0 };
    return now;
  };
}

// "2": the action called refresh() (lib/after-save.ts), so its response carries the current page
const STAYED: Renders = { actions: ["2"], fetches: 0 };

async function settled(page: Page, take: () => Renders): Promise<Renders> {
  await page.waitForLoadState("networkidle");
  return take();
}

test.describe("a save renders once", () => {
  test("supplies: add, edit and record use each show the new data from the action's own response", async ({ page }, info) => {
    test.skip(info.project.name !== "desktop", "one project; the demo database is shared");
    const name = `Gauze pads ${randomUUID().slice(0, 6)}`;
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/supplies");
    await page.waitForLoadState("networkidle");
    const take = watch(page);

    const add = page.getByRole("form", { name: "Add a supply" });
    await add.getByLabel("Name").fill(name);
    await add.getByLabel("Unit (box, roll, each)").fill("box");
    await add.getByLabel("On hand now").fill("9");
    await add.getByRole("button", { name: "Add supply" }).click();
    await expect(add.getByTestId("form-message")).toHaveText(`${name} added.`);
    await expect(page.getByRole("button", { name: `Edit ${name}` })).toBeVisible();
    expect(await settled(page, take)).toEqual(STAYED);

    await page.getByRole("button", { name: `Edit ${name}` }).click();
    const edit = page.getByRole("form", { name: `Edit ${name}` });
    await edit.getByLabel("Name").fill(`${name} (large)`);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: `Edit ${name} (large)` })).toBeVisible();
    expect(await settled(page, take)).toEqual(STAYED);

    const move = page.getByRole("form", { name: `Record use or restock of ${name} (large)` });
    await move.getByLabel("Quantity").fill("2");
    await move.getByRole("button", { name: "Record use" }).click();
    await expect(move.getByTestId("form-message")).toHaveText("Use recorded. 7 box on hand.");
    expect(await settled(page, take)).toEqual(STAYED);
  });

  test("handouts: a new one opens its page (one fetch), a revision and the archive button stay (no fetch)", async ({ page }, info) => {
    test.skip(info.project.name !== "desktop", "one project; the demo database is shared");
    const title = `Wrist circles ${randomUUID().slice(0, 6)}`;
    page.on("dialog", (d) => void d.accept());
    await signIn(page, ACCOUNTS.olivia);
    await page.goto("/handouts/new");
    await page.waitForLoadState("networkidle");
    const take = watch(page);

    const form = page.getByRole("form", { name: "New handout" });
    await form.getByLabel("Title (English)").fill(title);
    await form.getByLabel("Steps (English)").fill("Circle the wrist ten times each way");
    await form.getByLabel("How often (English)").fill("Twice a day");
    await form.getByLabel("Title (Spanish)").fill(`Círculos de muñeca ${title.slice(-6)}`);
    await form.getByLabel("Steps (Spanish)").fill("Gire la muñeca diez veces en cada sentido");
    await form.getByLabel("How often (Spanish)").fill("Dos veces al día");
    await form.getByRole("button", { name: "Publish handout" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Version 1 of 1")).toBeVisible();
    const created = await settled(page, take);
    expect(created.actions).toHaveLength(1);
    expect(created.actions[0]).not.toBe("2"); // the action re-rendered nothing: the form being left
    expect(created.fetches).toBe(1); // the new handout's page, once

    const revise = page.getByRole("form", { name: "Edit handout" });
    await revise.getByLabel("Title (English)").fill(`${title} v2`);
    await revise.getByRole("button", { name: "Publish new version" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${title} v2` })).toBeVisible();
    await expect(page.getByText("Version 2 of 2")).toBeVisible();
    expect(await settled(page, take)).toEqual(STAYED);

    await page.getByRole("button", { name: "Archive handout" }).click();
    await expect(page.getByText("Handout archived.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Restore handout" })).toBeVisible();
    expect(await settled(page, take)).toEqual(STAYED);
  });
});
