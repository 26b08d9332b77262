import { readFile } from 'node:fs/promises';
import { validateDefinition } from './validate-definition.ts';

/**
 * `sac forms validate <file>`: exit code 0 and a one-line confirmation when the definition is valid,
 * otherwise exit code 1 and one line per problem (`<JSON pointer>: <what is wrong>`). Never throws.
 */
export async function formsValidateCommand(filePath: string): Promise<{ exitCode: number; output: string }> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    return { exitCode: 1, output: `${filePath}: ${reason}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { exitCode: 1, output: `${filePath}: not valid JSON (${(error as Error).message})` };
  }
  const result = validateDefinition(json);
  if (result.ok) {
    const { id, version, steps } = result.definition;
    return { exitCode: 0, output: `${filePath}: valid (${id} ${version}, ${steps.length} steps)` };
  }
  const lines = result.errors.map((error) => `  ${error.path || '/'}: ${error.message}`);
  const count = result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`;
  return { exitCode: 1, output: [`${filePath}: ${count}`, ...lines].join('\n') };
}
