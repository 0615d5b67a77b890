import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { HOME_BY_ROLE } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { setOwnPassword } from "./actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await requireUser({ allowPasswordChange: true });
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Change password</h1>
      {actor.mustChangePassword ? (
        <Alert tone="warning">Your password was set by an administrator. Choose your own before you continue.</Alert>
      ) : null}
      <ChangePasswordForm onSubmit={setOwnPassword} home={HOME_BY_ROLE[actor.role]} />
    </div>
  );
}
