import { describe, expect, it } from "vitest";
import { jwksOf, makeKey } from "@/lib/testing/smart-client";
import { encodeCursor } from "./cursor";
import { dateRange, parseSearch } from "./search-params";
import { englishText } from "@/lib/i18n/english";
import { translatorFor } from "@/lib/i18n/translate";
import { checkJwks } from "./smart/jwt";
import { grantableScopes } from "./smart/scopes";

const LA = "America/Los_Angeles";
const ALL = ["patient", "date", "_count", "_cursor"];

describe("FHIR search parameters", () => {
  it("reads dates in the clinic's zone, DST included, and dateTimes as instants", () => {
    expect(dateRange("2026-03-08", LA)).toEqual({ start: new Date("2026-03-08T08:00:00Z"), end: new Date("2026-03-09T07:00:00Z") });
    expect(dateRange("2026-11", LA)).toEqual({ start: new Date("2026-11-01T07:00:00Z"), end: new Date("2026-12-01T08:00:00Z") });
    expect(dateRange("2026", LA).start).toEqual(new Date("2026-01-01T08:00:00Z"));
    expect(dateRange("2026-05-01T10:00:00+02:00", LA).start).toEqual(new Date("2026-05-01T08:00:00Z"));
    for (const bad of ["2026-02-30", "2026-13", "26-01-01", "2026-05-01T10:00", "now"]) expect(() => dateRange(bad, LA), bad).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("intersects prefixed dates into one [from, to) range", () => {
    const s = parseSearch(new URLSearchParams("date=ge2026-01-01&date=lt2026-02-01&date=gt2025-06-01"), ALL, "UTC");
    expect([s.from, s.to]).toEqual([new Date("2026-01-01T00:00:00Z"), new Date("2026-02-01T00:00:00Z")]);
    const le = parseSearch(new URLSearchParams("date=le2026-01-31"), ALL, "UTC");
    expect([le.from, le.to]).toEqual([null, new Date("2026-02-01T00:00:00Z")]);
  });

  it("takes Patient/id or id, a cursor this server made, and refuses everything else", () => {
    const id = "3f1d2c4b-0000-4000-8000-00000000beef";
    expect(parseSearch(new URLSearchParams(`patient=Patient/${id}`), ALL, "UTC").patientId).toBe(id);
    const c = encodeCursor({ t: "2026-01-01T00:00:00.000Z", id });
    expect(parseSearch(new URLSearchParams(`_cursor=${c}&_count=10&_format=json`), ALL, "UTC")).toMatchObject({ after: { id }, count: 10 });
    for (const bad of ["_count=1.5", "_count=-1", "_cursor=e30", "patient=Practitioner/x", "_sort=date", "date="]) {
      expect(() => parseSearch(new URLSearchParams(bad), ALL, "UTC"), bad).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});

describe("SMART scopes and keys", () => {
  it("grants what was asked and registered, down-scoping system/*.read to a narrower grant", () => {
    expect(grantableScopes("system/*.read", ["system/*.read"])).toEqual(["system/*.read"]);
    expect(grantableScopes("system/Patient.read system/Goal.read", ["system/*.read"])).toEqual(["system/Patient.read", "system/Goal.read"]);
    expect(grantableScopes("system/*.read", ["system/Patient.read"])).toEqual(["system/Patient.read"]);
    expect(grantableScopes("system/Observation.read system/*.write user/*.read system/Bogus.read", ["system/Patient.read"])).toEqual([]);
    expect(grantableScopes("system/Bogus.read", ["system/*.read"])).toEqual([]);
  });

  it("accepts public RSA and P-384 keys only", () => {
    expect(checkJwks(JSON.parse(jwksOf(makeKey("RS384"), makeKey("ES384"))))).toMatchObject({ keys: [{ kty: "RSA" }, { kty: "EC", crv: "P-384" }] });
    const priv = makeKey("ES384").privateKey.export({ format: "jwk" });
    // a refusal is a catalog key; the admin reads it worded (English here, Spanish below)
    const why = (v: unknown) => {
      const r = checkJwks(v);
      return "problem" in r ? englishText(r.problem) : "accepted";
    };
    expect(why({ keys: [priv] })).toMatch(/private/);
    expect(why({ keys: [{ kty: "EC", crv: "P-256", x: "a", y: "b" }] })).toMatch(/P-384/);
    expect(why({ keys: [{ kty: "oct", k: "c2VjcmV0" }] })).toMatch(/RSA/);
    expect(why({ keys: [] })).toMatch(/1–10 keys/);
    expect(why({ keys: [{ kty: "RSA", n: "!!", e: "AQAB" }] })).toMatch(/2048 bits/);
    expect(why({ keys: [{ kty: "EC", crv: "P-384", x: "AAAA", y: "AAAA" }] })).toMatch(/P-384 public key/);
    const r = checkJwks({ keys: [priv] });
    const es = translatorFor("es")("problem" in r ? r.problem : "");
    expect(es).toMatch(/privada/);
    expect(es).not.toBe(why({ keys: [priv] }));
  });
});
