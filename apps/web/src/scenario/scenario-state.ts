/**
 * What the user has chosen: a preset plus the params they changed (and the
 * UBI trigger), and the scenario file that state is — the YAML the page
 * exports and `endgame run FILE.yaml` accepts (ENGINE.md §5: `extends:`,
 * `set:`, `triggers:`). The worker runs exactly this text.
 */

/** The preset and the user's changes to it. */
export interface ScenarioState {
  preset: string;
  /** Params the user changed, by param name (model units). */
  set: Record<string, number>;
  /** Unemployment rate above which UBI starts (latched after 3 months); null: UBI from the start. */
  ubiTrigger: number | null;
}

/** The param the UBI trigger switches on, and the series its condition reads. */
export const UBI_PARAM = 'ubi_amount';
export const UBI_TRIGGER_SERIES = 'unemployment_rate';
/** Months (as years) the trigger's condition must hold. */
export const UBI_TRIGGER_SUSTAIN = 0.25;

/** True when the state changes nothing of its preset (then the preset runs by name). */
export function isPlainPreset(state: ScenarioState): boolean {
  return Object.keys(state.set).length === 0 && state.ubiTrigger === null;
}

/** A number as YAML reads it back exactly (JavaScript's shortest round-trip form). */
function yamlNumber(value: number): string {
  return String(value);
}

/**
 * The state as a scenario file. With a UBI trigger and a UBI amount, the
 * amount moves from `set:` into a latched trigger on unemployment.
 */
export function scenarioYaml(state: ScenarioState, description?: string): string {
  const set = { ...state.set };
  const lines = [`extends: ${state.preset}`];
  const text = description ?? `${state.preset} with changes made in the endgame web simulator`;
  lines.push(`description: ${JSON.stringify(text)}`);
  let trigger: string[] = [];
  if (state.ubiTrigger !== null && Object.hasOwn(set, UBI_PARAM)) {
    const amount = set[UBI_PARAM];
    delete set[UBI_PARAM];
    trigger = [
      'triggers:',
      `  - when: "${UBI_TRIGGER_SERIES} > ${yamlNumber(state.ubiTrigger)}"`,
      `    sustain: ${UBI_TRIGGER_SUSTAIN}`,
      `    set: { ${UBI_PARAM}: ${yamlNumber(amount)} }`,
      '    latch: true',
    ];
  }
  const names = Object.keys(set).sort();
  if (names.length > 0) {
    lines.push('set:');
    for (const name of names) lines.push(`  ${name}: ${yamlNumber(set[name])}`);
  }
  return `${[...lines, ...trigger].join('\n')}\n`;
}
