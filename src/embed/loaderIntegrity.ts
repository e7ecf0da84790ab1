/**
 * The embed loader bloggers paste is the committed file public/embed/v1/loader.js, copied into the build as is (never
 * compiled), so its bytes, and the Subresource Integrity value in every pasted snippet, never change within v1.
 * This is that value (sha384, as browsers expect); src/embed/__tests__/loader.test.ts pins it to the file and to the
 * README, and the configurator prints it.
 */
export const LOADER_PATH = '/embed/v1/loader.js';
export const LOADER_INTEGRITY = 'sha384-0xD+y1v8tMirAE44smd2X74gAFncqQEvBAtNb/YAuctfnXbqfrKhWb3O1Q5BZ2mK';
