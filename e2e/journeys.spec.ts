import { expect, test, type TestInfo } from "@playwright/test";
import { ACCOUNTS, PASSWORD, signIn, signOut } from "./fixtures";

/**
 * The supervision loop end to end, across both roles: Sam (assistant) logs a session and submits it;
 * Peter (therapist) signs it with his password, or returns it and Sam sees the comment on Today.
 * A script payload typed into the notes renders as text on both sides. Each viewport project uses its
 * own patient (Sam's caseload), so the projects share the demo database without colliding.
 */
const JOURNEY = {
  "tablet-portrait": { patient: "Keiko Dummerford", task: "Balance activities", goal: ["Berg Balance Scale score of 45", "points", "38"], outcome: "sign" },
  "tablet-landscape": { patient: "Hal Fakenham", task: "Gait training", goal: ["Walk 300 ft without a rest, heart rate under 120", "ft", "180"], outcome: "sign" },
  desktop: { patient: "Gwen Synthwaite", task: "Range of motion", goal: ["Active shoulder flexion to 120 degrees", "degrees", "95"], outcome: "return" },
} as const;
const journeyFor = (info: TestInfo) => JOURNEY[info.project.name as keyof typeof JOURNEY];

const PAYLOAD = `Walked the hallway <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

test("an assistant's entry reaches the therapist, who signs or returns it; script in notes stays text", async ({ page }, info) => {
  const j = journeyFor(info);
  const [goalName, unit, value] = j.goal;

  await signIn(page, ACCOUNTS.sam);
  const card = page.getByRole("article", { name: j.patient });
  await card.getByRole("button", { name: "Present", exact: true }).click();
  await expect(card.getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await card.getByRole("link", { name: `Log session for ${j.patient}` }).click();

  await page.getByRole("group", { name: j.task }).getByRole("radio", { name: "Done", exact: true }).check();
  const goal = page.getByRole("group", { name: goalName });
  await goal.getByLabel(`Measured value (${unit})`).fill(value);
  await goal.getByRole("radio", { name: "Supervision" }).check();
  await page.getByRole("group", { name: "Attitude today (1–5)" }).getByRole("radio", { name: /^4/ }).check();
  await page.getByLabel("Accomplishments", { exact: true }).fill(PAYLOAD);
  await page.getByRole("button", { name: "Submit to Peter Park, DPT" }).click();
  await expect(page.getByText("Awaiting signature from Peter Park, DPT")).toBeVisible();
  await expect(page.getByText(PAYLOAD)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await signOut(page);

  await signIn(page, ACCOUNTS.peter);
  const queue = page.getByRole("region", { name: /Awaiting your signature/ });
  await queue.getByRole("link", { name: j.patient }).last().click(); // oldest first: today's is last
  await expect(page.getByText("Captured by Sam Sato, Therapy Aide, assistant")).toBeVisible();
  await expect(page.getByText(PAYLOAD)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  if (j.outcome === "sign") {
    const form = page.getByRole("form", { name: "Sign this entry" });
    await form.getByLabel("Your password").fill(PASSWORD);
    await form.getByRole("button", { name: "Sign entry" }).click();
    const signatures = page.getByTestId("entry-signatures");
    await expect(signatures).toContainText("Signed by Peter Park, DPT");
    await expect(signatures).toContainText("Captured by Sam Sato, Therapy Aide, assistant");
    return;
  }

  const form = page.getByRole("form", { name: "Return this entry" });
  await form.getByLabel("Comment for the assistant").fill("Add the range for both arms, please.");
  await form.getByRole("button", { name: "Return to assistant" }).click();
  await expect(page.getByTestId("entry-signatures")).toContainText("Returned: Add the range for both arms, please.");
  await signOut(page);

  await signIn(page, ACCOUNTS.sam);
  const back = page.getByRole("article", { name: j.patient });
  // the tablet signs in, derives its password key (PBKDF2) and pulls the day before it shows the return
  await expect(back.getByText("Returned to you")).toBeVisible({ timeout: 20_000 });
  await expect(back.getByText("Add the range for both arms, please.")).toBeVisible();
  await back.getByRole("link", { name: `Fix returned entry for ${j.patient}` }).click();
  await expect(page.getByText("Returned by Peter Park, DPT:")).toBeVisible();
  await expect(page.getByLabel("Accomplishments", { exact: true })).toHaveValue(PAYLOAD);
});
