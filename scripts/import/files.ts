/** Expands the command's FILES...|DIR arguments into files, directories walked recursively. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Files in a stable order (sorted per directory); hidden files and folders are skipped inside directories. */
export async function expandPaths(args: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const arg of args) {
    const info = await stat(arg); // a missing path is the caller's mistake: let it throw with its name
    if (info.isDirectory()) await walk(arg);
    else files.push(arg);
  }
  return files;
}
