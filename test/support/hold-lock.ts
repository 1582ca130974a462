// A process that takes the lock on a data directory and holds it until killed (datadir-lock tests).
import { lockDataDir } from '../../src/server/db/datadir-lock.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-lock <dataDir>');
lockDataDir(dir);
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
