// "My loans" panel: lists active loans with a renew button each.

import { api, ApiError, Loan } from "./api";
import { daysUntil, dueLabel } from "./format";

const RENEW_ERRORS: Record<string, string> = {
  renewal_limit: "No renewals left for this item.",
  has_holds: "Someone is waiting for this title, so it cannot be renewed.",
  too_overdue: "This item is too overdue to renew. Please bring it back.",
};

export class LoanList {
  private loans: Loan[] = [];

  constructor(private readonly root: HTMLElement, private readonly memberId: number) {}

  async load(): Promise<void> {
    this.loans = await api.loans(this.memberId);
    this.render();
  }

  private render(): void {
    this.root.replaceChildren(...this.loans.map((loan) => this.row(loan)));
  }

  private row(loan: Loan): HTMLElement {
    const li = document.createElement("li");
    li.className = daysUntil(loan.due_on) < 0 ? "loan overdue" : "loan";
    li.textContent = `Item ${loan.item_id} - ${dueLabel(loan.due_on)} `;
    const button = document.createElement("button");
    button.textContent = "Renew";
    button.addEventListener("click", () => this.renew(loan, button));
    li.append(button);
    return li;
  }

  private async renew(loan: Loan, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const updated = await api.renew(loan.loan_id);
      this.loans = this.loans.map((l) => (l.loan_id === updated.loan_id ? updated : l));
      this.render();
    } catch (err) {
      const message = err instanceof ApiError ? RENEW_ERRORS[err.code] ?? err.message : String(err);
      alert(message);
      button.disabled = false;
    }
  }
}
