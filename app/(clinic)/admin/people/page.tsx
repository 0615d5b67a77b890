import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { addPerson } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requirePermission("user:manage", "/admin/people");
  const staff = await listUsers(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">People</h1>
      <Card>
        <CardTitle>Staff accounts</CardTitle>
        <ul className="mt-3 divide-y divide-border">
          {staff.map((u) => (
            <li key={u.id}>
              <Link href={`/admin/people/${u.id}`} className="flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 py-2 hover:bg-muted">
                <span className="min-w-48 flex-1 font-semibold">
                  {u.name}
                  {u.title ? <span className="block text-sm font-normal text-muted-foreground">{u.title}</span> : null}
                </span>
                <span className="w-32">
                  {ROLE_LABEL[u.role]}
                  {u.discipline ? ` (${u.discipline})` : ""}
                </span>
                <span className="min-w-0 break-all text-muted-foreground">{u.email}</span>
                {u.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardTitle>Add a person</CardTitle>
        <div className="mt-4">
          <CreateUserForm onSubmit={addPerson} />
        </div>
      </Card>
    </div>
  );
}
