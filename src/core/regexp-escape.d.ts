// RegExp.escape (ES2025; Node 24 has it) is not yet in TypeScript 5.9's lib files.
interface RegExpConstructor {
  /** `value` with every character that has a meaning in a pattern escaped. */
  escape(value: string): string;
}
