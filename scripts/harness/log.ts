export type Logger = (message: string) => void;

export const defaultLog: Logger = (m) => process.stderr.write(`[harness] ${m}\n`);
