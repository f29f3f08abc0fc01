// Thin typed client for the Shelfwise JSON API.

export interface Loan {
  loan_id: number;
  item_id: number;
  member_id: number;
  checked_out_at: string;
  due_on: string;
  returned_on: string | null;
  renewals: number;
  status: "active" | "returned" | "lost" | "claimed_returned";
}

export interface FeeLine {
  amount: string; // decimal as text, e.g. "0.75"
  reason: string;
  loan_id: number | null;
  created_on: string;
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

const BASE_URL = "http://127.0.0.1:8080";

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const err = payload?.error ?? { code: "unknown", message: response.statusText };
    throw new ApiError(response.status, err.code, err.message);
  }
  return payload as T;
}

export const api = {
  loans: (memberId: number) =>
    request<{ loans: Loan[] }>("GET", `/members/${memberId}/loans`).then((r) => r.loans),
  fees: (memberId: number) =>
    request<{ fees: FeeLine[]; balance: string }>("GET", `/members/${memberId}/fees`),
  renew: (loanId: number) => request<Loan>("POST", `/loans/${loanId}/renew`),
  placeHold: (memberId: number, isbn: string) =>
    request<{ hold_id: number; status: string }>("POST", "/holds", { member_id: memberId, isbn }),
};
