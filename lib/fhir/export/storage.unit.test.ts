import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportRoot } from "./storage";

describe("exportRoot", () => {
  it("takes FHIR_EXPORT_DIR first", () => {
    expect(exportRoot({ FHIR_EXPORT_DIR: "/srv/exports", STATE_DIRECTORY: "/var/lib/theratrack" })).toBe("/srv/exports");
  });
  it("uses systemd's state directory (the first of several) when FHIR_EXPORT_DIR is unset or blank", () => {
    expect(exportRoot({ STATE_DIRECTORY: "/var/lib/theratrack:/var/lib/other" })).toBe("/var/lib/theratrack/fhir-export");
    expect(exportRoot({ FHIR_EXPORT_DIR: "  ", STATE_DIRECTORY: "/var/lib/theratrack" })).toBe("/var/lib/theratrack/fhir-export");
  });
  it("falls back to .data/fhir-export under the working directory", () => {
    expect(exportRoot({})).toBe(path.resolve(".data/fhir-export"));
  });
});
