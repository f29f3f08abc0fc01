// A child process worker that fails while loading, before it can serve anything.
export {};
throw new Error('the model file is missing');
