export * from "./clinics";
export * from "./users";
export * from "./patients";
export * from "./rooms";
export * from "./audit";
