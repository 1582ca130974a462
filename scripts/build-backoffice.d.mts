export function isStale(): boolean;
export function buildBackoffice(): Promise<void>;
