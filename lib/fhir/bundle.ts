import type { Bundle, Resource } from "@medplum/fhirtypes";

/** A searchset Bundle with self and next links (keyset paging: `_cursor`). */
export function searchset(base: string, resources: Resource[], self: URL, nextCursor: string | null): Bundle {
  const link = [{ relation: "self", url: self.toString() }];
  if (nextCursor) {
    const next = new URL(self.toString());
    next.searchParams.set("_cursor", nextCursor);
    link.push({ relation: "next", url: next.toString() });
  }
  return {
    resourceType: "Bundle",
    type: "searchset",
    link,
    entry: resources.map((r) => ({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: "match" } })),
  };
}
