/** One message of a chat request, in the roles every chat API shares. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}
