/**
 * Every entry of a reports folder as an input of the data build, so that every one is accounted
 * for: regular files, files and folders reached through symbolic links (followed, as a person
 * opening the folder sees them), and the links that lead nowhere (broken, or a loop back into a
 * folder being listed) with the reason they cannot be read. Sockets, pipes and devices are
 * listed too, and fail as unreadable.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from './build-database.ts';

/** The input files under `dir` (dot-files too), paths "/"-separated and relative to it. */
export function listInputFiles(dir: string): InputFile[] {
  const out: InputFile[] = [];
  // `ancestors`: the real paths of the folders being walked; a link back to one is a loop.
  const walk = (folder: string, prefix: string, ancestors: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      out.push(failing(prefix.replace(/\/$/, '') || '.', 'unreadable', `the folder cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
      return;
    }
    for (const entry of entries) {
      const full = join(folder, entry.name);
      const path = prefix + entry.name;
      let stats: Stats;
      try {
        stats = statSync(full); // through links
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!entry.isSymbolicLink()) out.push(failing(path, 'unreadable', `cannot be read (${code ?? (e as Error).message})`));
        else if (code === 'ELOOP') out.push(failing(path, 'link-loop', `a symbolic link to ${target(full)} that leads back to itself through other links: nothing to read`));
        else out.push(failing(path, 'broken-link', `a symbolic link to ${target(full)}, which does not exist (${code})`));
        continue;
      }
      if (stats.isDirectory()) {
        const real = realpathSync(full);
        if (ancestors.has(real)) out.push(failing(path, 'link-loop', `a symbolic link to ${target(full)}, a folder that holds the link: a loop, not followed`));
        else walk(full, path + '/', new Set([...ancestors, real]));
      } else if (stats.isFile()) {
        out.push({ path, size: stats.size, read: () => readFileSync(full) });
      } else {
        out.push(failing(path, 'unreadable', 'not a regular file (a socket, pipe or device)'));
      }
    }
  };
  walk(dir, '', new Set([realpathSync(dir)]));
  return out;
}

function failing(path: string, code: string, message: string): InputFile {
  return {
    path,
    problem: { code, message },
    read: () => {
      throw new Error(message);
    },
  };
}

const target = (link: string) => JSON.stringify(readlinkSync(link));
