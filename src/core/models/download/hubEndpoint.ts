/** The model hub: $HF_ENDPOINT (the variable Hugging Face's own tools read, for mirrors), else huggingface.co. */
export function hubEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return (env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/+$/, '');
}

/** The hub's address of one file of a model repository at a revision: `<endpoint>/<id>/resolve/<revision>/<file>`. */
export function hubFileUrl(endpoint: string, id: string, revision: string, file: string): string {
  const encodedFile = file.split('/').map(encodeURIComponent).join('/');
  return `${endpoint}/${id}/resolve/${encodeURIComponent(revision)}/${encodedFile}`;
}
