import type { FimConstraints, FimWarning } from './model.ts';

const KEYS = ['minLength', 'maxLength', 'minValue', 'maxValue', 'pattern'] as const;

/** Reads `praezisierung` of 2.0: a JSON string such as `{"minLength":"1","maxLength":"120"}`. */
export function constraintsFromJson(text: string | undefined, path: string, warnings: FimWarning[]): FimConstraints {
  const trimmed = text?.trim();
  if (!trimmed) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    warnings.push({ path, message: `praezisierung is not valid JSON and was ignored: ${trimmed}` });
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    warnings.push({ path, message: `praezisierung is not a JSON object and was ignored: ${trimmed}` });
    return {};
  }
  return constraintsFromRecord(parsed as Record<string, unknown>, path, warnings);
}

/** Reads `praezisierung` of 3.0.0: XML attributes minLength, maxLength, minValue, maxValue, pattern. */
export function constraintsFromAttributes(
  attributes: Record<string, string>,
  path: string,
  warnings: FimWarning[],
): FimConstraints {
  return constraintsFromRecord(attributes, path, warnings);
}

function constraintsFromRecord(record: Record<string, unknown>, path: string, warnings: FimWarning[]): FimConstraints {
  const result: FimConstraints = {};
  for (const [key, raw] of Object.entries(record)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      if (!key.startsWith('xmlns')) warnings.push({ path, message: `unknown praezisierung "${key}" ignored` });
      continue;
    }
    const value = raw === null || raw === undefined ? '' : String(raw).trim();
    if (value === '') continue;
    if (key === 'minLength' || key === 'maxLength') {
      const length = Number(value);
      if (Number.isInteger(length) && length >= 0) result[key] = length;
      else warnings.push({ path, message: `praezisierung ${key} "${value}" is not a length and was ignored` });
    } else if (key === 'pattern') {
      if (isUsablePattern(value)) result.pattern = value;
      else
        warnings.push({
          path,
          message: `praezisierung pattern "${value}" is not a valid regular expression and was ignored`,
        });
    } else {
      result[key as 'minValue' | 'maxValue'] = value;
    }
  }
  if (result.minLength !== undefined && result.maxLength !== undefined && result.minLength > result.maxLength) {
    warnings.push({
      path,
      message: `praezisierung minLength ${result.minLength} is above maxLength ${result.maxLength}`,
    });
  }
  return result;
}

function isUsablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
