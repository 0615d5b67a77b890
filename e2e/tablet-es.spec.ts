import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import es from "../messages/es.json" with { type: "json" };
import tabletEn from "../messages/tablet/en.json" with { type: "json" };
import tabletEs from "../messages/tablet/es.json" with { type: "json" };
import { demoId } from "../scripts/reliability/samples";
import { englishLeftOn, englishPhrases } from "./catalog-text";
import { ACCOUNTS, PASSWORD, signIn } from "./fixtures";

/**
 * The assistant's day in Spanish on the tablet (issue 13): the tablet's pages are static shells, so their
 * language is chosen on the device (the browser's, or the account's from the working set). Hugo (Harbor,
 * America/New_York) works with a Spanish browser whose own clock is in Madrid, so a time formatted in the
 * device's zone instead of the clinic's would show. No other spec writes to Hugo's day.
 */
const PATIENT = "Billie Mockett";
const THERAPIST = "Theo Thompson, DPT";
const GYM = demoId("harbor:room:gym");
// what people typed is data, not UI: the demo's delegations were written with the English default frequency
const DATA = [en.careForms.eachSession];
/** The tablet's pages show the tablet's catalog and the shared namespaces of the main one; server pages the main one. */
const TABLET = englishPhrases([[tabletEn, tabletEs], [en, es]], DATA);
const SERVER = englishPhrases([[en, es]], DATA);

test.describe.configure({ mode: "serial" });

async function expectSpanish(page: Page, what: string, english = TABLET) {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  expect(await page.title(), `${what} has a title`).toMatch(/\S+ · TheraTrack$/);
  expect(await englishLeftOn(page, english), `English left on ${what}`).toEqual([]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${what}: ${v.id} ${v.help}`)).toEqual([]);
}

async function signInSpanish(page: Page) {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByLabel("Correo electrónico").fill(ACCOUNTS.hugo);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page).toHaveURL("/today");
}

test.describe("a Spanish-speaking aide's day on the tablet", () => {
  test.use({ locale: "es-ES", timezoneId: "Europe/Madrid" });

  test("Today, attendance, an observation, a concern and a room checklist, all in Spanish", async ({ page }, info) => {
    test.skip(info.project.name !== "tablet-portrait", "one tablet project; Hugo's day is shared by the projects");
    test.setTimeout(120_000);
    await signInSpanish(page);

    // Today
    await expect(page.getByRole("heading", { level: 1, name: "Hoy" })).toBeVisible();
    await expect(page.getByText("Todo guardado")).toBeVisible();
    await expect(page).toHaveTitle("Hoy · TheraTrack");
    await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p")).toHaveText(/^[a-záéíóúñ]+, \d{1,2} de [a-z]+ de \d{4}$/);
    const card = page.getByRole("article", { name: PATIENT }).first();
    // 09:00 in New York, whatever the device's own zone (Madrid would make it 15:00)
    await expect(card).toContainText("9:00");
    await expect(card).toContainText("hasta las 9:45");
    await expect(card).not.toContainText("15:00");
    await expect(card.getByText("Sin registro todavía")).toBeVisible();
    await expectSpanish(page, "/today");

    // attendance, one tap
    await card.getByRole("button", { name: "Presente", exact: true }).click();
    await expect(card.getByText("Asistencia registrada: presente.")).toBeVisible();
    await expect(card.getByRole("button", { name: "Presente", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("Todo guardado")).toBeVisible();

    // the session: an observation, filled and submitted
    await card.getByRole("link", { name: `Registrar sesión de ${PATIENT}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Sesión con ${PATIENT}` })).toBeVisible();
    await expect(page).toHaveTitle("Observación de la sesión · TheraTrack");
    await expect(page.getByText(/9:00\s*–\s*9:45/)).toBeVisible();
    await expectSpanish(page, "the session page");
    const form = page.getByRole("form", { name: "Observación de la sesión" });
    const tasks = form.getByRole("region", { name: "Tareas delegadas" });
    const done = tasks.getByRole("radio", { name: "Hecha", exact: true });
    expect(await done.count()).toBeGreaterThan(0);
    for (const radio of await done.all()) await radio.check();
    await form.getByRole("group", { name: "Actitud hoy (1–5)" }).getByRole("radio", { name: /^4/ }).check();
    await form.getByLabel("Logros", { exact: true }).fill("Caminó 40 metros con bastón de cuatro puntas y supervisión.");
    await expect(page.getByTestId("draft-status")).toContainText(/Borrador guardado en esta tableta a las \d{1,2}:\d{2}/);
    await form.getByRole("button", { name: `Enviar a ${THERAPIST}` }).click();
    await expect(page.getByText(`Pendiente de la firma de ${THERAPIST}`, { exact: false })).toBeVisible();
    await expect(page.getByText("Todo guardado")).toBeVisible();
    await expectSpanish(page, "the submitted entry");

    // an urgent concern, from the session page
    const concern = page.getByRole("region", { name: "Aviso urgente" });
    await concern.getByLabel("Qué pasó (obligatorio para «Otro»)").fill("Refiere dolor en la rodilla derecha al caminar.");
    await concern.getByRole("button", { name: "Avisar: dolor" }).click();
    // sent at once (or, if the send raced another, kept and sent with the next one)
    await expect(concern.getByTestId("form-message")).toHaveText(new RegExp(`^Aviso urgente «Dolor» (enviado a|guardado en esta tableta: le llegará a) ${THERAPIST}`));
    await expectSpanish(page, "the session page after a concern");

    // back to Today: the entry waits for the therapist's signature
    await page.getByRole("link", { name: "Hoy" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Hoy" })).toBeVisible();
    await expect(page.getByRole("article", { name: PATIENT }).first().getByText("Pendiente de firma")).toBeVisible();

    // a room's checklist (a server page): one step ticked
    await page.goto(`/rooms/${GYM}`);
    await expectSpanish(page, "the room's checklist", SERVER);
    const first = page.getByRole("main").getByRole("checkbox").first();
    await first.click();
    await expect(first).toBeChecked();
    await expectSpanish(page, "the room's checklist after a step", SERVER);
  });

  test("the offline page is in Spanish", async ({ page }, info) => {
    test.skip(info.project.name !== "tablet-portrait", "one tablet project");
    await signInSpanish(page);
    await page.goto("/~offline");
    await expect(page.getByRole("heading", { level: 1, name: "Sin conexión" })).toBeVisible();
    await expect(page).toHaveTitle("Sin conexión · TheraTrack");
    await expectSpanish(page, "/~offline");
  });
});

test("the offline page follows an English browser, and the account's saved language reaches the tablet with the next pull", async ({ browser }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "one tablet project");
  // no service worker: page.route must see the working-set pull (a worker's own fetches bypass it)
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block" });
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.hugo);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/~offline");
  await expect(page.getByRole("heading", { level: 1, name: "No connection" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // the account says Spanish (as saving it on /account would; the demo account itself is left as it is)
  await page.route("**/api/working-set", async (route) => {
    const headers = Object.fromEntries(Object.entries(route.request().headers()).filter(([k]) => k !== "if-none-match"));
    const response = await route.fetch({ headers });
    const set = (await response.json()) as { user: { locale: string | null } };
    set.user.locale = "es";
    await route.fulfill({ response, json: set });
  });
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1, name: "Hoy" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("navigation").first().getByRole("link", { name: "Mis pacientes" })).toBeVisible();
  await context.close();
});
