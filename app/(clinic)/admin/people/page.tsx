import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { getTranslations } from "next-intl/server";
import { addPerson } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

export default async function PeoplePage() {
  const actor = await requirePermission("user:manage", "/admin/people");
  const staff = await listUsers(actor);
  const [t, roles] = await Promise.all([getTranslations("people"), getTranslations("roles")]);
  return (
    <ClientMessages part="people">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Card>
          <CardTitle>{t("staff")}</CardTitle>
          <ul className="mt-3 divide-y divide-border">
            {staff.map((u) => (
              <li key={u.id}>
                <Link href={`/admin/people/${u.id}`} className="flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 py-2 hover:bg-muted">
                  <span className="min-w-48 flex-1 font-semibold">
                    {u.name}
                    {u.title ? <span className="block text-sm font-normal text-muted-foreground">{u.title}</span> : null}
                  </span>
                  <span className="w-32">
                    {roles(u.role)}
                    {u.discipline ? ` (${u.discipline})` : ""}
                  </span>
                  <span className="min-w-0 break-all text-muted-foreground">{u.email}</span>
                  {u.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("deactivated")}</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardTitle>{t("add")}</CardTitle>
          <div className="mt-4">
            <CreateUserForm onSubmit={addPerson} />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
