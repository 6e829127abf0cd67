export interface Finding {
	ruleId: string | null;
	file: string;
	message: string;
}
export const VALID_AUTHOR: string;
export function authorEmail(pkg: object): string;
export function isToleratedFinding(finding: Finding, pkg: object): boolean;
