// Runs the s3rver command line (same arguments) with one fix: a put replaces an object atomically, as S3 does.
// Why by hand: s3rver 3.7.1 truncates and rewrites the object file in place and writes its length metadata afterwards,
// so a concurrent GET can see a mix of old and new; no maintained npm S3 server does better, and the object-store
// contract (readers see the old or the new object whole) must hold against the test server as it does against S3.
// Fix: the new content goes to a temporary file that is renamed over the object together with its metadata, under a
// per-key lock that a GET also holds while it reads the metadata and opens the file (an open file keeps its content).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const fsp = fs.promises;
const path = require('path');
const { pipeline, Transform } = require('stream');

const s3rverDir = process.env.S3RVER_DIR;
const FilesystemStore = require(path.join(s3rverDir, 'lib', 'stores', 'filesystem.js'));

const locks = new Map();
async function withKeyLock(bucket, key, action) {
  const id = `${bucket}\0${key}`;
  const previous = locks.get(id) || Promise.resolve();
  let release;
  const current = new Promise(resolve => (release = resolve));
  const chained = previous.then(() => current);
  locks.set(id, chained);
  await previous;
  try {
    return await action();
  } finally {
    release();
    if (locks.get(id) === chained) locks.delete(id);
  }
}

const originalGetObject = FilesystemStore.prototype.getObject;
FilesystemStore.prototype.getObject = function (bucket, key, options) {
  return withKeyLock(bucket, key, () => originalGetObject.call(this, bucket, key, options));
};

FilesystemStore.prototype.putObject = async function (object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fsp.mkdir(path.dirname(objectPath), { recursive: true });
  const temporary = `${objectPath}.${crypto.randomBytes(8).toString('hex')}.tmp`;
  const md5Context = crypto.createHash('md5');
  let size = 0;
  try {
    if (Buffer.isBuffer(object.content)) {
      await fsp.writeFile(temporary, object.content);
      md5Context.update(object.content);
      size = object.content.length;
    } else {
      await new Promise((resolve, reject) =>
        pipeline(
          object.content,
          new Transform({
            transform(chunk, encoding, callback) {
              md5Context.update(chunk, encoding);
              size += chunk.length;
              callback(null, chunk);
            },
          }),
          fs.createWriteStream(temporary),
          err => (err ? reject(err) : resolve()),
        ),
      );
    }
    const md5 = md5Context.digest('hex');
    await withKeyLock(object.bucket, object.key, async () => {
      await fsp.rename(temporary, objectPath);
      await this.putMetadata(object.bucket, object.key, object.metadata, md5);
    });
    return { size, md5 };
  } catch (err) {
    await fsp.rm(temporary, { force: true }).catch(() => {});
    throw err;
  }
};

process.argv.splice(1, 1, path.join(s3rverDir, 'bin', 's3rver.js'));
require(path.join(s3rverDir, 'bin', 's3rver.js'));
