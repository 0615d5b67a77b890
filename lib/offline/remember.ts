import { rememberPassword, unlockOnline } from "./vault";

/**
 * Right after an online sign-in: open this tablet's store for the user and keep the password-wrapped
 * copy of the data key for the offline unlock. Only assistants get a device key; for anyone else the
 * server answers 403 and nothing is stored.
 */
export async function rememberAfterSignIn(email: string, password: string): Promise<void> {
  const r = await unlockOnline();
  if (r.ok) await rememberPassword(email, password);
}
