/**
 * Pure: whose troops and where, in plain English, from the names in the data (a crisis'
 * principal, the reports' actors and places); nothing here knows any crisis.
 */

/** "Russia’s forces", "United States’ forces", from an actor's name ("" = not stated). */
export function forcesOf(force: string): string {
  const name = force.trim();
  if (name === '') return 'Forces (side not stated)';
  return `${name}${/s$/i.test(name) ? '’' : '’s'} forces`;
}

/** "Russia's forces · Ukraine": whose troops, and where (left out when the reports do not say). */
export function forceLabel(force: string, theatre: string): string {
  const where = theatre.trim();
  return where === '' ? forcesOf(force) : `${forcesOf(force)} · ${where}`;
}
