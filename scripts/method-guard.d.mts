import type { RequestListener } from "node:http";

export const ALLOWED_METHODS: string[];
export function guardMethods(listener: RequestListener): RequestListener;
