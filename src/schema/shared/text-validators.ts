import { Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';
import type { NumberRange } from '../../domain/ranges.js';
import { quoteRefusal, textRefusal, type TextLayout } from '../../domain/text.js';

/*
 * class-validator decorators built from the domain's text and range rules (domain/text.ts,
 * domain/ranges.ts), the same definitions the seed schema uses. README "Text rules".
 */

/** A property decorator refusing a string (or each string of an array) for which `refusal` gives a reason. */
function refusing(name: string, refusal: (value: string) => string | null) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => {
          const values: unknown[] = Array.isArray(args.value) ? args.value : [args.value];
          const reason = values
            .map((v) => (typeof v === 'string' ? refusal(v) : null))
            .find((r) => r !== null);
          return `${args.property} ${reason ?? 'is not acceptable text'}`;
        },
      },
      validator: {
        validate(value: unknown) {
          const values: unknown[] = Array.isArray(value) ? value : [value];
          return values.every((v) => typeof v !== 'string' || refusal(v) === null);
        },
      },
    });
}

/** A stored text of this layout (a string, or every string of an array): the domain's {@link textRefusal}. */
export function StoredText(layout: TextLayout) {
  return refusing(`storedText:${layout}`, (value) => textRefusal(value, layout));
}

/** A citation quote: the domain's {@link quoteRefusal} (text rules plus the minimum length). */
export function QuoteText() {
  return refusing('quoteText', quoteRefusal);
}

/** A number within `range` (inclusive), from the domain's one definition. */
export function InRange(range: NumberRange) {
  return (target: object, propertyName: string) => {
    Min(range.min)(target, propertyName);
    Max(range.max)(target, propertyName);
  };
}
