/**
 * The base of every error the app raises on purpose: a code from its module's own union, stable for
 * callers and logs, and a message a person can act on. What a code becomes (an HTTP answer, a command's
 * exit) is decided in one place each: src/app/error-answers.ts and src/cli/run-command.ts.
 */
export abstract class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
