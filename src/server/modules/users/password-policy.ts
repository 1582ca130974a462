import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nl from '@zxcvbn-ts/language-nl-be';
import { AppError } from '../../errors.js';

/**
 * Strong staff passwords (AVG art. 32): a staff password is at least 12 characters and hard to guess
 * by zxcvbn-ts (score 3 of 4 or better) with the common, Dutch and English dictionaries and the
 * user's own e-mail address and name: `aaaaaaaaaaaa`, `wachtwoord123` or `welkom2026!!` are refused.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...nl.dictionary, ...en.dictionary },
  });
  return factory;
}

/** Throws 422 VALIDATION_FAILED on `field` when the password is too short or too easy to guess. */
export function checkPasswordStrength(password: string, userInputs: readonly string[], field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw weak(field, `At least ${MIN_PASSWORD_LENGTH} characters / minstens ${MIN_PASSWORD_LENGTH} tekens`);
  }
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const result = estimator().check(password, inputs);
  if (result.score < MIN_PASSWORD_SCORE) {
    throw weak(
      field,
      'Too easy to guess: use a longer passphrase of unrelated words / te makkelijk te raden: gebruik een langere zin van losse woorden',
    );
  }
}

function weak(field: string, message: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    {
      nl: 'Dit wachtwoord is niet sterk genoeg.',
      en: 'This password is not strong enough.',
    },
    [{ path: field, message }],
  );
}
