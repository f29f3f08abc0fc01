"""A short next-token training run, so that the tiny model's predictions are not uniform.

One CPU thread and fixed seeds: the same corpus gives the same weights on the same torch build.
"""

import time

import torch
from torch.nn import functional as F


def train(model, token_ids: list, steps: int, seed: int, window: int = 128, batch: int = 16, log=print):
    torch.manual_seed(seed)
    data = torch.tensor(token_ids, dtype=torch.int64)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / 100) * max(0.05, 1 - step / steps)
    )
    positions = torch.arange(window).repeat(batch, 1)
    mask = torch.ones(batch, window, dtype=torch.int64)
    started = time.time()
    model.train()
    for step in range(steps):
        starts = torch.randint(0, len(data) - window - 1, (batch,))
        rows = torch.stack([data[s : s + window + 1] for s in starts.tolist()])
        logits = model(rows[:, :-1], mask, positions, *model.empty_past(batch))[0]
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), rows[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if step % 200 == 0 or step == steps - 1:
            log(f"  step {step}: loss {loss.item():.3f} ({time.time() - started:.0f} s)")
    model.eval()
    return loss.item()
