export function missingReleaseFields(pkg: object): string[];
