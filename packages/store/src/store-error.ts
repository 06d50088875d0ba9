/** The error the store raises for something a user can fix (bad path, store in use, unknown run id, bad SQL). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
