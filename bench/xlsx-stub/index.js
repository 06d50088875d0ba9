'use strict';
/**
 * Stand-in for SheetJS `xlsx` (the real package comes from a CDN this network cannot reach).
 * @sdeverywhere/compile imports it for Vensim GET DIRECT DATA; the benchmarks read no spreadsheets.
 */
function unsupported() {
  throw new Error('spreadsheets are not supported in this build (bench/xlsx-stub stands in for SheetJS xlsx)');
}
/** Accepts and ignores a filesystem implementation. */
function set_fs(_fs) {}
/** Always throws: spreadsheets are not supported in this build. */
function readFile(_path, _options) {
  unsupported();
}
const utils = {
  decode_cell: unsupported,
  decode_range: unsupported,
  encode_cell: unsupported,
  sheet_to_json: unsupported,
};
module.exports = { set_fs, readFile, utils };
